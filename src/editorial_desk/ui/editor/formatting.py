"""Formatting operations of the editor on a ``QTextCursor``: block kinds
(paragraph, headings), inline formatting, quotes, clearing, and the state the
toolbar shows at the cursor.

Every operation speaks the representation of ``ui.body_convert`` (its exported
properties and format factories), so what the user formats is exactly what
``document_to_canonical`` writes. Every operation is one edit block, so one
undo step.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import Enum
from typing import Final

from PySide6.QtGui import (
    QFont,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
    QTextListFormat,
)

from editorial_desk.ui.body_convert import (
    BLOCK_FORM,
    BLOCK_ROLE,
    FIGURE_GROUP,
    LIST_CONTINUATION,
    QUOTE_GROUP,
    ROLE_CAPTION,
    caption_char_format,
    heading_char_format,
    link_char_format,
    quote_block_format,
    set_block_spacing,
)

QUOTE_LEVEL: Final = QTextFormat.Property.BlockQuoteLevel
HR_WIDTH: Final = QTextFormat.Property.BlockTrailingHorizontalRulerWidth
SIZE_ADJUST: Final = QTextFormat.Property.FontSizeAdjustment

NORMAL: Final = int(QFont.Weight.Normal.value)
DEMIBOLD: Final = int(QFont.Weight.DemiBold.value)
BOLD: Final = int(QFont.Weight.Bold.value)
BLACK: Final = int(QFont.Weight.Black.value)

_NUMBERED: Final = frozenset(
    {
        QTextListFormat.Style.ListDecimal,
        QTextListFormat.Style.ListLowerAlpha,
        QTextListFormat.Style.ListUpperAlpha,
        QTextListFormat.Style.ListLowerRoman,
        QTextListFormat.Style.ListUpperRoman,
    }
)


class ListKind(Enum):
    BULLETS = "ul"
    NUMBERS = "ol"

    @property
    def style(self) -> QTextListFormat.Style:
        if self is ListKind.BULLETS:
            return QTextListFormat.Style.ListDisc
        return QTextListFormat.Style.ListDecimal


def list_kind(fmt: QTextListFormat) -> ListKind:
    return ListKind.NUMBERS if fmt.style() in _NUMBERED else ListKind.BULLETS


class Inline(Enum):
    BOLD = "strong"
    ITALIC = "em"
    UNDERLINE = "u"
    STRIKE = "s"


# ---------------------------------------------------------------------------
# Reading formats
# ---------------------------------------------------------------------------


def heading_level(fmt: QTextBlockFormat) -> int:
    """0, 2 or 3, as the writer maps Qt's levels (1 -> h2, 4-6 -> h3)."""
    level = fmt.headingLevel()
    if level <= 0:
        return 0
    return 2 if level <= 2 else 3


def is_rule(fmt: QTextBlockFormat) -> bool:
    return fmt.hasProperty(HR_WIDTH)


def is_caption(fmt: QTextBlockFormat) -> bool:
    return fmt.stringProperty(BLOCK_ROLE) == ROLE_CAPTION


def is_quote(fmt: QTextBlockFormat) -> bool:
    return fmt.intProperty(QUOTE_LEVEL) > 0


def is_strong(fmt: QTextCharFormat, in_heading: bool) -> bool:
    """Whether text with `fmt` is written as ``<strong>``: heading text is bold
    already, so there only a heavier weight is (see ``ui.body_convert``)."""
    weight = fmt.fontWeight()
    return weight > BOLD if in_heading else weight >= DEMIBOLD


def has_inline(fmt: QTextCharFormat, kind: Inline, in_heading: bool) -> bool:
    if kind is Inline.BOLD:
        return is_strong(fmt, in_heading)
    if kind is Inline.ITALIC:
        return fmt.fontItalic()
    if kind is Inline.UNDERLINE:
        return fmt.fontUnderline()
    return fmt.fontStrikeOut()


