"""DOCX export: a Word document in the office's template, with real Word styles.

python-docx opens the reference template (ours: resources/templates/reference.docx,
or the office's letterhead) and provides the package: styles, relationships,
images, core properties and saving. The body itself is written as one
WordprocessingML string and parsed once: building thousands of paragraphs through
python-docx's object API is what would make a 20,000-word item slow (pandoc
takes ~280 ms; our budget is 150 ms).

What the web team and Word get:
* styles looked up by name (a Russian Word stores localized style ids), added
  from export/docx_styles.py when the template lacks them: Title, Lead,
  Dateline, Heading 2/3, List Bullet/List Number (nesting by numbering level,
  each ordered list restarting at its own `start`), Quote, Figure + Caption,
  Hyperlink, Separator, Signature and the Editorial Table table style;
* images embedded at their own size, shrunk to the text width (and to 60 % of
  the page height), with the caption below and `alt` as the picture's
  description; WebP, which Word does not read, becomes a bracketed placeholder;
* ru-RU as the language of the whole document (spell-checking), and core
  properties: title, author, created/modified, subject = rubric, keywords = tags.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Final

from docx import Document
from docx.document import Document as DocxDocument
from docx.image.exceptions import UnrecognizedImageError
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.packuri import PackURI
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.parts.document import DocumentPart
from docx.parts.numbering import NumberingPart
from docx.shared import Inches

from editorial_desk.document.tree import Element, Node
from editorial_desk.document.vocabulary import INLINE_TAGS, LINK_SCHEMES
from editorial_desk.domain.article import ArticleSnapshot
from editorial_desk.domain.assets import AssetData, sha_from_src
from editorial_desk.domain.errors import ValidationError
from editorial_desk.export.body import body_and_signature
from editorial_desk.export.docx_styles import LANGUAGE, Role, ensure_styles, set_language
from editorial_desk.export.meta import dateline
from editorial_desk.export.options import ExportContext, ExportOptions
from editorial_desk.export.typography import typograph

_TEMPLATE_RESOURCE: Final = ("editorial_desk.resources", "templates/reference.docx")
_NAMESPACES: Final = nsdecls("w", "r", "wp", "a", "pic")
_MAX_LEVEL: Final = 8  # Word's list levels are 0-8
_MAX_COLUMNS: Final = 63  # Word's limit
_XML_INVALID_RE: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SCHEME_RE: Final = re.compile(r"([a-z][a-z0-9+.\-]*):")
_FORMAT_TAGS: Final = ("strong", "em", "s", "u", "sub", "sup")
_BULLETS: Final = ("•", "◦", "▪")


# -- the template ---------------------------------------------------------------------


@lru_cache(maxsize=4)
def _template_bytes(path: str | None, _mtime_ns: int, _size: int) -> bytes:
    if path is None:
        package, name = _TEMPLATE_RESOURCE
        return resources.files(package).joinpath(name).read_bytes()
    return Path(path).read_bytes()


def _open_template(reference: Path | None) -> DocxDocument:
    """A fresh Document from the template; the file is read once per change."""
    try:
        if reference is None:
            data = _template_bytes(None, 0, 0)
        else:
            stat = reference.stat()
            data = _template_bytes(str(reference), stat.st_mtime_ns, stat.st_size)
        return Document(io.BytesIO(data))
    except (OSError, PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ValidationError(
            f"cannot use {reference or 'the bundled template'} as the Word template: "
            f"{getattr(exc, 'strerror', None) or exc}"
        ) from None


def _xml_text(text: str) -> str:
    text = _XML_INVALID_RE.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _xml_attr(text: str) -> str:
    return _xml_text(text).replace('"', "&quot;")


# -- numbering --------------------------------------------------------------------------


def _abstract_num_xml(abstract_id: int, ordered: bool) -> str:
    levels = []
    for level in range(_MAX_LEVEL + 1):
        left = 720 * (level + 1)
        if ordered:
            fmt, text, font = "decimal", f"%{level + 1}.", ""
        else:
            bullet = _BULLETS[level % len(_BULLETS)]
            fmt, text = "bullet", bullet
            font = '<w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:hint="default"/></w:rPr>'
        levels.append(
            f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{left}" w:hanging="360"/></w:pPr>{font}</w:lvl>'
        )
    return (
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        '<w:multiLevelType w:val="hybridMultilevel"/>' + "".join(levels) + "</w:abstractNum>"
    )


class _Numbering:
    """Our list definitions, added to whatever numbering the template has."""

    def __init__(self, part: DocumentPart) -> None:
        try:
            numbering_part = part.part_related_by(RT.NUMBERING)
        except KeyError:
            element = parse_xml(f"<w:numbering {nsdecls('w')}/>")
            numbering_part = NumberingPart(
                PackURI("/word/numbering.xml"), CT.WML_NUMBERING, element, part.package
            )
            part.relate_to(numbering_part, RT.NUMBERING)
        self.element = numbering_part.element
        abstract_ids = [
            int(e.get(qn("w:abstractNumId")))
            for e in self.element.iterchildren(qn("w:abstractNum"))
        ]
        num_ids = [int(e.get(qn("w:numId"))) for e in self.element.iterchildren(qn("w:num"))]
        self._next_abstract = max(abstract_ids, default=0) + 1
        self._next_num = max(num_ids, default=0) + 1
        self._abstract: dict[bool, int] = {}
        self._bullets: int | None = None

    def _abstract_id(self, ordered: bool) -> int:
        if ordered not in self._abstract:
            abstract_id = self._next_abstract
            self._next_abstract += 1
            element = parse_xml(_abstract_num_xml(abstract_id, ordered))
            first_num = self.element.find(qn("w:num"))
            if first_num is not None:
                first_num.addprevious(element)  # the schema wants every abstractNum first
            else:
                self.element.append(element)
            self._abstract[ordered] = abstract_id
        return self._abstract[ordered]

    def _add_num(self, abstract_id: int, override: str = "") -> int:
        num_id = self._next_num
        self._next_num += 1
        element = parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}">'
            f'<w:abstractNumId w:val="{abstract_id}"/>{override}</w:num>'
        )
        cleanup = self.element.find(qn("w:numIdMacAtCleanup"))
        if cleanup is not None:
            cleanup.addprevious(element)
        else:
            self.element.append(element)
        return num_id

    def bullets(self) -> int:
        if self._bullets is None:
            self._bullets = self._add_num(self._abstract_id(False))
        return self._bullets

    def ordered(self, level: int, start: int) -> int:
        """A new instance per list, so each one starts at its own number."""
        override = (
            f'<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
        )
        return self._add_num(self._abstract_id(True), override)


# -- the body -------------------------------------------------------------------------------


@dataclass(slots=True)
class _Context:
    """Where a block is being written: its paragraph style, inherited run formats,
    and, inside a list item, the numbering the item's first paragraph takes."""

    style: Role = Role.NORMAL
    formats: tuple[str, ...] = ()
    level: int = -1  # list nesting level, -1 outside lists
    num_id: int | None = None
    item_started: bool = True  # False until a list item's first paragraph is out

    def paragraph_style(self) -> tuple[Role, str]:
        """The style and the numbering/indent XML for the next paragraph."""
        if self.level < 0:
            return self.style, ""
        if not self.item_started:
            self.item_started = True
            return self.style, (
                f'<w:numPr><w:ilvl w:val="{self.level}"/><w:numId w:val="{self.num_id}"/></w:numPr>'
            )
        return Role.LIST_CONTINUE, f'<w:ind w:left="{720 * (self.level + 1)}"/>'


