"""Moving articles through the workflow (`domain.workflow` holds the rules).

`transition` is the one place a status changes on a user's request; every step
leaves a StatusChange row (the audit trail), and approving records which exact
Revision was approved. `permissions` tells the UI what to enable."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from editorial_desk.domain import workflow as rules
from editorial_desk.domain.article import ArticleSnapshot
from editorial_desk.domain.review import PermissionSet, VersionChangedError
from editorial_desk.domain.statuses import Status
from editorial_desk.domain.timeutil import utc_now
from editorial_desk.domain.users import UserInfo
from editorial_desk.domain.workflow import (
    Action,
    check,
    comment_denial,
    edit_denial,
    schedule_denial,
    target_status,
)
from editorial_desk.services.approvals import record_approval, revoke_approval
from editorial_desk.services.articles import load_article, record_status_change, snapshot
from editorial_desk.store.models import Article, StatusChange


def status_before_trash(session: Session, article_id: int) -> Status | None:
    """The status an article had when it was (last) trashed, from the audit trail."""
    previous = session.scalar(
        select(StatusChange.from_status)
        .where(
            StatusChange.article_id == article_id,
            StatusChange.to_status == Status.TRASH.value,
        )
        .order_by(StatusChange.id.desc())
        .limit(1)
    )
    return Status(previous) if previous else None


def _previous(session: Session, article: Article) -> Status | None:
    if article.status != Status.TRASH.value:
        return None
    return status_before_trash(session, article.id)


def transition(
    session: Session,
    actor: UserInfo,
    article_id: int,
    action: Action,
    reason: str = "",
    *,
    expected_version: int | None = None,
) -> ArticleSnapshot:
    """Take `action` on the article as `actor`.

    Raises PermissionDeniedError (ActionDeniedError) when the role, authorship or
    status forbids it, ValidationError for a return without a reason, and
    VersionChangedError when `expected_version` (what the user looked at) is no
    longer the stored version: an approval must be of the text the reviewer read.
    """
    article = load_article(session, article_id)
    status = Status(article.status)
    previous = _previous(session, article)
    check(
        action,
        actor.role,
        status,
        is_author=article.author_id == actor.id,
        reason=reason,
        previous=previous,
    )
    if expected_version is not None and article.version != expected_version:
        raise VersionChangedError(article_id, expected_version, article.version)
    target = target_status(action, status, dated=article.planned_at is not None, previous=previous)
    now = utc_now()  # one moment for the step, its audit row and its approval
    if action is Action.APPROVE:
        record_approval(session, actor, article_id, now)
    elif action is Action.RETURN:
        revoke_approval(session, article_id, now)
    article.status = target.value
    article.updated_at = now
    record_status_change(session, article, actor, status.value, target.value, reason.strip(), now)
    try:
        session.flush()  # UPDATE ... WHERE version = N: a save in between is caught here
    except StaleDataError:
        with Session(session.get_bind()) as fresh:
            current = load_article(fresh, article_id).version
        raise VersionChangedError(article_id, article.version, current) from None
    return snapshot(article)


def allowed_actions(session: Session, actor: UserInfo, article_id: int) -> set[Action]:
    """The workflow steps `actor` may take on the article now (the UI enables these)."""
    article = load_article(session, article_id)
    return set(
        rules.allowed_actions(
            actor.role,
            Status(article.status),
            is_author=article.author_id == actor.id,
            previous=_previous(session, article),
        )
    )


def permissions(session: Session, actor: UserInfo, article_id: int) -> PermissionSet:
    """Everything the UI enables or disables for this user and article."""
    article = load_article(session, article_id)
    status, is_author = Status(article.status), article.author_id == actor.id
    return PermissionSet(
        actions=frozenset(allowed_actions(session, actor, article_id)),
        can_edit=edit_denial(actor.role, status, is_author=is_author) is None,
        can_schedule=schedule_denial(actor.role, status, is_author=is_author) is None,
        can_comment=comment_denial(actor.role, status, is_author=is_author) is None,
    )
