"""Migration 0006 (office settings): a store at 0005 gains the table with every
existing row kept, the table works, and it downgrades cleanly."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine

from editorial_desk.store.engine import open_store
from editorial_desk.store.migrate import alembic_config
from editorial_desk.store.migrations import SCHEMA_HEAD

NOW = "2026-03-01 09:00:00.000000"


def _database_at_0005(path: Path) -> None:
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        command.upgrade(alembic_config(conn), "0005")
        conn.commit()
    engine.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO users (id, login, display_name, role, created_at) "
            "VALUES (1, 'ivanova', 'Иванова', 'admin', ?)",
            (NOW,),
        )
        conn.execute(
            "INSERT INTO articles (id, title, title_key, lead, body, rubric, tags, author_id, "
            "status, planned_at, created_at, updated_at, word_count, version) "
            "VALUES (1, 'Сквер', 'сквер', '', '<p>Мэр открыл сквер</p>', 'Город', '[]', 1, "
            "'scheduled', ?, ?, ?, 3, 1)",
            (NOW, NOW, NOW),
        )


def _version(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def test_upgrade_adds_office_settings_and_downgrade_removes_them(db_path: Path):
    _database_at_0005(db_path)
    store = open_store(str(db_path))
    store.close()
    assert _version(db_path) == SCHEMA_HEAD  # 0006 and any later one
    assert store.backup_path is not None  # a migration always backs up first
    with sqlite3.connect(db_path) as conn:
        conn.execute("PRAGMA foreign_keys = ON")
        assert conn.execute("SELECT title, planned_at FROM articles").fetchall() == [("Сквер", NOW)]
        conn.execute(
            "INSERT INTO office_settings (key, value, updated_at, updated_by_id) "
            "VALUES ('time_zone', 'Asia/Vladivostok', ?, 1)",
            (NOW,),
        )
        with pytest.raises(sqlite3.IntegrityError):  # one row per key
            conn.execute(
                "INSERT INTO office_settings (key, value, updated_at) "
                "VALUES ('time_zone', 'Europe/Moscow', ?)",
                (NOW,),
            )
        with pytest.raises(sqlite3.IntegrityError):  # the user must exist
            conn.execute(
                "INSERT INTO office_settings (key, value, updated_at, updated_by_id) "
                "VALUES ('other', 'x', ?, 99)",
                (NOW,),
            )
        conn.commit()

    engine = create_engine(f"sqlite:///{db_path}")
    with engine.connect() as conn:
        command.downgrade(alembic_config(conn), "0005")
        conn.commit()
    engine.dispose()
    assert _version(db_path) == "0005"
    with sqlite3.connect(db_path) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    assert "office_settings" not in tables
