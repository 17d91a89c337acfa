"""Lists in the editor: bulleted and numbered lists on and off, and nesting with
Tab / Shift+Tab.

A list in the document is a ``QTextList`` whose format indent is its depth (see
``ui.body_convert``); more paragraphs of an item carry ``LIST_CONTINUATION``.
Every operation here works on the *run* of list blocks around the selection: it
decides a new depth (and list kind) per block, then :func:`_apply` re-links the
run in one pass, the way the writer will read it back - a block nests under the
item above it, items of one depth and kind between two shallower items share
one list. So what the user sees is what is saved: no orphan nesting, and
numbering that restarts exactly where the saved ``<ol>`` would restart.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from PySide6.QtGui import QTextBlock, QTextCursor, QTextList, QTextListFormat

from editorial_desk.ui.body_convert import (
    BLOCK_FORM,
    FIGURE_GROUP,
    LIST_CONTINUATION,
    QUOTE_GROUP,
)
from editorial_desk.ui.editor.formatting import (
    ListKind,
    heading_level,
    inline_by_default,
    is_quote,
    is_rule,
    list_kind,
    selected_blocks,
    set_heading,
)

_ITEM: Final = "item"
_CONTINUATION: Final = "continuation"
_PLAIN: Final = "plain"


@dataclass(slots=True)
class _Entry:
    block: QTextBlock
    kind: str  # _ITEM, _CONTINUATION or _PLAIN
    depth: int  # list depth of an item, LIST_CONTINUATION of a continuation, else 0
    list: QTextList | None
    target: int = -1  # new depth (-1: unchanged)
    want: ListKind | None = None  # new kind for an item (None: unchanged)
    selected: bool = False


def _container(block: QTextBlock) -> tuple[int, ...]:
    """Which frame or table cell (and quote) a block sits in: a run never leaves it."""
    cursor = QTextCursor(block)
    table = cursor.currentTable()
    quote = block.blockFormat().intProperty(QUOTE_GROUP) if is_quote(block.blockFormat()) else 0
    if table is not None:
        cell = table.cellAt(cursor)
        return (table.objectIndex(), cell.row(), cell.column(), quote)
    return (cursor.currentFrame().objectIndex(), -1, -1, quote)


def _entry(block: QTextBlock) -> _Entry:
    text_list = block.textList()
    if text_list is not None:
        return _Entry(block, _ITEM, max(text_list.format().indent(), 1), text_list)
    cont = block.blockFormat().intProperty(LIST_CONTINUATION)
    if cont > 0:
        return _Entry(block, _CONTINUATION, cont, None)
    return _Entry(block, _PLAIN, 0, None)


def _listish(block: QTextBlock) -> bool:
    return block.textList() is not None or block.blockFormat().intProperty(LIST_CONTINUATION) > 0


def _run(cursor: QTextCursor) -> list[_Entry]:
    """The selected blocks (up to where the selection leaves the first one's
    container) and the list blocks directly around them, in document order."""
    chosen = selected_blocks(cursor)
    key = _container(chosen[0])
    for index, block in enumerate(chosen):
        if _container(block) != key:  # a selection into a quote or table stops there
            chosen = chosen[:index]
            break
    start, end = chosen[0], chosen[-1]
    while (prev := start.previous()).isValid() and _listish(prev) and _container(prev) == key:
        start = prev
    while (nxt := end.next()).isValid() and _listish(nxt) and _container(nxt) == key:
        end = nxt
    selected = {block.blockNumber() for block in chosen}
    entries = []
    block = start
    while True:
        entry = _entry(block)
        entry.selected = block.blockNumber() in selected
        entries.append(entry)
        if block == end:
            break
        block = block.next()
    return entries


def _subtree_end(entries: list[_Entry], index: int) -> int:
    """One past the last entry belonging to the item at `index` (its own further
    paragraphs and everything nested under it)."""
    depth = entries[index].depth
    j = index + 1
    while j < len(entries):
        entry = entries[j]
        if (entry.kind == _ITEM and entry.depth > depth) or (
            entry.kind == _CONTINUATION and entry.depth >= depth
        ):
            j += 1
        else:
            break
    return j


def _list_format(kind: ListKind, depth: int) -> QTextListFormat:
    fmt = QTextListFormat()
    fmt.setStyle(kind.style)
    fmt.setIndent(depth)
    return fmt


class _Linker:
    """Re-links a run of blocks to lists from their target depths and kinds."""

    def __init__(self, cursor: QTextCursor) -> None:
        self.work = QTextCursor(cursor.document())
        self.stack: list[tuple[int, QTextList]] = []  # (depth, list) of the open lists
        self.closed: set[int] = set()  # object indexes of lists that ended in this run
        # A list that a paragraph just joined (or started) absorbs the adjacent list
        # of the same kind after it, so "1. a / 2. new / 3. b" numbers straight on.
        self.last_changed: int | None = None
        self.merged: dict[int, QTextList] = {}

    def _pop(self) -> None:
        self.closed.add(self.stack.pop()[1].objectIndex())

    def _open_at(self, depth: int) -> QTextList | None:
        return self.stack[-1][1] if self.stack and self.stack[-1][0] == depth else None

    def _usable(self, text_list: QTextList | None, depth: int, kind: ListKind) -> bool:
        return (
            text_list is not None
            and text_list.objectIndex() not in self.closed
            and all(entry[1].objectIndex() != text_list.objectIndex() for entry in self.stack)
            and max(text_list.format().indent(), 1) == depth
            and list_kind(text_list.format()) is kind
        )

    def item(self, entry: _Entry) -> None:
        top_depth = self.stack[-1][0] if self.stack else 0
        depth = min(entry.target if entry.target >= 0 else entry.depth, top_depth + 1)
        current = entry.list
        kind = entry.want or (list_kind(current.format()) if current is not None else None)
        assert kind is not None
        while self.stack and self.stack[-1][0] > depth:
            self._pop()
        open_list = self._open_at(depth)
        unchanged = (
            current is not None
            and current.objectIndex() not in self.closed
            and max(current.format().indent(), 1) == depth
            and list_kind(current.format()) is kind
        )
        if unchanged and current is not None:
            redirect = self.merged.get(current.objectIndex())
            if (
                redirect is None
                and open_list is not None
                and open_list.objectIndex() != current.objectIndex()
                and self.last_changed == open_list.objectIndex()
                and list_kind(open_list.format()) is kind
            ):
                redirect = self.merged[current.objectIndex()] = open_list
            if (
                redirect is not None
                and open_list is not None
                and redirect.objectIndex() == open_list.objectIndex()
            ):
                self._assign(entry.block, redirect)
                return
            self.last_changed = None
            # An item that keeps its depth and kind keeps its own list, so lists the
            # user did not touch are never merged or split.
            if open_list is None or open_list.objectIndex() != current.objectIndex():
                if open_list is not None:
                    self._pop()
                self.stack.append((depth, current))
            return
        if open_list is not None and list_kind(open_list.format()) is kind:
            target = open_list
        else:
            if open_list is not None:
                self._pop()
            if self._usable(current, depth, kind):
                assert current is not None
                target = current
            else:
                self.work.setPosition(entry.block.position())
                target = self.work.createList(_list_format(kind, depth))
            self.stack.append((depth, target))
        self._assign(entry.block, target)
        self.last_changed = target.objectIndex()

    def _assign(self, block: QTextBlock, target: QTextList) -> None:
        bfmt = block.blockFormat()
        current = block.textList()
        if (
            current is not None
            and current.objectIndex() == target.objectIndex()
            and not bfmt.hasProperty(LIST_CONTINUATION)
            and bfmt.indent() == 0
        ):
            return
        bfmt.setObjectIndex(target.objectIndex())
        bfmt.setIndent(0)
        bfmt.clearProperty(LIST_CONTINUATION)
        self.work.setPosition(block.position())
        self.work.setBlockFormat(bfmt)

    def continuation(self, entry: _Entry) -> None:
        top_depth = self.stack[-1][0] if self.stack else 0
        depth = min(entry.target if entry.target >= 0 else entry.depth, top_depth)
        if depth <= 0:
            self.plain(entry)
            return
        while self.stack and self.stack[-1][0] > depth:
            self._pop()
        bfmt = entry.block.blockFormat()
        if bfmt.intProperty(LIST_CONTINUATION) != depth or entry.block.textList() is not None:
            bfmt.setObjectIndex(-1)
            bfmt.setProperty(LIST_CONTINUATION, depth)
            bfmt.setIndent(depth)
            self.work.setPosition(entry.block.position())
            self.work.setBlockFormat(bfmt)

    def plain(self, entry: _Entry) -> None:
        self.last_changed = None
        while self.stack:
            self._pop()
        bfmt = entry.block.blockFormat()
        if entry.block.textList() is None and not bfmt.hasProperty(LIST_CONTINUATION):
            return
        bfmt.setObjectIndex(-1)
        bfmt.setIndent(0)
        bfmt.clearProperty(LIST_CONTINUATION)
        self.work.setPosition(entry.block.position())
        self.work.setBlockFormat(bfmt)
        if inline_by_default(entry.block):  # e.g. in a table cell: stay a line of its own
            bfmt.setProperty(BLOCK_FORM, "p")
            self.work.setBlockFormat(bfmt)


def _apply(cursor: QTextCursor, entries: list[_Entry]) -> None:
    linker = _Linker(cursor)
    # A list that already has items before this run was interrupted by whatever
    # ends the run there: the saved body restarts it, so the editor must too (Qt
    # would number on across the interruption).
    start = entries[0].block.position()
    for entry in entries:
        if entry.list is not None and entry.list.item(0).position() < start:
            linker.closed.add(entry.list.objectIndex())
    cursor.beginEditBlock()
    try:
        for entry in entries:
            target = entry.target if entry.target >= 0 else entry.depth
            if entry.want is not None and target > 0:
                linker.item(entry)  # a paragraph becoming an item, or a kind change
            elif entry.kind == _ITEM and target > 0:
                linker.item(entry)
            elif entry.kind == _CONTINUATION and target > 0:
                linker.continuation(entry)
            else:
                linker.plain(entry)
    finally:
        cursor.endEditBlock()


def _eligible(entry: _Entry) -> bool:
    """Rules and figure blocks never become list items."""
    bfmt = entry.block.blockFormat()
    return not is_rule(bfmt) and not bfmt.intProperty(FIGURE_GROUP)


def toggle_list(cursor: QTextCursor, kind: ListKind) -> None:
    """The Bulleted/Numbered List command: selected items of this kind leave the
    list; items of the other kind change kind (their whole list, as in Google
    Docs); paragraphs become items, joining an adjacent list of this kind."""
    entries = _run(cursor)
    chosen = [e for e in entries if e.selected and _eligible(e)]
    if not chosen:
        return
    items = [e for e in chosen if e.kind == _ITEM]
    if len(items) == len(chosen):
        if all(e.list is not None and list_kind(e.list.format()) is kind for e in items):
            for entry in items:
                entry.target = 0
            _apply(cursor, entries)
            return
        cursor.beginEditBlock()
        try:
            done: set[int] = set()
            for entry in items:
                assert entry.list is not None
                if entry.list.objectIndex() in done:
                    continue
                done.add(entry.list.objectIndex())
                fmt = entry.list.format()
                fmt.setStyle(kind.style)
                entry.list.setFormat(fmt)
        finally:
            cursor.endEditBlock()
        return
    cursor.beginEditBlock()
    try:
        for entry in chosen:
            if entry.kind == _ITEM:
                if entry.list is not None and list_kind(entry.list.format()) is not kind:
                    entry.want = kind
                continue
            entry.want = kind
            entry.target = entry.depth if entry.kind == _CONTINUATION else 1
            if heading_level(entry.block.blockFormat()):
                set_heading(QTextCursor(entry.block), 0)  # a list item is text, not a heading
        _apply(cursor, entries)
    finally:
        cursor.endEditBlock()


def change_level(cursor: QTextCursor, delta: int) -> bool:
    """Nest the selected items one level deeper (`delta` +1, Tab) or lift them one
    level (-1, Shift+Tab; an item at the top level becomes a paragraph). What is
    nested under an item moves with it. An item with nothing above it to nest
    under stays put. Returns whether anything changed."""
    entries = _run(cursor)
    roots = [i for i, e in enumerate(entries) if e.selected and e.kind == _ITEM]
    if not roots:
        return False
    if delta > 0:
        first = roots[0]
        depth = entries[first].depth
        has_parent = False
        for entry in reversed(entries[:first]):
            if entry.kind == _ITEM:
                has_parent = entry.depth >= depth
                break
        if not has_parent:
            return False
    moved: set[int] = set()
    for root in roots:
        moved.update(range(root, _subtree_end(entries, root)))
    for index in moved:
        entry = entries[index]
        entry.target = max(entry.depth + delta, 0)
    _apply(cursor, entries)
    return True


def normalize_lists(cursor: QTextCursor, position: int) -> None:
    """Re-link the list run around `position` after something was put into or
    taken out of it (a rule, a table, pasted blocks, a quote): each stretch of
    items gets the list the saved body will give it."""
    block = cursor.document().findBlock(position)
    if not block.isValid() or not _listish(block):
        return
    probe = QTextCursor(block)
    _apply(cursor, _run(probe))


def normalize_lists_around(cursor: QTextCursor) -> None:
    """`normalize_lists` for the cursor's block and the one after it: where a
    deletion across paragraphs joined two blocks, possibly swallowing the item a
    nested list hung from."""
    block = cursor.block()
    normalize_lists(cursor, block.position())
    following = block.next()
    if following.isValid():
        normalize_lists(cursor, following.position())


def remove_from_list(cursor: QTextCursor) -> None:
    """Backspace at the start of an item: that one item becomes a paragraph."""
    entries = _run(cursor)
    for entry in entries:
        if entry.selected and entry.kind == _ITEM:
            entry.target = 0
    _apply(cursor, entries)


def in_list(cursor: QTextCursor) -> bool:
    return cursor.currentList() is not None


def is_empty_item(cursor: QTextCursor) -> bool:
    return cursor.currentList() is not None and cursor.block().length() <= 1
