"""Opening the store: first start, WAL, and refusing databases we must not touch."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from editorial_desk.domain.errors import (
    NotOurStoreError,
    StoreCorruptError,
    StoreLockedError,
    StoreTooNewError,
)
from editorial_desk.store.engine import open_store
from editorial_desk.store.location import default_database_path, resolve_location
from editorial_desk.store.migrations import SCHEMA_HEAD


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_first_start_creates_database_in_data_home_in_wal_mode(isolated_user_dirs: Path):
    expected = isolated_user_dirs / "data" / "editorial-desk" / "editorial-desk.sqlite3"
    assert default_database_path() == expected
    assert not expected.exists()

    store = open_store()
    store.close()

    assert expected.exists()
    with sqlite3.connect(expected) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == SCHEMA_HEAD


def test_pragmas_on_every_connection(store):
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10000


def test_env_var_and_argument_choose_the_database(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("EDITORIAL_DESK_DB", str(tmp_path / "env.sqlite3"))
    assert resolve_location().sqlite_path == tmp_path / "env.sqlite3"
    assert resolve_location(str(tmp_path / "arg.sqlite3")).sqlite_path == tmp_path / "arg.sqlite3"
    url = f"sqlite:///{tmp_path / 'url.sqlite3'}"
    assert resolve_location(url).sqlite_path == tmp_path / "url.sqlite3"
    server = resolve_location("postgresql+psycopg://desk:secret@db.local/desk")
    assert server.sqlite_path is None
    assert "secret" not in server.display


def test_corrupt_file_is_refused_and_left_unchanged(db_path: Path):
    db_path.write_bytes(b"\x00garbage, not a database" * 300)
    before = _digest(db_path)
    with pytest.raises(StoreCorruptError) as info:
        open_store(str(db_path))
    assert str(db_path) in str(info.value)
    assert _digest(db_path) == before
    assert not Path(f"{db_path}-wal").exists()


def test_damaged_sqlite_file_is_refused_and_left_unchanged(db_path: Path):
    open_store(str(db_path)).close()
    data = bytearray(db_path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # wreck the schema page, keep the header
    db_path.write_bytes(bytes(data))
    before = _digest(db_path)
    with pytest.raises(StoreCorruptError):
        open_store(str(db_path))
    assert _digest(db_path) == before


def test_foreign_sqlite_database_is_refused_and_left_unchanged(db_path: Path):
    with sqlite3.connect(db_path) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
        conn.execute("INSERT INTO invoices (total) VALUES (12.5)")
    before = _digest(db_path)
    with pytest.raises(NotOurStoreError) as info:
        open_store(str(db_path))
    assert "invoices" in str(info.value)
    assert _digest(db_path) == before


def test_database_from_a_newer_app_is_refused_and_left_unchanged(db_path: Path):
    open_store(str(db_path)).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    before = _digest(db_path)
    with pytest.raises(StoreTooNewError) as info:
        open_store(str(db_path))
    assert "9999" in str(info.value)
    assert _digest(db_path) == before


def test_database_held_exclusively_by_another_program_is_reported_as_locked(db_path: Path):
    open_store(str(db_path)).close()
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("CREATE TABLE scratch (x)")  # really take the lock
    try:
        with pytest.raises(StoreLockedError):
            open_store(str(db_path), busy_timeout_s=0.2)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    open_store(str(db_path)).close()  # usable again once released


def test_write_while_another_writer_holds_the_lock_fails_cleanly(store, actor, db_path: Path):
    from editorial_desk.services.articles import create_article, list_articles

    store.close()
    from editorial_desk.store.engine import open_store as reopen

    impatient = reopen(str(db_path), busy_timeout_s=0.2)
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreLockedError), impatient.session() as session:
            create_article(session, actor, title="Не пройдёт")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with impatient.session() as session:
        create_article(session, actor, title="Пройдёт")
        titles = [a.title for a in list_articles(session)]
    assert titles == ["Пройдёт"]
    impatient.close()
