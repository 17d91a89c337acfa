"""Lossless conversion between the canonical article body and ``QTextDocument``.

The canonical body (``docs/article-format.md``, produced by
:func:`editorial_desk.document.sanitize_body`) is a small semantic HTML subset.
The editor works on a ``QTextDocument``.  This module moves a body between the
two without losing anything the format can express:

* :func:`canonical_to_document` reads the body into a light tree (one regex for
  canonical input, ``html.parser`` for anything else) and builds the document
  with ``QTextCursor`` inside one edit block.  Not ``setHtml``: Qt's importer
  collapses whitespace, underlines links, and has no way to mark blockquote
  groups, captions, header cells or list-item paragraphs so they can be read
  back.
* :func:`document_to_canonical` walks frames, tables, blocks and fragments and
  writes only canonical HTML (never ``toHtml()``: no styles, spans or meta), then
  passes it through ``sanitize_body`` so it is canonical byte for byte.

How the structures are represented in the document
--------------------------------------------------

``p``
    A plain block.  ``li``, ``td``/``th`` and ``figure`` may hold bare inline
    content (``<li>text</li>``) or paragraphs (``<li><p>text</p></li>``); the
    default form is ``p`` at the top level and in a blockquote and bare inline
    in the other containers, and a block in the other form carries
    :data:`BLOCK_FORM` (``"p"`` or ``"inline"``).
``h2``, ``h3``
    ``QTextBlockFormat.headingLevel()``, text in a bold, larger char format
    (:func:`heading_char_format`).  Bold is how a heading looks, so ``<strong>``
    inside a heading is stored as an even heavier weight (``QFont.Black``).
``ul``/``ol``/``li``
    ``QTextList``: disc or decimal style, ``ol start`` as the list format's
    start, nesting depth as its indent.  Further blocks of the same ``li`` (a
    second paragraph, text after a nested list, a quote/table/figure in the
    item) are blocks or tables marked :data:`LIST_CONTINUATION` = the depth of
    the item they belong to.
``blockquote``
    Blocks (and tables) with Qt's own ``QTextFormat.BlockQuoteLevel`` = 1 (what
    Qt's Markdown support uses) plus :data:`QUOTE_GROUP`, an id that keeps two
    adjacent quotes apart and that Enter copies to the new block; indented by
    margins on a light band (:func:`quote_block_format`).
``hr``
    An empty block with ``BlockTrailingHorizontalRulerWidth`` = 100 %, the same
    as Qt's HTML importer makes of ``<hr>``.  Right after a table it follows the
    empty block Qt keeps there (Qt draws that one beside the table).
``figure``/``img``/``figcaption``
    Blocks carrying :data:`FIGURE_GROUP` (centred); the picture is a
    ``QTextImageFormat`` character named ``asset:<sha256>`` with
    ``ImageAltText`` (Qt shows its placeholder until the editor registers the
    image resource), never drawn wider than the text; caption blocks carry
    :data:`BLOCK_ROLE` = :data:`ROLE_CAPTION` and are drawn smaller and grey (size
    and colour are not part of the format, so they never leak into the HTML).
``table``
    ``QTextTable``; ``colspan``/``rowspan`` are merged cells; the leading
    ``thead`` rows are the table's ``headerRowCount``; ``th`` cells carry
    :data:`CELL_HEADER` (and a grey background, not bold text); the first cell of
    every row group carries :data:`ROW_GROUP`; cells that only square up a short
    row carry :data:`CELL_PADDING` and are not written back while empty.
inline
    ``a`` = anchor + href (+ ``title`` as the tool tip), ``strong`` = weight >=
    DemiBold, ``em`` = italic, ``u`` = underline, ``s`` = strike-out,
    ``sub``/``sup`` = vertical alignment, ``br`` = U+2028 (Shift+Enter), ``img``
    = an image character.  Links are blue but *not* underlined
    (:func:`link_char_format`), so ``<a><u>`` stays distinguishable.  Tags are
    written minimally nested in the fixed order a > strong > em > u > s > sub/sup.

What is normalised on purpose (the only ways ``document_to_canonical(
canonical_to_document(x))`` differs from a canonical ``x``; the writer's own
output always loads back identically):

* empty blocks are dropped: paragraphs, headings, captions, list items and
  quotes/figures with nothing visible in them (only spaces or line breaks).  An
  empty paragraph is how the user spaces text with Enter; the format has no
  empty paragraphs (the sanitizer removes them too).  An empty list item is kept
  only as the parent of a nested list;
* a literal U+2028 in text comes back as ``<br>``, a newline as a space;
* nested blockquotes become one quote; ``<sub>`` inside ``<sup>`` keeps the
  inner one; the same tag nested in itself is written once;
* a ``rowspan`` reaching past its row group is clamped (as a browser does).

Editing notes: two bare-inline blocks next to each other in one container
(Enter inside a table cell or a bare list-item line) are written joined by
``<br>``; several caption blocks are one ``figcaption`` with ``<br>``; a rule
block the user typed into is written as the text followed by ``<hr>``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Final, TypeAlias

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrame,
    QTextFrameFormat,
    QTextImageFormat,
    QTextLength,
    QTextListFormat,
    QTextTable,
    QTextTableCell,
    QTextTableCellFormat,
    QTextTableFormat,
)

from editorial_desk.document import sanitize_body
from editorial_desk.document.tree import Element, Node, read_body

__all__ = [
    "BLOCK_FORM",
    "BLOCK_ROLE",
    "CELL_HEADER",
    "CELL_PADDING",
    "FIGURE_GROUP",
    "LIST_CONTINUATION",
    "QUOTE_GROUP",
    "ROLE_CAPTION",
    "ROW_GROUP",
    "canonical_to_document",
    "caption_char_format",
    "document_to_canonical",
    "heading_char_format",
    "link_char_format",
    "quote_block_format",
    "set_block_spacing",
]

# ---------------------------------------------------------------------------
# Custom format properties (public: the editor's actions set the same ones)
# ---------------------------------------------------------------------------

_USER: Final = int(QTextFormat.Property.UserProperty.value)
QUOTE_GROUP: Final = _USER + 0x101
"""Block/table property (int): which ``blockquote`` the block belongs to."""
FIGURE_GROUP: Final = _USER + 0x102
"""Block/table property (int): which ``figure`` the block belongs to."""
BLOCK_ROLE: Final = _USER + 0x103
"""Block property (str): :data:`ROLE_CAPTION` for a ``figcaption`` block."""
BLOCK_FORM: Final = _USER + 0x104
"""Block property (str): ``"p"`` or ``"inline"`` when not the container's default."""
LIST_CONTINUATION: Final = _USER + 0x105
"""Block/table property (int): depth of the list item this block continues."""
CELL_HEADER: Final = _USER + 0x106
"""Table cell property (bool): the cell is a ``th``."""
CELL_PADDING: Final = _USER + 0x107
"""Table cell property (bool): the cell only squares up a short row."""
ROW_GROUP: Final = _USER + 0x108
"""Table cell property (str): ``"thead"``/``"tbody"`` starts at this cell's row."""

