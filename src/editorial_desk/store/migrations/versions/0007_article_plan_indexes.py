"""Indexes that let the calendar, the article list and the tray be answered
without reading article rows (which hold the bodies).

Revision ID: 0007
Revises: 0006

`ix_articles_plan` covers everything a list row or calendar item shows, in plan
order with the id as the tie-break; it replaces the single-column planned_at
index (its leading column). The status index gains planned_at, and author and
rubric get the same pair, so a filtered month is a range on one index and the
filter combos' "who wrote anything / which rubrics are used" are index lookups.

Indexes only: no table is rebuilt, no row is touched. Plain CREATE/DROP INDEX,
the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_PLAN_COLUMNS = [
    "planned_at",
    "id",
    "status",
    "author_id",
    "word_count",
    "updated_at",
    "rubric",
    "title",
    "title_key",
]
_PAIRS = {
    "ix_articles_status_planned_at": ["status", "planned_at"],
    "ix_articles_author_id_planned_at": ["author_id", "planned_at"],
    "ix_articles_rubric_planned_at": ["rubric", "planned_at"],
}


def upgrade() -> None:
    op.create_index(op.f("ix_articles_plan"), "articles", _PLAN_COLUMNS)
    for name, columns in _PAIRS.items():
        op.create_index(op.f(name), "articles", columns)
    # both are leading columns of the new indexes now
    op.drop_index(op.f("ix_articles_planned_at"), table_name="articles")
    op.drop_index(op.f("ix_articles_status"), table_name="articles")


def downgrade() -> None:
    op.create_index(op.f("ix_articles_status"), "articles", ["status"])
    op.create_index(op.f("ix_articles_planned_at"), "articles", ["planned_at"])
    for name in reversed(_PAIRS):
        op.drop_index(op.f(name), table_name="articles")
    op.drop_index(op.f("ix_articles_plan"), table_name="articles")
