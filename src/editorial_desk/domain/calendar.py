"""Calendar arithmetic: which local day an item falls on, the days a view shows,
and where a dragged item lands. Pure: every function takes the office zone.

Stored times are aware UTC; a calendar day is a day in the office's zone. Doing
the day arithmetic in UTC is the classic bug (an item planned for 00:30 in
Vladivostok, UTC+10, is on the previous UTC day), so everything here converts
through the zone first."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from editorial_desk.domain.article import ArticleSummary
from editorial_desk.domain.errors import ValidationError
from editorial_desk.domain.statuses import Status

# The local time given to an item dropped from the unscheduled tray onto a day:
# mid-morning, when the office usually publishes.
DEFAULT_PLAN_TIME: time = time(10, 0)

GRID_DAYS = 42  # six weeks: enough for any month, and the grid never changes height


def month_grid(year: int, month: int) -> list[date]:
    """The 42 days a month view shows, weeks starting on Monday: the first is the
    Monday on or before the 1st (the 1st itself when it is a Monday)."""
    first = date(year, month, 1)
    start = first - timedelta(days=first.weekday())
    return [start + timedelta(days=offset) for offset in range(GRID_DAYS)]


def week_of(day: date) -> list[date]:
    """Monday..Sunday of the week containing `day`."""
    monday = day - timedelta(days=day.weekday())
    return [monday + timedelta(days=offset) for offset in range(7)]


def local_day(moment: datetime, zone: tzinfo) -> date:
    """The calendar day an aware moment falls on in `zone`."""
    _require_aware(moment)
    return moment.astimezone(zone).date()


def day_bounds_utc(first: date, last: date, zone: tzinfo) -> tuple[datetime, datetime]:
    """[start of `first`, start of the day after `last`) in `zone`, as aware UTC.

    Each bound goes through the zone on its own date, so a DST change (or a zone
    that changed its offset, as Russia's did) inside the range is accounted for."""
    if last < first:
        raise ValidationError(f"the range ends ({last}) before it starts ({first})")
    start = datetime.combine(first, time(0, 0), tzinfo=zone)
    end = datetime.combine(last + timedelta(days=1), time(0, 0), tzinfo=zone)
    return start.astimezone(UTC), end.astimezone(UTC)


def moved_to_day(moment: datetime, day: date, zone: tzinfo) -> datetime:
    """`moment` moved to `day` keeping its local wall-clock time, as aware UTC.

    Dragging an item to another day must not change its time (a complaint about
    WordPress calendars); the time kept is the one the office sees, not UTC's."""
    _require_aware(moment)
    local = moment.astimezone(zone)
    # local.time() keeps `fold`, so a time inside a repeated DST hour stays the same one
    return datetime.combine(day, local.time(), tzinfo=zone).astimezone(UTC)


def planned_on_day(day: date, at: time, zone: tzinfo) -> datetime:
    """Local `at` on `day` in `zone`, as aware UTC (an item planned from the tray)."""
    return datetime.combine(day, at.replace(tzinfo=None), tzinfo=zone).astimezone(UTC)


def group_by_local_day(
    items: Iterable[ArticleSummary], zone: tzinfo
) -> dict[date, list[ArticleSummary]]:
    """Dated items grouped by their local day; undated ones are left out (they
    belong to the tray). Each day's list is ordered by planned time, then id."""
    days: dict[date, list[ArticleSummary]] = defaultdict(list)
    for item in items:
        if item.planned_at is not None:
            days[local_day(item.planned_at, zone)].append(item)
    for day_items in days.values():
        day_items.sort(key=_plan_order)
    return dict(days)


def _plan_order(item: ArticleSummary) -> tuple[datetime, int]:
    assert item.planned_at is not None
    return item.planned_at.astimezone(UTC), item.id


@dataclass(frozen=True, slots=True)
class CalendarFilter:
    """What the calendar and the tray show. Empty / None means "any"."""

    statuses: frozenset[Status] = frozenset()
    rubric: str | None = None
    author_login: str | None = None


def _require_aware(moment: datetime) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValidationError("a date-time without a time zone has no calendar day")
