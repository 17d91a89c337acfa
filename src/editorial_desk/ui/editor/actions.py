"""The editor's commands (formatting, inserting, undo, find), declared once as data,
and the one builder that turns them into QActions, the editor's toolbar and the
"Edit" and "Format" menus the main window can put into its menu bar.

The editor supplies one handler per action id; like `ui.actions.build_actions`,
the builder refuses a declaration without a handler and a handler without a
declaration, so nothing is wired twice or forgotten."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar, QWidget

from editorial_desk.ui.editor.icons import editor_icon

TR_CONTEXT = "Editor"


class EditorActionId(StrEnum):
    UNDO = "edit.undo"
    REDO = "edit.redo"
    PASTE_PLAIN = "edit.paste_plain"
    FIND = "edit.find"
    REPLACE = "edit.replace"
    FIND_NEXT = "edit.find_next"
    FIND_PREVIOUS = "edit.find_previous"
    PARAGRAPH = "format.paragraph"
    HEADING_2 = "format.heading2"
    HEADING_3 = "format.heading3"
    BOLD = "format.bold"
    ITALIC = "format.italic"
    UNDERLINE = "format.underline"
    STRIKE = "format.strike"
    BULLETS = "format.bullets"
    NUMBERS = "format.numbers"
    INDENT = "format.indent"
    OUTDENT = "format.outdent"
    QUOTE = "format.quote"
    CLEAR = "format.clear"
    LINK = "insert.link"
    RULE = "insert.rule"
    IMAGE = "insert.image"
    TABLE = "insert.table"
    ADD_ROW = "table.add_row"
    ADD_COLUMN = "table.add_column"
    REMOVE_ROW = "table.remove_row"
    REMOVE_COLUMN = "table.remove_column"


class Needs(StrEnum):
    """When an action is enabled (the editor re-checks on every cursor move, O(1))."""

    ALWAYS = "always"  # also in a read-only editor (find, ...)
    EDITABLE = "editable"
    LIST = "list"  # editable, cursor in a list item
    TABLE = "table"  # editable, cursor in a table
    IMAGES = "images"  # editable, an image store callback is wired


@dataclass(frozen=True, slots=True)
class EditorMenuSpec:
    id: str
    text: str  # English source text with a mnemonic; translated in context "Editor"
    parent: str | None = None  # a submenu of this menu


@dataclass(frozen=True, slots=True)
class EditorActionSpec:
    id: EditorActionId
    text: str  # English source text with a mnemonic; translated in context "Editor"
    menu: str
    shortcuts: tuple[str, ...] = ()  # portable text ("Ctrl+B"); the first one is shown
    icon: str = ""  # editor icon name, see ui/editor/icons.py
    toolbar: bool = False
    tip: str = ""  # tool tip / status tip, English source text
    checkable: bool = False
    group: str | None = None  # checkable actions of one group exclude each other
    needs: Needs = Needs.EDITABLE
    separator_before: bool = False  # in the menu
    toolbar_separator_before: bool = False


MENUS: tuple[EditorMenuSpec, ...] = (
    EditorMenuSpec("edit", QT_TRANSLATE_NOOP("Editor", "&Edit")),
    EditorMenuSpec("format", QT_TRANSLATE_NOOP("Editor", "F&ormat")),
    EditorMenuSpec(
        "table", QT_TRANSLATE_NOOP("Editor", "Table Ro&ws and Columns"), parent="format"
    ),
)

_E = EditorActionId

ACTIONS: tuple[EditorActionSpec, ...] = (
    # -- Edit ------------------------------------------------------------------
    EditorActionSpec(
        _E.UNDO,
        QT_TRANSLATE_NOOP("Editor", "&Undo"),
        "edit",
        ("Ctrl+Z",),
        "undo",
        toolbar=True,
        tip=QT_TRANSLATE_NOOP("Editor", "Undo the last change"),
    ),
    EditorActionSpec(
        _E.REDO,
        QT_TRANSLATE_NOOP("Editor", "&Redo"),
        "edit",
        ("Ctrl+Y", "Ctrl+Shift+Z"),
        "redo",
        toolbar=True,
        tip=QT_TRANSLATE_NOOP("Editor", "Redo the change just undone"),
    ),
    EditorActionSpec(
        _E.PASTE_PLAIN,
        QT_TRANSLATE_NOOP("Editor", "Paste as &Plain Text"),
        "edit",
        ("Ctrl+Shift+V",),
        "paste-plain",
        tip=QT_TRANSLATE_NOOP("Editor", "Paste the clipboard's text without any formatting"),
        separator_before=True,
    ),
    EditorActionSpec(
        _E.FIND,
        QT_TRANSLATE_NOOP("Editor", "&Find…"),
        "edit",
        ("Ctrl+F",),
        "find",
        tip=QT_TRANSLATE_NOOP("Editor", "Find text in the article"),
        needs=Needs.ALWAYS,
        separator_before=True,
    ),
    EditorActionSpec(
        _E.REPLACE,
        QT_TRANSLATE_NOOP("Editor", "R&eplace…"),
        "edit",
        ("Ctrl+H",),
        "replace",
        tip=QT_TRANSLATE_NOOP("Editor", "Find text and replace it"),
    ),
    EditorActionSpec(
        _E.FIND_NEXT,
        QT_TRANSLATE_NOOP("Editor", "Find &Next"),
        "edit",
        ("F3",),
        needs=Needs.ALWAYS,
    ),
    EditorActionSpec(
        _E.FIND_PREVIOUS,
        QT_TRANSLATE_NOOP("Editor", "Find Pre&vious"),
        "edit",
        ("Shift+F3",),
        needs=Needs.ALWAYS,
    ),
    # -- Format: block kind ------------------------------------------------------
    EditorActionSpec(
        _E.PARAGRAPH,
        QT_TRANSLATE_NOOP("Editor", "&Paragraph"),
        "format",
        ("Ctrl+0",),
        "paragraph",
        toolbar=True,
        tip=QT_TRANSLATE_NOOP("Editor", "Normal text"),
        checkable=True,
        group="block",
        toolbar_separator_before=True,
    ),
    EditorActionSpec(
        _E.HEADING_2,
        QT_TRANSLATE_NOOP("Editor", "Heading &2"),
        "format",
        ("Ctrl+2",),
        "heading-2",
        toolbar=True,
        tip=QT_TRANSLATE_NOOP("Editor", "Subheading"),
        checkable=True,
        group="block",
    ),
    EditorActionSpec(
        _E.HEADING_3,
        QT_TRANSLATE_NOOP("Editor", "Heading &3"),
        "format",
        ("Ctrl+3",),
        "heading-3",
        toolbar=True,
        tip=QT_TRANSLATE_NOOP("Editor", "Smaller subheading"),
        checkable=True,
        group="block",
    ),
    # -- Format: inline ----------------------------------------------------------
    EditorActionSpec(
        _E.BOLD,
        QT_TRANSLATE_NOOP("Editor", "&Bold"),
        "format",
        ("Ctrl+B",),
        "bold",
        toolbar=True,
        checkable=True,
        separator_before=True,
        toolbar_separator_before=True,
    ),
    EditorActionSpec(
        _E.ITALIC,
        QT_TRANSLATE_NOOP("Editor", "&Italic"),
        "format",
        ("Ctrl+I",),
        "italic",
        toolbar=True,
        checkable=True,
    ),
    EditorActionSpec(
        _E.UNDERLINE,
        QT_TRANSLATE_NOOP("Editor", "&Underline"),
        "format",
        ("Ctrl+U",),
        "underline",
        toolbar=True,
        checkable=True,
    ),
    EditorActionSpec(
        _E.STRIKE,
        QT_TRANSLATE_NOOP("Editor", "&Strikethrough"),
        "format",
        # Ctrl+Shift+X as in Google Docs' and most web editors' Markdown-style
        # bindings; plain Ctrl+X stays Cut.
        ("Ctrl+Shift+X",),
        "strike",
        toolbar=True,
        checkable=True,
    ),
    # -- Format: lists and quotes -------------------------------------------------
    EditorActionSpec(
        _E.BULLETS,
        QT_TRANSLATE_NOOP("Editor", "B&ulleted List"),
        "format",
        ("Ctrl+Shift+8",),
        "bullets",
        toolbar=True,
        checkable=True,
        separator_before=True,
        toolbar_separator_before=True,
    ),
    EditorActionSpec(
        _E.NUMBERS,
        QT_TRANSLATE_NOOP("Editor", "&Numbered List"),
        "format",
        ("Ctrl+Shift+7",),
        "numbers",
        toolbar=True,
        checkable=True,
    ),
    EditorActionSpec(
        _E.OUTDENT,
        QT_TRANSLATE_NOOP("Editor", "&Decrease List Level"),
        "format",
        (),
        "outdent",
        toolbar=True,
        tip=QT_TRANSLATE_NOOP("Editor", "Move the list item one level up (Shift+Tab)"),
        needs=Needs.LIST,
    ),
    EditorActionSpec(
        _E.INDENT,
        QT_TRANSLATE_NOOP("Editor", "I&ncrease List Level"),
        "format",
        (),
        "indent",
        toolbar=True,
        tip=QT_TRANSLATE_NOOP("Editor", "Nest the list item under the one above (Tab)"),
        needs=Needs.LIST,
    ),
    EditorActionSpec(
        _E.QUOTE,
        QT_TRANSLATE_NOOP("Editor", "&Quote"),
        "format",
        (),
        "quote",
        toolbar=True,
        tip=QT_TRANSLATE_NOOP("Editor", "Format the paragraphs as a quotation"),
        checkable=True,
    ),
    # -- Format: insert ------------------------------------------------------------
    EditorActionSpec(
        _E.LINK,
        QT_TRANSLATE_NOOP("Editor", "&Link…"),
        "format",
        ("Ctrl+K",),
        "link",
        toolbar=True,
        tip=QT_TRANSLATE_NOOP("Editor", "Insert, change or remove a link"),
        separator_before=True,
        toolbar_separator_before=True,
    ),
    EditorActionSpec(
        _E.IMAGE,
        QT_TRANSLATE_NOOP("Editor", "I&mage from File…"),
        "format",
        (),
        "image",
        toolbar=True,
        tip=QT_TRANSLATE_NOOP("Editor", "Insert a photo with a caption"),
        needs=Needs.IMAGES,
    ),
    EditorActionSpec(
        _E.TABLE,
        QT_TRANSLATE_NOOP("Editor", "T&able…"),
        "format",
        (),
        "table",
        toolbar=True,
        tip=QT_TRANSLATE_NOOP("Editor", "Insert a table"),
    ),
    EditorActionSpec(
        _E.RULE,
        QT_TRANSLATE_NOOP("Editor", "&Horizontal Rule"),
        "format",
        (),
        "rule",
        toolbar=True,
        tip=QT_TRANSLATE_NOOP("Editor", "Insert a horizontal line"),
    ),
    # -- Format > Table --------------------------------------------------------------
    EditorActionSpec(
        _E.ADD_ROW,
        QT_TRANSLATE_NOOP("Editor", "Add &Row Below"),
        "table",
        (),
        "row-add",
        needs=Needs.TABLE,
    ),
    EditorActionSpec(
        _E.ADD_COLUMN,
        QT_TRANSLATE_NOOP("Editor", "Add &Column to the Right"),
        "table",
        (),
        "column-add",
        needs=Needs.TABLE,
    ),
    EditorActionSpec(
        _E.REMOVE_ROW,
        QT_TRANSLATE_NOOP("Editor", "&Delete Row"),
        "table",
        (),
        "row-remove",
        needs=Needs.TABLE,
        separator_before=True,
    ),
    EditorActionSpec(
        _E.REMOVE_COLUMN,
        QT_TRANSLATE_NOOP("Editor", "D&elete Column"),
        "table",
        (),
        "column-remove",
        needs=Needs.TABLE,
    ),
    EditorActionSpec(
        _E.CLEAR,
        QT_TRANSLATE_NOOP("Editor", "&Clear Formatting"),
        "format",
        ("Ctrl+\\",),
        "clear",
        toolbar=True,
        tip=QT_TRANSLATE_NOOP(
            "Editor", "Remove bold, italic, underline and strikethrough; headings become text"
        ),
        separator_before=True,
        toolbar_separator_before=True,
    ),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate(TR_CONTEXT, text)


def _strip_mnemonic(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def spec_of(action_id: EditorActionId) -> EditorActionSpec:
    return next(spec for spec in ACTIONS if spec.id is action_id)


@dataclass(slots=True)
class EditorActions:
    """What the builder made: the actions by id and the menus by id."""

    actions: dict[EditorActionId, QAction]
    menus: dict[str, QMenu]

    def __getitem__(self, action_id: EditorActionId) -> QAction:
        return self.actions[action_id]


def build_editor_actions(
    owner: QWidget,
    handlers: Mapping[EditorActionId, Callable[[], object]],
    *,
    toolbar: QToolBar | None = None,
    load_icons: bool = True,
    specs: tuple[EditorActionSpec, ...] = ACTIONS,
    menus: tuple[EditorMenuSpec, ...] = MENUS,
) -> EditorActions:
    """One QAction per spec, owned by and added to `owner` with a
    widget-with-children shortcut context (so the shortcuts work while the focus
    is anywhere in the editor, and do not steal keys from the rest of the window),
    put into its menu and, if asked, into `toolbar`; connected to its handler."""
    declared = {spec.id for spec in specs}
    if declared != set(handlers):
        missing = sorted(declared - set(handlers))
        extra = sorted(set(handlers) - declared)
        raise ValueError(f"actions without handler: {missing}; handlers without action: {extra}")
    menu_widgets: dict[str, QMenu] = {}
    for menu_spec in menus:
        parent_menu = menu_widgets.get(menu_spec.parent) if menu_spec.parent else None
        menu = QMenu(_tr(menu_spec.text), parent_menu or owner)
        menu.setObjectName(f"editorMenu.{menu_spec.id}")
        menu_widgets[menu_spec.id] = menu
    groups: dict[str, QActionGroup] = {}
    submenus_placed: set[str] = set()
    actions: dict[EditorActionId, QAction] = {}
    for spec in specs:
        text = _tr(spec.text)
        action = QAction(text, owner)
        action.setObjectName(spec.id.value)
        action.setIconText(_strip_mnemonic(text))
        if load_icons and spec.icon:
            action.setIcon(editor_icon(spec.icon))
        if spec.shortcuts:
            action.setShortcuts([QKeySequence(key) for key in spec.shortcuts])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        tip = _tr(spec.tip) if spec.tip else _strip_mnemonic(text).rstrip("…")
        if spec.shortcuts:
            native = QKeySequence(spec.shortcuts[0]).toString(
                QKeySequence.SequenceFormat.NativeText
            )
            action.setToolTip(f"{tip} ({native})")
        else:
            action.setToolTip(tip)
        action.setStatusTip(tip)
        action.setCheckable(spec.checkable)
        if spec.group is not None:
            group = groups.get(spec.group)
            if group is None:
                group = groups[spec.group] = QActionGroup(owner)
                group.setExclusive(True)
            group.addAction(action)
        owner.addAction(action)
        menu = menu_widgets[spec.menu]
        parent_id = next((m.parent for m in menus if m.id == spec.menu), None)
        if parent_id is not None and spec.menu not in submenus_placed:
            # A submenu appears in its parent where its first action is declared.
            menu_widgets[parent_id].addMenu(menu)
            submenus_placed.add(spec.menu)
        if spec.separator_before:
            menu.addSeparator()
        menu.addAction(action)
        if spec.toolbar and toolbar is not None:
            if spec.toolbar_separator_before and actions:
                toolbar.addSeparator()
            toolbar.addAction(action)
        handler = handlers[spec.id]
        action.triggered.connect(lambda _checked=False, h=handler: h())
        actions[spec.id] = action
    return EditorActions(actions, menu_widgets)


def load_action_icons(actions: Mapping[EditorActionId, QAction]) -> None:
    """Give actions built with `load_icons=False` their icons (e.g. after the first
    paint, to keep the icon font's load out of the start-up)."""
    for spec in ACTIONS:
        action = actions.get(spec.id)
        if action is not None and spec.icon and action.icon().isNull():
            action.setIcon(editor_icon(spec.icon))