ROLE_CAPTION: Final = "caption"

_QUOTE_LEVEL: Final = int(QTextFormat.Property.BlockQuoteLevel.value)
_HR_WIDTH: Final = int(QTextFormat.Property.BlockTrailingHorizontalRulerWidth.value)
_ALT: Final = int(QTextFormat.Property.ImageAltText.value)
_TOOLTIP: Final = int(QTextFormat.Property.TextToolTip.value)
_SIZE_ADJUST: Final = int(QTextFormat.Property.FontSizeAdjustment.value)

_LINK_SCHEMES: Final = frozenset({"http", "https", "mailto", "tel"})
_LINK_COLOR: Final = QColor(0x1A, 0x57, 0xB6)
_CAPTION_COLOR: Final = QColor(0x55, 0x55, 0x55)
_HEADER_CELL_BACKGROUND: Final = QColor(0xEE, 0xEE, 0xEE)
_QUOTE_MARGIN: Final = 28.0
# Translucent, so a quote reads as one on light and dark palettes alike.
_QUOTE_BACKGROUND: Final = QColor(127, 127, 127, 36)
_FULL_WIDTH: Final = QTextLength(QTextLength.Type.PercentageLength, 100)

_BOLD: Final = int(QFont.Weight.Bold.value)
_DEMIBOLD: Final = int(QFont.Weight.DemiBold.value)
_BLACK: Final = int(QFont.Weight.Black.value)
_SUB: Final = QTextCharFormat.VerticalAlignment.AlignSubScript
_SUP: Final = QTextCharFormat.VerticalAlignment.AlignSuperScript
_NUMBERED: Final = frozenset(
    {
        QTextListFormat.Style.ListDecimal,
        QTextListFormat.Style.ListLowerAlpha,
        QTextListFormat.Style.ListUpperAlpha,
        QTextListFormat.Style.ListLowerRoman,
        QTextListFormat.Style.ListUpperRoman,
    }
)

_HTML_SPACE: Final = " \t\n\r\f"
_BLANK: Final = _HTML_SPACE + "\u2028\u2029"

# ---------------------------------------------------------------------------
# Format factories shared with the editor's actions
# ---------------------------------------------------------------------------


def heading_char_format(level: int) -> QTextCharFormat:
    """The char format of heading text (``level`` 2 or 3): bold and larger."""
    fmt = QTextCharFormat()
    fmt.setFontWeight(_BOLD)
    fmt.setProperty(_SIZE_ADJUST, 2 if level <= 2 else 1)
    return fmt


def link_char_format(href: str, title: str | None = None) -> QTextCharFormat:
    """What a link looks like: an anchor, blue, *not* underlined (``u`` is separate)."""
    fmt = QTextCharFormat()
    fmt.setAnchor(True)
    fmt.setAnchorHref(href)
    fmt.setForeground(_LINK_COLOR)
    if title is not None:
        fmt.setToolTip(title)
    return fmt


def caption_char_format() -> QTextCharFormat:
    """What caption text looks like: smaller and grey (neither is part of the format)."""
    fmt = QTextCharFormat()
    fmt.setProperty(_SIZE_ADJUST, -1)
    fmt.setForeground(_CAPTION_COLOR)
    return fmt


def set_block_spacing(fmt: QTextBlockFormat, heading: int = 0) -> None:
    """Give a paragraph (``heading`` 0) or heading block its vertical margins."""
    if heading:
        fmt.setTopMargin(12.0)
    else:
        fmt.clearProperty(QTextFormat.Property.BlockTopMargin)
    fmt.setBottomMargin(6.0)


def quote_block_format(group: int) -> QTextBlockFormat:
    """Block format of a paragraph inside ``blockquote`` number ``group`` (> 0)."""
    fmt = QTextBlockFormat()
    _make_quote(fmt, group)
    return fmt