@dataclass(frozen=True, slots=True)
class FormatState:
    """What the toolbar shows at the cursor. Built in O(1): the cursor's char format,
    its block's format and list, its table; never a walk over the document."""

    heading: int = 0
    bold: bool = False
    italic: bool = False
    underline: bool = False
    strike: bool = False
    list_kind: ListKind | None = None
    quote: bool = False
    in_table: bool = False
    link: str = ""


def format_state(cursor: QTextCursor, char_format: QTextCharFormat) -> FormatState:
    bfmt = cursor.blockFormat()
    heading = heading_level(bfmt)
    text_list = cursor.currentList()
    return FormatState(
        heading=heading,
        bold=is_strong(char_format, heading > 0),
        italic=char_format.fontItalic(),
        underline=char_format.fontUnderline(),
        strike=char_format.fontStrikeOut(),
        list_kind=list_kind(text_list.format()) if text_list is not None else None,
        quote=is_quote(bfmt),
        in_table=cursor.currentTable() is not None,
        link=char_format.anchorHref() if char_format.isAnchor() else "",
    )


# ---------------------------------------------------------------------------
# Walking a selection
# ---------------------------------------------------------------------------


def selected_blocks(cursor: QTextCursor) -> list[QTextBlock]:
    """The blocks the selection touches (the cursor's block without a selection).
    A selection ending at the very start of a block does not touch that block."""
    document = cursor.document()
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    first = document.findBlock(start)
    last = document.findBlock(end)
    if end > start and last.position() == end and last != first:
        last = last.previous()
    blocks = [first]
    block = first
    while block != last and block.isValid():
        block = block.next()
        blocks.append(block)
    return blocks


@dataclass(frozen=True, slots=True)
class _Run:
    start: int
    end: int
    fmt: QTextCharFormat


def _runs(block: QTextBlock, start: int, end: int) -> Iterator[_Run]:
    """The formatted runs of `block` clipped to [start, end)."""
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        it += 1
        if not fragment.isValid():
            continue
        lo = max(start, fragment.position())
        hi = min(end, fragment.position() + fragment.length())
        if lo < hi:
            yield _Run(lo, hi, fragment.charFormat())


def _block_range(block: QTextBlock, start: int, end: int) -> tuple[int, int]:
    """The part of `block`'s text inside [start, end)."""
    lo = max(start, block.position())
    hi = min(end, block.position() + block.length() - 1)
    return lo, hi


def _rewrite_runs(
    cursor: QTextCursor,
    block: QTextBlock,
    start: int,
    end: int,
    rewrite: Callable[[QTextCharFormat], QTextCharFormat | None],
) -> None:
    """Replace the char format of every run of `block` in [start, end) by
    `rewrite(old)` (None keeps the run as it is). Runs are read first: changing
    formats splits and merges the fragments being walked."""
    work = QTextCursor(cursor.document())
    for run in list(_runs(block, start, end)):
        new = rewrite(run.fmt)
        if new is None:
            continue
        work.setPosition(run.start)
        work.setPosition(run.end, QTextCursor.MoveMode.KeepAnchor)
        work.setCharFormat(new)


def _word_under(cursor: QTextCursor) -> QTextCursor | None:
    """A cursor selecting the word the (collapsed) cursor is inside, or None at a
    word boundary: Word applies a format to the whole word then, and to the text
    about to be typed otherwise."""
    block = cursor.block()
    text = block.text()
    offset = cursor.position() - block.position()
    if not (0 < offset < len(text)) or not (text[offset - 1].isalnum() and text[offset].isalnum()):
        return None
    word = QTextCursor(cursor)
    word.select(QTextCursor.SelectionType.WordUnderCursor)
    return word if word.hasSelection() else None


# ---------------------------------------------------------------------------
# Block kinds: paragraph, heading 2, heading 3
# ---------------------------------------------------------------------------


def _heading_text_format(fmt: QTextCharFormat, was_heading: bool, level: int) -> QTextCharFormat:
    """`fmt` moved from a heading (or not) to `level` (0 = paragraph), keeping
    ``<strong>`` as ``<strong>``: its weight means something else in a heading."""
    new = QTextCharFormat(fmt)
    strong = is_strong(fmt, was_heading)
    if level:
        new.setFontWeight(BLACK if strong else BOLD)
        new.setProperty(SIZE_ADJUST, heading_char_format(level).intProperty(SIZE_ADJUST))
    else:
        if strong:
            new.setFontWeight(BOLD)
        else:
            new.clearProperty(QTextFormat.Property.FontWeight)
        new.clearProperty(SIZE_ADJUST)
    return new


