"""`submit`, `approve`, `return`, `publish` and `history`: the review workflow from
the command line, acting as the current user (the OS login, or EDITORIAL_DESK_USER).

The same rules as the app: a step the user's role may not take fails with one
line on stderr and a non-zero exit."""

from __future__ import annotations

import argparse
import json
from datetime import tzinfo
from typing import TYPE_CHECKING, Any, TextIO

from editorial_desk.commands.common import current_user, iso, local_text, office_tz

if TYPE_CHECKING:
    from editorial_desk.domain.review import AuditEntry, RescheduleNote

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
        "audit": [_audit_json(e) for e in history.audit],
    }


def _audit_json(entry: AuditEntry) -> dict[str, Any]:
    """One status change; a calendar move also carries its planned times (ISO UTC,
    null = no date), so a script need not parse the reason."""
    from editorial_desk.domain.review import RescheduleNote

    row: dict[str, Any] = {
        "from": entry.from_status.value if entry.from_status else None,
        "to": entry.to_status.value,
        "user": entry.user_login,
        "user_name": entry.user_name,
        "reason": entry.reason,
        "created_at": iso(entry.created_at),
    }
    note = RescheduleNote.parse(entry.reason)
    if note is not None:
        row["old_planned_at"] = iso(note.old)
        row["new_planned_at"] = iso(note.new)
    return row


def reschedule_line(note: RescheduleNote, zone: tzinfo) -> str:
    """A calendar move in words, times local to `zone` (the History tab's texts)."""
    old, new = local_text(note.old, zone), local_text(note.new, zone)
    if note.old is not None and note.new is not None:
        return f"Moved from {old} to {new}"
    if note.new is not None:
        return f"Planned for {new}"
    return f"Publication date removed (was {old})"


def _audit_line(entry: AuditEntry, zone: tzinfo) -> str:
    from editorial_desk.domain.review import RescheduleNote

    when = f"{local_text(entry.created_at, zone)}  {entry.user_name}"
    note = RescheduleNote.parse(entry.reason)
    if note is not None and entry.from_status == entry.to_status:
        # The status did not change, the date did: say that, not "draft -> draft".
        return f"{when}: {reschedule_line(note, zone)}; status {entry.to_status.value}"
    move = (
        f"{entry.from_status.value} -> {entry.to_status.value}"
        if entry.from_status
        else f"created as {entry.to_status.value}"
    )
    reason = f" ({entry.reason})" if entry.reason else ""
    return f"{when}: {move}{reason}"


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
        events.append((e.created_at, 1, _audit_line(e, zone)))
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