def _make_quote(fmt: QTextBlockFormat, group: int) -> None:
    fmt.setProperty(_QUOTE_LEVEL, 1)
    fmt.setProperty(QUOTE_GROUP, group)
    fmt.setLeftMargin(_QUOTE_MARGIN)
    fmt.setRightMargin(_QUOTE_MARGIN)
    fmt.setBackground(_QUOTE_BACKGROUND)


# ---------------------------------------------------------------------------
# Parsing canonical HTML into a light tree
# ---------------------------------------------------------------------------


# The tree comes from the one canonical reader (document/tree.py); anything that
# is not canonical is sanitized there first, so the editor loads exactly what the
# store would keep.
_Element: TypeAlias = Element
_Node: TypeAlias = Node

_INLINE: Final = frozenset(
    {"strong", "b", "em", "i", "u", "ins", "s", "strike", "del", "sub", "sup", "a", "br"}
    | {"img", "span", "font", "small", "big", "code", "mark", "abbr", "cite", "q", "wbr"}
)
_RENAMED: Final = {"h1": "h2", "h4": "h3", "h5": "h3", "h6": "h3", "tfoot": "tbody"}


# ---------------------------------------------------------------------------
# canonical -> QTextDocument
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, eq=False)
class _Ctx:
    """Where blocks are being created (compared by identity, see _Builder.block)."""

    default_form: str = "p"
    quote: int = 0
    figure: int = 0
    cont: int = 0  # depth of the enclosing list item, 0 outside lists


class _ListState:
    __slots__ = ("fmt", "list_index")

    def __init__(self, fmt: QTextListFormat) -> None:
        self.fmt = fmt
        self.list_index = -1


_NEEDS_CLEANUP: Final = re.compile("[\r\n\u2029\ufffc\ufdd0\ufdd1]")


def _clean_text(text: str) -> str:
    """Text as it may go into a block: no block separators, no object characters."""
    if _NEEDS_CLEANUP.search(text) is None:
        return text
    text = text.replace("\r\n", " ").replace("\r", " ").replace("\n", " ")
    text = text.replace("\u2029", " ")
    return text.replace("\ufffc", "").replace("\ufdd0", "").replace("\ufdd1", "")


def _has_content(nodes: list[_Node]) -> bool:
    return any(not isinstance(node, str) or node.strip(_HTML_SPACE) for node in nodes)


