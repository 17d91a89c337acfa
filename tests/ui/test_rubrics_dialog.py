"""Settings → Rubrics…: the real dialog on a real store."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from editorial_desk.services.articles import create_article, get_article
from editorial_desk.services.rubrics import add_rubric, list_rubrics
from editorial_desk.ui.context import AppContext
from editorial_desk.ui.rubrics_dialog import RubricsDialog, StoreRubricSource

MOSCOW = ZoneInfo("Europe/Moscow")


@pytest.fixture
def seeded(store, team):
    with store.session() as session:
        for name in ("Город", "Культура", "Спорт"):
            add_rubric(session, team.admin, name)
        return create_article(session, team.editor, title="Матч", rubric="Спорт")


def _dialog(qtbot, store, user) -> RubricsDialog:
    dialog = RubricsDialog(StoreRubricSource(AppContext(store, user, MOSCOW)))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _stored(store) -> list[str]:
    with store.session() as session:
        return list_rubrics(session)


def test_admin_adds_renames_moves_and_removes(qtbot, type_text, store, team, seeded, message_boxes):
    dialog = _dialog(qtbot, store, team.admin)
    assert dialog.rubrics() == ["Город", "Культура", "Спорт"]

    type_text(dialog.new_edit, "Экология")
    with qtbot.waitSignal(dialog.rubricsChanged) as signal:
        qtbot.keyClick(dialog.new_edit, Qt.Key.Key_Return)
    assert signal.args == [["Город", "Культура", "Спорт", "Экология"]]
    assert _stored(store)[-1] == "Экология" and dialog.current() == "Экология"
    assert dialog.new_edit.text() == "" and dialog.changed

    dialog.list.setCurrentRow(2)  # Спорт
    dialog.start_rename()
    editor = dialog.list.focusWidget()
    editor.selectAll()
    type_text(editor, "Спорт и отдых")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Спорт и отдых" in _stored(store), timeout=2000)
    with store.session() as session:
        assert get_article(session, seeded.id).rubric == "Спорт и отдых"

    qtbot.mouseClick(dialog.up_button, Qt.MouseButton.LeftButton)
    assert _stored(store) == ["Город", "Спорт и отдых", "Культура", "Экология"]
    assert dialog.current() == "Спорт и отдых"

    message_boxes.answers.append(QMessageBox.StandardButton.Cancel)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert "Спорт и отдых" in _stored(store)
    message_boxes.answers.append(QMessageBox.StandardButton.Ok)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert _stored(store) == ["Город", "Культура", "Экология"] == dialog.rubrics()
    assert "keep it" in message_boxes.shown[-1][2]
    with store.session() as session:  # the article keeps its rubric text
        assert get_article(session, seeded.id).rubric == "Спорт и отдых"


def test_adding_an_existing_rubric_selects_it(qtbot, type_text, store, team, seeded):
    dialog = _dialog(qtbot, store, team.admin)
    type_text(dialog.new_edit, "культура")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert _stored(store) == ["Город", "Культура", "Спорт"]
    assert dialog.current() == "Культура" and not dialog.changed


def test_editor_may_add_but_not_manage(qtbot, type_text, store, team, seeded):
    dialog = _dialog(qtbot, store, team.editor)
    dialog.list.setCurrentRow(0)
    for button in (dialog.rename_button, dialog.remove_button, dialog.down_button):
        assert not button.isEnabled()
    assert not dialog.list.item(0).flags() & Qt.ItemFlag.ItemIsEditable
    assert "admin" in dialog.note.text()
    type_text(dialog.new_edit, "Транспорт")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert _stored(store)[-1] == "Транспорт"


def test_reviewer_only_reads(qtbot, store, team, seeded):
    dialog = _dialog(qtbot, store, team.reviewer)
    assert dialog.rubrics() == ["Город", "Культура", "Спорт"]
    assert not dialog.new_edit.isEnabled()


def test_a_refused_change_is_explained_and_the_list_reloaded(
    qtbot, store, team, seeded, message_boxes
):
    dialog = _dialog(qtbot, store, team.admin)
    with store.session() as session:  # somebody removed it meanwhile
        from editorial_desk.services.rubrics import remove_rubric

        remove_rubric(session, team.admin, "Город")
    dialog.list.setCurrentRow(0)
    qtbot.mouseClick(dialog.down_button, Qt.MouseButton.LeftButton)
    assert message_boxes.shown  # "not found", in words
    assert dialog.rubrics() == ["Культура", "Спорт"]
    with store.session() as session:
        create_article(session, team.editor, title="x", rubric="Город")
    assert _stored(store) == ["Культура", "Спорт", "Город"]
