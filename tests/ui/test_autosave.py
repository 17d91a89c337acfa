"""Autosave into the recovery journal: real form, real key presses, real files,
the real worker thread."""

from __future__ import annotations

import os
import threading
import time
from zoneinfo import ZoneInfo

import pytest

from editorial_desk.domain.article import ArticleChanges
from editorial_desk.services.articles import create_article, update_article
from editorial_desk.store.recovery import RecoveryEntry, RecoveryJournal
from editorial_desk.ui import body_convert
from editorial_desk.ui.article_form import ArticleForm
from editorial_desk.ui.autosave import AutosaveController, article_key, key_for

MOSCOW = ZoneInfo("Europe/Moscow")


class SlowJournal(RecoveryJournal):
    """A journal whose writes take `delay` seconds, to catch a write in flight."""

    def __init__(self, folder, delay: float = 0.4) -> None:
        super().__init__(folder)
        self.delay = delay
        self.writing = threading.Event()
        self.writes: list[RecoveryEntry] = []

    def write(self, entry: RecoveryEntry):
        self.writing.set()
        time.sleep(self.delay)
        try:
            return super().write(entry)
        finally:
            self.writes.append(entry)
            self.writing.clear()


@pytest.fixture
def form(qtbot) -> ArticleForm:
    widget = ArticleForm(MOSCOW, load_icons=False)
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def journal(tmp_path) -> RecoveryJournal:
    return RecoveryJournal(tmp_path / "journal")


def _only_entry(journal: RecoveryJournal) -> RecoveryEntry:
    (entry,) = journal.entries()
    return entry


def _type_body(form: ArticleForm, type_text, text: str) -> None:
    form.body_edit.setFocus()
    type_text(form.body_edit, text)


def test_entry_lands_within_two_seconds_of_the_last_keystroke(qtbot, type_text, form, journal):
    controller = AutosaveController(form, journal, "new-1", form)
    type_text(form.title_edit, "Субботник")
    _type_body(form, type_text, "Ёлки в парке «Дружба»")
    last_keystroke = time.monotonic()
    qtbot.waitUntil(lambda: journal.has("new-1"), timeout=2000)
    assert time.monotonic() - last_keystroke <= 2.0
    entry = _only_entry(journal)
    assert entry.body == "<p>Ёлки в парке «Дружба»</p>"
    assert entry.body == body_convert.document_to_canonical(form.body_edit.document())
    assert (entry.title, entry.article_id, entry.base_version) == ("Субботник", None, None)
    assert controller.key == "new-1"


def test_no_conversion_per_keystroke_only_when_the_pause_ends(
    qtbot, type_text, form, journal, monkeypatch
):
    calls: list[int] = []
    drafts: list[int] = []
    convert = body_convert.document_to_canonical
    monkeypatch.setattr(
        body_convert,
        "document_to_canonical",
        lambda document: calls.append(1) or convert(document),
    )
    take = form.draft
    monkeypatch.setattr(form, "draft", lambda: drafts.append(1) or take())
    AutosaveController(form, journal, "new-2", form, debounce_ms=800)
    _type_body(form, type_text, "Каждое нажатие дёшево")
    assert (calls, drafts) == ([], [])  # typing took well under the pause
    qtbot.waitUntil(lambda: journal.has("new-2"), timeout=2000)
    assert (len(calls), len(drafts)) == (1, 1)


def test_typing_during_a_write_is_written_next(qtbot, type_text, form, tmp_path):
    journal = SlowJournal(tmp_path / "j", delay=0.4)
    controller = AutosaveController(form, journal, "new-3", form, debounce_ms=300)
    _type_body(form, type_text, "Первая")
    qtbot.waitUntil(journal.writing.is_set, timeout=2000)
    assert controller.is_writing()
    type_text(form.body_edit, " вторая")  # while the first write sleeps
    qtbot.waitUntil(lambda: len(journal.writes) == 2 and not controller.is_writing(), timeout=3000)
    assert [w.body for w in journal.writes] == ["<p>Первая</p>", "<p>Первая вторая</p>"]
    assert _only_entry(journal).body == "<p>Первая вторая</p>"


