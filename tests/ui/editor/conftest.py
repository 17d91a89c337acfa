"""Fixtures for the article editor's tests: a shown, focused `ArticleEditor` and
small helpers to move its cursor and press keys."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt

from editorial_desk.ui.editor import ArticleEditor


@pytest.fixture
def editor(qtbot: Any) -> ArticleEditor:
    widget = ArticleEditor(load_icons=False)
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    widget.setFocus()
    return widget


@pytest.fixture
def press(qtbot: Any, editor: ArticleEditor) -> Callable[..., None]:
    """press(Qt.Key.Key_B, CTRL): a key (or shortcut) on the editor's text area."""

    def press_(
        key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        qtbot.keyClick(editor.text_edit(), key, modifiers)

    return press_


@pytest.fixture(autouse=True)
def empty_clipboard_afterwards(qapp):
    """A QMimeData left on the clipboard is freed by Qt at exit after Python has
    already let go of it, and the interpreter then dies with SIGSEGV (exit 139)
    after every test has passed. Clearing it while everything is alive avoids that."""
    yield
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.clipboard().clear()
