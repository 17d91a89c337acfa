"""The real main window on a real temporary SQLite store (offscreen)."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QMenu, QMessageBox

from editorial_desk.domain.article import ArticleChanges
from editorial_desk.domain.statuses import Status
from editorial_desk.services.articles import (
    create_article,
    get_article,
    list_articles,
    update_article,
)
from editorial_desk.services.history import list_revisions
from editorial_desk.ui.actions import ActionId
from editorial_desk.ui.app import build_main_window
from editorial_desk.ui.article_table_model import ARTICLE_ID_ROLE, Column
from editorial_desk.ui.conflict_dialog import ConflictChoice, ConflictDialog

MOSCOW = ZoneInfo("Europe/Moscow")


@pytest.fixture
def window(qtbot, store, actor, message_boxes, tmp_path):
    from editorial_desk.ui.settings import AppSettings

    settings = AppSettings.in_file(tmp_path / "settings.ini")  # never the user's own
    win = build_main_window(store, actor, MOSCOW, settings=settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    # let teardown close the window without a prompt
    message_boxes.answers[:] = [QMessageBox.StandardButton.Discard] * 3


def _new_article(store, actor, title="Весенний субботник", body="<p>Уборка парков.</p>"):
    with store.session() as session:
        return create_article(
            session,
            actor,
            title=title,
            lead="Лид",
            body=body,
            rubric="Город",
            tags=(),
            planned_at=None,
        )


def _select(window, article_id: int) -> None:
    for row in range(window.model.rowCount()):
        index = window.model.index(row, Column.TITLE)
        if index.data(ARTICLE_ID_ROLE) == article_id:
            window.table.setCurrentIndex(index)
            return
    raise AssertionError(f"article {article_id} not in the list")


def _replace_text(qtbot, type_text, widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    type_text(widget, text)


def test_create_article_through_the_ui(qtbot, type_text, window, store, message_boxes) -> None:
    window.action(ActionId.NEW_ARTICLE).trigger()
    form = window.form
    assert window.stack.currentWidget() is window.form_page and form.is_new()
    type_text(form.title_edit, "Городской субботник")
    type_text(form.lead_edit, "В субботу горожане выйдут на уборку.")
    type_text(form.body_edit, "Уборка парков пройдёт с 9 до 13 часов.")
    assert form.is_modified() and window.isWindowModified()

    window.action(ActionId.SAVE_ARTICLE).trigger()

    assert message_boxes.shown == []
    assert not form.is_modified() and not window.isWindowModified()
    with store.session() as session:  # a new unit of work sees the committed row
        summaries = list_articles(session)
        assert [s.title for s in summaries] == ["Городской субботник"]
        stored = get_article(session, summaries[0].id)
    assert "Уборка парков пройдёт с 9 до 13 часов." in stored.body
    assert stored.lead == "В субботу горожане выйдут на уборку."
    assert stored.version == 1 and stored.author_login == "editor1"
    assert form.article_id() == stored.id and form.base_version() == 1
    assert window.model.rows()[0].id == stored.id
    assert window.table.currentIndex().data(ARTICLE_ID_ROLE) == stored.id
    assert "Городской субботник" in window.windowTitle()


def test_edit_and_save_creates_a_new_version(qtbot, type_text, store, actor, message_boxes) -> None:
    article = _new_article(store, actor)
    window = build_main_window(store, actor, MOSCOW)
    qtbot.addWidget(window)
    _select(window, article.id)
    assert window.form.article_id() == article.id
    assert window.form.body_edit.toPlainText() == "Уборка парков."

    _replace_text(qtbot, type_text, window.form.title_edit, "Субботник перенесён")
    window.form.body_edit.moveCursor(window.form.body_edit.textCursor().MoveOperation.End)
    type_text(window.form.body_edit, " Новая дата — 20 апреля.")
    window.action(ActionId.SAVE_ARTICLE).trigger()

    assert message_boxes.shown == []
    with store.session() as session:
        stored = get_article(session, article.id)
        revisions = list_revisions(session, article.id)
    assert stored.version == 2
    assert stored.title == "Субботник перенесён"
    assert "Новая дата — 20 апреля." in stored.body
    assert len(revisions) == 2
    assert window.form.base_version() == 2 and not window.form.is_modified()
    assert window.model.rows()[0].title == "Субботник перенесён"


def test_saving_only_the_title_does_not_touch_the_body(
    qtbot, type_text, window, store, actor
) -> None:
    article = _new_article(store, actor, body="<p>Текст <b>жирный</b>.</p>")
    window.reload_list()
    _select(window, article.id)
    _replace_text(qtbot, type_text, window.form.title_edit, "Другой заголовок")
    assert window.form.changes().body is None
    assert window.save_article()
    with store.session() as session:
        assert get_article(session, article.id).body == article.body


def _save_from_elsewhere(store, actor, article_id: int, version: int, title: str):
    with store.session() as session:
        return update_article(
            session,
            actor,
            article_id,
            version,
            ArticleChanges(title=title, body="<p>Их текст.</p>"),
        )


@pytest.fixture
def conflict_answer(monkeypatch):
    """Replace the conflict dialog's modal loop: record the dialog, give an answer."""
    seen: list[ConflictDialog] = []
    answer = {"choice": ConflictChoice.KEEP_EDITING}

    def fake_exec(dialog: ConflictDialog) -> int:
        seen.append(dialog)
        return int(answer["choice"])

    monkeypatch.setattr(ConflictDialog, "exec", fake_exec)
    return seen, answer


