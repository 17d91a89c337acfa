"""The texts of an export: the status line an article shows, the question about
files already in the folder, the closing summary and the error messages.

Plain functions over plain results (tests check the texts; the runner shows them).
The exporters are imported only inside functions that run after an export."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMessageBox, QWidget

from editorial_desk.domain.errors import EditorialError
from editorial_desk.ui.dialogs import widen_message_box
from editorial_desk.ui.error_messages import ErrorMessage, message_for
from editorial_desk.ui.export_dialog import ExportRequest
from editorial_desk.ui.labels import format_local_long

if TYPE_CHECKING:
    from editorial_desk.export.options import OnExisting
    from editorial_desk.services.exports import ExportResult, ExportStatus, PlannedFile

translate = QCoreApplication.translate

_FORMAT_NAMES: dict[str, str] = {
    "docx": QT_TRANSLATE_NOOP("ExportUi", "DOCX"),
    "html": QT_TRANSLATE_NOOP("ExportUi", "HTML fragment"),
    "page": QT_TRANSLATE_NOOP("ExportUi", "HTML page"),
    "zip": QT_TRANSLATE_NOOP("ExportUi", "ZIP bundle"),
}
LISTED_NAMES = 10  # file names a message lists before "…and N more"
SUMMARY_MIN_WIDTH_PX = 520  # file names in a summary fit on one line each

# The existing-files question uses standard buttons (renamed), so that a test can
# answer it like any other message box.
REPLACE_BUTTON = QMessageBox.StandardButton.Discard  # DestructiveRole: it replaces files
KEEP_BOTH_BUTTON = QMessageBox.StandardButton.Save
SKIP_BUTTON = QMessageBox.StandardButton.No


def format_name(fmt: str) -> str:
    """The display name of an ExportFormat (or its value): "DOCX", "HTML fragment"..."""
    key = str(fmt)
    return translate("ExportUi", _FORMAT_NAMES[key]) if key in _FORMAT_NAMES else key


# --- the article's export status ----------------------------------------------------


def export_status_text(status: ExportStatus, zone: tzinfo) -> str:
    """The line the article form shows: "Exported to DOCX on 27 ноября 2026 г.,
    14:30 — changed since", or "Not exported yet"."""
    record = status.last_export
    if record is None:
        return translate("ExportUi", "Not exported yet")
    if status.changed_since_export:
        text = translate("ExportUi", "Exported to {format} on {when} — changed since")
    else:
        text = translate("ExportUi", "Exported to {format} on {when}")
    return text.format(
        format=format_name(record.format), when=format_local_long(record.created_at, zone)
    )


# --- how an export ended ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExportOutcome:
    """How an export ended: what is on disk, and why it stopped if it stopped early."""

    request: ExportRequest
    results: list[ExportResult] = field(default_factory=list)
    total: int = 0
    cancelled: bool = False
    error: BaseException | None = None

    @property
    def written(self) -> list[ExportResult]:
        return [r for r in self.results if not r.skipped]

    @property
    def skipped(self) -> list[ExportResult]:
        return [r for r in self.results if r.skipped]


# --- the messages -----------------------------------------------------------------------


def _long_date(day: date) -> str:
    """«5 декабря 2026 г.»: the locale's long date without the weekday."""
    locale = QLocale()
    qdate = QDate(day.year, day.month, day.day)
    if locale.language() == QLocale.Language.C:
        return qdate.toString("yyyy-MM-dd")
    pattern = locale.dateFormat(QLocale.FormatType.LongFormat)
    for weekday in ("dddd, ", "dddd "):
        pattern = pattern.replace(weekday, "")
    return locale.toString(qdate, pattern)


def _listed(names: Sequence[str]) -> str:
    shown = "\n".join(names[:LISTED_NAMES])
    if len(names) > LISTED_NAMES:
        more = translate("ExportUi", "…and {count} more").format(count=len(names) - LISTED_NAMES)
        shown += f"\n{more}"
    return shown


