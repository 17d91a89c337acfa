"""The ZIP bundle for the web team: `article.html` (the clean fragment),
`images/` (every image it shows, linked relatively) and `metadata.json` (what the
CMS asks for besides the body, and where the bundle came from)."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Mapping
from datetime import UTC
from typing import Any, Final

from editorial_desk.document.tree import image_hashes
from editorial_desk.domain.article import ArticleSnapshot
from editorial_desk.domain.assets import AssetData
from editorial_desk.export.filenames import image_file_name
from editorial_desk.export.html import IMAGES_DIR, html_fragment, relative_image_source
from editorial_desk.export.options import ExportContext, ExportOptions

BUNDLE_FORMAT: Final = "editorial-desk-bundle/1"
ARTICLE_FILE: Final = "article.html"
METADATA_FILE: Final = "metadata.json"
# JPEG/PNG/GIF/WebP are compressed already; deflating them again only costs time.
_STORED_TYPES: Final = frozenset({"image/jpeg", "image/png", "image/gif", "image/webp"})


def _iso(value: Any) -> str | None:
    return value.astimezone(UTC).isoformat() if value is not None else None


def bundle_images(article: ArticleSnapshot, assets: Mapping[str, AssetData]) -> list[AssetData]:
    """The stored images the body shows, in order of first use."""
    return [assets[h] for h in image_hashes(article.body) if h in assets]


def metadata(
    article: ArticleSnapshot,
    assets: Mapping[str, AssetData],
    options: ExportOptions,
    context: ExportContext,
) -> dict[str, Any]:
    return {
        "format": BUNDLE_FORMAT,
        "article_id": article.id,
        "title": article.title,
        "lead": article.lead,
        "rubric": article.rubric,
        "tags": list(article.tags),
        "author": article.author_name,
        "author_login": article.author_login,
        "planned_at": _iso(article.planned_at),
        "status": article.status.value,
        "version": article.version,
        "revision_id": context.revision_id,
        "word_count": article.word_count,
        "typography": options.typography,
        "exported_at": _iso(context.exported_at),
        "exported_by": context.exported_by,
        "html": ARTICLE_FILE,
        "images": [
            {
                "file": f"{IMAGES_DIR}/{image_file_name(a)}",
                "sha256": a.sha256,
                "mime_type": a.mime_type,
                "original_name": a.filename,
                "bytes": len(a.data),
            }
            for a in bundle_images(article, assets)
        ],
    }


def zip_bundle(
    article: ArticleSnapshot,
    assets: Mapping[str, AssetData],
    options: ExportOptions | None = None,
    context: ExportContext | None = None,
) -> bytes:
    options = options or ExportOptions()
    context = context or ExportContext()
    # Entry times are the item's last change, so the same item zips to the same bytes.
    stamp = article.updated_at.astimezone(UTC).timetuple()[:6]
    when = max(stamp, (1980, 1, 1, 0, 0, 0))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:

        def add(name: str, data: bytes, compress: int = zipfile.ZIP_DEFLATED) -> None:
            info = zipfile.ZipInfo(name, when)
            info.compress_type = compress
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)

        fragment = html_fragment(article, assets, options, image_source=relative_image_source)
        add(ARTICLE_FILE, fragment.encode("utf-8"))
        for asset in bundle_images(article, assets):
            stored = asset.mime_type in _STORED_TYPES
            add(
                f"{IMAGES_DIR}/{image_file_name(asset)}",
                asset.data,
                zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED,
            )
        info = metadata(article, assets, options, context)
        add(METADATA_FILE, json.dumps(info, ensure_ascii=False, indent=2).encode("utf-8") + b"\n")
    return out.getvalue()
