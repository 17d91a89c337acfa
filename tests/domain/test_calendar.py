"""Calendar arithmetic, with the office in Vladivostok (UTC+10), where the local
day and the UTC day differ for the first ten hours of every day."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from editorial_desk.domain.article import ArticleSummary
from editorial_desk.domain.calendar import (
    DEFAULT_PLAN_TIME,
    CalendarFilter,
    day_bounds_utc,
    group_by_local_day,
    local_day,
    month_grid,
    moved_to_day,
    planned_on_day,
    week_of,
)
from editorial_desk.domain.errors import ValidationError
from editorial_desk.domain.statuses import Status

VLADIVOSTOK = ZoneInfo("Asia/Vladivostok")
BERLIN = ZoneInfo("Europe/Berlin")  # has DST, unlike Russia today


def summary(item_id: int, planned_at: datetime | None) -> ArticleSummary:
    return ArticleSummary(
        id=item_id,
        title=f"Новость {item_id}",
        status=Status.DRAFT,
        rubric="Город",
        author_name="Автор",
        planned_at=planned_at,
        updated_at=datetime(2026, 1, 1, tzinfo=UTC),
        word_count=0,
    )


# ------------------------------------------------------------------ grids


def test_month_starting_on_monday_starts_the_grid_on_the_first() -> None:
    grid = month_grid(2026, 6)  # 1 June 2026 is a Monday
    assert date(2026, 6, 1).weekday() == 0
    assert len(grid) == 42
    assert grid[0] == date(2026, 6, 1)
    assert grid[-1] == date(2026, 7, 12)


def test_month_starting_on_sunday_shows_six_days_of_the_previous_month() -> None:
    grid = month_grid(2026, 11)  # 1 November 2026 is a Sunday
    assert date(2026, 11, 1).weekday() == 6
    assert grid[0] == date(2026, 10, 26)
    assert grid[6] == date(2026, 11, 1)
    assert len(grid) == 42
    assert grid[-1] == date(2026, 12, 6)


def test_grid_is_consecutive_whole_weeks_from_monday() -> None:
    for month in range(1, 13):
        grid = month_grid(2025, month)
        assert all(b - a == timedelta(days=1) for a, b in itertools.pairwise(grid))
        assert [d.weekday() for d in grid[:7]] == list(range(7))
        assert date(2025, month, 1) in grid[:7]


def test_february_of_a_leap_year_fits() -> None:
    grid = month_grid(2028, 2)
    assert date(2028, 2, 29) in grid


def test_week_of_runs_monday_to_sunday() -> None:
    assert week_of(date(2026, 11, 27)) == [date(2026, 11, 23) + timedelta(days=i) for i in range(7)]
    assert week_of(date(2026, 11, 23))[0] == date(2026, 11, 23)  # a Monday is its own start
    assert week_of(date(2026, 11, 29))[-1] == date(2026, 11, 29)  # a Sunday ends its week
    # across a year boundary
    assert week_of(date(2027, 1, 1)) == [date(2026, 12, 28) + timedelta(days=i) for i in range(7)]


# ------------------------------------------------------------ local days


def test_half_past_midnight_in_vladivostok_is_that_local_day_not_the_utc_one() -> None:
    planned = datetime(2026, 3, 10, 0, 30, tzinfo=VLADIVOSTOK).astimezone(UTC)
    assert planned.date() == date(2026, 3, 9)  # the UTC day is the day before
    assert local_day(planned, VLADIVOSTOK) == date(2026, 3, 10)
    assert local_day(planned, UTC) == date(2026, 3, 9)


def test_local_day_refuses_a_naive_time() -> None:
    with pytest.raises(ValidationError):
        local_day(datetime(2026, 3, 10, 0, 30), VLADIVOSTOK)


def test_day_bounds_in_vladivostok_start_at_local_midnight() -> None:
    start, end = day_bounds_utc(date(2026, 3, 1), date(2026, 3, 31), VLADIVOSTOK)
    assert start == datetime(2026, 2, 28, 14, 0, tzinfo=UTC)
    assert end == datetime(2026, 3, 31, 14, 0, tzinfo=UTC)
    assert start.tzinfo is UTC and end.tzinfo is UTC
    half_past_midnight = datetime(2026, 3, 1, 0, 30, tzinfo=VLADIVOSTOK)
    assert start <= half_past_midnight < end
    last_minute_of_month = datetime(2026, 3, 31, 23, 59, tzinfo=VLADIVOSTOK)
    assert start <= last_minute_of_month < end
    assert not (datetime(2026, 4, 1, 0, 0, tzinfo=VLADIVOSTOK) < end)


def test_single_day_bounds_over_a_dst_change_are_23_hours() -> None:
    # Berlin moved its clocks forward on 29 March 2026
    start, end = day_bounds_utc(date(2026, 3, 29), date(2026, 3, 29), BERLIN)
    assert end - start == timedelta(hours=23)
    assert start == datetime(2026, 3, 28, 23, 0, tzinfo=UTC)


def test_day_bounds_refuse_a_backwards_range() -> None:
    with pytest.raises(ValidationError):
        day_bounds_utc(date(2026, 3, 2), date(2026, 3, 1), VLADIVOSTOK)


# --------------------------------------------------------------- moving


def test_moving_keeps_the_local_wall_clock_time() -> None:
    planned = datetime(2026, 3, 10, 0, 30, tzinfo=VLADIVOSTOK).astimezone(UTC)
    moved = moved_to_day(planned, date(2026, 3, 12), VLADIVOSTOK)
    assert moved.tzinfo is UTC
    assert moved == datetime(2026, 3, 11, 14, 30, tzinfo=UTC)
    assert moved.astimezone(VLADIVOSTOK).time() == time(0, 30)
    assert local_day(moved, VLADIVOSTOK) == date(2026, 3, 12)


def test_moving_across_a_dst_change_keeps_the_local_time_not_the_utc_time() -> None:
    planned = datetime(2026, 3, 27, 9, 0, tzinfo=BERLIN).astimezone(UTC)  # winter: UTC+1
    moved = moved_to_day(planned, date(2026, 3, 30), BERLIN)  # summer: UTC+2
    assert moved.astimezone(BERLIN).time() == time(9, 0)
    assert moved == datetime(2026, 3, 30, 7, 0, tzinfo=UTC)


def test_planned_on_day_uses_the_local_time() -> None:
    assert time(10, 0) == DEFAULT_PLAN_TIME
    planned = planned_on_day(date(2026, 3, 10), DEFAULT_PLAN_TIME, VLADIVOSTOK)
    assert planned == datetime(2026, 3, 10, 0, 0, tzinfo=UTC)
    early = planned_on_day(date(2026, 3, 10), time(0, 30), VLADIVOSTOK)
    assert local_day(early, VLADIVOSTOK) == date(2026, 3, 10)


# -------------------------------------------------------------- grouping


def test_group_by_local_day_puts_early_items_on_their_local_day_and_sorts() -> None:
    early = summary(3, datetime(2026, 3, 10, 0, 30, tzinfo=VLADIVOSTOK).astimezone(UTC))
    late_prev = summary(4, datetime(2026, 3, 9, 23, 45, tzinfo=VLADIVOSTOK).astimezone(UTC))
    noon = summary(1, datetime(2026, 3, 10, 12, 0, tzinfo=VLADIVOSTOK).astimezone(UTC))
    noon_too = summary(2, datetime(2026, 3, 10, 12, 0, tzinfo=VLADIVOSTOK).astimezone(UTC))
    undated = summary(5, None)
    groups = group_by_local_day([noon_too, undated, noon, late_prev, early], VLADIVOSTOK)
    assert set(groups) == {date(2026, 3, 9), date(2026, 3, 10)}
    assert [i.id for i in groups[date(2026, 3, 10)]] == [3, 1, 2]
    assert [i.id for i in groups[date(2026, 3, 9)]] == [4]
    # in UTC the same items fall differently: the zone really decides
    in_utc = group_by_local_day([early, late_prev, noon], UTC)
    assert [i.id for i in in_utc[date(2026, 3, 9)]] == [4, 3]


def test_calendar_filter_defaults_mean_everything() -> None:
    empty = CalendarFilter()
    assert empty.statuses == frozenset() and empty.rubric is None and empty.author_login is None
    chosen = CalendarFilter(statuses=frozenset({Status.APPROVED}), rubric="Город")
    assert hash(chosen) == hash(CalendarFilter(frozenset({Status.APPROVED}), "Город"))
