"""Where the database is: default file, `--db`, or `EDITORIAL_DESK_DB`."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

APP_DIR_NAME = "editorial-desk"
DB_ENV_VAR = "EDITORIAL_DESK_DB"
DEFAULT_FILE_NAME = "editorial-desk.sqlite3"


@dataclass(frozen=True, slots=True)
class DatabaseLocation:
    url: str
    sqlite_path: Path | None  # set for SQLite files, None for servers and :memory:

    @property
    def display(self) -> str:
        """For messages: the path, or the URL without its password."""
        if self.sqlite_path is not None:
            return str(self.sqlite_path)
        from sqlalchemy.engine import make_url

        return make_url(self.url).render_as_string(hide_password=True)


def default_database_path() -> Path:
    return Path(user_data_dir(APP_DIR_NAME, appauthor=False)) / DEFAULT_FILE_NAME


def resolve_location(arg: str | None = None) -> DatabaseLocation:
    """A path or any SQLAlchemy URL; `arg` wins over the environment over the default."""
    raw = arg or os.environ.get(DB_ENV_VAR) or ""
    if not raw:
        path = default_database_path()
        return DatabaseLocation(f"sqlite:///{path}", path)
    if "://" in raw:
        if raw.startswith("sqlite"):
            from sqlalchemy.engine import make_url

            database = make_url(raw).database
            if database and database != ":memory:" and not database.startswith("file:"):
                return DatabaseLocation(raw, Path(database).expanduser().resolve())
        return DatabaseLocation(raw, None)
    path = Path(raw).expanduser().resolve()
    return DatabaseLocation(f"sqlite:///{path}", path)
