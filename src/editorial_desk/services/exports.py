"""Export use cases: write articles to files, log every file written, and tell
whether an article changed since its last export.

`export_articles` is meant to run off the UI thread (in a worker with its own
session): it reports progress through a callback and stops between two files
when `cancelled()` says so. Each file is written atomically (export/files.py),
so a failed, cancelled or killed export never leaves a partial file under a
final name. The provenance rows are added to the caller's session; they become
permanent when the caller's unit of work commits.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from editorial_desk.document.tree import image_hashes
from editorial_desk.domain.article import ArticleOrder, ArticleQuery, ArticleSnapshot, SortKey
from editorial_desk.domain.errors import EditorialError, NotFoundError, ValidationError
from editorial_desk.domain.statuses import Status
from editorial_desk.domain.timeutil import utc_now
from editorial_desk.domain.users import UserInfo
from editorial_desk.export.filenames import article_stem, image_file_name, with_suffix_number
from editorial_desk.export.files import (
    TargetExistsError,
    ensure_folder,
    free_name,
    remove_stale_temp_files,
    sync_folder,
    write_atomic,
    write_shared_file,
)
from editorial_desk.export.html import IMAGES_DIR
from editorial_desk.export.meta import content_fingerprint, zone_of
from editorial_desk.export.options import ExportContext, ExportFormat, ExportOptions, OnExisting
from editorial_desk.export.render import render
from editorial_desk.services.articles import get_article, list_articles
from editorial_desk.services.assets import get_assets
from editorial_desk.store.models import Article, Export, Revision, User

BATCH_STATUSES: tuple[Status, ...] = (Status.APPROVED, Status.SCHEDULED)
"""What a date-range batch exports unless told otherwise: items ready for the web."""

Progress = Callable[[int, int, str], None]
"""`progress(done, total, title)`: `done` files finished of `total`; `title` is the
item being exported now ("" once everything is done)."""

Cancelled = Callable[[], bool]


@dataclass(frozen=True, slots=True)
class ExportResult:
    article_id: int
    title: str
    format: ExportFormat
    path: Path
    """The file written (or, when `skipped`, the existing file left alone)."""
    size: int = 0
    revision_id: int | None = None
    images: tuple[Path, ...] = ()
    """Image files written beside an HTML fragment (shared files already there
    with the same content are listed too: the fragment links them)."""
    skipped: bool = False


class ExportIncompleteError(EditorialError):
    """An item could not be exported after others were. `results` lists the files
    that were written (complete, with their provenance rows in the session): a
    caller that catches this inside its unit of work and commits keeps the log
    in step with the disk."""

    def __init__(self, results: list[ExportResult], total: int, error: EditorialError) -> None:
        done = len(results)
        super().__init__(f"exported {done} of {total} items, then: {error}" if done else str(error))
        self.results = results
        self.total = total
        self.error = error


@dataclass(frozen=True, slots=True)
class PlannedFile:
    """Where an export would write an item, for the UI to ask before overwriting."""

    article_id: int
    title: str
    path: Path
    exists: bool


@dataclass(frozen=True, slots=True)
class ExportRecord:
    """One line of an article's export history."""

    id: int
    article_id: int
    revision_id: int | None
    revision_number: int | None
    article_version: int
    format: ExportFormat
    path: str
    size: int
    user_login: str
    user_name: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class ExportStatus:
    article_id: int
    last_export: ExportRecord | None
    changed_since_export: bool
    """True when the item was exported and its text, rubric, tags or planned date
    changed afterwards (status changes do not count)."""

    @property
    def exported(self) -> bool:
        return self.last_export is not None


def batch_query(
    date_from: datetime | None,
    date_to: datetime | None,
    statuses: Sequence[Status] = (),
) -> ArticleQuery:
    """Everything planned in [date_from, date_to) with `statuses` (default: approved
    and scheduled): the "a day's batch" selection."""
    if date_from is not None and date_to is not None and date_to <= date_from:
        raise ValidationError("the end of the date range is not after its start")
    return ArticleQuery(
        date_from=date_from, date_to=date_to, statuses=tuple(statuses) or BATCH_STATUSES
    )


