"""The panel's print source, its "into the past?" question, multi-item moves with
refusals, and the tray heading: real widgets over a real store.

The clock is fixed at Friday 20 November 2026, 09:00 UTC = 12:00 in Moscow."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from month_helpers import add_article, fixed_clock, planned_at
from PySide6.QtWidgets import QMessageBox

from editorial_desk.ui.calendar import print_plan
from editorial_desk.ui.calendar.panel import CalendarPanel
from editorial_desk.ui.calendar.source import CalendarSource
from editorial_desk.ui.calendar.tray import TRAY_LIMIT
from editorial_desk.ui.settings import AppSettings, CalendarView

MOSCOW = ZoneInfo("Europe/Moscow")


@pytest.fixture
def settings(tmp_path) -> AppSettings:
    return AppSettings.in_file(tmp_path / "settings.ini")


def make_panel(qtbot: Any, store: Any, user: Any, settings: AppSettings) -> CalendarPanel:
    panel = CalendarPanel(CalendarSource(store, user), settings, MOSCOW, clock=fixed_clock())
    qtbot.addWidget(panel)
    panel.resize(1280, 800)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


@pytest.fixture
def printed(monkeypatch) -> list[tuple[int, int, list[tuple[str, datetime | None]]]]:
    """What `print_month_plan` was given: (year, month, [(title, local time)])."""
    calls: list[tuple[int, int, list[tuple[str, datetime | None]]]] = []

    def fake(_parent, year, month, items, zone, title=None) -> None:
        calls.append(
            (
                year,
                month,
                [(i.title, i.planned_at and i.planned_at.astimezone(zone)) for i in items],
            )
        )

    monkeypatch.setattr(print_plan, "print_month_plan", fake)
    return calls


# --- printing from any view -------------------------------------------------------------


def test_print_from_a_remembered_week_view_prints_the_anchor_month(
    qtbot, store, actor, settings, printed
) -> None:
    for hour in (9, 12, 15):
        add_article(store, actor, f"Новость {hour}", date(2026, 11, 24), time(hour), MOSCOW)
    settings.calendar_view = CalendarView.WEEK
    panel = make_panel(qtbot, store, actor, settings)
    assert panel.current_view() is CalendarView.WEEK
    panel.print_plan()
    [(year, month, items)] = printed
    assert (year, month) == (2026, 11)
    assert [title for title, _ in items] == ["Новость 9", "Новость 12", "Новость 15"]


def test_print_after_stepping_weeks_into_the_next_month(
    qtbot, store, actor, settings, printed
) -> None:
    add_article(store, actor, "Ноябрь", date(2026, 11, 10), time(9), MOSCOW)
    add_article(store, actor, "Декабрь", date(2026, 12, 9), time(9), MOSCOW)
    panel = make_panel(qtbot, store, actor, settings)
    panel._set_view(CalendarView.WEEK)
    for _ in range(3):
        panel.go_next()  # 7–13 December
    assert panel.shown_month() == (2026, 12)
    panel.print_plan()
    [(year, month, items)] = printed
    assert (year, month) == (2026, 12)
    assert [title for title, _ in items] == ["Декабрь"]


def test_print_from_the_agenda_uses_the_current_filters(
    qtbot, store, actor, settings, printed
) -> None:
    add_article(store, actor, "Город", date(2026, 11, 10), time(9), MOSCOW, rubric="Город")
    add_article(store, actor, "Спорт", date(2026, 11, 11), time(9), MOSCOW, rubric="Спорт")
    settings.calendar_filter = {"rubric": "Спорт"}
    panel = make_panel(qtbot, store, actor, settings)
    panel._set_view(CalendarView.AGENDA)
    panel.print_plan()
    assert [title for title, _ in printed[0][2]] == ["Спорт"]


def test_a_move_in_the_week_view_is_on_the_print_and_in_the_month_grid(
    qtbot, store, actor, settings, printed
) -> None:
    fair = add_article(store, actor, "Ярмарка", date(2026, 11, 24), time(14, 30), MOSCOW)
    panel = make_panel(qtbot, store, actor, settings)
    panel._set_view(CalendarView.WEEK)
    panel.go_to_day(date(2026, 11, 24))
    assert panel.move_articles([fair], date(2026, 11, 26))
    assert [i.title for i in panel.month_model.items_on(date(2026, 11, 26))] == ["Ярмарка"]
    assert panel.month_model.items_on(date(2026, 11, 24)) == []
    panel.print_plan()
    assert printed[0][2] == [("Ярмарка", datetime(2026, 11, 26, 14, 30, tzinfo=MOSCOW))]
    assert planned_at(store, fair) == datetime(2026, 11, 26, 14, 30, tzinfo=MOSCOW)


# --- "move into the past?" by the moment, not the day --------------------------------------


def test_moving_an_early_item_to_today_after_its_hour_asks(
    qtbot, store, actor, settings, message_boxes
) -> None:
    morning = add_article(store, actor, "Утренняя", date(2026, 11, 25), time(8), MOSCOW)
    panel = make_panel(qtbot, store, actor, settings)
    assert not panel.move_articles([morning], date(2026, 11, 20))  # the question: No
    assert len(message_boxes.shown) == 1
    assert planned_at(store, morning) == datetime(2026, 11, 25, 8, tzinfo=MOSCOW)
    message_boxes.answers.append(QMessageBox.StandardButton.Yes)
    assert panel.move_articles([morning], date(2026, 11, 20))
    assert planned_at(store, morning) == datetime(2026, 11, 20, 8, tzinfo=MOSCOW)


def test_moving_a_later_item_to_today_does_not_ask(
    qtbot, store, actor, settings, message_boxes
) -> None:
    evening = add_article(store, actor, "Вечерняя", date(2026, 11, 25), time(18), MOSCOW)
    panel = make_panel(qtbot, store, actor, settings)
    assert panel.move_articles([evening], date(2026, 11, 20))
    assert message_boxes.shown == []
    assert planned_at(store, evening) == datetime(2026, 11, 20, 18, tzinfo=MOSCOW)


def test_a_tray_item_dropped_on_today_after_ten_asks(
    qtbot, store, actor, settings, message_boxes
) -> None:
    undated = add_article(store, actor, "Без даты", None)
    panel = make_panel(qtbot, store, actor, settings)
    assert not panel.move_articles([undated], date(2026, 11, 20))  # 10:00 < 12:00: asked, No
    assert len(message_boxes.shown) == 1
    assert planned_at(store, undated) is None
    assert panel.move_articles([undated], date(2026, 11, 21))  # tomorrow: no question
    assert len(message_boxes.shown) == 1


def test_a_drop_on_its_own_past_day_neither_asks_nor_moves(
    qtbot, store, actor, settings, message_boxes
) -> None:
    yesterday = add_article(store, actor, "Вчера", date(2026, 11, 19), time(9), MOSCOW)
    panel = make_panel(qtbot, store, actor, settings)
    assert not panel.move_articles([yesterday], date(2026, 11, 19))
    assert message_boxes.shown == []
    assert panel.undo_stack().count() == 0


# --- several items: every one tried, one summary ------------------------------------------


def test_a_refused_item_does_not_stop_the_others(qtbot, store, team, settings, message_boxes):
    mine = add_article(store, team.editor, "Моя первая", None)
    theirs = add_article(store, team.other_editor, "Чужая", None)
    mine_too = add_article(store, team.editor, "Моя вторая", None)
    panel = make_panel(qtbot, store, team.editor, settings)
    assert panel.move_articles([mine, theirs, mine_too], date(2026, 11, 25))
    ten = datetime(2026, 11, 25, 10, tzinfo=MOSCOW)
    assert planned_at(store, mine) == ten and planned_at(store, mine_too) == ten
    assert planned_at(store, theirs) is None
    [(title, text, details)] = message_boxes.shown
    assert title == "Not every item was moved"
    assert text.startswith("2 of 3")
    assert "Чужая" in details and "Моя" not in details
    assert panel.undo_stack().count() == 1  # one step for the two that moved
    panel.undo_stack().undo()
    assert planned_at(store, mine) is None and planned_at(store, mine_too) is None


def test_a_single_refused_item_shows_its_own_message(qtbot, store, team, settings, message_boxes):
    theirs = add_article(store, team.other_editor, "Чужая", None)
    panel = make_panel(qtbot, store, team.editor, settings)
    assert not panel.move_articles([theirs], date(2026, 11, 25))
    [(title, _text, _details)] = message_boxes.shown
    assert title != "Not every item was moved"
    assert panel.undo_stack().count() == 0


# --- the tray heading ---------------------------------------------------------------------


def test_the_tray_heading_says_when_the_list_is_cut_short(qtbot, store, actor, settings) -> None:
    from editorial_desk.services.articles import create_article

    with store.session() as session:
        for number in range(TRAY_LIMIT):
            create_article(session, actor, title=f"Черновик {number}")
    panel = make_panel(qtbot, store, actor, settings)
    assert panel.tray_model.rowCount() == TRAY_LIMIT
    assert panel.tray.heading.text() == f"Unscheduled ({TRAY_LIMIT})"  # exactly the limit
    add_article(store, actor, "Ещё один", None)
    panel.refresh()
    assert panel.tray_model.rowCount() == TRAY_LIMIT
    assert panel.tray.heading.text() == f"Unscheduled ({TRAY_LIMIT}+)"
