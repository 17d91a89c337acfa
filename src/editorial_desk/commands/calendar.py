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
    from editorial_desk.export.files import write_atomic
    from editorial_desk.services.calendar import calendar_items, plan_ics
    from editorial_desk.services.office import resolve_office_zone

    first, last = parse_day(args.date_from, "--from"), parse_day(args.date_to, "--to")
    if last < first:
        raise ValidationError(f"--to ({last}) is before --from ({first})")
    filters = _filters(args)
    with store.session() as session:
        zone = resolve_office_zone(session, tz_override())
        if args.ics is None:
            items = calendar_items(session, first, last, zone, filters)
        else:
            plan = plan_ics(session, first, last, zone, filters, zone_override=tz_override())
    if args.ics is None:
        _print_plan(items, zone, out)
        return 0
    write_atomic(args.ics, plan.data, overwrite=True)
    out.write(f"{plan.events} event{'s' if plan.events != 1 else ''} written to {args.ics}\n")
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
