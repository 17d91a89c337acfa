"""Migrations: the chain is what start-up expects, the models match it, and an old
database is upgraded with every row kept and a backup taken first."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

from editorial_desk.store.engine import open_store
from editorial_desk.store.migrate import alembic_config
from editorial_desk.store.migrations import KNOWN_REVISIONS, SCHEMA_HEAD
from editorial_desk.store.models import Base


def test_known_revisions_match_the_alembic_chain():
    engine = create_engine("sqlite://")
    with engine.connect() as conn:
        script = ScriptDirectory.from_config(alembic_config(conn))
        chain = [rev.revision for rev in script.walk_revisions()][::-1]
    assert tuple(chain) == KNOWN_REVISIONS
    assert script.get_current_head() == SCHEMA_HEAD


def test_models_and_migrations_agree(store):
    with store.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diffs == []


def _make_first_migration_db(path: Path) -> None:
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        command.upgrade(alembic_config(conn), "0001")
        conn.commit()
    engine.dispose()
    now = datetime(2026, 3, 1, 9, 0, tzinfo=UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(
            "INSERT INTO users (id, login, display_name, role, created_at) "
            "VALUES (1, 'ivanova', 'Иванова', 'admin', ?)",
            (now,),
        )
        for n in range(1, 4):
            conn.execute(
                "INSERT INTO articles (id, title, lead, body, rubric, tags, author_id, status, "
                "planned_at, created_at, updated_at, version) "
                "VALUES (?, ?, '', ?, ?, '[]', 1, 'draft', NULL, ?, ?, 1)",
                (
                    n,
                    f"Новость {n}",
                    "<p>Раз два три-четыре</p>",
                    ["Город", "Спорт", ""][n - 1],
                    now,
                    now,
                ),
            )
            conn.execute(
                "INSERT INTO revisions (article_id, number, article_version, title, lead, body, "
                "author_id, created_at) VALUES (?, 1, 1, ?, '', '<p>x</p>', 1, ?)",
                (n, f"Новость {n}", now),
            )
            conn.execute(
                "INSERT INTO status_changes (article_id, user_id, from_status, to_status, reason, "
                "created_at) VALUES (?, 1, NULL, 'draft', '', ?)",
                (n, now),
            )
            conn.execute(
                "INSERT INTO comments (article_id, author_id, text, created_at, updated_at) "
                "VALUES (?, 1, 'Проверить цифры', ?, ?)",
                (n, now, now),
            )


def _counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        return {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("users", "articles", "revisions", "status_changes", "comments")
        }


def test_upgrade_from_first_migration_keeps_every_row_and_backs_up(db_path: Path):
    _make_first_migration_db(db_path)
    before = _counts(db_path)
    assert before == {"users": 1, "articles": 3, "revisions": 3, "status_changes": 3, "comments": 3}

    store = open_store(str(db_path))
    store.close()

    # Every child row survived the rebuild of `articles` (foreign keys were off).
    assert _counts(db_path) == before
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == SCHEMA_HEAD
        assert conn.execute("SELECT word_count FROM articles WHERE id = 1").fetchone()[0] == 3
        assert conn.execute("SELECT title_key FROM articles WHERE id = 2").fetchone()[0] == (
            "новость 2"
        )
        rubrics = [r[0] for r in conn.execute("SELECT name FROM rubrics ORDER BY position")]
        assert rubrics == ["Город", "Спорт"]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []

    assert store.backup_path is not None
    backup = Path(store.backup_path)
    assert backup.parent == db_path.parent and "0001" in backup.name
    assert _counts(backup) == before
    with sqlite3.connect(backup) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"

    reopened = open_store(str(db_path))  # a second start needs no migration, no new backup
    assert reopened.backup_path is None
    reopened.close()
