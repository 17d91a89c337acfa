"""`submit`, `approve`, `return`, `publish` and `history`: the review workflow from
the command line, acting as the current user (the OS login, or EDITORIAL_DESK_USER).

The same rules as the app: a step the user's role may not take fails with one
line on stderr and a non-zero exit."""

from __future__ import annotations

import argparse
import json
from datetime import tzinfo
from typing import Any, TextIO

from editorial_desk.commands.common import current_user, iso, local_text, office_tz

_STEPS: dict[str, str] = {
    "submit": "send a draft or returned article to review",
    "approve": "approve the article's current text (its latest revision)",
    "return": "send the article back to its author (--reason is required)",
    "publish": "mark an approved or scheduled article published",
}


def register(commands: Any, parents: list[argparse.ArgumentParser]) -> None:
    for name, help_text in _STEPS.items():
        step = commands.add_parser(name, parents=parents, help=help_text)
        step.add_argument("id", type=int)
        step.add_argument("--reason", default="", help="why (shown in the history)")
        step.set_defaults(run=run_step, action_name=name)

    history = commands.add_parser(
        "history", parents=parents, help="revisions, approvals and status changes of an article"
    )
    history.add_argument("id", type=int)
    history.add_argument("--json", action="store_true", help="print JSON")
    history.set_defaults(run=run_history)


def run_step(store, args: argparse.Namespace, out: TextIO) -> int:  # type: ignore[no-untyped-def]
    from editorial_desk.domain.workflow import Action
    from editorial_desk.services.approvals import current_approval
    from editorial_desk.services.workflow import transition

    action = Action(args.action_name)
    with store.session() as session:
        before = session_status(session, args.id)
        after = transition(session, current_user(session), args.id, action, args.reason)
        approval = current_approval(session, args.id) if action is Action.APPROVE else None
    line = f"#{after.id} {before} -> {after.status.value}"
    if approval is not None:
        line += f" (revision {approval.revision_number} approved)"
    out.write(line + "\n")
    return 0


def session_status(session, article_id: int) -> str:  # type: ignore[no-untyped-def]
    from editorial_desk.services.articles import get_article

    return get_article(session, article_id).status.value


def _history_json(history: Any) -> dict[str, Any]:
    return {
        "article_id": history.article_id,
        "revisions": [
            {
                "id": r.id,
                "number": r.number,
                "article_version": r.article_version,
                "title": r.title,
                "author": r.author_login,
                "author_name": r.author_name,
                "created_at": iso(r.created_at),
                "approved": r.approved,
            }
            for r in history.revisions
        ],
        "approvals": [
            {
                "id": a.id,
                "revision_id": a.revision_id,
                "revision_number": a.revision_number,
                "user": a.user_login,
                "user_name": a.user_name,
                "created_at": iso(a.created_at),
                "revoked_at": iso(a.revoked_at),
            }
            for a in history.approvals
        ],
        "audit": [
            {
                "from": e.from_status.value if e.from_status else None,
                "to": e.to_status.value,
                "user": e.user_login,
                "user_name": e.user_name,
                "reason": e.reason,
                "created_at": iso(e.created_at),
            }
            for e in history.audit
        ],
    }


def _timeline(history: Any, zone: tzinfo) -> list[tuple[Any, int, str]]:
    """(when, tie-break, line): revisions, approvals and status changes merged."""
    events: list[tuple[Any, int, str]] = []
    for r in history.revisions:
        events.append(
            (
                r.created_at,
                0,
                f"{local_text(r.created_at, zone)}  {r.author_name}: "
                f"revision {r.number} \u00ab{r.title}\u00bb",
            )
        )
    for e in history.audit:
        move = (
            f"{e.from_status.value} -> {e.to_status.value}"
            if e.from_status
            else (f"created as {e.to_status.value}")
        )
        reason = f" ({e.reason})" if e.reason else ""
        events.append(
            (e.created_at, 1, f"{local_text(e.created_at, zone)}  {e.user_name}: {move}{reason}")
        )
    for a in history.approvals:
        revoked = f", revoked {local_text(a.revoked_at, zone)}" if a.revoked_at else ""
        events.append(
            (
                a.created_at,
                2,
                f"{local_text(a.created_at, zone)}  {a.user_name}: "
                f"approved revision {a.revision_number}{revoked}",
            )
        )
    return sorted(events, key=lambda event: (event[0], event[1]))


def run_history(store, args: argparse.Namespace, out: TextIO) -> int:  # type: ignore[no-untyped-def]
    from editorial_desk.services.history import article_history

    with store.session() as session:
        history = article_history(session, args.id)
    if args.json:
        json.dump(_history_json(history), out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    for _when, _order, line in _timeline(history, office_tz(store)):
        out.write(line + "\n")
    return 0
