"""Moving canonical HTML into and out of the middle of a document.

Pasting, inserting a table, a figure or a rule all come down to "put this
canonical fragment at the cursor": it is loaded into a scratch ``QTextDocument``
with ``canonical_to_document`` (so it is represented exactly as a loaded body
is) and inserted with ``QTextCursor.insertFragment``. Copying is the reverse:
the selection's fragment goes into a scratch document and out through
``document_to_canonical``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from PySide6.QtGui import (
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    QTextFrame,
    QTextTable,
)

from editorial_desk.document import sanitize_body
from editorial_desk.ui.body_convert import (
    BLOCK_FORM,
    FIGURE_GROUP,
    QUOTE_GROUP,
    canonical_to_document,
    document_to_canonical,
)
from editorial_desk.ui.editor.formatting import fit_inserted_text, step_off_rule
from editorial_desk.ui.editor.lists import normalize_lists, normalize_lists_around

_FRAME_END: Final = "\ufdd1"  # the character that ends a table in QTextDocument text

# A canonical body that is one paragraph of inline content: pasted into the
# current paragraph rather than as a block of its own.
_ONE_PARAGRAPH_RE: Final = re.compile(r"<p>(?:(?!</?p>).)*</p>", re.DOTALL)


def _renumber_groups(document: QTextDocument, new_group: Callable[[], int]) -> None:
    """Give the quotes and figures of a scratch document ids unused in the target
    (the loader numbers them from 1 in every document), so a pasted quote never
    merges with a quote it happens to land next to."""
    mapping: dict[tuple[int, int], int] = {}

    def remap(prop: int, value: int) -> int:
        key = (prop, value)
        if key not in mapping:
            mapping[key] = new_group()
        return mapping[key]

    cursor = QTextCursor(document)
    block = document.begin()
    while block.isValid():
        bfmt = block.blockFormat()
        changed = False
        for prop in (QUOTE_GROUP, FIGURE_GROUP):
            value = bfmt.intProperty(prop)
            if value > 0:
                bfmt.setProperty(prop, remap(prop, value))
                changed = True
        if changed:
            cursor.setPosition(block.position())
            cursor.setBlockFormat(bfmt)
        block = block.next()
    for frame in document.rootFrame().childFrames():
        if isinstance(frame, QTextTable):
            tfmt = frame.format()
            changed = False
            for prop in (QUOTE_GROUP, FIGURE_GROUP):
                value = tfmt.intProperty(prop)
                if value > 0:
                    tfmt.setProperty(prop, remap(prop, value))
                    changed = True
            if changed:
                frame.setFormat(tfmt)


def _fragment(
    html: str, *, lead_block: bool, new_group: Callable[[], int]
) -> QTextDocumentFragment:
    scratch = QTextDocument()
    canonical_to_document(html, scratch)
    _renumber_groups(scratch, new_group)
    if lead_block:
        # insertFragment merges the fragment's first block into the block at the
        # cursor, which keeps *its* format (Qt applies the fragment's first block
        # format only at position 0 of a document). An empty plain first block
        # takes that merge, so the real first block keeps its heading/list/quote
        # format; insert_canonical then removes the empty block again.
        cursor = QTextCursor(scratch)
        cursor.insertBlock()
        cursor.movePosition(QTextCursor.MoveOperation.Start)
        cursor.setBlockFormat(QTextBlockFormat())
        cursor.setBlockCharFormat(QTextCharFormat())
    whole = QTextCursor(scratch)
    whole.select(QTextCursor.SelectionType.Document)
    return QTextDocumentFragment(whole)


def _same_frame(a: QTextBlock, b: QTextBlock) -> bool:
    ca, cb = QTextCursor(a), QTextCursor(b)
    ta, tb = ca.currentTable(), cb.currentTable()
    if ta is not None or tb is not None:
        if ta is None or tb is None or ta.objectIndex() != tb.objectIndex():
            return False
        return ta.cellAt(ca) == tb.cellAt(cb)
    frame_a: QTextFrame = ca.currentFrame()
    frame_b: QTextFrame = cb.currentFrame()
    return frame_a.objectIndex() == frame_b.objectIndex()


_TABLE_PART_RE: Final = re.compile(r"</?(?:table|thead|tbody|tr)>")
_CELL_OPEN_RE: Final = re.compile(r"<t[hd](?: [^>]*)?>")
_CELL_CLOSE_RE: Final = re.compile(r"</t[hd]>")


def without_tables(html: str) -> str:
    """A canonical body with every table dissolved into paragraphs, one per cell:
    what goes into a table cell (the format has no tables in tables, and Qt's
    nested tables are fragile)."""
    if "<table>" not in html:
        return html
    flat = _TABLE_PART_RE.sub("", html)
    flat = _CELL_CLOSE_RE.sub("</p>", _CELL_OPEN_RE.sub("<p>", flat))
    return sanitize_body(flat)


def is_inline_fragment(html: str) -> bool:
    """Whether a canonical body is a single paragraph (pasted inline)."""
    return _ONE_PARAGRAPH_RE.fullmatch(html) is not None


def insert_canonical(
    cursor: QTextCursor, html: str, new_group: Callable[[], int]
) -> tuple[int, int]:
    """Insert the canonical body `html` at `cursor` (replacing its selection) as one
    undo step; the cursor ends after the inserted content. Returns the (start,
    end) document positions of what was inserted.

    One paragraph goes into the current paragraph, taking the look of a heading
    or caption it lands in. Anything else is structure: the current paragraph is
    split at the cursor and the blocks go in between, each with its own format
    (a heading stays a heading, a list a list)."""
    if cursor.currentTable() is not None:
        html = without_tables(html)
    if not html:
        return cursor.position(), cursor.position()
    cursor.beginEditBlock()
    try:
        if cursor.hasSelection():
            document = cursor.document()
            spans = document.findBlock(cursor.selectionStart()) != document.findBlock(
                cursor.selectionEnd()
            )
            cursor.removeSelectedText()
            if spans:  # the deletion may have swallowed the item a nested list hung from
                normalize_lists_around(cursor)
        step_off_rule(cursor)
        if is_inline_fragment(html):
            start = cursor.position()
            cursor.insertFragment(_fragment(html, lead_block=False, new_group=new_group))
            fit_inserted_text(cursor, start, cursor.position())
            return start, cursor.position()
        if not cursor.atBlockStart():
            cursor.insertBlock()  # split: the tail keeps the paragraph's format
        if cursor.block().length() > 1:  # text after the cursor: keep it after the insert
            cursor.insertBlock()
            cursor.movePosition(QTextCursor.MoveOperation.PreviousBlock)
        # A table needs no lead block: the scratch document already starts with the
        # empty block Qt keeps in front of a table, and that one is merged away.
        # Except at the very start of the document, where Qt's special case for
        # position 0 would flatten the table.
        position = cursor.position()
        lead = position == 0 or not html.startswith("<table")
        start = QTextCursor(cursor.document())
        start.setPosition(position)
        start.setKeepPositionOnInsert(True)
        cursor.insertFragment(_fragment(html, lead_block=lead, new_group=new_group))
        _drop_lead_block(cursor.document(), position)
        if cursor.currentTable() is not None:
            _keep_paragraphs(cursor, start.position(), cursor.position())
        following = cursor.block().next()
        if following.isValid():  # a list the insert split in two restarts after it
            normalize_lists(cursor, following.position())
        return start.position(), cursor.position()
    finally:
        cursor.endEditBlock()


def _keep_paragraphs(cursor: QTextCursor, start: int, end: int) -> None:
    """Paragraphs pasted into a table cell stay paragraphs: a cell's default is bare
    lines, which the writer would join with <br>."""
    work = QTextCursor(cursor.document())
    block = cursor.document().findBlock(start)
    if block.position() < start:  # the block the paste was joined to is not pasted
        block = block.next()
    while block.isValid() and block.position() <= end:
        bfmt = block.blockFormat()
        if (
            block.textList() is None
            and not bfmt.headingLevel()
            and not bfmt.hasProperty(BLOCK_FORM)
        ):
            bfmt.setProperty(BLOCK_FORM, "p")
            work.setPosition(block.position())
            work.setBlockFormat(bfmt)
        block = block.next()


def _drop_lead_block(document: QTextDocument, position: int) -> None:
    """Remove the empty block left at `position` in front of inserted content."""
    work = QTextCursor(document)
    work.setPosition(position)
    block = work.block()
    if block.length() > 1:
        return
    previous, following = block.previous(), block.next()
    # In a table cell the first block's char format *is* the cell's format (spans,
    # header flag): never overwrite it with a paragraph's.
    in_table = work.currentTable() is not None
    if position > 0 and document.characterAt(position - 1) == _FRAME_END:
        # Right after a table: Qt lays this empty block out beside the table, so it
        # costs no space, and content merged into it (a rule) would be drawn there.
        work.setBlockFormat(QTextBlockFormat())
        work.setBlockCharFormat(QTextCharFormat())
        return
    if previous.isValid() and _same_frame(previous, block):
        # Merge it backwards into the block before, which gains nothing. That block
        # keeps its format - restored by hand, because when it is empty too (a
        # rule, say) Qt keeps the format of the second block instead.
        bfmt, cfmt = previous.blockFormat(), previous.charFormat()
        work.setPosition(position - 1)
        work.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
        work.removeSelectedText()
        work.setBlockFormat(bfmt)
        if not in_table:
            work.setBlockCharFormat(cfmt)
    elif (
        following.isValid()
        and following.position() == position + 1
        and _same_frame(following, block)
    ):
        # First block of its frame or cell: merge the next block into it and give
        # the result the next block's format (the merged block keeps the first one's).
        bfmt, cfmt = following.blockFormat(), following.charFormat()
        work.setPosition(position)
        work.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
        work.removeSelectedText()
        work.setBlockFormat(bfmt)
        if not in_table:
            work.setBlockCharFormat(cfmt)
    # Otherwise a table follows at the start of a frame: Qt needs a block there.


def selection_to_canonical(cursor: QTextCursor) -> str:
    """The canonical body of what `cursor` selects (for the clipboard)."""
    scratch = QTextDocument()
    QTextCursor(scratch).insertFragment(cursor.selection())
    return document_to_canonical(scratch)
