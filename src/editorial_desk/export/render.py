"""One entry point over the exporters: an article in a format, as bytes, plus the
image files that have to be written beside it (the HTML fragment links them)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from editorial_desk.domain.article import ArticleSnapshot
from editorial_desk.domain.assets import AssetData
from editorial_desk.export.bundle import bundle_images, zip_bundle
from editorial_desk.export.docx import docx_bytes
from editorial_desk.export.html import html_fragment, html_page
from editorial_desk.export.options import ExportContext, ExportFormat, ExportOptions


@dataclass(frozen=True, slots=True)
class Rendered:
    data: bytes
    images: tuple[AssetData, ...] = ()
    """To be written as images/<image_file_name> beside the main file."""


def render(
    article: ArticleSnapshot,
    fmt: ExportFormat,
    assets: Mapping[str, AssetData],
    options: ExportOptions | None = None,
    context: ExportContext | None = None,
) -> Rendered:
    options = options or ExportOptions()
    context = context or ExportContext()
    if fmt is ExportFormat.DOCX:
        return Rendered(docx_bytes(article, assets, options, context))
    if fmt is ExportFormat.HTML:
        fragment = html_fragment(article, assets, options)
        return Rendered(fragment.encode("utf-8"), tuple(bundle_images(article, assets)))
    if fmt is ExportFormat.PAGE:
        return Rendered(html_page(article, assets, options).encode("utf-8"))
    return Rendered(zip_bundle(article, assets, options, context))
