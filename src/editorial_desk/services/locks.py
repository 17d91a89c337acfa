"""Soft edit locks: "being edited by N since 10:42".

Opening an article for editing takes its lock; everybody else opens it read-only
and sees who holds it. The holder's app refreshes the lock (a heartbeat) while the
editor is open; a lock whose heartbeat stopped (a crashed app, a laptop put to
sleep) expires after `DEFAULT_LOCK_TTL` and the next opener takes it. A live lock
can be taken over on purpose (the UI warns first). The lock is advisory: saves are
not refused for lack of it, because the version check on save is what guarantees
that nothing is silently lost (a stale holder's save is a ConflictError).

Every write is a compare-and-set on the row (`WHERE token = ... AND expires_at =
...`), so two apps deciding at the same moment cannot both win. Times are the
writing app's UTC clock; keep office PCs on NTP (a PC whose clock is minutes off
would see locks expire early or late)."""

from __future__ import annotations

import os
import socket
import uuid
from datetime import datetime, timedelta

from sqlalchemy import Select, delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from editorial_desk.domain.review import LockInfo, LockResult
from editorial_desk.domain.timeutil import utc_now
from editorial_desk.domain.users import UserInfo
from editorial_desk.services.articles import load_article
from editorial_desk.store.models import ArticleLock, User

DEFAULT_LOCK_TTL = timedelta(minutes=2)
# How often the UI should refresh a lock it holds: several heartbeats per TTL, so
# one late timer tick never lets a live lock expire.
HEARTBEAT_INTERVAL = timedelta(seconds=30)


def new_token() -> str:
    """An id for one open editor (one window of one app instance)."""
    return uuid.uuid4().hex


def _query() -> Select[tuple[ArticleLock, str, str]]:
    return select(ArticleLock, User.login, User.display_name).join(
        User, ArticleLock.user_id == User.id
    )


def _info(row: tuple[ArticleLock, str, str]) -> LockInfo:
    lock, login, name = row
    return LockInfo(
        article_id=lock.article_id,
        token=lock.token,
        user_login=login,
        user_name=name,
        host=lock.host,
        pid=lock.pid,
        acquired_at=lock.acquired_at,
        heartbeat_at=lock.heartbeat_at,
        expires_at=lock.expires_at,
    )


def _read(session: Session, article_id: int) -> LockInfo | None:
    # populate_existing: another app may have changed the row since this session
    # last looked; the identity map must not answer with the old holder.
    row = session.execute(
        _query()
        .where(ArticleLock.article_id == article_id)
        .execution_options(populate_existing=True)
    ).first()
    return _info(tuple(row)) if row else None


def get_lock(session: Session, article_id: int, *, now: datetime | None = None) -> LockInfo | None:
    """The live lock on the article, or None (no lock, or only an expired one)."""
    lock = _read(session, article_id)
    if lock is None or lock.expired(now or utc_now()):
        return None
    return lock


def list_locks(session: Session, *, now: datetime | None = None) -> dict[int, LockInfo]:
    """Every live lock by article id (for "being edited" marks in the list)."""
    moment = now or utc_now()
    rows = session.execute(
        _query().where(ArticleLock.expires_at > moment).execution_options(populate_existing=True)
    )
    return {info.article_id: info for info in (_info(tuple(row)) for row in rows)}


