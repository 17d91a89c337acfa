"""`Context.run_in_child`, the way Qt-level benchmarks keep Qt out of the bench process.

The functions below are the child's targets; they import `bench` lazily because the
test process itself does not have the repository root on sys.path."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def three_samples(scale: float) -> dict[str, object]:
    return {
        "samples": [scale, 2 * scale, 3 * scale],
        "extra": {"qpa": os.environ["QT_QPA_PLATFORM"]},
    }


def not_built() -> list[float]:
    from bench.registry import NotAvailable

    raise NotAvailable("the widget is not built yet")


DRIVER = """
import json, sys
from pathlib import Path
from bench.context import Context, Options
from bench.registry import NotAvailable

options = Options(quick=True, items=10, repeats=1, seed=1, only=(), out=Path("."),
                  keep_store=False, timeout_s=60, use_cache=False)
ctx = Context(options, log=lambda message: None)
try:
    samples = ctx.run_in_child("test_bench_child:three_samples", scale=0.5)
    try:
        ctx.run_in_child("test_bench_child:not_built")
        reason = None
    except NotAvailable as exc:
        reason = exc.reason
finally:
    ctx.close()
print(json.dumps({"samples": list(samples.values), "extra": samples.extra, "reason": reason}))
"""


def test_run_in_child_passes_samples_and_not_available() -> None:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent)}
    result = subprocess.run(
        [sys.executable, "-c", DRIVER],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout.strip().splitlines()[-1])
    assert data == {
        "samples": [0.5, 1.0, 1.5],
        "extra": {"qpa": "offscreen"},
        "reason": "the widget is not built yet",
    }
