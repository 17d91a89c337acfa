"""Work off the UI thread: results and errors come back on the UI thread."""

from __future__ import annotations

import threading

from editorial_desk.ui.background import run_in_background


def test_result_arrives_on_the_ui_thread(qtbot):
    ui_thread = threading.get_ident()
    seen: dict[str, object] = {}

    def work() -> int:
        seen["worker"] = threading.get_ident()
        return 42

    def done(value: int) -> None:
        seen["value"] = value
        seen["callback"] = threading.get_ident()

    task = run_in_background(work, done, lambda error: seen.setdefault("error", error))
    qtbot.waitUntil(lambda: "value" in seen, timeout=5000)
    assert seen["value"] == 42
    assert seen["worker"] != ui_thread
    assert seen["callback"] == ui_thread
    task.thread.join()


def test_exception_is_delivered_not_lost(qtbot):
    errors: list[BaseException] = []

    def work() -> None:
        raise ValueError("broken file")

    task = run_in_background(work, lambda _v: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ValueError) and str(errors[0]) == "broken file"
    task.thread.join()


def test_ui_keeps_processing_events_while_work_runs(qtbot):
    from PySide6.QtCore import QTimer

    release = threading.Event()
    ticks: list[int] = []
    finished: list[bool] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    task = run_in_background(lambda: release.wait(5), lambda _v: finished.append(True), print)
    qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=5000)  # the event loop is alive
    assert not finished
    release.set()
    qtbot.waitUntil(lambda: bool(finished), timeout=5000)
    timer.stop()
    task.thread.join()
