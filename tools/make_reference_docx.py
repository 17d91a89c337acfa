"""Build src/editorial_desk/resources/templates/reference.docx, the Word template
every DOCX export starts from (its styles, page set-up and language).

    uv run python tools/make_reference_docx.py          # rebuild the template
    uv run python tools/make_reference_docx.py --check  # fail if it is out of date

The styles themselves are defined in editorial_desk/export/docx_styles.py, which
the exporter also uses to add styles an office's own template lacks. This script
starts from python-docx's default document, removes what a news item never uses
(Word 2010 "stylesWithEffects", the thumbnail, custom XML, ~150 unused styles)
so loading the template costs well under a millisecond, redefines the styles we
use, sets A4 with Russian office margins and makes ru-RU the language of
everything. The ZIP is written with fixed timestamps, so the file only changes
when its content does.
"""

from __future__ import annotations

import argparse
import io
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm
from docx.styles import BabelFish

from editorial_desk.export.docx_styles import (
    BODY_FONT,
    LANGUAGE,
    STYLE_SPECS,
    define_style,
    link_next_styles,
)

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "src" / "editorial_desk" / "resources" / "templates" / "reference.docx"

# Styles kept from python-docx's default template besides the ones we define:
# what Word itself expects to find (defaults, header/footer for a letterhead).
_KEEP = {
    "Default Paragraph Font",
    "Normal Table",
    "No List",
    "Table Grid",
    "Header",
    "Footer",
    "Heading 1",
    "List Paragraph",
    "Strong",
    "Emphasis",
}
_DROPPED_RELS = ("stylesWithEffects", "customXml", "webSettings", "thumbnail")
_FIXED_TIME = (2026, 1, 1, 0, 0, 0)


def _drop_parts(document) -> None:  # type: ignore[no-untyped-def]
    for rels in (document.part.rels, document.part.package.rels):
        for rid, rel in list(rels.items()):
            if any(word in rel.reltype for word in _DROPPED_RELS):
                del rels[rid]


def _trim_styles(document) -> None:  # type: ignore[no-untyped-def]
    styles = document.styles.element
    wanted = {BabelFish.ui2internal(name) for name in _KEEP} | {
        BabelFish.ui2internal(spec.role.value) for spec in STYLE_SPECS
    }
    for style in list(styles.iterchildren(qn("w:style"))):
        name = style.find(qn("w:name"))
        if name is None or name.get(qn("w:val")) not in wanted:
            styles.remove(style)
        else:
            # Links to the "... Char" twins we removed would dangle.
            for link in style.findall(qn("w:link")):
                style.remove(link)
    latent = styles.find(qn("w:latentStyles"))
    if latent is not None:
        styles.remove(latent)


def _set_defaults(document) -> None:  # type: ignore[no-untyped-def]
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is not None:
        styles.remove(defaults)
    styles.insert(
        0,
        parse_xml(
            f"<w:docDefaults {nsdecls('w')}><w:rPrDefault><w:rPr>"
            f'<w:rFonts w:ascii="{BODY_FONT}" w:hAnsi="{BODY_FONT}" w:eastAsia="{BODY_FONT}" '
            f'w:cs="{BODY_FONT}"/><w:sz w:val="24"/><w:szCs w:val="24"/>'
            f'<w:lang w:val="{LANGUAGE}" w:eastAsia="{LANGUAGE}" w:bidi="ar-SA"/>'
            "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
            '<w:spacing w:after="120" w:line="276" w:lineRule="auto"/>'
            "</w:pPr></w:pPrDefault></w:docDefaults>"
        ),
    )
    settings = document.settings.element
    lang = settings.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:val"), LANGUAGE)


def _page_setup(document) -> None:  # type: ignore[no-untyped-def]
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2.0)
    section.left_margin, section.right_margin = Cm(3.0), Cm(1.5)


def _clear_properties(document) -> None:  # type: ignore[no-untyped-def]
    core = document.core_properties
    for field in ("author", "title", "subject", "keywords", "comments", "category"):
        setattr(core, field, "")
    core.last_modified_by = ""
    core.revision = 1
    core.language = LANGUAGE


def build() -> bytes:
    document = Document()
    _drop_parts(document)
    _trim_styles(document)
    _set_defaults(document)
    for spec in STYLE_SPECS:
        define_style(document.styles, spec)
    link_next_styles(document.styles)
    _page_setup(document)
    _clear_properties(document)
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    raw = io.BytesIO()
    document.save(raw)
    return _with_fixed_times(raw.getvalue())


def _with_fixed_times(data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, _FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the template is stale")
    args = parser.parse_args(argv)
    data = build()
    if args.check:
        if not TARGET.exists() or TARGET.read_bytes() != data:
            print(f"{TARGET} is out of date: run tools/make_reference_docx.py", file=sys.stderr)
            return 1
        return 0
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_bytes(data)
    kinds = {WD_STYLE_TYPE.PARAGRAPH: 0, WD_STYLE_TYPE.CHARACTER: 0, WD_STYLE_TYPE.TABLE: 0}
    for style in Document(io.BytesIO(data)).styles:
        if style.type in kinds:
            kinds[style.type] += 1
    print(f"wrote {TARGET.relative_to(ROOT)} ({len(data):,} bytes; styles: {kinds})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
