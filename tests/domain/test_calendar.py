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
    FIRST_YEAR,
    LAST_YEAR,
    CalendarFilter,
    check_calendar_day,
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


# Berlin 2026: spring forward on Sun 29 March (02:00 -> 03:00, 02:xx does not
# exist), fall back on Sun 25 October (03:00 -> 02:00, 02:xx happens twice).


def test_a_time_skipped_by_spring_forward_becomes_the_end_of_the_gap() -> None:
    planned = datetime(2026, 3, 28, 2, 30, tzinfo=BERLIN).astimezone(UTC)  # Sat, UTC+1
    moved = moved_to_day(planned, date(2026, 3, 29), BERLIN)
    # 03:00 CEST (01:00 UTC), the first valid time after the gap; not 03:30
    assert moved == datetime(2026, 3, 29, 1, 0, tzinfo=UTC)
    assert moved.astimezone(BERLIN).time() == time(3, 0)
    # on a day where 02:30 exists again, it is 02:30 again (the wall time is kept
    # from the item as it is now: 03:00; undo restores the exact 02:30 instead)
    onward = moved_to_day(planned, date(2026, 3, 30), BERLIN)
    assert onward.astimezone(BERLIN).time() == time(2, 30)
    assert moved_to_day(moved, date(2026, 3, 28), BERLIN).astimezone(BERLIN).time() == time(3, 0)


@pytest.mark.parametrize("minute", [0, 1, 59])
def test_every_time_in_the_gap_lands_on_its_end_deterministically(minute: int) -> None:
    planned = datetime(2026, 3, 28, 2, minute, tzinfo=BERLIN).astimezone(UTC)
    moved = moved_to_day(planned, date(2026, 3, 29), BERLIN)
    assert moved == datetime(2026, 3, 29, 1, 0, tzinfo=UTC)
    assert planned_on_day(date(2026, 3, 29), time(2, minute), BERLIN) == moved


def test_times_next_to_the_gap_are_kept() -> None:
    for at in (time(1, 59), time(3, 0), time(3, 1)):
        planned = datetime.combine(date(2026, 3, 28), at, tzinfo=BERLIN).astimezone(UTC)
        moved = moved_to_day(planned, date(2026, 3, 29), BERLIN)
        assert moved.astimezone(BERLIN).time() == at


def test_a_time_repeated_by_fall_back_is_its_first_occurrence_unless_moved_from_the_second() -> (
    None
):
    planned = datetime(2026, 10, 24, 2, 30, tzinfo=BERLIN).astimezone(UTC)  # Sat, UTC+2
    moved = moved_to_day(planned, date(2026, 10, 25), BERLIN)
    assert moved == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # 02:30 CEST, the first
    assert moved.astimezone(BERLIN).time() == time(2, 30)
    second = datetime(2026, 10, 25, 2, 30, fold=1, tzinfo=BERLIN).astimezone(UTC)
    assert second == datetime(2026, 10, 25, 1, 30, tzinfo=UTC)  # 02:30 CET, the second
    # off the repeated day both are plain 02:30; onto it from the second, the second
    assert moved_to_day(second, date(2026, 10, 26), BERLIN) == datetime(
        2026, 10, 26, 1, 30, tzinfo=UTC
    )
    assert moved_to_day(moved, date(2026, 10, 26), BERLIN) == datetime(
        2026, 10, 26, 1, 30, tzinfo=UTC
    )
    assert planned_on_day(date(2026, 10, 25), time(2, 30), BERLIN) == moved


@pytest.mark.parametrize(
    "day",
    [date(1, 1, 1), date(9999, 12, 31), date(FIRST_YEAR - 1, 12, 31), date(LAST_YEAR + 1, 1, 1)],
)
def test_days_outside_the_calendar_years_are_a_validation_error(day: date) -> None:
    inside = date(2026, 3, 10)
    planned = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
    for call in (
        lambda: check_calendar_day(day),
        lambda: day_bounds_utc(day, max(day, inside), VLADIVOSTOK),
        lambda: day_bounds_utc(min(day, inside), day, VLADIVOSTOK),
        lambda: moved_to_day(planned, day, VLADIVOSTOK),
        lambda: planned_on_day(day, DEFAULT_PLAN_TIME, VLADIVOSTOK),
    ):
        with pytest.raises(ValidationError, match="outside the calendar"):
            call()


def test_the_first_and_last_calendar_days_work_in_any_zone() -> None:
    first, last = date(FIRST_YEAR, 1, 1), date(LAST_YEAR, 12, 31)
    assert check_calendar_day(first) == first
    start, end = day_bounds_utc(first, last, VLADIVOSTOK)
    assert start.astimezone(VLADIVOSTOK) == datetime(FIRST_YEAR, 1, 1, tzinfo=VLADIVOSTOK)
    assert end.astimezone(VLADIVOSTOK).date() == date(LAST_YEAR + 1, 1, 1)
    assert local_day(planned_on_day(last, time(23, 59), VLADIVOSTOK), VLADIVOSTOK) == last


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