class _Builder:
    def __init__(self, cursor: QTextCursor) -> None:
        self.cursor = cursor
        self.fresh = True  # the cursor's block exists but has not been used yet
        self.after_table = False  # the cursor's block is the one right after a table
        self.pending: tuple[_Ctx, _ListState] | None = None
        self._next_group = 0

    def group_id(self) -> int:
        self._next_group += 1
        return self._next_group

    # -- blocks ------------------------------------------------------------

    def _new_block(self, bfmt: QTextBlockFormat, cfmt: QTextCharFormat) -> None:
        after_table, self.after_table = self.after_table, False
        if self.fresh and after_table and bfmt.hasProperty(_HR_WIDTH):
            # Qt lays out an empty block right after a table *beside* the table (it
            # is where the cursor goes past the last cell), so a rule there would be
            # drawn to the right of the table: the rule gets a block of its own, and
            # the empty one stays (the writer drops empty blocks).
            self.fresh = False
        if self.fresh:
            self.cursor.setBlockFormat(bfmt)
            if cfmt.propertyCount():
                # Merge, never set: in a table cell this char format *is* the
                # cell format (spans, header flag) and must survive.
                self.cursor.mergeBlockCharFormat(cfmt)
            self.fresh = False
        else:
            self.cursor.insertBlock(bfmt, cfmt)

    def _materialize_item(self) -> None:
        """The list item starts with something that cannot be its first line."""
        assert self.pending is not None
        ctx, state = self.pending
        self.pending = None
        self._make_block(ctx, state, None, 0, False, False)

    def block(
        self,
        ctx: _Ctx,
        *,
        form: str | None = None,
        heading: int = 0,
        caption: bool = False,
        hr: bool = False,
    ) -> QTextCharFormat:
        """Start a new block in ``ctx``; return the base char format for its text."""
        item: _ListState | None = None
        if self.pending is not None:
            if self.pending[0] is ctx:
                item = self.pending[1]
                self.pending = None
            else:
                self._materialize_item()
        return self._make_block(ctx, item, form, heading, caption, hr)

    def _make_block(
        self,
        ctx: _Ctx,
        item: _ListState | None,
        form: str | None,
        heading: int,
        caption: bool,
        hr: bool,
    ) -> QTextCharFormat:
        bfmt = QTextBlockFormat()
        cfmt = QTextCharFormat()
        if heading:
            bfmt.setHeadingLevel(heading)
            set_block_spacing(bfmt, heading)
            cfmt = heading_char_format(heading)
        else:
            set_block_spacing(bfmt)
            if form is not None and form != ctx.default_form:
                bfmt.setProperty(BLOCK_FORM, form)
        if ctx.quote:
            _make_quote(bfmt, ctx.quote)
        if ctx.figure:
            bfmt.setProperty(FIGURE_GROUP, ctx.figure)
            bfmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        if caption:
            bfmt.setProperty(BLOCK_ROLE, ROLE_CAPTION)
            cfmt.merge(caption_char_format())
        if hr:
            bfmt.setProperty(_HR_WIDTH, QTextLength(QTextLength.Type.PercentageLength, 100))
        if item is not None:
            if item.list_index >= 0:
                bfmt.setObjectIndex(item.list_index)
                self._new_block(bfmt, cfmt)
            else:
                self._new_block(bfmt, cfmt)
                item.list_index = self.cursor.createList(item.fmt).objectIndex()
        else:
            if ctx.cont:
                bfmt.setProperty(LIST_CONTINUATION, ctx.cont)
                bfmt.setIndent(ctx.cont)
            self._new_block(bfmt, cfmt)
        return cfmt

    # -- flow content --------------------------------------------------------

    def flow(self, nodes: list[_Node], ctx: _Ctx) -> None:
        run: list[_Node] = []
        for node in nodes:
            if isinstance(node, str) or node.tag in _INLINE:
                run.append(node)
                continue
            if run:
                self._flush(run, ctx)
                run = []
            self._element(node, ctx)
        if run:
            self._flush(run, ctx)

    def _flush(self, run: list[_Node], ctx: _Ctx) -> None:
        if _has_content(run):
            # Loose inline content: bare in li/td/figure, a paragraph at the top
            # level and in a blockquote (as the sanitizer would make it).
            self.inline(run, self.block(ctx))

    def _element(self, node: _Element, ctx: _Ctx) -> None:
        tag = _RENAMED.get(node.tag, node.tag)
        if tag == "p":
            self.inline(node.children, self.block(ctx, form="p"))
        elif tag in ("h2", "h3"):
            self.inline(node.children, self.block(ctx, heading=2 if tag == "h2" else 3))
        elif tag in ("ul", "ol", "menu", "dir"):
            self._list(node, ctx)
        elif tag == "blockquote":
            if ctx.quote:  # nested quotes are flattened into the outer one
                self.flow(node.children, ctx)
            else:
                self.flow(node.children, replace(ctx, quote=self.group_id(), default_form="p"))
        elif tag == "figure":
            if ctx.figure:
                self.flow(node.children, ctx)
            else:
                inner = replace(ctx, figure=self.group_id(), default_form="inline")
                self.flow(node.children, inner)
        elif tag == "figcaption":
            self.inline(node.children, self.block(ctx, caption=True))
        elif tag == "table":
            self._table(node, ctx)
        elif tag == "hr":
            self.block(ctx, hr=True)
        else:  # li/td outside their parents, div, nested tables, unknown blocks
            self.flow(node.children, ctx)

    def _list(self, node: _Element, ctx: _Ctx) -> None:
        if self.pending is not None:  # a list item that starts with a nested list
            self._materialize_item()
        depth = ctx.cont + 1
        lfmt = QTextListFormat()
        if node.tag == "ol":
            lfmt.setStyle(QTextListFormat.Style.ListDecimal)
            start = node.attrs.get("start", "").strip()
            if re.fullmatch(r"[+-]?\d{1,7}", start):
                lfmt.setStart(int(start))
        else:
            lfmt.setStyle(QTextListFormat.Style.ListDisc)
        lfmt.setIndent(depth)
        state = _ListState(lfmt)
        item_ctx = replace(ctx, cont=depth, default_form="inline")
        for child in node.children:
            if isinstance(child, str):
                if not child.strip(_HTML_SPACE):
                    continue
                content: list[_Node] = [child]
            elif child.tag == "li":
                content = child.children
            else:
                content = [child]
            self.pending = (item_ctx, state)
            self.flow(content, item_ctx)
            self.pending = None  # an empty <li> leaves no block behind

    def _table(self, node: _Element, ctx: _Ctx) -> None:
        if self.pending is not None:
            self._materialize_item()
        # Rows with their group: (kind, group number, tr element).
        rows: list[tuple[str, int, _Element]] = []
        group = -1
        loose_group = False
        for child in node.children:
            if isinstance(child, str):
                continue
            tag = _RENAMED.get(child.tag, child.tag)
            if tag in ("thead", "tbody"):
                group += 1
                loose_group = False
                rows.extend(
                    (tag, group, tr)
                    for tr in child.children
                    if isinstance(tr, _Element) and tr.tag == "tr"
                )
            elif tag == "tr":
                if not loose_group:
                    group += 1
                    loose_group = True
                rows.append(("tbody", group, child))
        if not rows:
            return
        group_end: dict[int, int] = {}
        for index, (_, number, _tr) in enumerate(rows):
            group_end[number] = index
        # HTML's table model: place every cell on the first free slot of its row.
        occupied: set[tuple[int, int]] = set()
        cells: list[tuple[int, int, int, int, _Element]] = []
        ncols = 1
        for r, (_, number, tr) in enumerate(rows):
            c = 0
            for cell in tr.children:
                if isinstance(cell, str) or cell.tag not in ("td", "th"):
                    continue
                while (r, c) in occupied:
                    c += 1
                colspan = _span(cell.attrs.get("colspan"), 1000)
                rowspan = min(_span(cell.attrs.get("rowspan"), 65534), group_end[number] - r + 1)
                for offset in range(1, colspan):  # never overlap an earlier rowspan
                    if (r, c + offset) in occupied:
                        colspan = offset
                        break
                for rr in range(r, r + rowspan):
                    for cc in range(c, c + colspan):
                        occupied.add((rr, cc))
                cells.append((r, c, rowspan, colspan, cell))
                c += colspan
                ncols = max(ncols, c)
        tfmt = QTextTableFormat()
        tfmt.setBorder(1.0)
        tfmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        tfmt.setBorderCollapse(True)
        tfmt.setCellPadding(4.0)
        tfmt.setCellSpacing(0.0)
        header_rows = 0
        while header_rows < len(rows) and rows[header_rows][0] == "thead":
            header_rows += 1
        tfmt.setHeaderRowCount(header_rows)
        if ctx.quote:
            tfmt.setProperty(QUOTE_GROUP, ctx.quote)
            tfmt.setLeftMargin(_QUOTE_MARGIN)
        if ctx.figure:
            tfmt.setProperty(FIGURE_GROUP, ctx.figure)
        if ctx.cont:
            tfmt.setProperty(LIST_CONTINUATION, ctx.cont)
        table = self.cursor.insertTable(len(rows), ncols, tfmt)
        for r, c, rowspan, colspan, _cell in cells:
            if rowspan > 1 or colspan > 1:
                table.mergeCells(r, c, rowspan, colspan)
        # Cell formats: header flag, row-group starts, padding cells.
        formats: dict[tuple[int, int], QTextTableCellFormat] = {}
        for r, c, _rs, _cs, cell in cells:
            fmt = QTextTableCellFormat()
            if cell.tag == "th":
                fmt.setProperty(CELL_HEADER, True)
                fmt.setBackground(_HEADER_CELL_BACKGROUND)
            formats[(r, c)] = fmt
        for r in range(len(rows)):
            for c in range(ncols):
                if (r, c) not in occupied:
                    fmt = QTextTableCellFormat()
                    fmt.setProperty(CELL_PADDING, True)
                    formats[(r, c)] = fmt
            starts_group = r == 0 or rows[r][1] != rows[r - 1][1]
            if starts_group and (r, 0) in formats:  # rowspans never cross groups
                formats[(r, 0)].setProperty(ROW_GROUP, rows[r][0])
        for (r, c), fmt in formats.items():
            if fmt.propertyCount():
                table.cellAt(r, c).setFormat(fmt)
        outer_cursor = self.cursor
        cell_ctx = _Ctx(default_form="inline")
        for r, c, _rs, _cs, cell in cells:
            self.cursor = table.cellAt(r, c).firstCursorPosition()
            self.fresh = True
            self.flow(cell.children, cell_ctx)
        self.cursor = outer_cursor
        self.cursor.setPosition(table.lastPosition() + 1)
        self.fresh = True
        self.after_table = True

    # -- inline content --------------------------------------------------------

    def inline(self, nodes: list[_Node], fmt: QTextCharFormat) -> None:
        cursor = self.cursor
        for node in nodes:
            if isinstance(node, str):
                text = _clean_text(node)
                if text:
                    cursor.insertText(text, fmt)
                continue
            tag = node.tag
            if tag == "br":
                cursor.insertText("\u2028", fmt)
            elif tag == "img":
                image = QTextImageFormat()
                image.merge(fmt)
                image.setName(node.attrs.get("src", ""))
                # Never wider than the text: a photo shrinks with a narrow editor.
                image.setMaximumWidth(_FULL_WIDTH)
                if "alt" in node.attrs:
                    image.setProperty(_ALT, node.attrs["alt"])
                cursor.insertText("\ufffc", image)
            else:
                self.inline(node.children, _derive(fmt, node))


