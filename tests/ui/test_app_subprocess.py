"""The real app as a user starts it: `python -m editorial_desk --db FILE`, offscreen,
quitting by itself once the window is shown and the store is open
(EDITORIAL_DESK_QUIT_AFTER_SHOWN=1, see editorial_desk.ui.app)."""

from __future__ import annotations

import os
import random
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

TIMEOUT_S = 60


def _run_app(db: Path, quit_after: str = "1") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)  # carries the tmp XDG dirs and EDITORIAL_DESK_USER from conftest
    env.update(QT_QPA_PLATFORM="offscreen", EDITORIAL_DESK_QUIT_AFTER_SHOWN=quit_after)
    env.pop("EDITORIAL_DESK_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "editorial_desk", "--db", str(db)],
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )


def test_app_starts_creates_the_database_in_wal_mode_and_quits(tmp_path: Path) -> None:
    db = tmp_path / "desk.sqlite3"
    result = _run_app(db)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert db.is_file()
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        logins = [row[0] for row in conn.execute("SELECT login FROM users")]
    assert logins == ["editor1"]  # the OS user (EDITORIAL_DESK_USER in tests) was registered
    assert re.search(r"^shown-after-ms=\d+(\.\d+)?$", result.stdout, re.MULTILINE)


def test_app_refuses_a_corrupt_database_without_traceback(tmp_path: Path) -> None:
    db = tmp_path / "broken.sqlite3"
    garbage = random.Random(20240501).randbytes(8192)
    db.write_bytes(garbage)

    result = _run_app(db)

    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "editorial-desk: error:" in result.stderr
    assert str(db) in result.stderr
    assert db.read_bytes() == garbage
    assert not Path(f"{db}-wal").exists() and not Path(f"{db}-journal").exists()


def test_app_refuses_a_foreign_sqlite_database(tmp_path: Path) -> None:
    db = tmp_path / "foreign.sqlite3"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    before = db.read_bytes()

    result = _run_app(db)

    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert db.read_bytes() == before


def test_painted_mode_quits_before_the_store_is_opened(tmp_path: Path) -> None:
    """The start-up benchmark's mode: time to a painted window, nothing else."""
    db = tmp_path / "never.sqlite3"
    result = _run_app(db, quit_after="painted")
    assert result.returncode == 0, result.stderr
    assert not db.exists()
