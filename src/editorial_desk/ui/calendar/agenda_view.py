"""The agenda: the plan as a scrollable list grouped by local day.

`AgendaModel` is a two-level tree over a plain list of `ArticleSummary`: a row
per day that has items («пятница, 27 ноября»), under it the day's items in
planned order with their time, title, status and rubric. Days without items are
left out, so a month of the plan fits a short scroll. `AgendaView` shows it
fully expanded and asks, with the week view's signals, to open an article, to
create one on a day, or (when items are dropped on a day) to move them."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date, datetime, tzinfo
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QLocale,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QMenu,
    QTreeView,
    QWidget,
)

from editorial_desk.domain.article import ArticleSummary
from editorial_desk.domain.calendar import group_by_local_day
from editorial_desk.domain.timeutil import office_zone
from editorial_desk.domain.workflow import date_is_fixed
from editorial_desk.ui.calendar.item_style import (
    item_time_text,
    item_tooltip,
    status_icon,
)
from editorial_desk.ui.calendar.week_view import (
    ARTICLE_IDS_MIME,
    decode_article_ids,
    encode_article_ids,
)
from editorial_desk.ui.labels import status_label

translate = QCoreApplication.translate
TR_CONTEXT = "CalendarAgenda"

ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 1  # int on item rows, None on day rows
DAY_ROLE = Qt.ItemDataRole.UserRole + 2  # the local date, on day and item rows
IS_TODAY_ROLE = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex
# the year in a locale's date format, with its separator and Russian «г.»
_YEAR_PART = re.compile(r"[\s\u00a0\u202f,]*y{2,4}(?:[\s\u00a0\u202f]*'?г'?\.?)?")
_DAY_ROW_ID = 0  # internalId of day rows; an item row's is its day's row + 1


class AgendaColumn(IntEnum):
    TIME = 0
    TITLE = 1
    STATUS = 2
    RUBRIC = 3


_HEADERS: dict[AgendaColumn, str] = {
    AgendaColumn.TIME: QT_TRANSLATE_NOOP("CalendarAgenda", "Time"),
    AgendaColumn.TITLE: QT_TRANSLATE_NOOP("CalendarAgenda", "Title"),
    AgendaColumn.STATUS: QT_TRANSLATE_NOOP("CalendarAgenda", "Status"),
    AgendaColumn.RUBRIC: QT_TRANSLATE_NOOP("CalendarAgenda", "Rubric"),
}


def long_day_title(day: date, locale: QLocale | None = None, *, with_year: bool = False) -> str:
    """«пятница, 27 ноября» in Russian (the month in the genitive, as Qt's "MMMM"
    gives it next to a day number), "Friday, November 27" in English: the
    locale's long date with its weekday, without the year unless asked."""
    locale = locale if locale is not None else QLocale()
    if locale.language() == QLocale.Language.C:
        return day.strftime("%A, %d %B %Y" if with_year else "%A, %d %B")
    return locale.toString(day, _long_day_format(locale, with_year))


def _long_day_format(locale: QLocale, with_year: bool) -> str:
    text = locale.dateFormat(QLocale.FormatType.LongFormat)
    if not with_year:
        # "dddd, d MMMM yyyy 'г'." (ru), "dddd, MMMM d, yyyy" (en), "dddd, d. MMMM yyyy" (de)
        text = _YEAR_PART.sub("", text).strip(" ,.\u00a0\u202f")
    if "dddd" not in text:
        text = f"dddd, {text}"
    return text