def _refresh(session: Session, article_id: int, token: str, now: datetime, ttl: timedelta) -> bool:
    result = session.execute(
        update(ArticleLock)
        .where(ArticleLock.article_id == article_id, ArticleLock.token == token)
        .values(heartbeat_at=now, expires_at=now + ttl)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1  # type: ignore[attr-defined]


def _replace(
    session: Session,
    actor: UserInfo,
    old: LockInfo,
    token: str,
    now: datetime,
    ttl: timedelta,
    host: str,
    pid: int,
) -> bool:
    """Compare-and-set: take the row only if it still holds exactly `old`."""
    result = session.execute(
        update(ArticleLock)
        .where(
            ArticleLock.article_id == old.article_id,
            ArticleLock.token == old.token,
            ArticleLock.expires_at == old.expires_at,
        )
        .values(
            user_id=actor.id,
            token=token,
            host=host,
            pid=pid,
            acquired_at=now,
            heartbeat_at=now,
            expires_at=now + ttl,
        )
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1  # type: ignore[attr-defined]


def _insert(
    session: Session,
    actor: UserInfo,
    article_id: int,
    token: str,
    now: datetime,
    ttl: timedelta,
    host: str,
    pid: int,
) -> bool:
    """Create the lock row; False if another app created one a moment earlier."""
    try:
        with session.begin_nested():
            session.add(
                ArticleLock(
                    article_id=article_id,
                    user_id=actor.id,
                    token=token,
                    host=host,
                    pid=pid,
                    acquired_at=now,
                    heartbeat_at=now,
                    expires_at=now + ttl,
                )
            )
    except IntegrityError:
        return False
    return True


def acquire_lock(
    session: Session,
    actor: UserInfo,
    article_id: int,
    token: str,
    *,
    ttl: timedelta = DEFAULT_LOCK_TTL,
    now: datetime | None = None,
    host: str | None = None,
    pid: int | None = None,
    take_over: bool = False,
) -> LockResult:
    """Take (or keep) the edit lock for the editor window `token`.

    Free, already ours, or expired: we hold it (`replaced` names an expired holder,
    so the UI can say whose unfinished session it was). Held live by somebody
    else: `held` is False and `lock` says who and since when - open read-only.
    `take_over=True` takes even a live lock (after the UI has warned)."""
    load_article(session, article_id)
    moment = now or utc_now()
    host = socket.gethostname() if host is None else host
    pid = os.getpid() if pid is None else pid
    for _attempt in range(5):  # only loops when another app changes the row meanwhile
        if _refresh(session, article_id, token, moment, ttl):
            return LockResult(True, _read(session, article_id))
        current = _read(session, article_id)
        if current is None:
            if _insert(session, actor, article_id, token, moment, ttl, host, pid):
                return LockResult(True, _read(session, article_id))
            continue
        if not (take_over or current.expired(moment)):
            return LockResult(False, current)
        if _replace(session, actor, current, token, moment, ttl, host, pid):
            return LockResult(True, _read(session, article_id), replaced=current)
    return LockResult(False, _read(session, article_id))


def take_over_lock(
    session: Session,
    actor: UserInfo,
    article_id: int,
    token: str,
    *,
    ttl: timedelta = DEFAULT_LOCK_TTL,
    now: datetime | None = None,
    host: str | None = None,
    pid: int | None = None,
) -> LockResult:
    """Take the lock even from a live holder; their next heartbeat tells them."""
    return acquire_lock(
        session, actor, article_id, token, ttl=ttl, now=now, host=host, pid=pid, take_over=True
    )


def refresh_lock(
    session: Session,
    article_id: int,
    token: str,
    *,
    ttl: timedelta = DEFAULT_LOCK_TTL,
    now: datetime | None = None,
) -> LockResult:
    """The heartbeat. If the lock is no longer ours (taken over after it expired,
    or on purpose), `held` is False and `lock` is the new holder (None if nobody
    holds it now): the UI turns the editor read-only and keeps the user's text for
    them to save as a copy or after a reload - never by overwriting."""
    moment = now or utc_now()
    if _refresh(session, article_id, token, moment, ttl):
        return LockResult(True, _read(session, article_id))
    return LockResult(False, _read(session, article_id))


def release_lock(session: Session, article_id: int, token: str) -> bool:
    """Give the lock up (editor closed). False if it was not ours any more."""
    result = session.execute(
        delete(ArticleLock)
        .where(ArticleLock.article_id == article_id, ArticleLock.token == token)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1  # type: ignore[attr-defined]
