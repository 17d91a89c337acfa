"""File → Export…, the work: :class:`ExportRunner` carries out an
:class:`ExportRequest` off the UI thread.

The flow the window drives:

1. ``ExportDialog(...).ask()`` → an :class:`ExportRequest` (or None: cancelled);
2. ``ExportRunner(context, request, window).start()``: plans the files in a
   worker (``plan_export``: which names are taken), asks "replace / keep both /
   skip" only if some exist, then runs ``export_articles`` in a worker with its
   own session, a progress dialog with Cancel, and a summary at the end.

This module is also the one the window imports for everything about exports
(the dialog, the status line): they are re-exported here.

Nothing here imports the services or the exporters at module level: the window
imports this module at start-up, and python-docx/SQLAlchemy load only when the
user exports (tests/ui/test_app.py keeps start-up light)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from editorial_desk.domain.errors import EditorialError
from editorial_desk.ui.background import BackgroundTask, run_in_background
from editorial_desk.ui.context import AppContext
from editorial_desk.ui.dialogs import show_message
from editorial_desk.ui.export_dialog import (
    ExportDialog,
    ExportRequest,
    ask_export_folder,
    elided,
)
from editorial_desk.ui.export_messages import (
    ExportOutcome,
    ask_on_existing,
    export_error_message,
    export_status_text,
    summary_box,
)

if TYPE_CHECKING:
    from editorial_desk.export.options import OnExisting
    from editorial_desk.services.exports import ExportResult, ExportStatus, PlannedFile

__all__ = [
    "ExportDialog",
    "ExportOutcome",
    "ExportRequest",
    "ExportRunner",
    "ask_export_folder",
    "export_status_text",
    "load_export_status",
    "open_folder",
]

translate = QCoreApplication.translate

PROGRESS_DELAY_MS = 400  # a quick export finishes before its progress dialog appears
PROGRESS_MIN_WIDTH_PX = 460


def load_export_status(context: AppContext, article_id: int) -> ExportStatus:
    """One short read (a session of its own) for the form's status line."""
    from editorial_desk.services.exports import export_status

    with context.store.session() as session:
        return export_status(session, article_id)


