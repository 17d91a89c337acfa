"""An imported document exported again as DOCX and as HTML keeps its structure:
importing the export gives the same headings, lists, links, table, quote,
footnotes and picture."""

from __future__ import annotations

import pytest
from body_shape import footnotes, headings, inline, links, list_outline, parse, tables
from hostile_docx import FIXTURES

from editorial_desk.domain.assets import sha_from_src
from editorial_desk.export import ExportOptions, docx_bytes, html_fragment, html_page
from editorial_desk.importers.convert import convert_file_bytes
from editorial_desk.importers.notices import ImportNotice, ImportWarningKind
from editorial_desk.services.assets import get_assets
from editorial_desk.services.imports import import_file

# Typography off: the exporter's «ёлочки», dashes and no-break spaces are its
# business; the structure is what this test is about.
PLAIN = ExportOptions(typography=False, header_block=False)


def structure(body: str) -> dict[str, object]:
    return {
        "headings": headings(body),
        "lists": list_outline(body),
        "links": links(body),
        "tables": tables(body),
        "quotes": inline(body, "blockquote"),
        "strong": inline(body, "strong"),
        "em": inline(body, "em"),
        "u": inline(body, "u"),
        "s": inline(body, "s"),
        "footnotes": footnotes(body),
        "captions": inline(body, "figcaption"),
    }


@pytest.fixture(params=["skver.pandoc.docx", "konkurs.libreoffice.docx"])
def imported(request, store, actor):  # type: ignore[no-untyped-def]
    with store.session() as session:
        article = import_file(session, actor, FIXTURES / request.param)
        images = [n for n in parse(article.body).walk() if n.tag == "img"]
        assets = get_assets(session, [sha_from_src(n.attrs["src"]) or "" for n in images])
    return article, assets


def test_docx_export_imports_back_to_the_same_structure(imported):  # type: ignore[no-untyped-def]
    article, assets = imported
    exported = docx_bytes(article, assets, PLAIN)

    again = convert_file_bytes("export.docx", exported, time_limit=None)

    assert again.title == article.title
    assert again.lead == article.lead
    assert structure(again.body) == structure(article.body)
    assert [image.sha256 for image in again.images] == list(assets)


def test_html_export_imports_back_to_the_same_structure(imported):  # type: ignore[no-untyped-def]
    article, assets = imported
    # The standalone page: title, lead and body, pictures embedded as data: URLs.
    exported = html_page(article, assets, PLAIN)

    again = convert_file_bytes("export.html", exported.encode("utf-8"), time_limit=None)

    assert again.title == article.title
    assert again.warnings == []
    assert structure(again.body) == structure(article.body)
    assert [image.sha256 for image in again.images] == list(assets)


def test_html_fragment_export_keeps_the_structure_but_not_the_pictures(imported):  # type: ignore[no-untyped-def]
    article, assets = imported
    exported = html_fragment(article, assets, PLAIN)

    again = convert_file_bytes("export.html", exported.encode("utf-8"), time_limit=None)

    assert structure(again.body) == structure(article.body)
    if assets:  # they sit in images/ beside the fragment, which an import never reads
        left_out = ImportNotice.of(ImportWarningKind.PICTURES_OUTSIDE_FILE, count=len(assets))
        assert left_out in again.warnings
