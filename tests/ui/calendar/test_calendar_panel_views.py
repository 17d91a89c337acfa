"""The panel hosts the week and agenda views: the switch shows them with the same
filters and zone, previous/next step by their unit, and their move requests go
through the panel's moves (one undo step per drop)."""

from __future__ import annotations

from datetime import date, time
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from month_helpers import add_article, fixed_clock, planned_at
from PySide6.QtCore import Qt

from editorial_desk.ui.calendar.panel import CalendarPanel
from editorial_desk.ui.calendar.source import CalendarSource
from editorial_desk.ui.settings import AppSettings, CalendarView

VLADIVOSTOK = ZoneInfo("Asia/Vladivostok")


@pytest.fixture
def panel(qtbot: Any, store: Any, actor: Any, tmp_path) -> CalendarPanel:
    widget = CalendarPanel(
        CalendarSource(store, actor),
        AppSettings.in_file(tmp_path / "settings.ini"),
        VLADIVOSTOK,
        clock=fixed_clock(),
    )
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_week_view_shows_the_anchor_week_in_the_office_zone(panel, qtbot, store, actor) -> None:
    article = add_article(store, actor, "Ночной эфир", date(2026, 11, 21), time(0, 30), VLADIVOSTOK)
    panel.refresh()
    qtbot.mouseClick(panel._view_button[CalendarView.WEEK], Qt.MouseButton.LeftButton)
    assert panel.current_view() is CalendarView.WEEK
    assert panel.week_view.days()[0] == date(2026, 11, 16)
    assert panel.week_view.item_rect(article) is not None
    assert panel.title().startswith("16")
    panel.go_next()
    assert panel.week_view.days()[0] == date(2026, 11, 23)
    assert panel.week_view.item_rect(article) is None
    panel.go_to_today()
    assert panel.week_view.days()[0] == date(2026, 11, 16)


def test_week_view_moves_go_through_the_panel_with_one_undo_step(
    panel, qtbot, store, actor
) -> None:
    first = add_article(store, actor, "Первая", date(2026, 11, 23), time(9, 0), VLADIVOSTOK)
    second = add_article(store, actor, "Вторая", date(2026, 11, 24), time(15, 45), VLADIVOSTOK)
    panel._set_view(CalendarView.WEEK)
    panel.go_next()
    target = date(2026, 11, 26)
    panel.week_view.move_requested.emit(first, target)  # one drop of two items
    panel.week_view.move_requested.emit(second, target)
    qtbot.waitUntil(lambda: panel.undo_stack().count() == 1)
    times = [planned_at(store, i).astimezone(VLADIVOSTOK) for i in (first, second)]
    assert [(t.date(), t.time()) for t in times] == [(target, time(9, 0)), (target, time(15, 45))]
    panel.undo_stack().undo()
    assert planned_at(store, first).astimezone(VLADIVOSTOK).date() == date(2026, 11, 23)
    assert planned_at(store, second).astimezone(VLADIVOSTOK).date() == date(2026, 11, 24)


def test_agenda_lists_the_month_and_follows_filters(panel, qtbot, store, actor) -> None:
    city = add_article(store, actor, "Город", date(2026, 11, 3), zone=VLADIVOSTOK, rubric="Город")
    sport = add_article(store, actor, "Спорт", date(2026, 11, 5), zone=VLADIVOSTOK, rubric="Спорт")
    add_article(store, actor, "Декабрь", date(2026, 12, 1), zone=VLADIVOSTOK)
    panel.refresh()
    panel.rubric_combo.showPopup()  # the rubrics are read when the list is first opened
    panel.rubric_combo.hidePopup()
    qtbot.mouseClick(panel._view_button[CalendarView.AGENDA], Qt.MouseButton.LeftButton)
    model = panel.agenda_view.agenda_model()
    assert model.days() == [date(2026, 11, 3), date(2026, 11, 5)]
    panel.rubric_combo.setCurrentIndex(panel.rubric_combo.findData("Спорт"))
    assert model.days() == [date(2026, 11, 5)]
    assert model.item_index(sport).isValid() and not model.item_index(city).isValid()
    panel.go_next()
    assert model.days() == []  # December's item is not in «Спорт»
