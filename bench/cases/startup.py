"""Cold start of the whole app process and its peak memory, against a bare Qt window.

Contract with the app (see docs/benchmarks.md): `python -m editorial_desk --db PATH`
with `EDITORIAL_DESK_QUIT_AFTER_SHOWN=painted` quits (exit 0) right after the main
window's first paint; with `=1` it quits once the store is also open and the list
loaded (a full start-up). Either way it may print `shown-after-ms=NN` (flushed)
when the window is painted. Each measurement is a fresh process, spawn to exit;
one unmeasured warm-up run comes first (OS file cache, bytecode cache).
"""

from __future__ import annotations

import re
import sys
from typing import Final

from bench.context import Context
from bench.probe import module_path, source_mentions
from bench.procs import ProcessRun
from bench.registry import Budget, NotAvailable, Samples, Unit, case

QUIT_ENV: Final = "EDITORIAL_DESK_QUIT_AFTER_SHOWN"
SHOWN_RE: Final = re.compile(r"shown-after-ms=(\d+(?:\.\d+)?)")
MIB: Final = 2**20

BARE_WINDOW_SCRIPT: Final = """\
import sys, time
started = time.perf_counter()
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("bench")
window.resize(1280, 800)
window.show()

def shown():
    print(f"shown-after-ms={(time.perf_counter() - started) * 1000:.1f}", flush=True)
    app.quit()

QTimer.singleShot(0, shown)
sys.exit(app.exec())
"""


FULL: Final = "1"
PAINTED: Final = "painted"


def _check_app_hook() -> None:
    if module_path("editorial_desk.ui.app") is None:
        raise NotAvailable("the desktop app is not built yet (editorial_desk/ui/app.py)")
    if not source_mentions("editorial_desk.ui", QUIT_ENV) and not source_mentions(
        "editorial_desk.__main__", QUIT_ENV
    ):
        raise NotAvailable(f"the app does not honour {QUIT_ENV} yet")


def painted_mode() -> str:
    """`painted` when the app knows it; older builds treat any value as `1`."""
    return PAINTED if source_mentions("editorial_desk.ui", f'"{PAINTED}"') else FULL


def _runs(ctx: Context, argv: list[str], env: dict[str, str], what: str) -> list[ProcessRun]:
    runs = []
    for attempt in range(ctx.repeats + 1):  # the first one is the warm-up
        run = ctx.run_process(argv, env=env)
        if run.timed_out:
            raise NotAvailable(
                f"{what} did not quit within {ctx.options.timeout_s:g} s "
                f"(does it honour {QUIT_ENV}?)"
            )
        if run.returncode != 0:
            raise RuntimeError(f"{what} exited with {run.returncode}:\n{run.tail()}")
        if attempt:
            runs.append(run)
    return runs


def app_runs(ctx: Context, mode: str) -> list[ProcessRun]:
    """The app started `repeats` times with the benchmark store (shared by cases)."""

    def run() -> list[ProcessRun]:
        _check_app_hook()
        argv = [sys.executable, "-m", "editorial_desk", "--db", str(ctx.store.path)]
        return _runs(ctx, argv, ctx.child_env({QUIT_ENV: mode}), f"the app ({QUIT_ENV}={mode})")

    return ctx.shared(f"startup.app_runs.{mode}", run)


def bare_runs(ctx: Context) -> list[ProcessRun]:
    def run() -> list[ProcessRun]:
        argv = [sys.executable, "-c", BARE_WINDOW_SCRIPT]
        return _runs(ctx, argv, ctx.child_env(), "the bare Qt window")

    return ctx.shared("startup.bare_runs", run)


def _reported_ms(runs: list[ProcessRun]) -> list[float] | None:
    found = [run.first_match(SHOWN_RE) for run in runs]
    if any(f is None for f in found):
        return None
    return [float(f[1][1]) for f in found if f is not None]


def _shown_at(runs: list[ProcessRun], what: str) -> list[float]:
    found = [run.first_match(SHOWN_RE) for run in runs]
    if any(f is None for f in found):
        raise NotAvailable(f"{what} prints no shown-after-ms line")
    return [f[0] for f in found if f is not None]


@case(
    "cold_start.app",
    budget=Budget(0.40),
    description="python -m editorial_desk with the store, spawn to exit after the first paint",
)
def cold_start_app(ctx: Context) -> Samples:
    mode = painted_mode()
    runs = app_runs(ctx, mode)
    return Samples(
        [r.wall_s for r in runs],
        {"mode": f"{QUIT_ENV}={mode}", "app_reported_shown_ms": _reported_ms(runs)},
    )


@case(
    "cold_start.app_shown",
    description="full start-up: spawn until the shown-after-ms line arrives (window painted)",
)
def cold_start_app_shown(ctx: Context) -> Samples:
    runs = app_runs(ctx, FULL)
    return Samples(_shown_at(runs, "the app"), {"app_reported_shown_ms": _reported_ms(runs)})


@case(
    "cold_start.app_ready",
    description="full start-up: spawn to exit once the store is open and the list loaded",
)
def cold_start_app_ready(ctx: Context) -> list[float]:
    return [r.wall_s for r in app_runs(ctx, FULL)]


@case("cold_start.bare_qt_window", description="for comparison: a process showing a QMainWindow")
def cold_start_bare(ctx: Context) -> Samples:
    runs = bare_runs(ctx)
    return Samples(
        [r.wall_s for r in runs],
        {
            "shown_line_at_s": _shown_at(runs, "the bare window"),
            "reported_shown_ms": _reported_ms(runs),
        },
    )


@case(
    "memory.app_peak_rss",
    unit=Unit.BYTES,
    budget=Budget(180 * MIB, statistic="max"),
    description="peak RSS of the app process (wait4 ru_maxrss), full start-up with the store",
)
def app_peak_rss(ctx: Context) -> list[float]:
    return [float(r.max_rss_bytes) for r in app_runs(ctx, FULL)]


@case(
    "memory.bare_qt_peak_rss",
    unit=Unit.BYTES,
    description="for comparison: peak RSS of the bare QMainWindow process",
)
def bare_peak_rss(ctx: Context) -> list[float]:
    return [float(r.max_rss_bytes) for r in bare_runs(ctx)]
