"""Users: the admin adds colleagues and sets roles; nobody else may."""

from __future__ import annotations

import pytest

from editorial_desk.domain.errors import NotFoundError, PermissionDeniedError, ValidationError
from editorial_desk.domain.roles import Role
from editorial_desk.services.users import (
    add_user,
    ensure_user,
    list_users,
    rename_user,
    set_role,
)


def test_admin_adds_users_who_then_log_in_with_that_role(store, actor):
    with store.session() as session:
        added = add_user(session, actor, " ivan ", "  Иван   Начальников ", Role.REVIEWER)
    assert (added.login, added.display_name, added.role) == ("ivan", "Иван Начальников", "reviewer")
    with store.session() as session:
        assert ensure_user(session, "ivan") == added  # first start on Ivan's PC
        assert [u.login for u in list_users(session)] == ["editor1", "ivan"]  # by name


def test_only_admins_manage_users(store, team):
    for user in (team.editor, team.reviewer, team.exporter):
        with pytest.raises(PermissionDeniedError, match="only an admin"), store.session() as s:
            add_user(s, user, "new", "Новый", Role.EDITOR)
        with pytest.raises(PermissionDeniedError, match="only an admin"), store.session() as s:
            set_role(s, user, user.login, Role.ADMIN)  # not even for oneself
        with pytest.raises(PermissionDeniedError), store.session() as s:
            rename_user(s, user, "editor1", "Другое имя")


def test_roles_change_and_the_last_admin_stays(store, team):
    with store.session() as session:
        assert set_role(session, team.admin, "anna", Role.REVIEWER).role is Role.REVIEWER
        assert set_role(session, team.admin, "anna", "exporter").role is Role.EXPORTER
    with pytest.raises(ValidationError, match="only admin"), store.session() as session:
        set_role(session, team.admin, team.admin.login, Role.EDITOR)
    with store.session() as session:
        set_role(session, team.admin, "boris", Role.ADMIN)
        assert set_role(session, team.admin, team.admin.login, Role.EDITOR).role is Role.EDITOR


def test_bad_input_is_refused(store, team):
    for login in ("", "two words", "x" * 151):
        with pytest.raises(ValidationError), store.session() as session:
            add_user(session, team.admin, login, "Имя", Role.EDITOR)
    with pytest.raises(ValidationError, match="already exists"), store.session() as session:
        add_user(session, team.admin, "anna", "Вторая Анна", Role.EDITOR)
    with pytest.raises(ValidationError, match="unknown role"), store.session() as session:
        add_user(session, team.admin, "new", "Новый", "chief")
    with pytest.raises(NotFoundError), store.session() as session:
        set_role(session, team.admin, "nobody", Role.EDITOR)


def test_everyone_renames_themselves(store, team):
    with store.session() as session:
        assert rename_user(session, team.editor, "anna", "Анна Петровна").display_name == (
            "Анна Петровна"
        )
        assert rename_user(session, team.admin, "ivan", "И. Начальников").display_name == (
            "И. Начальников"
        )
