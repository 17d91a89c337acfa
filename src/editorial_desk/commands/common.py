"""Small helpers every command module shares (no Qt, like all of the CLI)."""

from __future__ import annotations

import os
from datetime import datetime, tzinfo
from typing import Any

TZ_ENV_VAR = "EDITORIAL_DESK_TZ"


def office_tz() -> tzinfo:
    from editorial_desk.domain.timeutil import office_zone

    return office_zone(os.environ.get(TZ_ENV_VAR))


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
