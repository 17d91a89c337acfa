"""The agenda: items grouped by their local day in the office zone, days without
items left out, Russian day titles, today marked; the view asks to open, to
create on a day and to move dropped items."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale, QMimeData, QModelIndex, QPoint, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from editorial_desk.domain.article import ArticleSummary
from editorial_desk.domain.statuses import Status
from editorial_desk.ui.calendar.agenda_view import (
    ARTICLE_ID_ROLE,
    DAY_ROLE,
    IS_TODAY_ROLE,
    AgendaColumn,
    AgendaModel,
    AgendaView,
    long_day_title,
)
from editorial_desk.ui.calendar.week_view import ARTICLE_IDS_MIME, decode_article_ids

VLADIVOSTOK = ZoneInfo("Asia/Vladivostok")
RUSSIAN = QLocale(QLocale.Language.Russian, QLocale.Country.Russia)
FIRST, LAST = date(2026, 11, 1), date(2026, 11, 30)
TODAY = date(2026, 11, 27)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=VLADIVOSTOK).astimezone(UTC)


def summary(item_id: int, planned_at: datetime | None, title: str | None = None, **extra):
    return ArticleSummary(
        id=item_id,
        title=title or f"Новость {item_id}",
        status=extra.get("status", Status.SCHEDULED),
        rubric=extra.get("rubric", "Город"),
        author_name="Анна Петрова",
        planned_at=planned_at,
        updated_at=datetime(2026, 11, 1, tzinfo=UTC),
        word_count=100,
    )


ITEMS = [
    summary(1, at(TODAY, 0, 30), "Ночной рейс в Сеул"),  # 14:30 UTC on the 26th
    summary(2, at(TODAY, 14, 0), "Приём граждан", status=Status.APPROVED, rubric="Власть"),
    summary(3, at(date(2026, 11, 24), 9, 30), "Субботник"),
    summary(4, at(TODAY, 9, 0), "Совещание"),
    summary(5, None, "Без даты"),
    summary(6, at(date(2026, 12, 1), 0, 30), "Уже декабрь"),  # still Nov 30 in UTC
]


@pytest.fixture
def russian(qapp):
    previous = QLocale()
    QLocale.setDefault(RUSSIAN)
    yield
    QLocale.setDefault(previous)


def make_model() -> AgendaModel:
    model = AgendaModel()
    model.today_provider = lambda _zone: TODAY
    model.set_zone(VLADIVOSTOK)
    model.set_range(FIRST, LAST, ITEMS)
    return model


@pytest.fixture
def view(qtbot):
    widget = AgendaView()
    widget.agenda_model().today_provider = lambda _zone: TODAY
    widget.set_zone(VLADIVOSTOK)
    widget.set_range(FIRST, LAST, ITEMS)
    widget.resize(700, 400)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def child_texts(model: AgendaModel, day_row: int, column: AgendaColumn) -> list[str]:
    parent = model.index(day_row, 0)
    return [model.index(row, column, parent).data() for row in range(model.rowCount(parent))]


def test_model_passes_qtmodeltester(qtmodeltester):
    model = make_model()
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)


def test_model_passes_qtmodeltester_while_it_changes(qtmodeltester):
    model = AgendaModel()
    model.today_provider = lambda _zone: TODAY
    qtmodeltester.check(model, force_py=True)
    model.set_range(FIRST, LAST, ITEMS)
    model.set_zone(UTC)
    model.set_range(FIRST, LAST, [])


def test_days_without_items_are_left_out_and_items_group_by_local_day():
    model = make_model()
    assert model.days() == [date(2026, 11, 24), TODAY]
    # the 00:30 Vladivostok item is on the 27th, first, though it is the 26th in UTC
    assert child_texts(model, 1, AgendaColumn.TITLE) == [
        "Ночной рейс в Сеул",
        "Совещание",
        "Приём граждан",
    ]
    assert child_texts(model, 1, AgendaColumn.TIME) == ["00:30", "09:00", "14:00"]
    # undated and out-of-range (local 1 December) items are not in a November agenda
    titles = {t for row in range(2) for t in child_texts(model, row, AgendaColumn.TITLE)}
    assert "Без даты" not in titles and "Уже декабрь" not in titles


def test_in_utc_the_same_items_fall_on_other_days():
    model = make_model()
    model.set_zone(UTC)
    # 09:30 on the 24th in Vladivostok is 23:30 UTC on the 23rd, and so on
    assert model.days() == [date(2026, 11, 23), date(2026, 11, 26), TODAY, date(2026, 11, 30)]


def test_day_titles_are_russian_under_the_russian_locale(russian):
    model = make_model()
    assert model.index(0, 0).data() == "вторник, 24 ноября"
    assert model.index(1, 0).data().startswith("пятница, 27 ноября")
    assert long_day_title(date(2027, 1, 1), RUSSIAN, with_year=True).startswith(
        "пятница, 1 января 2027"
    )


def test_today_is_marked():
    model = make_model()
    today, other = model.index(1, 0), model.index(0, 0)
    assert today.data(IS_TODAY_ROLE) is True and other.data(IS_TODAY_ROLE) is False
    assert today.data() != long_day_title(TODAY)  # it says so in its title too
    assert today.data(Qt.ItemDataRole.BackgroundRole) != other.data(Qt.ItemDataRole.BackgroundRole)


def test_item_rows_carry_id_day_status_and_rubric():
    model = make_model()
    parent = model.index(1, 0)
    row = 2  # 14:00 "Приём граждан"
    assert model.index(row, 0, parent).data(ARTICLE_ID_ROLE) == 2
    assert model.index(row, 0, parent).data(DAY_ROLE) == TODAY
    assert model.index(row, AgendaColumn.STATUS, parent).data() in ("Approved", "Одобрена")
    assert (
        not model.index(row, AgendaColumn.STATUS, parent)
        .data(Qt.ItemDataRole.DecorationRole)
        .isNull()
    )
    assert model.index(row, AgendaColumn.RUBRIC, parent).data() == "Власть"
    assert "Приём граждан" in model.index(row, AgendaColumn.TITLE, parent).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert model.index(0, 0).data(ARTICLE_ID_ROLE) is None


def test_dragging_items_out_carries_their_ids():
    model = make_model()
    parent = model.index(1, 0)
    indexes = [model.index(0, 0, parent), model.index(0, 1, parent), model.index(2, 0, parent)]
    assert decode_article_ids(model.mimeData(indexes)) == [1, 2]
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled
    assert model.flags(indexes[0]) & Qt.ItemFlag.ItemIsDragEnabled


def test_the_view_is_expanded_with_day_titles_spanning(view):
    model = view.agenda_model()
    for row in range(model.rowCount()):
        assert view.isExpanded(model.index(row, 0))
        assert view.isFirstColumnSpanned(row, QModelIndex())
    child = model.index(0, 0, model.index(1, 0))
    assert view.visualRect(child).isValid()


def test_double_click_and_enter_open_the_item(qtbot, view):
    index = view.agenda_model().item_index(4)
    rect = view.visualRect(view.agenda_model().index(index.row(), 1, index.parent()))
    with qtbot.waitSignal(view.open_article_requested) as signal:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == [4]
    assert view.select_article(2)
    with qtbot.waitSignal(view.open_article_requested) as signal:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert signal.args == [2]
    # a day row neither opens nor collapses
    opened = []
    view.open_article_requested.connect(opened.append)
    day_rect = view.visualRect(view.agenda_model().index(0, 0))
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=day_rect.center())
    assert opened == [] and view.isExpanded(view.agenda_model().index(0, 0))


def test_context_menu_new_article_on_the_rows_day(qtbot, view):
    model = view.agenda_model()
    day_rect = view.visualRect(model.index(0, 0))
    menu = view.context_menu_at(day_rect.center())
    [new_action] = menu.actions()
    with qtbot.waitSignal(view.new_article_requested) as signal:
        new_action.trigger()
    assert signal.args == [date(2026, 11, 24)]
    item_rect = view.visualRect(model.item_index(2))
    menu = view.context_menu_at(item_rect.center())
    with qtbot.waitSignal(view.new_article_requested) as signal:
        menu.actions()[-1].trigger()
    assert signal.args == [TODAY]
    with qtbot.waitSignal(view.open_article_requested) as signal:
        menu.actions()[0].trigger()
    assert signal.args == [2]
    assert view.context_menu_at(QPoint(10, view.viewport().height() - 5)) is None


def _drop(view: AgendaView, pos: QPoint, ids: bytes) -> None:
    mime = QMimeData()
    mime.setData(ARTICLE_IDS_MIME, ids)
    args = (mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    for event in (
        QDragEnterEvent(pos, Qt.DropAction.MoveAction, *args),
        QDragMoveEvent(pos, Qt.DropAction.MoveAction, *args),
        QDropEvent(pos.toPointF(), Qt.DropAction.MoveAction, *args),
    ):
        QApplication.sendEvent(view.viewport(), event)


def test_dropping_on_a_day_asks_to_move_except_to_the_same_day(qtbot, view):
    moves = []
    view.move_requested.connect(lambda article_id, day: moves.append((article_id, day)))
    model = view.agenda_model()
    first_day = view.visualRect(model.index(0, 0)).center()
    _drop(view, first_day, b"2,3,99")
    # 3 is on the 24th already; 99 comes from elsewhere (the tray)
    assert moves == [(2, date(2026, 11, 24)), (99, date(2026, 11, 24))]


def test_an_empty_range_says_so(qtbot, view):
    view.set_range(date(2027, 1, 1), date(2027, 1, 31), ITEMS)
    assert view.agenda_model().rowCount() == 0
    image = view.viewport().grab().toImage()
    base = image.pixelColor(1, image.height() - 2)
    assert any(
        image.pixelColor(x, y) != base
        for x in range(0, image.width(), 2)
        for y in range(0, min(60, image.height()), 2)
    )


def test_a_published_item_can_be_opened_but_not_dragged() -> None:
    from editorial_desk.ui.calendar.tray import TrayModel

    model = AgendaModel()
    model.set_zone(VLADIVOSTOK)
    published = summary(1, at(date(2026, 11, 5), 9), status=Status.PUBLISHED)
    draft = summary(2, at(date(2026, 11, 5), 10), status=Status.DRAFT)
    model.set_range(FIRST, LAST, [published, draft])
    flags = {i: model.flags(model.item_index(i)) for i in (1, 2)}
    assert flags[1] & Qt.ItemFlag.ItemIsSelectable
    assert not flags[1] & Qt.ItemFlag.ItemIsDragEnabled  # its date is the record
    assert flags[2] & Qt.ItemFlag.ItemIsDragEnabled

    tray = TrayModel()
    tray.set_items([summary(3, None, status=Status.PUBLISHED), summary(4, None)])
    assert not tray.flags(tray.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled
    assert tray.flags(tray.index(1, 0)) & Qt.ItemFlag.ItemIsDragEnabled