def test_conflict_shows_both_versions_and_overwrites_nothing(
    qtbot, type_text, window, store, actor, conflict_answer
) -> None:
    seen, _answer = conflict_answer
    article = _new_article(store, actor)
    window.reload_list()
    _select(window, article.id)
    _replace_text(qtbot, type_text, window.form.title_edit, "Мой заголовок")
    _replace_text(qtbot, type_text, window.form.body_edit, "Мой текст.")
    _save_from_elsewhere(store, actor, article.id, 1, "Их заголовок")  # someone saves first

    window.action(ActionId.SAVE_ARTICLE).trigger()

    assert len(seen) == 1
    dialog = seen[0]
    assert dialog.theirs_pane.texts()[0] == "Их заголовок"
    assert "Их текст." in dialog.theirs_pane.texts()[2]
    assert dialog.mine_pane.texts()[0] == "Мой заголовок"
    assert "Мой текст." in dialog.mine_pane.texts()[2]
    with store.session() as session:
        stored = get_article(session, article.id)
    assert stored.version == 2 and stored.title == "Их заголовок"
    assert "Их текст." in stored.body
    # the user's text stays in the form, still unsaved, still based on version 1
    assert window.form.title_edit.text() == "Мой заголовок"
    assert window.form.body_edit.toPlainText() == "Мой текст."
    assert window.form.is_modified() and window.form.base_version() == 1


def test_conflict_load_saved_version(
    qtbot, type_text, window, store, actor, conflict_answer
) -> None:
    _seen, answer = conflict_answer
    answer["choice"] = ConflictChoice.LOAD_THEIRS
    article = _new_article(store, actor)
    window.reload_list()
    _select(window, article.id)
    _replace_text(qtbot, type_text, window.form.title_edit, "Мой заголовок")
    _save_from_elsewhere(store, actor, article.id, 1, "Их заголовок")
    assert not window.save_article()
    assert window.form.title_edit.text() == "Их заголовок"
    assert window.form.base_version() == 2 and not window.form.is_modified()


def test_conflict_save_mine_over_theirs(
    qtbot, type_text, window, store, actor, conflict_answer
) -> None:
    _seen, answer = conflict_answer
    answer["choice"] = ConflictChoice.OVERWRITE
    article = _new_article(store, actor)
    window.reload_list()
    _select(window, article.id)
    _replace_text(qtbot, type_text, window.form.title_edit, "Мой заголовок")
    _save_from_elsewhere(store, actor, article.id, 1, "Их заголовок")
    assert window.save_article()
    with store.session() as session:
        stored = get_article(session, article.id)
    assert stored.version == 3 and stored.title == "Мой заголовок"
    assert "Их текст." in stored.body  # only what I changed replaced theirs


