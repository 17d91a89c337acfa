"""Word count column on articles (so lists never read bodies) and the rubric list.

Revision ID: 0002
Revises: 0001

On SQLite the batch operation rebuilds `articles`, the parent of revisions,
comments and status changes: the migration runner switches foreign keys off first,
or the rebuild's DROP TABLE would cascade-delete those rows.
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"\w+(?:[-‐‑]\w+)*")


def _rough_word_count(body: str) -> int:
    # Migrations must not import app code that may change later; the services
    # recompute the exact count on the next save.
    return len(_WORD.findall(_TAG.sub(" ", body or "")))


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("word_count", sa.Integer(), nullable=False, server_default="0"))

    bind = op.get_bind()
    articles = sa.table(
        "articles",
        sa.column("id", sa.Integer),
        sa.column("body", sa.Text),
        sa.column("word_count", sa.Integer),
        sa.column("rubric", sa.String),
    )
    rows = bind.execute(sa.select(articles.c.id, articles.c.body)).all()
    for article_id, body in rows:
        bind.execute(
            articles.update()
            .where(articles.c.id == article_id)
            .values(word_count=_rough_word_count(body))
        )

    rubrics = op.create_table(
        "rubrics",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False, server_default="0"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rubrics")),
        sa.UniqueConstraint("name", name=op.f("uq_rubrics_name")),
    )
    names = bind.execute(
        sa.select(articles.c.rubric).where(articles.c.rubric != "").distinct()
    ).scalars()
    op.bulk_insert(rubrics, [{"name": name, "position": i} for i, name in enumerate(sorted(names))])


def downgrade() -> None:
    op.drop_table("rubrics")
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("word_count")
