"""Exporters: an article (`ArticleSnapshot`) and its images (`AssetData` by sha256)
in, DOCX / HTML fragment / HTML page / ZIP bundle bytes out. Pure functions over
domain objects: no database, no Qt. Only `files.py` touches the disk (atomic
writes, safe names); the services decide what is written where.
"""

from __future__ import annotations

from editorial_desk.export.bundle import zip_bundle
from editorial_desk.export.docx import docx_bytes
from editorial_desk.export.html import html_fragment, html_page
from editorial_desk.export.options import ExportContext, ExportFormat, ExportOptions, OnExisting
from editorial_desk.export.render import Rendered, render
from editorial_desk.export.typography import typograph

__all__ = [
    "ExportContext",
    "ExportFormat",
    "ExportOptions",
    "OnExisting",
    "Rendered",
    "docx_bytes",
    "html_fragment",
    "html_page",
    "render",
    "typograph",
    "zip_bundle",
]
