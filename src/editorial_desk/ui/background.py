"""Run a function off the UI thread and get its result back on the UI thread.

The UI never waits on I/O: the function runs in a worker thread; its result (or
the exception it raised) is delivered by a queued Qt signal to the callbacks,
which therefore run on the thread that called `run_in_background` (the UI)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal


class BackgroundTask(QObject):
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._work = work
        # Connected here, on the UI thread: the worker's emit is then queued to it.
        self.succeeded.connect(on_done)
        self.failed.connect(on_error)
        # Not a daemon: quitting while a migration or save runs waits for it to end
        # instead of killing it half-way.
        self.thread = threading.Thread(target=self._run, name="editorial-desk-bg")

    def _run(self) -> None:
        try:
            result = self._work()
        except BaseException as error:  # delivered to on_error, never lost
            self.failed.emit(error)
            return
        self.succeeded.emit(result)

    def start(self) -> BackgroundTask:
        self.thread.start()
        return self


def run_in_background(
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    parent: QObject | None = None,
) -> BackgroundTask:
    """Start `work()` in a worker thread. Keep the returned task (or give it a
    parent) until a callback has run."""
    return BackgroundTask(work, on_done, on_error, parent).start()
