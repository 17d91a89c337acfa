"""The text area of the article editor: a ``QTextEdit`` that speaks the canonical
body format.

What it adds to ``QTextEdit``, and why:

* Enter at the end of a heading, a rule or a caption starts a normal paragraph
  (Qt would copy the heading format into the new block); Enter on an empty list
  item lifts it a level (ending the list at the top), on an empty quoted line
  leaves the quote - as Word and Google Docs do.
* Tab / Shift+Tab in a list nest and un-nest items; in a table they move between
  cells (Tab in the last cell adds a row). Backspace at the start of a list item
  turns it into a paragraph.
* Paste cleans foreign HTML into the body format and inserts it as structure;
  copy puts the canonical body of the selection on the clipboard.
* ``asset:<sha256>`` images are loaded on demand from an image provider.

Nothing here runs per keystroke beyond a few O(1) checks of the cursor's block.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QGuiApplication,
    QKeyEvent,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextEdit, QWidget

from editorial_desk.domain.assets import ASSET_SCHEME
from editorial_desk.ui.body_convert import BLOCK_FORM, FIGURE_GROUP
from editorial_desk.ui.editor.formatting import (
    heading_level,
    is_caption,
    is_quote,
    is_rule,
    plain_block_format,
    step_off_rule,
    unquote_block,
)
from editorial_desk.ui.editor.fragments import insert_canonical, selection_to_canonical
from editorial_desk.ui.editor.images import asset_url, display_image
from editorial_desk.ui.editor.lists import (
    change_level,
    is_empty_item,
    normalize_lists_around,
    remove_from_list,
)
from editorial_desk.ui.editor.paste import (
    CANONICAL_MIME,
    canonical_from_mime,
    mime_for,
    plain_text_from_mime,
)
from editorial_desk.ui.editor.tables import add_row


def _is_rule_next_to(rule: QTextBlock, following: QTextBlock) -> bool:
    """`rule` is a blank rule block directly followed by `following` in one frame."""
    return (
        is_rule(rule.blockFormat())
        and not rule.text().strip()
        and rule.position() + rule.length() == following.position()
        and QTextCursor(rule).currentFrame() == QTextCursor(following).currentFrame()
    )


def _joins_lines(cursor: QTextCursor, block: QTextBlock) -> bool:
    """Whether Enter here must make a line break, not a block: two lines of a table
    cell or of a caption are saved as one with <br>, so the editor shows them so."""
    bfmt = block.blockFormat()
    bare_cell_line = (
        cursor.currentTable() is not None
        and block.textList() is None
        and not is_quote(bfmt)  # (in a quote, lines are paragraphs)
        and bfmt.stringProperty(BLOCK_FORM) != "p"
    )
    return bare_cell_line or (is_caption(bfmt) and not cursor.atBlockEnd())


ImageProvider = Callable[[str], bytes | None]
"""sha256 -> the stored bytes of that image (None if there is no such asset)."""

_ASSET: Final = ASSET_SCHEME.rstrip(":")
LINE_BREAK: Final = "\u2028"  # what Shift+Enter inserts; <br> in the body
# Editor-made quote and figure ids start far above what the loader numbers (1, 2, ...
# per body), so a new quote never shares an id with a loaded one next to it.
_FIRST_GROUP: Final = 1 << 20


class BodyEdit(QTextEdit):
    """The text area; `ArticleEditor` owns it and loads/saves through body_convert."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bodyEdit")
        self.setAcceptRichText(True)
        self.setTabChangesFocus(False)
        # Some air between the frame and the text, as in a word processor's page
        # (Qt's default is 4 px); it survives clear() and every load.
        self.document().setDocumentMargin(12)
        self.document().setModified(False)  # a format change, not an edit
        self.image_provider: ImageProvider | None = None
        self._missing_images: set[str] = set()
        self._next_group = _FIRST_GROUP
        self.context_actions: list[QAction] = []  # added to the context menu by the editor

    def next_group(self) -> int:
        """A fresh quote/figure id for this document."""
        self._next_group += 1
        return self._next_group

    # -- keys ------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.isReadOnly():
            super().keyPressEvent(event)
            return
        if self._handle_key(event):
            event.accept()
            return
        if not self._selection_spans_blocks():
            super().keyPressEvent(event)  # the common case: nothing more to do
            return
        # Typing, Delete, Backspace or Cut over a selection across paragraphs can
        # swallow the item a nested list hangs from; the lists are re-linked in the
        # same undo step so the editor shows what will be saved.
        group = QTextCursor(self.document())
        group.beginEditBlock()
        try:
            super().keyPressEvent(event)
            cursor = self.textCursor()
            if is_rule(cursor.blockFormat()) and cursor.block().text().strip():
                step_off_rule(cursor)  # the selection began on a rule: the rule went too
            normalize_lists_around(cursor)
        finally:
            group.endEditBlock()
        self.ensureCursorVisible()

    def _selection_spans_blocks(self) -> bool:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return False
        document = self.document()
        return document.findBlock(cursor.selectionStart()) != document.findBlock(
            cursor.selectionEnd()
        )

    def _handle_key(self, event: QKeyEvent) -> bool:
        """Keys the editor handles itself (True: done, Qt must not see the key)."""
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        plain = modifiers == Qt.KeyboardModifier.NoModifier
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            return self._enter()
        if key == Qt.Key.Key_Tab and plain:
            return self._tab(forward=True)
        if key == Qt.Key.Key_Backtab or (
            key == Qt.Key.Key_Tab and modifiers == Qt.KeyboardModifier.ShiftModifier
        ):
            return self._tab(forward=False)
        cursor = self.textCursor()
        if cursor.hasSelection():
            return False
        if key == Qt.Key.Key_Backspace and plain and cursor.atBlockStart():
            if cursor.currentList():
                remove_from_list(cursor)
                return True
            previous = cursor.block().previous()
            if previous.isValid() and _is_rule_next_to(previous, cursor.block()):
                self._delete_rule(previous, cursor.block())
                return True
        if key == Qt.Key.Key_Delete and plain and is_rule(cursor.blockFormat()):
            following = cursor.block().next()
            if following.isValid() and _is_rule_next_to(cursor.block(), following):
                self._delete_rule(cursor.block(), following)
                return True
        text = event.text()
        if is_rule(cursor.blockFormat()) and text and text.isprintable():
            step_off_rule(cursor)  # what is typed on a rule starts the paragraph after it
            self.setTextCursor(cursor)
        return False

    def _delete_rule(self, rule: QTextBlock, following: QTextBlock) -> None:
        """Backspace after a rule (or Delete on it) removes the rule, as in Word:
        joining the two blocks would put the text into the rule's block."""
        bfmt, cfmt = following.blockFormat(), following.charFormat()
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        try:
            cursor.setPosition(rule.position())
            cursor.setPosition(following.position(), QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
            cursor.setBlockFormat(bfmt)
            cursor.setBlockCharFormat(cfmt)
        finally:
            cursor.endEditBlock()
        self.setTextCursor(cursor)

    def _enter(self) -> bool:
        cursor = self.textCursor()
        block = cursor.block()
        bfmt = block.blockFormat()
        if cursor.hasSelection():
            if not self._selection_spans_blocks():
                if _joins_lines(cursor, block):
                    cursor.insertText(LINE_BREAK)  # replaces the selection, as Enter would
                    self.setTextCursor(cursor)
                    return True
                return False
            # Across paragraphs: delete (re-linking lists, leaving rules), then Enter
            # where the selection was - all one undo step.
            cursor.beginEditBlock()
            try:
                cursor.removeSelectedText()
                step_off_rule(cursor)
                normalize_lists_around(cursor)
                self.setTextCursor(cursor)
                if not self._enter():
                    cursor = self.textCursor()
                    cursor.insertBlock()
                    self.setTextCursor(cursor)
            finally:
                cursor.endEditBlock()
            return True
        if is_empty_item(cursor):
            change_level(cursor, -1)
            return True
        if is_quote(bfmt) and block.length() <= 1 and block.textList() is None:
            unquote_block(cursor)
            return True
        if _joins_lines(cursor, block):
            cursor.insertText(LINE_BREAK)
            self.setTextCursor(cursor)
            return True
        if not cursor.atBlockEnd():
            return False
        if bfmt.intProperty(FIGURE_GROUP) and not is_caption(bfmt):
            following = block.next()
            if following.isValid() and is_caption(following.blockFormat()):
                # Enter after the picture goes to its caption, never between the two.
                cursor.setPosition(following.position())
                self.setTextCursor(cursor)
                return True
        elif not (heading_level(bfmt) or is_rule(bfmt) or is_caption(bfmt)):
            return False
        cursor.insertBlock(plain_block_format(bfmt), QTextCharFormat())
        self.setTextCursor(cursor)
        return True

    def _tab(self, *, forward: bool) -> bool:
        cursor = self.textCursor()
        if cursor.currentList() is not None:
            change_level(cursor, 1 if forward else -1)
            self.setTextCursor(cursor)
            return True
        table = cursor.currentTable()
        if table is None:
            return False
        cell = table.cellAt(cursor)
        row, column = cell.row(), cell.column()
        if forward:
            column += cell.columnSpan()
            if column >= table.columns():
                row, column = row + cell.rowSpan(), 0
            if row >= table.rows():
                add_row(cursor)
        else:
            column -= 1
            if column < 0:
                row, column = row - 1, table.columns() - 1
            if row < 0:
                return True
        target = table.cellAt(row, column)
        self.setTextCursor(target.firstCursorPosition())
        return True

    # -- clipboard ---------------------------------------------------------------

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasFormat(CANONICAL_MIME) or source.hasHtml() or source.hasText()

    def insertFromMimeData(self, source: QMimeData) -> None:
        if self.isReadOnly():
            return
        canonical = canonical_from_mime(source)
        text = plain_text_from_mime(source) if not canonical else ""
        if not canonical and not text:
            return
        spans = self._selection_spans_blocks()
        cursor = self.textCursor()
        cursor.beginEditBlock()
        try:
            if canonical:
                insert_canonical(cursor, canonical, self.next_group)
            else:
                step_off_rule(cursor)
                cursor.insertText(text)
            self.setTextCursor(cursor)
            if spans:  # (see keyPressEvent)
                normalize_lists_around(self.textCursor())
        finally:
            cursor.endEditBlock()
        self.ensureCursorVisible()

    def createMimeDataFromSelection(self) -> QMimeData:
        cursor = self.textCursor()
        return mime_for(selection_to_canonical(cursor), cursor.selection().toPlainText())

    def paste_plain_text(self) -> None:
        """Paste the clipboard's text without any formatting (Ctrl+Shift+V)."""
        if self.isReadOnly():
            return
        source = QGuiApplication.clipboard().mimeData()
        text = plain_text_from_mime(source) if source is not None else ""
        if text:
            spans = self._selection_spans_blocks()
            cursor = self.textCursor()
            cursor.beginEditBlock()
            try:
                step_off_rule(cursor)
                cursor.insertText(text)
                self.setTextCursor(cursor)
                if spans:
                    normalize_lists_around(self.textCursor())
            finally:
                cursor.endEditBlock()
            self.ensureCursorVisible()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        if self.context_actions:
            menu.addSeparator()
            for action in self.context_actions:
                menu.addAction(action)
        menu.exec(event.globalPos())
        menu.deleteLater()

    # -- images ------------------------------------------------------------------

    def loadResource(self, kind: int, name: QUrl) -> object:
        """Qt asks for a resource it does not have: an ``asset:`` image comes from
        the image provider (once; a missing one is remembered, or Qt would ask on
        every layout pass)."""
        if kind == int(QTextDocument.ResourceType.ImageResource.value) and name.scheme() == _ASSET:
            sha256 = name.path()
            if self.image_provider is not None and sha256 not in self._missing_images:
                data = self.image_provider(sha256)
                image = display_image(data, self.devicePixelRatioF()) if data else None
                if image is not None:
                    return image
            self._missing_images.add(sha256)
            return None
        return super().loadResource(kind, name)

    def register_image(self, sha256: str, data: bytes) -> bool:
        """Show the image `sha256` from `data`; False if Qt cannot decode it."""
        image = display_image(data, self.devicePixelRatioF())
        if image is None:
            return False
        url = QUrl(asset_url(sha256))
        document = self.document()
        document.addResource(int(QTextDocument.ResourceType.ImageResource.value), url, image)
        if sha256 in self._missing_images:
            # Already laid out with Qt's placeholder: lay out just those characters again.
            self._missing_images.discard(sha256)
            self._relayout_image(asset_url(sha256))
        return True

    def _relayout_image(self, name: str) -> None:
        document = self.document()
        text = document.toRawText()
        cursor = QTextCursor(document)
        index = text.find("\ufffc")
        while index >= 0:
            cursor.setPosition(index + 1)
            fmt = cursor.charFormat()
            if fmt.isImageFormat() and fmt.toImageFormat().name() == name:
                document.markContentsDirty(index, 1)
            index = text.find("\ufffc", index + 1)

    def forget_images(self) -> None:
        """A new body is loaded: ask the provider again for images it lacked."""
        self._missing_images.clear()
