"""The audit reason of a calendar move: written and read back exactly, and
nothing else mistaken for one."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from editorial_desk.domain.review import RescheduleNote, SystemReason

OLD = datetime(2026, 3, 9, 14, 30, tzinfo=UTC)
NEW = datetime(2026, 3, 11, 14, 30, tzinfo=UTC)


@pytest.mark.parametrize(("old", "new"), [(OLD, NEW), (None, NEW), (OLD, None)])
def test_round_trip(old, new):
    reason = RescheduleNote(old, new).reason()
    assert reason.startswith("rescheduled: ")
    assert RescheduleNote.parse(reason) == RescheduleNote(old, new)


def test_the_stored_text_is_readable_utc():
    local = datetime(2026, 3, 10, 0, 30, tzinfo=ZoneInfo("Asia/Vladivostok"))
    assert RescheduleNote(local, None).reason() == (
        "rescheduled: 2026-03-09T14:30:00+00:00 -> none"
    )


@pytest.mark.parametrize(
    "reason",
    [
        "",
        "Доработать вывод",
        *(r.value for r in SystemReason),
        "rescheduled: soon -> later",
        "rescheduled: 2026-03-09T14:30:00",
        "rescheduled: 2026-03-09T14:30:00 -> none",  # naive: not ours
    ],
)
def test_other_reasons_are_not_notes(reason):
    assert RescheduleNote.parse(reason) is None