def inline_by_default(block: QTextBlock) -> bool:
    """Whether a plain block here is a bare line (joined to its neighbours with <br>
    on save) rather than a paragraph: in a table cell, a figure, a list item."""
    bfmt = block.blockFormat()
    if block.textList() is not None or is_quote(bfmt):
        return False
    return _in_line_context(block)


def _in_line_context(block: QTextBlock) -> bool:
    bfmt = block.blockFormat()
    return (
        bfmt.intProperty(LIST_CONTINUATION) > 0
        or bfmt.intProperty(FIGURE_GROUP) > 0
        or QTextCursor(block).currentTable() is not None
    )


def set_heading(cursor: QTextCursor, level: int) -> None:
    """Make the selected blocks paragraphs (`level` 0) or headings (2 or 3).
    Rules and captions keep their role (a caption is not a heading)."""
    cursor.beginEditBlock()
    try:
        work = QTextCursor(cursor.document())
        for block in selected_blocks(cursor):
            bfmt = block.blockFormat()
            if is_rule(bfmt) or is_caption(bfmt):
                continue
            old = heading_level(bfmt)
            if old == level:
                continue
            bfmt.setHeadingLevel(level)
            set_block_spacing(bfmt, level)
            if not level and inline_by_default(block):
                # Where bare lines are the default (a table cell, a list item's
                # further lines), a former heading stays a line of its own.
                bfmt.setProperty(BLOCK_FORM, "p")
            work.setPosition(block.position())
            work.setBlockFormat(bfmt)
            # The block's own char format is what typing into it (empty) uses.
            work.setBlockCharFormat(_heading_text_format(block.charFormat(), old > 0, level))
            _rewrite_runs(
                cursor,
                block,
                block.position(),
                block.position() + block.length() - 1,
                lambda fmt, was=old > 0: (
                    None if fmt.isImageFormat() else _heading_text_format(fmt, was, level)
                ),
            )
    finally:
        cursor.endEditBlock()


# ---------------------------------------------------------------------------
# Inline formatting
# ---------------------------------------------------------------------------


def _inline_modifier(kind: Inline, on: bool, in_heading: bool) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if kind is Inline.BOLD:
        if in_heading:
            fmt.setFontWeight(BLACK if on else BOLD)
        else:
            fmt.setFontWeight(BOLD if on else NORMAL)
    elif kind is Inline.ITALIC:
        fmt.setFontItalic(on)
    elif kind is Inline.UNDERLINE:
        fmt.setFontUnderline(on)
    else:
        fmt.setFontStrikeOut(on)
    return fmt


def selection_has(cursor: QTextCursor, kind: Inline) -> bool:
    """Whether all selected text (images aside) has `kind`."""
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    for block in selected_blocks(cursor):
        heading = heading_level(block.blockFormat()) > 0
        lo, hi = _block_range(block, start, end)
        for run in _runs(block, lo, hi):
            if not run.fmt.isImageFormat() and not has_inline(run.fmt, kind, heading):
                return False
    return True


def toggle_inline(cursor: QTextCursor, kind: Inline, typing_format: QTextCharFormat) -> bool | None:
    """Switch `kind` on or off for the selection (as Word: off only if all of it has
    it), or for the word the cursor is in. Without either, returns the new state
    for the text about to be typed (the caller merges it into the typing format)
    and changes nothing; otherwise returns None."""
    target = cursor if cursor.hasSelection() else _word_under(cursor)
    if target is None:
        heading = heading_level(cursor.blockFormat()) > 0
        return not has_inline(typing_format, kind, heading)
    on = not selection_has(target, kind)
    start, end = target.selectionStart(), target.selectionEnd()
    cursor.beginEditBlock()
    try:
        work = QTextCursor(cursor.document())
        for block in selected_blocks(target):
            lo, hi = _block_range(block, start, end)
            if lo >= hi:
                continue
            modifier = _inline_modifier(kind, on, heading_level(block.blockFormat()) > 0)
            work.setPosition(lo)
            work.setPosition(hi, QTextCursor.MoveMode.KeepAnchor)
            work.mergeCharFormat(modifier)
    finally:
        cursor.endEditBlock()
    return None


