"""Bring a database to the current schema: back up first, then run Alembic.

Alembic is imported only when there is something to migrate, so a normal start
(schema already current) does not pay for it."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Engine

from editorial_desk.store.migrations import SCHEMA_HEAD


def backup_sqlite(path: Path, revision: str) -> Path:
    """A consistent copy (SQLite's online backup, WAL included) beside the file."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.backup-{revision}-{stamp}{path.suffix}")
    counter = 1
    while target.exists():
        target = path.with_name(f"{path.stem}.backup-{revision}-{stamp}-{counter}{path.suffix}")
        counter += 1
    partial = target.with_name(target.name + ".part")
    source = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        dest = sqlite3.connect(partial)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    partial.replace(target)
    return target


def alembic_config(connection):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", "editorial_desk.store:migrations")
    config.attributes["connection"] = connection
    return config


def upgrade_to_head(engine: Engine, target: str = SCHEMA_HEAD) -> None:
    """Run every pending migration in one go, foreign keys off on SQLite.

    SQLite batch migrations rebuild tables (create new, copy, DROP old, rename);
    with foreign keys on, dropping a parent table cascade-deletes child rows. The
    pragma only takes effect outside a transaction, hence before `begin()`."""
    from alembic import command

    with engine.connect() as connection:
        sqlite = engine.dialect.name == "sqlite"
        if sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
        try:
            command.upgrade(alembic_config(connection), target)
            connection.commit()
            if sqlite:
                problems = connection.execute(text("PRAGMA foreign_key_check")).all()
                if problems:
                    raise RuntimeError(f"migration left broken references: {problems[:5]}")
        finally:
            if sqlite:  # this pooled connection goes back to the app: restore the rule
                connection.rollback()
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                connection.commit()
