"""Clear, translated messages for every error a user can cause.

The domain's exceptions carry fields (`location`, `detail`, `kind`, `ident`, the two
snapshots of a conflict); the English `str(error)` is for the CLI and logs. Here each
exception type gets its own translated sentence built from those fields. The most
specific type wins (the lookup walks the exception's MRO)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from editorial_desk.domain.calendar import PlannedDateChangedError
from editorial_desk.domain.errors import (
    ConflictError,
    EditorialError,
    NotFoundError,
    NotOurStoreError,
    PermissionDeniedError,
    StoreCorruptError,
    StoreError,
    StoreLockedError,
    StoreTooNewError,
    StoreUnavailableError,
    ValidationError,
)

translate = QCoreApplication.translate


@dataclass(frozen=True, slots=True)
class ErrorMessage:
    title: str  # the dialog's window title
    text: str  # the main sentence(s)
    details: str = ""  # optional technical detail (English, from the exception)


_KINDS = {
    "article": QT_TRANSLATE_NOOP("ErrorMessages", "article"),
    "user": QT_TRANSLATE_NOOP("ErrorMessages", "user"),
    "revision": QT_TRANSLATE_NOOP("ErrorMessages", "revision"),
    "asset": QT_TRANSLATE_NOOP("ErrorMessages", "image"),
}


def _store_title() -> str:
    return translate("ErrorMessages", "Cannot open the database")


def _store_locked(error: StoreLockedError) -> ErrorMessage:
    return ErrorMessage(
        _store_title(),
        translate(
            "ErrorMessages",
            "The database “{location}” is in use by another program and stays locked.\n\n"
            "Close the other program or try again in a moment.",
        ).format(location=error.location),
    )


def _store_corrupt(error: StoreCorruptError) -> ErrorMessage:
    return ErrorMessage(
        _store_title(),
        translate(
            "ErrorMessages",
            "The file “{location}” is damaged or is not a database file.\n\n"
            "The file was not changed. Restore it from a backup copy or choose another file.",
        ).format(location=error.location),
        error.detail,
    )


def _store_too_new(error: StoreTooNewError) -> ErrorMessage:
    return ErrorMessage(
        _store_title(),
        translate(
            "ErrorMessages",
            "The database “{location}” was written by a newer version of Editorial Desk "
            "(schema {schema}).\n\nPlease update the app. The file was not changed.",
        ).format(location=error.location, schema=error.detail),
    )


def _not_our_store(error: NotOurStoreError) -> ErrorMessage:
    return ErrorMessage(
        _store_title(),
        translate(
            "ErrorMessages",
            "The file “{location}” is not an Editorial Desk database.\n\n"
            "It was left untouched. Choose another file.",
        ).format(location=error.location),
        error.detail,
    )


def _store_unavailable(error: StoreUnavailableError) -> ErrorMessage:
    return ErrorMessage(
        _store_title(),
        translate(
            "ErrorMessages",
            "Cannot reach the database “{location}”.\n\n"
            "Check the network connection or the server, then try again.",
        ).format(location=error.location),
        error.detail,
    )


def _store_generic(error: StoreError) -> ErrorMessage:
    return ErrorMessage(
        _store_title(),
        translate("ErrorMessages", "Cannot use the database “{location}”.").format(
            location=error.location
        ),
        error.detail,
    )


def _validation(error: ValidationError) -> ErrorMessage:
    return ErrorMessage(
        translate("ErrorMessages", "Cannot accept the input"),
        translate("ErrorMessages", "Please check what you entered."),
        str(error),
    )


def _not_found(error: NotFoundError) -> ErrorMessage:
    kind = error.kind
    kind_text = translate("ErrorMessages", _KINDS[kind]) if kind in _KINDS else kind
    return ErrorMessage(
        translate("ErrorMessages", "Not found"),
        translate(
            "ErrorMessages",
            "The {kind} “{ident}” does not exist any more; someone may have deleted it.",
        ).format(kind=kind_text, ident=error.ident),
    )


def _permission(error: PermissionDeniedError) -> ErrorMessage:
    return ErrorMessage(
        translate("ErrorMessages", "Not allowed"),
        translate("ErrorMessages", "Your role does not allow this action."),
        str(error),
    )


def _conflict(error: ConflictError) -> ErrorMessage:
    return ErrorMessage(
        translate("ErrorMessages", "Saved by someone else"),
        translate(
            "ErrorMessages",
            "“{title}” was saved by someone else (version {theirs}) after you opened "
            "version {mine}. Your changes were not saved and nothing was overwritten.",
        ).format(title=error.theirs.title, theirs=error.theirs.version, mine=error.mine.version),
    )


def _plan_changed(error: PlannedDateChangedError) -> ErrorMessage:
    # a calendar undo/redo (or a drag from an old view) that found a newer date
    return ErrorMessage(
        translate("ErrorMessages", "The plan has changed"),
        translate(
            "ErrorMessages",
            "The planned date of “{title}” has been changed in the meantime, so it was "
            "left as it is and nothing was overwritten. The calendar now shows the "
            "current plan.",
        ).format(title=error.theirs.title),
    )


def _generic(error: EditorialError) -> ErrorMessage:
    return ErrorMessage(translate("ErrorMessages", "Editorial Desk"), str(error))


_BY_TYPE: dict[type[EditorialError], Callable[..., ErrorMessage]] = {
    StoreLockedError: _store_locked,
    StoreCorruptError: _store_corrupt,
    StoreTooNewError: _store_too_new,
    NotOurStoreError: _not_our_store,
    StoreUnavailableError: _store_unavailable,
    StoreError: _store_generic,
    ValidationError: _validation,
    NotFoundError: _not_found,
    PermissionDeniedError: _permission,
    PlannedDateChangedError: _plan_changed,
    ConflictError: _conflict,
    EditorialError: _generic,
}


def message_for(error: EditorialError) -> ErrorMessage:
    """The translated message for `error`, by its most specific known type."""
    for cls in type(error).__mro__:
        builder = _BY_TYPE.get(cls)
        if builder is not None:
            return builder(error)
    return _generic(error)


def unexpected_error_message(error: BaseException) -> ErrorMessage:
    """For a bug (not something the user caused): say so plainly, no traceback."""
    return ErrorMessage(
        translate("ErrorMessages", "Unexpected error"),
        translate(
            "ErrorMessages",
            "Something went wrong inside Editorial Desk. Your saved work is safe; "
            "unsaved text is still in the editor.",
        ),
        f"{type(error).__name__}: {error}",
    )
