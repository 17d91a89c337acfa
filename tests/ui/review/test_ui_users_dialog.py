"""The admin's users dialog, driven without exec(): fill, click, read the store."""

from __future__ import annotations

import pytest

from editorial_desk.domain.roles import Role
from editorial_desk.ui.review.labels import ROLE_ORDER
from editorial_desk.ui.review.users_dialog import UsersDialog, can_manage_users


@pytest.fixture
def dialog(qtbot, team, ops_for) -> UsersDialog:
    dialog = UsersDialog(ops_for(team.admin))
    qtbot.addWidget(dialog)
    return dialog


def roles_in_store(store) -> dict[str, Role]:
    from editorial_desk.services.users import list_users

    with store.session() as session:
        return {u.login: u.role for u in list_users(session)}


def choose(combo, role: Role) -> None:
    combo.setCurrentIndex(ROLE_ORDER.index(role))


def test_only_admins_manage_users(team):
    assert can_manage_users(team.admin)
    assert not any(can_manage_users(u) for u in (team.editor, team.reviewer, team.exporter))


def test_lists_everyone_with_their_role(dialog):
    rows = {
        dialog.table.item(r, dialog.LOGIN).text(): (
            dialog.table.item(r, dialog.NAME).text(),
            dialog.table.cellWidget(r, dialog.ROLE).currentText(),
        )
        for r in range(dialog.table.rowCount())
    }
    assert rows == {
        "editor1": ("Анна Редакторова", "Administrator"),
        "anna": ("Анна Петрова", "Editor"),
        "boris": ("Борис Ёлкин", "Editor"),
        "ivan": ("Иван Начальников", "Reviewer"),
        "olga": ("Ольга Выпускающая", "Exporter"),
    }


def test_add_a_user(dialog, store, type_text):
    changed = []
    dialog.usersChanged.connect(lambda: changed.append(True))
    assert not dialog.add_button.isEnabled()
    type_text(dialog.login_edit, "ivanova")
    type_text(dialog.name_edit, "Иванова Ольга Петровна")
    choose(dialog.role_combo, Role.REVIEWER)
    dialog.add_button.click()

    assert roles_in_store(store)["ivanova"] is Role.REVIEWER
    assert dialog.role_combo_of("ivanova").currentText() == "Reviewer"
    assert dialog.login_edit.text() == "" and dialog.name_edit.text() == ""
    assert changed == [True]


@pytest.mark.parametrize(
    ("login", "message"),
    [
        ("anna", "A user with the login “anna” already exists."),
        ("ivan petrov", "The login is one word without spaces"),
    ],
)
def test_a_bad_login_is_explained(dialog, store, message_boxes, type_text, login, message):
    before = roles_in_store(store)
    type_text(dialog.login_edit, login)
    dialog.add_button.click()
    assert message_boxes.texts()[0].startswith(message)
    assert roles_in_store(store) == before


def test_change_a_role(dialog, store, team):
    choose(dialog.role_combo_of("anna"), Role.REVIEWER)
    assert roles_in_store(store)["anna"] is Role.REVIEWER
    assert next(u for u in dialog.users() if u.login == "anna").role is Role.REVIEWER


def test_the_last_admin_cannot_step_down(dialog, store, message_boxes):
    combo = dialog.role_combo_of("editor1")
    choose(combo, Role.EDITOR)
    assert message_boxes.texts() == [
        "Анна Редакторова is the only administrator. Make someone else an administrator "
        "first: somebody must always be able to manage users."
    ]
    assert combo.currentText() == "Administrator"  # put back
    assert roles_in_store(store)["editor1"] is Role.ADMIN


def test_an_admin_may_step_down_when_there_is_another(dialog, store, message_boxes):
    own = []
    dialog.currentUserChanged.connect(own.append)
    choose(dialog.role_combo_of("ivan"), Role.ADMIN)
    choose(dialog.role_combo_of("editor1"), Role.REVIEWER)
    assert message_boxes.shown == []
    assert roles_in_store(store)["editor1"] is Role.REVIEWER
    assert [u.role for u in own] == [Role.REVIEWER]


def test_a_refused_change_is_shown_and_undone(qtbot, team, ops_for, store, message_boxes):
    # The dialog was opened by someone who is (no longer) an admin: the service says no.
    dialog = UsersDialog(ops_for(team.reviewer))
    qtbot.addWidget(dialog)
    combo = dialog.role_combo_of("anna")
    choose(combo, Role.ADMIN)
    assert message_boxes.shown[0][:2] == ("Not allowed", "Your role does not allow this action.")
    assert combo.currentText() == "Editor"
    assert roles_in_store(store)["anna"] is Role.EDITOR
