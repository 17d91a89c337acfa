"""`calendar`: the publication plan of a range of days, printed or as an .ics file.

    editorial-desk calendar --from 2026-03-01 --to 2026-03-31
    editorial-desk calendar --from 2026-03-01 --to 2026-03-31 --ics plan.ics

Days are the office's (EDITORIAL_DESK_TZ, else the office setting, else the
system's zone), both ends included. The .ics file is written atomically and
replaced if it exists (the user named it)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from editorial_desk.domain.errors import ValidationError

_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def register(commands: Any, parents: list[argparse.ArgumentParser]) -> None:
    calendar = commands.add_parser(
        "calendar",
        parents=parents,
        help="the publication plan of a range of days (printed, or --ics FILE)",
    )
    calendar.add_argument("--from", dest="date_from", required=True, metavar="DATE")
    calendar.add_argument("--to", dest="date_to", required=True, metavar="DATE")
    calendar.add_argument("--ics", type=Path, metavar="FILE", help="write an iCalendar file")
    calendar.add_argument(
        "--status",
        action="append",
        default=[],
        help="only this status (repeatable or comma-separated; default: all but the trash)",
    )
    calendar.add_argument("--rubric", help="only this rubric")
    calendar.add_argument("--author", metavar="LOGIN", help="only items by this user")
    calendar.set_defaults(run=run_calendar)


def parse_day(text: str, option: str) -> date:
    """A YYYY-MM-DD date inside the calendar's years (`check_calendar_day`), else
    a ValidationError (the CLI prints it as one line and exits non-zero)."""
    from editorial_desk.domain.calendar import check_calendar_day

    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(f"bad {option} date {text!r}: expected YYYY-MM-DD") from None
    return check_calendar_day(day, f"{option} date")


def _filters(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from editorial_desk.domain.calendar import CalendarFilter
    from editorial_desk.domain.statuses import Status

    statuses = frozenset(
        Status.parse(s) for value in args.status for s in value.split(",") if s.strip()
    )
    return CalendarFilter(statuses=statuses, rubric=args.rubric, author_login=args.author)


def run_calendar(store, args: argparse.Namespace, out: TextIO) -> int:  # type: ignore[no-untyped-def]
    from editorial_desk.commands.common import tz_override
    from editorial_desk.services.calendar import calendar_items
    from editorial_desk.services.office import effective_zone_name, resolve_office_zone

    first, last = parse_day(args.date_from, "--from"), parse_day(args.date_to, "--to")
    if last < first:
        raise ValidationError(f"--to ({last}) is before --from ({first})")
    filters = _filters(args)
    with store.session() as session:
        zone = resolve_office_zone(session, tz_override())
        zone_name = effective_zone_name(session, tz_override())
        items = calendar_items(session, first, last, zone, filters)
    if args.ics is not None:
        return _write_ics(args.ics, items, zone_name, first, last, out)
    _print_plan(items, zone, out)
    return 0


def _write_ics(path: Path, items, zone_name, first: date, last: date, out: TextIO) -> int:  # type: ignore[no-untyped-def]
    from editorial_desk.domain.timeutil import utc_now
    from editorial_desk.export.files import write_atomic
    from editorial_desk.export.ical import DEFAULT_CALENDAR_NAME, plan_to_ics

    name = f"{DEFAULT_CALENDAR_NAME} {first:%d.%m.%Y}–{last:%d.%m.%Y}"
    data = plan_to_ics(items, zone_name=zone_name, generated_at=utc_now(), calendar_name=name)
    write_atomic(path, data, overwrite=True)
    out.write(f"{len(items)} event{'s' if len(items) != 1 else ''} written to {path}\n")
    return 0


def _print_plan(items, zone, out: TextIO) -> None:  # type: ignore[no-untyped-def]
    from editorial_desk.domain.calendar import group_by_local_day

    days = group_by_local_day(items, zone)
    if not days:
        out.write("nothing planned\n")
        return
    for day in sorted(days):
        out.write(f"{day.isoformat()} {_WEEKDAYS[day.weekday()]}\n")
        for item in days[day]:
            assert item.planned_at is not None
            rubric = f"  [{item.rubric}]" if item.rubric else ""
            out.write(
                f"  {item.planned_at.astimezone(zone):%H:%M}  #{item.id:<6} "
                f"{item.status.value:10} {item.title}{rubric}\n"
            )
