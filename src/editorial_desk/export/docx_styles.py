"""The Word styles our DOCX files use, defined once.

`tools/make_reference_docx.py` builds resources/templates/reference.docx from
these definitions. An office may replace that file with its own letterhead (the
`reference_docx` export setting, like pandoc's --reference-doc); whatever styles
its template lacks are added at export time from the same definitions, so a
document never falls back to unstyled text.

Built-in Word styles keep their built-in names (Word shows them translated,
e.g. «Заголовок 2», and a Russian Word stores them with localized ids, which is
why the exporter looks styles up by name, never by id).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Pt, RGBColor
from docx.styles.style import BaseStyle, CharacterStyle, ParagraphStyle
from docx.styles.styles import Styles

LANGUAGE: Final = "ru-RU"
BODY_FONT: Final = "Times New Roman"  # on every office PC, full Cyrillic
HEADING_FONT: Final = "Arial"


class Role(StrEnum):
    """What a style is for; the value is its (English, built-in where possible) name."""

    NORMAL = "Normal"
    TITLE = "Title"
    LEAD = "Lead"
    DATELINE = "Dateline"
    HEADING_2 = "Heading 2"
    HEADING_3 = "Heading 3"
    LIST_BULLET = "List Bullet"
    LIST_NUMBER = "List Number"
    LIST_CONTINUE = "List Continue"
    QUOTE = "Quote"
    FIGURE = "Figure"
    CAPTION = "Caption"
    SEPARATOR = "Separator"
    SIGNATURE = "Signature"
    HYPERLINK = "Hyperlink"
    TABLE = "Editorial Table"


@dataclass(frozen=True, slots=True)
class StyleSpec:
    role: Role
    kind: WD_STYLE_TYPE = WD_STYLE_TYPE.PARAGRAPH
    base: Role | None = Role.NORMAL
    font: str | None = None
    size: float | None = None  # points
    bold: bool | None = None
    italic: bool | None = None
    underline: bool | None = None
    color: str | None = None  # RRGGBB
    space_before: float | None = None  # points
    space_after: float | None = None
    line_spacing: float | None = None  # multiple of single
    left_indent: float | None = None  # points
    align: WD_ALIGN_PARAGRAPH | None = None
    keep_with_next: bool | None = None
    bottom_border: bool = False
    outline_level: int | None = None  # 0-based; Word's navigation pane
    next_role: Role | None = None


STYLE_SPECS: Final[tuple[StyleSpec, ...]] = (
    StyleSpec(
        Role.NORMAL, base=None, font=BODY_FONT, size=12, space_before=0, space_after=6,
        line_spacing=1.15,
    ),
    StyleSpec(
        Role.TITLE, font=HEADING_FONT, size=20, bold=True, space_after=12, line_spacing=1.0,
        keep_with_next=True, next_role=Role.LEAD,
    ),
    StyleSpec(Role.LEAD, bold=True, space_after=12, next_role=Role.NORMAL),
    StyleSpec(
        Role.DATELINE, font=HEADING_FONT, size=9, color="6B6B6B", space_after=6,
        keep_with_next=True, next_role=Role.TITLE,
    ),
    StyleSpec(
        Role.HEADING_2, font=HEADING_FONT, size=14, bold=True, color="1F1F1F",
        space_before=14, space_after=6, keep_with_next=True, outline_level=1,
        next_role=Role.NORMAL,
    ),
    StyleSpec(
        Role.HEADING_3, font=HEADING_FONT, size=12, bold=True, color="1F1F1F",
        space_before=10, space_after=4, keep_with_next=True, outline_level=2,
        next_role=Role.NORMAL,
    ),
    StyleSpec(Role.LIST_BULLET, space_after=3),
    StyleSpec(Role.LIST_NUMBER, space_after=3),
    StyleSpec(Role.LIST_CONTINUE, space_after=3, left_indent=36),
    StyleSpec(Role.QUOTE, italic=True, color="333333", left_indent=28, space_before=6),
    StyleSpec(
        Role.FIGURE, align=WD_ALIGN_PARAGRAPH.CENTER, space_before=6, space_after=2,
        line_spacing=1.0, keep_with_next=True,
    ),
    StyleSpec(Role.CAPTION, font=HEADING_FONT, size=9, italic=True, color="555555", space_after=10),
    StyleSpec(Role.SEPARATOR, size=6, space_before=6, space_after=12, bottom_border=True),
    StyleSpec(Role.SIGNATURE, italic=True, space_before=12),
    StyleSpec(
        Role.HYPERLINK, kind=WD_STYLE_TYPE.CHARACTER, base=None, color="0563C1", underline=True
    ),
    StyleSpec(Role.TABLE, kind=WD_STYLE_TYPE.TABLE, base=None),
)  # fmt: skip

SPEC_BY_ROLE: Final = {spec.role: spec for spec in STYLE_SPECS}

_CUSTOM_ROLES: Final = frozenset(
    {Role.LEAD, Role.DATELINE, Role.FIGURE, Role.SEPARATOR, Role.TABLE}
)
"""Ours; every other role is a Word built-in, added as one so Word localizes its name."""

_W_NS: Final = nsdecls("w")


# Word rejects a document whose properties are out of schema order ("unreadable
# content"), so elements python-docx has no setter for are inserted in place.
_PPR_ORDER: Final = (
    *("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl"),
    *("numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens"),
    *("kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN"),
    *("bidi", "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing"),
    *("mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment"),
    *("textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange"),
)
_RPR_TAIL: Final = ("eastAsianLayout", "specVanish", "oMath")  # what follows w:lang


def _insert_in_order(
    parent: BaseOxmlElement, element: BaseOxmlElement, order: tuple[str, ...] | list[str]
) -> None:
    """Insert `element` before the first sibling that the schema puts after it."""
    name = element.tag.rsplit("}", 1)[-1]
    later = {qn(f"w:{tag}") for tag in order[order.index(name) + 1 :]}
    for child in parent:
        if child.tag in later:
            child.addprevious(element)
            return
    parent.append(element)


def set_language(rpr: BaseOxmlElement) -> None:
    """ru-RU as the language of a run-properties element (style or default)."""
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = parse_xml(f'<w:lang {_W_NS} w:val="{LANGUAGE}"/>')
        _insert_in_order(rpr, lang, ["lang", *_RPR_TAIL])
    lang.set(qn("w:val"), LANGUAGE)


def _set_language(style: BaseStyle) -> None:
    set_language(style.element.get_or_add_rPr())


def _table_style_xml(style_id: str, name: str) -> str:
    """A light grid with a bold, shaded header row (the `firstRow` condition),
    repeated on every page by the exporter's `tblHeader` rows."""
    border = 'w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"'
    return (
        f'<w:style {_W_NS} w:type="table" w:customStyle="1" w:styleId="{style_id}">'
        f'<w:name w:val="{name}"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>'
        '<w:pPr><w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/></w:pPr>'
        f'<w:rPr><w:sz w:val="22"/><w:lang w:val="{LANGUAGE}"/></w:rPr>'
        "<w:tblPr><w:tblBorders>"
        f"<w:top {border}/><w:left {border}/><w:bottom {border}/><w:right {border}/>"
        f"<w:insideH {border}/><w:insideV {border}/>"
        '</w:tblBorders><w:tblCellMar><w:left w:w="108" w:type="dxa"/>'
        '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>'
        '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr>'
        '<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="EDEDED"/></w:tcPr></w:tblStylePr>'
        "</w:style>"
    )