def test_clicking_another_article_keeps_unsaved_work_in_its_own_tab(
    qtbot, type_text, window, store, actor, message_boxes
) -> None:
    first = _new_article(store, actor, title="Первая")
    second = _new_article(store, actor, title="Вторая")
    third = _new_article(store, actor, title="Третья")
    window.reload_list()
    _select(window, first.id)
    assert window.tabs.count() == 1
    _select(window, second.id)  # nothing typed: the preview tab is reused
    assert window.tabs.count() == 1 and window.form.article_id() == second.id

    _replace_text(qtbot, type_text, window.form.title_edit, "Вторая, правка")
    assert window.tabs.tabText(0).endswith("*")  # the unsaved marker
    _select(window, third.id)  # no question: the edited article keeps its tab
    assert not message_boxes.shown
    assert window.tabs.count() == 2 and window.form.article_id() == third.id
    edited = window.tab_of(second.id)
    assert edited is not None and edited.form.title_edit.text() == "Вторая, правка"

    _select(window, second.id)  # back to its tab, text intact
    assert window.current_tab() is edited and window.tabs.count() == 2
    assert window.table.currentIndex().data(ARTICLE_ID_ROLE) == second.id
    with store.session() as session:
        assert get_article(session, second.id).title == "Вторая"  # not saved behind my back


def test_closing_a_tab_with_unsaved_changes_asks(
    qtbot, type_text, window, store, actor, message_boxes
) -> None:
    article = _new_article(store, actor, title="Первая")
    window.reload_list()
    window.open_article(article.id)
    window.new_article()
    type_text(window.form.title_edit, "Новая")
    assert window.tabs.count() == 2

    message_boxes.answers.append(QMessageBox.StandardButton.Cancel)
    window.action(ActionId.CLOSE_TAB).trigger()
    assert window.tabs.count() == 2 and "Новая" in message_boxes.shown[-1][1]

    message_boxes.answers.append(QMessageBox.StandardButton.Save)
    window.action(ActionId.CLOSE_TAB).trigger()
    assert window.tabs.count() == 1 and window.form.article_id() == article.id
    with store.session() as session:
        assert {a.title for a in list_articles(session)} == {"Первая", "Новая"}

    asked = len(message_boxes.shown)
    window.tabs.tabCloseRequested.emit(0)  # the tab's × button; nothing unsaved: no question
    assert window.tabs.count() == 0 and len(message_boxes.shown) == asked
    assert window.stack.currentWidget() is window.placeholder
    assert window.windowTitle() == "Editorial Desk"
    assert not window.action(ActionId.SAVE_ARTICLE).isEnabled()


def test_each_tab_holds_its_own_lock_and_gives_it_back_on_close(window, store, actor) -> None:
    from editorial_desk.services.locks import get_lock

    first = _new_article(store, actor, title="Первая")
    second = _new_article(store, actor, title="Вторая")
    window.reload_list()
    window.open_article(first.id, new_tab=True)
    window.open_article(second.id, new_tab=True)
    assert window.tabs.count() == 2
    with store.session() as session:
        assert get_lock(session, first.id) is not None
        assert get_lock(session, second.id) is not None
    window.close_tab(window.tab_of(first.id))
    with store.session() as session:
        assert get_lock(session, first.id) is None
        assert get_lock(session, second.id) is not None


def test_open_tabs_are_remembered(qtbot, store, actor, tmp_path, message_boxes) -> None:
    from editorial_desk.ui.settings import AppSettings

    first = _new_article(store, actor, title="Первая")
    second = _new_article(store, actor, title="Вторая")
    settings = AppSettings.in_file(tmp_path / "tabs.ini")
    win = build_main_window(store, actor, MOSCOW, settings=settings)
    qtbot.addWidget(win)
    win.open_article(second.id, new_tab=True)
    win.open_article(first.id, new_tab=True)
    win.tabs.setCurrentIndex(0)
    assert win.close()

    again = build_main_window(
        store, actor, MOSCOW, settings=AppSettings.in_file(tmp_path / "tabs.ini")
    )
    qtbot.addWidget(again)
    assert [tab.article_id() for tab in again.open_tabs()] == [second.id, first.id]
    assert again.form.article_id() == second.id


