"""The calendar inside the real main window: switching views, opening and creating
articles from it, a move reaching the list and the open tabs, undo from the Edit
menu, the .ics export and the office time zone setting."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from PySide6.QtWidgets import QMessageBox

from editorial_desk.services.articles import create_article, get_article
from editorial_desk.ui.actions import ActionId
from editorial_desk.ui.app import build_main_window, open_context
from editorial_desk.ui.article_table_model import Column
from editorial_desk.ui.settings import AppSettings

MOSCOW = ZoneInfo("Europe/Moscow")
VLADIVOSTOK = ZoneInfo("Asia/Vladivostok")


def _future_day(days: int = 10) -> date:
    return (datetime.now(MOSCOW) + timedelta(days=days)).date()


@pytest.fixture
def planned(store, actor):
    day = _future_day()
    at = datetime(day.year, day.month, day.day, 14, 30, tzinfo=MOSCOW).astimezone(UTC)
    with store.session() as session:
        return create_article(session, actor, title="Ярмарка", rubric="Город", planned_at=at)


@pytest.fixture
def window(qtbot, store, actor, tmp_path, message_boxes):
    win = build_main_window(
        store, actor, MOSCOW, settings=AppSettings.in_file(tmp_path / "settings.ini")
    )
    qtbot.addWidget(win)
    win.show()
    yield win
    message_boxes.answers[:] = [QMessageBox.StandardButton.Discard] * 3


def test_view_menu_switches_between_articles_and_the_calendar(window, planned) -> None:
    assert window.calendar is None  # built on first use, not at start-up
    window.action(ActionId.SHOW_CALENDAR).trigger()
    assert window.calendar_shown() and window.action(ActionId.SHOW_CALENDAR).isChecked()
    window.calendar.go_to_day(_future_day())
    assert planned.id in [item.id for item in window.calendar.plan_items()]
    assert window.windowTitle().startswith("Calendar")
    window.action(ActionId.SHOW_ARTICLES).trigger()
    assert not window.calendar_shown() and window.views.currentWidget() is window.splitter


def test_double_click_and_new_article_on_a_day_open_tabs(window, planned) -> None:
    window.show_calendar()
    window.calendar.open_article_requested.emit(planned.id)
    assert not window.calendar_shown() and window.form.article_id() == planned.id

    day = _future_day(20)
    window.show_calendar()
    window.calendar.new_article_requested.emit(day)
    form = window.form
    assert form.is_new() and not form.is_modified()  # a date alone is not unsaved work
    planned_at = form.planned_edit.value()
    assert planned_at.astimezone(MOSCOW).date() == day
    assert (planned_at.astimezone(MOSCOW).hour, planned_at.astimezone(MOSCOW).minute) == (10, 0)
    assert window.tabs.count() == 2


def test_a_move_updates_open_tabs_and_undo_from_the_edit_menu_puts_it_back(
    window, store, planned
) -> None:
    window.open_article(planned.id)
    window.show_calendar()
    target = _future_day(12)
    assert window.calendar.move_articles([planned.id], target)
    with store.session() as session:
        moved = get_article(session, planned.id)
    local = moved.planned_at.astimezone(MOSCOW)
    assert local.date() == target and (local.hour, local.minute) == (14, 30)
    tab = window.tab_of(planned.id)
    assert tab.form.base_version() == moved.version  # the open tab follows, no conflict later

    undo = next(a for a in window.edit_menu.actions() if a.text().startswith("&Undo"))
    assert undo.isEnabled()
    undo.trigger()
    with store.session() as session:
        assert get_article(session, planned.id).planned_at == planned.planned_at
    window.show_articles()
    assert window.format_menu.isEnabled()  # the editor's menus are back


def test_export_plan_writes_an_ics_with_the_month(qtbot, window, planned, tmp_path) -> None:
    day = _future_day()
    target = tmp_path / "plan.ics"
    with qtbot.waitSignal(window.plan_written, timeout=5000):
        window.write_plan(day, day, target)  # in a worker: the UI stays responsive
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert [str(event["SUMMARY"]) for event in events] == ["Ярмарка"]
    assert events[0].decoded("DTSTART") == planned.planned_at


def test_office_time_zone_is_stored_applied_and_used_at_the_next_start(
    window, store, db_path, monkeypatch, planned
) -> None:
    from editorial_desk.ui.office_zone_dialog import OfficeZoneDialog

    monkeypatch.delenv("EDITORIAL_DESK_TZ", raising=False)
    monkeypatch.setattr(OfficeZoneDialog, "choose", lambda self: (True, "Asia/Vladivostok"))
    assert window.action(ActionId.OFFICE_ZONE).isEnabled()  # the first user is the admin
    window.show_calendar()
    window.action(ActionId.OFFICE_ZONE).trigger()
    assert window.calendar.zone() == VLADIVOSTOK
    window.reload_list()
    row = window.model.row_of(planned.id)
    shown = window.model.index(row, Column.PLANNED).data()
    assert "21:30" in shown  # 14:30 in Moscow is 21:30 in Vladivostok

    context = open_context(str(db_path))
    try:
        assert context.zone == VLADIVOSTOK
    finally:
        context.store.close()


def test_article_actions_are_off_while_the_calendar_is_shown(window, planned) -> None:
    window.open_article(planned.id)
    assert window.action(ActionId.TRASH_ARTICLE).isEnabled()
    window.show_calendar()
    for action_id in (ActionId.TRASH_ARTICLE, ActionId.SAVE_ARTICLE, ActionId.CLOSE_TAB):
        assert not window.action(action_id).isEnabled(), action_id  # the tab is hidden
    window.show_articles()
    assert window.action(ActionId.TRASH_ARTICLE).isEnabled()


def test_export_plan_asks_before_replacing_a_file(
    qtbot, window, planned, tmp_path, message_boxes
) -> None:
    from editorial_desk.ui.calendar.ics_export import IcsExportDialog

    target = tmp_path / "plan.ics"
    target.write_bytes(b"old")
    original_exec = IcsExportDialog.exec

    def accept(dialog):
        dialog.path_edit.setText(str(target))
        return IcsExportDialog.DialogCode.Accepted

    IcsExportDialog.exec = accept
    try:
        message_boxes.answers.append(QMessageBox.StandardButton.No)
        window.export_plan()
        assert target.read_bytes() == b"old"
        message_boxes.answers.append(QMessageBox.StandardButton.Yes)
        with qtbot.waitSignal(window.plan_written, timeout=5000):
            window.export_plan()
    finally:
        IcsExportDialog.exec = original_exec
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_a_move_of_an_article_with_unsaved_edits_keeps_them_and_saves_without_conflict(
    qtbot, type_text, window, store, planned, message_boxes
) -> None:
    window.open_article(planned.id)
    type_text(window.form.title_edit, " на площади")
    window.show_calendar()
    target = _future_day(15)
    assert window.calendar.move_articles([planned.id], target)
    window.show_articles()
    assert window.form.title_edit.text() == "Ярмарка на площади" and window.form.is_modified()
    assert window.form.planned_edit.value().astimezone(MOSCOW).date() == target
    assert window.save_article()  # no conflict question: only the date had moved
    assert not message_boxes.shown
    with store.session() as session:
        saved = get_article(session, planned.id)
    assert saved.title == "Ярмарка на площади"
    assert saved.planned_at.astimezone(MOSCOW).date() == target


def test_export_plan_uses_the_remembered_filters_before_the_calendar_is_opened(
    qtbot, window, store, actor, planned, tmp_path
) -> None:
    from editorial_desk.ui.calendar.ics_export import IcsExportDialog

    day = planned.planned_at.astimezone(MOSCOW).date()
    at = planned.planned_at
    with store.session() as session:
        create_article(session, actor, title="Матч", rubric="Спорт", planned_at=at)
    window.settings.calendar_filter = {"status": "", "rubric": "Спорт", "author": ""}
    target = tmp_path / "sport.ics"
    original_exec = IcsExportDialog.exec

    def accept(dialog):
        dialog.from_edit.setDate(dialog.from_edit.date().fromString(day.isoformat(), "yyyy-MM-dd"))
        dialog.to_edit.setDate(dialog.from_edit.date())
        dialog.path_edit.setText(str(target))
        return IcsExportDialog.DialogCode.Accepted

    IcsExportDialog.exec = accept
    try:
        assert window.calendar is None
        with qtbot.waitSignal(window.plan_written, timeout=5000):
            window.export_plan()
    finally:
        IcsExportDialog.exec = original_exec
    events = icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert [str(event["SUMMARY"]) for event in events] == ["Матч"]


def test_the_export_dialog_keeps_dates_within_a_sane_range(qtbot, tmp_path) -> None:
    from editorial_desk.ui.calendar.ics_export import IcsExportDialog

    dialog = IcsExportDialog(date(2026, 12, 1), date(2026, 12, 31), tmp_path / "p.ics")
    qtbot.addWidget(dialog)
    dialog.to_edit.setDate(dialog.to_edit.date().addYears(20000))
    assert dialog.last().year <= 2999


def test_a_failed_plan_export_says_so_and_writes_nothing(
    qtbot, window, planned, tmp_path, message_boxes
) -> None:
    day = _future_day()
    target = tmp_path / "missing-folder" / "plan.ics"
    task = window.write_plan(day, day, target)
    qtbot.waitUntil(lambda: bool(message_boxes.shown), timeout=5000)
    assert "plan.ics" in message_boxes.shown[-1][1] and not target.exists()
    assert task is not None


def test_the_calendar_view_and_its_tray_width_come_back_at_the_next_start(
    qtbot, store, actor, tmp_path
) -> None:
    ini = tmp_path / "layout.ini"
    first = build_main_window(store, actor, MOSCOW, settings=AppSettings.in_file(ini))
    qtbot.addWidget(first)
    first.resize(1200, 700)
    first.show()
    first.show_calendar()
    first.calendar.splitter.setSizes([700, 480])
    wanted = first.calendar.splitter.sizes()
    assert first.close()

    again = build_main_window(store, actor, MOSCOW, settings=AppSettings.in_file(ini))
    qtbot.addWidget(again)
    again.resize(1200, 700)
    again.show()
    assert again.calendar_shown()
    assert again.calendar.splitter.sizes() == wanted