def test_discard_after_save_cancels_a_write_in_flight(
    qtbot, type_text, form, tmp_path, store, actor
):
    with store.session() as session:
        article = create_article(session, actor, title="Мост", body="<p>Старый текст</p>")
    form.load(article)
    journal = SlowJournal(tmp_path / "j", delay=0.4)
    key = key_for(form)
    assert key == article_key(article.id)
    controller = AutosaveController(form, journal, key, form, debounce_ms=50)
    form.body_edit.moveCursor(form.body_edit.textCursor().MoveOperation.End)
    type_text(form.body_edit, " и новый")
    qtbot.waitUntil(journal.writing.is_set, timeout=2000)
    with store.session() as session:  # the explicit save, while the write runs
        saved = update_article(session, actor, article.id, article.version, form.changes())
    form.mark_saved(saved)
    controller.discard()
    qtbot.wait(600)  # the worker's result arrives
    assert journal.entries() == [] and not journal.has(key)
    assert not controller.is_writing()


def test_discard_forgets_a_pending_change(qtbot, type_text, form, journal):
    controller = AutosaveController(form, journal, "new-4", form, debounce_ms=100)
    _type_body(form, type_text, "Передумал")
    assert controller.is_pending()
    controller.discard()
    qtbot.wait(400)
    assert journal.entries() == []


def test_a_new_article_moves_to_its_id_after_the_first_save(
    qtbot, type_text, form, journal, store, actor
):
    key = key_for(form)
    assert key.startswith("new-")
    controller = AutosaveController(form, journal, key, form, debounce_ms=50)
    type_text(form.title_edit, "Новость")
    _type_body(form, type_text, "Текст")
    qtbot.waitUntil(lambda: journal.has(key), timeout=2000)
    values = form.values()
    with store.session() as session:
        saved = create_article(session, actor, title=values.title, body=values.body)
    form.mark_saved(saved, sent_body=values.body)
    controller.set_key(article_key(saved.id))
    controller.discard()
    assert journal.entries() == []
    type_text(form.body_edit, "!")
    qtbot.waitUntil(lambda: journal.has(article_key(saved.id)), timeout=2000)
    entry = _only_entry(journal)
    assert (entry.key, entry.article_id, entry.base_version) == (
        article_key(saved.id),
        saved.id,
        saved.version,
    )
    assert entry.body == "<p>Текст!</p>"


def test_set_key_with_unsaved_work_writes_it_under_the_new_key(qtbot, type_text, form, journal):
    controller = AutosaveController(form, journal, "new-5", form, debounce_ms=50)
    _type_body(form, type_text, "Черновик")
    qtbot.waitUntil(lambda: journal.has("new-5"), timeout=2000)
    controller.set_key("new-6")
    qtbot.waitUntil(lambda: journal.has("new-6"), timeout=2000)
    assert [e.key for e in journal.entries()] == ["new-6"]


def test_undoing_everything_removes_the_entry(qtbot, type_text, form, journal, store, actor):
    with store.session() as session:
        article = create_article(session, actor, title="Мост", body="<p>Текст</p>")
    form.load(article)
    controller = AutosaveController(form, journal, key_for(form), form, debounce_ms=50)
    type_text(form.title_edit, "!")
    qtbot.waitUntil(lambda: journal.has(controller.key), timeout=2000)
    with qtbot.waitSignal(controller.discarded, timeout=2000):
        form.title_edit.undo()
    assert journal.entries() == []


def test_metadata_changes_are_saved_too(qtbot, type_text, form, journal):
    controller = AutosaveController(form, journal, "new-7", form, debounce_ms=50)
    form.rubric_edit.setEditText("Город")
    type_text(form.tags_edit, "парки, Скверы, ПАРКИ")
    form.planned_edit.scheduled.setChecked(True)
    controller.flush()  # synchronous
    entry = _only_entry(journal)
    assert (entry.rubric, entry.tags) == ("Город", ("парки", "Скверы"))
    assert entry.planned_datetime == form.planned_edit.value()
    assert not controller.is_pending()


