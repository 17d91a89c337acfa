"""The review workflow wired into the real main window (offscreen, real store)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QMenu, QMessageBox

from editorial_desk.domain.statuses import Status
from editorial_desk.domain.workflow import Action
from editorial_desk.ui.actions import ActionId
from editorial_desk.ui.app import build_main_window
from editorial_desk.ui.settings import AppSettings

MOSCOW = ZoneInfo("Europe/Moscow")


@pytest.fixture
def window_for(qtbot, store, tmp_path, message_boxes):
    windows = []

    def make(user):
        win = build_main_window(
            store, user, MOSCOW, settings=AppSettings.in_file(tmp_path / f"{user.login}.ini")
        )
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        windows.append(win)
        return win

    yield make
    message_boxes.answers[:] = [QMessageBox.StandardButton.Discard] * 3


def _menu_titles(window) -> list[str]:
    return [action.menu().objectName() for action in window.menuBar().actions()]


def test_review_menu_sits_before_settings_and_help(window_for, team) -> None:
    window = window_for(team.editor)
    titles = _menu_titles(window)
    assert titles.index("menu.file") < titles.index("menu.review") < titles.index("menu.help")
    review = window.findChild(QMenu, "menu.review")
    steps = [a for a in review.actions() if not a.isSeparator()]
    assert steps and all(a in window.findChild(QMenu, "menu.review").actions() for a in steps)


def test_editor_on_a_draft_may_only_submit(window_for, team, make_article) -> None:
    draft = make_article("Черновик")
    window = window_for(team.editor)
    assert window.open_article(draft.id)
    enabled = {step for step in Action if _enabled(window, step)}
    assert enabled == {Action.SUBMIT}
    assert not window.form.is_read_only()  # the author holds the lock and may edit


def _enabled(window, step: Action) -> bool:
    try:
        return window.review_actions.action(step).isEnabled()
    except KeyError:
        return False


def test_submit_through_the_menu_changes_the_status(window_for, team, make_article, fresh) -> None:
    draft = make_article("На проверку")
    window = window_for(team.editor)
    window.open_article(draft.id)
    window.review_actions.action(Action.SUBMIT).trigger()
    assert fresh(draft.id).status is Status.IN_REVIEW
    assert window.form.article().status is Status.IN_REVIEW
    assert window.form.is_read_only()  # an editor cannot edit what is under review


def test_article_held_by_someone_else_is_read_only_with_a_banner(
    window_for, team, make_article, type_text
) -> None:
    draft = make_article("Занято")
    anna = window_for(team.editor)
    anna.open_article(draft.id)
    assert anna.article_lock.held()
    admin = window_for(team.admin)
    admin.open_article(draft.id)
    assert not admin.article_lock.held()
    assert admin.lock_banner.isVisible()
    assert "Анна Петрова" in admin.lock_banner.label.text()
    assert admin.form.is_read_only() and admin.form.body_edit.isReadOnly()
    assert not admin.form.save_button.isEnabled()
    assert not admin.action(ActionId.SAVE_ARTICLE).isEnabled()
    assert "Текст новости" in admin.form.body_edit.toPlainText()  # the text is shown


def test_lost_lock_keeps_the_typed_text(qtbot, window_for, team, make_article, type_text) -> None:
    draft = make_article("Перехват")
    anna = window_for(team.editor)
    anna.open_article(draft.id)
    type_text(anna.form.title_edit, " правка")
    admin = window_for(team.admin)
    admin.open_article(draft.id)
    admin.article_lock.take_over()
    with qtbot.waitSignal(anna.article_lock.lostLock):
        anna.article_lock.heartbeat()
    assert anna.form.is_read_only()
    assert anna.form.title_edit.text() == "Перехват правка"
    assert admin.form.is_read_only() is False


def test_users_and_roles_only_for_admins(window_for, team) -> None:
    assert window_for(team.admin).action(ActionId.USERS).isEnabled()
    assert not window_for(team.editor).action(ActionId.USERS).isEnabled()


def test_comments_tab_shows_the_count(window_for, team, make_article, ops_for) -> None:
    draft = make_article("С комментарием")
    ops_for(team.reviewer).add_comment(draft.id, "Проверьте цифры")
    window = window_for(team.editor)
    window.open_article(draft.id)
    index = window.review_tabs.indexOf(window.comments_panel)
    assert "1" in window.review_tabs.tabText(index)
