"""Test-wide set-up: Qt offscreen, and every user directory pointed into tmp so no
test can touch the real user's data."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from editorial_desk.domain.users import UserInfo

# Before any Qt import: tests run headless. (The app itself never sets this.)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    home = tmp_path_factory.mktemp("home")
    for var, sub in (
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
    ):
        (home / sub).mkdir()
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.delenv("EDITORIAL_DESK_DB", raising=False)
    monkeypatch.delenv("EDITORIAL_DESK_TZ", raising=False)
    monkeypatch.setenv("EDITORIAL_DESK_USER", "editor1")
    return home


@dataclass(frozen=True)
class Team:
    """A small office: the admin (the store's first user, `actor`), two editors,
    a reviewer and an exporter."""

    admin: UserInfo
    editor: UserInfo
    other_editor: UserInfo
    reviewer: UserInfo
    exporter: UserInfo


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "store.sqlite3"


@pytest.fixture
def store(db_path: Path):
    from editorial_desk.store.engine import open_store

    opened = open_store(str(db_path))
    yield opened
    opened.close()


@pytest.fixture
def actor(store):
    from editorial_desk.services.users import ensure_user

    with store.session() as session:
        return ensure_user(session, "editor1", "Анна Редакторова")


@pytest.fixture
def team(store, actor) -> Team:
    from editorial_desk.domain.roles import Role
    from editorial_desk.services.users import add_user

    with store.session() as session:
        return Team(
            admin=actor,
            editor=add_user(session, actor, "anna", "Анна Петрова", Role.EDITOR),
            other_editor=add_user(session, actor, "boris", "Борис Ёлкин", Role.EDITOR),
            reviewer=add_user(session, actor, "ivan", "Иван Начальников", Role.REVIEWER),
            exporter=add_user(session, actor, "olga", "Ольга Выпускающая", Role.EXPORTER),
        )