def _span(value: str | None, limit: int) -> int:
    if value is None:
        return 1
    try:
        number = int(value.strip(_HTML_SPACE))
    except ValueError:
        return 1
    return min(max(number, 1), limit)


def _derive(fmt: QTextCharFormat, node: _Element) -> QTextCharFormat:
    tag = node.tag
    if tag in ("strong", "b"):
        new = QTextCharFormat(fmt)
        # Heading text is bold already; strong inside it is heavier still.
        new.setFontWeight(_BLACK if fmt.fontWeight() >= _BOLD else _BOLD)
    elif tag in ("em", "i"):
        new = QTextCharFormat(fmt)
        new.setFontItalic(True)
    elif tag in ("u", "ins"):
        new = QTextCharFormat(fmt)
        new.setFontUnderline(True)
    elif tag in ("s", "strike", "del"):
        new = QTextCharFormat(fmt)
        new.setFontStrikeOut(True)
    elif tag == "sub":
        new = QTextCharFormat(fmt)
        new.setVerticalAlignment(_SUB)
    elif tag == "sup":
        new = QTextCharFormat(fmt)
        new.setVerticalAlignment(_SUP)
    elif tag == "a":
        href = node.attrs.get("href")
        if not href or not _link_allowed(href):
            return fmt
        new = QTextCharFormat(fmt)
        new.merge(link_char_format(href, node.attrs.get("title")))
    else:
        return fmt
    return new


def _link_allowed(href: str) -> bool:
    scheme, colon, _ = href.strip(_HTML_SPACE).partition(":")
    return bool(colon) and scheme.lower() in _LINK_SCHEMES


def canonical_to_document(html: str, document: QTextDocument) -> None:
    """Replace the content of ``document`` with the canonical body ``html``.

    The load is one edit block (one lazy layout pass), is not undoable (the undo
    stack is cleared) and leaves the document unmodified.  Image resources
    already registered on the document are kept; an ``asset:`` image without a
    resource shows Qt's placeholder.  Like ``QTextDocument.setHtml``, it leaves a
    ``QTextEdit``'s own cursor at the end: the editor moves it to the start.
    """
    root = read_body(html)
    undo = document.isUndoRedoEnabled()
    document.setUndoRedoEnabled(False)  # also clears the undo stack
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    try:
        # setPlainText("") inside the edit block, not document.clear() (which would
        # also drop the registered image resources) and not deleting a selection:
        # only a change that starts from an empty document lets QTextDocumentLayout
        # do its lazy full layout; otherwise endEditBlock() lays out the whole
        # body synchronously (20 ms more for a 20,000-word article in a QTextEdit).
        document.setPlainText("")
        _Builder(cursor).flow(root.children, _Ctx())
    finally:
        cursor.endEditBlock()
        document.setUndoRedoEnabled(undo)
        document.setModified(False)


