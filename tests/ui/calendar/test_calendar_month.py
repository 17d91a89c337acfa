"""The calendar panel's month view and unscheduled tray over a real store: the
models pass qtmodeltester, drops through the real views reschedule in the
database (the local time kept, the audit trail written, undo restoring), the
keyboard moves through days and months, and the grid is right in UTC+10."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from month_helpers import NOW, add_article, drop, fixed_clock, planned_at, status_rows
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QMessageBox

from editorial_desk.domain.review import RescheduleNote
from editorial_desk.ui.calendar import drag
from editorial_desk.ui.calendar.month_model import MonthModel, MonthRole
from editorial_desk.ui.calendar.month_view import cell_layout, line_height
from editorial_desk.ui.calendar.panel import CalendarPanel
from editorial_desk.ui.calendar.source import CalendarSource
from editorial_desk.ui.calendar.tray import TrayModel
from editorial_desk.ui.settings import AppSettings

MOSCOW = ZoneInfo("Europe/Moscow")
VLADIVOSTOK = ZoneInfo("Asia/Vladivostok")
TODAY = date(2026, 11, 20)  # NOW in Moscow and in Vladivostok


@pytest.fixture
def settings(tmp_path) -> AppSettings:
    return AppSettings.in_file(tmp_path / "settings.ini")


@pytest.fixture
def make_panel(qtbot: Any, store: Any, actor: Any, settings: AppSettings):
    def make(zone=MOSCOW, user=None, size=(1280, 800), font=None) -> CalendarPanel:
        panel = CalendarPanel(
            CalendarSource(store, user or actor), settings, zone, clock=fixed_clock()
        )
        qtbot.addWidget(panel)
        if font is not None:
            panel.month_view.setFont(font)
        panel.resize(*size)
        panel.show()
        qtbot.waitExposed(panel)
        return panel

    return make


def local(moment: datetime | None, zone=MOSCOW) -> datetime:
    assert moment is not None
    return moment.astimezone(zone)


# --- the models -------------------------------------------------------------------------


def test_month_model_passes_qtmodeltester_with_items(
    qtmodeltester: Any, qapp, store, actor
) -> None:
    for hour in (8, 12, 17):
        add_article(store, actor, f"Новость в {hour}", date(2026, 11, 18), time(hour, 0), MOSCOW)
    add_article(store, actor, "Декабрьская", date(2026, 12, 2), time(9, 0), MOSCOW)
    source = CalendarSource(store, actor)
    model = MonthModel(MOSCOW, TODAY)
    from editorial_desk.domain.calendar import CalendarFilter

    model.set_fetch(lambda first, last: source.items(first, last, MOSCOW, CalendarFilter()))
    model.show_month(2026, 11)
    assert model.item_count() == 4  # the six weeks reach into December
    index = model.index_of(date(2026, 11, 18))
    assert [i.title for i in index.data(MonthRole.ITEMS)] == [
        "Новость в 8",
        "Новость в 12",
        "Новость в 17",
    ]
    assert index.data(MonthRole.IN_MONTH) is True
    assert model.index_of(date(2026, 12, 2)).data(MonthRole.IN_MONTH) is False
    assert model.index_of(TODAY).data(MonthRole.TODAY) is True
    qtmodeltester.check(model)


def test_tray_model_passes_qtmodeltester_with_items(qtmodeltester: Any, qapp, store, actor) -> None:
    for n in range(3):
        add_article(store, actor, f"Без даты {n}", None, rubric="Спорт")
    from editorial_desk.domain.calendar import CalendarFilter

    model = TrayModel()
    model.set_items(CalendarSource(store, actor).unscheduled(CalendarFilter()))
    assert model.rowCount() == 3
    assert model.index(0, 0).data(Qt.ItemDataRole.DisplayRole).startswith("Без даты")
    qtmodeltester.check(model)


def test_the_month_loads_with_one_query_per_switch(make_panel, store, actor) -> None:
    panel = make_panel()
    calls: list[tuple[date, date]] = []
    fetch = panel.month_model._fetch

    def counting(first: date, last: date):
        calls.append((first, last))
        return fetch(first, last) if fetch else []

    panel.month_model.set_fetch(counting)
    panel.go_next()
    assert calls == [(date(2026, 11, 30), date(2027, 1, 10))]  # six weeks, Monday first
    assert panel.shown_month() == (2026, 12)


# --- dragging ---------------------------------------------------------------------------


def test_dragging_an_item_to_another_day_keeps_its_time_and_undo_puts_it_back(
    make_panel, qtbot, store, actor
) -> None:
    article = add_article(store, actor, "Открытие катка", date(2026, 11, 24), time(9, 30), MOSCOW)
    before = planned_at(store, article)
    panel = make_panel()
    changed: list[bool] = []
    panel.articles_changed.connect(lambda: changed.append(True))
    view = panel.month_view
    assert view.item_rect(article) is not None  # painted on the 24th

    target = date(2026, 11, 26)
    assert drop(
        view.viewport(), view.cell_center(target), view.month_model().mime_for_items([article])
    )
    qtbot.waitUntil(lambda: planned_at(store, article) != before)

    moved = local(planned_at(store, article))
    assert (moved.date(), moved.time()) == (target, time(9, 30))
    assert [i.id for i in panel.month_model.items_on(target)] == [article]
    assert panel.month_model.items_on(date(2026, 11, 24)) == []
    assert changed
    notes = [RescheduleNote.parse(reason) for _f, _t, reason in status_rows(store, article)]
    assert RescheduleNote(before, planned_at(store, article)) in notes

    stack = panel.undo_stack()
    assert stack.count() == 1 and "Открытие катка" in stack.undoText()
    stack.undo()
    assert planned_at(store, article) == before
    assert [i.id for i in panel.month_model.items_on(date(2026, 11, 24))] == [article]
    stack.redo()
    assert local(planned_at(store, article)).date() == target


def test_a_drop_on_its_own_day_changes_nothing(make_panel, qtbot, store, actor) -> None:
    article = add_article(store, actor, "На месте", date(2026, 11, 24), time(9, 30), MOSCOW)
    before = planned_at(store, article)
    panel = make_panel()
    changed: list[bool] = []
    panel.articles_changed.connect(lambda: changed.append(True))
    view = panel.month_view
    assert drop(view.viewport(), view.cell_center(date(2026, 11, 24)), drag.encode([article]))
    qtbot.wait(50)  # the move is queued after the drop
    assert planned_at(store, article) == before
    assert panel.undo_stack().count() == 0 and not changed
    assert len(status_rows(store, article)) == 1


def test_an_approved_item_keeps_its_approval_when_moved(make_panel, qtbot, store, team) -> None:
    from editorial_desk.domain.workflow import Action
    from editorial_desk.services.workflow import transition

    article = add_article(store, team.editor, "Сессия думы", date(2026, 11, 25), zone=MOSCOW)
    with store.session() as session:
        transition(session, team.editor, article, Action.SUBMIT)
    with store.session() as session:
        transition(session, team.reviewer, article, Action.APPROVE)
    panel = make_panel(user=team.reviewer)
    before = planned_at(store, article)
    assert drop(
        panel.month_view.viewport(),
        panel.month_view.cell_center(date(2026, 11, 27)),
        drag.encode([article]),
    )
    qtbot.waitUntil(lambda: planned_at(store, article) != before)
    item = panel.month_model.items_on(date(2026, 11, 27))[0]
    assert item.status.value in ("approved", "scheduled")
    assert any(reason.startswith("rescheduled") for *_s, reason in status_rows(store, article))


def test_from_the_tray_onto_a_day_and_back(make_panel, qtbot, store, actor) -> None:
    article = add_article(store, actor, "Интервью с мэром", None)
    panel = make_panel()
    assert panel.tray_model.row_of(article) == 0
    mime = panel.tray_model.mimeData([panel.tray_model.index(0, 0)])
    day = date(2026, 11, 23)
    assert drop(panel.month_view.viewport(), panel.month_view.cell_center(day), mime)
    qtbot.waitUntil(lambda: planned_at(store, article) is not None)
    planned = local(planned_at(store, article))
    assert (planned.date(), planned.time()) == (day, time(10, 0))  # DEFAULT_PLAN_TIME
    assert panel.tray_model.row_of(article) == -1

    # ... and off the calendar onto the tray: the date goes
    mime = panel.month_model.mime_for_items([article])
    assert drop(panel.tray.view.viewport(), QPoint(20, 20), mime)
    qtbot.waitUntil(lambda: planned_at(store, article) is None)
    assert panel.tray_model.row_of(article) == 0
    assert panel.month_model.items_on(day) == []

    panel.undo_stack().undo()  # back on the 23rd at 10:00
    assert local(planned_at(store, article)) == planned
    panel.undo_stack().undo()  # back in the tray
    assert planned_at(store, article) is None
    assert panel.tray_model.row_of(article) == 0


def test_double_click_in_the_tray_opens_the_item(make_panel, qtbot, store, actor) -> None:
    article = add_article(store, actor, "Без даты", None)
    panel = make_panel()
    opened: list[int] = []
    panel.open_article_requested.connect(opened.append)
    view = panel.tray.view
    rect = view.visualRect(panel.tray_model.index(0, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened[-1:] == [article]


def test_the_tray_refuses_its_own_items_and_foreign_data(make_panel, store, actor) -> None:
    from PySide6.QtCore import QMimeData

    article = add_article(store, actor, "Без даты", None)
    panel = make_panel()
    text = QMimeData()
    text.setText(str(article))
    assert not drop(panel.tray.view.viewport(), QPoint(10, 10), text)
    assert not drop(panel.month_view.viewport(), panel.month_view.cell_center(TODAY), text)
    assert not panel.tray_model.canDropMimeData(
        drag.encode([article]), Qt.DropAction.MoveAction, -1, -1, QModelIndex()
    )


def test_moving_into_the_past_asks_first_and_no_changes_nothing(
    make_panel, qtbot, store, actor, message_boxes
) -> None:
    article = add_article(store, actor, "Отчёт о ремонте", date(2026, 11, 24), zone=MOSCOW)
    before = planned_at(store, article)
    panel = make_panel()
    message_boxes.answers = [QMessageBox.StandardButton.No]
    past = date(2026, 11, 10)
    assert drop(
        panel.month_view.viewport(), panel.month_view.cell_center(past), drag.encode([article])
    )
    qtbot.waitUntil(lambda: len(message_boxes.shown) == 1)
    assert "10" in message_boxes.texts()[0]
    assert planned_at(store, article) == before
    assert panel.undo_stack().count() == 0
    assert len(status_rows(store, article)) == 1  # only its creation

    message_boxes.answers = [QMessageBox.StandardButton.Yes]
    assert panel.move_articles([article], past)
    assert local(planned_at(store, article)).date() == past


def test_a_refused_move_is_explained_and_changes_nothing(
    make_panel, qtbot, store, team, message_boxes
) -> None:
    article = add_article(store, team.editor, "Чужая статья", date(2026, 11, 24), zone=MOSCOW)
    before = planned_at(store, article)
    panel = make_panel(user=team.exporter)
    assert not panel.move_articles([article], date(2026, 11, 25))
    assert planned_at(store, article) == before
    assert len(message_boxes.shown) == 1
    assert panel.undo_stack().count() == 0


# --- the grid ---------------------------------------------------------------------------


def test_more_items_than_fit_show_plus_n_and_open_the_days_list(
    make_panel, qtbot, store, actor
) -> None:
    day = date(2026, 11, 18)
    ids = [
        add_article(store, actor, f"Материал {n}", day, time(8 + n, 0), MOSCOW) for n in range(9)
    ]
    panel = make_panel(size=(900, 600))
    view = panel.month_view
    index = panel.month_model.index_of(day)
    layout = view.layout_of(index)
    assert layout.more is not None and layout.hidden > 0
    assert len(layout.items) + layout.hidden == 9
    # the first ones shown, in time order
    shown = [view.item_at(rect.center()) for rect in layout.items]
    assert [item.id for item in shown if item] == ids[: len(layout.items)]

    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=layout.more.center())
    popup = view.day_list
    assert popup is not None and popup.isVisible()
    assert popup.article_ids() == ids
    opened: list[int] = []
    panel.open_article_requested.connect(opened.append)
    popup.list.setCurrentRow(2)
    qtbot.keyClick(popup.list, Qt.Key.Key_Return)
    assert opened == [ids[2]]


def test_repaints_from_the_text_cache_look_the_same(make_panel, store, actor) -> None:
    """The grid keeps elided titles and static texts between repaints (a month
    switch there and back, a hover): those repaints must look exactly like the
    first, in any font."""
    for hour in range(8, 13):
        add_article(
            store,
            actor,
            f"Глава города открыл новую школу на улице Светланской в {hour} часов",
            date(2026, 11, 18),
            time(hour, 0),
            MOSCOW,
        )
    panel = make_panel()
    viewport = panel.month_view.viewport()
    first = viewport.grab().toImage()
    panel.go_next()
    panel.go_previous()
    again = [viewport.grab().toImage() for _ in range(2)]
    assert again[0] == first and again[1] == first
    # another font: nothing measured in the old one is used (a panel that never
    # had the old font paints the same)
    font = panel.month_view.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    panel.month_view.setFont(font)
    bigger = [viewport.grab().toImage() for _ in range(2)]
    fresh = make_panel(font=font)
    assert fresh.month_view.viewport().grab().toImage() == bigger[0] == bigger[1] != first


def test_cell_layout_shows_all_when_they_fit_and_plus_n_otherwise(qtbot) -> None:
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QFont, QFontMetrics

    line = line_height(QFontMetrics(QFont()))
    roomy = cell_layout(QRect(0, 0, 140, 10 * line), 3, line)
    assert (len(roomy.items), roomy.more, roomy.hidden) == (3, None, 0)
    tight = cell_layout(QRect(0, 0, 140, 4 * line), 10, line)
    assert tight.more is not None and len(tight.items) + tight.hidden == 10


def test_keyboard_moves_the_day_and_crosses_months(make_panel, qtbot, store, actor) -> None:
    article = add_article(store, actor, "Не удалять", date(2026, 11, 20), zone=MOSCOW)
    panel = make_panel()
    view = panel.month_view
    view.setFocus()
    assert view.current_day() == TODAY
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.current_day() == date(2026, 11, 21)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.current_day() == date(2026, 11, 28)
    qtbot.keyClick(view, Qt.Key.Key_Down)  # 5 December: the month switches
    assert panel.shown_month() == (2026, 12)
    assert view.current_day() == date(2026, 12, 5)
    assert panel.title() == "December 2026" or panel.title().endswith("2026")
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert (panel.shown_month(), view.current_day()) == ((2026, 11), date(2026, 11, 5))
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert view.current_day() == date(2026, 10, 4)
    qtbot.keyClick(view, Qt.Key.Key_T)
    assert (panel.shown_month(), view.current_day()) == ((2026, 11), TODAY)
    panel.go_next()
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert view.current_day() == TODAY

    qtbot.keyClick(view, Qt.Key.Key_Delete)  # does nothing
    assert planned_at(store, article) is not None
    assert panel.undo_stack().count() == 0
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert view.day_list is not None and view.day_list.article_ids() == [article]
    qtbot.keyClick(view.day_list.list, Qt.Key.Key_Escape)
    assert not view.day_list.isVisible()


def test_toolbar_previous_today_next_and_the_month_picker(make_panel, qtbot) -> None:
    panel = make_panel()
    qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    assert panel.shown_month() == (2026, 12)
    qtbot.mouseClick(panel.previous_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.previous_button, Qt.MouseButton.LeftButton)
    assert panel.shown_month() == (2026, 10)
    qtbot.mouseClick(panel.today_button, Qt.MouseButton.LeftButton)
    assert panel.shown_month() == (2026, 11)
    panel.month_picker.year.setValue(2027)
    qtbot.mouseClick(panel.month_picker.buttons[2], Qt.MouseButton.LeftButton)
    assert panel.shown_month() == (2027, 3)
    assert panel.month_model.days[0] == date(2027, 3, 1)  # 1 March 2027 is a Monday
    panel.month_picker.year.setValue(2027)
    qtbot.mouseClick(panel.month_picker.buttons[3], Qt.MouseButton.LeftButton)
    assert panel.month_model.days[0] == date(2027, 3, 29)  # the Monday before 1 April


def test_double_click_and_context_menus(make_panel, qtbot, store, actor) -> None:
    article = add_article(store, actor, "Двойной щелчок", date(2026, 11, 24), zone=MOSCOW)
    panel = make_panel()
    view = panel.month_view
    opened: list[int] = []
    new_on: list[date] = []
    panel.open_article_requested.connect(opened.append)
    panel.new_article_requested.connect(new_on.append)
    rect = view.item_rect(article)
    assert rect is not None
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [article]

    menu = view.context_menu_at(rect.center())
    assert menu is not None
    actions = {a.objectName(): a for a in menu.actions() if a.objectName()}
    assert set(actions) == {"calendar.open", "calendar.remove_date", "calendar.new_on_day"}
    actions["calendar.open"].trigger()
    assert opened == [article, article]
    actions["calendar.remove_date"].trigger()
    assert planned_at(store, article) is None
    assert panel.tray_model.row_of(article) == 0

    empty_day = view.cell_center(date(2026, 11, 25))
    menu = view.context_menu_at(empty_day)
    names = [a.objectName() for a in menu.actions() if a.objectName()]
    assert names == ["calendar.new_on_day"]
    menu.actions()[0].trigger()
    assert new_on == [date(2026, 11, 25)]


def test_vladivostok_half_past_midnight_is_on_its_local_day(
    make_panel, qtbot, store, actor
) -> None:
    # 00:30 on Saturday 21 November in Vladivostok is 14:30 on Friday the 20th in UTC
    article = add_article(store, actor, "Ночной эфир", date(2026, 11, 21), time(0, 30), VLADIVOSTOK)
    assert planned_at(store, article) == datetime(2026, 11, 20, 14, 30, tzinfo=UTC)
    panel = make_panel(zone=VLADIVOSTOK)
    model = panel.month_model
    assert [i.id for i in model.items_on(date(2026, 11, 21))] == [article]
    assert model.items_on(date(2026, 11, 20)) == []
    index = model.index_of(date(2026, 11, 21))
    assert (index.row(), index.column()) == (3, 5)  # the fourth week (from 26 Oct), Saturday
    rect = panel.month_view.item_rect(article)
    assert rect is not None and panel.month_view.visualRect(index).contains(rect)

    # moved to the 22nd it stays at 00:30 local time
    assert panel.move_articles([article], date(2026, 11, 22))
    moved = local(planned_at(store, article), VLADIVOSTOK)
    assert (moved.date(), moved.time()) == (date(2026, 11, 22), time(0, 30))

    # the same item seen from Moscow is on Saturday evening the 21st
    panel.set_zone(MOSCOW)
    assert [i.id for i in model.items_on(date(2026, 11, 21))] == [article]


def test_the_last_day_of_the_grid_includes_its_late_evening(make_panel, store, actor) -> None:
    # 23:59 local on the grid's last day (Sunday 6 December) is still in the window
    late = add_article(store, actor, "Поздно", date(2026, 12, 6), time(23, 59), VLADIVOSTOK)
    early = add_article(store, actor, "Рано", date(2026, 10, 26), time(0, 0), VLADIVOSTOK)
    panel = make_panel(zone=VLADIVOSTOK)
    assert [i.id for i in panel.month_model.items_on(date(2026, 12, 6))] == [late]
    assert [i.id for i in panel.month_model.items_on(date(2026, 10, 26))] == [early]


# --- filters and settings ---------------------------------------------------------------


def test_filters_are_applied_and_remembered(make_panel, qtbot, store, team, settings) -> None:
    day = date(2026, 11, 24)
    sport = add_article(store, team.editor, "Футбол", day, rubric="Спорт")
    add_article(store, team.other_editor, "Дороги", day, rubric="Транспорт")
    add_article(store, team.editor, "Без даты, спорт", None, rubric="Спорт")
    add_article(store, team.other_editor, "Без даты, транспорт", None, rubric="Транспорт")
    settings.calendar_filter = {"status": "", "rubric": "Спорт", "author": ""}
    panel = make_panel()
    assert panel.rubric_combo.currentData() == "Спорт"
    assert [i.id for i in panel.month_model.items_on(day)] == [sport]
    assert [i.title for i in panel.tray_model.items()] == ["Без даты, спорт"]

    assert panel.author_combo.findData("boris") < 0  # not read at start-up ...
    panel.author_combo.showPopup()  # ... but when the list is first opened
    panel.author_combo.hidePopup()
    assert panel.author_combo.findData("boris") > 0
    assert panel.rubric_combo.findData("Транспорт") > 0
    panel.author_combo.setCurrentIndex(panel.author_combo.findData("boris"))
    assert panel.month_model.items_on(day) == []
    assert settings.calendar_filter == {"status": "", "rubric": "Спорт", "author": "boris"}
    panel.status_combo.setCurrentIndex(panel.status_combo.findData("published"))
    assert settings.calendar_filter["status"] == "published"

    # a new panel (the next run) starts with the same filters and shows the same
    again = CalendarPanel(CalendarSource(store, team.admin), settings, MOSCOW, clock=fixed_clock())
    qtbot.addWidget(again)
    assert again.filter_state() == {"status": "published", "rubric": "Спорт", "author": "boris"}
    assert again.month_model.item_count() == 0


def test_the_chosen_view_is_remembered(make_panel, qtbot, settings) -> None:
    from editorial_desk.ui.settings import CalendarView

    panel = make_panel()
    assert panel.current_view() is CalendarView.MONTH
    week = panel._view_button[CalendarView.WEEK]
    qtbot.mouseClick(week, Qt.MouseButton.LeftButton)
    assert panel.current_view() is CalendarView.WEEK
    assert settings.calendar_view is CalendarView.WEEK
    again = CalendarPanel(None, settings, MOSCOW, clock=fixed_clock())
    qtbot.addWidget(again)
    assert again.current_view() is CalendarView.WEEK


def test_without_a_source_the_grid_is_empty_until_attached(qtbot, store, actor, settings) -> None:
    add_article(store, actor, "Потом", date(2026, 11, 24), zone=MOSCOW)
    panel = CalendarPanel(None, settings, MOSCOW, clock=fixed_clock())
    qtbot.addWidget(panel)
    assert panel.month_model.item_count() == 0
    assert not panel.move_articles([1], TODAY)
    panel.attach(CalendarSource(store, actor))
    assert panel.month_model.item_count() == 1
    assert panel.rubric_combo.findData("Город") < 0
    panel.rubric_combo.showPopup()
    panel.rubric_combo.hidePopup()
    assert panel.rubric_combo.findData("Город") > 0


def test_print_plan_hands_the_shown_items_to_the_print_module(
    make_panel, monkeypatch, store, actor
) -> None:
    from editorial_desk.ui.calendar import print_plan

    inside = add_article(store, actor, "В плане", date(2026, 12, 3), zone=MOSCOW)
    add_article(store, actor, "Не в этой сетке", date(2027, 1, 20), zone=MOSCOW)
    calls: list[tuple] = []
    monkeypatch.setattr(print_plan, "print_month_plan", lambda *args: calls.append(args))
    panel = make_panel()
    panel.go_next()
    panel.print_button.click()
    assert len(calls) == 1
    parent, year, month, items, zone = calls[0]
    assert (parent, year, month, zone) == (panel, 2026, 12, MOSCOW)
    assert [item.id for item in items] == [inside]


def test_russian_month_and_weekday_names(make_panel) -> None:
    from PySide6.QtCore import QLocale

    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Russian, QLocale.Country.Russia))
    try:
        panel = make_panel()
        model = panel.month_model
        headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)]
        assert headers == ["Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"]
        tooltips = [
            model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
            for c in (0, 6)
        ]
        assert tooltips == ["Понедельник", "Воскресенье"]
        assert panel.title() == "Ноябрь 2026"  # nominative, not «ноября»
        panel.go_next()
        assert panel.title() == "Декабрь 2026"
        from editorial_desk.ui.calendar.panel import MonthPicker

        picker = MonthPicker()
        assert [b.text() for b in picker.buttons[:3]] == ["Январь", "Февраль", "Март"]
        picker.deleteLater()
    finally:
        QLocale.setDefault(previous)


def test_today_follows_the_office_zone(qtbot, store, actor, settings) -> None:
    # 20:00 UTC on the 20th is already the 21st in Vladivostok, still the 20th in Moscow
    evening = NOW.replace(hour=20)
    panel = CalendarPanel(
        CalendarSource(store, actor), settings, VLADIVOSTOK, clock=fixed_clock(evening)
    )
    qtbot.addWidget(panel)
    assert panel.today() == TODAY + timedelta(days=1)
    assert panel.month_model.index_of(TODAY + timedelta(days=1)).data(MonthRole.TODAY)
    panel.set_zone(MOSCOW)
    assert panel.today() == TODAY


def test_calendar_settings_round_trip_and_survive_garbage(tmp_path) -> None:
    from editorial_desk.ui.settings import CalendarView

    settings = AppSettings.in_file(tmp_path / "s.ini")
    assert settings.calendar_filter == {} and settings.calendar_view is CalendarView.MONTH
    settings.calendar_filter = {"status": "draft", "rubric": "Город", "author": ""}
    settings.calendar_view = CalendarView.AGENDA
    settings.sync()
    again = AppSettings.in_file(tmp_path / "s.ini")
    assert again.calendar_filter == {"status": "draft", "rubric": "Город", "author": ""}
    assert again.calendar_view is CalendarView.AGENDA
    again._qs.setValue(AppSettings.CALENDAR_VIEW_KEY, "year")
    again._qs.setValue(AppSettings.CALENDAR_FILTER_KEY, "{not json")
    assert again.calendar_view is CalendarView.MONTH and again.calendar_filter == {}
