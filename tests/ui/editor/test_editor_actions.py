"""The editor's action declarations and their builder."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QToolBar, QWidget

from editorial_desk.ui.actions import ACTIONS as WINDOW_ACTIONS
from editorial_desk.ui.editor import ArticleEditor
from editorial_desk.ui.editor.actions import (
    ACTIONS,
    MENUS,
    EditorActionId,
    build_editor_actions,
)


def _keys(sequence: str | QKeySequence.StandardKey) -> list[str]:
    if isinstance(sequence, QKeySequence.StandardKey):
        return [key.toString() for key in QKeySequence.keyBindings(sequence)]
    return [QKeySequence(sequence).toString()]


def test_declarations_are_consistent(qapp) -> None:
    ids = [spec.id for spec in ACTIONS]
    assert len(ids) == len(set(ids)) == len(EditorActionId)
    menu_ids = {menu.id for menu in MENUS}
    assert all(spec.menu in menu_ids for spec in ACTIONS)
    shortcuts = [QKeySequence(key).toString() for spec in ACTIONS for key in spec.shortcuts]
    assert all(shortcuts), "a shortcut Qt cannot parse"
    assert len(shortcuts) == len(set(shortcuts)), "two editor actions share a shortcut"


def test_no_shortcut_clashes_with_the_window_or_the_text_edit(qapp) -> None:
    window = {
        key for spec in WINDOW_ACTIONS if spec.shortcut is not None for key in _keys(spec.shortcut)
    }
    editor = {QKeySequence(key).toString() for spec in ACTIONS for key in spec.shortcuts}
    assert not window & editor
    # QTextEdit's own bindings stay: copy, cut, paste, select all
    for standard in (
        QKeySequence.StandardKey.Copy,
        QKeySequence.StandardKey.Cut,
        QKeySequence.StandardKey.Paste,
        QKeySequence.StandardKey.SelectAll,
    ):
        assert not set(_keys(standard)) & editor


def test_the_required_shortcuts(qapp) -> None:
    wanted = {
        EditorActionId.PARAGRAPH: "Ctrl+0",
        EditorActionId.HEADING_2: "Ctrl+2",
        EditorActionId.HEADING_3: "Ctrl+3",
        EditorActionId.BOLD: "Ctrl+B",
        EditorActionId.ITALIC: "Ctrl+I",
        EditorActionId.UNDERLINE: "Ctrl+U",
        EditorActionId.BULLETS: "Ctrl+Shift+8",
        EditorActionId.NUMBERS: "Ctrl+Shift+7",
        EditorActionId.UNDO: "Ctrl+Z",
        EditorActionId.FIND: "Ctrl+F",
        EditorActionId.REPLACE: "Ctrl+H",
        EditorActionId.FIND_NEXT: "F3",
        EditorActionId.FIND_PREVIOUS: "Shift+F3",
        EditorActionId.PASTE_PLAIN: "Ctrl+Shift+V",
    }
    specs = {spec.id: spec for spec in ACTIONS}
    for action_id, key in wanted.items():
        assert specs[action_id].shortcuts[0] == key
    assert specs[EditorActionId.REDO].shortcuts == ("Ctrl+Y", "Ctrl+Shift+Z")


def test_builder_refuses_a_missing_handler(qtbot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    handlers = {action_id: (lambda: None) for action_id in EditorActionId}
    del handlers[EditorActionId.BOLD]
    with pytest.raises(ValueError, match=r"format\.bold"):
        build_editor_actions(owner, handlers, load_icons=False)


def test_builder_makes_menus_toolbar_and_calls_handlers(qtbot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    toolbar = QToolBar(owner)
    calls: list[EditorActionId] = []
    built = build_editor_actions(
        owner,
        {action_id: (lambda a=action_id: calls.append(a)) for action_id in EditorActionId},
        toolbar=toolbar,
        load_icons=False,
    )
    built[EditorActionId.BOLD].trigger()
    assert calls == [EditorActionId.BOLD]
    format_menu = built.menus["format"]
    titles = [action.text() for action in format_menu.actions() if not action.isSeparator()]
    assert "&Bold" in titles and "Table Ro&ws and Columns" in titles  # a submenu of Format
    table_menu = built.menus["table"]
    assert [a.objectName() for a in table_menu.actions() if not a.isSeparator()] == [
        "table.add_row",
        "table.add_column",
        "table.remove_row",
        "table.remove_column",
    ]
    in_toolbar = {a.objectName() for a in toolbar.actions() if not a.isSeparator()}
    assert {"format.bold", "format.heading2", "insert.link", "edit.undo"} <= in_toolbar
    assert built[EditorActionId.BOLD].toolTip() == "Bold (Ctrl+B)"


def test_editor_offers_its_menus_for_the_menu_bar(editor: ArticleEditor) -> None:
    assert editor.format_menu().title() == "F&ormat"
    assert editor.edit_menu().title() == "&Edit"
    assert editor.action(EditorActionId.BOLD) in editor.format_menu().actions()
    assert editor.actions_by_id()[EditorActionId.FIND] in editor.edit_menu().actions()