def _apply(style: BaseStyle, spec: StyleSpec, styles: Styles) -> None:
    if spec.base is not None:
        style.base_style = styles[spec.base.value]
    if isinstance(style, CharacterStyle):  # ParagraphStyle is a CharacterStyle too
        font = style.font
        if spec.font is not None:
            font.name = spec.font
            rfonts = style.element.get_or_add_rPr().get_or_add_rFonts()
            for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
                rfonts.attrib.pop(qn(attr), None)
            rfonts.set(qn("w:cs"), spec.font)
            rfonts.set(qn("w:eastAsia"), spec.font)
        if spec.size is not None:
            font.size = Pt(spec.size)
        if spec.bold is not None:
            font.bold = spec.bold
        if spec.italic is not None:
            font.italic = spec.italic
        if spec.underline is not None:
            font.underline = spec.underline
        if spec.color is not None:
            font.color.rgb = RGBColor.from_string(spec.color)
        _set_language(style)
    if isinstance(style, ParagraphStyle):
        fmt = style.paragraph_format
        if spec.space_before is not None:
            fmt.space_before = Pt(spec.space_before)
        if spec.space_after is not None:
            fmt.space_after = Pt(spec.space_after)
        if spec.line_spacing is not None:
            fmt.line_spacing = spec.line_spacing
        if spec.left_indent is not None:
            fmt.left_indent = Pt(spec.left_indent)
        if spec.align is not None:
            fmt.alignment = spec.align
        if spec.keep_with_next is not None:
            fmt.keep_with_next = spec.keep_with_next
        ppr = style.element.get_or_add_pPr()
        if spec.bottom_border and ppr.find(qn("w:pBdr")) is None:
            border = (
                f'<w:pBdr {_W_NS}><w:bottom w:val="single" w:sz="6" w:space="1" '
                'w:color="A6A6A6"/></w:pBdr>'
            )
            _insert_in_order(ppr, parse_xml(border), _PPR_ORDER)
        if spec.outline_level is not None and ppr.find(qn("w:outlineLvl")) is None:
            level = parse_xml(f'<w:outlineLvl {_W_NS} w:val="{spec.outline_level}"/>')
            _insert_in_order(ppr, level, _PPR_ORDER)
        style.quick_style = True


