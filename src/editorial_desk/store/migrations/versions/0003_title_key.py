"""Title search key: case-folded title with «ё» as «е», for sorting and filtering.

Revision ID: 0003
Revises: 0002

SQLite's lower()/LIKE fold only ASCII, and PostgreSQL's depend on the server's
collation; a key computed in Python behaves the same on both.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _key(title: str) -> str:
    # A frozen copy of domain.article.text_search_key: migrations must not change
    # meaning when app code changes later.
    return " ".join((title or "").casefold().replace("ё", "е").split())


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("title_key", sa.String(500), nullable=False, server_default=""))
        batch.create_index(batch.f("ix_articles_title_key"), ["title_key"])
    bind = op.get_bind()
    articles = sa.table(
        "articles",
        sa.column("id", sa.Integer),
        sa.column("title", sa.String),
        sa.column("title_key", sa.String),
    )
    for article_id, title in bind.execute(sa.select(articles.c.id, articles.c.title)).all():
        bind.execute(
            articles.update().where(articles.c.id == article_id).values(title_key=_key(title))
        )


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.drop_index(batch.f("ix_articles_title_key"))
        batch.drop_column("title_key")
