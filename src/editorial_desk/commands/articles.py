"""`list`, `show` and `new`: articles from the command line."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any, TextIO

from editorial_desk.commands.common import (
    article_json,
    current_user,
    local_text,
    office_tz,
    summary_json,
)
from editorial_desk.domain.errors import ValidationError


def register(commands: Any, parents: list[argparse.ArgumentParser]) -> None:
    listing = commands.add_parser("list", parents=parents, help="list articles")
    listing.add_argument("--from", dest="date_from", metavar="DATE", help="planned on/after DATE")
    listing.add_argument("--to", dest="date_to", metavar="DATE", help="planned on/before DATE")
    listing.add_argument("--status", help="only this status (draft, in_review, ...)")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(run=run_list)

    show = commands.add_parser("show", parents=parents, help="show one article")
    show.add_argument("id", type=int)
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(run=run_show)

    new = commands.add_parser("new", parents=parents, help="create a draft; prints its id")
    new.add_argument("--title", required=True)
    new.add_argument("--lead", default="")
    new.add_argument("--body-file", type=Path, metavar="FILE", help="body as .html or .txt")
    new.add_argument("--date", metavar="YYYY-MM-DD[THH:MM]", help="planned publication")
    new.add_argument("--rubric", default="")
    new.add_argument("--tag", dest="tags", action="append", default=[], help="repeatable")
    new.set_defaults(run=run_new)


def run_list(store, args: argparse.Namespace, out: TextIO) -> int:  # type: ignore[no-untyped-def]
    from editorial_desk.domain.article import ArticleQuery
    from editorial_desk.domain.statuses import Status
    from editorial_desk.domain.timeutil import parse_user_datetime, parse_user_end
    from editorial_desk.services.articles import list_articles

    zone = office_tz(store)
    date_from = parse_user_datetime(args.date_from, zone) if args.date_from else None
    date_to = parse_user_end(args.date_to, zone) if args.date_to else None
    statuses = (Status.parse(args.status),) if args.status else ()
    query = ArticleQuery(date_from=date_from, date_to=date_to, statuses=statuses)
    with store.session() as session:
        items = list_articles(session, query)
    if args.json:
        json.dump([summary_json(i) for i in items], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    for item in items:
        out.write(
            f"{item.id:>6}  {local_text(item.planned_at, zone):16}  {item.status.value:10}  "
            f"{item.title}\n"
        )
    return 0


def run_show(store, args: argparse.Namespace, out: TextIO) -> int:  # type: ignore[no-untyped-def]
    from editorial_desk.document import plain_text
    from editorial_desk.services.articles import get_article

    with store.session() as session:
        article = get_article(session, args.id)
    if args.json:
        json.dump(article_json(article), out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    zone = office_tz(store)
    out.write(f"#{article.id} · {article.status.value} · v{article.version}\n")
    out.write(f"{article.title}\n")
    out.write(
        f"Planned: {local_text(article.planned_at, zone)} · Rubric: {article.rubric or '—'} · "
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


def run_new(store, args: argparse.Namespace, out: TextIO) -> int:  # type: ignore[no-untyped-def]
    from editorial_desk.domain.timeutil import parse_user_datetime
    from editorial_desk.services.articles import create_article

    planned = parse_user_datetime(args.date, office_tz(store)) if args.date else None
    body = _read_body(args.body_file) if args.body_file else ""
    with store.session() as session:
        article = create_article(
            session,
            current_user(session),
            title=args.title,
            lead=args.lead,
            body=body,
            rubric=args.rubric,
            tags=args.tags,
            planned_at=planned,
        )
    out.write(f"{article.id}\n")
    return 0
