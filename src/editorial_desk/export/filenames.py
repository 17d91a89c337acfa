"""File names for exports: the planned date and a transliterated title slug,
safe on Windows (the office's PCs) and on every other system.

Transliteration is the readable table Russian sites use for URLs (Yandex,
Wikipedia): «щ» → shch, «х» → kh, «ц» → ts, «й» → y, hard and soft signs dropped.
ГОСТ 7.79-2000 system B was considered; its `cz`, `shh` and backticks read badly in
a file name and mean nothing to the web team.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime, tzinfo
from typing import Final

from editorial_desk.domain.article import ArticleSnapshot
from editorial_desk.domain.assets import AssetData

MAX_NAME_LENGTH: Final = 100
"""Characters in a whole file name, extension and any "-2" suffix included."""

_SLUG_LENGTH: Final = 60
"""Characters of title slug: long enough to recognise the item, short enough that
date + slug + suffix + extension stays well under MAX_NAME_LENGTH."""

_TRANSLIT: Final = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya",
    # Neighbours that turn up in names of places and people.
    "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u",
}  # fmt: skip

# Windows refuses these as a file's name whatever the extension (CON.docx too), and
# the superscript-digit COM/LPT variants as well.
_RESERVED: Final = frozenset(
    {"con", "prn", "aux", "nul", "conin$", "conout$"}
    | {f"{base}{n}" for base in ("com", "lpt") for n in "0123456789¹²³"}
)
_FORBIDDEN_RE: Final = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_NOT_SLUG_RE: Final = re.compile(r"[^a-z0-9]+")


def transliterate(text: str) -> str:
    """Russian (and Ukrainian/Belarusian) letters in Latin; other letters are
    reduced to ASCII where Unicode gives them a base letter (é → e)."""
    out: list[str] = []
    for char in text:
        lower = char.lower()
        latin = _TRANSLIT.get(lower)
        if latin is None:
            out.append(char)
        elif char != lower and latin:
            out.append(latin[0].upper() + latin[1:])
        else:
            out.append(latin)
    decomposed = unicodedata.normalize("NFKD", "".join(out))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def slugify(text: str, max_length: int = _SLUG_LENGTH) -> str:
    """`lowercase-latin-words-joined-by-hyphens`, cut at a word boundary."""
    slug = _NOT_SLUG_RE.sub("-", transliterate(text).lower()).strip("-")
    if len(slug) > max_length:
        cut = slug[: max_length + 1]
        slug = cut[: cut.rfind("-")] if "-" in cut else slug[:max_length]
    return slug.strip("-")


def safe_file_name(name: str, max_length: int = MAX_NAME_LENGTH) -> str:
    """`name` made acceptable to Windows, macOS and Linux: no reserved characters,
    no trailing dots or spaces, not a reserved device name, at most `max_length`
    characters (the extension is kept when shortening)."""
    cleaned = _FORBIDDEN_RE.sub("_", name).strip().rstrip(". ")
    stem, dot, ext = cleaned.rpartition(".")
    if not dot or not stem or len(ext) > 10:
        stem, ext = cleaned, ""
    ext = f".{ext}" if ext else ""
    stem = stem.rstrip(". ")[: max(1, max_length - len(ext))].rstrip(". ") or "_"
    if stem.split(".")[0].lower() in _RESERVED:
        stem = f"_{stem}"[: max(1, max_length - len(ext))]
    return f"{stem}{ext}"


def article_stem(article: ArticleSnapshot, zone: tzinfo) -> str:
    """`2026-12-05_otkrylas-zimnyaya-ploshchadka`: the planned date in the office
    zone (or the creation date for an unscheduled item) and the title's slug."""
    when: datetime = article.planned_at or article.created_at
    slug = slugify(article.title) or f"article-{article.id}"
    return f"{when.astimezone(zone):%Y-%m-%d}_{slug}"


def with_suffix_number(stem: str, number: int, extension: str) -> str:
    """The `number`-th alternative name (1 = the name itself), always within
    MAX_NAME_LENGTH: `stem-2.docx`, `stem-3.docx`, ..."""
    suffix = "" if number <= 1 else f"-{number}"
    room = MAX_NAME_LENGTH - len(extension) - len(suffix)
    return safe_file_name(f"{stem[:room].rstrip('-. ')}{suffix}{extension}")


def image_file_name(asset: AssetData) -> str:
    """`park-druzhba-9f86d0818847.jpg`: the original name's slug (if any) and the
    start of the hash, so one image is one file however many items use it."""
    stem = asset.filename.rsplit(".", 1)[0] if asset.filename else ""
    slug = slugify(stem, 40)
    digest = asset.sha256[:12]
    return safe_file_name(
        f"{slug}-{digest}{asset.extension}" if slug else f"{digest}{asset.extension}"
    )
