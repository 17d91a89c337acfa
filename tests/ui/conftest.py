"""UI test helpers: no test may block on a modal dialog, and every message box
shown is recorded so tests can assert on it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest


@dataclass
class MessageBoxes:
    """Records every QMessageBox and answers it with the next queued button."""

    shown: list[tuple[str, str, str]] = field(default_factory=list)  # title, text, informative
    answers: list[Any] = field(default_factory=list)
    about: list[tuple[str, str]] = field(default_factory=list)

    def texts(self) -> list[str]:
        return [text for _title, text, _info in self.shown]


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> Iterator[MessageBoxes]:
    from PySide6.QtWidgets import QDialog, QMessageBox

    recorder = MessageBoxes()

    def fake_exec(box: QMessageBox) -> int:
        recorder.shown.append((box.windowTitle(), box.text(), box.informativeText()))
        answer = recorder.answers.pop(0) if recorder.answers else QMessageBox.StandardButton.Ok
        return int(answer.value if hasattr(answer, "value") else answer)

    def fake_about(_parent: Any, title: str, text: str) -> None:
        recorder.about.append((title, text))

    def no_modal_dialogs(dialog: QDialog) -> int:
        raise AssertionError(f"unexpected modal dialog {type(dialog).__name__} in a test")

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr(QMessageBox, "about", staticmethod(fake_about))
    monkeypatch.setattr(QDialog, "exec", no_modal_dialogs)
    yield recorder


@pytest.fixture
def type_text(qtbot: Any):
    """Type text into a widget as key presses, like qtbot.keyClicks, but also for
    Cyrillic: QTest.keyClicks aborts on non-ASCII characters (qasciikey.cpp
    asserts), so those are sent as key events carrying their text."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    def type_(widget: Any, text: str) -> None:
        for char in text:
            if char.isascii():
                qtbot.keyClicks(widget, char)
            else:
                QTest.sendKeyEvent(
                    QTest.KeyAction.Click,
                    widget,
                    Qt.Key.Key_unknown,
                    char,
                    Qt.KeyboardModifier.NoModifier,
                )

    return type_


@pytest.fixture(autouse=True)
def fresh_qsettings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """QSettings() computes its folder once per process, so XDG_CONFIG_HOME alone
    would let one test's remembered filters leak into the next: give every test
    its own folder."""
    from PySide6.QtCore import QSettings

    folder = str(tmp_path_factory.mktemp("qsettings"))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, folder)
    yield