def test_close_with_unsaved_changes(qtbot, type_text, window, message_boxes) -> None:
    window.action(ActionId.NEW_ARTICLE).trigger()
    type_text(window.form.title_edit, "Несохранённое")
    assert window.isWindowModified() and "[*]" in window.windowTitle()
    message_boxes.answers.append(QMessageBox.StandardButton.Cancel)
    assert not window.close()
    assert window.isVisible()
    message_boxes.answers.append(QMessageBox.StandardButton.Discard)
    assert window.close()


def test_undo_back_to_the_loaded_text_clears_modified(
    qtbot, type_text, window, store, actor
) -> None:
    article = _new_article(store, actor)
    window.reload_list()
    _select(window, article.id)
    type_text(window.form.body_edit, "X")
    assert window.form.is_modified()
    window.form.body_edit.undo()
    assert not window.form.is_modified()


def test_empty_title_is_refused_with_a_message(
    qtbot, type_text, window, store, message_boxes
) -> None:
    window.action(ActionId.NEW_ARTICLE).trigger()
    type_text(window.form.body_edit, "Текст без заголовка")
    assert not window.save_article()
    assert message_boxes.shown and "headline" in message_boxes.shown[-1][1]
    with store.session() as session:
        assert list_articles(session) == []


def test_planned_date_is_saved_in_utc(qtbot, type_text, window, store) -> None:
    window.action(ActionId.NEW_ARTICLE).trigger()
    type_text(window.form.title_edit, "Запланированная")
    window.form.planned_edit.scheduled.setChecked(True)
    window.form.planned_edit.editor.setDateTime(QDateTime(QDate(2024, 5, 9), QTime(10, 0)))
    assert window.save_article()
    with store.session() as session:
        (summary,) = list_articles(session)
    assert summary.planned_at == datetime(2024, 5, 9, 7, 0, tzinfo=UTC)  # Moscow is UTC+3
    assert not window.form.is_modified()
    # unscheduling again
    window.form.planned_edit.scheduled.setChecked(False)
    assert window.form.is_modified()
    assert window.save_article()
    with store.session() as session:
        assert get_article(session, summary.id).planned_at is None


def test_move_to_trash(qtbot, window, store, actor) -> None:
    article = _new_article(store, actor)
    window.reload_list()
    _select(window, article.id)
    window.action(ActionId.TRASH_ARTICLE).trigger()
    with store.session() as session:
        assert get_article(session, article.id).status is Status.TRASH
        assert list_articles(session) == []
    assert window.model.rowCount() == 0
    assert window.stack.currentWidget() is window.placeholder
    assert not window.action(ActionId.TRASH_ARTICLE).isEnabled()


def test_status_bar_shows_user_and_database(window, db_path) -> None:
    assert "Анна Редакторова" in window.user_label.text()
    assert "editor1" in window.user_label.toolTip()
    assert str(db_path) in window.db_label.text()


def test_about_box(window, message_boxes) -> None:
    import editorial_desk

    window.action(ActionId.ABOUT).trigger()
    ((_title, text),) = message_boxes.about
    assert "Editorial Desk" in text and editorial_desk.__version__ in text


def test_menus_hold_the_declared_actions(window) -> None:
    menus = {menu.objectName(): menu for menu in window.menuBar().findChildren(QMenu)}
    file_actions = [a.objectName() for a in menus["menu.file"].actions() if not a.isSeparator()]
    assert file_actions == [
        "article.new",
        "article.save",
        "article.close",
        "article.trash",
        "article.restore",
        "article.duplicate",
        "article.import",
        "article.export",
        "calendar.export_ics",
        "calendar.print",
        "app.quit",
    ]
    assert window.action(ActionId.SAVE_ARTICLE).shortcut().toString() == "Ctrl+S"
    assert window.action(ActionId.NEW_ARTICLE).shortcut().toString() == "Ctrl+N"
    assert window.action(ActionId.QUIT).shortcut().toString() == "Ctrl+Q"
    assert window.action(ActionId.CLOSE_TAB).shortcut().toString() == "Ctrl+W"
    assert window.action(ActionId.TRASH_ARTICLE).shortcut().toString() == "Del"
    # Delete only acts while the list has the focus, so it never eats text deletion
    assert window.action(ActionId.TRASH_ARTICLE) in window.table.actions()
    assert window.action(ActionId.TRASH_ARTICLE).shortcutContext() == (
        Qt.ShortcutContext.WidgetWithChildrenShortcut
    )


