"""The publication plan as an iCalendar (.ics) file for Outlook, Thunderbird and
phone calendars. Pure: summaries in, bytes out.

Times are written in UTC (`...Z`), which every client converts to its own zone, so
an item planned for 00:30 in Vladivostok lands on the right day everywhere without
a VTIMEZONE block to get wrong. The `icalendar` library does the escaping, the
CRLF line ends and the folding of long (Cyrillic, multi-byte) lines."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta

from icalendar import Calendar, Event

from editorial_desk.domain.article import ArticleSummary
from editorial_desk.domain.statuses import Status, russian_status_name

PRODID = "-//Editorial Desk//Publication plan//RU"
UID_DOMAIN = "editorial-desk"
DEFAULT_CALENDAR_NAME = "План публикаций"
# A plan item is a moment, not a meeting; a short block shows in every client's
# day view without filling the day.
EVENT_LENGTH = timedelta(minutes=30)


def event_uid(article_id: int) -> str:
    """Stable per article, so importing a newer plan updates events, not doubles them."""
    return f"article-{article_id}@{UID_DOMAIN}"


def plan_to_ics(
    items: Sequence[ArticleSummary],
    *,
    zone_name: str | None,
    generated_at: datetime,
    status_label: Callable[[Status], str] = russian_status_name,
    calendar_name: str = DEFAULT_CALENDAR_NAME,
    event_length: timedelta = EVENT_LENGTH,
) -> bytes:
    """One VEVENT per dated item (undated ones are skipped), in plan order.

    `zone_name` (the office's IANA zone, None if it is the system's) only names
    the calendar's zone for clients that show it (X-WR-TIMEZONE); the times
    themselves are UTC. `generated_at` is the DTSTAMP of every event."""
    stamp = _utc(generated_at)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")  # Outlook opens a PUBLISH file as a calendar to add
    calendar.add("x-wr-calname", calendar_name)
    if zone_name:
        calendar.add("x-wr-timezone", zone_name)
    dated = sorted((i for i in items if i.planned_at is not None), key=_plan_order)
    for item in dated:
        calendar.add_component(_event(item, stamp, status_label, event_length))
    return calendar.to_ical()


def _event(
    item: ArticleSummary,
    stamp: datetime,
    status_label: Callable[[Status], str],
    length: timedelta,
) -> Event:
    assert item.planned_at is not None
    start = _utc(item.planned_at)
    event = Event()
    event.add("uid", event_uid(item.id))
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    event.add("dtend", start + length)
    event.add("last-modified", _utc(item.updated_at))
    event.add("summary", item.title)
    event.add("description", _description(item, status_label))
    if item.rubric:
        event.add("categories", [item.rubric])
    # A plan item should not mark anybody as busy in Outlook's scheduling.
    event.add("transp", "TRANSPARENT")
    return event


def _description(item: ArticleSummary, status_label: Callable[[Status], str]) -> str:
    lines = [f"Статус: {status_label(item.status)}"]
    if item.rubric:
        lines.append(f"Рубрика: {item.rubric}")
    if item.author_name:
        lines.append(f"Автор: {item.author_name}")
    return "\n".join(lines)


def _plan_order(item: ArticleSummary) -> tuple[datetime, int]:
    assert item.planned_at is not None
    return _utc(item.planned_at), item.id


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("a naive time cannot go into a calendar file")
    return moment.astimezone(UTC)
