"""Review: approvals of exact revisions, soft edit locks, and who resolved a
comment / whether its anchored text was removed.

Revision ID: 0005
Revises: 0004

Adding columns with a foreign key to `comments` rebuilds that table on SQLite
(batch mode); `comments` is a child only, so nothing cascades.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from editorial_desk.store.types import UTCDateTime

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "approvals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("revision_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("revoked_at", UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_approvals_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["revision_id"],
            ["revisions.id"],
            name=op.f("fk_approvals_revision_id_revisions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_approvals_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_approvals")),
    )
    op.create_index(op.f("ix_approvals_article_id"), "approvals", ["article_id"])
    op.create_table(
        "article_locks",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("token", sa.String(64), nullable=False),
        sa.Column("host", sa.String(255), nullable=False),
        sa.Column("pid", sa.Integer(), nullable=False),
        sa.Column("acquired_at", UTCDateTime(), nullable=False),
        sa.Column("heartbeat_at", UTCDateTime(), nullable=False),
        sa.Column("expires_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_article_locks_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_article_locks_user_id_users")
        ),
        sa.PrimaryKeyConstraint("article_id", name=op.f("pk_article_locks")),
    )
    with op.batch_alter_table("comments") as batch:
        batch.add_column(sa.Column("resolved_by_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("anchor_removed_at", UTCDateTime(), nullable=True))
        batch.create_foreign_key(
            batch.f("fk_comments_resolved_by_id_users"), "users", ["resolved_by_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("comments") as batch:
        batch.drop_constraint(batch.f("fk_comments_resolved_by_id_users"), type_="foreignkey")
        batch.drop_column("anchor_removed_at")
        batch.drop_column("resolved_by_id")
    op.drop_table("article_locks")
    op.drop_index(op.f("ix_approvals_article_id"), table_name="approvals")
    op.drop_table("approvals")
