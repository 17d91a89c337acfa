"""Migration 0007 (plan indexes): a store at 0006 gains the covering plan index and
the (status|author|rubric, planned_at) pairs, loses the two single-column indexes
they make redundant, keeps every row, and the queries the calendar, the list and
the filter combos run are answered from the indexes. It downgrades cleanly."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from editorial_desk.store.engine import open_store
from editorial_desk.store.migrate import alembic_config

NOW = "2026-03-01 09:00:00.000000"
NEW = {
    "ix_articles_plan",
    "ix_articles_status_planned_at",
    "ix_articles_author_id_planned_at",
    "ix_articles_rubric_planned_at",
}
OLD = {"ix_articles_planned_at", "ix_articles_status"}


def _database_at_0006(path: Path) -> None:
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        command.upgrade(alembic_config(conn), "0006")
        conn.commit()
    engine.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO users (id, login, display_name, role, created_at) "
            "VALUES (1, 'ivanova', 'Иванова', 'admin', ?)",
            (NOW,),
        )
        for n, planned in ((1, NOW), (2, None)):
            conn.execute(
                "INSERT INTO articles (id, title, title_key, lead, body, rubric, tags, "
                "author_id, status, planned_at, created_at, updated_at, word_count, version) "
                "VALUES (?, ?, ?, '', '<p>Мэр открыл сквер</p>', 'Город', '[]', 1, "
                "'draft', ?, ?, ?, 3, 1)",
                (n, f"Сквер {n}", f"сквер {n}", planned, NOW, NOW),
            )


def _article_indexes(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'articles' "
            "AND name NOT LIKE 'sqlite_autoindex%'"
        )
        return {name for (name,) in rows}


def _plan(path: Path, sql: str, params: tuple = ()) -> str:
    with sqlite3.connect(path) as conn:
        return " | ".join(str(row[-1]) for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params))


def _rows(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute(
            "SELECT id, title, status, planned_at, body FROM articles ORDER BY id"
        ).fetchall()


def _version(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def test_upgrade_replaces_the_single_column_indexes_and_keeps_the_rows(db_path: Path):
    _database_at_0006(db_path)
    before_rows, before_indexes = _rows(db_path), _article_indexes(db_path)
    assert before_indexes >= OLD and not NEW & before_indexes

    store = open_store(str(db_path))
    store.close()

    assert _version(db_path) == "0007"
    assert store.backup_path is not None  # a migration always backs up first
    assert _rows(db_path) == before_rows
    assert _article_indexes(db_path) == (before_indexes - OLD) | NEW
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_after_the_upgrade_the_hot_queries_read_indexes_only(db_path: Path):
    _database_at_0006(db_path)
    open_store(str(db_path)).close()
    shown = (
        "SELECT articles.id, articles.title, articles.status, articles.rubric, "
        "users.display_name, articles.planned_at, articles.updated_at, articles.word_count "
        "FROM articles JOIN users ON articles.author_id = users.id "
    )
    # the calendar's month: a range on the covering index, already in order
    month = _plan(
        db_path,
        shown + "WHERE articles.status != ? AND articles.planned_at >= ? "
        "AND articles.planned_at < ? ORDER BY articles.planned_at, articles.id",
        ("trash", NOW, "2026-04-01"),
    )
    assert "COVERING INDEX ix_articles_plan" in month and "TEMP B-TREE" not in month, month
    # the list's first page in its default order: walked on the same index
    page = _plan(
        db_path,
        shown + "WHERE articles.status != ? "
        "ORDER BY articles.planned_at DESC NULLS LAST, articles.id DESC LIMIT 200",
        ("trash",),
    )
    assert "COVERING INDEX ix_articles_plan" in page and "TEMP B-TREE" not in page, page
    # a rubric filtered month: a range on the rubric pair
    rubric = _plan(
        db_path,
        shown + "WHERE articles.rubric = ? AND articles.planned_at >= ? "
        "AND articles.planned_at < ? ORDER BY articles.planned_at, articles.id",
        ("Город", NOW, "2026-04-01"),
    )
    assert "ix_articles_rubric_planned_at (rubric=? AND planned_at>? AND planned_at<?)" in rubric
    # the author combo: one index probe per user, no scan of the articles
    authors = _plan(
        db_path,
        "SELECT login FROM users WHERE EXISTS "
        "(SELECT 1 FROM articles WHERE articles.author_id = users.id)",
    )
    assert "ix_articles_author_id_planned_at" in authors and "SCAN articles" not in authors
    # the rubric combo: the distinct rubrics from the rubric index, not the table
    rubrics = _plan(db_path, "SELECT DISTINCT rubric FROM articles WHERE rubric != ''")
    assert "COVERING INDEX ix_articles_rubric_planned_at" in rubrics, rubrics


def test_downgrade_restores_the_0006_indexes(db_path: Path):
    _database_at_0006(db_path)
    at_0006 = _article_indexes(db_path)
    rows = _rows(db_path)
    open_store(str(db_path)).close()

    engine = create_engine(f"sqlite:///{db_path}")
    with engine.connect() as conn:
        command.downgrade(alembic_config(conn), "0006")
        conn.commit()
    engine.dispose()

    assert _version(db_path) == "0006"
    assert _article_indexes(db_path) == at_0006
    assert _rows(db_path) == rows
