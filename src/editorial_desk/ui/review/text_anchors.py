"""Editor selections <-> comment anchors.

A comment anchor is a range of `editorial_desk.document.plain_text(body)` of the
SAVED body (Python string offsets). A `QTextCursor`'s selectionStart/End are
positions in the `QTextDocument`, and those are NOT the same offsets:

- a horizontal rule and the frame around a table are document positions (an
  empty block in `toPlainText()`) but nothing in `plain_text`;
- an image is one U+FFFC character in the document and nothing in `plain_text`;
- `toPlainText()` turns no-break spaces into plain spaces, `plain_text` keeps them;
- Qt counts UTF-16 code units, Python code points: an emoji is 2 positions there,
  1 offset here.

So both texts are aligned on what they share - the same non-space characters in
the same order - and positions are translated through that alignment. If the
document's visible characters differ from the saved body (unsaved edits), there
is no alignment: the user has to save before anchoring a comment (the service
would refuse a mismatching quote anyway)."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from editorial_desk.document import plain_text

_OBJECT = "\ufffc"  # an image (or other embedded object) in a QTextDocument
_LINE_SEPARATOR = "\u2028"  # <br> inside a block


@dataclass(frozen=True, slots=True)
class SelectionAnchor:
    """A selection as the comments service wants it: [start, end) of the saved
    body's plain text and the text found there."""

    start: int
    end: int
    quoted: str


def _skipped(char: str) -> bool:
    return char.isspace() or char in (_OBJECT, _LINE_SEPARATOR)


def _document_chars(document: QTextDocument) -> list[tuple[int, int, str]]:
    """(document position, width in UTF-16 units, character) of every visible
    non-space character, in order."""
    chars: list[tuple[int, int, str]] = []
    block = document.begin()
    while block.isValid():
        position = block.position()
        for char in block.text():
            width = 2 if ord(char) > 0xFFFF else 1
            if not _skipped(char):
                chars.append((position, width, char))
            position += width
        block = block.next()
    return chars


class BodyTextMap:
    """Translates between document positions and plain-text offsets of one body.
    Build it when needed (it walks the document once); it is not kept up to date."""

    def __init__(self, plain: str, doc_positions: list[int], widths: list[int], offsets: list[int]):
        self.plain = plain
        self._doc_positions = doc_positions  # ascending
        self._widths = widths
        self._offsets = offsets  # ascending, parallel to _doc_positions

    @classmethod
    def build(cls, document: QTextDocument, saved_body: str) -> BodyTextMap | None:
        """None when the document does not show exactly the saved body's text."""
        plain = plain_text(saved_body)
        doc_chars = _document_chars(document)
        positions: list[int] = []
        widths: list[int] = []
        offsets: list[int] = []
        offset = 0
        for position, width, char in doc_chars:
            while offset < len(plain) and plain[offset].isspace():
                offset += 1
            if offset >= len(plain) or plain[offset] != char:
                return None
            positions.append(position)
            widths.append(width)
            offsets.append(offset)
            offset += 1
        if plain[offset:].strip():  # the saved body has more text than the document
            return None
        return cls(plain, positions, widths, offsets)

    def anchor_for(self, doc_start: int, doc_end: int) -> SelectionAnchor | None:
        """The anchor for the document range [doc_start, doc_end); None when it holds
        no visible character (only spaces, an image, a rule)."""
        first = bisect_left(self._doc_positions, doc_start)
        last = bisect_left(self._doc_positions, doc_end) - 1
        if first > last:
            return None
        start, end = self._offsets[first], self._offsets[last] + 1
        return SelectionAnchor(start, end, self.plain[start:end])

    def document_range(self, start: int, end: int) -> tuple[int, int] | None:
        """The document range showing plain text [start, end); None if it holds no
        visible character."""
        first = bisect_left(self._offsets, start)
        last = bisect_left(self._offsets, end) - 1
        if first > last:
            return None
        return self._doc_positions[first], self._doc_positions[last] + self._widths[last]


def selection_anchor(cursor: QTextCursor, saved_body: str) -> SelectionAnchor | None:
    """The comment anchor for the cursor's selection in a document that shows
    `saved_body`; None without a selection, or when the document has unsaved
    changes (the caller then asks the user to save first)."""
    if not cursor.hasSelection():
        return None
    text_map = BodyTextMap.build(cursor.document(), saved_body)
    if text_map is None:
        return None
    return text_map.anchor_for(cursor.selectionStart(), cursor.selectionEnd())


def select_anchor(edit: QTextEdit, saved_body: str, start: int, end: int) -> bool:
    """Select plain text [start, end) of `saved_body` in `edit` and scroll to it
    (when a comment's quote is clicked). False if it cannot be found there."""
    text_map = BodyTextMap.build(edit.document(), saved_body)
    found = text_map.document_range(start, end) if text_map is not None else None
    if found is None:
        return False
    cursor = QTextCursor(edit.document())
    cursor.setPosition(found[0])
    cursor.setPosition(found[1], QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    edit.ensureCursorVisible()
    return True
