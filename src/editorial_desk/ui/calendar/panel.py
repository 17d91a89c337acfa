"""The calendar panel: the toolbar (previous / today / next, the month picker, the
view switch, filters), the month, week and agenda views in a stack, and the
unscheduled tray on the right.

It reads through a `CalendarSource` and reschedules through it too: each move is
made, then pushed onto the panel's QUndoStack as a `RescheduleCommand`; the
shown range and the tray reload afterwards and `articles_changed` tells the
main window to refresh its list. Without a source (before the store is open)
the panel shows an empty grid; `attach(source)` fills it."""

from __future__ import annotations

import calendar as pycalendar
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QMenu,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from editorial_desk.domain.article import ArticleSummary
from editorial_desk.domain.calendar import (
    DEFAULT_PLAN_TIME,
    UNSET,
    CalendarFilter,
    group_by_local_day,
    local_day,
    month_grid,
    moved_to_day,
    planned_on_day,
    week_of,
)
from editorial_desk.domain.errors import EditorialError
from editorial_desk.domain.statuses import Status
from editorial_desk.ui.calendar.agenda_view import AgendaView
from editorial_desk.ui.calendar.month_model import MonthModel, capitalized
from editorial_desk.ui.calendar.month_view import MonthView, add_months
from editorial_desk.ui.calendar.reschedule import PlanChange, RescheduleCommand
from editorial_desk.ui.calendar.source import CalendarSource
from editorial_desk.ui.calendar.tray import TRAY_LIMIT, TrayModel, TrayPanel
from editorial_desk.ui.calendar.week_view import WeekView
from editorial_desk.ui.dialogs import show_error, show_message
from editorial_desk.ui.error_messages import ErrorMessage
from editorial_desk.ui.filter_state import ALL, filter_state, restore_filter_state
from editorial_desk.ui.labels import status_label
from editorial_desk.ui.settings import AppSettings, CalendarView

translate = QCoreApplication.translate

Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


