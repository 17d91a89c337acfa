"""Import use cases: a file (or pasted HTML) becomes a draft and its pictures assets.

Two steps, so a caller can keep the slow one out of its database transaction:

* :func:`prepare_import` reads and converts a file: no session, may take a
  while (a worker process with a time limit, see ``importers.isolation``), safe to
  run on a background thread;
* :func:`save_import` stores the pictures and creates the draft in the caller's
  session: if anything fails, the caller's unit of work rolls back and nothing
  is created.

:func:`import_file` does both for callers that do not care.  Every refusal is an
:class:`~editorial_desk.domain.errors.ImportRefusedError` (a ValidationError)
naming the file, with a ``reason`` key the UI translates.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from editorial_desk.domain.article import ArticleSnapshot
from editorial_desk.domain.assets import IMAGE_MIME_TYPES
from editorial_desk.domain.errors import ImportRefusedError
from editorial_desk.domain.users import UserInfo
from editorial_desk.importers.cleanup import clean_foreign_fragment
from editorial_desk.importers.convert import (
    SUPPORTED_SUFFIXES,
    check_file_name,
    convert_file_bytes,
    is_importable,
)
from editorial_desk.importers.guards import MAX_DOCX_FILE_BYTES, MAX_TEXT_FILE_BYTES
from editorial_desk.importers.isolation import DEFAULT_TIME_LIMIT_S
from editorial_desk.importers.model import (
    ImportedDocument,
    ImportedImage,
    RefusalReason,
    refuse,
)
from editorial_desk.importers.notices import ImportNotice
from editorial_desk.services.articles import create_article
from editorial_desk.services.assets import store_asset

__all__ = [
    "SUPPORTED_SUFFIXES",
    "ImportNotice",
    "ImportOutcome",
    "import_file",
    "import_file_with_warnings",
    "is_importable",
    "paste_foreign_html",
    "prepare_import",
    "save_import",
]


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    """The draft an import created and what could not be carried over (keyed
    notices: ``str(notice)`` is the English sentence, the UI translates ``kind``)."""

    article: ArticleSnapshot
    warnings: tuple[ImportNotice, ...]


def _read(path: Path) -> bytes:
    """The file's bytes, refusing before reading when it is too large to import."""
    limit = MAX_DOCX_FILE_BYTES if path.suffix.lower() == ".docx" else MAX_TEXT_FILE_BYTES
    try:
        with path.open("rb") as stream:
            data = stream.read(limit + 1)
    except IsADirectoryError:
        raise refuse(RefusalReason.UNSUPPORTED_TYPE, "this is a folder, not a file") from None
    except OSError as exc:
        raise refuse(
            RefusalReason.DAMAGED, f"the file cannot be read: {exc.strerror or exc}"
        ) from None
    if len(data) > limit:
        raise refuse(
            RefusalReason.TOO_LARGE,
            f"the file is larger than the {limit // 2**20} MB an imported file may have",
        )
    return data


def prepare_import(
    path: Path, *, time_limit: float | None = DEFAULT_TIME_LIMIT_S
) -> ImportedDocument:
    """Read and convert ``path`` (no database).  Raises ImportRefusedError naming it."""
    try:
        check_file_name(path.name)
        return convert_file_bytes(path.name, _read(path), time_limit=time_limit)
    except ImportRefusedError as refusal:
        raise refusal.for_file(str(path)) from None


def _asset_filename(stem: str, index: int, image: ImportedImage) -> str:
    return f"{stem}-{index}{IMAGE_MIME_TYPES[image.mime_type]}"


def save_import(
    session: Session, actor: UserInfo, document: ImportedDocument, *, source_name: str = ""
) -> ArticleSnapshot:
    """Store ``document``'s pictures and create it as a draft, in the caller's
    session (one unit of work: the caller commits or rolls back)."""
    stem = Path(source_name).stem or "import"
    for index, image in enumerate(document.images, start=1):
        store_asset(session, image.data, image.mime_type, _asset_filename(stem, index, image))
    return create_article(
        session, actor, title=document.title, lead=document.lead, body=document.body
    )


def import_file_with_warnings(
    session: Session,
    actor: UserInfo,
    path: Path,
    *,
    time_limit: float | None = DEFAULT_TIME_LIMIT_S,
) -> ImportOutcome:
    """Import one file as a new draft; also say what could not be carried over."""
    document = prepare_import(path, time_limit=time_limit)
    article = save_import(session, actor, document, source_name=path.name)
    return ImportOutcome(article, tuple(document.warnings))


def import_file(
    session: Session,
    actor: UserInfo,
    path: Path,
    *,
    time_limit: float | None = DEFAULT_TIME_LIMIT_S,
) -> ArticleSnapshot:
    """Import one file (.docx, .html, .htm, .txt) as a new draft."""
    return import_file_with_warnings(session, actor, path, time_limit=time_limit).article


def paste_foreign_html(session: Session, html: str) -> str:
    """The editor's paste with pictures: clean ``html`` (Word, LibreOffice, a
    browser, a mail client), store the pictures it carries inline (``data:``) as
    assets, and return the canonical body fragment to insert.  Without a
    session, use ``importers.cleanup.clean_foreign_html`` (pictures left out)."""
    cleaned = clean_foreign_fragment(html)
    for index, image in enumerate(cleaned.images, start=1):
        store_asset(session, image.data, image.mime_type, _asset_filename("paste", index, image))
    return cleaned.body
