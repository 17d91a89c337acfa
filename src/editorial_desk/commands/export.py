"""`export`: articles to DOCX / HTML / page / ZIP files from the command line.

    editorial-desk export 12 15 --format docx --out DIR
    editorial-desk export --from 2026-12-01 --to 2026-12-01 --format zip --out DIR

Prints the path of each file written, one per line. Existing files are kept:
a new file gets a "-2" suffix unless `--overwrite` or `--skip-existing` is given.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

from editorial_desk.commands.common import current_user, office_tz, office_tz_name
from editorial_desk.domain.errors import ValidationError

_FORMATS = ("docx", "html", "page", "zip")


def register(commands: Any, parents: list[argparse.ArgumentParser]) -> None:
    export = commands.add_parser(
        "export",
        parents=parents,
        help="export articles to files (docx, html fragment, html page, zip bundle)",
    )
    export.add_argument("ids", nargs="*", type=int, metavar="ID", help="article ids")
    export.add_argument("--from", dest="date_from", metavar="DATE", help="planned on/after DATE")
    export.add_argument("--to", dest="date_to", metavar="DATE", help="planned on/before DATE")
    export.add_argument(
        "--status",
        action="append",
        default=[],
        help="with --from/--to: only this status (repeatable; default approved and scheduled)",
    )
    export.add_argument("--format", "-f", dest="fmt", required=True, choices=_FORMATS)
    export.add_argument("--out", "-o", required=True, type=Path, metavar="DIR")
    existing = export.add_mutually_exclusive_group()
    existing.add_argument("--overwrite", action="store_true", help="replace existing files")
    existing.add_argument("--skip-existing", action="store_true", help="leave existing files")
    export.add_argument(
        "--no-typography", action="store_true", help="keep quotes, dashes and spaces as typed"
    )
    export.add_argument("--no-header", action="store_true", help="no dateline above the title")
    export.add_argument("--signature", default="", metavar="TEXT", help="signature line to add")
    export.add_argument(
        "--reference-doc", type=Path, metavar="DOCX", help="Word template (the office letterhead)"
    )
    export.set_defaults(run=run_export)


def _selection(store, args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from editorial_desk.domain.statuses import Status
    from editorial_desk.domain.timeutil import parse_user_datetime, parse_user_end
    from editorial_desk.services.exports import batch_query

    by_date = args.date_from is not None or args.date_to is not None
    if args.ids and by_date:
        raise ValidationError("give article ids or --from/--to, not both")
    if not args.ids and not by_date:
        raise ValidationError("give article ids or a date range (--from DATE --to DATE)")
    if args.status and not by_date:
        raise ValidationError("--status only applies to a date range")
    if args.ids:
        return args.ids
    zone = office_tz(store)
    date_from = parse_user_datetime(args.date_from, zone) if args.date_from else None
    date_to = parse_user_end(args.date_to, zone) if args.date_to else None
    statuses = [Status.parse(s) for value in args.status for s in value.split(",") if s.strip()]
    return batch_query(date_from, date_to, statuses)


def run_export(store, args: argparse.Namespace, out: TextIO) -> int:  # type: ignore[no-untyped-def]
    from editorial_desk.export.options import ExportOptions, OnExisting
    from editorial_desk.services.exports import ExportIncompleteError, export_articles

    selection = _selection(store, args)
    reference = args.reference_doc
    if reference is not None and not reference.is_file():
        raise ValidationError(f"the Word template {reference} does not exist")
    options = ExportOptions(
        typography=not args.no_typography,
        header_block=not args.no_header,
        signature=args.signature,
        reference_docx=reference,
        time_zone=office_tz_name(store),
    )
    policy = (
        OnExisting.OVERWRITE
        if args.overwrite
        else OnExisting.SKIP
        if args.skip_existing
        else OnExisting.SUFFIX
    )
    failure: ExportIncompleteError | None = None
    with store.session() as session:
        try:
            results = export_articles(
                session, current_user(session), selection, args.fmt, args.out, options,
                on_existing=policy,
            )  # fmt: skip
        except ExportIncompleteError as error:
            # Commit the log of the files that were written, then fail.
            results, failure = error.results, error
    for result in results:
        if not result.skipped:
            out.write(f"{result.path}\n")
    if failure is not None:
        raise failure
    if not results:
        print("editorial-desk: nothing to export", file=sys.stderr)
    return 0