# ---------------------------------------------------------------------------
# QTextDocument -> canonical
# ---------------------------------------------------------------------------


class _Rec:
    """One block or table, with everything the writer needs read out once."""

    __slots__ = (
        "block",
        "caption",
        "cont",
        "depth",
        "empty",
        "figure",
        "form",
        "heading",
        "hr",
        "list_key",
        "list_tag",
        "quote",
        "table",
    )

    def __init__(self) -> None:
        self.block: QTextBlock | None = None
        self.table: QTextTable | None = None
        self.list_key = -1
        self.list_tag = ""
        self.depth = 0
        self.cont = 0
        self.quote = 0
        self.figure = 0
        self.caption = False
        self.form = ""
        self.heading = 0
        self.hr = False
        self.empty = False

    def as_content(self) -> _Rec:
        """This record as the content of a list item (no longer a list member)."""
        rec = _Rec()
        for name in _Rec.__slots__:
            setattr(rec, name, getattr(self, name))
        rec.list_key = -1
        rec.cont = 0
        return rec


def _block_rec(block: QTextBlock) -> _Rec | None:
    bfmt = block.blockFormat()
    rec = _Rec()
    rec.block = block
    rec.hr = bfmt.hasProperty(_HR_WIDTH)
    # Blank (only spaces and line breaks) counts as empty: the sanitizer trims such
    # content away, and what it leaves (<li></li>) would not load back the same.
    rec.empty = block.length() <= 1 or not block.text().strip(_BLANK)
    text_list = block.textList()
    if text_list is not None:
        lfmt = text_list.format()
        rec.list_key = text_list.objectIndex()
        rec.depth = max(lfmt.indent(), 1)
        if lfmt.style() in _NUMBERED:
            start = lfmt.start()
            rec.list_tag = "ol" if start == 1 else f'ol start="{start}"'
        else:
            rec.list_tag = "ul"
    elif rec.empty and not rec.hr:
        return None
    else:
        rec.cont = bfmt.intProperty(LIST_CONTINUATION)
    if bfmt.intProperty(_QUOTE_LEVEL) > 0:
        rec.quote = bfmt.intProperty(QUOTE_GROUP) or -1
    rec.figure = bfmt.intProperty(FIGURE_GROUP)
    rec.caption = bfmt.stringProperty(BLOCK_ROLE) == ROLE_CAPTION
    rec.form = bfmt.stringProperty(BLOCK_FORM)
    rec.heading = bfmt.headingLevel()
    return rec


def _table_rec(table: QTextTable) -> _Rec:
    tfmt = table.format()
    rec = _Rec()
    rec.table = table
    rec.cont = tfmt.intProperty(LIST_CONTINUATION)
    rec.quote = tfmt.intProperty(QUOTE_GROUP)
    rec.figure = tfmt.intProperty(FIGURE_GROUP)
    return rec


def _frame_recs(children: Iterable[QTextFrame.iterator], recs: list[_Rec]) -> None:
    """Records for the blocks and tables of a frame or a table cell, in order."""
    for it in children:
        child = it.currentFrame()
        if child is None:
            rec = _block_rec(it.currentBlock())
            if rec is not None:
                recs.append(rec)
        elif isinstance(child, QTextTable):
            recs.append(_table_rec(child))
        else:  # a plain frame (pasted content): its blocks count as ours
            _frame_recs(child, recs)


# str.translate with a dict is slow on non-ASCII text; a search plus a few
# C-level replaces is several times faster for typical (Cyrillic) fragments.
_NEEDS_ESCAPE: Final = re.compile("[&<>\u00a0\u2028\u2029\ufffc\ufdd0\ufdd1]")


def _escape_text(text: str) -> str:
    if _NEEDS_ESCAPE.search(text) is None:
        return text
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = text.replace("\u00a0", "&nbsp;").replace("\u2028", "<br>").replace("\u2029", "<br>")
    return text.replace("\ufffc", "").replace("\ufdd0", "").replace("\ufdd1", "")