def ask_on_existing(
    parent: QWidget | None, existing: Sequence[PlannedFile], total: int
) -> OnExisting | None:
    """Replace / keep both / skip for files already in the folder; None = cancel."""
    from editorial_desk.export.options import OnExisting

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("ExportUi", "Files Already Exist"))
    box.setText(
        translate("ExportUi", "Some files are already in the folder: {count} of {total}.").format(
            count=len(existing), total=total
        )
    )
    box.setInformativeText(
        _listed([p.path.name for p in existing])
        + "\n\n"
        + translate(
            "ExportUi",
            "Replace them, keep both (the new file gets a number, such as “-2”), "
            "or skip these articles?",
        )
    )
    box.setStandardButtons(
        REPLACE_BUTTON | KEEP_BOTH_BUTTON | SKIP_BUTTON | QMessageBox.StandardButton.Cancel
    )
    for button, text in (
        (REPLACE_BUTTON, translate("ExportUi", "Replace")),
        (KEEP_BOTH_BUTTON, translate("ExportUi", "Keep Both")),
        (SKIP_BUTTON, translate("ExportUi", "Skip")),
    ):
        widget = box.button(button)
        widget.setText(text)
        widget.setIcon(QIcon())  # a style's Save/Discard icon would mean something else
    widen_message_box(box, SUMMARY_MIN_WIDTH_PX)
    box.setDefaultButton(KEEP_BOTH_BUTTON)  # the choice that loses nothing
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)
    answer = QMessageBox.StandardButton(box.exec())
    return {
        REPLACE_BUTTON: OnExisting.OVERWRITE,
        KEEP_BOTH_BUTTON: OnExisting.SUFFIX,
        SKIP_BUTTON: OnExisting.SKIP,
    }.get(answer)


def export_error_message(error: EditorialError) -> ErrorMessage:
    """A failed write names the file; anything else is the app's usual message."""
    from editorial_desk.export.files import ExportWriteError

    if isinstance(error, ExportWriteError):
        return ErrorMessage(
            translate("ExportUi", "Cannot Export"),
            translate(
                "ExportUi",
                "Cannot write “{path}”. Check that the folder exists, that you may write "
                "to it and that the disk is not full.",
            ).format(path=error.path),
            error.detail,
        )
    return message_for(error)


def summary_message(outcome: ExportOutcome) -> tuple[ErrorMessage, QMessageBox.Icon]:
    """The closing message of an export (the texts only: tests check them)."""
    request = outcome.request
    written, skipped = outcome.written, outcome.skipped
    lines = [translate("ExportUi", "Folder: {folder}").format(folder=request.folder)]
    if written:
        lines += ["", _listed([r.path.name for r in written])]
    if skipped:
        lines += [
            "",
            translate("ExportUi", "Left as they were (already in the folder): {count}").format(
                count=len(skipped)
            ),
            _listed([r.path.name for r in skipped]),
        ]
    details = "\n".join(lines)
    if outcome.total == 0:
        if request.days is not None:
            first, last = (_long_date(day) for day in request.days)
            text = translate(
                "ExportUi", "The days {first} – {last} have no article with the ticked statuses."
            ).format(first=first, last=last)
        else:
            text = translate("ExportUi", "There is nothing to export.")
        return ErrorMessage(
            translate("ExportUi", "Nothing to Export"), text
        ), QMessageBox.Icon.Information
    fmt = format_name(request.fmt)
    if isinstance(outcome.error, EditorialError):
        reason = export_error_message(outcome.error)
        if not outcome.results:  # it failed at the first file: the reason says it all
            return reason, QMessageBox.Icon.Warning
        text = translate(
            "ExportUi", "Files written ({format}): {count} of {total}. Then the export stopped:"
        ).format(format=fmt, count=len(written), total=outcome.total)
        return (
            ErrorMessage(
                translate("ExportUi", "Export Incomplete"),
                f"{text}\n{reason.text}",
                "\n\n".join(part for part in (reason.details, details) if part),
            ),
            QMessageBox.Icon.Warning,
        )
    if outcome.cancelled:
        text = translate(
            "ExportUi",
            "The export was cancelled. Files written ({format}) before that: {count} of "
            "{total}. No unfinished file was left in the folder.",
        ).format(format=fmt, count=len(written), total=outcome.total)
        return (
            ErrorMessage(translate("ExportUi", "Export Cancelled"), text, details),
            QMessageBox.Icon.Information,
        )
    if written:
        text = translate("ExportUi", "Files written ({format}): {count}.").format(
            format=fmt, count=len(written)
        )
    else:
        text = translate("ExportUi", "No file was written: all of them are already in the folder.")
    return (
        ErrorMessage(translate("ExportUi", "Export Finished"), text, details),
        QMessageBox.Icon.Information,
    )


def summary_box(parent: QWidget | None, outcome: ExportOutcome) -> QMessageBox:
    """The closing message box, not yet shown; "Open Folder" is its Open button."""
    message, icon = summary_message(outcome)
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(message.title)
    box.setText(message.text)
    box.setInformativeText(message.details)
    if outcome.results:  # the full paths, behind "Show Details…"
        box.setDetailedText("\n".join(str(r.path) for r in outcome.results))
        box.setStandardButtons(QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Ok)
        box.button(QMessageBox.StandardButton.Open).setText(translate("ExportUi", "Open Folder"))
    else:
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setDefaultButton(QMessageBox.StandardButton.Ok)
    box.setEscapeButton(QMessageBox.StandardButton.Ok)
    widen_message_box(box, SUMMARY_MIN_WIDTH_PX)
    return box
