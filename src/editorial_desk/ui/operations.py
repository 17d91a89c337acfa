"""The window's database work: one `store.session()` (one unit of work) per user
action, nothing else. Plain values in, plain values out; errors are the domain's
EditorialError subclasses. The services (and SQLAlchemy behind them) are imported
on first use, after the window has been painted."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from editorial_desk.domain.article import (
    ArticleChanges,
    ArticleOrder,
    ArticleQuery,
    ArticleSnapshot,
    ArticleSummary,
)
from editorial_desk.domain.calendar import CalendarFilter
from editorial_desk.domain.timeutil import ZONE_ENV_VAR
from editorial_desk.ui.context import AppContext

if TYPE_CHECKING:  # SQLAlchemy behind it: imported on first use
    from editorial_desk.services.calendar import PlanFile


class ArticleOperations:
    def __init__(self, context: AppContext) -> None:
        self._context = context

    @property
    def context(self) -> AppContext:
        return self._context

    def set_zone(self, zone: tzinfo) -> None:
        """The office's zone changed: dates from now on are read and shown in `zone`."""
        self._context = replace(self._context, zone=zone)

    def plan_ics(self, first: date, last: date, filters: CalendarFilter) -> PlanFile:
        """The plan of local days [first, last] as an iCalendar file."""
        from editorial_desk.services.calendar import plan_ics

        override = os.environ.get(ZONE_ENV_VAR)
        with self._context.store.session() as session:
            return plan_ics(
                session, first, last, self._context.zone, filters, zone_override=override
            )

    def office_zone_name(self) -> str | None:
        """The zone stored for the office (None: the system's)."""
        from editorial_desk.services.office import office_zone_name

        with self._context.store.session() as session:
            return office_zone_name(session)

    def set_office_zone(self, name: str | None, override: str | None) -> tzinfo:
        """Store the office's zone (admins only) and return the zone now in effect
        (`override`, the EDITORIAL_DESK_TZ variable, still wins)."""
        from editorial_desk.services.office import resolve_office_zone, set_office_zone

        with self._context.store.session() as session:
            set_office_zone(session, self._context.user, name)
            return resolve_office_zone(session, override)

    def list_page(
        self, order: ArticleOrder, offset: int, limit: int, query: ArticleQuery | None = None
    ) -> list[ArticleSummary]:
        from editorial_desk.services.articles import list_articles

        with self._context.store.session() as session:
            return list_articles(session, query, order, limit=limit, offset=offset)

    def get(self, article_id: int) -> ArticleSnapshot:
        from editorial_desk.services.articles import get_article

        with self._context.store.session() as session:
            return get_article(session, article_id)

    def create(
        self,
        *,
        title: str,
        lead: str,
        body: str,
        rubric: str,
        planned_at: datetime | None = None,
        tags: Iterable[str] = (),
    ) -> ArticleSnapshot:
        from editorial_desk.services.articles import create_article

        with self._context.store.session() as session:
            return create_article(
                session,
                self._context.user,
                title=title,
                lead=lead,
                body=body,
                rubric=rubric,
                tags=tags,
                planned_at=planned_at,
            )

    def save(
        self, article_id: int, expected_version: int, changes: ArticleChanges
    ) -> ArticleSnapshot:
        """Raises ConflictError (nothing written) if someone saved a newer version."""
        from editorial_desk.services.articles import update_article

        with self._context.store.session() as session:
            return update_article(
                session, self._context.user, article_id, expected_version, changes
            )

    def restore_from_trash(self, article_id: int) -> ArticleSnapshot:
        from editorial_desk.services.articles import restore_from_trash

        with self._context.store.session() as session:
            return restore_from_trash(session, self._context.user, article_id)

    def duplicate(self, article_id: int, title: str) -> ArticleSnapshot:
        from editorial_desk.services.articles import duplicate_article

        with self._context.store.session() as session:
            return duplicate_article(session, self._context.user, article_id, title)

    def filter_choices(self) -> tuple[list[str], list[tuple[str, str]]]:
        """Rubrics and authors for the list's filters."""
        from editorial_desk.services.articles import list_authors, list_rubrics

        with self._context.store.session() as session:
            return list_rubrics(session), list_authors(session)

    def editor_choices(self) -> tuple[list[str], list[str]]:
        """The rubric list and the tags in use, for the article form's choices."""
        from editorial_desk.services.rubrics import list_rubrics, list_tags

        with self._context.store.session() as session:
            return list_rubrics(session), list_tags(session)

    def move_to_trash(self, article_id: int) -> ArticleSnapshot:
        from editorial_desk.services.articles import move_to_trash

        with self._context.store.session() as session:
            return move_to_trash(session, self._context.user, article_id)

    def store_image(self, path: str) -> tuple[str, bytes]:
        """Keep the picture file at `path` as an asset: (sha256, bytes). Raises OSError
        (unreadable file) or ValidationError (not an image type we keep)."""
        from editorial_desk.services.assets import store_asset

        file = Path(path)
        data = file.read_bytes()
        with self._context.store.session() as session:
            asset = store_asset(session, data, image_mime_type(file.name, data), file.name)
        return asset.sha256, asset.data

    def body_images(self, body: str) -> dict[str, bytes]:
        """The stored bytes of every `asset:` image `body` shows (one session)."""
        from editorial_desk.document.tree import image_hashes
        from editorial_desk.services.assets import get_assets

        hashes = image_hashes(body) if "asset:" in body else []
        if not hashes:
            return {}
        with self._context.store.session() as session:
            assets = get_assets(session, hashes)
        return {sha: asset.data for sha, asset in assets.items()}

    def image_data(self, sha256: str) -> bytes | None:
        """One image's bytes (for an image the editor was not given), None if missing."""
        from editorial_desk.services.assets import get_assets

        with self._context.store.session() as session:
            asset = get_assets(session, [sha256]).get(sha256)
        return asset.data if asset else None


_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)
_SUFFIXES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".gif": "image/gif",
    ".webp": "image/webp",
}


def image_mime_type(filename: str, data: bytes) -> str:
    """The mime type from the file's header (what it really is), else its suffix."""
    for signature, mime in _SIGNATURES:
        if data.startswith(signature):
            return mime
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return _SUFFIXES.get(Path(filename).suffix.lower(), "application/octet-stream")
