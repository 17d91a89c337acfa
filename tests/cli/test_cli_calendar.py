"""`editorial-desk calendar` and `office-zone` as a user runs them: a real
database, the office in Vladivostok (UTC+10), the .ics parsed back."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from editorial_desk import cli
from editorial_desk.export.files import is_temp_file

VLADIVOSTOK = ZoneInfo("Asia/Vladivostok")


def vlad(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=VLADIVOSTOK)


@pytest.fixture
def plan(db_path: Path) -> dict[str, int]:
    """A small March plan written in-process (the CLI's user, editor1, is the
    store's first user and so its admin)."""
    from editorial_desk.domain.roles import Role
    from editorial_desk.services.articles import create_article, move_to_trash
    from editorial_desk.services.users import add_user, ensure_user
    from editorial_desk.store.engine import open_store

    store = open_store(str(db_path))
    try:
        with store.session() as session:
            admin = ensure_user(session, "editor1", "Анна Редакторова")
            boris = add_user(session, admin, "boris", "Борис Ёлкин", Role.EDITOR)

            def new(author, title: str, planned: datetime | None, rubric: str = "Город") -> int:
                return create_article(
                    session, author, title=title, rubric=rubric, planned_at=planned
                ).id

            ids = {
                "night": new(admin, "Ночной выпуск «Светланская»", vlad(10, 0, 30)),
                "eve": new(admin, "Вечер накануне", vlad(9, 23, 59)),
                "sport": new(boris, "Матч «Луч»", vlad(10, 18), rubric="Спорт"),
                "undated": new(admin, "Без даты", None),
                "trashed": new(admin, "Удалённая", vlad(10, 12)),
            }
            move_to_trash(session, admin, ids["trashed"])
    finally:
        store.close()
    return ids


def run(db: Path, *args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = cli.main(["calendar", *args, "--db", str(db)], out=out)
    return code, out.getvalue()


def set_office_zone(db: Path, name: str) -> None:
    out = io.StringIO()
    assert cli.main(["office-zone", name, "--db", str(db)], out=out) == 0
    assert out.getvalue() == f"{name}\n"


def test_prints_the_plan_grouped_by_local_day(db_path, plan, monkeypatch):
    monkeypatch.setenv("EDITORIAL_DESK_TZ", "Asia/Vladivostok")
    code, text = run(db_path, "--from", "2026-03-10", "--to", "2026-03-10")
    assert code == 0
    assert text.splitlines() == [
        "2026-03-10 Tue",
        f"  00:30  #{plan['night']:<6} draft      Ночной выпуск «Светланская»  [Город]",
        f"  18:00  #{plan['sport']:<6} draft      Матч «Луч»  [Спорт]",
    ]
    code, text = run(db_path, "--from", "2026-03-09", "--to", "2026-03-10")
    assert text.splitlines()[:2] == [
        "2026-03-09 Mon",
        f"  23:59  #{plan['eve']:<6} draft      Вечер накануне  [Город]",
    ]


def test_the_office_setting_decides_the_day_and_the_env_var_overrides_it(
    db_path, plan, monkeypatch
):
    set_office_zone(db_path, "Asia/Vladivostok")
    _, text = run(db_path, "--from", "2026-03-10", "--to", "2026-03-10")
    assert "Ночной выпуск" in text and "00:30" in text
    monkeypatch.setenv("EDITORIAL_DESK_TZ", "UTC")  # 00:30 in Vladivostok is 14:30 on the 9th
    _, text = run(db_path, "--from", "2026-03-10", "--to", "2026-03-10")
    assert "Ночной выпуск" not in text
    _, text = run(db_path, "--from", "2026-03-09", "--to", "2026-03-09")
    assert "  14:30  " in text and "Ночной выпуск" in text


def test_the_list_command_uses_the_office_zone_too(db_path, plan):
    set_office_zone(db_path, "Asia/Vladivostok")
    out = io.StringIO()
    code = cli.main(
        ["list", "--from", "2026-03-10", "--to", "2026-03-10", "--db", str(db_path)], out=out
    )
    assert code == 0
    assert "2026-03-10 00:30" in out.getvalue()
    assert "Вечер накануне" not in out.getvalue()


def test_filters(db_path, plan, monkeypatch):
    monkeypatch.setenv("EDITORIAL_DESK_TZ", "Asia/Vladivostok")
    span = ("--from", "2026-03-01", "--to", "2026-03-31")
    _, by_rubric = run(db_path, *span, "--rubric", "Спорт")
    _, by_author = run(db_path, *span, "--author", "boris")
    _, by_status = run(db_path, *span, "--status", "approved,scheduled")
    _, trash = run(db_path, *span, "--status", "trash")
    assert "Матч «Луч»" in by_rubric and "Ночной" not in by_rubric
    assert "Матч «Луч»" in by_author and "Ночной" not in by_author
    assert by_status == "nothing planned\n"
    assert trash == "nothing planned\n"  # the plan never shows the trash


def test_ics_file_has_one_event_per_dated_item_in_utc(db_path, plan, tmp_path, monkeypatch):
    monkeypatch.setenv("EDITORIAL_DESK_TZ", "Asia/Vladivostok")
    target = tmp_path / "plan.ics"
    target.write_bytes(b"old file")  # named by the user: replaced
    code, text = run(db_path, "--from", "2026-03-10", "--to", "2026-03-10", "--ics", str(target))
    assert code == 0
    assert text == f"2 events written to {target}\n"
    calendar = Calendar.from_ical(target.read_bytes())
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {
        f"article-{plan['night']}@editorial-desk",
        f"article-{plan['sport']}@editorial-desk",
    }
    night = events[f"article-{plan['night']}@editorial-desk"]
    assert night.decoded("DTSTART") == datetime(2026, 3, 9, 14, 30, tzinfo=UTC)
    assert night.decoded("DTSTART").astimezone(VLADIVOSTOK).date() == date(2026, 3, 10)
    assert str(night["SUMMARY"]) == "Ночной выпуск «Светланская»"
    assert str(night["DESCRIPTION"]).startswith("Статус: Черновик\nРубрика: Город")
    assert calendar["X-WR-TIMEZONE"] == "Asia/Vladivostok"
    assert str(calendar["X-WR-CALNAME"]) == "План публикаций 10.03.2026–10.03.2026"
    assert [p.name for p in tmp_path.iterdir() if is_temp_file(p.name)] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--from", "2026-03-32", "--to", "2026-04-01"), "bad --from date '2026-03-32'"),
        (("--from", "2026-03-01", "--to", "1.4.2026"), "bad --to date '1.4.2026'"),
        (("--from", "2026-03-10", "--to", "2026-03-09"), "is before --from"),
        (("--from", "2026-03-01", "--to", "2026-03-31", "--status", "lost"), "unknown status"),
        # Python's first and last dates overflow in any zone conversion
        (
            ("--from", "0001-01-01", "--to", "2026-03-31"),
            "the --from date 0001-01-01 is outside the calendar (1900-01-01 to 2999-12-31)",
        ),
        (
            ("--from", "2026-03-01", "--to", "9999-12-31"),
            "the --to date 9999-12-31 is outside the calendar (1900-01-01 to 2999-12-31)",
        ),
        (("--from", "1899-12-31", "--to", "1900-01-01"), "the --from date 1899-12-31 is outside"),
    ],
)
def test_bad_input_is_one_line_on_stderr(db_path, plan, capsys, args, message):
    code, text = run(db_path, *args)
    captured = capsys.readouterr()
    assert code != 0 and text == ""
    assert captured.err.count("\n") == 1 and message in captured.err
    assert captured.err.startswith("editorial-desk: error: ")


