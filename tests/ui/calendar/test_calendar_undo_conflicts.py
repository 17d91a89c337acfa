"""Undo and redo of calendar moves through the real panel and its QUndoStack, over
a real store: a date changed by somebody else (or from the form) since the move is
left alone, the user is told once, and the step leaves the stack; a change of
only the text does not block the undo."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from month_helpers import add_article, fixed_clock, planned_at

from editorial_desk.domain.article import ArticleChanges
from editorial_desk.domain.roles import Role
from editorial_desk.domain.statuses import Status
from editorial_desk.domain.workflow import Denial, Rule
from editorial_desk.services.articles import get_article, update_article
from editorial_desk.services.calendar import move_to_day, set_planned_at
from editorial_desk.ui.calendar.panel import CalendarPanel
from editorial_desk.ui.calendar.source import CalendarSource
from editorial_desk.ui.review.labels import denial_text
from editorial_desk.ui.settings import AppSettings

MOSCOW = ZoneInfo("Europe/Moscow")
PLAN_CHANGED = "The plan has changed"


@pytest.fixture
def panel(qtbot: Any, store: Any, team: Any, tmp_path) -> CalendarPanel:
    settings = AppSettings.in_file(tmp_path / "settings.ini")
    made = CalendarPanel(CalendarSource(store, team.editor), settings, MOSCOW, clock=fixed_clock())
    qtbot.addWidget(made)
    made.resize(1280, 800)
    made.show()
    return made


def _moved(store, team, panel, title: str = "Ярмарка") -> int:
    """An item of the editor's on 24 November 14:30, dragged by them to the 26th."""
    article_id = add_article(store, team.editor, title, date(2026, 11, 24), time(14, 30), MOSCOW)
    panel.refresh()
    assert panel.move_articles([article_id], date(2026, 11, 26))
    return article_id


def _on(day: int, hour: int = 14, minute: int = 30) -> datetime:
    """A Moscow time in November 2026, as the aware UTC the store keeps."""
    return datetime(2026, 11, day, hour, minute, tzinfo=MOSCOW).astimezone(UTC)


def test_undo_after_a_colleague_moved_it_keeps_their_date_and_says_so(
    panel, store, team, message_boxes
) -> None:
    article_id = _moved(store, team, panel)
    with store.session() as session:
        move_to_day(session, team.admin, article_id, date(2026, 11, 28), MOSCOW)
    stack = panel.undo_stack()
    assert stack.count() == 1

    stack.undo()

    assert planned_at(store, article_id) == _on(28)
    assert [title for title, _text, _info in message_boxes.shown] == [PLAN_CHANGED]
    assert "Ярмарка" in message_boxes.shown[0][1]
    # obsolete: dropped from the stack, so neither undo nor redo tries it again
    assert stack.count() == 0 and not stack.canUndo() and not stack.canRedo()
    # and the panel shows what is stored now
    assert [i.id for i in panel.month_model.items_on(date(2026, 11, 28))] == [article_id]


def test_undo_after_the_date_was_changed_from_the_form_is_refused(
    panel, store, team, message_boxes
) -> None:
    article_id = _moved(store, team, panel)
    with store.session() as session:
        current = get_article(session, article_id)
        changes = ArticleChanges(planned_at=_on(30, 9, 0), change_planned_at=True)
        update_article(session, team.editor, article_id, current.version, changes)

    panel.undo_stack().undo()

    assert planned_at(store, article_id) == _on(30, 9, 0)
    assert [title for title, _text, _info in message_boxes.shown] == [PLAN_CHANGED]
    assert panel.undo_stack().count() == 0


def test_a_text_edit_since_does_not_block_the_undo(panel, store, team, message_boxes) -> None:
    article_id = _moved(store, team, panel)
    with store.session() as session:
        current = get_article(session, article_id)
        update_article(
            session, team.admin, article_id, current.version, ArticleChanges(title="Ярмарка!")
        )

    panel.undo_stack().undo()

    assert planned_at(store, article_id) == _on(24)
    assert message_boxes.shown == []
    panel.undo_stack().redo()
    assert planned_at(store, article_id) == _on(26)


