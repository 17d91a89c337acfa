"""Run a child process and measure it: wall time from spawn to exit, when each
output line arrived, and the child's own peak RSS (from `wait4`, not the parent's)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class ProcessRun:
    argv: tuple[str, ...]
    wall_s: float  # spawn -> exit, as seen by the parent
    returncode: int
    max_rss_bytes: int
    lines: tuple[tuple[float, str], ...]  # (seconds since spawn, line) of stdout+stderr
    timed_out: bool

    @property
    def output(self) -> str:
        return "\n".join(line for _, line in self.lines)

    def tail(self, count: int = 15) -> str:
        return "\n".join(line for _, line in self.lines[-count:])

    def first_match(self, pattern: re.Pattern[str]) -> tuple[float, re.Match[str]] | None:
        """(arrival time in seconds since spawn, match) of the first matching line."""
        for at, line in self.lines:
            match = pattern.search(line)
            if match:
                return at, match
        return None


def _rss_bytes(ru_maxrss: int) -> int:
    # Linux reports KiB, macOS bytes.
    return ru_maxrss if sys.platform == "darwin" else ru_maxrss * 1024


def run_measured(
    argv: Sequence[str],
    *,
    env: Mapping[str, str],
    timeout_s: float,
    cwd: Path | None = None,
) -> ProcessRun:
    """Run `argv` to completion (killing it after `timeout_s`) and measure it.

    The child is waited for with `waitid(WNOWAIT)` first, so the exit time is taken
    the moment it ends and the kill timer can never hit a recycled pid; `wait4`
    then reaps it and gives its resource usage."""
    lines: list[tuple[float, str]] = []
    started = time.perf_counter()
    proc = subprocess.Popen(
        list(argv),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=dict(env),
        cwd=cwd,
    )
    assert proc.stdout is not None
    stdout = proc.stdout

    def read() -> None:
        for raw in stdout:
            lines.append((time.perf_counter() - started, raw.decode(errors="replace").rstrip()))

    reader = threading.Thread(target=read, name="bench-child-output", daemon=True)
    reader.start()
    killed = threading.Event()

    def kill() -> None:
        killed.set()
        proc.kill()

    timer = threading.Timer(timeout_s, kill)
    timer.start()
    os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOWAIT)
    wall = time.perf_counter() - started
    timer.cancel()
    timer.join()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    reader.join(timeout=5)
    stdout.close()
    return ProcessRun(
        argv=tuple(argv),
        wall_s=wall,
        returncode=proc.returncode,
        max_rss_bytes=_rss_bytes(usage.ru_maxrss),
        lines=tuple(lines),
        timed_out=killed.is_set() and proc.returncode < 0,
    )
