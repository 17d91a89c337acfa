"""The calendar panel (`editorial_desk.ui.calendar.panel.CalendarPanel`) on the
50,000-item store, in a child process (`ctx.run_in_child`) so the benchmark
process never imports Qt.

The panel's clock is set to the store's `dataset_today` (20 November 2026), so it
opens on a full month of the plan (the store's items run up to 1 December, about
27 a day): its six-week window holds about a thousand items, plus the tray.

- `calendar.open`: build the panel, show it, and have the month painted — from
  the constructor call until the month grid's viewport has received its paint
  event (checked, not assumed). Each sample is a fresh panel; one unmeasured
  warm-up open comes first (imports, fonts, SQLAlchemy's statement cache).
- `calendar.month_switch`: on a shown panel, "next month" (one query of the
  six-week window, regrouping, the model refresh) and a forced synchronous
  repaint of the grid (`viewport().repaint()`). Samples alternate October and
  November 2026, both full months, so every switch really loads a month.
- `calendar.month_first_visit`: the same, but every sample goes to a month the
  panel has not shown before (paging back from November 2026), so nothing the
  grid keeps between repaints (elided titles, laid-out texts) is there yet; only
  the week or two shared with the month shown before is."""

from __future__ import annotations

import gc
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any, Final

from bench.context import Context
from bench.registry import Budget, Samples, case

_ZONE: Final = "Europe/Moscow"
_SIZE: Final = (1280, 800)


@case("calendar.open", budget=Budget(0.050), description="open the calendar on a month")
def calendar_open(ctx: Context) -> Samples:
    return ctx.run_in_child("bench.cases.calendar:child_open", **_child_args(ctx))


@case("calendar.month_switch", budget=Budget(0.016), description="switch to the next month")
def calendar_month_switch(ctx: Context) -> Samples:
    return ctx.run_in_child("bench.cases.calendar:child_month_switch", **_child_args(ctx))


@case(
    "calendar.month_first_visit",
    budget=Budget(0.016),
    description="switch to a month not shown before",
)
def calendar_month_first_visit(ctx: Context) -> Samples:
    return ctx.run_in_child("bench.cases.calendar:child_month_first_visit", **_child_args(ctx))


def _child_args(ctx: Context) -> dict[str, Any]:
    info = ctx.store.info
    return {
        "store": str(ctx.store.path),
        "login": info.app_login,
        "today": info.dataset_today,
        "repeats": ctx.repeats,
    }


# ---------------------------------------------------------------------------
# In the child process (a QApplication, offscreen)
# ---------------------------------------------------------------------------


class _Setup:
    """The QApplication, the open store, the acting user and a scratch settings file."""

    def __init__(self, store: str, login: str, today: str) -> None:
        from zoneinfo import ZoneInfo

        from PySide6.QtWidgets import QApplication

        from editorial_desk.services.users import get_user
        from editorial_desk.store.engine import open_store
        from editorial_desk.ui.calendar.source import CalendarSource
        from editorial_desk.ui.settings import AppSettings

        self.app = QApplication.instance() or QApplication([])
        self.store = open_store(store)
        with self.store.session() as session:
            user = get_user(session, login)
        self.source = CalendarSource(self.store, user)
        self.settings = AppSettings.in_file(Path(tempfile.mkdtemp()) / "bench.ini")
        self.zone = ZoneInfo(_ZONE)
        now = datetime.fromisoformat(today)
        self.clock = lambda: now

    def panel(self) -> Any:
        from editorial_desk.ui.calendar.panel import CalendarPanel

        panel = CalendarPanel(self.source, self.settings, self.zone, clock=self.clock)
        panel.resize(*_SIZE)
        return panel

    def discard(self, panel: Any) -> None:
        panel.close()
        panel.deleteLater()
        self.app.processEvents()


class _PaintCounter:
    """Counts paint events reaching a widget (the month grid's viewport)."""

    def __init__(self, widget: Any) -> None:
        from PySide6.QtCore import QEvent, QObject

        paint = QEvent.Type.Paint

        class Filter(QObject):
            count = 0

            def eventFilter(self, _obj: Any, event: Any) -> bool:
                if event.type() == paint:
                    Filter.count += 1
                return False

        self._filter = Filter()
        widget.installEventFilter(self._filter)

    @property
    def count(self) -> int:
        return type(self._filter).count


def _open_once(setup: _Setup) -> tuple[float, Any]:
    gc.collect()  # as Context.time_calls does: a full collection before a sample, not in it
    started = time.perf_counter()
    panel = setup.panel()
    counter = _PaintCounter(panel.month_view.viewport())
    panel.show()
    setup.app.processEvents()  # the expose and the first paint
    elapsed = time.perf_counter() - started
    if counter.count == 0:
        raise RuntimeError("the month grid was not painted after show() + processEvents()")
    return elapsed, panel


def child_open(store: str, login: str, today: str, repeats: int) -> dict[str, Any]:
    setup = _Setup(store, login, today)
    first, panel = _open_once(setup)  # warm-up
    items, tray = panel.month_model.item_count(), panel.tray_model.rowCount()
    title = panel.title()
    setup.discard(panel)
    samples = []
    for _ in range(repeats):
        elapsed, panel = _open_once(setup)
        samples.append(elapsed)
        setup.discard(panel)
    return {
        "samples": samples,
        "extra": {
            "month": title,
            "items_in_grid": items,
            "tray_items": tray,
            "first_open_s": first,
        },
    }


def child_month_switch(store: str, login: str, today: str, repeats: int) -> dict[str, Any]:
    setup = _Setup(store, login, today)
    panel = setup.panel()
    panel.show()
    setup.app.processEvents()
    panel.go_previous()  # start on October: every sample is a switch between two full months
    viewport = panel.month_view.viewport()
    counter = _PaintCounter(viewport)

    def switch(forward: bool) -> float:
        gc.collect()  # as Context.time_calls does: before the sample, not inside it
        started = time.perf_counter()
        if forward:
            panel.go_next()
        else:
            panel.go_previous()
        viewport.repaint()
        return time.perf_counter() - started

    switch(True)  # warm-up both ways
    switch(False)
    samples, counts = [], []
    for n in range(repeats):
        samples.append(switch(n % 2 == 0))
        counts.append(panel.month_model.item_count())
    if counter.count < repeats:
        raise RuntimeError("the month grid was not repainted on every switch")
    setup.discard(panel)
    return {
        "samples": samples,
        "extra": {"items_in_grid_min": min(counts), "items_in_grid_max": max(counts)},
    }


def child_month_first_visit(store: str, login: str, today: str, repeats: int) -> dict[str, Any]:
    setup = _Setup(store, login, today)
    panel = setup.panel()
    panel.show()
    setup.app.processEvents()
    viewport = panel.month_view.viewport()
    counter = _PaintCounter(viewport)
    samples, counts = [], []
    for _ in range(repeats):
        gc.collect()  # as Context.time_calls does: before the sample, not inside it
        started = time.perf_counter()
        panel.go_previous()
        viewport.repaint()
        samples.append(time.perf_counter() - started)
        counts.append(panel.month_model.item_count())
    if counter.count < repeats:
        raise RuntimeError("the month grid was not repainted on every switch")
    months = panel.title()
    setup.discard(panel)
    return {
        "samples": samples,
        "extra": {
            "last_month": months,
            "items_in_grid_min": min(counts),
            "items_in_grid_max": max(counts),
        },
    }