def test_a_failed_write_is_reported_and_retried(qtbot, type_text, form, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")  # the journal folder cannot be made
    journal = RecoveryJournal(blocker / "j")
    controller = AutosaveController(form, journal, "new-8", form, debounce_ms=50)
    with qtbot.waitSignal(controller.failed, timeout=2000) as failed:
        _type_body(form, type_text, "Диск")
    assert isinstance(failed.args[0], OSError)
    assert controller.is_pending()  # still owed
    blocker.unlink()
    controller.flush()
    assert _only_entry(journal).body == "<p>Диск</p>"


def test_close_stops_listening(qtbot, type_text, form, journal):
    controller = AutosaveController(form, journal, "new-9", form, debounce_ms=50)
    controller.close()
    _type_body(form, type_text, "После закрытия")
    qtbot.wait(200)
    assert journal.entries() == []


def test_restored_form_keeps_writing_the_same_entry(qtbot, type_text, form, journal, store, actor):
    with store.session() as session:
        article = create_article(session, actor, title="Мост", body="<p>Текст</p>")
        update_article(session, actor, article.id, article.version, ArticleChanges(lead="Лид"))
    first = ArticleForm(MOSCOW, load_icons=False)
    qtbot.addWidget(first)
    first.load(article)
    AutosaveController(first, journal, key_for(first), first, debounce_ms=50)
    type_text(first.title_edit, " через реку")
    qtbot.waitUntil(lambda: journal.has(article_key(article.id)), timeout=2000)
    entry = _only_entry(journal)
    with store.session() as session:
        from editorial_desk.services.articles import get_article

        newest = get_article(session, article.id)
    form.restore_from(entry, newest)
    assert form.base_version() == article.version  # older than newest: a save conflicts
    controller = AutosaveController(form, journal, entry.key, form, debounce_ms=50)
    type_text(form.title_edit, "!")
    qtbot.waitUntil(lambda: _only_entry(journal).title == "Мост через реку!", timeout=2000)
    assert _only_entry(journal).base_version == article.version
    assert controller.key == entry.key


def test_each_database_and_user_has_its_own_journal(store, team, tmp_path):
    from editorial_desk.ui.autosave import journal_for
    from editorial_desk.ui.context import AppContext

    mine = journal_for(AppContext(store, team.editor, MOSCOW))
    assert mine.folder == journal_for(AppContext(store, team.editor, MOSCOW)).folder
    assert mine.folder != journal_for(AppContext(store, team.other_editor, MOSCOW)).folder
    assert str(mine.folder).startswith(os.environ["XDG_STATE_HOME"])


def _sample_body() -> str:
    from importlib.resources import files

    sample = files("editorial_desk.resources.samples").joinpath("sample_article_ru.html")
    return sample.read_text(encoding="utf-8") * 3


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(_sample_body(), id="every-feature"),
        # plain text and lists: the shape that showed Qt's cross-thread warning when
        # the snapshot was a QTextDocumentFragment pasted in the worker
        pytest.param(
            "<h2>Итоги</h2><p>Вышли <strong>300</strong> жителей.</p>"
            "<ul><li>раз</li><li>два</li></ul>",
            id="plain",
        ),
    ],
)
def test_worker_conversion_is_exact_and_warning_free(qtbot, qtlog, type_text, form, journal, body):
    """The body converts in the worker exactly as on the UI thread, and Qt never
    complains about objects made across threads."""
    form.start_from("Образец", "Лид", body)
    controller = AutosaveController(form, journal, "new-rich", form, debounce_ms=60_000)
    _type_body(form, type_text, "Ж")
    controller.save_now()
    assert controller.is_writing()
    controller.wait()
    assert _only_entry(journal).body == body_convert.document_to_canonical(
        form.body_edit.document()
    )
    assert not [r.message for r in qtlog.records if "thread" in r.message]