def test_an_unwritable_ics_target_is_one_line_and_no_file(db_path, plan, tmp_path, capsys):
    target = tmp_path / "missing-folder" / "plan.ics"
    code, _ = run(db_path, "--from", "2026-03-01", "--to", "2026-03-31", "--ics", str(target))
    err = capsys.readouterr().err
    assert code != 0 and err.count("\n") == 1 and "cannot write" in err
    assert not target.parent.exists()


def test_a_missing_range_is_a_usage_error(db_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["calendar", "--from", "2026-03-01", "--db", str(db_path)])
    assert exit_info.value.code == cli.EXIT_USAGE
    assert "--to" in capsys.readouterr().err


def test_office_zone_command(db_path, plan, capsys, monkeypatch):
    out = io.StringIO()
    assert cli.main(["office-zone", "--db", str(db_path)], out=out) == 0
    assert out.getvalue() == "system\n"
    set_office_zone(db_path, "Asia/Vladivostok")
    assert cli.main(["office-zone", "Mars/Base", "--db", str(db_path)], out=io.StringIO()) != 0
    assert "unknown time zone 'Mars/Base'" in capsys.readouterr().err
    monkeypatch.setenv("EDITORIAL_DESK_USER", "boris")  # an editor may not change it
    assert cli.main(["office-zone", "--system", "--db", str(db_path)], out=io.StringIO()) != 0
    assert "only an admin" in capsys.readouterr().err
    monkeypatch.setenv("EDITORIAL_DESK_TZ", "Europe/Moscow")
    out = io.StringIO()
    assert cli.main(["office-zone", "--db", str(db_path)], out=out) == 0
    assert out.getvalue() == ("Asia/Vladivostok\n(this run uses EDITORIAL_DESK_TZ=Europe/Moscow)\n")
    monkeypatch.setenv("EDITORIAL_DESK_USER", "editor1")
    out = io.StringIO()
    assert cli.main(["office-zone", "--system", "--db", str(db_path)], out=out) == 0
    assert out.getvalue().startswith("system\n")


def test_a_real_process_writes_the_ics(db_path, plan, tmp_path):
    target = tmp_path / "март.ics"
    env = {**os.environ, "EDITORIAL_DESK_TZ": "Asia/Vladivostok"}
    result = subprocess.run(
        [sys.executable, "-m", "editorial_desk", "calendar", "--from", "2026-03-01",
         "--to", "2026-03-31", "--ics", str(target), "--db", str(db_path)],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"3 events written to {target}\n"
    assert result.stderr == ""
    data = target.read_bytes()
    assert b"\r\n" in data
    events = Calendar.from_ical(data).walk("VEVENT")
    assert sorted(e.decoded("DTSTART") for e in events) == [
        vlad(9, 23, 59).astimezone(UTC),
        vlad(10, 0, 30).astimezone(UTC),
        vlad(10, 18).astimezone(UTC),
    ]


def test_the_first_and_last_calendar_days_are_accepted(db_path, plan, capsys):
    code, text = run(db_path, "--from", "1900-01-01", "--to", "2999-12-31")
    assert code == 0 and capsys.readouterr().err == ""
    assert "Ночной выпуск «Светланская»" in text and "2026-03-10 Tue" in text
