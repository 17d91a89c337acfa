"""Calendar arithmetic: which local day an item falls on, the days a view shows,
and where a dragged item lands. Pure: every function takes the office zone.

Stored times are aware UTC; a calendar day is a day in the office's zone. Doing
the day arithmetic in UTC is the classic bug (an item planned for 00:30 in
Vladivostok, UTC+10, is on the previous UTC day), so everything here converts
through the zone first."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from editorial_desk.domain.article import ArticleSnapshot, ArticleSummary
from editorial_desk.domain.errors import ConflictError, ValidationError
from editorial_desk.domain.statuses import Status

# The local time given to an item dropped from the unscheduled tray onto a day:
# mid-morning, when the office usually publishes.
DEFAULT_PLAN_TIME: time = time(10, 0)

# The years a calendar day may be in. Python's datetime ends at years 1 and 9999,
# where a zone conversion overflows; nothing an office plans is outside these.
FIRST_YEAR, LAST_YEAR = 1900, 2999

GRID_DAYS = 42  # six weeks: enough for any month, and the grid never changes height


def check_calendar_day(day: date, what: str = "date") -> date:
    """`day` itself if it is inside FIRST_YEAR..LAST_YEAR, else a ValidationError.
    The one place the range is checked (the CLI, the range queries, the moves)."""
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValidationError(
            f"the {what} {day.isoformat()} is outside the calendar "
            f"({FIRST_YEAR}-01-01 to {LAST_YEAR}-12-31)"
        )
    return day


class Unset:
    """The type of UNSET, the default of an `expect_planned_at`: no expectation
    (None cannot be the default: it is a real one, "no date")."""

    def __repr__(self) -> str:
        return "UNSET"


UNSET = Unset()


class PlannedDateChangedError(ConflictError):
    """A calendar step (undo, redo, a drag from a view that is no longer current)
    expected the item to be planned at `expected`, but it is at `actual` now:
    somebody (or the user, from the form) moved it since. Nothing was written.

    A ConflictError, so anything that handles conflicts handles this one; only the
    planned date is compared (other edits since do not count)."""

    def __init__(
        self,
        theirs: ArticleSnapshot,
        expected: datetime | None,
        wanted: datetime | None,
    ) -> None:
        super().__init__(replace(theirs, planned_at=wanted), theirs)
        self.expected = expected
        self.actual = theirs.planned_at
        self.args = (
            f"the planned date of article {theirs.id} was changed "
            f"(now {_describe(theirs.planned_at)}, expected {_describe(expected)}); "
            "nothing was changed",
        )


def _describe(moment: datetime | None) -> str:
    return "no date" if moment is None else moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


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
    check_calendar_day(first)
    check_calendar_day(last)
    if last < first:
        raise ValidationError(f"the range ends ({last}) before it starts ({first})")
    start = datetime.combine(first, time(0, 0), tzinfo=zone)
    end = datetime.combine(last + timedelta(days=1), time(0, 0), tzinfo=zone)
    return start.astimezone(UTC), end.astimezone(UTC)


def moved_to_day(moment: datetime, day: date, zone: tzinfo) -> datetime:
    """`moment` moved to `day` keeping its local wall-clock time, as aware UTC.

    Dragging an item to another day must not change its time (a complaint about
    WordPress calendars); the time kept is the one the office sees, not UTC's.

    Across DST changes: a time repeated on `day` (autumn, 02:30 twice in Berlin)
    keeps `fold`, so it is the first occurrence unless the moved item was itself in
    the repeated hour's second one. A time that does not exist on `day` (spring,
    02:00-03:00 skipped) becomes the first valid time after the gap (03:00), not
    the gap's length later (03:30, what plain arithmetic gives). Undo does not use
    this: it restores the exact instant the item had."""
    _require_aware(moment)
    check_calendar_day(day)
    local = moment.astimezone(zone)
    return _wall_time_on(day, local.time(), zone)


def planned_on_day(day: date, at: time, zone: tzinfo) -> datetime:
    """Local `at` on `day` in `zone`, as aware UTC (an item planned from the tray).
    A time skipped by a DST change becomes the first valid time after the gap."""
    check_calendar_day(day)
    return _wall_time_on(day, at.replace(tzinfo=None), zone)


def _wall_time_on(day: date, at: time, zone: tzinfo) -> datetime:
    """Local `at` (its `fold` kept) on `day`, as aware UTC; the end of the gap if
    `at` falls into one."""
    wanted = datetime.combine(day, at, tzinfo=zone)
    moment = wanted.astimezone(UTC)
    if moment.astimezone(zone).replace(tzinfo=None) == wanted.replace(tzinfo=None):
        return moment
    # In a gap: the two readings of the wall time (each offset around the change)
    # bracket the change; find its instant, whose local time is the gap's end.
    readings = [wanted.replace(fold=f).astimezone(UTC) for f in (0, 1)]
    before, after = min(readings), max(readings)
    offset_before = before.astimezone(zone).utcoffset()
    while after - before > timedelta(seconds=1):
        middle = before + (after - before) / 2
        if middle.astimezone(zone).utcoffset() == offset_before:
            before = middle
        else:
            after = middle
    return after.replace(microsecond=0)


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
