"""Regression guard: PySide6 6.12.0 on CPython 3.11 drops a reference to None on
every call of a void Qt method; after enough calls None's refcount reaches zero and
the interpreter aborts (none_dealloc). pyproject.toml pins 6.11.3 because of it.

(CPython 3.12+ makes None immortal, so there the count is constant anyway.)"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

CALLS = 20_000


def test_void_qt_calls_do_not_leak_none_references(qtbot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    timer = QTimer()
    before = sys.getrefcount(None)
    for number in range(CALLS // 2):
        widget.setWindowTitle("x")  # returns void -> Python None
        timer.stop()
        assert number >= 0
    after = sys.getrefcount(None)
    # The bug loses one reference per call (~20,000). Allow for unrelated noise.
    assert after >= before - 100, f"None lost {before - after} references in {CALLS} calls"