def test_ctrl_s_saves_from_the_form(qtbot, type_text, window, store) -> None:
    window.action(ActionId.NEW_ARTICLE).trigger()
    type_text(window.form.title_edit, "Сохранить с клавиатуры")
    qtbot.keyClick(window.form.title_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    with store.session() as session:
        assert [s.title for s in list_articles(session)] == ["Сохранить с клавиатуры"]


def test_delete_key_trashes_only_from_the_list(qtbot, type_text, window, store, actor) -> None:
    article = _new_article(store, actor, title="Удалить меня")
    window.reload_list()
    _select(window, article.id)
    # in the title field Delete edits text
    window.form.title_edit.setFocus()
    window.form.title_edit.home(False)
    qtbot.keyClick(window.form.title_edit, Qt.Key.Key_Delete)
    assert window.form.title_edit.text() == "далить меня"
    window.form.title_edit.undo()
    assert not window.form.is_modified()
    # in the list it moves the article to the trash
    window.table.setFocus()
    qtbot.waitUntil(window.table.hasFocus)
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    with store.session() as session:
        assert get_article(session, article.id).status is Status.TRASH


def test_list_keeps_the_service_order_until_a_header_is_clicked(window, store, actor) -> None:
    for title in ("Б", "А", "В"):
        _new_article(store, actor, title=title)
    window.reload_list()
    shown = [window.model.index(row, Column.TITLE).data() for row in range(3)]
    assert shown == ["В", "А", "Б"]  # newest first, as list_articles returns them
    window.table.sortByColumn(Column.TITLE, Qt.SortOrder.AscendingOrder)
    shown = [window.model.index(row, Column.TITLE).data() for row in range(3)]
    assert shown == ["А", "Б", "В"]


def test_filters_query_the_database_and_are_remembered(qtbot, window, store, actor) -> None:
    from editorial_desk.services.articles import move_to_trash

    city = _new_article(store, actor, title="Городской бюджет")
    sport = _new_article(store, actor, title="Лыжня России", body="<p>Старт.</p>")
    with store.session() as session:
        from editorial_desk.domain.article import ArticleChanges

        update_article(session, actor, sport.id, 1, ArticleChanges(rubric="Спорт"))
    gone = _new_article(store, actor, title="Старая ГОРОДСКАЯ новость")
    with store.session() as session:
        move_to_trash(session, actor, gone.id)
    window.reload_list()
    window._load_filter_choices()

    def titles() -> list[str]:
        return [window.model.summary(row).title for row in range(window.model.rowCount())]

    panel = window.list_panel
    assert sorted(titles()) == ["Городской бюджет", "Лыжня России"]
    panel.search.setText("ГОРОД")  # Cyrillic case folded by the store's title key
    panel.flush_pending_search()
    assert titles() == ["Городской бюджет"]
    panel.search.clear()
    panel.flush_pending_search()
    panel.rubric_combo.setCurrentIndex(panel.rubric_combo.findData("Спорт"))
    assert titles() == ["Лыжня России"]
    panel.rubric_combo.setCurrentIndex(0)
    panel.status_combo.setCurrentIndex(panel.status_combo.findData("trash"))
    assert titles() == ["Старая ГОРОДСКАЯ новость"]
    assert window.settings.list_filter["status"] == "trash"

    # the trashed article can be restored from the list
    _select(window, gone.id)
    assert window.action(ActionId.RESTORE_ARTICLE).isEnabled()
    assert not window.action(ActionId.TRASH_ARTICLE).isEnabled()
    window.action(ActionId.RESTORE_ARTICLE).trigger()
    with store.session() as session:
        assert get_article(session, gone.id).status is Status.DRAFT
    assert titles() == []
    assert city.id


def test_duplicate_opens_a_copy(qtbot, window, store, actor) -> None:
    article = _new_article(store, actor, title="Оригинал")
    window.reload_list()
    _select(window, article.id)
    window.action(ActionId.DUPLICATE_ARTICLE).trigger()
    with store.session() as session:
        titles = sorted(a.title for a in list_articles(session))
    assert titles == ["Copy of Оригинал", "Оригинал"]
    assert window.form.title_edit.text() == "Copy of Оригинал"


def test_window_layout_is_remembered(qtbot, store, actor, tmp_path, message_boxes) -> None:
    from editorial_desk.ui.settings import AppSettings

    settings = AppSettings.in_file(tmp_path / "layout.ini")
    first = build_main_window(store, actor, MOSCOW, settings=settings)
    qtbot.addWidget(first)
    first.resize(640, 480)  # the offscreen screen is 800x600: stay inside it
    first.splitter.setSizes([300, 700])
    first.table.horizontalHeader().resizeSection(Column.AUTHOR, 222)
    first.close()
    again = build_main_window(
        store, actor, MOSCOW, settings=AppSettings.in_file(tmp_path / "layout.ini")
    )
    qtbot.addWidget(again)
    assert again.size().width() == 640
    assert again.table.horizontalHeader().sectionSize(Column.AUTHOR) == 222


FIXTURES = __import__("pathlib").Path(__file__).resolve().parents[1] / "fixtures" / "import"


def test_file_import_action_makes_a_draft_and_opens_it(qtbot, window, store, monkeypatch):
    import editorial_desk.ui.main_window as main_window_module

    source = FIXTURES / "skver.pandoc.docx"
    monkeypatch.setattr(main_window_module, "ask_import_files", lambda _p, _s: [source])
    window.action(ActionId.IMPORT_DOCUMENTS).trigger()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=20000)
    with store.session() as session:
        [imported] = list_articles(session)
    assert imported.status is Status.DRAFT
    qtbot.waitUntil(lambda: window.form.article_id() == imported.id, timeout=5000)