def _attr(value: str) -> str:
    return (
        value.replace("&", "&amp;")
        .replace("\u00a0", "&nbsp;")
        .replace('"', "&quot;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
    )


_STRONG: Final = ("strong",)
_EM: Final = ("em",)
_U: Final = ("u",)
_S: Final = ("s",)
_SUB_KEY: Final = ("sub",)
_SUP_KEY: Final = ("sup",)


def _inline_keys(fmt: QTextCharFormat, heading: bool) -> list[tuple[str, ...]]:
    """The tags a fragment needs, outermost first: a > strong > em > u > s > sub/sup."""
    keys: list[tuple[str, ...]] = []
    if fmt.isAnchor():
        href = fmt.anchorHref()
        if href and _link_allowed(href):
            if fmt.hasProperty(_TOOLTIP):
                keys.append(("a", href, fmt.toolTip()))
            else:
                keys.append(("a", href))
    weight = fmt.fontWeight()
    if (weight > _BOLD) if heading else (weight >= _DEMIBOLD):
        keys.append(_STRONG)
    if fmt.fontItalic():
        keys.append(_EM)
    if fmt.fontUnderline():
        keys.append(_U)
    if fmt.fontStrikeOut():
        keys.append(_S)
    align = fmt.verticalAlignment()
    if align == _SUB:
        keys.append(_SUB_KEY)
    elif align == _SUP:
        keys.append(_SUP_KEY)
    return keys


def _open_tag(key: tuple[str, ...]) -> str:
    if key[0] != "a":
        return f"<{key[0]}>"
    if len(key) == 3:
        return f'<a href="{_attr(key[1])}" title="{_attr(key[2])}">'
    return f'<a href="{_attr(key[1])}">'


_FormatInfo: TypeAlias = "tuple[list[tuple[str, ...]], str | None]"


def _format_info(fmt: QTextCharFormat, heading: bool) -> _FormatInfo:
    """The tags for a char format, and the ``<img>`` tag if it is an image."""
    image_tag = None
    if fmt.isImageFormat():
        image = fmt.toImageFormat()
        image_tag = f'<img src="{_attr(image.name())}"'
        if image.hasProperty(_ALT):
            image_tag += f' alt="{_attr(image.stringProperty(_ALT))}"'
        image_tag += ">"
    return _inline_keys(fmt, heading), image_tag


def _write_inline(
    block: QTextBlock, heading: bool, out: list[str], cache: dict[tuple[int, bool], _FormatInfo]
) -> None:
    """Write the fragments of ``block`` as minimal nested inline tags.

    ``cache`` maps a char format index (unique per distinct format in the
    document) to its tags: a document has few distinct formats, so each is read
    from Qt once per conversion.
    """
    stack: list[tuple[str, ...]] = []
    for it in block:
        fragment = it.fragment()
        if not fragment.isValid():
            continue
        index = (fragment.charFormatIndex(), heading)
        info = cache.get(index)
        if info is None:
            info = cache[index] = _format_info(fragment.charFormat(), heading)
        keys, image_tag = info
        if keys != stack:
            same = 0
            for have, want in zip(stack, keys, strict=False):
                if have != want:
                    break
                same += 1
            while len(stack) > same:
                out.append(f"</{stack.pop()[0]}>")
            for key in keys[same:]:
                out.append(_open_tag(key))
                stack.append(key)
        text = fragment.text()
        if image_tag is not None:
            out.append(image_tag * text.count("\ufffc"))
        else:
            out.append(_escape_text(text))
    while stack:
        out.append(f"</{stack.pop()[0]}>")


class _Writer:
    def __init__(self) -> None:
        self.out: list[str] = []
        self.formats: dict[tuple[int, bool], _FormatInfo] = {}

    def flow(self, recs: list[_Rec], default_form: str, quote: int, figure: int) -> None:
        """Write ``recs``, which sit inside ``blockquote`` ``quote`` / ``figure``."""
        out = self.out
        inline_before = False
        i, n = 0, len(recs)
        while i < n:
            rec = recs[i]
            if rec.quote and rec.quote != quote:
                j = i + 1
                while j < n and recs[j].quote == rec.quote:
                    j += 1
                mark = len(out)
                out.append("<blockquote>")
                self.flow(recs[i:j], "p", rec.quote, figure)
                self.close_or_drop(mark, "blockquote")
                i, inline_before = j, False
                continue
            if rec.figure and rec.figure != figure:
                j = i + 1
                while j < n and recs[j].figure == rec.figure:
                    j += 1
                self.figure(recs[i:j], rec.quote or quote)
                i, inline_before = j, False
                continue
            if rec.list_key >= 0:
                j = i + 1
                while j < n and (
                    (
                        recs[j].list_key >= 0
                        and (recs[j].quote == rec.quote or recs[j].depth > rec.depth)
                    )
                    or (recs[j].list_key < 0 and recs[j].cont > 0)
                ):
                    j += 1
                self.list(recs[i:j], quote, figure)
                i, inline_before = j, False
                continue
            i += 1
            if rec.table is not None:
                self.table(rec.table)
                inline_before = False
                continue
            block = rec.block
            assert block is not None
            if rec.empty:  # kept only for its rule (or as an item's first line)
                if rec.hr:
                    out.append("<hr>")
                    inline_before = False
                continue
            if rec.heading:
                tag = "h2" if rec.heading <= 2 else "h3"
                out.append(f"<{tag}>")
                _write_inline(block, True, out, self.formats)
                out.append(f"</{tag}>")
                inline_before = False
            elif rec.caption:  # a figcaption outside a figure (the format allows it)
                out.append("<figcaption>")
                _write_inline(block, False, out, self.formats)
                out.append("</figcaption>")
                inline_before = False
            elif (rec.form or default_form) == "p":
                out.append("<p>")
                _write_inline(block, False, out, self.formats)
                out.append("</p>")
                inline_before = False
            else:
                if inline_before:  # two bare lines in one container (Enter in a cell)
                    out.append("<br>")
                _write_inline(block, False, out, self.formats)
                inline_before = True
            if rec.hr:  # a rule block the user typed into: text, then the rule
                out.append("<hr>")
                inline_before = False

    def figure(self, recs: list[_Rec], quote: int) -> None:
        out = self.out
        figure = recs[0].figure
        mark = len(out)
        out.append("<figure>")
        i, n = 0, len(recs)
        while i < n:
            j = i + 1
            while j < n and recs[j].caption == recs[i].caption:
                j += 1
            if recs[i].caption:
                # Enter in a caption makes another caption block: one figcaption,
                # its lines joined by <br>.
                lines = [rec.block for rec in recs[i:j] if rec.block is not None and not rec.empty]
                if lines:
                    out.append("<figcaption>")
                    for index, block in enumerate(lines):
                        if index:
                            out.append("<br>")
                        _write_inline(block, False, out, self.formats)
                    out.append("</figcaption>")
            else:
                self.flow(recs[i:j], "inline", quote, figure)
            i = j
        self.close_or_drop(mark, "figure")

    def close_or_drop(self, mark: int, tag: str) -> None:
        """Close the container opened at ``out[mark]``, or drop it if it stayed empty
        (the sanitizer keeps an empty ``<figure></figure>``, which would not load
        back as anything)."""
        if len(self.out) == mark + 1:
            del self.out[mark:]
        else:
            self.out.append(f"</{tag}>")

    def list(self, recs: list[_Rec], quote: int, figure: int) -> None:
        """Write a run of list items and the blocks that continue them.

        Items are nested by their list's indent.  The content of one ``li`` is
        its own block, the continuation blocks of its depth and - when the item
        holds a blockquote with a list inside - the deeper records of that quote;
        it is written with :meth:`flow`, so anything may appear in an item.
        """
        out = self.out
        stack: list[tuple[int, int, str]] = []  # (list key, depth, tag) of open lists

        def close() -> None:
            tag = stack.pop()[2]
            out.append(f"</li></{tag.partition(' ')[0]}>")

        def in_nested_quote(rec: _Rec) -> bool:
            return rec.quote not in (0, quote)

        i, n = 0, len(recs)
        while i < n:
            rec = recs[i]
            content: list[_Rec] = []
            if rec.list_key >= 0 and not in_nested_quote(rec):
                depth = rec.depth
                i += 1
                if rec.empty and not rec.hr:
                    if not _holds_content(recs, i, depth, quote):
                        continue  # an empty bullet: dropped like an empty paragraph
                else:
                    content.append(rec.as_content())
                while stack and stack[-1][1] > depth:
                    close()
                if stack and stack[-1][1] == depth and stack[-1][0] == rec.list_key:
                    out.append("</li><li>")
                else:
                    if stack and stack[-1][1] == depth:
                        close()
                    out.append(f"<{rec.list_tag}><li>")
                    stack.append((rec.list_key, depth, rec.list_tag))
                level = depth
            else:  # more content for the item at `level`
                level = rec.cont if rec.list_key < 0 else rec.depth - 1
                while len(stack) > 1 and stack[-1][1] > level:
                    close()
            while i < n:
                following = recs[i]
                if following.list_key < 0 and following.cont == level:
                    content.append(following.as_content())
                elif in_nested_quote(following) and (
                    following.depth > level if following.list_key >= 0 else following.cont > level
                ):
                    content.append(following)  # inside a blockquote inside this item
                else:
                    break
                i += 1
            if content:
                self.flow(content, "inline", quote, figure)
        while stack:
            close()

    def table(self, table: QTextTable) -> None:
        out = self.out
        rows, columns = table.rows(), table.columns()
        header_rows = table.format().headerRowCount()
        out.append("<table>")
        group = ""
        for r in range(rows):
            first = table.cellAt(r, 0)
            marker = ""
            if first.row() == r and first.column() == 0:
                marker = first.format().stringProperty(ROW_GROUP)
            if marker not in ("thead", "tbody"):
                marker = ""
            if not marker and (not group or (group == "thead" and r >= header_rows)):
                marker = "thead" if r < header_rows else "tbody"
            if marker:
                if group:
                    out.append(f"</{group}>")
                group = marker
                out.append(f"<{group}>")
            out.append("<tr>")
            origins = []
            last_needed = -1
            for c in range(columns):
                cell = table.cellAt(r, c)
                if cell.row() != r or cell.column() != c:
                    continue
                padding = cell.format().boolProperty(CELL_PADDING)
                if not (padding and cell.firstPosition() == cell.lastPosition()):
                    last_needed = len(origins)
                origins.append(cell)
            for cell in origins[: last_needed + 1]:
                cfmt = cell.format()
                tag = "th" if cfmt.boolProperty(CELL_HEADER) else "td"
                attrs = ""
                if cell.columnSpan() > 1:
                    attrs += f' colspan="{cell.columnSpan()}"'
                if cell.rowSpan() > 1:
                    attrs += f' rowspan="{cell.rowSpan()}"'
                out.append(f"<{tag}{attrs}>")
                self.flow(_cell_recs(cell), "inline", 0, 0)
                out.append(f"</{tag}>")
            out.append("</tr>")
        if group:
            out.append(f"</{group}>")
        out.append("</table>")


def _holds_content(recs: list[_Rec], start: int, depth: int, quote: int) -> bool:
    """Whether an empty item at ``depth`` is the parent of something visible:
    a non-empty record follows before the next item at the same or a lower depth."""
    for rec in recs[start:]:
        if rec.list_key >= 0 and rec.quote in (0, quote):
            if rec.depth <= depth:
                return False
        elif rec.list_key < 0 and rec.cont < depth:
            return False
        if not rec.empty or rec.hr or rec.table is not None:
            return True
    return False


def _cell_recs(cell: QTextTableCell) -> list[_Rec]:
    recs: list[_Rec] = []
    _frame_recs(cell.begin(), recs)
    return recs


def document_to_canonical(document: QTextDocument) -> str:
    """The canonical body of ``document`` (never Qt's ``toHtml()``)."""
    recs: list[_Rec] = []
    _frame_recs(document.rootFrame(), recs)
    writer = _Writer()
    writer.flow(recs, "p", 0, 0)
    return sanitize_body("".join(writer.out))
