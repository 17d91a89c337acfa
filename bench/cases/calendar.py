"""The calendar view (not built yet). When it exists, measure it in a child process
with `ctx.run_in_child("bench.cases.calendar:...", store=str(ctx.store.path), ...)`
so the benchmark process never imports Qt."""

from __future__ import annotations

from typing import Final

from bench.context import Context
from bench.probe import pending
from bench.registry import Budget, case

_MODULES: Final = ("editorial_desk.ui.calendar", "editorial_desk.ui.calendar_view")


@case("calendar.open", budget=Budget(0.050), description="open the calendar on a month")
def calendar_open(ctx: Context) -> list[float]:
    pending("the calendar view", _MODULES, "calendar")


@case("calendar.month_switch", budget=Budget(0.016), description="switch to the next month")
def calendar_month_switch(ctx: Context) -> list[float]:
    pending("the calendar view", _MODULES, "calendar")
