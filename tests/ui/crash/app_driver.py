"""Drives the real desktop app in its own process, for the crash test.

`python app_driver.py type DB ARTICLE_ID` starts the app exactly as a user does
(`run_app`), opens the stored article ARTICLE_ID and a new article, types into
both through key events (like a person, with the event loop running between
keys), prints one line `TYPED <json>` with what was typed, and keeps running
until it is killed.

`python app_driver.py restore DB` starts the app again, chooses «Restore all»
in the recovery dialog the app shows, prints `RESTORED <json>` with every open
tab's fields, and exits without saving anything."""

from __future__ import annotations

import json
import os
import sys

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from editorial_desk.ui.app import run_app
from editorial_desk.ui.main_window import MainWindow

NEW_TITLE = "Новость, которую не успели сохранить"
NEW_BODY = "Ремонт моста на улице Ленина завершится 15 декабря; движение — с 6:00."
EDIT_BODY = " Дополнение: объезд по ул. Садовой, «зелёная волна» до 22:00."
KEY_INTERVAL_MS = 5  # a fast typist; the event loop runs between keys


def _window(app: QApplication) -> MainWindow | None:
    for widget in app.topLevelWidgets():
        if isinstance(widget, MainWindow) and widget.operations is not None:
            return widget
    return None


def _type_slowly(widget: QWidget, text: str, done) -> None:
    """One key event per character, each from the event loop."""
    chars = list(text)

    def next_key() -> None:
        if not chars:
            done()
            return
        char = chars.pop(0)
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, char, Qt.KeyboardModifier.NoModifier
        )
        QTimer.singleShot(KEY_INTERVAL_MS, next_key)

    next_key()


def _type(app: QApplication, window: MainWindow, article_id: int) -> None:
    assert window.open_article(article_id, new_tab=True)
    stored_form = window.form
    stored_form.body_edit.setFocus()
    stored_form.body_edit.moveCursor(stored_form.body_edit.textCursor().MoveOperation.End)

    def then_new_article() -> None:
        window.new_article()
        form = window.form
        form.title_edit.setFocus()

        def then_body() -> None:
            form.body_edit.setFocus()
            _type_slowly(form.body_edit, NEW_BODY, report)

        _type_slowly(form.title_edit, NEW_TITLE, then_body)

    def report() -> None:
        typed = {
            "stored_body_text": stored_form.body_edit.toPlainText(),
            "new_title": window.form.title_edit.text(),
            "new_body_text": window.form.body_edit.toPlainText(),
        }
        print("TYPED " + json.dumps(typed, ensure_ascii=False), flush=True)

    _type_slowly(stored_form.body_edit, EDIT_BODY, then_new_article)


def _restore(app: QApplication, window: MainWindow) -> None:
    from editorial_desk.ui.recovery_dialog import RecoveryDialog

    def answer() -> None:
        dialog = app.activeModalWidget()
        if not isinstance(dialog, RecoveryDialog):
            QTimer.singleShot(50, answer)
            return
        dialog.restore_button.click()
        QTimer.singleShot(0, report)

    def report() -> None:
        tabs = [
            {
                "article_id": tab.article_id(),
                "title": tab.form.title_edit.text(),
                "body_text": tab.form.body_edit.toPlainText(),
                "modified": tab.form.is_modified(),
            }
            for tab in window.open_tabs()
        ]
        print("RESTORED " + json.dumps(tabs, ensure_ascii=False), flush=True)
        os._exit(0)  # leave without the close prompts: nothing may be saved here

    answer()


def main() -> int:
    mode, db = sys.argv[1], sys.argv[2]
    app = QApplication(sys.argv[:1])

    def start() -> None:
        window = _window(app)
        if window is None:
            QTimer.singleShot(50, start)
        elif mode == "type":
            _type(app, window, int(sys.argv[3]))
        else:
            _restore(app, window)

    QTimer.singleShot(50, start)
    return run_app(db)


if __name__ == "__main__":
    sys.exit(main())
