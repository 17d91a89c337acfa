"""Small helpers every command module shares (no Qt, like all of the CLI)."""

from __future__ import annotations

import os
from datetime import datetime, tzinfo
from typing import Any

from editorial_desk.domain.timeutil import ZONE_ENV_VAR


def tz_override() -> str | None:
    """EDITORIAL_DESK_TZ: a zone for this run only, stronger than the office's."""
    return os.environ.get(ZONE_ENV_VAR) or None


def office_tz(store) -> tzinfo:  # type: ignore[no-untyped-def]
    """The zone this run shows and parses times in: EDITORIAL_DESK_TZ, else the
    office's zone from the database, else the system's (services.office)."""
    from editorial_desk.services.office import resolve_office_zone

    with store.session() as session:
        return resolve_office_zone(session, tz_override())


def office_tz_name(store) -> str | None:  # type: ignore[no-untyped-def]
    """The IANA name of `office_tz(store)`, or None when it is the system's zone."""
    from editorial_desk.services.office import effective_zone_name

    with store.session() as session:
        return effective_zone_name(session, tz_override())


def iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def summary_json(item: Any) -> dict[str, Any]:
    return {
        "id": item.id,
        "title": item.title,
        "status": item.status.value,
        "rubric": item.rubric,
        "author": item.author_name,
        "planned_at": iso(item.planned_at),
        "updated_at": iso(item.updated_at),
        "word_count": item.word_count,
    }


def article_json(article: Any) -> dict[str, Any]:
    data = summary_json(article)
    data.update(
        version=article.version,
        lead=article.lead,
        body=article.body,
        tags=list(article.tags),
        author_login=article.author_login,
        created_at=iso(article.created_at),
    )
    return data


def local_text(value: datetime | None, zone: tzinfo) -> str:
    return value.astimezone(zone).strftime("%Y-%m-%d %H:%M") if value else "—"


def current_user(session):  # type: ignore[no-untyped-def]
    from editorial_desk.services.users import ensure_user, os_login

    return ensure_user(session, os_login())