class AgendaModel(QAbstractItemModel):
    """Days with items, each with its items; read-only, drag-enabled items."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._zone: tzinfo = office_zone(None)
        self._first: date | None = None
        self._last: date | None = None
        self._items: list[ArticleSummary] = []
        self._days: list[date] = []
        self._by_day: list[list[ArticleSummary]] = []
        self._titles: list[str] = []
        self.today_provider: Callable[[tzinfo], date] = lambda zone: datetime.now(zone).date()

    # --- feeding it ---------------------------------------------------------------

    def set_zone(self, zone: tzinfo) -> None:
        self._zone = zone
        self._rebuild()

    def set_range(self, first: date, last: date, items: Sequence[ArticleSummary]) -> None:
        """Show the days `first`..`last` (inclusive, local days in the zone) that
        have items among `items`."""
        self._first, self._last = first, last
        self._items = list(items)
        self._rebuild()

    def _rebuild(self) -> None:
        self.beginResetModel()
        groups = group_by_local_day(self._items, self._zone)
        first, last = self._first, self._last
        self._days = sorted(
            day
            for day in groups
            if (first is None or day >= first) and (last is None or day <= last)
        )
        self._by_day = [groups[day] for day in self._days]
        today = self.today()
        locale = QLocale()
        self._titles = []
        for day in self._days:
            title = long_day_title(day, locale, with_year=day.year != today.year)
            if day == today:
                title = translate("CalendarAgenda", "{day} — today").format(day=title)
            self._titles.append(title)
        self.endResetModel()

    # --- reading it -----------------------------------------------------------------

    def zone(self) -> tzinfo:
        return self._zone

    def today(self) -> date:
        return self.today_provider(self._zone)

    def days(self) -> list[date]:
        return list(self._days)

    def day_row(self, day: date) -> int | None:
        try:
            return self._days.index(day)
        except ValueError:
            return None

    def day_index(self, day: date) -> QModelIndex:
        row = self.day_row(day)
        return QModelIndex() if row is None else self.index(row, 0)

    def item_index(self, article_id: int) -> QModelIndex:
        for day_row, items in enumerate(self._by_day):
            for row, item in enumerate(items):
                if item.id == article_id:
                    return self.createIndex(row, 0, day_row + 1)
        return QModelIndex()

    def item_at(self, index: _Index) -> ArticleSummary | None:
        if not index.isValid() or index.internalId() == _DAY_ROW_ID:
            return None
        return self._by_day[index.internalId() - 1][index.row()]

    def day_at(self, index: _Index) -> date | None:
        if not index.isValid():
            return None
        if index.internalId() == _DAY_ROW_ID:
            return self._days[index.row()]
        return self._days[index.internalId() - 1]

    # --- QAbstractItemModel -------------------------------------------------------------

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _DAY_ROW_ID)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _DAY_ROW_ID:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _DAY_ROW_ID)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._days)
        if parent.internalId() == _DAY_ROW_ID and parent.column() == 0:
            return len(self._by_day[parent.row()])
        return 0

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return len(AgendaColumn)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsDropEnabled
        if (item := self.item_at(index)) is not None:
            flags |= Qt.ItemFlag.ItemIsSelectable
            if not date_is_fixed(item.status):
                flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(AgendaColumn)
        ):
            return translate(TR_CONTEXT, _HEADERS[AgendaColumn(section)])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _DAY_ROW_ID:
            return self._day_data(index.row(), index.column(), role)
        item = self._by_day[index.internalId() - 1][index.row()]
        return self._item_data(item, index.internalId() - 1, index.column(), role)

    def _day_data(self, row: int, column: int, role: int) -> Any:
        day = self._days[row]
        if role == DAY_ROLE:
            return day
        if role == IS_TODAY_ROLE:
            return day == self.today()
        if column != 0:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._titles[row]
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            # a band under each day's title, tinted for today, so groups read at a glance
            if day == self.today():
                tint = QColor(QApplication.palette().color(QPalette.ColorRole.Highlight))
                tint.setAlpha(40)
                return tint
            return QApplication.palette().color(QPalette.ColorRole.AlternateBase)
        return None

    def _item_data(self, item: ArticleSummary, day_row: int, column: int, role: int) -> Any:
        if role == ARTICLE_ID_ROLE:
            return item.id
        if role == DAY_ROLE:
            return self._days[day_row]
        if role == IS_TODAY_ROLE:
            return self._days[day_row] == self.today()
        if role == Qt.ItemDataRole.ToolTipRole:
            return item_tooltip(item, self._zone)
        match AgendaColumn(column), role:
            case AgendaColumn.TIME, Qt.ItemDataRole.DisplayRole:
                return item_time_text(item, self._zone)
            case AgendaColumn.TITLE, Qt.ItemDataRole.DisplayRole:
                return item.title
            case AgendaColumn.STATUS, Qt.ItemDataRole.DisplayRole:
                return status_label(item.status)
            case AgendaColumn.STATUS, Qt.ItemDataRole.DecorationRole:
                return status_icon(item.status)
            case AgendaColumn.RUBRIC, Qt.ItemDataRole.DisplayRole:
                return item.rubric
        return None

    # --- drag out ---------------------------------------------------------------------

    def mimeTypes(self) -> list[str]:
        return [ARTICLE_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        ids: list[int] = []
        for index in indexes:
            item = self.item_at(index)
            if item is not None and item.id not in ids:
                ids.append(item.id)
        return encode_article_ids(ids)

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction


class AgendaView(QTreeView):
    """The agenda, always expanded. `set_zone(zone)`, `set_range(first, last, items)`."""

    open_article_requested = Signal(int)
    new_article_requested = Signal(object)  # date
    move_requested = Signal(int, object)  # article id, new local day (date)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("calendarAgendaView")
        self._model = AgendaModel(self)
        self.setModel(self._model)
        self.setUniformRowHeights(True)
        self.setItemsExpandable(False)
        self.setRootIsDecorated(False)
        self.setExpandsOnDoubleClick(False)
        self.setAllColumnsShowFocus(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(AgendaColumn.TIME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(AgendaColumn.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(AgendaColumn.STATUS, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(AgendaColumn.RUBRIC, QHeaderView.ResizeMode.ResizeToContents)
        self._model.modelReset.connect(self._after_reset)
        self.doubleClicked.connect(self._open_index)
        # Shows a context menu; tests replace it (QMenu.exec runs its own loop).
        self.exec_menu: Callable[[QMenu, QPoint], object] = lambda menu, pos: menu.exec(pos)

    # --- API ------------------------------------------------------------------------

    def agenda_model(self) -> AgendaModel:
        return self._model

    def set_zone(self, zone: tzinfo) -> None:
        self._model.set_zone(zone)

    def set_range(self, first: date, last: date, items: Sequence[ArticleSummary]) -> None:
        self._model.set_range(first, last, items)

    def selected_article(self) -> int | None:
        item = self._model.item_at(self.currentIndex())
        return item.id if item is not None else None

    def select_article(self, article_id: int) -> bool:
        index = self._model.item_index(article_id)
        if not index.isValid():
            return False
        self.setCurrentIndex(index)
        self.scrollTo(index)
        return True

    # --- behaviour ---------------------------------------------------------------------

    def _after_reset(self) -> None:
        self.expandAll()
        for row in range(self._model.rowCount()):
            self.setFirstColumnSpanned(row, QModelIndex(), True)
        today = self._model.day_index(self._model.today())
        if today.isValid():
            self.scrollTo(today, QAbstractItemView.ScrollHint.PositionAtTop)
        else:
            self.scrollToTop()

    def _open_index(self, index: QModelIndex) -> None:
        item = self._model.item_at(index)
        if item is not None:
            self.open_article_requested.emit(item.id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._open_index(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        # QTreeView would toggle the day rows; they always stay expanded
        index = self.indexAt(event.position().toPoint())
        if index.isValid():
            self._open_index(index)
        event.accept()

    def context_menu_at(self, pos: QPoint) -> QMenu | None:
        """The context menu for viewport position `pos`: «Open» on an item, «New
        article on this day» on any row; None below the last row."""
        index = self.indexAt(pos)
        day = self._model.day_at(index)
        if day is None:
            return None
        menu = QMenu(self)
        item = self._model.item_at(index)
        if item is not None:
            article_id = item.id
            open_action = menu.addAction(translate("CalendarView", "Open"))
            open_action.triggered.connect(lambda: self.open_article_requested.emit(article_id))
            menu.addSeparator()
        new_action = menu.addAction(translate("CalendarView", "New Article on This Day"))
        new_action.triggered.connect(lambda: self.new_article_requested.emit(day))
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.context_menu_at(self.viewport().mapFromGlobal(event.globalPos()))
        if menu is not None:
            self.exec_menu(menu, event.globalPos())
            menu.deleteLater()
        event.accept()

    # --- drops: the panel moves, the view only asks --------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if decode_article_ids(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        day = self._model.day_at(self.indexAt(event.position().toPoint()))
        if day is None or not decode_article_ids(event.mimeData()):
            event.ignore()
            return
        event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        day = self._model.day_at(self.indexAt(event.position().toPoint()))
        ids = decode_article_ids(event.mimeData())
        if day is None or not ids:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        for article_id in ids:
            current = self._model.day_at(self._model.item_index(article_id))
            if current != day:
                self.move_requested.emit(article_id, day)

    def startDrag(self, supportedActions: Qt.DropAction) -> None:
        # Move only: the item is re-planned, never copied
        super().startDrag(Qt.DropAction.MoveAction)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._model.rowCount() == 0:
            painter = QPainter(self.viewport())
            colour = QColor(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.setPen(colour)
            painter.drawText(
                self.viewport().rect().adjusted(12, 12, -12, -12),
                Qt.AlignmentFlag.AlignHCenter
                | Qt.AlignmentFlag.AlignTop
                | Qt.TextFlag.TextWordWrap,
                translate("CalendarAgenda", "Nothing is planned for these days."),
            )
            painter.end()
