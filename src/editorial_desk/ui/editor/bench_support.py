"""Measurements of the editor for the benchmark suite (``bench/cases/editor.py``
runs them in a child process with a QApplication).

* :func:`measure_open`: seconds from `ArticleEditor.set_body` until the editor
  can be typed in - the body loaded, the cursor placed, and the first frame
  laid out and painted (one pass of the event loop).
* :func:`measure_keystrokes`: seconds per typed character in the middle of the
  body, each a real key press and release sent through ``QApplication.sendEvent``
  followed by the event-loop pass that repaints.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from editorial_desk.ui.editor.widget import ArticleEditor

_TYPED = "редакция "  # Cyrillic, with a space: words are made and counted as typed


def shown_editor(width: int = 1000, height: int = 760) -> ArticleEditor:
    """An editor on screen (offscreen platform in the bench), with its first paint done."""
    editor = ArticleEditor()
    editor.resize(width, height)
    editor.show()
    for _ in range(3):
        QApplication.processEvents()
    return editor


def measure_open(body_html: str, editor: ArticleEditor | None = None) -> float:
    """Seconds to open `body_html` in an editor that is already on screen."""
    editor = editor or shown_editor()
    QApplication.processEvents()
    started = time.perf_counter()
    editor.set_body(body_html)
    editor.setFocus()
    QApplication.processEvents()
    return time.perf_counter() - started


def _send_key(widget: object, text: str) -> None:
    key = Qt.Key.Key_Space if text == " " else Qt.Key.Key_unknown
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))


def measure_keystrokes(editor: ArticleEditor, n: int) -> list[float]:
    """Seconds for each of `n` characters typed into the middle of the body."""
    edit = editor.text_edit()
    cursor = edit.textCursor()
    document = edit.document()
    cursor.setPosition(document.characterCount() // 2)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    edit.setTextCursor(cursor)
    edit.ensureCursorVisible()
    edit.setFocus()
    QApplication.processEvents()
    samples = []
    for index in range(n):
        text = _TYPED[index % len(_TYPED)]
        started = time.perf_counter()
        _send_key(edit, text)
        QApplication.processEvents()
        samples.append(time.perf_counter() - started)
    return samples
