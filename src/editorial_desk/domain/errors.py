"""Errors a user can cause. Every layer raises these; the UI and the CLI turn them
into a clear message (the UI translates by exception type and fields, the CLI prints
`str(error)` as one line). Nothing here knows about Qt or SQLAlchemy."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from editorial_desk.domain.article import ArticleSnapshot


class EditorialError(Exception):
    """Base of every expected, user-facing error."""


class ValidationError(EditorialError):
    """Input that cannot be accepted (empty title, malformed date, ...)."""


class NotFoundError(EditorialError):
    def __init__(self, kind: str, ident: object) -> None:
        super().__init__(f"{kind} {ident} not found")
        self.kind = kind
        self.ident = ident


class PermissionDeniedError(EditorialError):
    """The current user's role may not take this action."""


class ConflictError(EditorialError):
    """A save based on an old version would overwrite somebody else's newer save.

    Carries both sides so the UI can show them; nothing has been written."""

    def __init__(self, mine: ArticleSnapshot, theirs: ArticleSnapshot) -> None:
        super().__init__(
            f"article {theirs.id} was changed by {theirs.author_name or 'someone else'} "
            f"(version {theirs.version}) after you opened version {mine.version}; "
            "your changes were not saved"
        )
        self.mine = mine
        self.theirs = theirs


class StoreError(EditorialError):
    """The database cannot be used as it is. The file has not been changed."""

    def __init__(self, location: str, detail: str = "") -> None:
        self.location = location
        self.detail = detail
        super().__init__(self._describe())

    def _describe(self) -> str:
        return f"cannot open the database {self.location}" + (
            f": {self.detail}" if self.detail else ""
        )


class StoreLockedError(StoreError):
    def _describe(self) -> str:
        return f"the database {self.location} is locked by another program; try again in a moment"


class StoreCorruptError(StoreError):
    def _describe(self) -> str:
        return f"the database {self.location} is damaged or is not an SQLite file" + (
            f" ({self.detail})" if self.detail else ""
        )


class StoreTooNewError(StoreError):
    def _describe(self) -> str:
        return (
            f"the database {self.location} was written by a newer version of Editorial Desk "
            f"(schema {self.detail}); please update the app"
        )


class NotOurStoreError(StoreError):
    def _describe(self) -> str:
        return (
            f"the database {self.location} is not an Editorial Desk database "
            f"({self.detail}); it was left untouched"
        )


class StoreUnavailableError(StoreError):
    def _describe(self) -> str:
        return f"cannot reach the database {self.location}" + (
            f": {self.detail}" if self.detail else ""
        )


class ImportRefusedError(ValidationError):
    """A file that cannot be imported (empty, damaged, encrypted, not the format its
    name says, or hostile: a ZIP bomb, a DTD). Nothing has been created.

    `reason` is a stable key the UI translates by (a
    `editorial_desk.importers.model.RefusalReason`, a str enum); the message is
    English for the CLI and logs. `filename` is empty until the layer that knows
    the file adds it. It pickles with all three (see `__reduce__`)."""

    def __init__(self, reason: str, message: str, *, filename: str = "") -> None:
        self.reason = reason
        self.detail = message
        self.filename = filename
        super().__init__(f"{filename}: {message}" if filename else message)

    def for_file(self, filename: str) -> ImportRefusedError:
        """The same refusal, naming the file."""
        return ImportRefusedError(self.reason, self.detail, filename=filename)

    def __reduce__(self) -> tuple[object, tuple[str, str, str]]:
        # The default pickles `args` (the joined sentence) into the constructor,
        # which takes the parts: a refusal crossing a process would not unpickle.
        return _import_refused, (self.reason, self.detail, self.filename)


def _import_refused(reason: str, message: str, filename: str) -> ImportRefusedError:
    return ImportRefusedError(reason, message, filename=filename)