def _resolve_ids(session: Session, selection: Sequence[int] | ArticleQuery) -> list[int]:
    if isinstance(selection, ArticleQuery):
        order = ArticleOrder(SortKey.PLANNED, descending=False)
        return [item.id for item in list_articles(session, selection, order)]
    ids = list(dict.fromkeys(selection))
    found = set(session.scalars(select(Article.id).where(Article.id.in_(ids)))) if ids else set()
    missing = [i for i in ids if i not in found]
    if missing:
        raise NotFoundError("article", ", ".join(map(str, missing)))
    return ids


def _latest_revision_id(session: Session, article_id: int) -> int | None:
    return session.scalar(
        select(Revision.id)
        .where(Revision.article_id == article_id)
        .order_by(Revision.number.desc())
        .limit(1)
    )


def _base_name(article: ArticleSnapshot, fmt: ExportFormat, options: ExportOptions, n: int) -> str:
    return with_suffix_number(article_stem(article, zone_of(options)), n, fmt.extension)


def plan_export(
    session: Session,
    selection: Sequence[int] | ArticleQuery,
    fmt: ExportFormat | str,
    out_dir: Path,
    options: ExportOptions | None = None,
) -> list[PlannedFile]:
    """The file each item would be written to, and whether it exists already: what
    the UI shows before asking "replace, keep both or skip?"."""
    fmt = ExportFormat.parse(str(fmt))
    options = options or ExportOptions()
    taken: set[str] = set()
    planned = []
    for article_id in _resolve_ids(session, selection):
        article = get_article(session, article_id)
        number = 1
        while (name := _base_name(article, fmt, options, number)).casefold() in taken:
            number += 1
        taken.add(name.casefold())
        path = Path(out_dir) / name
        planned.append(PlannedFile(article.id, article.title, path, path.exists()))
    return planned


def _write_main(
    folder: Path,
    article: ArticleSnapshot,
    fmt: ExportFormat,
    options: ExportOptions,
    data: bytes,
    on_existing: OnExisting,
    taken: set[str],
) -> tuple[Path, bool]:
    """Write the item's file under the policy; (path, skipped)."""

    def name(n: int) -> str:
        return _base_name(article, fmt, options, n)

    if on_existing is OnExisting.OVERWRITE:
        number = 1
        while name(number).casefold() in taken:  # never clobber this batch's own files
            number += 1
        target = folder / name(number)
        write_atomic(target, data, overwrite=True, sync=False)
    elif on_existing is OnExisting.SKIP and name(1).casefold() not in taken:
        target = folder / name(1)
        try:
            write_atomic(target, data, sync=False)
        except TargetExistsError:
            return target, True
    else:
        for _attempt in range(100):
            target = free_name(folder, name, taken)
            try:
                write_atomic(target, data, sync=False)
                break
            except TargetExistsError:  # taken meanwhile by another program: next one
                taken.add(target.name.casefold())
        else:
            raise TargetExistsError(folder / name(1))
    taken.add(target.name.casefold())
    return target, False


def _export_one(
    session: Session,
    actor: UserInfo,
    article: ArticleSnapshot,
    fmt: ExportFormat,
    folder: Path,
    options: ExportOptions,
    on_existing: OnExisting,
    taken: set[str],
) -> ExportResult:
    """Render one item, write its files, log it."""
    assets = get_assets(session, image_hashes(article.body))
    revision_id = _latest_revision_id(session, article.id)
    context = ExportContext(revision_id, utc_now(), actor.display_name or actor.login)
    rendered = render(article, fmt, assets, options, context)
    images: list[Path] = []
    if rendered.images:
        image_folder = ensure_folder(folder / IMAGES_DIR)
        remove_stale_temp_files(image_folder)
        for asset in rendered.images:
            image_path = image_folder / image_file_name(asset)
            write_shared_file(image_path, asset.data)
            images.append(image_path)
    path, skipped = _write_main(folder, article, fmt, options, rendered.data, on_existing, taken)
    if skipped:
        return ExportResult(article.id, article.title, fmt, path, skipped=True)
    session.add(
        Export(
            article_id=article.id,
            revision_id=revision_id,
            article_version=article.version,
            fingerprint=content_fingerprint(article),
            format=fmt.value,
            path=os.fspath(path),
            size=len(rendered.data),
            user_id=actor.id,
            created_at=context.exported_at,
        )
    )
    return ExportResult(
        article.id, article.title, fmt, path, len(rendered.data), revision_id, tuple(images)
    )