def test_redo_after_a_colleague_moved_it_back_is_refused(panel, store, team, message_boxes) -> None:
    article_id = _moved(store, team, panel)
    stack = panel.undo_stack()
    stack.undo()
    assert planned_at(store, article_id) == _on(24)
    with store.session() as session:
        set_planned_at(session, team.admin, article_id, None)

    stack.redo()

    assert planned_at(store, article_id) is None
    assert [title for title, _text, _info in message_boxes.shown] == [PLAN_CHANGED]
    assert stack.count() == 0


def test_one_drop_of_two_undoes_the_untouched_one_and_keeps_the_changed_one(
    panel, store, team, message_boxes
) -> None:
    first = add_article(store, team.editor, "Первая", date(2026, 11, 24), time(9, 0), MOSCOW)
    second = add_article(store, team.editor, "Вторая", date(2026, 11, 24), time(11, 0), MOSCOW)
    panel.refresh()
    assert panel.move_articles([first, second], date(2026, 11, 26))
    with store.session() as session:
        move_to_day(session, team.admin, first, date(2026, 11, 29), MOSCOW)

    panel.undo_stack().undo()

    assert planned_at(store, first) == _on(29, 9, 0)
    assert planned_at(store, second) == _on(24, 11, 0)
    assert len(message_boxes.shown) == 1 and "Первая" in message_boxes.shown[0][1]
    assert panel.undo_stack().count() == 0


def test_the_published_refusal_reads_as_a_status_rule() -> None:
    text = denial_text(Denial(Rule.STATUS, Role.ADMIN, Status.PUBLISHED, "schedule"))
    assert text == "“Change the planned date” is not possible while the article is “Published”."


def test_an_admin_cannot_move_a_published_item(qtbot, store, team, tmp_path, message_boxes) -> None:
    from editorial_desk.domain.workflow import Action
    from editorial_desk.services.workflow import transition

    article_id = add_article(store, team.editor, "Вышла", date(2026, 11, 24), time(9, 0), MOSCOW)
    with store.session() as session:
        transition(session, team.editor, article_id, Action.SUBMIT)
        transition(session, team.reviewer, article_id, Action.APPROVE)
        transition(session, team.exporter, article_id, Action.PUBLISH)
    settings = AppSettings.in_file(tmp_path / "admin.ini")
    admin_panel = CalendarPanel(
        CalendarSource(store, team.admin), settings, MOSCOW, clock=fixed_clock()
    )
    qtbot.addWidget(admin_panel)

    assert not admin_panel.move_articles([article_id], date(2026, 11, 26))
    assert not admin_panel.unschedule([article_id])

    assert planned_at(store, article_id) == _on(24, 9, 0)
    assert [text for _title, text, _info in message_boxes.shown] == [
        "“Change the planned date” is not possible while the article is “Published”."
    ] * 2
    assert admin_panel.undo_stack().count() == 0


def test_a_drag_from_a_stale_view_is_refused_and_the_view_catches_up(
    panel, store, team, message_boxes
) -> None:
    article_id = add_article(store, team.editor, "Каток", date(2026, 11, 24), time(9, 0), MOSCOW)
    panel.refresh()
    assert [i.id for i in panel.month_model.items_on(date(2026, 11, 24))] == [article_id]
    with store.session() as session:  # a colleague, while this view still shows the 24th
        move_to_day(session, team.admin, article_id, date(2026, 11, 28), MOSCOW)

    assert not panel.move_articles([article_id], date(2026, 11, 26))

    assert planned_at(store, article_id) == _on(28, 9, 0)
    assert [title for title, _text, _info in message_boxes.shown] == [PLAN_CHANGED]
    assert [i.id for i in panel.month_model.items_on(date(2026, 11, 28))] == [article_id]
    assert panel.undo_stack().count() == 0
    # now that the view is current, the same drag goes through
    assert panel.move_articles([article_id], date(2026, 11, 26))
    assert planned_at(store, article_id) == _on(26, 9, 0)


def test_taking_the_date_from_a_stale_view_is_refused(panel, store, team, message_boxes) -> None:
    article_id = add_article(store, team.editor, "Каток", date(2026, 11, 24), time(9, 0), MOSCOW)
    panel.refresh()
    with store.session() as session:
        move_to_day(session, team.admin, article_id, date(2026, 11, 28), MOSCOW)

    assert not panel.unschedule([article_id])

    assert planned_at(store, article_id) == _on(28, 9, 0)
    assert [title for title, _text, _info in message_boxes.shown] == [PLAN_CHANGED]
