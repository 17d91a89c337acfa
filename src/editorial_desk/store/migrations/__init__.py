"""Alembic migrations of the Editorial Desk store, run automatically at start-up.

`KNOWN_REVISIONS` lets start-up decide "up to date / needs upgrade / newer than this
app" without importing Alembic (which costs start-up time); a test keeps it equal
to the revision chain Alembic sees."""

KNOWN_REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004", "0005", "0006", "0007")
SCHEMA_HEAD = KNOWN_REVISIONS[-1]
