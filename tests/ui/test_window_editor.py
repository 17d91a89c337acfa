"""The rich-text editor inside the real main window (offscreen, real store)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from PySide6.QtGui import QColor, QImage, QTextCursor
from PySide6.QtWidgets import QMenu, QMessageBox
from sqlalchemy import select

from editorial_desk.services.articles import create_article, get_article
from editorial_desk.store.models import Asset
from editorial_desk.ui.actions import ActionId
from editorial_desk.ui.app import build_main_window
from editorial_desk.ui.editor import EditorActionId
from editorial_desk.ui.settings import AppSettings

MOSCOW = ZoneInfo("Europe/Moscow")


@pytest.fixture
def window(qtbot, store, actor, message_boxes, tmp_path):
    win = build_main_window(
        store, actor, MOSCOW, settings=AppSettings.in_file(tmp_path / "settings.ini")
    )
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    message_boxes.answers[:] = [QMessageBox.StandardButton.Discard] * 3


@pytest.fixture
def article(store, actor):
    with store.session() as session:
        return create_article(
            session, actor, title="Субботник", lead="Лид", body="<p>Уборка парков.</p>"
        )


def _stored_body(store, article_id: int) -> str:
    with store.session() as session:
        return get_article(session, article_id).body


def test_menu_order_file_format_review_help(window) -> None:
    menus = [action.menu() for action in window.menuBar().actions()]
    edit_at = menus.index(window.edit_menu)
    format_at = menus.index(window.format_menu)
    review_at = menus.index(window.review_menu)
    names = [m.objectName() for m in menus]
    assert names.index("menu.file") < edit_at < format_at < names.index("menu.view") < review_at
    assert menus[-1].objectName() == "menu.help"


def test_format_menu_bolds_the_selection_and_save_stores_strong(window, store, article) -> None:
    window.open_article(article.id)
    edit = window.form.body_edit
    cursor = edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfWord, QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    format_menu = window.format_menu
    assert format_menu.menuAction() in window.menuBar().actions()
    bold = next(a for a in format_menu.actions() if a.objectName() == EditorActionId.BOLD.value)
    bold.trigger()
    assert window.form.is_modified() and window.isWindowModified()
    window.action(ActionId.SAVE_ARTICLE).trigger()
    assert "<strong>Уборка</strong>" in _stored_body(store, article.id)
    assert not window.form.is_modified()


def _png(path) -> str:
    image = QImage(8, 6, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    assert image.save(str(path), "PNG")
    return str(path)


def test_inserting_an_image_stores_an_asset(window, store, article, tmp_path) -> None:
    window.open_article(article.id)
    window.form.body_edit.moveCursor(QTextCursor.MoveOperation.End)
    assert window.form.editor.insert_image(_png(tmp_path / "photo.png"), "Парк")
    with store.session() as session:
        (asset,) = session.scalars(select(Asset)).all()
        sha, mime = asset.sha256, asset.mime_type
    assert mime == "image/png"
    window.action(ActionId.SAVE_ARTICLE).trigger()
    assert f'src="asset:{sha}"' in _stored_body(store, article.id)

    # opening it again gives the editor the stored picture
    window.new_article()
    window.open_article(article.id)
    assert window.form.body_edit.document().resource(2, f"asset:{sha}") is not None


def test_live_counts_in_the_status_bar(qtbot, window, article) -> None:
    window.open_article(article.id)
    window.form.body_edit.moveCursor(QTextCursor.MoveOperation.End)
    window.form.body_edit.insertPlainText(" Ещё три слова")
    qtbot.waitUntil(lambda: "Words: 5" in window.stats_label.text(), timeout=3000)
    assert "Reading: 1 min" in window.stats_label.text()
    assert window.statusBar().isAncestorOf(window.stats_label)


def test_form_read_only_keeps_the_text(window, article) -> None:
    window.open_article(article.id)
    window.form.set_read_only(True)
    assert window.form.body_edit.isReadOnly() and window.form.title_edit.isReadOnly()
    assert "Уборка парков" in window.form.body_edit.toPlainText()
    assert window.form.title_edit.text() == "Субботник"
    assert not window.form.save_button.isEnabled()
    window.form.set_read_only(False)
    assert not window.form.body_edit.isReadOnly()


def test_a_denied_step_reads_well(window, message_boxes) -> None:
    from editorial_desk.domain.roles import Role
    from editorial_desk.domain.statuses import Status
    from editorial_desk.domain.workflow import Action, ActionDeniedError, Denial, Rule
    from editorial_desk.ui.dialogs import show_error
    from editorial_desk.ui.review.labels import denial_text

    denial = Denial(Rule.ROLE, Role.EDITOR, Status.IN_REVIEW, Action.APPROVE.value)
    show_error(window, ActionDeniedError(denial))
    ((_title, text, _info),) = message_boxes.shown
    assert text == denial_text(denial)  # the translated sentence, not the English message


def test_edit_and_format_menus_follow_the_current_tab(window, store, actor, article) -> None:
    assert isinstance(window.format_menu, QMenu)
    assert not window.format_menu.isEnabled() and not window.format_menu.actions()
    window.open_article(article.id)
    first = window.form.editor
    assert window.format_menu.isEnabled()
    assert window.format_menu.actions() == first.format_menu().actions()
    assert window.edit_menu.actions() == first.edit_menu().actions()
    window.new_article()
    second = window.form.editor
    assert second is not first
    assert window.format_menu.actions() == second.format_menu().actions()
    window.tabs.setCurrentIndex(0)
    assert window.format_menu.actions() == first.format_menu().actions()


def test_sample_article_from_the_help_menu_shows_every_format_and_can_be_saved(
    qtbot, window, store
) -> None:
    from editorial_desk.services.articles import get_article, list_articles
    from editorial_desk.ui.actions import ActionId

    window.action(ActionId.SAMPLE_ARTICLE).trigger()
    assert window.form.is_new() and window.form.is_modified()  # unsaved until saved
    body = window.form.editor.body()
    for tag in (
        "<h2>",
        "<h3>",
        "<ul>",
        "<ol>",
        "<blockquote>",
        "<table>",
        "<hr>",
        "<strong>",
        "<em>",
        'href="https://',
    ):
        assert tag in body, tag
    assert window.save_article()
    with store.session() as session:
        [saved] = list_articles(session)
        assert get_article(session, saved.id).body == body
