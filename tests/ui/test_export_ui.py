"""Export from the UI on a real store: the dialog's request, the runner's worker,
progress and cancel, the existing-files question, the summary and the status line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from docx import Document
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from editorial_desk.domain.statuses import Status
from editorial_desk.export.files import is_temp_file
from editorial_desk.export.options import ExportFormat
from editorial_desk.services.articles import create_article
from editorial_desk.services.exports import ExportRecord, ExportStatus, list_exports
from editorial_desk.store.models import Article
from editorial_desk.ui.context import AppContext
from editorial_desk.ui.export_messages import KEEP_BOTH_BUTTON, REPLACE_BUTTON, SKIP_BUTTON
from editorial_desk.ui.export_ui import (
    ExportDialog,
    ExportOutcome,
    ExportRequest,
    ExportRunner,
    export_status_text,
    load_export_status,
)
from editorial_desk.ui.settings import AppSettings

MOSCOW = ZoneInfo("Europe/Moscow")
ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


@pytest.fixture(autouse=True)
def english():
    previous = QLocale()
    QLocale.setDefault(ENGLISH)
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def context(store, actor) -> AppContext:
    return AppContext(store, actor, MOSCOW)


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings.in_file(tmp_path / "settings.ini")


@pytest.fixture
def window(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    return tmp_path / "Выгрузка"  # Cyrillic on purpose: the office's folders are


def _new(store, actor, title: str, planned: datetime, status: Status = Status.APPROVED) -> int:
    with store.session() as session:
        article = create_article(
            session,
            actor,
            title=title,
            lead="Лид новости.",
            body=f"<p>Текст новости «{title}».</p>",
            rubric="Город",
            planned_at=planned,
        )
        session.get(Article, article.id).status = status.value  # set-up, not the workflow
        return article.id


def _day(day: int, hour: int = 7, minute: int = 0) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=UTC)


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.is_file())


def _ask(settings: AppSettings, ids: list[int], folder: Path, fmt: str = "docx") -> ExportRequest:
    """Fill the dialog the way a user does (the folder through the chooser) and accept."""
    dialog = ExportDialog(
        settings, MOSCOW, ids, choose_folder=lambda _parent, _start: folder, today=date(2026, 12, 5)
    )
    dialog.browse_button.click()
    dialog.set_format(fmt)
    dialog.accept()
    assert dialog.request is not None, dialog.error_label.text()
    return dialog.request


def _run(qtbot, runner: ExportRunner) -> ExportOutcome:
    with qtbot.waitSignal(runner.finished, timeout=30000) as blocker:
        runner.start()
    outcome = blocker.args[0]
    assert runner.outcome is outcome
    return outcome


def test_selected_article_exports_as_docx_off_the_ui_thread(
    qtbot, context, settings, window, out_dir, store, actor, message_boxes
):
    article_id = _new(store, actor, "Открылся каток в парке", _day(5))
    request = _ask(settings, [article_id], out_dir)
    opened: list[Path] = []
    runner = ExportRunner(context, request, window, show_folder=lambda p: opened.append(p) or True)
    ui_thread = threading.get_ident()
    worker_threads: list[int] = []
    real_plan = runner._plan
    runner._plan = lambda: (worker_threads.append(threading.get_ident()), real_plan())[1]
    message_boxes.answers = [QMessageBox.StandardButton.Open]  # "Open Folder" in the summary

    outcome = _run(qtbot, runner)

    assert worker_threads and worker_threads[0] != ui_thread
    [result] = outcome.written
    assert result.path == out_dir / "2026-12-05_otkrylsya-katok-v-parke.docx"
    document = Document(str(result.path))
    assert "Открылся каток" in "\n".join(p.text for p in document.paragraphs)
    [(title, text, details)] = message_boxes.shown
    assert title == "Export Finished"
    assert text == "Files written (DOCX): 1."
    assert result.path.name in details and str(out_dir) in details
    assert opened == [out_dir]
    # the log is committed: the form's status line sees it
    with store.session() as session:
        assert len(list_exports(session, article_id)) == 1
    status = load_export_status(context, article_id)
    assert export_status_text(status, MOSCOW).startswith("Exported to DOCX on ")
    # the dialog remembered the choices for next time
    assert settings.last_export_dir == out_dir
    assert settings.last_export_format == "docx"


def test_batch_exports_a_date_range_in_the_office_zone(
    qtbot, context, settings, window, out_dir, store, actor, message_boxes
):
    _new(store, actor, "Пятница", _day(5))
    _new(store, actor, "Суббота, поздний вечер", _day(6, 20, 30), Status.SCHEDULED)  # 23:30 MSK
    _new(store, actor, "Воскресенье, полночь", _day(6, 21, 30))  # 00:30 on the 7th in Moscow
    _new(store, actor, "Черновик субботы", _day(6), Status.DRAFT)
    _new(store, actor, "Опубликованная суббота", _day(6), Status.PUBLISHED)

    dialog = ExportDialog(settings, MOSCOW, [], today=date(2026, 12, 5))
    assert dialog.batch_radio.isChecked() and not dialog.selected_radio.isEnabled()
    dialog.folder_edit.setText(str(out_dir))
    dialog.set_batch(date(2026, 12, 5), date(2026, 12, 6))
    dialog.set_format("html")
    dialog.accept()
    assert dialog.request is not None

    outcome = _run(qtbot, ExportRunner(context, dialog.request, window))

    assert [r.path.name for r in outcome.written] == [
        "2026-12-05_pyatnitsa.html",
        "2026-12-06_subbota-pozdniy-vecher.html",
    ]
    assert _files(out_dir) == [r.path.name for r in outcome.written]
    assert message_boxes.texts() == ["Files written (HTML fragment): 2."]


def test_an_empty_batch_says_so(qtbot, context, settings, window, out_dir, message_boxes):
    dialog = ExportDialog(settings, MOSCOW, [])
    dialog.folder_edit.setText(str(out_dir))
    dialog.set_batch(date(2026, 12, 5), date(2026, 12, 6))
    dialog.accept()
    assert dialog.request is not None

    outcome = _run(qtbot, ExportRunner(context, dialog.request, window))

    assert outcome.total == 0 and not outcome.results
    [(title, text, _details)] = message_boxes.shown
    assert title == "Nothing to Export"
    assert (
        text
        == "The days December 5, 2026 – December 6, 2026 have no article with the ticked statuses."
    )
    assert not out_dir.exists()


def test_cancel_midway_keeps_whole_files_and_says_how_many(
    qtbot, context, settings, window, out_dir, store, actor, message_boxes
):
    ids = [_new(store, actor, f"Новость {n}", _day(n)) for n in (5, 6, 7)]
    runner = ExportRunner(context, _ask(settings, ids, out_dir), window)
    # Hold the worker at the second item until the user has pressed Cancel, so the
    # test does not race the worker: the second file is written, the third is not.
    at_second, go_on = threading.Event(), threading.Event()
    report = runner._report

    def held_report(done: int, total: int, title: str) -> None:
        report(done, total, title)
        if done == 1:
            at_second.set()
            go_on.wait(10)

    runner._report = held_report
    with qtbot.waitSignal(runner.finished, timeout=30000) as blocker:
        runner.start()
        qtbot.waitUntil(at_second.is_set, timeout=20000)
        qtbot.waitUntil(
            lambda: runner.progress_dialog is not None and runner.progress_dialog.value() == 1
        )
        runner.progress_dialog.findChild(QPushButton).click()  # the dialog's Cancel
        go_on.set()
    outcome = blocker.args[0]

    assert outcome.cancelled and outcome.total == 3
    assert len(outcome.written) == 2
    assert _files(out_dir) == sorted(r.path.name for r in outcome.written)
    assert not [name for name in os.listdir(out_dir) if is_temp_file(name)]
    [(title, text, _details)] = message_boxes.shown
    assert title == "Export Cancelled"
    assert "Files written (DOCX) before that: 2 of 3." in text
    with store.session() as session:
        assert [len(list_exports(session, i)) for i in ids] == [1, 1, 0]


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (KEEP_BOTH_BUTTON, ["2026-12-05_novost.page.html", "2026-12-05_novost-2.page.html"]),
        (REPLACE_BUTTON, ["2026-12-05_novost.page.html"]),
        (SKIP_BUTTON, ["2026-12-05_novost.page.html"]),
    ],
)
def test_existing_files_are_asked_about_first(
    qtbot, context, settings, window, out_dir, store, actor, message_boxes, answer, expected
):
    article_id = _new(store, actor, "Новость", _day(5))
    out_dir.mkdir()
    existing = out_dir / "2026-12-05_novost.page.html"
    existing.write_text("правка веб-редактора", encoding="utf-8")
    message_boxes.answers = [answer]

    outcome = _run(
        qtbot, ExportRunner(context, _ask(settings, [article_id], out_dir, "page"), window)
    )

    question, summary = message_boxes.shown
    assert question[0] == "Files Already Exist"
    assert question[1] == "Some files are already in the folder: 1 of 1."
    assert existing.name in question[2]
    assert sorted(_files(out_dir)) == sorted(expected)
    replaced = existing.read_text(encoding="utf-8") != "правка веб-редактора"
    assert replaced == (answer == REPLACE_BUTTON)
    if answer == SKIP_BUTTON:
        assert summary[1] == "No file was written: all of them are already in the folder."
        assert outcome.skipped and not outcome.written
    else:
        assert summary[1] == "Files written (HTML page): 1."


def test_cancel_on_the_existing_files_question_writes_nothing(
    qtbot, context, settings, window, out_dir, store, actor, message_boxes
):
    article_id = _new(store, actor, "Новость", _day(5))
    out_dir.mkdir()
    (out_dir / "2026-12-05_novost.docx").write_bytes(b"old")
    message_boxes.answers = [QMessageBox.StandardButton.Cancel]

    outcome = _run(qtbot, ExportRunner(context, _ask(settings, [article_id], out_dir), window))

    assert outcome.cancelled and not outcome.results
    assert len(message_boxes.shown) == 1  # the question only, no summary
    assert _files(out_dir) == ["2026-12-05_novost.docx"]


def test_a_file_that_cannot_be_written_is_reported_clearly(
    qtbot, context, settings, window, out_dir, store, actor, message_boxes
):
    first = _new(store, actor, "Первая", _day(5))
    second = _new(store, actor, "Вторая", _day(6))
    # A folder where the second file should go: replacing it must fail.
    (out_dir / "2026-12-06_vtoraya.docx").mkdir(parents=True)
    message_boxes.answers = [REPLACE_BUTTON]

    outcome = _run(qtbot, ExportRunner(context, _ask(settings, [first, second], out_dir), window))

    assert [r.article_id for r in outcome.written] == [first]
    assert outcome.error is not None
    _question, (title, text, details) = message_boxes.shown
    assert title == "Export Incomplete"
    assert text.startswith("Files written (DOCX): 1 of 2. Then the export stopped:\nCannot write “")
    assert "2026-12-06_vtoraya.docx" in text
    assert "2026-12-05_pervaya.docx" in details
    with store.session() as session:  # what was written is logged, the failure is not
        assert [len(list_exports(session, i)) for i in (first, second)] == [1, 0]


def test_the_dialog_explains_what_is_missing(settings, qtbot, tmp_path):
    dialog = ExportDialog(settings, MOSCOW, [1, 2])
    qtbot.addWidget(dialog)
    assert dialog.selected_radio.isChecked() and dialog.selected_radio.text() == (
        "Selected articles: 2"
    )
    dialog.folder_edit.setText("")
    dialog.accept()
    assert dialog.request is None and dialog.error_label.text() == "Choose the folder to export to."

    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    dialog.folder_edit.setText(str(a_file))
    dialog.accept()
    assert dialog.error_label.text() == f"“{a_file}” is a file, not a folder."

    dialog.folder_edit.setText(str(tmp_path))
    dialog.set_batch(date(2026, 12, 6), date(2026, 12, 5))
    dialog.accept()
    assert dialog.error_label.text() == "The last day is before the first day."

    dialog.set_batch(date(2026, 12, 5), date(2026, 12, 6), statuses=[])
    dialog.accept()
    assert dialog.error_label.text() == "Tick at least one status."

    dialog.set_batch(date(2026, 12, 5), date(2026, 12, 6), statuses=[Status.PUBLISHED])
    dialog.typography_check.setChecked(False)
    dialog.signature_edit.setText("Пресс-служба администрации")
    dialog.accept()
    request = dialog.request
    assert request is not None and request.fmt is ExportFormat.DOCX
    assert request.selection.statuses == (Status.PUBLISHED,)
    assert request.selection.date_from == datetime(2026, 12, 4, 21, 0, tzinfo=UTC)
    assert request.selection.date_to == datetime(2026, 12, 6, 21, 0, tzinfo=UTC)
    assert request.options.time_zone == "Europe/Moscow"
    assert not request.options.typography
    assert request.options.signature == "Пресс-служба администрации"
    # the options are the next dialog's defaults
    again = ExportDialog(settings, MOSCOW, [1])
    qtbot.addWidget(again)
    assert not again.typography_check.isChecked()
    assert again.signature_edit.text() == "Пресс-служба администрации"
    assert again.folder_edit.text() == str(tmp_path)


def test_export_status_line():
    never = ExportStatus(7, None, False)
    assert export_status_text(never, MOSCOW) == "Not exported yet"
    record = ExportRecord(
        id=1,
        article_id=7,
        revision_id=3,
        revision_number=1,
        article_version=1,
        format=ExportFormat.DOCX,
        path="/tmp/x.docx",
        size=10,
        user_login="editor1",
        user_name="Анна",
        created_at=datetime(2026, 11, 27, 11, 30, tzinfo=UTC),
    )
    assert export_status_text(ExportStatus(7, record, False), MOSCOW) == (
        "Exported to DOCX on November 27, 2026, 2:30\u202fPM"
    )
    assert export_status_text(ExportStatus(7, record, True), MOSCOW).endswith(" — changed since")
    QLocale.setDefault(QLocale(QLocale.Language.Russian, QLocale.Country.Russia))
    assert "27 ноября 2026\u202fг., 14:30" in export_status_text(
        ExportStatus(7, record, True), MOSCOW
    )


def test_importing_the_module_stays_light():
    """The window imports these at start-up: no exporters, services or SQLAlchemy."""
    heavy = ("sqlalchemy", "docx", "mammoth", "editorial_desk.services", "editorial_desk.export")
    code = (
        "import json, sys\n"
        "import editorial_desk.ui.export_ui, editorial_desk.ui.import_ui\n"
        f"print(json.dumps(sorted(m for m in sys.modules if m.startswith({heavy!r}))))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []


def test_the_office_word_template_is_a_remembered_setting(settings, qtbot, tmp_path, store, actor):
    """Like pandoc's --reference-doc: an office's own letterhead .docx is used for
    Word exports, chosen once in the dialog and kept for next time."""
    from importlib.resources import files

    from editorial_desk.export import docx_bytes
    from editorial_desk.services.articles import get_article

    dialog = ExportDialog(settings, MOSCOW, [1])
    qtbot.addWidget(dialog)
    dialog.folder_edit.setText(str(tmp_path))
    dialog.template_edit.setText(str(tmp_path / "missing.docx"))
    dialog.accept()
    assert dialog.request is None
    assert "missing.docx" in dialog.error_label.text()

    letterhead = tmp_path / "letterhead.docx"
    template = Document(str(files("editorial_desk.resources.templates") / "reference.docx"))
    template.core_properties.comments = "Бланк администрации"
    template.sections[0].header.paragraphs[0].text = "АДМИНИСТРАЦИЯ ГОРОДА"
    template.save(str(letterhead))
    dialog.template_edit.setText(str(letterhead))
    dialog.accept()
    assert dialog.request is not None
    assert dialog.request.options.reference_docx == letterhead
    again = ExportDialog(settings, MOSCOW, [1])
    qtbot.addWidget(again)
    assert again.template_edit.text() == str(letterhead)

    with store.session() as session:
        article = create_article(session, actor, title="На бланке", body="<p>Текст</p>")
        article = get_article(session, article.id)
    exported = tmp_path / "out.docx"
    exported.write_bytes(docx_bytes(article, {}, dialog.request.options))
    header = Document(str(exported)).sections[0].header.paragraphs[0].text
    assert header == "АДМИНИСТРАЦИЯ ГОРОДА"
