"""Migration 0005 (review): comments survive the rebuild of their table, the new
tables work, and it downgrades cleanly."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from editorial_desk.store.engine import open_store
from editorial_desk.store.migrate import alembic_config
from editorial_desk.store.migrations import SCHEMA_HEAD

NOW = "2026-03-01 09:00:00.000000"


def _database_at_0004(path: Path) -> None:
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        command.upgrade(alembic_config(conn), "0004")
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
            "VALUES (1, 'Сквер', 'сквер', '', '<p>Мэр открыл сквер</p>', '', '[]', 1, "
            "'in_review', NULL, ?, ?, 3, 1)",
            (NOW, NOW),
        )
        conn.execute(
            "INSERT INTO revisions (id, article_id, number, article_version, title, lead, body, "
            "author_id, created_at) VALUES (1, 1, 1, 1, 'Сквер', '', '<p>Мэр открыл сквер</p>', "
            "1, ?)",
            (NOW,),
        )
        conn.execute(
            "INSERT INTO comments (article_id, author_id, text, anchor_start, anchor_end, "
            "anchor_text, created_at, updated_at, resolved_at) "
            "VALUES (1, 1, 'Какой сквер?', 11, 16, 'сквер', ?, ?, ?)",
            (NOW, NOW, NOW),
        )


def test_upgrade_keeps_comments_and_downgrade_removes_the_review_tables(db_path: Path):
    _database_at_0004(db_path)
    store = open_store(str(db_path))
    store.close()
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == SCHEMA_HEAD
        row = conn.execute(
            "SELECT text, anchor_text, resolved_at, resolved_by_id, anchor_removed_at FROM comments"
        ).fetchall()
        assert row == [("Какой сквер?", "сквер", NOW, None, None)]
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(
            "INSERT INTO approvals (article_id, revision_id, user_id, created_at) "
            "VALUES (1, 1, 1, ?)",
            (NOW,),
        )
        conn.execute(
            "INSERT INTO article_locks (article_id, user_id, token, host, pid, acquired_at, "
            "heartbeat_at, expires_at) VALUES (1, 1, 't', 'pc', 1, ?, ?, ?)",
            (NOW, NOW, NOW),
        )
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []

    engine = create_engine(f"sqlite:///{db_path}")
    with engine.connect() as conn:
        command.downgrade(alembic_config(conn), "0004")
        conn.commit()
    engine.dispose()
    with sqlite3.connect(db_path) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        columns = {r[1] for r in conn.execute("PRAGMA table_info(comments)")}
        assert conn.execute("SELECT count(*) FROM comments").fetchone()[0] == 1
    assert not {"approvals", "article_locks"} & tables
    assert not {"resolved_by_id", "anchor_removed_at"} & columns
