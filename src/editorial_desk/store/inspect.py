"""Look at a database before touching it: is it new, ours, up to date, newer, broken?

For SQLite this reads the file strictly read-only, so a corrupt, foreign or too-new
file is reported without a single byte of it changing (no WAL switch, no journal)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from editorial_desk.domain.errors import (
    NotOurStoreError,
    StoreCorruptError,
    StoreError,
    StoreLockedError,
    StoreTooNewError,
)
from editorial_desk.store.migrations import KNOWN_REVISIONS, SCHEMA_HEAD

SQLITE_HEADER = b"SQLite format 3\x00"
OUR_TABLES = frozenset({"users", "articles", "revisions"})


class StoreState(Enum):
    NEW = "new"  # nothing there yet: create the schema
    CURRENT = "current"  # at SCHEMA_HEAD: nothing to do
    OUTDATED = "outdated"  # ours, older: back up, then migrate


@dataclass(frozen=True, slots=True)
class Inspection:
    state: StoreState
    revision: str | None


def _judge(location: str, tables: set[str], revision: str | None) -> Inspection:
    if revision is None:
        if tables - {"alembic_version"}:
            sample = ", ".join(sorted(tables)[:5])
            raise NotOurStoreError(location, f"it has other tables: {sample}")
        return Inspection(StoreState.NEW, None)
    if revision not in KNOWN_REVISIONS:
        raise StoreTooNewError(location, revision)
    if not tables >= OUR_TABLES:
        raise NotOurStoreError(location, "our tables are missing")
    state = StoreState.CURRENT if revision == SCHEMA_HEAD else StoreState.OUTDATED
    return Inspection(state, revision)


def inspect_sqlite(path: Path, busy_timeout_s: float) -> Inspection:
    if not path.exists() or path.stat().st_size == 0:
        return Inspection(StoreState.NEW, None)
    location = str(path)
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StoreError(location, exc.strerror or str(exc)) from None
    if header != SQLITE_HEADER:
        raise StoreCorruptError(location, "not an SQLite database file")
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=busy_timeout_s)
    except sqlite3.Error as exc:
        raise StoreError(location, str(exc)) from None
    try:
        tables = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        revision = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise StoreLockedError(location) from None
        raise StoreCorruptError(location, str(exc)) from None
    except sqlite3.DatabaseError as exc:
        raise StoreCorruptError(location, str(exc)) from None
    finally:
        conn.close()
    return _judge(location, tables, revision)


def inspect_server(engine, location: str) -> Inspection:  # type: ignore[no-untyped-def]
    """The same judgement for a server database (PostgreSQL), through SQLAlchemy."""
    from sqlalchemy import inspect, text

    with engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        revision = None
        if "alembic_version" in tables:
            revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return _judge(location, tables, revision)
