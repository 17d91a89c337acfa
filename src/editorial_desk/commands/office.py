"""`office-zone`: show or set the office's time zone (an office-wide setting in
the database; EDITORIAL_DESK_TZ still overrides it for one run).

    editorial-desk office-zone                     # print the zone in force
    editorial-desk office-zone Asia/Vladivostok    # set it (admins only)
    editorial-desk office-zone --system            # back to each PC's own zone
"""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from editorial_desk.commands.common import current_user, tz_override
from editorial_desk.domain.errors import ValidationError


def register(commands: Any, parents: list[argparse.ArgumentParser]) -> None:
    zone = commands.add_parser(
        "office-zone", parents=parents, help="show or set the office's time zone"
    )
    zone.add_argument("name", nargs="?", metavar="ZONE", help="IANA name, e.g. Europe/Moscow")
    zone.add_argument(
        "--system", action="store_true", help="clear the setting: use each PC's own zone"
    )
    zone.set_defaults(run=run_office_zone)


def run_office_zone(store, args: argparse.Namespace, out: TextIO) -> int:  # type: ignore[no-untyped-def]
    from editorial_desk.services.office import office_zone_name, set_office_zone

    if args.name and args.system:
        raise ValidationError("give a zone or --system, not both")
    with store.session() as session:
        if args.name or args.system:
            set_office_zone(session, current_user(session), None if args.system else args.name)
        stored = office_zone_name(session)
    out.write(f"{stored or 'system'}\n")
    override = tz_override()
    if override and override != stored:
        out.write(f"(this run uses EDITORIAL_DESK_TZ={override})\n")
    return 0
