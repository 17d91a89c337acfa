"""Outcomes of the cases: statistics, the printed table, the JSON file, machine info."""

from __future__ import annotations

import importlib.metadata
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Final, Literal

from bench.registry import Case, Unit

RESULTS_SCHEMA: Final = 1
MIB: Final = 2**20

Status = Literal["ok", "n/a", "error"]


@dataclass
class Outcome:
    case: Case
    status: Status
    samples: list[float] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    reason: str = ""
    elapsed_s: float = 0.0

    @property
    def median(self) -> float | None:
        return statistics.median(self.samples) if self.samples else None

    @property
    def minimum(self) -> float | None:
        return min(self.samples) if self.samples else None

    @property
    def maximum(self) -> float | None:
        return max(self.samples) if self.samples else None

    @property
    def within_budget(self) -> bool | None:
        budget = self.case.budget
        if budget is None or self.status != "ok" or not self.samples:
            return None
        value = self.median if budget.statistic == "median" else self.maximum
        assert value is not None
        return value <= budget.limit

    def to_json(self) -> dict[str, Any]:
        budget = self.case.budget
        data: dict[str, Any] = {
            "status": self.status,
            "unit": self.case.unit.value,
            "description": self.case.description,
            "budget": ({"limit": budget.limit, "statistic": budget.statistic} if budget else None),
        }
        if self.status == "ok":
            data |= {
                "samples": self.samples,
                "median": self.median,
                "min": self.minimum,
                "max": self.maximum,
                "within_budget": self.within_budget,
                "extra": self.extra,
            }
        else:
            data["reason"] = self.reason
        data["elapsed_s"] = round(self.elapsed_s, 3)
        return data


# --- formatting -----------------------------------------------------------------------


def format_value(value: float, unit: Unit) -> str:
    if unit is Unit.BYTES:
        return f"{value / MIB:.1f} MiB"
    if value < 1e-3:
        return f"{value * 1e6:.1f} µs"
    if value < 1:
        return f"{value * 1e3:.1f} ms"
    return f"{value:.2f} s"


def format_budget(outcome: Outcome) -> str:
    budget = outcome.case.budget
    if budget is None:
        return ""
    text = f"≤ {format_value(budget.limit, outcome.case.unit)}"
    return text if budget.statistic == "median" else f"{text} ({budget.statistic})"


def table(outcomes: list[Outcome]) -> str:
    header = ("case", "median", "min", "max", "budget", "")
    rows: list[tuple[str, ...]] = []
    for o in outcomes:
        if o.status == "ok":
            unit = o.case.unit
            ok = o.within_budget
            verdict = "" if ok is None else ("✓" if ok else "✗")
            cells = [
                format_value(v, unit) for v in (o.median, o.minimum, o.maximum) if v is not None
            ]
            rows.append((o.case.name, *cells, format_budget(o), verdict))
        else:
            label = "n/a" if o.status == "n/a" else "ERROR"
            rows.append((o.case.name, f"{label} ({o.reason.splitlines()[0]})", format_budget(o)))
    widths = [len(h) for h in header]
    for row in rows:
        if len(row) == len(header):
            widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]
    lines = [_line(header, widths), _line(tuple("-" * w for w in widths), widths)]
    for row in rows:
        if len(row) == len(header):
            lines.append(_line(row, widths))
        else:  # name, "n/a (reason)", budget: the reason spans the figure columns
            name, note, budget = row
            lines.append(f"{name:<{widths[0]}}  {note}" + (f"  [{budget}]" if budget else ""))
    return "\n".join(lines)


def _line(cells: tuple[str, ...], widths: list[int]) -> str:
    name, *figures, budget, verdict = cells
    parts = [f"{name:<{widths[0]}}"]
    parts += [f"{cell:>{w}}" for cell, w in zip(figures, widths[1:4], strict=True)]
    parts.append(f"{budget:<{widths[4]}}")
    parts.append(verdict)
    return "  ".join(parts).rstrip()


# --- machine --------------------------------------------------------------------------


def _cpu_model() -> str | None:
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return platform.processor() or None
    for line in text.splitlines():
        key, _, value = line.partition(":")
        if key.strip() in ("model name", "Hardware", "Processor", "cpu model"):
            return value.strip()
    return None


def _ram_bytes() -> int | None:
    try:
        for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def _version(*names: str) -> str | None:
    for name in names:
        try:
            return importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            continue
    return None


def _command_output(argv: list[str]) -> str | None:
    try:
        result = subprocess.run(argv, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout.strip() or None if result.returncode == 0 else None


def machine_info(repo_root: Path) -> dict[str, Any]:
    """Enough to tell whether two result files are comparable. Never imports Qt."""
    pandoc = shutil.which("pandoc")
    pyside = _version("PySide6", "PySide6-Essentials", "pyside6-essentials")
    return {
        "cpu_model": _cpu_model(),
        "cpu_count": os.cpu_count(),
        "cpus_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "ram_bytes": _ram_bytes(),
        "platform": platform.platform(),
        # Other work on the machine widens the spread; keep it next to the figures.
        "load_average": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
        "python": platform.python_version(),
        "python_implementation": platform.python_implementation(),
        "sqlite": sqlite3.sqlite_version,
        # PySide6 wheels are versioned like the Qt they bundle.
        "qt": pyside,
        "packages": {
            name: _version(name)
            for name in (
                "PySide6-Essentials",
                "shiboken6",
                "SQLAlchemy",
                "alembic",
                "nh3",
                "python-docx",
                "editorial-desk",
            )
        },
        "pandoc": (_command_output([pandoc, "--version"]) or "").splitlines()[0]
        if pandoc
        else None,
        "git_commit": _command_output(["git", "-C", str(repo_root), "rev-parse", "HEAD"]),
        "git_dirty": bool(_command_output(["git", "-C", str(repo_root), "status", "--porcelain"])),
    }


def write_results(out_dir: Path, payload: dict[str, Any], stamp: datetime) -> Path:
    """`<out>/<timestamp>.json` and `<out>/latest.json`, each written atomically."""
    out_dir.mkdir(parents=True, exist_ok=True)
    text = json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    target = out_dir / f"{stamp.strftime('%Y%m%dT%H%M%SZ')}.json"
    for path in (target, out_dir / "latest.json"):
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    return target
