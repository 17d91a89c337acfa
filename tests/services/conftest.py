"""A small office on a real store: the admin (the store's first user, `actor`),
two editors, a reviewer and an exporter."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from editorial_desk.domain.roles import Role
from editorial_desk.domain.users import UserInfo


@dataclass(frozen=True)
class Team:
    admin: UserInfo
    editor: UserInfo
    other_editor: UserInfo
    reviewer: UserInfo
    exporter: UserInfo


@pytest.fixture
def team(store, actor) -> Team:
    from editorial_desk.services.users import add_user

    with store.session() as session:
        return Team(
            admin=actor,
            editor=add_user(session, actor, "anna", "Анна Петрова", Role.EDITOR),
            other_editor=add_user(session, actor, "boris", "Борис Ёлкин", Role.EDITOR),
            reviewer=add_user(session, actor, "ivan", "Иван Начальников", Role.REVIEWER),
            exporter=add_user(session, actor, "olga", "Ольга Выпускающая", Role.EXPORTER),
        )
