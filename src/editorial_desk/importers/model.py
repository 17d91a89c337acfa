"""What an importer returns, and the reasons it may refuse a file.

Importers are pure: bytes in, an :class:`ImportedDocument` out, no database.  The
body already refers to its pictures as ``asset:<sha256>``: the hash is of the bytes
carried in :attr:`ImportedDocument.images`, so the service only has to store them
(content-addressed, the same hash comes back) for every reference to resolve.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple

from editorial_desk.domain.assets import ASSET_SCHEME, sha256_of
from editorial_desk.domain.errors import ImportRefusedError
from editorial_desk.importers.notices import ImportNotice, ImportWarningKind


class ImportedImage(NamedTuple):
    """A picture found in an imported document (``(bytes, mime, alt)``)."""

    data: bytes
    mime_type: str  # one of domain.assets.IMAGE_MIME_TYPES, sniffed from the bytes
    alt: str

    @property
    def sha256(self) -> str:
        return sha256_of(self.data)

    @property
    def src(self) -> str:
        return f"{ASSET_SCHEME}{self.sha256}"


@dataclass(slots=True)
class ImportedDocument:
    """A converted document, ready to become a draft.

    ``body`` is canonical (``sanitize_body`` output); ``lead`` is plain text;
    ``warnings`` say what could not be carried over (an EMF picture, a picture on
    the web, ...) so the user is not surprised by a silent loss: keyed notices the
    UI translates and the CLI prints in English (:mod:`notices`)."""

    title: str
    lead: str
    body: str
    images: list[ImportedImage] = field(default_factory=list)
    warnings: list[ImportNotice] = field(default_factory=list)


class RefusalReason(StrEnum):
    """Stable keys of :class:`ImportRefusedError`, for the UI to translate.

    The refusal's English detail (sizes, the part, what the file looks like) is
    for the CLI and logs; the UI shows one translated sentence per reason."""

    EMPTY = "empty"
    TOO_LARGE = "too_large"
    UNSUPPORTED_TYPE = "unsupported_type"  # the file name's extension
    WRONG_FORMAT = "wrong_format"  # the content is not what the extension says
    OLD_WORD_FORMAT = "old_word_format"  # .doc (Word 97-2003) and friends
    ENCRYPTED = "encrypted"
    DAMAGED = "damaged"  # truncated, bad CRC, not well-formed
    ZIP_BOMB = "zip_bomb"  # sizes, ratio, entry count, overlapping entries
    DTD = "dtd"  # an XML part declares a DTD / entities (XXE, billion laughs)
    TIMEOUT = "timeout"
    CONVERSION_FAILED = "conversion_failed"


def refuse(reason: RefusalReason, message: str) -> ImportRefusedError:
    return ImportRefusedError(reason, message)


# The most an image may weigh; equal to services.assets.MAX_ASSET_BYTES (importers
# may not import services; tests/importers/test_limits.py keeps the two equal).
MAX_IMAGE_BYTES = 25 * 1024 * 1024

# The longest title services.articles accepts (MAX_TITLE_LENGTH; same test).
MAX_TITLE_LENGTH = 500


def sniff_image_type(data: bytes) -> str | None:
    """The MIME type the bytes really are, for the formats an article may hold.

    The container's own claim (a DOCX content type, a ``data:`` URL) is not trusted:
    a picture is stored under the type its signature shows, or not at all."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if len(data) >= 12 and data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def clip_title(title: str) -> tuple[str, list[ImportNotice]]:
    """``title`` with whitespace collapsed and cut to :data:`MAX_TITLE_LENGTH`
    at a word boundary; the warning says so when it had to be cut."""
    title = " ".join(title.split())
    if len(title) <= MAX_TITLE_LENGTH:
        return title, []
    cut = title[: MAX_TITLE_LENGTH - 1].rsplit(" ", 1)[0] or title[: MAX_TITLE_LENGTH - 1]
    return cut + "…", [ImportNotice.of(ImportWarningKind.TITLE_CUT, limit=MAX_TITLE_LENGTH)]
