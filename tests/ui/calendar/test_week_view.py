"""The week view: items at their local time in the office zone, side by side when
they overlap, today tinted, drops asking to move, keyboard and context menu."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale, QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QDrag, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from editorial_desk.domain.article import ArticleSummary
from editorial_desk.domain.statuses import Status
from editorial_desk.ui.calendar.item_style import status_colour
from editorial_desk.ui.calendar.week_view import (
    ARTICLE_IDS_MIME,
    WeekView,
    decode_article_ids,
    encode_article_ids,
    short_day_header,
)

VLADIVOSTOK = ZoneInfo("Asia/Vladivostok")
MONDAY = date(2026, 11, 23)
FRIDAY = date(2026, 11, 27)
RUSSIAN = QLocale(QLocale.Language.Russian, QLocale.Country.Russia)


def at(day: date, hour: int, minute: int = 0, zone=VLADIVOSTOK) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone).astimezone(UTC)


def summary(item_id: int, planned_at: datetime | None, status=Status.APPROVED, title=None):
    return ArticleSummary(
        id=item_id,
        title=title or f"Новость {item_id}",
        status=status,
        rubric="Город",
        author_name="Анна Петрова",
        planned_at=planned_at,
        updated_at=datetime(2026, 11, 1, tzinfo=UTC),
        word_count=100,
    )


@pytest.fixture
def view(qtbot):
    widget = WeekView()
    widget.today_provider = lambda _zone: FRIDAY
    widget.set_zone(VLADIVOSTOK)
    widget.resize(900, 500)
    qtbot.addWidget(widget)
    return widget


def show(qtbot, view: WeekView) -> None:
    view.show()
    qtbot.waitExposed(view)


def test_day_headers_read_the_russian_way():
    assert short_day_header(date(2026, 11, 23), RUSSIAN) == "Пн 23.11"
    assert short_day_header(date(2026, 11, 29), RUSSIAN) == "Вс 29.11"
    english = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    assert short_day_header(date(2026, 11, 23), english) == "Mon 11/23"


def test_the_week_starts_on_monday_whatever_day_is_given(view):
    view.set_week(date(2026, 11, 26), [])
    assert view.days()[0] == MONDAY
    assert view.days()[-1] == date(2026, 11, 29)


def test_half_past_midnight_in_vladivostok_is_on_the_local_day(qtbot, view):
    # 00:30 on Friday the 27th in Vladivostok is 14:30 UTC on Thursday the 26th
    planned = at(FRIDAY, 0, 30)
    assert planned.date() == date(2026, 11, 26)
    view.set_week(MONDAY, [summary(1, planned)])
    show(qtbot, view)
    view.scroll_to_hour(0)
    rect = view.item_rect(1)
    assert rect is not None
    assert view.day_at(rect.center()) == FRIDAY
    assert view.hour_at(rect.top() + 2) == 0


def test_an_item_at_14_is_drawn_in_the_14_row(qtbot, view):
    view.set_week(MONDAY, [summary(1, at(date(2026, 11, 25), 14), Status.SCHEDULED)])
    show(qtbot, view)
    view.scroll_to_hour(12)
    rect = view.item_rect(1)
    assert rect is not None
    assert abs(rect.top() - view.hour_top(14)) <= 2
    assert view.hour_at(rect.top() + 2) == 14
    assert view.day_at(rect.center()) == date(2026, 11, 25)
    # and it is really painted there: the status bar in the item's colour
    image = view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    bar = image.pixelColor(int((rect.left() + 1) * ratio), int((rect.top() + 10) * ratio))
    assert bar.rgb() == status_colour(Status.SCHEDULED).rgb()
    above = image.pixelColor(int((rect.left() + 1) * ratio), int((rect.top() - 10) * ratio))
    assert above.rgb() != status_colour(Status.SCHEDULED).rgb()


def test_items_outside_the_local_week_are_left_out(view):
    sunday_late = at(date(2026, 11, 29), 23, 30)
    next_monday_early = at(date(2026, 11, 30), 0, 30)  # still Sunday in UTC
    view.set_week(MONDAY, [summary(1, sunday_late), summary(2, next_monday_early)])
    assert view.item_rect(1) is not None
    assert view.item_rect(2) is None


def test_overlapping_items_sit_side_by_side(qtbot, view):
    view.set_week(
        MONDAY,
        [
            summary(1, at(FRIDAY, 9, 30)),
            summary(2, at(FRIDAY, 9, 30)),
            summary(3, at(FRIDAY, 10, 0)),
            summary(4, at(FRIDAY, 15, 0)),
        ],
    )
    show(qtbot, view)
    rects = {i: view.item_rect(i) for i in (1, 2, 3, 4)}
    for first, second in ((1, 2), (1, 3), (2, 3)):
        assert not rects[first].intersects(rects[second]), (first, second)
    assert rects[1].top() == rects[2].top()
    # all three share the Friday column; the 15:00 one alone has the full width
    for i in (1, 2, 3):
        assert view.day_at(rects[i].center()) == FRIDAY
        assert rects[i].width() < rects[4].width() / 2
    assert view.day_at(rects[4].center()) == FRIDAY


def test_it_opens_scrolled_to_eight_and_today_is_tinted(qtbot, view):
    view.set_week(MONDAY, [])
    show(qtbot, view)
    assert view.hour_top(8) == 0
    image = view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    y = int(view.hour_top(9) + 5)
    friday_x = thursday_x = None
    for x in range(view.viewport().width()):
        day = view.day_at(QPoint(x, y))
        if day == FRIDAY and friday_x is None:
            friday_x = x + 10
        if day == date(2026, 11, 26) and thursday_x is None:
            thursday_x = x + 10
    friday = image.pixelColor(int(friday_x * ratio), int(y * ratio))
    thursday = image.pixelColor(int(thursday_x * ratio), int(y * ratio))
    assert friday.rgb() != thursday.rgb()


def _drop(view: WeekView, pos: QPoint, mime: QMimeData) -> QDropEvent:
    """Deliver a drag's enter, move and drop as Qt would (QDrag.exec blocks
    offscreen); Qt hands a drop only to the widget that accepted the enter."""
    args = (mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), QDragEnterEvent(pos, Qt.DropAction.MoveAction, *args))
    QApplication.sendEvent(view.viewport(), QDragMoveEvent(pos, Qt.DropAction.MoveAction, *args))
    event = QDropEvent(
        QPointF(pos),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view.viewport(), event)
    return event


def test_dropping_an_item_on_another_day_asks_to_move_it(qtbot, view):
    view.set_week(MONDAY, [summary(7, at(FRIDAY, 14))])
    show(qtbot, view)
    rect = view.item_rect(7)
    monday_pos = QPoint(rect.center().x(), rect.center().y())
    while view.day_at(monday_pos) != MONDAY:
        monday_pos.setX(monday_pos.x() - 20)
    with qtbot.waitSignal(view.move_requested) as signal:
        event = _drop(view, monday_pos, encode_article_ids([7]))
    assert signal.args == [7, MONDAY]
    assert event.isAccepted()


def test_dropping_several_ids_from_the_tray_asks_for_each(qtbot, view):
    view.set_week(MONDAY, [])
    show(qtbot, view)
    moves: list[tuple[int, date]] = []
    view.move_requested.connect(lambda article_id, day: moves.append((article_id, day)))
    x = 0
    while view.day_at(QPoint(x, 50)) != date(2026, 11, 24):
        x += 5
    mime = QMimeData()
    mime.setData(ARTICLE_IDS_MIME, b"12,13")
    _drop(view, QPoint(x + 5, 50), mime)
    assert moves == [(12, date(2026, 11, 24)), (13, date(2026, 11, 24))]


def test_dropping_on_the_same_day_or_foreign_data_asks_nothing(qtbot, view):
    view.set_week(MONDAY, [summary(7, at(FRIDAY, 14))])
    show(qtbot, view)
    moves = []
    view.move_requested.connect(lambda *args: moves.append(args))
    centre = view.item_rect(7).center()
    _drop(view, centre, encode_article_ids([7]))
    text = QMimeData()
    text.setText("7")
    event = _drop(view, centre, text)
    assert moves == []
    assert not event.isAccepted()


def test_mime_ids_round_trip_and_reject_garbage():
    assert decode_article_ids(encode_article_ids([3, 41])) == [3, 41]
    assert bytes(encode_article_ids([3, 41]).data(ARTICLE_IDS_MIME).data()) == b"3,41"
    bad = QMimeData()
    bad.setData(ARTICLE_IDS_MIME, b"3,x")
    assert decode_article_ids(bad) == []
    assert decode_article_ids(None) == []


def test_pressing_and_moving_an_item_starts_a_drag_with_its_id(qtbot, view, monkeypatch):
    started: list[list[int]] = []

    def fake_exec(drag: QDrag, *_args):
        started.append(decode_article_ids(drag.mimeData()))
        return Qt.DropAction.IgnoreAction

    monkeypatch.setattr(QDrag, "exec", fake_exec)
    view.set_week(MONDAY, [summary(5, at(FRIDAY, 9))])
    show(qtbot, view)
    rect = view.item_rect(5)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.selected_article() == 5
    far = rect.center() + QPoint(0, 3 * QApplication.startDragDistance())
    qtbot.mouseMove(view.viewport(), far)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=far)
    assert started == [[5]]


def test_double_click_opens_the_item(qtbot, view):
    view.set_week(MONDAY, [summary(5, at(FRIDAY, 9))])
    show(qtbot, view)
    with qtbot.waitSignal(view.open_article_requested) as signal:
        qtbot.mouseDClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=view.item_rect(5).center()
        )
    assert signal.args == [5]


def test_arrow_keys_walk_the_items_and_enter_opens(qtbot, view):
    view.set_week(
        MONDAY,
        [
            summary(1, at(MONDAY, 9)),
            summary(2, at(MONDAY, 15)),
            summary(3, at(date(2026, 11, 25), 14)),  # Wednesday; Tuesday is empty
        ],
    )
    show(qtbot, view)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.selected_article() == 1  # nothing selected: the first item
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.selected_article() == 2
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.selected_article() == 3  # skips the empty Tuesday, nearest in time
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert view.selected_article() == 2
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert view.selected_article() == 1
    with qtbot.waitSignal(view.open_article_requested) as signal:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert signal.args == [1]


def test_context_menu_offers_a_new_article_on_that_day(qtbot, view):
    view.set_week(MONDAY, [summary(5, at(FRIDAY, 9))])
    show(qtbot, view)
    empty = QPoint(view.item_rect(5).center().x(), view.hour_top(12) + 5)
    menu = view.context_menu_at(empty)
    assert menu is not None
    [new_action] = [a for a in menu.actions() if not a.isSeparator()]
    with qtbot.waitSignal(view.new_article_requested) as signal:
        new_action.trigger()
    assert signal.args == [FRIDAY]
    on_item = view.context_menu_at(view.item_rect(5).center())
    open_action = on_item.actions()[0]
    with qtbot.waitSignal(view.open_article_requested) as signal:
        open_action.trigger()
    assert signal.args == [5]
    assert view.context_menu_at(QPoint(2, 50)) is None  # the hour gutter


def test_context_menu_event_uses_the_injected_runner(qtbot, view):
    from PySide6.QtGui import QContextMenuEvent

    view.set_week(MONDAY, [])
    show(qtbot, view)
    shown = []
    view.exec_menu = lambda menu, _pos: shown.append([a.text() for a in menu.actions()])
    pos = QPoint(view.viewport().width() - 20, 40)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(view.viewport(), event)
    assert len(shown) == 1 and len(shown[0]) == 1


def test_selected_items_use_the_highlight(qtbot, view):
    from PySide6.QtGui import QPalette

    view.set_week(MONDAY, [summary(5, at(FRIDAY, 9))])
    show(qtbot, view)
    view.select_article(5)
    rect = view.item_rect(5)
    image = view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    pixel = image.pixelColor(int((rect.right() - 3) * ratio), int((rect.bottom() - 3) * ratio))
    highlight = view.palette().color(QPalette.ColorRole.Highlight)
    assert pixel.rgb() == QColor(highlight).rgb()


def test_changing_the_zone_moves_items_to_their_days_there(qtbot, view):
    # 00:30 Friday in Vladivostok is 14:30 Thursday in UTC
    view.set_week(MONDAY, [summary(1, at(FRIDAY, 0, 30))])
    show(qtbot, view)
    view.set_zone(UTC)
    view.scroll_to_hour(13)
    rect = view.item_rect(1)
    assert view.day_at(rect.center()) == date(2026, 11, 26)
    assert view.hour_at(rect.top() + 2) == 14


def test_hovering_an_item_shows_its_tooltip(qtbot, view):
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    view.set_week(MONDAY, [summary(5, at(FRIDAY, 9), title="Субботник в парке")])
    show(qtbot, view)
    centre = view.item_rect(5).center()
    event = QHelpEvent(QHelpEvent.Type.ToolTip, centre, view.viewport().mapToGlobal(centre))
    QApplication.sendEvent(view.viewport(), event)
    assert "Субботник в парке" in QToolTip.text()
    assert "09:00" in QToolTip.text()
    QToolTip.hideText()


def test_a_late_item_stays_inside_the_day(qtbot, view):
    view.set_week(MONDAY, [summary(1, at(FRIDAY, 23, 40)), summary(2, at(FRIDAY, 22, 30))])
    show(qtbot, view)
    view.scroll_to_hour(23)
    late, earlier = view.item_rect(1), view.item_rect(2)
    bottom_of_day = view.hour_top(23) + view.hour_height()
    assert late.bottom() <= bottom_of_day
    assert view.hour_at(late.top() + 2) == 23
    assert not late.intersects(earlier)  # they overlap in time on screen: side by side
