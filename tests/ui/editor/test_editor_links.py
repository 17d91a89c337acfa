"""The Link dialog: only http, https, mailto and tel; a clear message otherwise."""

from __future__ import annotations

import pytest
from editor_helpers import CTRL, cursor_after, select_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from editorial_desk.ui.editor import ArticleEditor
from editorial_desk.ui.editor.links import LinkDialog, normalize_link


def _ok(dialog: LinkDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    box.button(QDialogButtonBox.StandardButton.Ok).click()


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("https://example.ru/news?id=1&x=2", "https://example.ru/news?id=1&x=2"),
        ("  HTTPS://example.ru  ", "https://example.ru"),
        ("example.ru/news", "https://example.ru/news"),
        ("город.рф", "https://город.рф"),
        ("press@example.ru", "mailto:press@example.ru"),
        ("+7 (495) 000-00-00", "tel:+74950000000"),
        ("tel:+74950000000", "tel:+74950000000"),
        ("javascript:alert(1)", None),
        ("java\tscript:alert(1)", None),
        ("data:text/html,<script>", None),
        ("file:///etc/passwd", None),
        ("ftp://example.ru", None),
        ("asset:" + "a" * 64, None),
        ("/relative/path", None),
        ("", None),
    ],
)
def test_addresses_follow_the_body_format(typed: str, stored: str | None, qapp) -> None:
    assert normalize_link(typed) == stored


def test_link_dialog_refuses_javascript_with_an_inline_error(
    editor: ArticleEditor, press, qtbot
) -> None:
    editor.set_body("<p>Подробности на сайте.</p>")
    select_text(editor, "сайте")
    press(Qt.Key.Key_K, CTRL)
    dialog = editor.link_dialog
    assert dialog is not None and dialog.isVisible()  # window-modal, not exec()
    dialog.url_edit.setText("javascript:alert(document.cookie)")
    _ok(dialog)
    assert dialog.isVisible()
    assert dialog.error.isVisible()
    assert "http://" in dialog.error.text()
    assert editor.body() == "<p>Подробности на сайте.</p>"
    qtbot.keyClicks(dialog.url_edit, "x")  # typing again hides the message
    assert not dialog.error.isVisible()
    dialog.url_edit.setText("https://example.ru/park")
    _ok(dialog)
    assert not dialog.isVisible()
    assert editor.body() == '<p>Подробности на <a href="https://example.ru/park">сайте</a>.</p>'


def test_link_without_selection_inserts_its_text(editor: ArticleEditor, type_text) -> None:
    editor.set_body("<p>Пишите:</p>")
    cursor_after(editor, "Пишите:")
    type_text(editor.text_edit(), " ")
    editor.edit_link()
    dialog = editor.link_dialog
    dialog.url_edit.setText("press@example.ru")
    dialog.text_edit.setText("в пресс-службу")
    _ok(dialog)
    type_text(editor.text_edit(), ".")  # typing on is not part of the link
    assert editor.body() == ('<p>Пишите: <a href="mailto:press@example.ru">в пресс-службу</a>.</p>')


def test_editing_and_removing_a_link(editor: ArticleEditor) -> None:
    editor.set_body('<p>См. <a href="https://old.example.ru"><strong>сайт</strong></a> города</p>')
    cursor_after(editor, "са")  # anywhere in the link: the whole link is edited
    editor.edit_link()
    dialog = editor.link_dialog
    assert dialog.url_edit.text() == "https://old.example.ru"
    dialog.url_edit.setText("https://new.example.ru")
    _ok(dialog)
    assert editor.body() == (
        '<p>См. <a href="https://new.example.ru"><strong>сайт</strong></a> города</p>'
    )
    cursor_after(editor, "са")
    editor.edit_link()
    assert editor.link_dialog.remove_button is not None
    editor.link_dialog.remove_button.click()
    assert editor.body() == "<p>См. <strong>сайт</strong> города</p>"


def test_cancel_changes_nothing(editor: ArticleEditor) -> None:
    editor.set_body("<p>текст</p>")
    select_text(editor, "текст")
    editor.edit_link()
    editor.link_dialog.url_edit.setText("https://example.ru")
    editor.link_dialog.reject()
    assert editor.body() == "<p>текст</p>"
    assert not editor.is_modified()


def test_removing_a_link_that_spans_paragraphs(editor: ArticleEditor) -> None:
    editor.set_body("<p>один</p><p>два</p>")
    select_text(editor, "один")
    cursor = editor.text_edit().textCursor()
    cursor.setPosition(editor.document().characterCount() - 1, cursor.MoveMode.KeepAnchor)
    editor.text_edit().setTextCursor(cursor)
    editor.edit_link()
    editor.link_dialog.url_edit.setText("https://example.ru")
    _ok(editor.link_dialog)
    assert editor.body() == (
        '<p><a href="https://example.ru">один</a></p><p><a href="https://example.ru">два</a></p>'
    )
    select_text(editor, "один")
    cursor = editor.text_edit().textCursor()
    cursor.setPosition(editor.document().characterCount() - 1, cursor.MoveMode.KeepAnchor)
    editor.text_edit().setTextCursor(cursor)
    editor.edit_link()
    editor.link_dialog.remove_button.click()
    assert editor.body() == "<p>один</p><p>два</p>"
