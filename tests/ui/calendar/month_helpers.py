"""Helpers for the month view, tray and panel tests: articles planned at local
times in a zone, a panel over a real store, drops delivered as real QDropEvents."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, tzinfo
from typing import Any

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

from editorial_desk.domain.users import UserInfo

# A fixed "now" for every panel test: Friday 20 November 2026, 09:00 UTC.
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def fixed_clock(now: datetime = NOW):
    return lambda: now


def add_article(
    store: Any,
    actor: UserInfo,
    title: str,
    day: date | None,
    at: time = time(9, 30),
    zone: tzinfo = UTC,
    rubric: str = "Город",
) -> int:
    from editorial_desk.services.articles import create_article

    planned = datetime.combine(day, at, tzinfo=zone).astimezone(UTC) if day else None
    with store.session() as session:
        return create_article(
            session, actor, title=title, body="<p>Текст.</p>", rubric=rubric, planned_at=planned
        ).id


def planned_at(store: Any, article_id: int) -> datetime | None:
    from editorial_desk.services.articles import get_article

    with store.session() as session:
        return get_article(session, article_id).planned_at


def status_rows(store: Any, article_id: int) -> list[tuple[str | None, str, str]]:
    from sqlalchemy import select

    from editorial_desk.store.models import StatusChange

    with store.session() as session:
        rows = session.execute(
            select(StatusChange.from_status, StatusChange.to_status, StatusChange.reason)
            .where(StatusChange.article_id == article_id)
            .order_by(StatusChange.id)
        )
        return [tuple(row) for row in rows]


def drop(widget: QWidget, pos: QPoint, mime: QMimeData) -> bool:
    """Deliver a real drag-enter, drag-move and drop at `pos` of `widget` (a view's
    viewport) through Qt's event dispatch, as a QDrag would; True if accepted.
    (QDrag.exec itself blocks under the offscreen platform.)"""
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent

    actions = Qt.DropAction.MoveAction
    buttons = Qt.MouseButton.LeftButton
    mods = Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(pos, actions, mime, buttons, mods)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    move = QDragMoveEvent(pos, actions, mime, buttons, mods)
    QApplication.sendEvent(widget, move)
    if not move.isAccepted():
        return False
    event = QDropEvent(QPointF(pos), actions, mime, buttons, mods)
    QApplication.sendEvent(widget, event)
    return event.isAccepted()
