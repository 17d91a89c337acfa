"""`editorial-desk history ID` after calendar moves (real moves through
`services.calendar` on a real store, the CLI run in-process): each move is a
sentence with local times in the office zone, and `--json` carries the planned
times of such rows as ISO fields beside the unchanged ones."""

from __future__ import annotations

import io
import json
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from editorial_desk import cli

VLADIVOSTOK = ZoneInfo("Asia/Vladivostok")  # UTC+10
# 08:00 on 5 December in Vladivostok is 22:00 on 4 December in UTC.
PLANNED = datetime(2026, 12, 4, 22, 0, tzinfo=UTC)


@pytest.fixture
def moved(store, team) -> int:
    """Planned for the 5th (Vladivostok), dragged to the 7th, taken off the plan,
    then planned on the 10th from the tray (DEFAULT_PLAN_TIME, 10:00)."""
    from editorial_desk.services.articles import create_article
    from editorial_desk.services.calendar import move_to_day, set_planned_at

    with store.session() as session:
        article = create_article(session, team.editor, title="Ёлка", planned_at=PLANNED)
        move_to_day(session, team.editor, article.id, date(2026, 12, 7), VLADIVOSTOK)
        set_planned_at(session, team.editor, article.id, None)
        move_to_day(session, team.editor, article.id, date(2026, 12, 10), VLADIVOSTOK)
        return article.id


def history(db_path, *args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = cli.main(["history", *args, "--db", str(db_path)], out=out)
    return code, out.getvalue()


def test_moves_read_as_sentences_in_the_office_zone(db_path, moved, monkeypatch):
    monkeypatch.setenv("EDITORIAL_DESK_USER", "editor1")
    monkeypatch.setenv("EDITORIAL_DESK_TZ", "Asia/Vladivostok")
    code, text = history(db_path, str(moved))
    assert code == 0
    moves = [line.split("  ", 1)[1] for line in text.splitlines() if "status draft" in line]
    assert moves == [
        "Анна Петрова: Moved from 2026-12-05 08:00 to 2026-12-07 08:00; status draft",
        "Анна Петрова: Publication date removed (was 2026-12-07 08:00); status draft",
        "Анна Петрова: Planned for 2026-12-10 10:00; status draft",
    ]
    assert "rescheduled" not in text and "draft -> draft" not in text
    assert "Анна Петрова: created as draft" in text

    # The same rows in UTC: the local date of the first move is the day before.
    monkeypatch.setenv("EDITORIAL_DESK_TZ", "UTC")
    code, text = history(db_path, str(moved))
    assert "Moved from 2026-12-04 22:00 to 2026-12-06 22:00; status draft" in text


def test_json_carries_the_planned_times_of_moves(db_path, moved, monkeypatch):
    monkeypatch.setenv("EDITORIAL_DESK_USER", "editor1")
    monkeypatch.setenv("EDITORIAL_DESK_TZ", "Asia/Vladivostok")
    code, text = history(db_path, str(moved), "--json")
    assert code == 0
    audit = json.loads(text)["audit"]
    base_keys = {"from", "to", "user", "user_name", "reason", "created_at"}
    created, *moves = audit
    assert set(created) == base_keys  # other rows keep exactly their fields
    assert (created["from"], created["to"]) == (None, "draft")
    assert [set(row) for row in moves] == [base_keys | {"old_planned_at", "new_planned_at"}] * 3
    assert [(row["from"], row["to"]) for row in moves] == [("draft", "draft")] * 3
    assert all(row["reason"].startswith("rescheduled: ") for row in moves)  # unchanged
    assert [(row["old_planned_at"], row["new_planned_at"]) for row in moves] == [
        ("2026-12-04T22:00:00+00:00", "2026-12-06T22:00:00+00:00"),
        ("2026-12-06T22:00:00+00:00", None),
        (None, "2026-12-10T00:00:00+00:00"),  # 10:00 in Vladivostok
    ]
