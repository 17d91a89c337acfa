"""What exporters put around the body: the dateline, the signature line, dates in
Russian, and the fingerprint that tells whether an item changed since its export."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, tzinfo
from typing import Final

from editorial_desk.domain.article import ArticleSnapshot
from editorial_desk.domain.timeutil import office_zone
from editorial_desk.export.options import ExportOptions

_MONTHS_GENITIVE: Final = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)  # fmt: skip


def zone_of(options: ExportOptions) -> tzinfo:
    return office_zone(options.time_zone)


def russian_date(value: datetime, zone: tzinfo) -> str:
    """`5 декабря 2026 г.`, in the office's zone (no-break spaces: one unit)."""
    local = value.astimezone(zone)
    return f"{local.day}\u00a0{_MONTHS_GENITIVE[local.month - 1]} {local.year}\u00a0г."


def dateline(article: ArticleSnapshot, options: ExportOptions) -> str:
    """`5 декабря 2026 г. · Город`; empty when the item has neither."""
    parts = []
    if article.planned_at is not None:
        parts.append(russian_date(article.planned_at, zone_of(options)))
    if article.rubric:
        parts.append(article.rubric)
    return " · ".join(parts)


def _words(text: str) -> list[str]:
    return text.replace("\u00a0", " ").replace("\u202f", " ").casefold().split()


def signature_to_add(last_line: str, options: ExportOptions) -> str:
    """The office's signature line, unless empty or the body's last line already
    is the signature (editors often type it themselves)."""
    signature = " ".join(options.signature.split())
    if not signature or _words(last_line) == _words(signature):
        return ""
    return signature


FINGERPRINT_VERSION: Final = 1


def content_fingerprint(article: ArticleSnapshot) -> str:
    """A hash of everything an export shows: text, rubric, tags, planned date.
    Status, version and timestamps are left out, so approving or scheduling an
    exported item does not make it "changed since export"."""
    payload = json.dumps(
        [
            FINGERPRINT_VERSION,
            article.title,
            article.lead,
            article.body,
            article.rubric,
            list(article.tags),
            article.planned_at.astimezone(UTC).isoformat() if article.planned_at else None,
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()