def typing_modifier(kind: Inline, on: bool, cursor: QTextCursor) -> QTextCharFormat:
    """The char format to merge into the typing format for `toggle_inline`'s answer."""
    return _inline_modifier(kind, on, heading_level(cursor.blockFormat()) > 0)


# ---------------------------------------------------------------------------
# Quotes
# ---------------------------------------------------------------------------


def _unquoted(bfmt: QTextBlockFormat) -> QTextBlockFormat:
    new = QTextBlockFormat(bfmt)
    new.clearProperty(QUOTE_LEVEL)
    new.clearProperty(QUOTE_GROUP)
    new.clearProperty(QTextFormat.Property.BlockLeftMargin)
    new.clearProperty(QTextFormat.Property.BlockRightMargin)
    new.clearProperty(QTextFormat.Property.BackgroundBrush)
    return new


def _quoted(bfmt: QTextBlockFormat, group: int) -> QTextBlockFormat:
    new = QTextBlockFormat(bfmt)
    new.merge(quote_block_format(group))
    return new


def toggle_quote(cursor: QTextCursor, new_group: Callable[[], int]) -> None:
    """Quote the selected paragraphs, or unquote them if all are quoted. A new quote
    joins a quote right before (or after) it, so adjacent quoted paragraphs stay
    one ``blockquote``; ``new_group`` gives a fresh id otherwise."""
    blocks = [b for b in selected_blocks(cursor) if not b.blockFormat().intProperty(FIGURE_GROUP)]
    if not blocks:
        return
    quoted = all(is_quote(b.blockFormat()) for b in blocks)
    cursor.beginEditBlock()
    try:
        work = QTextCursor(cursor.document())
        if quoted:
            for block in blocks:
                work.setPosition(block.position())
                work.setBlockFormat(_unquoted_here(block))
            return
        group = 0
        for neighbour in (blocks[0].previous(), blocks[-1].next()):
            if neighbour.isValid() and is_quote(neighbour.blockFormat()):
                group = neighbour.blockFormat().intProperty(QUOTE_GROUP)
                if group:
                    break
        group = group or new_group()
        for block in blocks:
            work.setPosition(block.position())
            work.setBlockFormat(_quoted(block.blockFormat(), group))
    finally:
        cursor.endEditBlock()


def _unquoted_here(block: QTextBlock) -> QTextBlockFormat:
    """`block`'s format out of its quote; a line of a table cell (or figure) stays a
    paragraph of its own, as it was inside the quote."""
    new = _unquoted(block.blockFormat())
    if block.textList() is None and _in_line_context(block) and not new.hasProperty(BLOCK_FORM):
        new.setProperty(BLOCK_FORM, "p")
    return new


def unquote_block(cursor: QTextCursor) -> None:
    """Take the cursor's block out of its quote (Enter on an empty quoted line)."""
    cursor.setBlockFormat(_unquoted_here(cursor.block()))


# ---------------------------------------------------------------------------
# Clearing, and making pasted text fit its block
# ---------------------------------------------------------------------------


def base_char_format(bfmt: QTextBlockFormat) -> QTextCharFormat:
    """The char format of unformatted text in a block like `bfmt`."""
    level = heading_level(bfmt)
    if level:
        return heading_char_format(level)
    if is_caption(bfmt):
        return caption_char_format()
    return QTextCharFormat()


def _cleared(fmt: QTextCharFormat, base: QTextCharFormat) -> QTextCharFormat | None:
    if fmt.isImageFormat():
        return None  # an image keeps its name and alt text
    new = QTextCharFormat(base)
    if fmt.isAnchor():  # a link is content, not formatting: it stays
        title = fmt.toolTip() if fmt.hasProperty(QTextFormat.Property.TextToolTip) else None
        new.merge(link_char_format(fmt.anchorHref(), title))
    return new