def test_export_action_writes_the_open_article(qtbot, window, store, actor, tmp_path, monkeypatch):
    from docx import Document

    from editorial_desk.export.options import ExportFormat, ExportOptions
    from editorial_desk.ui.export_dialog import ExportRequest
    from editorial_desk.ui.export_ui import ExportDialog, ExportRunner

    article = _new_article(store, actor, title="Выгрузка для сайта")
    window.reload_list()
    window.open_article(article.id)
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(
        ExportDialog,
        "ask",
        lambda self: ExportRequest((article.id,), ExportFormat.DOCX, out, ExportOptions()),
    )
    finished = []
    original_start = ExportRunner.start

    def start(self):
        self.finished.connect(finished.append)
        original_start(self)

    monkeypatch.setattr(ExportRunner, "start", start)
    window.action(ActionId.EXPORT_ARTICLES).trigger()
    qtbot.waitUntil(lambda: bool(finished), timeout=20000)
    [written] = list(out.glob("*.docx"))
    assert Document(str(written)).core_properties.title == "Выгрузка для сайта"


def test_a_locked_database_while_listing_is_a_message_not_a_crash(
    qtbot, window, message_boxes, monkeypatch
) -> None:
    from editorial_desk.domain.errors import StoreLockedError

    def locked(*_args, **_kwargs):
        raise StoreLockedError("/data/db.sqlite3")

    monkeypatch.setattr(window.operations, "list_page", locked)
    window.reload_list()
    assert window.model.rowCount() == 0
    assert message_boxes.shown == []  # not from inside the model's reset...
    qtbot.waitUntil(lambda: len(message_boxes.shown) == 1)  # ...but right after
    assert "/data/db.sqlite3" in message_boxes.shown[0][1]
