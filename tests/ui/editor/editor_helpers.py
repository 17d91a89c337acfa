"""Helpers for the editor tests: move and select in an `ArticleEditor`."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from editorial_desk.ui.editor import ArticleEditor

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def move(editor: ArticleEditor, operation: QTextCursor.MoveOperation, n: int = 1) -> None:
    cursor = editor.text_edit().textCursor()
    cursor.movePosition(operation, QTextCursor.MoveMode.MoveAnchor, n)
    editor.text_edit().setTextCursor(cursor)


def select(editor: ArticleEditor, start: int, end: int) -> None:
    cursor = editor.text_edit().textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    editor.text_edit().setTextCursor(cursor)


def select_text(editor: ArticleEditor, text: str) -> None:
    """Select the first occurrence of `text` in the document."""
    found = editor.document().find(text)
    assert not found.isNull(), f"{text!r} is not in the document"
    editor.text_edit().setTextCursor(found)


def put_cursor(editor: ArticleEditor, position: int) -> None:
    cursor = editor.text_edit().textCursor()
    cursor.setPosition(position)
    editor.text_edit().setTextCursor(cursor)


def cursor_after(editor: ArticleEditor, text: str) -> None:
    """Place the cursor right after the first occurrence of `text`."""
    found = editor.document().find(text)
    assert not found.isNull(), f"{text!r} is not in the document"
    put_cursor(editor, found.selectionEnd())