def clear_formatting(cursor: QTextCursor) -> None:
    """Remove bold, italic, underline, strikethrough and sub/superscript from the
    selection (from the cursor's paragraph without one), and make its headings
    paragraphs, as Word's "Clear All Formatting" does. Links, lists, quotes,
    tables and images are structure and stay."""
    cursor.beginEditBlock()
    try:
        target = QTextCursor(cursor)
        if not target.hasSelection():
            target.movePosition(QTextCursor.MoveOperation.StartOfBlock)
            target.movePosition(
                QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
            )
        set_heading(target, 0)
        start, end = target.selectionStart(), target.selectionEnd()
        work = QTextCursor(cursor.document())
        for block in selected_blocks(target):
            base = base_char_format(block.blockFormat())
            lo, hi = _block_range(block, start, end)
            if lo == block.position() and hi == block.position() + block.length() - 1:
                work.setPosition(block.position())
                work.setBlockCharFormat(base)
            _rewrite_runs(cursor, block, lo, hi, lambda fmt, b=base: _cleared(fmt, b))
    finally:
        cursor.endEditBlock()


def fit_inserted_text(cursor: QTextCursor, start: int, end: int) -> None:
    """Text pasted into a heading or caption gets that block's look, keeping its
    ``strong``/``em``/links: pasted text is plain paragraph text otherwise, which
    in a heading would be stored right but look wrong."""
    work = QTextCursor(cursor.document())
    work.setPosition(start)
    block = work.block()
    while block.isValid() and block.position() < end:
        bfmt = block.blockFormat()
        level = heading_level(bfmt)
        lo, hi = _block_range(block, start, end)
        if level and lo < hi:
            _rewrite_runs(
                cursor,
                block,
                lo,
                hi,
                lambda fmt, lv=level: (
                    None if fmt.isImageFormat() else _heading_text_format(fmt, False, lv)
                ),
            )
        elif is_caption(bfmt) and lo < hi:
            work.setPosition(lo)
            work.setPosition(hi, QTextCursor.MoveMode.KeepAnchor)
            work.mergeCharFormat(caption_char_format())
        block = block.next()


def step_off_rule(cursor: QTextCursor) -> None:
    """A rule holds no text (Word's is a paragraph border): text put "on" it goes
    into a new paragraph after it. A rule block that already holds text (a
    selection from the rule into the next paragraph was deleted) was selected,
    so it stops being a rule."""
    bfmt = cursor.blockFormat()
    if not is_rule(bfmt):
        return
    if cursor.block().text().strip():
        cursor.setBlockFormat(plain_block_format(bfmt))
        return
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    cursor.insertBlock(plain_block_format(bfmt), QTextCharFormat())


def plain_block_format(bfmt: QTextBlockFormat) -> QTextBlockFormat:
    """`bfmt` as a plain paragraph where it stands: no heading, rule, caption or
    figure; quote, list membership and list continuation are kept."""
    new = QTextBlockFormat(bfmt)
    new.setHeadingLevel(0)
    set_block_spacing(new)
    new.clearProperty(HR_WIDTH)
    new.clearProperty(BLOCK_ROLE)
    new.clearProperty(FIGURE_GROUP)
    new.clearProperty(QTextFormat.Property.BlockAlignment)
    return new


__all__ = [
    "BLACK",
    "BOLD",
    "HR_WIDTH",
    "QUOTE_LEVEL",
    "FormatState",
    "Inline",
    "ListKind",
    "base_char_format",
    "clear_formatting",
    "fit_inserted_text",
    "format_state",
    "heading_level",
    "inline_by_default",
    "is_caption",
    "is_quote",
    "is_rule",
    "is_strong",
    "list_kind",
    "plain_block_format",
    "selected_blocks",
    "set_heading",
    "step_off_rule",
    "toggle_inline",
    "toggle_quote",
    "typing_modifier",
    "unquote_block",
]