def export_articles(
    session: Session,
    actor: UserInfo,
    selection: Sequence[int] | ArticleQuery,
    fmt: ExportFormat | str,
    out_dir: Path | str,
    options: ExportOptions | None = None,
    *,
    on_existing: OnExisting = OnExisting.SUFFIX,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> list[ExportResult]:
    """Export the selected items (ids, or a query such as `batch_query(...)`) to
    files in `out_dir`, one file per item named `<date>_<title-slug>.<ext>`.

    Unknown ids fail before anything is written. Existing files are kept unless
    `on_existing` says otherwise (SUFFIX: "name-2.docx"). On cancel, the export
    stops before the next item and returns what was written: every listed file
    is complete and logged. Each written file adds a provenance row.

    If an item fails (an unusable Word template, a full disk...), raises
    ExportIncompleteError with the results so far; see there."""
    fmt = ExportFormat.parse(str(fmt))
    options = options or ExportOptions()
    ids = _resolve_ids(session, selection)
    folder = ensure_folder(Path(out_dir)).resolve()
    remove_stale_temp_files(folder)
    taken: set[str] = set()
    results: list[ExportResult] = []
    images_written = False
    total = len(ids)
    for done, article_id in enumerate(ids):
        if cancelled is not None and cancelled():
            break
        try:
            article = get_article(session, article_id)
            if progress is not None:
                progress(done, total, article.title)
            result = _export_one(session, actor, article, fmt, folder, options, on_existing, taken)
        except EditorialError as error:
            sync_folder(folder)
            raise ExportIncompleteError(results, total, error) from error
        images_written |= bool(result.images)
        results.append(result)
    sync_folder(folder)  # once for the batch: each file itself was fsync'ed
    if images_written:
        sync_folder(folder / IMAGES_DIR)
    session.flush()
    if progress is not None:
        progress(len(results), total, "")
    return results


def _records(session: Session, article_id: int, limit: int | None = None) -> list[ExportRecord]:
    stmt = (
        select(Export, User.login, User.display_name, Revision.number)
        .join(User, Export.user_id == User.id)
        .outerjoin(Revision, Export.revision_id == Revision.id)
        .where(Export.article_id == article_id)
        .order_by(Export.created_at.desc(), Export.id.desc())
    )
    if limit is not None:
        stmt = stmt.limit(limit)
    return [
        ExportRecord(
            id=row.id,
            article_id=row.article_id,
            revision_id=row.revision_id,
            revision_number=number,
            article_version=row.article_version,
            format=ExportFormat(row.format),
            path=row.path,
            size=row.size,
            user_login=login,
            user_name=name,
            created_at=row.created_at,
        )
        for row, login, name, number in session.execute(stmt)
    ]


def list_exports(session: Session, article_id: int) -> list[ExportRecord]:
    """The article's exports, newest first (for its history)."""
    get_article(session, article_id)  # NotFoundError for an unknown id
    return _records(session, article_id)


def export_status(session: Session, article_id: int) -> ExportStatus:
    """Whether the article was exported, and whether it changed since."""
    article = get_article(session, article_id)
    last = _records(session, article_id, limit=1)
    if not last:
        return ExportStatus(article_id, None, False)
    fingerprint = session.scalar(select(Export.fingerprint).where(Export.id == last[0].id))
    return ExportStatus(article_id, last[0], fingerprint != content_fingerprint(article))
