""" "Waiting for me": what each role should look at next.

- reviewer: everything in review, oldest first (it has waited longest);
- editor: their own returned items;
- exporter: approved items (undated, ready any time) and scheduled ones planned up
  to the end of tomorrow in the office's zone - overdue ones included, since a
  scheduled item that did not go out is the most urgent of all;
- admin: all three lists.
"""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from editorial_desk.domain.article import ArticleOrder, ArticleQuery, ArticleSummary, SortKey
from editorial_desk.domain.review import Queue, QueueKind
from editorial_desk.domain.roles import Role
from editorial_desk.domain.statuses import Status
from editorial_desk.domain.timeutil import local_day_bounds, utc_now
from editorial_desk.domain.users import UserInfo
from editorial_desk.services.articles import list_articles
from editorial_desk.store.models import StatusChange

QUEUES_BY_ROLE: dict[Role, tuple[QueueKind, ...]] = {
    Role.EDITOR: (QueueKind.RETURNED,),
    Role.REVIEWER: (QueueKind.TO_REVIEW,),
    Role.EXPORTER: (QueueKind.TO_PUBLISH,),
    Role.ADMIN: (QueueKind.TO_REVIEW, QueueKind.RETURNED, QueueKind.TO_PUBLISH),
}

_OLDEST_PLAN_FIRST = ArticleOrder(SortKey.PLANNED, descending=False)


def _waiting_since(session: Session, items: list[ArticleSummary]) -> list[ArticleSummary]:
    """Order by when each item entered its current status, oldest first."""
    if not items:
        return items
    since: dict[int, int] = {}
    for article_id, change_id in session.execute(
        select(StatusChange.article_id, StatusChange.id).where(
            StatusChange.article_id.in_([i.id for i in items]),
            # A calendar move is audited with from == to: it changes no status.
            or_(
                StatusChange.from_status.is_(None),
                StatusChange.from_status != StatusChange.to_status,
            ),
        )
    ):
        since[article_id] = max(since.get(article_id, 0), change_id)
    return sorted(items, key=lambda item: since.get(item.id, 0))


def _to_publish(session: Session, zone: tzinfo, now: datetime) -> list[ArticleSummary]:
    today = now.astimezone(zone).date()
    _, end_of_tomorrow = local_day_bounds(today + timedelta(days=1), zone)
    scheduled = list_articles(
        session,
        ArticleQuery(statuses=(Status.SCHEDULED,), date_to=end_of_tomorrow),
        _OLDEST_PLAN_FIRST,
    )
    approved = list_articles(session, ArticleQuery(statuses=(Status.APPROVED,)), _OLDEST_PLAN_FIRST)
    return scheduled + _waiting_since(session, approved)


def queue(
    session: Session,
    user: UserInfo,
    kind: QueueKind,
    zone: tzinfo,
    *,
    now: datetime | None = None,
) -> Queue:
    match kind:
        case QueueKind.TO_REVIEW:
            items = _waiting_since(
                session, list_articles(session, ArticleQuery(statuses=(Status.IN_REVIEW,)))
            )
        case QueueKind.RETURNED:
            # The admin sees every returned item; an editor only their own.
            author = None if user.role is Role.ADMIN else user.login
            items = _waiting_since(
                session,
                list_articles(
                    session, ArticleQuery(statuses=(Status.RETURNED,), author_login=author)
                ),
            )
        case QueueKind.TO_PUBLISH:
            items = _to_publish(session, zone, now or utc_now())
        case _:
            raise AssertionError(kind)
    return Queue(kind, tuple(items))


def waiting_for(
    session: Session, user: UserInfo, zone: tzinfo, *, now: datetime | None = None
) -> list[Queue]:
    """The user's "waiting for me" lists (by role), each most urgent first."""
    return [queue(session, user, kind, zone, now=now) for kind in QUEUES_BY_ROLE[user.role]]
