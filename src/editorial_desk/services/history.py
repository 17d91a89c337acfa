"""History of an article: its revisions, word-level diffs between any two, the diff
against what the reviewer approved, restoring an old revision (as a new one), and
the audit trail of status changes."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from editorial_desk.document import plain_text
from editorial_desk.document.diff import DiffKind, DiffSegment, diff_words
from editorial_desk.domain.article import ArticleChanges, ArticleSnapshot
from editorial_desk.domain.errors import NotFoundError, ValidationError
from editorial_desk.domain.review import (
    ArticleHistory,
    AuditEntry,
    RevisionContent,
    RevisionInfo,
)
from editorial_desk.domain.statuses import Status
from editorial_desk.domain.users import UserInfo
from editorial_desk.services.approvals import (
    approved_revision_ids,
    last_approval,
    latest_revision,
    list_approvals,
)
from editorial_desk.services.articles import load_article, update_article
from editorial_desk.store.models import Revision, StatusChange, User


@dataclass(frozen=True, slots=True)
class RevisionDiff:
    """Word-level differences from `old` to `new`, per field (the body compared as
    plain text). `document.diff.render_html` turns each field into marked-up HTML."""

    old: RevisionInfo
    new: RevisionInfo
    title: tuple[DiffSegment, ...]
    lead: tuple[DiffSegment, ...]
    body: tuple[DiffSegment, ...]

    @property
    def changed(self) -> bool:
        return any(s.kind is not DiffKind.EQUAL for s in (*self.title, *self.lead, *self.body))


def _info(revision: Revision, login: str, name: str, approved: set[int]) -> RevisionInfo:
    return RevisionInfo(
        id=revision.id,
        article_id=revision.article_id,
        number=revision.number,
        article_version=revision.article_version,
        title=revision.title,
        author_login=login,
        author_name=name,
        created_at=revision.created_at,
        approved=revision.id in approved,
    )


def list_revisions(session: Session, article_id: int) -> list[RevisionInfo]:
    """Every saved revision, oldest first."""
    load_article(session, article_id)
    approved = approved_revision_ids(session, article_id)
    rows = session.execute(
        select(Revision, User.login, User.display_name)
        .join(User, Revision.author_id == User.id)
        .where(Revision.article_id == article_id)
        .order_by(Revision.number)
    )
    return [_info(rev, login, name, approved) for rev, login, name in rows]


def get_revision(session: Session, revision_id: int) -> RevisionContent:
    row = session.execute(
        select(Revision, User.login, User.display_name)
        .join(User, Revision.author_id == User.id)
        .where(Revision.id == revision_id)
    ).first()
    if row is None:
        raise NotFoundError("revision", revision_id)
    revision, login, name = tuple(row)
    approved = approved_revision_ids(session, revision.article_id)
    return RevisionContent(_info(revision, login, name, approved), revision.lead, revision.body)


def diff_contents(old: RevisionContent, new: RevisionContent) -> RevisionDiff:
    return RevisionDiff(
        old=old.info,
        new=new.info,
        title=tuple(diff_words(old.info.title, new.info.title)),
        lead=tuple(diff_words(old.lead, new.lead)),
        body=tuple(diff_words(plain_text(old.body), plain_text(new.body))),
    )


def diff_revisions(session: Session, old_id: int, new_id: int) -> RevisionDiff:
    """Word-level differences from revision `old_id` to revision `new_id` (of the
    same article; either order works, `old` is just the base)."""
    old, new = get_revision(session, old_id), get_revision(session, new_id)
    if old.info.article_id != new.info.article_id:
        raise ValidationError("the two revisions belong to different articles")
    return diff_contents(old, new)


def diff_against_approved(session: Session, article_id: int) -> RevisionDiff | None:
    """What changed since the reviewer last approved the article (the approval may
    have been revoked by exactly these changes). None if it was never approved."""
    load_article(session, article_id)
    approval = last_approval(session, article_id)
    if approval is None:
        return None
    return diff_revisions(session, approval.revision_id, latest_revision(session, article_id).id)


def restore_revision(
    session: Session, actor: UserInfo, article_id: int, revision_id: int, expected_version: int
) -> ArticleSnapshot:
    """Make an old revision's title, lead and body the current text, as a NEW
    revision (history is never rewritten). An ordinary save: the same permission,
    the same version check (ConflictError if somebody saved since the user looked),
    and an approved item goes back to review."""
    revision = get_revision(session, revision_id)
    if revision.info.article_id != article_id:
        raise ValidationError(f"revision {revision_id} is not a revision of article {article_id}")
    return update_article(
        session,
        actor,
        article_id,
        expected_version,
        ArticleChanges(title=revision.info.title, lead=revision.lead, body=revision.body),
    )


def audit_trail(session: Session, article_id: int) -> list[AuditEntry]:
    """Who moved the article from what status to what, when and why; oldest first."""
    load_article(session, article_id)
    rows = session.execute(
        select(StatusChange, User.login, User.display_name)
        .join(User, StatusChange.user_id == User.id)
        .where(StatusChange.article_id == article_id)
        .order_by(StatusChange.id)
    )
    return [
        AuditEntry(
            id=change.id,
            article_id=change.article_id,
            user_login=login,
            user_name=name,
            from_status=Status(change.from_status) if change.from_status else None,
            to_status=Status(change.to_status),
            reason=change.reason,
            created_at=change.created_at,
        )
        for change, login, name in rows
    ]


def article_history(session: Session, article_id: int) -> ArticleHistory:
    """Everything the history panel (and `editorial-desk history`) shows."""
    return ArticleHistory(
        article_id=article_id,
        revisions=tuple(list_revisions(session, article_id)),
        audit=tuple(audit_trail(session, article_id)),
        approvals=tuple(list_approvals(session, article_id)),
    )
