"""The ORM schema (SQLAlchemy 2 typed declarative).

Portable on purpose: no SQLite-only types or SQL, so the same models run on the
shared PostgreSQL store. Change the schema only together with a new migration in
`store/migrations/versions/`."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from sqlalchemy import (
    JSON,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from editorial_desk.store.types import UTCDateTime

# A naming convention makes constraint names predictable, which batch migrations on
# SQLite (table rebuilds) and PostgreSQL (ALTER ... DROP CONSTRAINT name) both need.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(150), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Article(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    # domain.article.text_search_key(title): sorting and filtering that fold
    # Cyrillic case the same way on SQLite and PostgreSQL.
    title_key: Mapped[str] = mapped_column(String(500), index=True, server_default="")
    lead: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    rubric: Mapped[str] = mapped_column(String(200), default="")
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    status: Mapped[str] = mapped_column(String(20))
    planned_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # Denormalised so the list and calendar never have to read bodies.
    word_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    author: Mapped[User] = relationship(lazy="joined", innerjoin=True)

    # Rows store the body before the short columns, so any lookup that has to
    # visit the table reads body pages. `ix_articles_plan` holds every column a
    # list row, a calendar cell or the tray shows (and title_key, which the quick
    # filter searches), in plan order with the id as the tie-break: the calendar's
    # range, the list's pages in its default order and the tray are answered from
    # the index alone (migration 0007). The (x, planned_at) indexes serve the
    # filters: a status, author or rubric within a date range, and the lists of
    # authors and rubrics in use.
    __table_args__ = (
        Index(
            "ix_articles_plan",
            "planned_at",
            "id",
            "status",
            "author_id",
            "word_count",
            "updated_at",
            "rubric",
            "title",
            "title_key",
        ),
        Index("ix_articles_status_planned_at", "status", "planned_at"),
        Index("ix_articles_author_id_planned_at", "author_id", "planned_at"),
        Index("ix_articles_rubric_planned_at", "rubric", "planned_at"),
    )

    __mapper_args__: ClassVar[dict[str, object]] = {"version_id_col": version}


class Revision(Base):
    """One explicit save of title/lead/body: the history reviewers diff and approve."""

    __tablename__ = "revisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    article_version: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(500))
    lead: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())

    __table_args__ = (Index("ix_revisions_article_number", "article_id", "number", unique=True),)


class Comment(Base):
    __tablename__ = "comments"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    text: Mapped[str] = mapped_column(Text)
    # An anchored comment refers to a range of the body's plain text.
    anchor_start: Mapped[int | None] = mapped_column(Integer)
    anchor_end: Mapped[int | None] = mapped_column(Integer)
    anchor_text: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # Set while the quoted text is gone from the body; the range keeps its last place.
    anchor_removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class StatusChange(Base):
    """The audit trail: who moved an article from what to what, when and why."""

    __tablename__ = "status_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Asset(Base):
    """An image (or other binary) the body refers to as `asset:<sha256>`."""

    __tablename__ = "assets"

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    mime_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    filename: Mapped[str] = mapped_column(String(255), default="")
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Rubric(Base):
    """The office's editable list of rubrics (articles store the name)."""

    __tablename__ = "rubrics"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class Export(Base):
    """Provenance: one file an export wrote (who, when, which revision, where).

    `fingerprint` is export.meta.content_fingerprint of what was exported, so
    "changed since the last export" ignores status changes and counts edits to
    the text, rubric, tags and planned date."""

    __tablename__ = "exports"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    revision_id: Mapped[int | None] = mapped_column(ForeignKey("revisions.id", ondelete="SET NULL"))
    article_version: Mapped[int] = mapped_column(Integer)
    fingerprint: Mapped[str] = mapped_column(String(64))
    format: Mapped[str] = mapped_column(String(10))
    path: Mapped[str] = mapped_column(Text)
    size: Mapped[int] = mapped_column(Integer)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Approval(Base):
    """A reviewer's approval of one exact revision (the text they read)."""

    __tablename__ = "approvals"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    revision_id: Mapped[int] = mapped_column(ForeignKey("revisions.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # When the item was returned or its text changed; the row stays as history.
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class ArticleLock(Base):
    """A soft edit lock: at most one per article, kept alive by heartbeats."""

    __tablename__ = "article_locks"

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    token: Mapped[str] = mapped_column(String(64))  # one editor window of one app
    host: Mapped[str] = mapped_column(String(255), default="")
    pid: Mapped[int] = mapped_column(Integer, default=0)
    acquired_at: Mapped[datetime] = mapped_column(UTCDateTime())
    heartbeat_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())


class OfficeSetting(Base):
    """An office-wide setting shared by everyone using this store (the office's
    time zone, ...), as opposed to one user's preferences, which stay on their PC.
    Keys are stable identifiers (see services.office); values are text."""

    __tablename__ = "office_settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