def add_style(styles: Styles, spec: StyleSpec) -> BaseStyle:
    """Add the style of `spec` to `styles` (it must not be there yet)."""
    if spec.kind == WD_STYLE_TYPE.TABLE:
        element = parse_xml(_table_style_xml(spec.role.value.replace(" ", ""), spec.role.value))
        styles.element.append(element)
        return styles[spec.role.value]
    style = styles.add_style(spec.role.value, spec.kind, builtin=spec.role not in _CUSTOM_ROLES)
    _apply(style, spec, styles)
    return style


def define_style(styles: Styles, spec: StyleSpec) -> BaseStyle:
    """Make the style of `spec` look as specified, adding it when missing (the
    template generator redefines Word's built-ins this way)."""
    try:
        style = styles[spec.role.value]
    except KeyError:
        return add_style(styles, spec)
    if spec.kind != WD_STYLE_TYPE.TABLE:
        _apply(style, spec, styles)
    return style


def link_next_styles(styles: Styles, specs: tuple[StyleSpec, ...] = STYLE_SPECS) -> None:
    """Set "style for following paragraph" (Title → Lead → Normal ...); a second
    pass, because a style may name one defined after it."""
    for spec in specs:
        if spec.next_role is not None:
            style = styles[spec.role.value]
            assert isinstance(style, ParagraphStyle)
            style.next_paragraph_style = styles[spec.next_role.value]


def ensure_styles(styles: Styles) -> dict[Role, str]:
    """Every role's style id in `styles`, adding from STYLE_SPECS what is missing
    (in spec order, so a base style always exists before styles built on it)."""
    ids: dict[Role, str] = {}
    added: list[StyleSpec] = []
    for spec in STYLE_SPECS:
        try:
            style = styles[spec.role.value]
        except KeyError:
            style = add_style(styles, spec)
            added.append(spec)
        ids[spec.role] = style.style_id
    if added:
        link_next_styles(styles, tuple(added))
    return ids
