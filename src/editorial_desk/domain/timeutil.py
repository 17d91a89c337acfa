"""Time rules: everything is stored as aware UTC and shown in the office's zone.

The office zone is an IANA name (e.g. "Asia/Vladivostok") or None for the system's
own zone. Russia has no DST now, but we still convert through the zone database so
dates far in the past or future are right."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from editorial_desk.domain.errors import ValidationError

ZONE_ENV_VAR = "EDITORIAL_DESK_TZ"  # overrides the office zone stored in the database

_DATE_RE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2}))?\s*$")


def utc_now() -> datetime:
    return datetime.now(UTC)


def office_zone(name: str | None = None) -> tzinfo:
    """The zone to show and parse times in; `None` means the system's zone."""
    if not name:
        return _SystemZone()
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(f"unknown time zone {name!r}") from None


class _SystemZone(tzinfo):
    """The operating system's local zone, DST-correct for any date (via mktime)."""

    def _offset(self, dt: datetime) -> timedelta:
        naive = dt.replace(tzinfo=None)
        offset = naive.astimezone().utcoffset()
        assert offset is not None
        return offset

    def utcoffset(self, dt: datetime | None) -> timedelta:
        return self._offset(dt or datetime.now())

    def dst(self, dt: datetime | None) -> timedelta:
        return timedelta(0)

    def tzname(self, dt: datetime | None) -> str:
        return (dt or datetime.now()).replace(tzinfo=None).astimezone().tzname() or "local"

    def fromutc(self, dt: datetime) -> datetime:
        local = dt.replace(tzinfo=UTC).astimezone()
        return local.replace(tzinfo=self)

    def __repr__(self) -> str:
        return "SystemZone()"


def parse_user_datetime(text: str, zone: tzinfo) -> datetime:
    """`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` in the office zone -> aware UTC.

    A bare date means the start of that local day."""
    match = _DATE_RE.match(text)
    if not match:
        raise ValidationError(f"bad date {text!r}: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM")
    year, month, day, hour, minute = match.groups()
    try:
        local = datetime(
            int(year), int(month), int(day), int(hour or 0), int(minute or 0), tzinfo=zone
        )
    except ValueError as exc:
        raise ValidationError(f"bad date {text!r}: {exc}") from None
    return local.astimezone(UTC)


def parse_user_end(text: str, zone: tzinfo) -> datetime:
    """The exclusive upper bound for an inclusive "to" date: a bare date includes
    the whole local day, a date-time includes that minute."""
    start = parse_user_datetime(text, zone)
    if "T" in text or " " in text.strip():
        return start + timedelta(minutes=1)
    return local_day_bounds(start.astimezone(zone).date(), zone)[1]


def local_day_bounds(day: date, zone: tzinfo) -> tuple[datetime, datetime]:
    """[start, end) of a local calendar day, as aware UTC datetimes."""
    start = datetime.combine(day, time(0, 0), tzinfo=zone)
    end = datetime.combine(day + timedelta(days=1), time(0, 0), tzinfo=zone)
    return start.astimezone(UTC), end.astimezone(UTC)


def ensure_utc(value: datetime) -> datetime:
    """Reject naive datetimes: a time without a zone is how calendars mangle dates."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValidationError("a date-time without a time zone cannot be stored")
    return value.astimezone(UTC)
