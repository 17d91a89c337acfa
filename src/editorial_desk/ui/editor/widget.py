"""`ArticleEditor`: the rich-text body editor with its format toolbar, find bar and
live counts - a self-contained widget the article form embeds.

It loads and saves the body only through ``ui.body_convert`` (canonical HTML in,
canonical HTML out) and never touches the database: inserting a picture calls
the ``store_image`` callback, showing one the ``image_provider`` callback.

Per keystroke it does O(1) work: the toolbar state is read from the cursor's
char and block format, the modified flag is the document's own, and the counts
only restart a timer. Conversion to canonical HTML runs when `body()` is asked
for (saving), never while typing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat
from PySide6.QtWidgets import QFileDialog, QMenu, QToolBar, QVBoxLayout, QWidget

from editorial_desk.domain.errors import EditorialError
from editorial_desk.ui.body_convert import (
    FIGURE_GROUP,
    canonical_to_document,
    document_to_canonical,
    link_char_format,
)
from editorial_desk.ui.dialogs import show_error, show_message
from editorial_desk.ui.editor.actions import (
    EditorActionId,
    EditorActions,
    Needs,
    build_editor_actions,
    load_action_icons,
    spec_of,
)
from editorial_desk.ui.editor.body_edit import BodyEdit, ImageProvider
from editorial_desk.ui.editor.find_replace import FindReplaceBar
from editorial_desk.ui.editor.formatting import (
    FormatState,
    Inline,
    ListKind,
    base_char_format,
    clear_formatting,
    format_state,
    is_rule,
    plain_block_format,
    selected_blocks,
    set_heading,
    toggle_inline,
    toggle_quote,
    typing_modifier,
)
from editorial_desk.ui.editor.fragments import insert_canonical
from editorial_desk.ui.editor.images import ImageDialog, can_read_image, figure_html
from editorial_desk.ui.editor.links import LinkChoice, LinkDialog, link_range
from editorial_desk.ui.editor.lists import change_level, normalize_lists, toggle_list
from editorial_desk.ui.editor.stats import EditorStats, StatsWatcher
from editorial_desk.ui.editor.tables import (
    InsertTableDialog,
    TableShape,
    add_column,
    add_row,
    remove_column,
    remove_row,
    table_html,
)
from editorial_desk.ui.error_messages import ErrorMessage

translate = QCoreApplication.translate

StoreImage = Callable[[str], tuple[str, bytes]]
"""path of a picture file -> (sha256, bytes) of the asset it was stored as. May raise
an `EditorialError` (shown to the user) or `OSError` (the file cannot be read)."""

_E = EditorActionId
_IMAGE_FILTER = "*.jpg *.jpeg *.png *.gif *.webp"


class ArticleEditor(QWidget):
    """The body editor. Load with `set_body(html)`, read with `body()`.

    Signals: `modificationChanged(bool)` (the document's modified flag: undoing
    back to the loaded text clears it), `statsChanged(EditorStats)` (debounced
    counts)."""

    modificationChanged = Signal(bool)
    statsChanged = Signal(object)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        store_image: StoreImage | None = None,
        image_provider: ImageProvider | None = None,
        load_icons: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("articleEditor")
        self._store_image = store_image
        self._state: tuple[FormatState, bool, bool] | None = None
        self._loading = False
        self._image_dir = ""
        self.link_dialog: LinkDialog | None = None  # the open dialogs, for tests and focus
        self.table_dialog: InsertTableDialog | None = None
        self.image_dialog: ImageDialog | None = None

        self.body_edit = BodyEdit(self)
        self.body_edit.image_provider = image_provider
        self.body_edit.setPlaceholderText(translate("Editor", "Text of the article"))
        self.toolbar = QToolBar(translate("Editor", "Formatting"), self)
        self.toolbar.setObjectName("editorToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.toolbar.setIconSize(self.toolbar.iconSize() * 0.8)
        self.find_bar = FindReplaceBar(self.body_edit, self, load_icons=load_icons)
        self._actions: EditorActions = build_editor_actions(
            self, self._handlers(), toolbar=self.toolbar, load_icons=load_icons
        )
        self.body_edit.context_actions = [
            self._actions[_E.PASTE_PLAIN],
            self._actions[_E.LINK],
            self._actions[_E.CLEAR],
        ]

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.body_edit, 1)
        self.setFocusProxy(self.body_edit)

        document = self.body_edit.document()
        self._stats = StatsWatcher(document, self)
        self._stats.statsChanged.connect(self.statsChanged)
        document.modificationChanged.connect(self._on_modification_changed)
        document.undoAvailable.connect(self._actions[_E.UNDO].setEnabled)
        document.redoAvailable.connect(self._actions[_E.REDO].setEnabled)
        self.body_edit.cursorPositionChanged.connect(self._update_state)
        self.body_edit.currentCharFormatChanged.connect(self._update_state)
        self._actions[_E.UNDO].setEnabled(False)
        self._actions[_E.REDO].setEnabled(False)
        self._update_state()

    # -- public API ------------------------------------------------------------------

    def set_body(self, html: str, images: Mapping[str, bytes] | None = None) -> None:
        """Show the canonical body `html` (unmodified, nothing to undo, cursor at the
        start). `images` (sha256 -> bytes) are registered first; the images of the
        previous body are forgotten."""
        document = self.body_edit.document()
        was_modified = document.isModified()
        self._loading = True  # clearing and loading flip the modified flag on the way
        try:
            self._load(document, html, images)
        finally:
            self._loading = False
        if was_modified:
            self.modificationChanged.emit(False)
        self._stats.reset()
        self._update_state()

    def _load(self, document: QTextDocument, html: str, images: Mapping[str, bytes] | None) -> None:
        document.clear()  # drops the previous article's image resources too
        self.body_edit.forget_images()
        for sha256, data in (images or {}).items():
            self.body_edit.register_image(sha256, data)
        # Detach the editor's cursor while the body streams in. Left on the document
        # it would ride along to the end, and moving it back to the start repaints
        # its old spot, which first lays out the whole body (17 ms for 20,000
        # words); from a null cursor there is no old spot to repaint.
        self.body_edit.setTextCursor(QTextCursor())
        canonical_to_document(html, document)
        self.body_edit.setTextCursor(QTextCursor(document))

    def body(self) -> str:
        """The canonical body (runs the full conversion: call it to save, not per edit)."""
        return document_to_canonical(self.body_edit.document())

    def document(self) -> QTextDocument:
        return self.body_edit.document()

    def text_edit(self) -> BodyEdit:
        return self.body_edit

    def is_modified(self) -> bool:
        return self.body_edit.document().isModified()

    def _on_modification_changed(self, modified: bool) -> None:
        if not self._loading:
            self.modificationChanged.emit(modified)

    def set_modified(self, modified: bool) -> None:
        """`set_modified(False)` after a save makes the current text the clean state."""
        self.body_edit.document().setModified(modified)

    def set_read_only(self, read_only: bool) -> None:
        self.body_edit.setReadOnly(read_only)
        if read_only:  # a reviewer still selects and copies with the keyboard
            self.body_edit.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse
                | Qt.TextInteractionFlag.TextSelectableByKeyboard
            )
        self.find_bar.set_read_only(read_only)
        self._state = None
        self._update_state()

    def is_read_only(self) -> bool:
        return self.body_edit.isReadOnly()

    def set_store_image(self, store_image: StoreImage | None) -> None:
        self._store_image = store_image
        self._state = None
        self._update_state()

    def set_image_provider(self, image_provider: ImageProvider | None) -> None:
        self.body_edit.image_provider = image_provider

    def register_image(self, sha256: str, data: bytes) -> bool:
        """Make ``asset:<sha256>`` show `data`; False if it is not a picture Qt reads."""
        return self.body_edit.register_image(sha256, data)

    def stats(self) -> EditorStats:
        """The counts now (also emits `statsChanged` if they changed)."""
        return self._stats.refresh()

    def actions_by_id(self) -> dict[EditorActionId, QAction]:
        return dict(self._actions.actions)

    def action(self, action_id: EditorActionId) -> QAction:
        return self._actions[action_id]

    def format_menu(self) -> QMenu:
        """The "Format" menu (formatting, inserting, the Table submenu)."""
        return self._actions.menus["format"]

    def edit_menu(self) -> QMenu:
        """The editor's "Edit" menu (undo, redo, paste as plain text, find, replace)."""
        return self._actions.menus["edit"]

    def load_icons(self) -> None:
        """Icons for an editor built with `load_icons=False` (e.g. after the window's
        first paint: the icon font costs ~0.15 s the first time)."""
        load_action_icons(self._actions.actions)
        self.find_bar.load_icons()

    def current_format(self) -> FormatState:
        return format_state(self.body_edit.textCursor(), self.body_edit.currentCharFormat())

    # -- actions ------------------------------------------------------------------------

    def _handlers(self) -> dict[EditorActionId, Callable[[], object]]:
        edit = self.body_edit
        return {
            _E.UNDO: edit.undo,
            _E.REDO: edit.redo,
            _E.PASTE_PLAIN: edit.paste_plain_text,
            _E.FIND: self.find_bar.show_find,
            _E.REPLACE: self.find_bar.show_replace,
            _E.FIND_NEXT: self.find_bar.find_next,
            _E.FIND_PREVIOUS: self.find_bar.find_previous,
            _E.PARAGRAPH: lambda: self._edit(lambda c: set_heading(c, 0)),
            _E.HEADING_2: lambda: self._edit(lambda c: set_heading(c, 2)),
            _E.HEADING_3: lambda: self._edit(lambda c: set_heading(c, 3)),
            _E.BOLD: lambda: self._toggle_inline(Inline.BOLD),
            _E.ITALIC: lambda: self._toggle_inline(Inline.ITALIC),
            _E.UNDERLINE: lambda: self._toggle_inline(Inline.UNDERLINE),
            _E.STRIKE: lambda: self._toggle_inline(Inline.STRIKE),
            _E.BULLETS: lambda: self._edit(lambda c: toggle_list(c, ListKind.BULLETS)),
            _E.NUMBERS: lambda: self._edit(lambda c: toggle_list(c, ListKind.NUMBERS)),
            _E.INDENT: lambda: self._edit(lambda c: change_level(c, 1)),
            _E.OUTDENT: lambda: self._edit(lambda c: change_level(c, -1)),
            _E.QUOTE: lambda: self._edit(self._toggle_quote),
            _E.CLEAR: self._clear_formatting,
            _E.LINK: self.edit_link,
            _E.RULE: self.insert_rule,
            _E.IMAGE: self.insert_image_from_file,
            _E.TABLE: self.insert_table,
            _E.ADD_ROW: lambda: self._edit(add_row),
            _E.ADD_COLUMN: lambda: self._edit(add_column),
            _E.REMOVE_ROW: lambda: self._edit(remove_row),
            _E.REMOVE_COLUMN: lambda: self._edit(remove_column),
        }

    def _editable(self) -> bool:
        return not self.body_edit.isReadOnly()

    def _edit(self, operation: Callable[[QTextCursor], object]) -> None:
        """Run a document operation on the editor's cursor (one undo step each)."""
        if not self._editable():
            return
        cursor = self.body_edit.textCursor()
        operation(cursor)
        self.body_edit.setTextCursor(cursor)
        self._state = None
        self._update_state()

    def _toggle_inline(self, kind: Inline) -> None:
        if not self._editable():
            return
        cursor = self.body_edit.textCursor()
        typing = toggle_inline(cursor, kind, self.body_edit.currentCharFormat())
        if typing is not None:  # nothing selected, not in a word: the next typed text
            self.body_edit.mergeCurrentCharFormat(typing_modifier(kind, typing, cursor))
        else:
            self.body_edit.setTextCursor(cursor)
        self._state = None
        self._update_state()

    def _toggle_quote(self, cursor: QTextCursor) -> None:
        cursor.beginEditBlock()
        try:
            toggle_quote(cursor, self.body_edit.next_group)
            # A list partly quoted is two or three lists now: number them that way.
            blocks = selected_blocks(cursor)
            first, after = blocks[0], blocks[-1].next()
            normalize_lists(cursor, first.position())
            if after.isValid():
                normalize_lists(cursor, after.position())
        finally:
            cursor.endEditBlock()

    def _clear_formatting(self) -> None:
        if not self._editable():
            return
        cursor = self.body_edit.textCursor()
        clear_formatting(cursor)
        self.body_edit.setTextCursor(cursor)
        if not cursor.hasSelection():  # (with one, this would format the selection)
            fmt = base_char_format(cursor.blockFormat())
            if cursor.charFormat().isAnchor():
                fmt.merge(link_char_format(cursor.charFormat().anchorHref()))
            self.body_edit.setCurrentCharFormat(fmt)
        self._state = None
        self._update_state()

    def _continue_after(self, cursor: QTextCursor) -> None:
        """After an inserted rule or figure: into the paragraph that follows, or a
        new one, so the user can type on."""
        block = cursor.block()
        following = block.next()
        if (
            following.isValid()
            and following.position() == block.position() + block.length()
            and not is_rule(following.blockFormat())
            and following.blockFormat().intProperty(FIGURE_GROUP) == 0
        ):
            cursor.setPosition(following.position())
            return
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        cursor.insertBlock(plain_block_format(block.blockFormat()), QTextCharFormat())

    def insert_rule(self) -> None:
        if not self._editable():
            return
        cursor = self.body_edit.textCursor()
        cursor.beginEditBlock()
        try:
            insert_canonical(cursor, "<hr>", self.body_edit.next_group)
            self._continue_after(cursor)
        finally:
            cursor.endEditBlock()
        self.body_edit.setTextCursor(cursor)

    # -- tables ---------------------------------------------------------------------------

    def insert_table(self) -> None:
        """Ask for the shape (window-modal, not blocking) and insert on OK."""
        if not self._editable() or self.body_edit.textCursor().currentTable() is not None:
            return
        dialog = InsertTableDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.insert_table_of(dialog.shape()))
        dialog.destroyed.connect(lambda _obj=None: setattr(self, "table_dialog", None))
        self.table_dialog = dialog
        dialog.open()

    def insert_table_of(self, shape: TableShape) -> None:
        """Insert an empty table of `shape` at the cursor; the cursor goes to its first cell."""
        if not self._editable():
            return
        cursor = self.body_edit.textCursor()
        start, end = insert_canonical(cursor, table_html(shape), self.body_edit.next_group)
        probe = QTextCursor(self.body_edit.document())
        for position in range(start, end + 1):
            probe.setPosition(position)
            table = probe.currentTable()
            if table is not None:
                cursor = table.cellAt(0, 0).firstCursorPosition()
                break
        self.body_edit.setTextCursor(cursor)
        self.body_edit.setFocus()

    # -- links ---------------------------------------------------------------------------

    def edit_link(self) -> None:
        """Insert, change or remove the link at the cursor (Ctrl+K)."""
        if not self._editable():
            return
        cursor = self.body_edit.textCursor()
        existing = link_range(cursor)
        if cursor.hasSelection():
            start, end = cursor.selectionStart(), cursor.selectionEnd()
            href = existing[2] if existing else ""
            dialog = LinkDialog(self, href=href, editing=existing is not None)
        elif existing is not None:
            start, end, href = existing
            dialog = LinkDialog(self, href=href, editing=True)
        else:
            start = end = cursor.position()
            dialog = LinkDialog(self, ask_text=True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.apply_link(start, end, dialog.choice()))
        dialog.destroyed.connect(lambda _obj=None: setattr(self, "link_dialog", None))
        self.link_dialog = dialog
        dialog.open()

    def apply_link(self, start: int, end: int, choice: LinkChoice | None) -> None:
        """Link [start, end) (insert the link's text when empty) or unlink it."""
        if choice is None or not self._editable():
            return
        document = self.body_edit.document()
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        try:
            if choice.remove:
                _unlink(cursor, start, end)
                cursor.setPosition(end)
            elif start == end:
                cursor.setPosition(start)
                fmt = QTextCharFormat(self.body_edit.currentCharFormat())
                fmt.merge(link_char_format(choice.href))
                cursor.insertText(choice.text, fmt)
            else:
                cursor.setPosition(start)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(link_char_format(choice.href))
        finally:
            cursor.endEditBlock()
        self.body_edit.setTextCursor(cursor)
        if start == end and not choice.remove:  # type on after the link, not in it
            self.body_edit.setCurrentCharFormat(_without_link(cursor.charFormat(), cursor))
        self.body_edit.setFocus()
        self._state = None
        self._update_state()

    # -- images --------------------------------------------------------------------------

    def choose_image_file(self) -> str:
        """The picture file the user picks ("" if cancelled). Tests replace this."""
        path, _filter = QFileDialog.getOpenFileName(
            self,
            translate("Editor", "Insert Image"),
            self._image_dir,
            translate("Editor", "Images ({patterns})").format(patterns=_IMAGE_FILTER),
        )
        return path

    def insert_image_from_file(self) -> None:
        """Pick a file, ask for caption and description, then store and insert it."""
        if not self._editable() or self._store_image is None:
            return
        path = self.choose_image_file()
        if not path:
            return
        if not can_read_image(path):
            show_message(
                self,
                ErrorMessage(
                    translate("Editor", "Cannot insert the image"),
                    translate(
                        "Editor", "“{path}” is not a picture the editor can read (JPEG, PNG, …)."
                    ).format(path=path),
                ),
            )
            return
        self._image_dir = str(Path(path).parent)
        dialog = ImageDialog(path, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: self.insert_image(path, dialog.details().caption, dialog.details().alt)
        )
        dialog.destroyed.connect(lambda _obj=None: setattr(self, "image_dialog", None))
        self.image_dialog = dialog
        dialog.open()

    def insert_image(self, path: str, caption: str = "", alt: str = "") -> bool:
        """Store the picture at `path` through the `store_image` callback and insert it
        as a figure with `caption` at the cursor. False if it could not be stored."""
        if not self._editable() or self._store_image is None:
            return False
        try:
            sha256, data = self._store_image(path)
        except EditorialError as error:
            show_error(self, error)
            return False
        except OSError as error:
            show_message(
                self,
                ErrorMessage(
                    translate("Editor", "Cannot insert the image"),
                    translate("Editor", "The file “{path}” cannot be read.").format(path=path),
                    str(error),
                ),
            )
            return False
        self.register_image(sha256, data)
        cursor = self.body_edit.textCursor()
        cursor.beginEditBlock()
        try:
            insert_canonical(
                cursor, figure_html(sha256, alt or caption, caption), self.body_edit.next_group
            )
            self._continue_after(cursor)
        finally:
            cursor.endEditBlock()
        self.body_edit.setTextCursor(cursor)
        self.body_edit.setFocus()
        return True

    # -- toolbar state -----------------------------------------------------------------

    def _update_state(self) -> None:
        """Check and enable the actions for the cursor: O(1), runs on every cursor move."""
        state = format_state(self.body_edit.textCursor(), self.body_edit.currentCharFormat())
        key = (state, self._editable(), self._store_image is not None)
        if key == self._state:
            return
        self._state = key
        actions = self._actions
        actions[_E.PARAGRAPH].setChecked(state.heading == 0)
        actions[_E.HEADING_2].setChecked(state.heading == 2)
        actions[_E.HEADING_3].setChecked(state.heading == 3)
        actions[_E.BOLD].setChecked(state.bold)
        actions[_E.ITALIC].setChecked(state.italic)
        actions[_E.UNDERLINE].setChecked(state.underline)
        actions[_E.STRIKE].setChecked(state.strike)
        actions[_E.BULLETS].setChecked(state.list_kind is ListKind.BULLETS)
        actions[_E.NUMBERS].setChecked(state.list_kind is ListKind.NUMBERS)
        actions[_E.QUOTE].setChecked(state.quote)
        editable = self._editable()
        for action_id, action in actions.actions.items():
            needs = spec_of(action_id).needs
            if action_id in (_E.UNDO, _E.REDO):
                continue  # follow the document's undo stack
            if needs is Needs.ALWAYS:
                enabled = True
            elif needs is Needs.LIST:
                enabled = editable and state.list_kind is not None
            elif needs is Needs.TABLE:
                enabled = editable and state.in_table
            elif needs is Needs.IMAGES:
                enabled = editable and self._store_image is not None
            else:
                enabled = editable
            if action_id is _E.TABLE:
                enabled = enabled and not state.in_table  # the format has no nested tables
            action.setEnabled(enabled)


def _without_link(fmt: QTextCharFormat, cursor: QTextCursor) -> QTextCharFormat:
    new = QTextCharFormat(fmt)
    new.setAnchor(False)
    new.clearProperty(QTextFormat.Property.AnchorHref)
    new.clearProperty(QTextFormat.Property.ForegroundBrush)
    new.clearProperty(QTextFormat.Property.TextToolTip)
    base = base_char_format(cursor.blockFormat())
    if base.hasProperty(QTextFormat.Property.ForegroundBrush):
        new.setForeground(base.foreground())  # a caption's grey
    return new


def _unlink(cursor: QTextCursor, start: int, end: int) -> None:
    """Remove the link from [start, end), keeping every other formatting."""
    document = cursor.document()
    runs = []
    block = document.findBlock(start)
    while block.isValid() and block.position() < end:
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            it += 1
            if not fragment.isValid():
                continue
            lo = max(start, fragment.position())
            hi = min(end, fragment.position() + fragment.length())
            if lo < hi:
                runs.append((lo, hi, fragment.charFormat()))
        block = block.next()
    for lo, hi, fmt in runs:  # read first: changing formats merges the fragments
        cursor.setPosition(lo)
        cursor.setPosition(hi, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(_without_link(fmt, cursor))
