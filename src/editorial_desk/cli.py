"""Headless commands over the services. Imports no Qt (checked by import-linter).

Errors a user can cause end as one line on stderr and a non-zero exit code,
never a traceback."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from editorial_desk import __version__
from editorial_desk.domain.errors import EditorialError, ValidationError

PROG = "editorial-desk"
TZ_ENV_VAR = "EDITORIAL_DESK_TZ"
EXIT_ERROR = 1
EXIT_USAGE = 2


class _ArgumentParser(argparse.ArgumentParser):
    """argparse prints usage + a message; we keep it to one line on stderr."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _build_parser() -> argparse.ArgumentParser:
    db_parent = argparse.ArgumentParser(add_help=False)
    db_parent.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        default=argparse.SUPPRESS,
        help="database file or SQLAlchemy URL (default: $EDITORIAL_DESK_DB or the user data dir)",
    )
    parser = _ArgumentParser(
        prog=PROG,
        description="Editorial Desk: without a command, opens the desktop app.",
        parents=[db_parent],
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=_ArgumentParser
    )

    listing = commands.add_parser("list", parents=[db_parent], help="list articles")
    listing.add_argument("--from", dest="date_from", metavar="DATE", help="planned on/after DATE")
    listing.add_argument("--to", dest="date_to", metavar="DATE", help="planned on/before DATE")
    listing.add_argument("--status", help="only this status (draft, in_review, ...)")
    listing.add_argument("--json", action="store_true", help="print JSON")

    show = commands.add_parser("show", parents=[db_parent], help="show one article")
    show.add_argument("id", type=int)
    show.add_argument("--json", action="store_true", help="print JSON")

    new = commands.add_parser("new", parents=[db_parent], help="create a draft; prints its id")
    new.add_argument("--title", required=True)
    new.add_argument("--lead", default="")
    new.add_argument("--body-file", type=Path, metavar="FILE", help="body as .html or .txt")
    new.add_argument("--date", metavar="YYYY-MM-DD[THH:MM]", help="planned publication")
    new.add_argument("--rubric", default="")
    new.add_argument("--tag", dest="tags", action="append", default=[], help="repeatable")
    return parser


def _zone() -> tzinfo:
    from editorial_desk.domain.timeutil import office_zone

    return office_zone(os.environ.get(TZ_ENV_VAR))


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _summary_json(item: Any) -> dict[str, Any]:
    return {
        "id": item.id,
        "title": item.title,
        "status": item.status.value,
        "rubric": item.rubric,
        "author": item.author_name,
        "planned_at": _iso(item.planned_at),
        "updated_at": _iso(item.updated_at),
        "word_count": item.word_count,
    }


def _article_json(article: Any) -> dict[str, Any]:
    data = _summary_json(article)
    data.update(
        version=article.version,
        lead=article.lead,
        body=article.body,
        tags=list(article.tags),
        author_login=article.author_login,
        created_at=_iso(article.created_at),
    )
    return data


def _local(value: datetime | None, zone: tzinfo) -> str:
    return value.astimezone(zone).strftime("%Y-%m-%d %H:%M") if value else "—"


def _current_user(session):  # type: ignore[no-untyped-def]
    from editorial_desk.services.users import ensure_user, os_login

    return ensure_user(session, os_login())


def _cmd_list(store, args: argparse.Namespace, out) -> int:  # type: ignore[no-untyped-def]
    from editorial_desk.domain.article import ArticleQuery
    from editorial_desk.domain.statuses import Status
    from editorial_desk.domain.timeutil import parse_user_datetime, parse_user_end
    from editorial_desk.services.articles import list_articles

    zone = _zone()
    date_from = parse_user_datetime(args.date_from, zone) if args.date_from else None
    date_to = parse_user_end(args.date_to, zone) if args.date_to else None
    statuses = (Status.parse(args.status),) if args.status else ()
    query = ArticleQuery(date_from=date_from, date_to=date_to, statuses=statuses)
    with store.session() as session:
        items = list_articles(session, query)
    if args.json:
        json.dump([_summary_json(i) for i in items], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    for item in items:
        out.write(
            f"{item.id:>6}  {_local(item.planned_at, zone):16}  {item.status.value:10}  "
            f"{item.title}\n"
        )
    return 0


def _cmd_show(store, args: argparse.Namespace, out) -> int:  # type: ignore[no-untyped-def]
    from editorial_desk.document import plain_text
    from editorial_desk.services.articles import get_article

    with store.session() as session:
        article = get_article(session, args.id)
    if args.json:
        json.dump(_article_json(article), out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    zone = _zone()
    out.write(f"#{article.id} · {article.status.value} · v{article.version}\n")
    out.write(f"{article.title}\n")
    out.write(
        f"Planned: {_local(article.planned_at, zone)} · Rubric: {article.rubric or '—'} · "
        f"Author: {article.author_name}\n"
    )
    if article.lead:
        out.write(f"\n{article.lead}\n")
    body = plain_text(article.body)
    if body:
        out.write(f"\n{body}\n")
    return 0


def _read_body(path: Path) -> str:
    from editorial_desk.document import paragraphs_from_plain_text

    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(f"{path} is not UTF-8 text") from None
    except OSError as exc:
        raise ValidationError(f"cannot read {path}: {exc.strerror or exc}") from None
    if path.suffix.lower() in {".html", ".htm"}:
        return text
    return paragraphs_from_plain_text(text)


def _cmd_new(store, args: argparse.Namespace, out) -> int:  # type: ignore[no-untyped-def]
    from editorial_desk.domain.timeutil import parse_user_datetime
    from editorial_desk.services.articles import create_article

    planned = parse_user_datetime(args.date, _zone()) if args.date else None
    body = _read_body(args.body_file) if args.body_file else ""
    with store.session() as session:
        article = create_article(
            session,
            _current_user(session),
            title=args.title,
            lead=args.lead,
            body=body,
            rubric=args.rubric,
            tags=args.tags,
            planned_at=planned,
        )
    out.write(f"{article.id}\n")
    return 0


_COMMANDS = {"list": _cmd_list, "show": _cmd_show, "new": _cmd_new}


def main(
    argv: Sequence[str] | None = None,
    *,
    launch_gui: Callable[[str | None], int] | None = None,
    out=None,  # type: ignore[no-untyped-def]
) -> int:
    parser = _build_parser()
    args = parser.parse_args(argv)
    db = getattr(args, "db", None)
    if args.command is None:
        if launch_gui is None:
            parser.print_help()
            return EXIT_USAGE
        return launch_gui(db)
    out = out or sys.stdout
    try:
        from editorial_desk.store.engine import open_store

        store = open_store(db)
        try:
            return _COMMANDS[args.command](store, args, out)
        finally:
            store.close()
    except EditorialError as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except Exception as error:  # a bug, not bad input: still one line, details on demand
        if os.environ.get("EDITORIAL_DESK_DEBUG"):
            raise
        print(
            f"{PROG}: internal error: {type(error).__name__}: {error} "
            "(set EDITORIAL_DESK_DEBUG=1 for details)",
            file=sys.stderr,
        )
        return EXIT_ERROR
