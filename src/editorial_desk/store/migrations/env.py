"""Alembic environment. Always run with a connection passed in by
`editorial_desk.store.migrate` (config.attributes["connection"]), never from an ini."""

from __future__ import annotations

from alembic import context

from editorial_desk.store.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things: batch mode rebuilds the table instead.
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
