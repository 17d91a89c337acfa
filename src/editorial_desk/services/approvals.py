"""Approval records: an approval names the exact Revision the reviewer read.

Rows are never deleted: returning an item or changing its text after approval
revokes the current approval (`revoked_at`), and the reviewer later diffs the new
text against the revision they approved."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from editorial_desk.domain.errors import NotFoundError
from editorial_desk.domain.review import ApprovalInfo
from editorial_desk.domain.timeutil import utc_now
from editorial_desk.domain.users import UserInfo
from editorial_desk.store.models import Approval, Revision, User


def latest_revision(session: Session, article_id: int) -> Revision:
    """The newest saved revision: the article's current title, lead and body."""
    revision = session.scalar(
        select(Revision)
        .where(Revision.article_id == article_id)
        .order_by(Revision.number.desc())
        .limit(1)
    )
    if revision is None:  # every article gets revision 1 when it is created
        raise NotFoundError("revision of article", article_id)
    return revision


def record_approval(
    session: Session, actor: UserInfo, article_id: int, when: datetime | None = None
) -> Approval:
    revoke_approval(session, article_id, when)  # at most one current approval
    approval = Approval(
        article_id=article_id,
        revision_id=latest_revision(session, article_id).id,
        user_id=actor.id,
        created_at=when or utc_now(),
    )
    session.add(approval)
    return approval


def revoke_approval(session: Session, article_id: int, when: datetime | None = None) -> None:
    for approval in session.scalars(
        select(Approval).where(Approval.article_id == article_id, Approval.revoked_at.is_(None))
    ):
        approval.revoked_at = when or utc_now()


def _info_query() -> Select[tuple[Approval, int, str, str]]:
    return (
        select(Approval, Revision.number, User.login, User.display_name)
        .join(Revision, Approval.revision_id == Revision.id)
        .join(User, Approval.user_id == User.id)
    )


def _info(row: tuple[Approval, int, str, str]) -> ApprovalInfo:
    approval, number, login, name = row
    return ApprovalInfo(
        id=approval.id,
        article_id=approval.article_id,
        revision_id=approval.revision_id,
        revision_number=number,
        user_login=login,
        user_name=name,
        created_at=approval.created_at,
        revoked_at=approval.revoked_at,
    )


def list_approvals(session: Session, article_id: int) -> list[ApprovalInfo]:
    """Every approval of the article, oldest first."""
    rows = session.execute(
        _info_query().where(Approval.article_id == article_id).order_by(Approval.id)
    )
    return [_info(tuple(row)) for row in rows]


def current_approval(session: Session, article_id: int) -> ApprovalInfo | None:
    """The approval in force (the item is Approved, Scheduled or Published)."""
    row = session.execute(
        _info_query()
        .where(Approval.article_id == article_id, Approval.revoked_at.is_(None))
        .order_by(Approval.id.desc())
        .limit(1)
    ).first()
    return _info(tuple(row)) if row else None


def last_approval(session: Session, article_id: int) -> ApprovalInfo | None:
    """The most recent approval, in force or revoked: what the reviewer last
    approved, to diff a changed text against."""
    row = session.execute(
        _info_query().where(Approval.article_id == article_id).order_by(Approval.id.desc()).limit(1)
    ).first()
    return _info(tuple(row)) if row else None


def approved_revision_ids(session: Session, article_id: int) -> set[int]:
    return set(
        session.scalars(
            select(func.distinct(Approval.revision_id)).where(Approval.article_id == article_id)
        )
    )
