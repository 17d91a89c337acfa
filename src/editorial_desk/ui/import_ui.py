"""File → Import… and drag-and-drop: Word, HTML and text files become drafts.

* :func:`ask_import_files` is the native "open files" dialog;
* :class:`ImportController` imports the files one after another in a worker
  thread (``prepare_import``, then ``save_import`` in a short session of its own,
  as the CLI does), shows progress, emits ``imported`` per new draft and shows
  one summary at the end when a file was refused or lost something;
* :class:`FileDropFilter` turns files dropped on a widget into a callback.

The services are imported on first use only: the window imports this module at
start-up (tests/ui/test_app.py keeps start-up light)."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QMimeData,
    QObject,
    QStandardPaths,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from editorial_desk.domain.article import ArticleSnapshot
from editorial_desk.domain.errors import EditorialError, ImportRefusedError
from editorial_desk.domain.users import UserInfo
from editorial_desk.importers.model import RefusalReason
from editorial_desk.importers.notices import ImportNotice, ImportWarningKind
from editorial_desk.ui.background import BackgroundTask, run_in_background
from editorial_desk.ui.context import AppContext
from editorial_desk.ui.dialogs import widen_message_box
from editorial_desk.ui.error_messages import ErrorMessage, message_for, unexpected_error_message
from editorial_desk.ui.settings import AppSettings

translate = QCoreApplication.translate

PROGRESS_DELAY_MS = 500  # one small file imports before its progress dialog would appear
SUMMARY_MIN_WIDTH_PX = 520  # one line per file where the reason is short
PROGRESS_MIN_WIDTH_PX = 460  # steady while the label changes
NAME_WIDTH_PX = 360  # a long file name is elided in the middle (its extension stays)

# --- why a file was refused (ImportRefusedError.reason) --------------------------------
# Both tables are keyed by the importers' enums, never by their English sentences
# (tests/ui/test_import_ui.py checks each has every key); the strings are literal
# QT_TRANSLATE_NOOPs, so lupdate sees them.

_REFUSAL_TEXTS: dict[RefusalReason, str] = {
    RefusalReason.EMPTY: QT_TRANSLATE_NOOP("ImportUi", "The file is empty."),
    RefusalReason.TOO_LARGE: QT_TRANSLATE_NOOP("ImportUi", "The file is too large to import."),
    RefusalReason.UNSUPPORTED_TYPE: QT_TRANSLATE_NOOP(
        "ImportUi",
        "This type of file cannot be imported. Import Word documents (.docx), "
        "web pages (.html, .htm) or text files (.txt).",
    ),
    RefusalReason.WRONG_FORMAT: QT_TRANSLATE_NOOP(
        "ImportUi",
        "The content of the file does not match its name: it is not the kind of "
        "document its extension says (for example, a PDF or a picture renamed to .docx).",
    ),
    RefusalReason.OLD_WORD_FORMAT: QT_TRANSLATE_NOOP(
        "ImportUi",
        "This is the old Word format (.doc). Open it in Word or LibreOffice, save it "
        "as a Word document (.docx) and import that file.",
    ),
    RefusalReason.ENCRYPTED: QT_TRANSLATE_NOOP(
        "ImportUi",
        "The document is protected with a password. Remove the password in Word, "
        "save it and import it again.",
    ),
    RefusalReason.DAMAGED: QT_TRANSLATE_NOOP(
        "ImportUi", "The file is damaged or incomplete and cannot be read."
    ),
    RefusalReason.ZIP_BOMB: QT_TRANSLATE_NOOP(
        "ImportUi",
        "The file would unpack to far more data than a document holds, so it was "
        "refused for safety.",
    ),
    RefusalReason.DTD: QT_TRANSLATE_NOOP(
        "ImportUi",
        "The file contains markup that Word documents never contain (a DTD), so it "
        "was refused for safety.",
    ),
    RefusalReason.TIMEOUT: QT_TRANSLATE_NOOP(
        "ImportUi", "Converting the file took too long and was stopped."
    ),
    RefusalReason.CONVERSION_FAILED: QT_TRANSLATE_NOOP(
        "ImportUi", "The file could not be converted into an article."
    ),
}


def refusal_text(reason: RefusalReason | str) -> str:
    """The translated sentence for an ImportRefusedError reason key."""
    try:
        key = RefusalReason(reason)
    except ValueError:  # an ImportRefusedError raised outside the importers
        return translate("ImportUi", "The file cannot be imported.")
    return translate("ImportUi", _REFUSAL_TEXTS[key])


def failure_text(error: BaseException) -> str:
    """One translated sentence (and, for the unexpected, the technical detail)."""
    if isinstance(error, ImportRefusedError):
        return refusal_text(error.reason)
    if isinstance(error, EditorialError):
        message = message_for(error)
    else:  # a bug in a converter: say so, keep the detail for the report
        message = unexpected_error_message(error)
    return f"{message.text} ({message.details})" if message.details else message.text


# --- what a file lost on the way (ImportNotice.kind; its params fill the placeholders) ---

_WARNING_TEXTS: dict[ImportWarningKind, str] = {
    ImportWarningKind.PICTURES_LINKED: QT_TRANSLATE_NOOP(
        "ImportUi", "Pictures linked to files outside the document were left out: {count}"
    ),
    ImportWarningKind.PICTURES_TOO_LARGE: QT_TRANSLATE_NOOP(
        "ImportUi", "Pictures larger than {size} MB were left out: {count}"
    ),
    ImportWarningKind.PICTURES_UNSUPPORTED: QT_TRANSLATE_NOOP(
        "ImportUi", "Pictures in the {format} format were left out: {count}"
    ),
    ImportWarningKind.PICTURES_ON_WEB: QT_TRANSLATE_NOOP(
        "ImportUi", "Pictures on the web were not downloaded: {count}"
    ),
    ImportWarningKind.PICTURES_OUTSIDE_FILE: QT_TRANSLATE_NOOP(
        "ImportUi", "Pictures stored outside the file were left out: {count}"
    ),
    ImportWarningKind.UNKNOWN_CHARSET: QT_TRANSLATE_NOOP(
        "ImportUi",
        "The page declares an unknown character set “{charset}”; it was read as {codec}.",
    ),
    ImportWarningKind.FALSE_UTF8: QT_TRANSLATE_NOOP(
        "ImportUi", "The page claims to be in UTF-8 but is not; it was read as {codec}."
    ),
    ImportWarningKind.DOCUMENT_WITHOUT_TITLE: QT_TRANSLATE_NOOP(
        "ImportUi", "No headline was found; the file name became the title."
    ),
    ImportWarningKind.PAGE_WITHOUT_TITLE: QT_TRANSLATE_NOOP(
        "ImportUi", "No headline was found; the file name became the title."
    ),
    ImportWarningKind.TEXT_WITHOUT_HEADLINE: QT_TRANSLATE_NOOP(
        "ImportUi", "No headline was found; the file name became the title."
    ),
    ImportWarningKind.TITLE_CUT: QT_TRANSLATE_NOOP(
        "ImportUi", "The title was longer than {limit} characters and was shortened."
    ),
}


def warning_text(notice: ImportNotice) -> str:
    """The translated sentence for one importer warning."""
    return translate("ImportUi", _WARNING_TEXTS[notice.kind]).format(**notice.params)


# --- results ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ImportedFile:
    path: Path
    article: ArticleSnapshot
    warnings: tuple[ImportNotice, ...] = ()


@dataclass(frozen=True, slots=True)
class FailedFile:
    path: Path
    error: BaseException


@dataclass(slots=True)
class ImportSummary:
    imported: list[ImportedFile] = field(default_factory=list)
    failed: list[FailedFile] = field(default_factory=list)
    not_started: list[Path] = field(default_factory=list)  # after Cancel

    @property
    def total(self) -> int:
        return len(self.imported) + len(self.failed) + len(self.not_started)

    @property
    def warned(self) -> list[ImportedFile]:
        return [item for item in self.imported if item.warnings]


def summary_message(summary: ImportSummary) -> ErrorMessage | None:
    """The closing message, or None when every file became a draft intact (the
    new drafts in the list say enough; see `status_text`)."""
    if not summary.failed and not summary.warned and not summary.not_started:
        return None
    if summary.not_started:
        title = translate("ImportUi", "Import Cancelled")
    elif summary.imported:
        title = translate("ImportUi", "Import Finished")
    else:
        title = translate("ImportUi", "Import Failed")
    if len(summary.failed) == 1 and summary.total == 1:  # the common drop of one file
        [failed] = summary.failed
        text = translate("ImportUi", "“{name}” could not be imported.").format(
            name=failed.path.name
        )
        return ErrorMessage(title, text, failure_text(failed.error))
    text = translate("ImportUi", "Files imported: {count} of {total}.").format(
        count=len(summary.imported), total=summary.total
    )
    parts: list[str] = []
    if summary.failed:
        lines = [translate("ImportUi", "Not imported:")]
        lines += [f"• {item.path.name}: {failure_text(item.error)}" for item in summary.failed]
        parts.append("\n".join(lines))
    if summary.warned:
        lines = [translate("ImportUi", "Imported, but not everything could be carried over:")]
        for item in summary.warned:
            lines += [f"• {item.path.name}: {warning_text(w)}" for w in item.warnings]
        parts.append("\n".join(lines))
    if summary.not_started:
        lines = [translate("ImportUi", "Not started (cancelled):")]
        lines += [f"• {path.name}" for path in summary.not_started]
        parts.append("\n".join(lines))
    return ErrorMessage(title, text, "\n\n".join(parts))


def status_text(summary: ImportSummary) -> str:
    """A status-bar line for any import (also the clean ones that show no message)."""
    return translate("ImportUi", "Files imported: {count} of {total}.").format(
        count=len(summary.imported), total=summary.total
    )


def summary_box(parent: QWidget | None, summary: ImportSummary) -> QMessageBox | None:
    """The closing message box, not yet shown; None when there is nothing to say."""
    message = summary_message(summary)
    if message is None:
        return None
    box = QMessageBox(parent)
    trouble = summary.failed or summary.not_started
    box.setIcon(QMessageBox.Icon.Warning if trouble else QMessageBox.Icon.Information)
    box.setWindowTitle(message.title)
    box.setText(message.text)
    box.setInformativeText(message.details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    widen_message_box(box, SUMMARY_MIN_WIDTH_PX)
    return box


# --- the open-files dialog ----------------------------------------------------------------

FileNamesChooser = Callable[[QWidget | None, str, str, str], tuple[list[str], str]]


def ask_import_files(
    parent: QWidget | None,
    settings: AppSettings,
    *,
    get_open_file_names: FileNamesChooser = QFileDialog.getOpenFileNames,
) -> list[Path]:
    """The native "open files" dialog, in the folder used last; [] when cancelled.
    Tests pass their own `get_open_file_names`."""
    from editorial_desk.services.imports import SUPPORTED_SUFFIXES

    patterns = " ".join(f"*{suffix}" for suffix in SUPPORTED_SUFFIXES)
    filters = ";;".join(
        (
            translate("ImportUi", "Documents ({patterns})").format(patterns=patterns),
            translate("ImportUi", "All files (*)"),
        )
    )
    start = settings.last_import_dir or Path(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        or Path.home()
    )
    names, _filter = get_open_file_names(
        parent, translate("ImportUi", "Import Documents"), str(start), filters
    )
    paths = [Path(name) for name in names]
    if paths:
        settings.last_import_dir = paths[0].parent
        settings.sync()
    return paths


# --- the controller -----------------------------------------------------------------------


def _import_one(context: AppContext, actor: UserInfo, path: Path) -> ImportedFile:
    """In the worker: convert (slow, no session), then store in one short session."""
    from editorial_desk.services.imports import prepare_import, save_import

    document = prepare_import(path)
    with context.store.session() as session:
        article = save_import(session, actor, document, source_name=path.name)
    return ImportedFile(path, article, tuple(document.warnings))


class ImportController(QObject):
    """Imports files one at a time off the UI thread. Files handed in while an
    import runs join its queue (and its one summary).

    Signals (on the UI thread): `imported(ArticleSnapshot)` per new draft,
    `finished(ImportSummary)` once the queue is empty (before the summary message)."""

    imported = Signal(object)
    finished = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self._context = context
        self._parent = parent
        self._queue: deque[Path] = deque()
        self._summary = ImportSummary()
        self._task: BackgroundTask | None = None
        self._current: Path | None = None
        self._cancelled = False
        self.progress_dialog: QProgressDialog | None = None

    @property
    def busy(self) -> bool:
        # `_current`, not `_task`: it is set before the progress update, whose
        # event processing may deliver a drop that calls `import_files` again.
        return self._current is not None

    def import_files(self, paths: Iterable[Path | str]) -> None:
        new = [Path(p) for p in paths]
        if not new:
            return
        self._queue.extend(new)
        if self.busy:
            self._update_progress()
            return
        self._summary = ImportSummary()
        self._cancelled = False
        self._open_progress()
        self._next()

    def cancel(self) -> None:
        """Import no further file (the one being converted still completes)."""
        self._cancelled = True
        if self.progress_dialog is not None:
            self.progress_dialog.setLabelText(translate("ImportUi", "Cancelling…"))

    # --- the queue ----------------------------------------------------------------------

    def _next(self) -> None:
        if self._cancelled:
            self._summary.not_started.extend(self._queue)
            self._queue.clear()
        if not self._queue:
            self._finish()
            return
        path = self._current = self._queue.popleft()
        self._update_progress()
        context, actor = self._context, self._context.user
        self._task = run_in_background(
            lambda: _import_one(context, actor, path), self._on_done, self._on_failed, self
        )

    def _on_done(self, result: ImportedFile) -> None:
        self._drop_task()
        self._summary.imported.append(result)
        self.imported.emit(result.article)
        self._next()

    def _on_failed(self, error: BaseException) -> None:
        self._drop_task()
        assert self._current is not None
        self._summary.failed.append(FailedFile(self._current, error))
        self._next()

    def _drop_task(self) -> None:
        if self._task is not None:
            self._task.deleteLater()
            self._task = None

    def _finish(self) -> None:
        self._close_progress()
        summary, self._summary = self._summary, ImportSummary()
        self._current = None
        self.finished.emit(summary)
        self.show_summary(summary)

    def show_summary(self, summary: ImportSummary) -> None:
        box = summary_box(self._parent, summary)
        if box is not None:
            box.exec()

    # --- progress -------------------------------------------------------------------------

    def _done_count(self) -> int:
        return len(self._summary.imported) + len(self._summary.failed)

    def _open_progress(self) -> None:
        dialog = QProgressDialog(
            translate("ImportUi", "Importing…"),
            translate("ImportUi", "Cancel"),
            0,
            1,
            self._parent,
        )
        dialog.setWindowTitle(translate("ImportUi", "Import"))
        dialog.setMinimumWidth(PROGRESS_MIN_WIDTH_PX)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(PROGRESS_DELAY_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.cancel)
        self.progress_dialog = dialog

    def _update_progress(self) -> None:
        dialog = self.progress_dialog
        if dialog is None:
            return
        done = self._done_count()
        total = done + len(self._queue) + (1 if self._current is not None else 0)
        dialog.setMaximum(max(total, 1))
        if self._current is not None and not self._cancelled:
            dialog.setLabelText(
                translate("ImportUi", "Importing “{name}” ({number} of {total})…").format(
                    name=dialog.fontMetrics().elidedText(
                        self._current.name, Qt.TextElideMode.ElideMiddle, NAME_WIDTH_PX
                    ),
                    number=done + 1,
                    total=total,
                )
            )
        dialog.setValue(done)

    def _close_progress(self) -> None:
        dialog, self.progress_dialog = self.progress_dialog, None
        if dialog is not None:
            dialog.canceled.disconnect(self.cancel)
            dialog.reset()
            dialog.hide()
            dialog.deleteLater()  # so its delayed-show timer cannot bring it back


# --- drag and drop ----------------------------------------------------------------------


def local_files(mime: QMimeData) -> list[Path]:
    """The local files a drag carries (URLs of web pages and the like are not files)."""
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def _is_importable(name: str) -> bool:
    from editorial_desk.services.imports import is_importable

    return is_importable(name)


class FileDropFilter(QObject):
    """Accepts drags of local files of which at least one can be imported; on drop
    calls `on_drop` with all the dropped files (the import summary then explains
    any it refuses, rather than leaving them out silently).

    `install(widget)` on the main window and on the list's viewport (a view takes
    drops on its viewport, not on itself)."""

    def __init__(
        self,
        on_drop: Callable[[list[Path]], None],
        parent: QObject | None = None,
        *,
        accepts: Callable[[str], bool] = _is_importable,
    ) -> None:
        super().__init__(parent)
        self._on_drop = on_drop
        self._accepts = accepts

    def install(self, widget: QWidget) -> None:
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def wanted(self, mime: QMimeData) -> list[Path]:
        """The dropped files, if this drag is one to take at all; else []."""
        paths = local_files(mime)
        return paths if any(self._accepts(path.name) for path in paths) else []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDragEnterEvent | QDragMoveEvent)
            if not self.wanted(event.mimeData()):
                return False  # not ours: the widget may handle it (or refuse it)
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            return True
        if kind == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            paths = self.wanted(event.mimeData())
            if not paths:
                return False
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            # Later, from the event loop: on Windows the drop is delivered inside
            # the source's drag loop, and Explorer would hang while we import.
            QTimer.singleShot(0, lambda: self._on_drop(paths))
            return True
        return False