class _BodyWriter:
    def __init__(
        self, document: DocxDocument, assets: Mapping[str, AssetData], style_ids: dict[Role, str]
    ) -> None:
        self.part: DocumentPart = document.part
        self.assets = assets
        self.style_ids = style_ids
        self.numbering = _Numbering(self.part)
        self.out: list[str] = []
        self._shape_id = 0
        self._images: dict[str, tuple[str, int, int] | None] = {}
        section = document.sections[-1]
        width = (section.page_width or Inches(8.27)) - (section.left_margin or 0)
        width -= section.right_margin or 0
        height = (section.page_height or Inches(11.69)) - (section.top_margin or 0)
        height -= section.bottom_margin or 0
        self.text_width = max(int(width), int(Inches(2)))
        self.max_image_height = max(int(height * 0.6), int(Inches(2)))

    # paragraphs

    def paragraph(self, style: Role, runs: str, extra_ppr: str = "") -> None:
        self.out.append(
            f'<w:p><w:pPr><w:pStyle w:val="{self.style_ids[style]}"/>{extra_ppr}</w:pPr>'
            f"{runs}</w:p>"
        )

    def text_paragraph(self, style: Role, text: str) -> None:
        self.paragraph(style, self.text_run(text, ()))

    # runs

    def run_properties(self, formats: tuple[str, ...], link: bool) -> str:
        props = []
        if link:
            props.append(f'<w:rStyle w:val="{self.style_ids[Role.HYPERLINK]}"/>')
        if "strong" in formats:
            props.append("<w:b/><w:bCs/>")
        if "em" in formats:
            props.append("<w:i/><w:iCs/>")
        if "s" in formats:
            props.append("<w:strike/>")
        if "u" in formats:
            props.append('<w:u w:val="single"/>')
        if "sub" in formats:
            props.append('<w:vertAlign w:val="subscript"/>')
        elif "sup" in formats:
            props.append('<w:vertAlign w:val="superscript"/>')
        return f"<w:rPr>{''.join(props)}</w:rPr>" if props else ""

    def text_run(self, text: str, formats: tuple[str, ...], link: bool = False) -> str:
        return (
            f"<w:r>{self.run_properties(formats, link)}"
            f'<w:t xml:space="preserve">{_xml_text(text)}</w:t></w:r>'
        )

    def runs(self, nodes: list[Node], formats: tuple[str, ...], link: bool = False) -> str:
        parts: list[str] = []
        for node in nodes:
            if isinstance(node, str):
                if node:
                    parts.append(self.text_run(node, formats, link))
                continue
            tag = node.tag
            if tag == "br":
                parts.append(f"<w:r>{self.run_properties(formats, link)}<w:br/></w:r>")
            elif tag == "img":
                parts.append(self.picture(node, formats))
            elif tag == "a" and not link:
                parts.append(self.hyperlink(node, formats))
            elif tag in _FORMAT_TAGS:
                parts.append(self.runs(node.children, (*formats, tag), link))
            else:
                parts.append(self.runs(node.children, formats, link))
        return "".join(parts)

    def hyperlink(self, element: Element, formats: tuple[str, ...]) -> str:
        href = element.attrs.get("href", "")
        match = _SCHEME_RE.match(href)
        if match is None or match[1] not in LINK_SCHEMES:
            return self.runs(element.children, formats)
        inner = self.runs(element.children, formats, link=True)
        rid = self.part.relate_to(href, RT.HYPERLINK, is_external=True)
        tooltip = element.attrs.get("title")
        tip = f' w:tooltip="{_xml_attr(tooltip)}"' if tooltip else ""
        return f'<w:hyperlink r:id="{rid}"{tip} w:history="1">{inner}</w:hyperlink>'

    def _embed(self, asset: AssetData) -> tuple[str, int, int] | None:
        if asset.sha256 not in self._images:
            try:
                rid, image = self.part.get_or_add_image(io.BytesIO(asset.data))
            except (UnrecognizedImageError, ValueError, KeyError, IndexError):
                self._images[asset.sha256] = None  # WebP or damaged: Word cannot show it
            else:
                cx, cy = int(image.width), int(image.height)
                if cx <= 0 or cy <= 0:
                    cx, cy = self.text_width, self.text_width * 3 // 4
                scale = min(1.0, self.text_width / cx, self.max_image_height / cy)
                self._images[asset.sha256] = (rid, int(cx * scale), int(cy * scale))
        return self._images[asset.sha256]

    def picture(self, element: Element, formats: tuple[str, ...]) -> str:
        digest = sha_from_src(element.attrs.get("src", ""))
        asset = self.assets.get(digest) if digest else None
        if asset is None:
            return ""  # not in the store any more: the caption still says what it was
        alt = element.attrs.get("alt", "")
        embedded = self._embed(asset)
        if embedded is None:
            label = alt or asset.filename or "изображение"
            return self.text_run(f"[Изображение: {label}]", (*formats, "em"))
        rid, cx, cy = embedded
        self._shape_id += 1
        shape = self._shape_id
        name = _xml_attr(asset.filename or f"image{shape}{asset.extension}")
        descr = _xml_attr(alt)
        return (
            '<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
            f'<wp:extent cx="{cx}" cy="{cy}"/>'
            f'<wp:docPr id="{shape}" name="Picture {shape}" descr="{descr}"/>'
            '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
            '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
            f'<pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="{name}" descr="{descr}"/>'
            "<pic:cNvPicPr/>"
            f'</pic:nvPicPr><pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/>'
            '</a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/>'
            f'<a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
            "</a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline>"
            "</w:drawing></w:r>"
        )

    # blocks

    def flow(self, nodes: list[Node], context: _Context) -> None:
        """Blocks as paragraphs/tables; each run of loose inline content between
        blocks (in a list item, a cell, a figure) becomes a paragraph of its own."""
        inline: list[Node] = []
        for node in nodes:
            if isinstance(node, str) or node.tag in INLINE_TAGS:
                inline.append(node)
                continue
            self._inline_paragraph(inline, context)
            inline = []
            self.block(node, context)
        self._inline_paragraph(inline, context)
        if not context.item_started:  # an empty list item still takes its number
            style, ppr = context.paragraph_style()
            self.paragraph(style, "", ppr)

    def _inline_paragraph(self, nodes: list[Node], context: _Context) -> None:
        if not any(not isinstance(n, str) or n.strip() for n in nodes):
            return
        style, ppr = context.paragraph_style()
        self.paragraph(style, self.runs(nodes, context.formats), ppr)

    def block(self, element: Element, context: _Context) -> None:
        tag = element.tag
        if tag == "p":
            style, ppr = context.paragraph_style()
            self.paragraph(style, self.runs(element.children, context.formats), ppr)
        elif tag in ("h2", "h3"):
            role = Role.HEADING_2 if tag == "h2" else Role.HEADING_3
            self.paragraph(role, self.runs(element.children, context.formats))
        elif tag in ("ul", "ol"):
            self.list(element, context)
        elif tag == "blockquote":
            self.flow(element.children, replace(context, style=Role.QUOTE))
        elif tag == "figure":
            self.flow(element.children, replace(context, style=Role.FIGURE, level=-1))
        elif tag == "figcaption":
            self.paragraph(Role.CAPTION, self.runs(element.children, context.formats))
        elif tag == "table":
            self.table(element)
        elif tag == "hr":
            self.paragraph(Role.SEPARATOR, "")
        else:  # li, tr, td ... out of place: keep their content
            self.flow(element.children, context)

    def list(self, element: Element, context: _Context) -> None:
        level = min(context.level + 1, _MAX_LEVEL)
        ordered = element.tag == "ol"
        if ordered:
            try:
                start = int(element.attrs.get("start", "1"))
            except ValueError:
                start = 1
            num_id = self.numbering.ordered(level, max(start, 0))
        else:
            num_id = self.numbering.bullets()
        style = Role.LIST_NUMBER if ordered else Role.LIST_BULLET
        for item in element.children:
            if isinstance(item, str):
                continue
            item_context = _Context(style, context.formats, level, num_id, item_started=False)
            self.flow(item.children if item.tag == "li" else [item], item_context)

    def table(self, element: Element) -> None:
        rows: list[tuple[Element, bool]] = []
        for part in element.children:
            if isinstance(part, Element) and part.tag in ("thead", "tbody"):
                header = part.tag == "thead"
                rows += [(r, header) for r in part.children if isinstance(r, Element)]
            elif isinstance(part, Element) and part.tag == "tr":
                rows.append((part, False))
        if not rows:
            return
        # Lay the cells out on a grid first: a rowspan leaves continuation cells
        # (vMerge) in the rows below, and every row is padded to the full width.
        covered: dict[tuple[int, int], int] = {}  # (row, col) -> colspan of a vMerge continuation
        blocked: set[tuple[int, int]] = set()
        placed: list[dict[int, tuple[Element, int, bool]]] = []
        columns = 1
        for r, (tr, _header) in enumerate(rows):
            cells: dict[int, tuple[Element, int, bool]] = {}
            col = 0
            for cell in tr.children:
                if not isinstance(cell, Element) or cell.tag not in ("td", "th"):
                    continue
                while (r, col) in blocked:
                    col += 1
                if col >= _MAX_COLUMNS:
                    break
                colspan = _span(cell, "colspan", _MAX_COLUMNS - col)
                for offset in range(1, colspan):
                    if (r, col + offset) in blocked:
                        colspan = offset
                        break
                rowspan = _span(cell, "rowspan", len(rows) - r)
                cells[col] = (cell, colspan, rowspan > 1)
                for down in range(1, rowspan):
                    covered[(r + down, col)] = colspan
                    blocked.update((r + down, col + c) for c in range(colspan))
                col += colspan
            placed.append(cells)
            columns = max(columns, col)
        columns = max([columns, *(c + span for (_, c), span in covered.items())])
        columns = min(columns, _MAX_COLUMNS)
        width = self.text_width // 635  # EMU -> twips
        column_width = max(width // columns, 200)
        has_header = rows[0][1]
        out = self.out
        out.append(
            f'<w:tbl><w:tblPr><w:tblStyle w:val="{self.style_ids[Role.TABLE]}"/>'
            '<w:tblW w:w="5000" w:type="pct"/>'
            f'<w:tblLook w:val="04A0" w:firstRow="{int(has_header)}" w:lastRow="0" '
            'w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
            "<w:tblGrid>" + f'<w:gridCol w:w="{column_width}"/>' * columns + "</w:tblGrid>"
        )
        for r, (_tr, header) in enumerate(rows):
            out.append("<w:tr>" + ("<w:trPr><w:tblHeader/></w:trPr>" if header else ""))
            col = 0
            while col < columns:
                if (r, col) in covered:
                    span = covered[(r, col)]
                    out.append(self._cell_xml(None, span, column_width, "continue"))
                elif col in placed[r]:
                    cell, span, merged = placed[r][col]
                    out.append(
                        self._cell_xml(cell, span, column_width, "restart" if merged else None)
                    )
                else:
                    span = 1
                    out.append(self._cell_xml(None, 1, column_width, None))
                col += max(span, 1)
            out.append("</w:tr>")
        out.append("</w:tbl>")

    def _cell_xml(
        self, cell: Element | None, span: int, column_width: int, merge: str | None
    ) -> str:
        props = f'<w:tcW w:w="{column_width * span}" w:type="dxa"/>'
        if span > 1:
            props += f'<w:gridSpan w:val="{span}"/>'
        if merge == "restart":
            props += '<w:vMerge w:val="restart"/>'
        elif merge == "continue":
            props += "<w:vMerge/>"
        content = ""
        if cell is not None:
            saved, self.out = self.out, []
            formats = ("strong",) if cell.tag == "th" else ()
            self.flow(cell.children, _Context(Role.NORMAL, formats))
            content = "".join(self.out)
            self.out = saved
        if not content or not content.endswith("</w:p>"):
            content += "<w:p/>"  # a cell must end with a paragraph
        return f"<w:tc><w:tcPr>{props}</w:tcPr>{content}</w:tc>"


def _span(cell: Element, name: str, limit: int) -> int:
    try:
        value = int(cell.attrs.get(name, "1"))
    except ValueError:
        value = 1
    return max(1, min(value, limit))


# -- document-level settings -----------------------------------------------------------


def _set_language(document: DocxDocument) -> None:
    """ru-RU everywhere, so Word spell-checks the text as Russian whatever the
    office template said."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = parse_xml(f"<w:docDefaults {nsdecls('w')}/>")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = parse_xml(f"<w:rPrDefault {nsdecls('w')}><w:rPr/></w:rPrDefault>")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = parse_xml(f"<w:rPr {nsdecls('w')}/>")
        rpr_default.append(rpr)
    set_language(rpr)
    for lang in styles.iter(qn("w:lang")):
        lang.set(qn("w:val"), LANGUAGE)


def _set_properties(
    document: DocxDocument, article: ArticleSnapshot, context: ExportContext
) -> None:
    core = document.core_properties
    core.title = article.title
    core.author = article.author_name or article.author_login
    core.subject = article.rubric
    core.keywords = ", ".join(article.tags)
    core.comments = ""
    core.category = ""
    core.language = LANGUAGE
    core.content_status = article.status.value
    # python-docx writes the datetime's fields with a "Z": hand it UTC.
    core.created = article.created_at.astimezone(UTC).replace(tzinfo=None)
    core.modified = article.updated_at.astimezone(UTC).replace(tzinfo=None)
    core.last_modified_by = context.exported_by or core.author
    core.revision = 1
    core.version = str(article.version)
    identifier = f"editorial-desk:article:{article.id}"
    if context.revision_id is not None:
        identifier += f":revision:{context.revision_id}"
    core.identifier = identifier


def docx_bytes(
    article: ArticleSnapshot,
    assets: Mapping[str, AssetData],
    options: ExportOptions | None = None,
    context: ExportContext | None = None,
) -> bytes:
    """The article as a .docx file (its bytes)."""
    options = options or ExportOptions()
    context = context or ExportContext()
    document = _open_template(options.reference_docx)
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)  # a letterhead's sample text is not part of the item
    writer = _BodyWriter(document, assets, ensure_styles(document.styles))
    fix = typograph if options.typography else str
    if options.header_block and (line := dateline(article, options)):
        writer.text_paragraph(Role.DATELINE, line)
    writer.text_paragraph(Role.TITLE, fix(article.title))
    if article.lead:
        writer.text_paragraph(Role.LEAD, fix(article.lead))
    root, signature = body_and_signature(article, options)
    writer.flow(root.children, _Context())
    if signature:
        writer.text_paragraph(Role.SIGNATURE, signature)
    elif writer.out and writer.out[-1].endswith("</w:tbl>"):
        writer.paragraph(Role.NORMAL, "")  # Word wants a paragraph after a final table
    fragment = parse_xml(f"<w:body {_NAMESPACES}>{''.join(writer.out)}</w:body>")
    section = body.find(qn("w:sectPr"))
    for child in list(fragment):
        if section is not None:
            section.addprevious(child)
        else:
            body.append(child)
    _set_language(document)
    _set_properties(document, article, context)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
