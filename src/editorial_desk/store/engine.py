"""Open the store: resolve, inspect, back up, migrate, and hand out sessions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from editorial_desk.domain.errors import StoreError
from editorial_desk.store.errors import translate_db_errors
from editorial_desk.store.inspect import StoreState, inspect_server, inspect_sqlite
from editorial_desk.store.location import DatabaseLocation, resolve_location
from editorial_desk.store.migrate import backup_sqlite, upgrade_to_head

DEFAULT_BUSY_TIMEOUT_S = 10.0


@dataclass
class Store:
    """An open database. `session()` is one unit of work: commit on success,
    roll back on any error, driver errors turned into the domain's StoreErrors."""

    engine: Engine
    location: DatabaseLocation
    session_factory: sessionmaker[Session]
    backup_path: str | None = None  # set when start-up migrated and backed up

    @contextmanager
    def session(self) -> Iterator[Session]:
        with (
            translate_db_errors(self.location.display),
            self.session_factory() as session,
            session.begin(),
        ):
            yield session

    def close(self) -> None:
        self.engine.dispose()


def _sqlite_pragmas(busy_timeout_s: float):  # type: ignore[no-untyped-def]
    def on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_s * 1000)}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    return on_connect


def _make_engine(location: DatabaseLocation, busy_timeout_s: float) -> Engine:
    if location.sqlite_path is not None:
        engine = create_engine(
            location.url, connect_args={"timeout": busy_timeout_s}, pool_pre_ping=False
        )
        event.listen(engine, "connect", _sqlite_pragmas(busy_timeout_s))
        return engine
    return create_engine(location.url, pool_pre_ping=True)


def open_store(
    db: str | None = None,
    *,
    busy_timeout_s: float = DEFAULT_BUSY_TIMEOUT_S,
    migrate: bool = True,
) -> Store:
    """Open (creating or migrating as needed) the database named by `db`, the
    environment, or the default file. Raises a StoreError subclass, leaving the
    file unchanged, when the database is locked, corrupt, newer or not ours."""
    location = resolve_location(db)
    display = location.display
    backup: str | None = None
    if location.sqlite_path is not None:
        inspection = inspect_sqlite(location.sqlite_path, busy_timeout_s)
        if inspection.state is StoreState.NEW:
            try:
                location.sqlite_path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(display, f"cannot create its folder: {exc.strerror}") from None
    engine = _make_engine(location, busy_timeout_s)
    try:
        with translate_db_errors(display):
            if location.sqlite_path is None:
                inspection = inspect_server(engine, display)
            if inspection.state is not StoreState.CURRENT:
                if not migrate:
                    raise StoreError(display, "the database needs an upgrade")
                if inspection.state is StoreState.OUTDATED and location.sqlite_path:
                    assert inspection.revision is not None
                    backup = str(backup_sqlite(location.sqlite_path, inspection.revision))
                upgrade_to_head(engine)
    except BaseException:
        engine.dispose()
        raise
    factory = sessionmaker(engine, expire_on_commit=False)
    return Store(engine, location, factory, backup)
