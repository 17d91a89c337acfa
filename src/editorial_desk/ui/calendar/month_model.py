"""The month grid as a Qt table model: 6 weeks × 7 days, Monday first.

A thin adapter over one query: switching month fetches the six-week window once
(`fetch(first, last)`, filters already applied by the caller) and groups it by
local day in the office zone; cells are then answered from that dictionary."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, tzinfo
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QLocale,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from editorial_desk.domain.article import ArticleSummary
from editorial_desk.domain.calendar import group_by_local_day, month_grid
from editorial_desk.ui.calendar import drag

translate = QCoreApplication.translate

ROWS = 6
COLUMNS = 7

Fetch = Callable[[date, date], Sequence[ArticleSummary]]
AnyIndex = QModelIndex | QPersistentModelIndex


class MonthRole(IntEnum):
    DATE = Qt.ItemDataRole.UserRole + 1  # datetime.date of the cell
    ITEMS = Qt.ItemDataRole.UserRole + 2  # list[ArticleSummary], by planned time
    IN_MONTH = Qt.ItemDataRole.UserRole + 3  # bool: in the month shown (not a neighbour's)
    TODAY = Qt.ItemDataRole.UserRole + 4  # bool: the office's today


def capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


class MonthModel(QAbstractTableModel):
    # (list of article ids, the day they were dropped on): the panel moves them
    drop_requested = Signal(object, object)

    def __init__(self, zone: tzinfo, today: date, parent=None) -> None:
        super().__init__(parent)
        self._zone = zone
        self._today = today
        self._year, self._month = today.year, today.month
        self._days = month_grid(self._year, self._month)
        self._by_day: dict[date, list[ArticleSummary]] = {}
        self._fetch: Fetch | None = None

    # --- what is shown ---------------------------------------------------------------

    @property
    def year(self) -> int:
        return self._year

    @property
    def month(self) -> int:
        return self._month

    @property
    def days(self) -> list[date]:
        return list(self._days)

    @property
    def zone(self) -> tzinfo:
        return self._zone

    def set_fetch(self, fetch: Fetch | None) -> None:
        self._fetch = fetch

    def set_zone(self, zone: tzinfo) -> None:
        self._zone = zone

    def set_today(self, today: date) -> None:
        if today != self._today:
            self._today = today
            self._changed()

    def show_month(self, year: int, month: int) -> None:
        """Switch to `month` of `year` and load its six weeks (one query)."""
        self._year, self._month = year, month
        self._days = month_grid(year, month)
        self.reload()

    def reload(self) -> None:
        """Fetch the shown six weeks again (after a move, a filter or zone change).
        Raises what the fetch raises; the cells then show no items."""
        self._by_day = {}
        try:
            if self._fetch is not None:
                items = self._fetch(self._days[0], self._days[-1])
                self._by_day = group_by_local_day(items, self._zone)
        finally:
            self._changed()

    def _changed(self) -> None:
        # The shape never changes: repaint every cell, keep the current index.
        self.dataChanged.emit(self.index(0, 0), self.index(ROWS - 1, COLUMNS - 1))

    # --- direct access (the view's painting and hit tests use these) -----------------

    def day_at(self, index: AnyIndex) -> date:
        return self._days[index.row() * COLUMNS + index.column()]

    def items_on(self, day: date) -> list[ArticleSummary]:
        return self._by_day.get(day, [])

    def items_at(self, index: AnyIndex) -> list[ArticleSummary]:
        return self._by_day.get(self.day_at(index), [])

    def in_month(self, day: date) -> bool:
        return day.month == self._month and day.year == self._year

    def is_today(self, day: date) -> bool:
        return day == self._today

    def index_of(self, day: date) -> QModelIndex:
        """The cell showing `day`, or an invalid index when it is not in the grid."""
        offset = (day - self._days[0]).days
        if not 0 <= offset < len(self._days):
            return QModelIndex()
        return self.index(offset // COLUMNS, offset % COLUMNS)

    def item_count(self) -> int:
        return sum(len(items) for items in self._by_day.values())

    # --- QAbstractItemModel ----------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else ROWS

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        day = self.day_at(index)
        match role:
            case Qt.ItemDataRole.DisplayRole:
                return str(day.day)
            case Qt.ItemDataRole.AccessibleTextRole | Qt.ItemDataRole.ToolTipRole:
                return self._describe(day)
            case MonthRole.DATE:
                return day
            case MonthRole.ITEMS:
                return list(self.items_on(day))
            case MonthRole.IN_MONTH:
                return self.in_month(day)
            case MonthRole.TODAY:
                return self.is_today(day)
        return None

    def _describe(self, day: date) -> str:
        count = len(self.items_on(day))
        when = QLocale().toString(
            QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat
        )
        if not count:
            return when
        return translate("MonthModel", "{date}; items: {count}").format(date=when, count=count)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < COLUMNS:
            # Weeks start on Monday whatever the locale says (the office's custom).
            weekday = section + 1
            if role == Qt.ItemDataRole.DisplayRole:
                name = QLocale().dayName(weekday, QLocale.FormatType.ShortFormat)
                return capitalized(name)
            if role == Qt.ItemDataRole.ToolTipRole:
                return capitalized(QLocale().dayName(weekday, QLocale.FormatType.LongFormat))
        vertical = orientation == Qt.Orientation.Vertical
        if vertical and 0 <= section < ROWS and role == Qt.ItemDataRole.DisplayRole:
            return str(self._days[section * COLUMNS].isocalendar().week)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDropEnabled
            | Qt.ItemFlag.ItemIsDragEnabled
        )

    # --- drag and drop ---------------------------------------------------------------

    def mimeTypes(self) -> list[str]:
        return [drag.MIME_TYPE]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeData(self, indexes: Sequence[AnyIndex]) -> QMimeData:
        """Every item of the given days (the view drags a single item with
        `mime_for_items`)."""
        ids = [item.id for index in indexes if index.isValid() for item in self.items_at(index)]
        return self.mime_for_items(ids)

    @staticmethod
    def mime_for_items(ids: Sequence[int]) -> QMimeData:
        return drag.encode(ids)

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        return self._drop_target(data, row, column, parent) is not None

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        """A drop on a day asks the panel (`drop_requested`) to reschedule; the
        database is not touched here."""
        target = self._drop_target(data, row, column, parent)
        if target is None or action == Qt.DropAction.IgnoreAction:
            return False
        self.drop_requested.emit(target[0], target[1])
        return True

    def _drop_target(
        self, data: QMimeData, row: int, column: int, parent: AnyIndex
    ) -> tuple[list[int], date] | None:
        ids = drag.decode(data)
        if not ids:
            return None
        index = parent if parent.isValid() else self.index(row, column)
        if not index.isValid():
            return None
        return ids, self.day_at(index)
