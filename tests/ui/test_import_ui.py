"""Import from the UI on a real store: files converted off the UI thread, one
summary for what failed or lost something, the open-files dialog and drops."""

from __future__ import annotations

import inspect
import os
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QTableView, QWidget
from sqlalchemy import func, select

from editorial_desk.domain.article import ArticleSnapshot
from editorial_desk.importers.model import RefusalReason
from editorial_desk.importers.notices import (
    ENGLISH_TEXTS,
    ImportNotice,
    ImportWarningKind,
    placeholders,
)
from editorial_desk.services.articles import get_article
from editorial_desk.store.models import Article
from editorial_desk.ui import import_ui
from editorial_desk.ui.context import AppContext
from editorial_desk.ui.import_ui import (
    FileDropFilter,
    ImportController,
    ImportSummary,
    ask_import_files,
    refusal_text,
    status_text,
    warning_text,
)
from editorial_desk.ui.settings import AppSettings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"
MOSCOW = ZoneInfo("Europe/Moscow")


@pytest.fixture
def context(store, actor) -> AppContext:
    return AppContext(store, actor, MOSCOW)


@pytest.fixture
def window(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def _article_count(store) -> int:
    with store.session() as session:
        return session.scalar(select(func.count()).select_from(Article)) or 0


def _import(qtbot, controller: ImportController, paths: list[Path]) -> ImportSummary:
    with qtbot.waitSignal(controller.finished, timeout=60000) as blocker:
        controller.import_files(paths)
    return blocker.args[0]


def _broken_docx(folder: Path) -> Path:
    path = folder / "отчёт за ноябрь.docx"
    path.write_bytes(os.urandom(4096))
    return path


def test_a_word_file_becomes_a_draft(qtbot, context, window, store, message_boxes):
    controller = ImportController(context, window)
    created: list[ArticleSnapshot] = []
    controller.imported.connect(created.append)

    summary = _import(qtbot, controller, [FIXTURES / "skver.pandoc.docx"])

    [article] = created
    assert [item.article for item in summary.imported] == created
    with store.session() as session:
        stored = get_article(session, article.id)
    assert stored.title == "В Заречном районе открылся новый сквер"
    assert "<h2>Что сделано</h2>" in stored.body
    assert message_boxes.shown == []  # a clean import needs no message
    assert status_text(summary) == "Files imported: 1 of 1."
    assert not controller.busy


def test_a_broken_file_gets_one_message_naming_it_and_creates_nothing(
    qtbot, context, window, store, tmp_path, message_boxes
):
    broken = _broken_docx(tmp_path)
    controller = ImportController(context, window)

    summary = _import(qtbot, controller, [broken])

    assert not summary.imported and [f.path for f in summary.failed] == [broken]
    assert summary.failed[0].error.reason == RefusalReason.WRONG_FORMAT
    [(title, text, details)] = message_boxes.shown
    assert title == "Import Failed"
    assert text == "“отчёт за ноябрь.docx” could not be imported."
    assert details == refusal_text(RefusalReason.WRONG_FORMAT)
    assert "does not match its name" in details
    assert _article_count(store) == 0


def test_several_files_one_summary_with_failures_and_losses(
    qtbot, context, window, store, tmp_path, message_boxes
):
    broken = _broken_docx(tmp_path)
    program = tmp_path / "setup.exe"
    program.write_bytes(b"MZ" + bytes(100))
    controller = ImportController(context, window)
    created: list[ArticleSnapshot] = []
    controller.imported.connect(created.append)

    summary = _import(
        qtbot,
        controller,
        [FIXTURES / "konkurs.txt", broken, FIXTURES / "skver.libreoffice.html", program],
    )

    assert len(created) == 2 and _article_count(store) == 2
    [(title, text, details)] = message_boxes.shown
    assert title == "Import Finished"
    assert text == "Files imported: 2 of 4."
    assert "• отчёт за ноябрь.docx: The content of the file does not match its name" in details
    assert "• setup.exe: This type of file cannot be imported." in details
    assert "• skver.libreoffice.html: Pictures stored outside the file were left out: 1" in details
    assert len(summary.failed) == 2 and len(summary.warned) == 1


def test_files_dropped_during_an_import_join_it_and_cancel_stops_the_rest(
    qtbot, context, window, store, message_boxes
):
    controller = ImportController(context, window)
    with qtbot.waitSignal(controller.finished, timeout=60000) as blocker:
        controller.import_files([FIXTURES / "konkurs.txt"])
        controller.import_files([FIXTURES / "skver.txt", FIXTURES / "konkurs.pandoc.html"])
        assert controller.busy
    summary: ImportSummary = blocker.args[0]
    assert len(summary.imported) == 3 and summary.total == 3
    assert message_boxes.shown == []

    with qtbot.waitSignal(controller.finished, timeout=60000) as blocker:
        controller.import_files([FIXTURES / "konkurs.txt", FIXTURES / "skver.txt"])
        controller.cancel()  # while the first file is in the worker
    summary = blocker.args[0]
    assert [i.path.name for i in summary.imported] == ["konkurs.txt"]
    assert [p.name for p in summary.not_started] == ["skver.txt"]
    [(title, text, details)] = message_boxes.shown
    assert title == "Import Cancelled" and text == "Files imported: 1 of 2."
    assert "• skver.txt" in details
    assert _article_count(store) == 4


def test_every_refusal_reason_has_its_own_sentence():
    sentences = {reason: refusal_text(reason) for reason in RefusalReason}
    assert set(import_ui._REFUSAL_TEXTS) == set(RefusalReason)
    assert len(set(sentences.values())) == len(sentences)
    assert all(sentences.values())
    # A reason that crossed the worker's pipe as its plain value reads the same.
    assert refusal_text("zip_bomb") == sentences[RefusalReason.ZIP_BOMB]
    assert refusal_text("something new") == "The file cannot be imported."


def test_every_warning_kind_has_a_ui_text_and_a_cli_text_with_the_same_placeholders():
    assert set(import_ui._WARNING_TEXTS) == set(ImportWarningKind)
    assert set(ENGLISH_TEXTS) == set(ImportWarningKind)
    for kind in ImportWarningKind:
        assert placeholders(import_ui._WARNING_TEXTS[kind]) == placeholders(ENGLISH_TEXTS[kind])


def test_the_ui_translates_by_key_not_by_matching_english():
    # The tables are keyed by the enums (no pattern, no sentence as a key) ...
    assert all(isinstance(key, RefusalReason) for key in import_ui._REFUSAL_TEXTS)
    assert all(isinstance(key, ImportWarningKind) for key in import_ui._WARNING_TEXTS)
    source = inspect.getsource(import_ui)
    assert "re.compile" not in source and "fullmatch" not in source
    # ... so rewording the CLI's English changes nothing on screen.
    notice = ImportNotice.of(ImportWarningKind.PICTURES_ON_WEB, count=2)
    assert warning_text(notice) == "Pictures on the web were not downloaded: 2"
    assert str(notice) == "2 picture(s) on the web were not downloaded"


@pytest.mark.parametrize(
    ("notice", "shown"),
    [
        (
            ImportNotice.of(ImportWarningKind.PICTURES_UNSUPPORTED, count=1, format="image/x-emf"),
            "Pictures in the image/x-emf format were left out: 1",
        ),
        (
            ImportNotice.of(ImportWarningKind.PICTURES_TOO_LARGE, count=3, size=25),
            "Pictures larger than 25 MB were left out: 3",
        ),
        (
            ImportNotice.of(ImportWarningKind.DOCUMENT_WITHOUT_TITLE),
            "No headline was found; the file name became the title.",
        ),
        (
            ImportNotice.of(ImportWarningKind.TEXT_WITHOUT_HEADLINE),
            "No headline was found; the file name became the title.",
        ),
        (
            ImportNotice.of(
                ImportWarningKind.UNKNOWN_CHARSET, charset="x-mac-klingon", codec="cp1251"
            ),
            "The page declares an unknown character set “x-mac-klingon”; it was read as cp1251.",
        ),
        (
            ImportNotice.of(ImportWarningKind.TITLE_CUT, limit=500),
            "The title was longer than 500 characters and was shortened.",
        ),
    ],
)
def test_importer_warnings_are_shown_translated(notice, shown):
    assert warning_text(notice) == shown


def test_a_real_warning_is_recognised(qtbot, context, window, tmp_path, message_boxes):
    page = tmp_path / "без заголовка.html"
    page.write_text("<p>Только текст, без заголовка.</p>", encoding="utf-8")

    summary = _import(qtbot, ImportController(context, window), [page])

    [item] = summary.imported
    assert item.warnings == (ImportNotice.of(ImportWarningKind.PAGE_WITHOUT_TITLE),)
    [(_title, _text, details)] = message_boxes.shown
    assert "• без заголовка.html: No headline was found" in details


def test_open_files_dialog_filters_documents_and_remembers_the_folder(tmp_path):
    settings = AppSettings.in_file(tmp_path / "settings.ini")
    asked: list[tuple[str, str]] = []

    def fake_dialog(_parent, _title, start, filters):
        asked.append((start, filters))
        return [str(FIXTURES / "konkurs.txt"), str(FIXTURES / "skver.txt")], filters

    paths = ask_import_files(None, settings, get_open_file_names=fake_dialog)

    assert paths == [FIXTURES / "konkurs.txt", FIXTURES / "skver.txt"]
    assert asked[0][1].startswith("Documents (*.docx *.html *.htm *.txt)")
    assert settings.last_import_dir == FIXTURES

    def cancelled(_parent, _title, start, filters):
        asked.append((start, filters))
        return [], ""

    assert ask_import_files(None, settings, get_open_file_names=cancelled) == []
    assert asked[1][0] == str(FIXTURES)  # opens where the last files came from
    assert settings.last_import_dir == FIXTURES


def _mime(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def _drag_enter(widget: QWidget, mime: QMimeData) -> bool:
    event = QDragEnterEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction | Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def _drop(widget: QWidget, mime: QMimeData) -> bool:
    event = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.CopyAction | Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    event.ignore()  # as Qt delivers it: accepted only if someone takes it
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


@pytest.mark.parametrize("target", ["window", "table viewport"])
def test_dropped_documents_reach_the_callback(qtbot, tmp_path, target):
    window = QWidget()
    qtbot.addWidget(window)
    table = QTableView(window)
    widget = window if target == "window" else table.viewport()
    dropped: list[list[Path]] = []
    drops = FileDropFilter(dropped.append, window)
    drops.install(widget)
    assert widget.acceptDrops()
    files = [FIXTURES / "konkurs.libreoffice.docx", FIXTURES / "konkurs.txt"]

    mime = _mime(*files)
    assert _drag_enter(widget, mime)
    assert _drop(widget, mime)
    qtbot.waitUntil(lambda: bool(dropped), timeout=2000)
    assert dropped == [files]


def test_a_drag_without_documents_is_refused(qtbot, tmp_path):
    window = QWidget()
    qtbot.addWidget(window)
    dropped: list[list[Path]] = []
    FileDropFilter(dropped.append, window).install(window)
    program = tmp_path / "setup.exe"
    program.write_bytes(b"MZ")

    mime = _mime(program)
    assert not _drag_enter(window, mime)
    assert not _drop(window, mime)
    web = QMimeData()
    web.setUrls([QUrl("https://example.org/news.docx")])  # not a local file
    assert not _drag_enter(window, web)
    text = QMimeData()
    text.setText("просто текст")
    assert not _drag_enter(window, text)
    qtbot.wait(50)
    assert dropped == []
