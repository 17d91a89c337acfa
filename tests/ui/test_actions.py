from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from editorial_desk.ui.actions import ACTIONS, MENUS, ActionId, build_actions


def test_declarations_are_consistent(qapp) -> None:
    ids = [spec.id for spec in ACTIONS]
    assert len(ids) == len(set(ids)) == len(ActionId)
    menu_ids = {menu.id for menu in MENUS}
    assert all(spec.menu in menu_ids for spec in ACTIONS)
    shortcuts = [
        QKeySequence(spec.shortcut).toString() for spec in ACTIONS if spec.shortcut is not None
    ]
    assert len(shortcuts) == len(set(shortcuts)), "two actions share a shortcut"


def test_builder_wires_menus_toolbar_and_handlers(qtbot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    toolbar = QToolBar(window)
    calls: list[ActionId] = []
    actions = build_actions(
        window,
        {action_id: (lambda a=action_id: calls.append(a)) for action_id in ActionId},
        toolbar=toolbar,
    )
    assert [m.title() for m in window.menuBar().findChildren(QMenu)][:4] == [
        "&File",
        "&View",
        "&Settings",
        "&Help",
    ]
    assert [a.objectName() for a in toolbar.actions()] == [
        "article.new",
        "article.save",
        "article.trash",
        "article.import",
        "article.export",
        "view.calendar",
    ]
    for action_id, action in actions.items():
        action.trigger()
        assert calls[-1] is action_id
        assert not action.icon().isNull()


def test_builder_refuses_missing_handlers(qtbot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    with pytest.raises(ValueError, match="without handler"):
        build_actions(window, {ActionId.NEW_ARTICLE: lambda: None})
