"""The headless CLI as a user runs it: a real process, a real database file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from editorial_desk import __version__


def run_cli(*args: str, db: Path | None = None, env: dict[str, str] | None = None):
    full_env = {**os.environ, "EDITORIAL_DESK_TZ": "Europe/Moscow", **(env or {})}
    cmd = [sys.executable, "-m", "editorial_desk", *args]
    if db is not None:
        cmd += ["--db", str(db)]
    return subprocess.run(cmd, capture_output=True, text=True, env=full_env, timeout=60)


def assert_one_line_error(result) -> None:
    assert result.returncode != 0
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr


def test_version():
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"editorial-desk {__version__}"


def test_new_list_show_round_trip(db_path: Path, tmp_path: Path):
    body = tmp_path / "body.html"
    body.write_text(
        "<h2>Подробности</h2><p>Работы завершат к 2027 году.</p>"
        "<ul><li>Первое</li><li>Второе</li></ul>",
        encoding="utf-8",
    )
    created = run_cli(
        "new",
        "--title",
        "Мэрия объявила конкурс",
        "--lead",
        "Кратко о главном",
        "--body-file",
        str(body),
        "--date",
        "2026-12-01T00:30",
        "--rubric",
        "Город",
        "--tag",
        "конкурс",
        db=db_path,
    )
    assert created.returncode == 0, created.stderr
    article_id = int(created.stdout.strip())

    listed = run_cli("list", "--json", db=db_path)
    assert listed.returncode == 0, listed.stderr
    [row] = json.loads(listed.stdout)

    shown = run_cli("show", str(article_id), "--json", db=db_path)
    assert shown.returncode == 0, shown.stderr
    full = json.loads(shown.stdout)

    assert row == {key: full[key] for key in row}
    assert full["id"] == article_id
    assert full["title"] == "Мэрия объявила конкурс"
    assert full["lead"] == "Кратко о главном"
    assert full["rubric"] == "Город"
    assert full["tags"] == ["конкурс"]
    assert full["status"] == "draft"
    assert full["planned_at"] == "2026-11-30T21:30:00+00:00"  # 00:30 in Moscow, stored UTC
    assert full["body"].startswith("<h2>Подробности</h2>")
    assert full["word_count"] == 8

    text = run_cli("show", str(article_id), db=db_path)
    assert "Мэрия объявила конкурс" in text.stdout and "Подробности" in text.stdout


def test_list_date_range_is_in_office_days(db_path: Path):
    for title, date in (
        ("Раньше", "2026-11-30T23:59"),
        ("В тот день", "2026-12-01T00:30"),
        ("Позже", "2026-12-02T00:00"),
    ):
        assert run_cli("new", "--title", title, "--date", date, db=db_path).returncode == 0
    result = run_cli("list", "--from", "2026-12-01", "--to", "2026-12-01", "--json", db=db_path)
    assert [row["title"] for row in json.loads(result.stdout)] == ["В тот день"]
    plain = run_cli("list", db=db_path)
    assert "2026-12-01 00:30" in plain.stdout  # shown in the office zone


@pytest.mark.parametrize("bad", ["2026-13-01", "1.12.2026", "завтра", "2026-02-30T10:00"])
def test_bad_date_is_one_line_error(db_path: Path, bad: str):
    assert_one_line_error(run_cli("new", "--title", "X", "--date", bad, db=db_path))
    assert_one_line_error(run_cli("list", "--from", bad, db=db_path))


def test_unknown_id_is_one_line_error(db_path: Path):
    result = run_cli("show", "4242", db=db_path)
    assert_one_line_error(result)
    assert "4242" in result.stderr


def test_unknown_status_and_missing_body_file(db_path: Path, tmp_path: Path):
    assert_one_line_error(run_cli("list", "--status", "finished", db=db_path))
    assert_one_line_error(
        run_cli("new", "--title", "X", "--body-file", str(tmp_path / "nope.html"), db=db_path)
    )


def test_corrupt_database_is_one_line_error_and_untouched(tmp_path: Path):
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"this is not sqlite" * 100)
    before = broken.read_bytes()
    result = run_cli("list", db=broken)
    assert_one_line_error(result)
    assert str(broken) in result.stderr
    assert broken.read_bytes() == before


def test_unusable_location_is_one_line_error(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert_one_line_error(run_cli("list", db=blocker / "sub" / "db.sqlite3"))


def test_database_from_environment(tmp_path: Path):
    db = tmp_path / "env.sqlite3"
    result = run_cli("new", "--title", "Через окружение", env={"EDITORIAL_DESK_DB": str(db)})
    assert result.returncode == 0, result.stderr
    assert db.exists()


def test_usage_error_is_one_line():
    assert_one_line_error(run_cli("show", "not-a-number"))