class CalendarPanel(QWidget):
    open_article_requested = Signal(int)
    new_article_requested = Signal(object)  # datetime.date, a local day
    articles_changed = Signal()  # after a move, its undo or redo

    def __init__(
        self,
        source: CalendarSource | None,
        settings: AppSettings,
        zone: tzinfo,
        parent: QWidget | None = None,
        *,
        clock: Clock = _utc_now,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("calendarPanel")
        self._source: CalendarSource | None = None
        self._choices_loaded = False
        self._settings = settings
        self._zone = zone
        self._clock = clock
        self._anchor = self.today()
        self._undo = QUndoStack(self)
        self._pending_moves: dict[date, list[int]] = {}
        self._view_items: list[ArticleSummary] = []  # what the week or agenda view shows

        self.month_model = MonthModel(zone, self._anchor, self)
        self.month_model.drop_requested.connect(
            self._drop_on_day, Qt.ConnectionType.QueuedConnection
        )
        self.month_view = MonthView(self.month_model, self)
        self.month_view.open_article_requested.connect(self.open_article_requested)
        self.month_view.new_article_requested.connect(self.new_article_requested)
        self.month_view.remove_date_requested.connect(lambda i: self.unschedule([i]))
        self.month_view.day_requested.connect(self.go_to_day)

        self.tray_model = TrayModel(self)
        self.tray_model.unschedule_requested.connect(
            self.unschedule, Qt.ConnectionType.QueuedConnection
        )
        self.tray = TrayPanel(self.tray_model, self)
        self.tray.view.open_article_requested.connect(self.open_article_requested)

        self.stack = QStackedWidget(self)
        self.stack.setObjectName("calendarViews")
        self.stack.addWidget(self.month_view)
        self.week_view = self._make_week_view()
        self.agenda_view = self._make_agenda_view()

        self._build_toolbar()
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("calendarSplitter")
        splitter.addWidget(self.stack)
        splitter.addWidget(self.tray)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.toolbar)
        layout.addWidget(splitter, 1)

        self.restore_filter_state(settings.calendar_filter)
        self._set_view(settings.calendar_view, remember=False)
        self._show_anchor()
        self.month_view.set_current_day(self._anchor)
        if source is not None:
            self.attach(source)

    # --- public API ------------------------------------------------------------------

    def undo_stack(self) -> QUndoStack:
        return self._undo

    def source(self) -> CalendarSource | None:
        return self._source

    def zone(self) -> tzinfo:
        return self._zone

    def today(self) -> date:
        return self._clock().astimezone(self._zone).date()

    def shown_month(self) -> tuple[int, int]:
        """The month of the current day, in every view (the week view's days may
        straddle two months: its anchor day decides)."""
        return self._anchor.year, self._anchor.month

    def current_view(self) -> CalendarView:
        widget = self.stack.currentWidget()
        if widget is self.week_view:
            return CalendarView.WEEK
        if widget is self.agenda_view:
            return CalendarView.AGENDA
        return CalendarView.MONTH

    def attach(self, source: CalendarSource) -> None:
        """Start reading through `source` (the store is open now)."""
        self._source = source
        self._choices_loaded = False  # read when a rubric or author combo is first used
        self.month_model.set_fetch(self._fetch)
        self.refresh()

    def set_zone(self, zone: tzinfo) -> None:
        """Show every day in `zone` (the office's zone changed)."""
        self._zone = zone
        self.month_model.set_zone(zone)
        self.week_view.set_zone(zone)
        self.agenda_view.set_zone(zone)
        self.month_model.set_today(self.today())
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Read the shown range and the tray again."""
        self.month_model.set_today(self.today())
        self._reload_views()
        self._reload_tray()

    def show_month(self, year: int, month: int) -> None:
        day = min(self._anchor.day, pycalendar.monthrange(year, month)[1])
        self._anchor = date(year, month, day)
        self._show_anchor()
        self.month_view.set_current_day(self._anchor)

    @Slot()
    def go_to_today(self) -> None:
        self.go_to_day(None)

    def go_to_day(self, day: date | None) -> None:
        """Show `day` (None: today) in the current view and make it the current day."""
        day = day or self.today()
        if self.current_view() is CalendarView.MONTH:
            self.show_month(day.year, day.month)
            self._anchor = day
            self.month_view.set_current_day(day)
        else:
            self._anchor = day
            self._show_anchor()

    @Slot()
    def go_previous(self) -> None:
        self._step(-1)

    @Slot()
    def go_next(self) -> None:
        self._step(1)

    @Slot()
    def print_plan(self) -> None:
        """The plan of the current day's month (with the current filters) in Qt's
        print preview, from where it goes to a printer or a PDF file."""
        from editorial_desk.ui.calendar import print_plan

        year, month = self.shown_month()
        try:
            items = self.plan_items()
        except EditorialError as error:
            show_error(self, error)
            return
        print_plan.print_month_plan(self, year, month, items, self._zone)

    def plan_items(self) -> list[ArticleSummary]:
        """Every item of the six weeks around `shown_month()`, read now (one query,
        the current filters), in day and time order. Read fresh rather than taken
        from the month grid: the week and agenda views do not load the grid."""
        days = month_grid(*self.shown_month())
        by_day = group_by_local_day(self._fetch(days[0], days[-1]), self._zone)
        return [item for day in sorted(by_day) for item in by_day[day]]

    # --- moving ----------------------------------------------------------------------

    def move_articles(self, ids: Sequence[int], day: date) -> bool:
        """Plan `ids` on local `day`: a dated item keeps its local time, an undated
        one gets the default time. An item already on `day` is left alone; a move
        that lands before now (the panel's clock) asks first. True if anything moved."""
        if self._source is None or not ids:
            return False
        known = self._known_items()
        moving: list[int] = []
        into_past = False
        now = self._clock()
        for article_id in ids:
            item = known.get(article_id)
            if item is None:  # not on screen (a colleague's new item?): judge by the day
                moving.append(article_id)
                into_past = into_past or day < self.today()
                continue
            if item.planned_at is None:
                target = planned_on_day(day, DEFAULT_PLAN_TIME, self._zone)
            elif local_day(item.planned_at, self._zone) == day:
                continue  # dropped on its own day: nothing moves, nothing to ask
            else:
                target = moved_to_day(item.planned_at, day, self._zone)
            moving.append(article_id)
            into_past = into_past or target < now
        if not moving or (into_past and not self._confirm_past(day)):
            return False
        source, zone = self._source, self._zone
        # the date each item had on screen: a move from a stale view is refused
        seen = {i: known[i].planned_at for i in moving if i in known}
        return self._reschedule(
            moving,
            lambda article_id: source.move_to_day(
                article_id, day, zone, expect_planned_at=seen.get(article_id, UNSET)
            ),
            self._move_text(moving, day),
            translate("CalendarPanel", "Not every item was moved"),
        )

    def unschedule(self, ids: Sequence[int]) -> bool:
        """Take the dates of `ids` away (they go to the tray)."""
        if self._source is None or not ids:
            return False
        source = self._source
        known = self._known_items()
        seen = {i: known[i].planned_at for i in ids if i in known}
        return self._reschedule(
            ids,
            lambda article_id: source.set_planned_at(
                article_id, None, expect_planned_at=seen.get(article_id, UNSET)
            ),
            self._unschedule_text(ids),
            translate("CalendarPanel", "Not every date was removed"),
        )

    def _drop_on_day(self, ids: list[int], day: date) -> None:
        self.move_articles(ids, day)

    def _queue_move(self, article_id: int, day: date) -> None:
        """The week and agenda views ask per item; one drop of several items is
        gathered into one move (one question, one undo step) after the drop."""
        if not self._pending_moves:
            QTimer.singleShot(0, self._flush_moves)
        self._pending_moves.setdefault(day, []).append(article_id)

    def _flush_moves(self) -> None:
        pending, self._pending_moves = self._pending_moves, {}
        for day, ids in pending.items():
            self.move_articles(ids, day)

    def _reschedule(
        self, ids: Sequence[int], move: Callable[[int], Any], text: str, partial_title: str
    ) -> bool:
        """Try every item (one refusal does not stop the others), push one undo
        step for those that changed, then tell about the refusals in one message."""
        assert self._source is not None
        titles = self._titles(ids)  # before the reload: a refused item may vanish
        changes: list[PlanChange] = []
        refused: list[tuple[int, EditorialError]] = []
        for article_id in ids:
            try:
                result = move(article_id)
            except EditorialError as error:
                refused.append((article_id, error))
                continue
            if result.changed:
                changes.append(PlanChange(article_id, result.old_planned_at, result.new_planned_at))
        if changes:
            self._undo.push(
                RescheduleCommand(text, self._source, changes, self._after_move, self._error)
            )
        if changes or refused:  # a refusal may mean someone else changed it: show what is
            self._after_move()
        if len(ids) == 1 and refused:
            show_error(self, refused[0][1])
        elif refused:
            show_message(
                self, refusals_message(partial_title, len(changes), len(ids), refused, titles)
            )
        return bool(changes)

    def _after_move(self) -> None:
        self._reload_views()
        if self.current_view() is not CalendarView.MONTH:
            # the grid is not on screen, but must not keep the old places either
            self._load_month_model()
        self._reload_tray()
        self.articles_changed.emit()

    def _error(self, error: EditorialError) -> None:
        show_error(self, error)

    def _confirm_past(self, day: date) -> bool:
        from editorial_desk.ui.review.messages import confirm

        return confirm(
            self,
            translate("CalendarPanel", "Move into the Past"),
            (
                translate("CalendarPanel", "Move to {date}, a day that has already passed?")
                if day < self.today()
                else translate("CalendarPanel", "Move to today, {date}, to a time already passed?")
            ).format(date=_long_date(day)),
            translate(
                "CalendarPanel",
                "Items planned in the past are not published by themselves.",
            ),
        )

    def _known_items(self) -> dict[int, ArticleSummary]:
        """Every item the panel has read: the tray, the grid, the week or agenda."""
        known = [*self.tray_model.items(), *self._view_items]
        for day in self.month_model.days:
            known.extend(self.month_model.items_on(day))
        return {item.id: item for item in known}

    def _titles(self, ids: Sequence[int]) -> dict[int, str]:
        known = self._known_items()
        return {i: known[i].title for i in ids if i in known}

    def _move_text(self, ids: Sequence[int], day: date) -> str:
        title = self._titles(ids).get(ids[0], "") if len(ids) == 1 else ""
        if title:
            return translate("CalendarPanel", "Move “{title}” to {date}").format(
                title=title, date=_short_date(day)
            )
        return translate("CalendarPanel", "Move {count} items to {date}").format(
            count=len(ids), date=_short_date(day)
        )

    def _unschedule_text(self, ids: Sequence[int]) -> str:
        title = self._titles(ids).get(ids[0], "") if len(ids) == 1 else ""
        if title:
            return translate("CalendarPanel", "Remove the date of “{title}”").format(title=title)
        return translate("CalendarPanel", "Remove the date of {count} items").format(count=len(ids))

    # --- loading ---------------------------------------------------------------------

    def filters(self) -> CalendarFilter:
        status = self.status_combo.currentData() or ALL
        return CalendarFilter(
            statuses=frozenset({Status(status)}) if status else frozenset(),
            rubric=self.rubric_combo.currentData() or None,
            author_login=self.author_combo.currentData() or None,
        )

    def _fetch(self, first: date, last: date) -> list[ArticleSummary]:
        if self._source is None:
            return []
        return self._source.items(first, last, self._zone, self.filters())

    def _reload_views(self) -> None:
        view = self.current_view()
        try:
            if view is CalendarView.MONTH:
                self.month_model.reload()
            elif view is CalendarView.WEEK:
                self._load_week()
            else:
                self._load_agenda()
        except EditorialError as error:
            show_error(self, error)

    def _reload_tray(self) -> None:
        if self._source is None:
            self.tray_model.set_items([])
            return
        try:
            # one more than shown: the heading says «500+» only when there are more
            items = self._source.unscheduled(self.filters(), limit=TRAY_LIMIT + 1)
        except EditorialError as error:
            self.tray_model.set_items([])
            show_error(self, error)
        else:
            self.tray_model.set_items(items[:TRAY_LIMIT], more=len(items) > TRAY_LIMIT)

    def _load_month_model(self) -> None:
        try:
            self.month_model.show_month(self._anchor.year, self._anchor.month)
        except EditorialError as error:
            show_error(self, error)

    def _load_week(self) -> None:
        days = week_of(self._anchor)
        self._view_items = self._fetch(days[0], days[-1])
        self.week_view.set_week(days[0], self._view_items)

    def _agenda_range(self) -> tuple[date, date]:
        first = self._anchor.replace(day=1)
        last = first.replace(day=pycalendar.monthrange(first.year, first.month)[1])
        return first, last

    def _load_agenda(self) -> None:
        first, last = self._agenda_range()
        self._view_items = self._fetch(first, last)
        self.agenda_view.set_range(first, last, self._view_items)

    def _show_anchor(self) -> None:
        """Point the current view at the anchor day and load it (one query)."""
        view = self.current_view()
        try:
            if view is CalendarView.MONTH:
                self.month_model.show_month(self._anchor.year, self._anchor.month)
            elif view is CalendarView.WEEK:
                self._load_week()
            else:
                self._load_agenda()
        except EditorialError as error:
            show_error(self, error)
        self._update_title()

    def _step(self, direction: int) -> None:
        if self.current_view() is CalendarView.WEEK:
            self._anchor += timedelta(days=7 * direction)
            self._show_anchor()
        elif self.current_view() is CalendarView.AGENDA:
            self._anchor = add_months(self._anchor, direction)
            self._show_anchor()
        else:
            self.show_month(*_year_month(add_months(self._anchor, direction)))

    # --- the toolbar -----------------------------------------------------------------

    def _build_toolbar(self) -> None:
        style = self.style()
        self.previous_button = _tool_button(
            self,
            "calendarPrevious",
            style.standardIcon(QStyle.StandardPixmap.SP_ArrowBack),
            translate("CalendarPanel", "Previous"),
            translate("CalendarPanel", "Previous month or week (Page Up)"),
        )
        self.previous_button.clicked.connect(self.go_previous)
        self.today_button = _tool_button(
            self,
            "calendarToday",
            None,
            translate("CalendarPanel", "Today"),
            translate("CalendarPanel", "Go to today (T or Ctrl+Home)"),
        )
        self.today_button.clicked.connect(self.go_to_today)
        self.next_button = _tool_button(
            self,
            "calendarNext",
            style.standardIcon(QStyle.StandardPixmap.SP_ArrowForward),
            translate("CalendarPanel", "Next"),
            translate("CalendarPanel", "Next month or week (Page Down)"),
        )
        self.next_button.clicked.connect(self.go_next)

        self.title_button = QToolButton(self)
        self.title_button.setObjectName("calendarTitle")
        self.title_button.setToolTip(translate("CalendarPanel", "Go to a month"))
        self.title_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.title_button.setAutoRaise(True)
        font = self.title_button.font()
        font.setBold(True)
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 1.3)
        self.title_button.setFont(font)
        self.month_picker = MonthPicker(self)
        self.month_picker.month_chosen.connect(self.show_month)
        picker_menu = QMenu(self.title_button)
        picker_action = QWidgetAction(picker_menu)
        picker_action.setDefaultWidget(self.month_picker)
        picker_menu.addAction(picker_action)
        picker_menu.aboutToShow.connect(lambda: self.month_picker.set_month(*self.shown_month()))
        self.month_picker.month_chosen.connect(lambda _y, _m: picker_menu.close())
        self.title_button.setMenu(picker_menu)

        self.view_buttons = QButtonGroup(self)
        self.view_buttons.setExclusive(True)
        views = (
            (CalendarView.MONTH, translate("CalendarPanel", "Month")),
            (CalendarView.WEEK, translate("CalendarPanel", "Week")),
            (CalendarView.AGENDA, translate("CalendarPanel", "Agenda")),
        )
        switch = QHBoxLayout()
        switch.setSpacing(0)
        self._view_button: dict[CalendarView, QToolButton] = {}
        for kind, text in views:
            button = QToolButton(self)
            button.setObjectName(f"calendarView.{kind.value}")
            button.setText(text)
            button.setCheckable(True)
            button.clicked.connect(lambda _checked=False, k=kind: self._set_view(k))
            self.view_buttons.addButton(button)
            switch.addWidget(button)
            self._view_button[kind] = button

        self.status_combo = QComboBox(self)
        self.status_combo.setObjectName("calendarStatusFilter")
        self.status_combo.addItem(translate("CalendarPanel", "All statuses"), ALL)
        for status in Status:
            if status is not Status.TRASH:
                self.status_combo.addItem(status_label(status), status.value)
        self.rubric_combo = ChoicesComboBox(self)
        self.rubric_combo.setObjectName("calendarRubricFilter")
        self.author_combo = ChoicesComboBox(self)
        self.author_combo.setObjectName("calendarAuthorFilter")
        for lazy in (self.rubric_combo, self.author_combo):
            lazy.choices_wanted.connect(self.ensure_filter_choices)
        self.set_filter_choices([], [])
        for combo in (self.status_combo, self.rubric_combo, self.author_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(lambda _index: self._filters_changed())

        self.print_button = _tool_button(
            self,
            "calendarPrint",
            None,
            translate("CalendarPanel", "Print…"),
            translate("CalendarPanel", "Print the month plan or save it as PDF"),
        )
        self.print_button.clicked.connect(self.print_plan)

        self.toolbar = QHBoxLayout()
        self.toolbar.setContentsMargins(4, 4, 4, 4)
        for widget in (self.previous_button, self.today_button, self.next_button):
            self.toolbar.addWidget(widget)
        self.toolbar.addWidget(self.title_button)
        self.toolbar.addStretch(1)
        self.toolbar.addLayout(switch)
        self.toolbar.addSpacing(12)
        for combo in (self.status_combo, self.rubric_combo, self.author_combo):
            self.toolbar.addWidget(combo)
        self.toolbar.addSpacing(12)
        self.toolbar.addWidget(self.print_button)

    def _update_title(self) -> None:
        if self.current_view() is CalendarView.WEEK:
            days = week_of(self._anchor)
            text = _week_title(days[0], days[-1])
        else:
            year, month = _year_month(self._anchor)
            text = month_title(year, month)
        self.title_button.setText(text)

    def title(self) -> str:
        return self.title_button.text()

    def _set_view(self, kind: CalendarView, *, remember: bool = True) -> None:
        widget: QWidget = {
            CalendarView.MONTH: self.month_view,
            CalendarView.WEEK: self.week_view,
            CalendarView.AGENDA: self.agenda_view,
        }[kind]
        self._view_button[kind].setChecked(True)
        if self.stack.currentWidget() is not widget:
            self.stack.setCurrentWidget(widget)
            self._show_anchor()
        if remember:
            self._settings.calendar_view = kind

    # --- filters ---------------------------------------------------------------------

    def ensure_filter_choices(self) -> None:
        """Read the rubrics and authors for the combos, once per source. Not at
        start-up: on a 50,000-item store these queries cost four times the whole
        opening of the calendar, and the remembered choice shows without them."""
        if self._choices_loaded or self._source is None:
            return
        self._choices_loaded = True
        try:
            rubrics, authors = self._source.filter_choices()
        except EditorialError as error:
            show_error(self, error)
        else:
            self.set_filter_choices(rubrics, authors)

    def set_filter_choices(self, rubrics: list[str], authors: list[tuple[str, str]]) -> None:
        """Fill the rubric and author combos (the main window may pass the lists it
        already has; otherwise they are read when a combo is first opened)."""
        _refill(
            self.rubric_combo,
            translate("CalendarPanel", "All rubrics"),
            [(name, name) for name in rubrics],
        )
        _refill(
            self.author_combo,
            translate("CalendarPanel", "All authors"),
            [(name, login) for login, name in authors],
        )

    def _filter_combos(self) -> dict[str, QComboBox]:
        return {
            "status": self.status_combo,
            "rubric": self.rubric_combo,
            "author": self.author_combo,
        }

    def filter_state(self) -> dict[str, str]:
        return filter_state(self._filter_combos())

    def restore_filter_state(self, state: dict[str, str]) -> None:
        restore_filter_state(self._filter_combos(), state)

    def _filters_changed(self) -> None:
        self._settings.calendar_filter = self.filter_state()
        self.refresh()

    # --- the week and agenda views (calviews' widgets: they show and ask, we move) --

    def _make_week_view(self) -> WeekView:
        view = WeekView(self)
        view.set_zone(self._zone)
        view.today_provider = lambda zone: self._clock().astimezone(zone).date()
        view.open_article_requested.connect(self.open_article_requested)
        view.new_article_requested.connect(self.new_article_requested)
        view.move_requested.connect(self._queue_move)
        self.stack.addWidget(view)
        return view

    def _make_agenda_view(self) -> AgendaView:
        view = AgendaView(self)
        view.set_zone(self._zone)
        view.agenda_model().today_provider = lambda zone: self._clock().astimezone(zone).date()
        view.open_article_requested.connect(self.open_article_requested)
        view.new_article_requested.connect(self.new_article_requested)
        view.move_requested.connect(self._queue_move)
        self.stack.addWidget(view)
        return view


class ChoicesComboBox(QComboBox):
    """A combo that asks for its choices when the user first reaches it (opens
    the list or tabs into it), not when it is built."""

    choices_wanted = Signal()

    def showPopup(self) -> None:
        self.choices_wanted.emit()
        super().showPopup()

    def focusInEvent(self, event) -> None:
        self.choices_wanted.emit()
        super().focusInEvent(event)


class MonthPicker(QWidget):
    """A year spin box over a 4×3 grid of month names: one click jumps there."""

    month_chosen = Signal(int, int)  # year, month

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarMonthPicker")
        self.year = QSpinBox(self)
        self.year.setObjectName("calendarPickerYear")
        self.year.setRange(1900, 2999)
        self.year.setAlignment(Qt.AlignmentFlag.AlignCenter)
        grid = QGridLayout()
        grid.setSpacing(2)
        self.buttons: list[QToolButton] = []
        locale = QLocale()
        for month in range(1, 13):
            button = QToolButton(self)
            button.setObjectName(f"calendarPickerMonth{month}")
            button.setText(capitalized(locale.standaloneMonthName(month)))
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setMinimumWidth(84)
            button.clicked.connect(
                lambda _checked=False, m=month: self.month_chosen.emit(self.year.value(), m)
            )
            grid.addWidget(button, (month - 1) // 3, (month - 1) % 3)
            self.buttons.append(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.year)
        layout.addLayout(grid)

    def set_month(self, year: int, month: int) -> None:
        self.year.setValue(year)
        for index, button in enumerate(self.buttons, start=1):
            button.setChecked(index == month)


def refusals_message(
    title: str,
    done: int,
    total: int,
    refused: Sequence[tuple[int, EditorialError]],
    titles: dict[int, str],
) -> ErrorMessage:
    """One message for the items a move refused: how many changed, and for each
    one left behind its title and the reason (the app's own sentence for it)."""
    from editorial_desk.ui.review.messages import review_message_for

    lines = []
    for article_id, error in refused:
        name = titles.get(article_id) or translate("CalendarPanel", "item {id}").format(
            id=article_id
        )
        reason = review_message_for(error).text
        lines.append(
            translate("CalendarPanel", "“{title}”: {reason}").format(title=name, reason=reason)
        )
    text = translate(
        "CalendarPanel", "{done} of {total} items changed. These were left as they were:"
    ).format(done=done, total=total)
    return ErrorMessage(title, text, "\n".join(lines))


def month_title(year: int, month: int) -> str:
    """«Ноябрь 2026»: the nominative (stand-alone) month name, capitalised."""
    return f"{capitalized(QLocale().standaloneMonthName(month))} {year}"


def _week_title(first: date, last: date) -> str:
    locale = QLocale()
    if first.month == last.month:
        return f"{first.day}–{last.day} {locale.monthName(last.month)} {last.year}"
    return (
        f"{first.day} {locale.monthName(first.month, QLocale.FormatType.ShortFormat)} – "
        f"{last.day} {locale.monthName(last.month, QLocale.FormatType.ShortFormat)} {last.year}"
    )


def _long_date(day: date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)


def _short_date(day: date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), "d MMMM")


def _year_month(day: date) -> tuple[int, int]:
    return day.year, day.month


def _tool_button(parent: QWidget, name: str, icon: Any, text: str, tooltip: str) -> QToolButton:
    button = QToolButton(parent)
    button.setObjectName(name)
    button.setText(text)
    button.setToolTip(tooltip)
    button.setAutoRaise(True)
    if icon is not None:
        button.setIcon(icon)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    return button


def _refill(combo: QComboBox, all_text: str, items: list[tuple[str, str]]) -> None:
    current = combo.currentData() or ALL
    combo.blockSignals(True)
    try:
        combo.clear()
        combo.addItem(all_text, ALL)
        for text, data in items:
            combo.addItem(text, data)
        if current and combo.findData(current) < 0:
            combo.addItem(current, current)  # keep a remembered choice visible
        combo.setCurrentIndex(max(combo.findData(current), 0))
    finally:
        combo.blockSignals(False)