def open_folder(folder: Path) -> bool:
    """Show the folder in the system's file manager."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


class ExportRunner(QObject):
    """Runs one export request off the UI thread. Create, keep a reference (it is
    parented to `parent`), `start()`; `finished(ExportOutcome)` is emitted once,
    on the UI thread, before the summary message is shown."""

    finished = Signal(object)
    progressed = Signal(int, int, str)  # done, total, title: emitted by the worker

    def __init__(
        self,
        context: AppContext,
        request: ExportRequest,
        parent: QWidget,
        *,
        show_folder: Callable[[Path], bool] = open_folder,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._request = request
        self._parent = parent
        self._show_folder = show_folder
        self._cancel = threading.Event()  # read by the worker between two files
        self._tasks: list[BackgroundTask] = []
        self._busy_cursor = False
        self.progress_dialog: QProgressDialog | None = None
        self.outcome: ExportOutcome | None = None
        # The worker emits; this QObject lives on the UI thread, so Qt queues the
        # call and the slot runs there.
        self.progressed.connect(self._on_progress)

    @property
    def running(self) -> bool:
        return self.outcome is None and bool(self._tasks)

    def start(self) -> None:
        if self._tasks:  # one request, one run: a second export is a second runner
            return
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self._busy_cursor = True
        self._run(self._plan, self._on_planned)

    def cancel(self) -> None:
        """Stop before the next file (the current one is finished or never named)."""
        self._cancel.set()
        if self.progress_dialog is not None:
            self.progress_dialog.setLabelText(translate("ExportUi", "Cancelling…"))

    def ask_existing(self, existing: Sequence[PlannedFile], total: int) -> OnExisting | None:
        return ask_on_existing(self._parent, existing, total)

    # --- the two steps in the worker ---------------------------------------------------

    def _plan(self) -> list[PlannedFile]:
        from editorial_desk.services.exports import plan_export

        request = self._request
        with self._context.store.session() as session:
            return plan_export(
                session, request.selection, request.fmt, request.folder, request.options
            )

    def _export(
        self, policy: OnExisting, planned_total: int
    ) -> tuple[list[ExportResult], int, EditorialError | None]:
        from editorial_desk.services.exports import ExportIncompleteError, export_articles

        request = self._request
        total = [planned_total]

        def report(done: int, count: int, title: str) -> None:
            total[0] = count
            self._report(done, count, title)

        with self._context.store.session() as session:
            try:
                results = export_articles(
                    session,
                    self._context.user,
                    request.selection,
                    request.fmt,
                    request.folder,
                    request.options,
                    on_existing=policy,
                    progress=report,
                    cancelled=self._cancel.is_set,
                )
            except ExportIncompleteError as error:
                # Returning (not raising) commits: the log of the files that are
                # on disk stays in step with the disk.
                return error.results, error.total, error.error
        return results, total[0], None

    def _report(self, done: int, total: int, title: str) -> None:
        """Called by export_articles in the worker."""
        self.progressed.emit(done, total, title)

    # --- back on the UI thread ---------------------------------------------------------

    def _run(self, work: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        self._tasks.append(run_in_background(work, on_done, self._on_failed, self))

    def _on_planned(self, planned: list[PlannedFile]) -> None:
        from editorial_desk.export.options import OnExisting

        self._restore_cursor()
        if self._cancel.is_set():  # cancelled while planning: nothing was written
            self.outcome = ExportOutcome(self._request, total=len(planned), cancelled=True)
            self.finished.emit(self.outcome)
            return
        if not planned:
            self._finish(ExportOutcome(self._request))
            return
        policy = OnExisting.SUFFIX
        existing = [p for p in planned if p.exists]
        if existing:
            choice = self.ask_existing(existing, len(planned))
            if choice is None:  # the user said Cancel: nothing written, nothing to say
                self.outcome = ExportOutcome(self._request, total=len(planned), cancelled=True)
                self.finished.emit(self.outcome)
                return
            policy = choice
        self._open_progress(len(planned))
        self._run(lambda: self._export(policy, len(planned)), self._on_exported)

    def _on_progress(self, done: int, total: int, title: str) -> None:
        dialog = self.progress_dialog
        if dialog is None or self.outcome is not None:
            return
        dialog.setMaximum(max(total, 1))
        if title and not self._cancel.is_set():
            dialog.setLabelText(
                translate("ExportUi", "Exporting “{title}” ({number} of {total})…").format(
                    title=elided(dialog, title), number=done + 1, total=total
                )
            )
        dialog.setValue(done)

    def _on_exported(self, result: tuple[list[ExportResult], int, EditorialError | None]) -> None:
        results, total, error = result
        cancelled = self._cancel.is_set() and error is None and len(results) < total
        self._finish(ExportOutcome(self._request, results, total, cancelled, error))

    def _on_failed(self, error: BaseException) -> None:
        self._restore_cursor()
        self._close_progress()
        self.outcome = ExportOutcome(self._request, error=error)
        self.finished.emit(self.outcome)
        if not isinstance(error, EditorialError):
            raise error  # a bug: the app's excepthook shows it (and logs the traceback)
        show_message(self._parent, export_error_message(error))

    def _finish(self, outcome: ExportOutcome) -> None:
        self._close_progress()
        self.outcome = outcome
        self.finished.emit(outcome)
        self.show_summary(outcome)

    def show_summary(self, outcome: ExportOutcome) -> None:
        box = summary_box(self._parent, outcome)
        if QMessageBox.StandardButton(box.exec()) == QMessageBox.StandardButton.Open:
            self._show_folder(self._request.folder)

    def _open_progress(self, total: int) -> None:
        dialog = QProgressDialog(
            translate("ExportUi", "Preparing the export…"),
            translate("ExportUi", "Cancel"),
            0,
            max(total, 1),
            self._parent,
        )
        dialog.setWindowTitle(translate("ExportUi", "Exporting"))
        dialog.setMinimumWidth(PROGRESS_MIN_WIDTH_PX)  # steady while the label changes
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(PROGRESS_DELAY_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.cancel)
        dialog.setValue(0)
        self.progress_dialog = dialog

    def _close_progress(self) -> None:
        dialog, self.progress_dialog = self.progress_dialog, None
        if dialog is not None:
            dialog.canceled.disconnect(self.cancel)
            dialog.reset()
            dialog.hide()
            # Deleted, not just hidden: its show-after-a-delay timer must not bring
            # it back once the export is over.
            dialog.deleteLater()

    def _restore_cursor(self) -> None:
        if self._busy_cursor:
            self._busy_cursor = False
            QApplication.restoreOverrideCursor()
