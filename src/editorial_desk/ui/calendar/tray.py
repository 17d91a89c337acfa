"""The unscheduled tray beside the calendar: items with no planned date (title,
rubric, author). Drag one onto a day to plan it; drop a dated item here to take
its date away. The model only asks (`unschedule_requested`); the panel moves."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from editorial_desk.domain.article import ArticleSummary
from editorial_desk.domain.workflow import date_is_fixed
from editorial_desk.ui.calendar import drag
from editorial_desk.ui.calendar.item_style import item_tooltip, status_colour, status_icon
from editorial_desk.ui.labels import status_label

translate = QCoreApplication.translate

AnyIndex = QModelIndex | QPersistentModelIndex
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1  # the ArticleSummary
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # its id
DETAILS_ROLE = Qt.ItemDataRole.UserRole + 3  # «Рубрика · Автор»

# The tray lists at most this many items (the oldest drafts are rarely planned
# from here, and a list of thousands would be slow to read and to scroll).
TRAY_LIMIT = 500


class TrayModel(QAbstractListModel):
    # the article ids dropped on the tray: the panel takes their dates away
    unschedule_requested = Signal(object)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._items: list[ArticleSummary] = []
        self._more = False

    def set_items(self, items: Sequence[ArticleSummary], *, more: bool = False) -> None:
        """Show `items`; `more`: the list was cut short, there are others."""
        self.beginResetModel()
        self._items = list(items)
        self._more = more
        self.endResetModel()

    def has_more(self) -> bool:
        return self._more

    def items(self) -> list[ArticleSummary]:
        return list(self._items)

    def item_at(self, row: int) -> ArticleSummary:
        return self._items[row]

    def row_of(self, article_id: int) -> int:
        for row, item in enumerate(self._items):
            if item.id == article_id:
                return row
        return -1

    # --- QAbstractItemModel ----------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        match role:
            case Qt.ItemDataRole.DisplayRole:
                return item.title
            case Qt.ItemDataRole.DecorationRole:
                return status_icon(item.status)
            case Qt.ItemDataRole.ToolTipRole:
                return item_tooltip(item, UTC)  # undated: the zone shows no time
            case Qt.ItemDataRole.AccessibleTextRole:
                return f"{item.title}; {status_label(item.status)}; {details_text(item)}"
            case r if r == ITEM_ROLE:
                return item
            case r if r == ID_ROLE:
                return item.id
            case r if r == DETAILS_ROLE:
                return details_text(item)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # a drop between rows is a drop on the tray
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        flags |= Qt.ItemFlag.ItemIsDropEnabled
        row = index.row()
        if 0 <= row < len(self._items) and not date_is_fixed(self._items[row].status):
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    # --- drag and drop ---------------------------------------------------------------

    def mimeTypes(self) -> list[str]:
        return [drag.MIME_TYPE]

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeData(self, indexes: Sequence[AnyIndex]) -> QMimeData:
        rows = sorted({index.row() for index in indexes if index.isValid()})
        return drag.encode(self._items[row].id for row in rows if row < len(self._items))

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        return bool(self._dated_ids(data))

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        """Dated items dropped here lose their date (the panel does it, with undo).
        Items already in the tray are not moved again."""
        ids = self._dated_ids(data)
        if not ids or action == Qt.DropAction.IgnoreAction:
            return False
        self.unschedule_requested.emit(ids)
        return True

    def _dated_ids(self, data: QMimeData) -> list[int]:
        here = {item.id for item in self._items}
        return [i for i in drag.decode(data) if i not in here]

    def removeRows(self, row: int, count: int, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        # A move out of the tray is finished by the panel's reload, not by the view
        # deleting rows when the drag ends.
        return False


def details_text(item: ArticleSummary) -> str:
    return " · ".join(part for part in (item.rubric, item.author_name) if part)


class TrayDelegate(QStyledItemDelegate):
    """Two lines per item: the status marker and the title (bold), then the rubric
    and the author in a smaller, quieter font."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        self.initStyleOption(option, index)
        item: ArticleSummary | None = index.data(ITEM_ROLE)
        style = option.widget.style() if option.widget else None
        text, icon = option.text, option.icon
        option.text = ""
        option.icon = type(icon)()
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        if item is None:
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect = option.rect.adjusted(6, 3, -4, -3)
        painter.save()
        painter.fillRect(
            QRect(option.rect.x(), option.rect.y() + 2, 3, option.rect.height() - 4),
            status_colour(item.status),
        )
        title_font = QFont(option.font)
        title_font.setBold(True)
        title_metrics = QFontMetrics(title_font)
        line = title_metrics.height()
        icon_size = line - 4
        icon.paint(painter, QRect(rect.x(), rect.y() + 2, icon_size, icon_size))
        title_rect = QRect(rect.x() + icon_size + 4, rect.y(), rect.width() - icon_size - 4, line)
        painter.setFont(title_font)
        painter.setPen(palette.color(text_role))
        painter.drawText(
            title_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            title_metrics.elidedText(text, Qt.TextElideMode.ElideRight, title_rect.width()),
        )
        small = QFont(option.font)
        if small.pointSizeF() > 0:
            small.setPointSizeF(small.pointSizeF() * 0.9)
        small_metrics = QFontMetrics(small)
        painter.setFont(small)
        if not selected:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        details_rect = QRect(
            title_rect.x(), title_rect.bottom() + 1, title_rect.width(), small_metrics.height()
        )
        painter.drawText(
            details_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            small_metrics.elidedText(
                details_text(item), Qt.TextElideMode.ElideRight, details_rect.width()
            ),
        )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        bold = QFont(option.font)
        bold.setBold(True)
        small = QFont(option.font)
        if small.pointSizeF() > 0:
            small.setPointSizeF(small.pointSizeF() * 0.9)
        height = QFontMetrics(bold).height() + QFontMetrics(small).height() + 8
        return QSize(200, height)


class TrayView(QListView):
    """The tray's list: a drag source (onto a day) and a drop target (off a day).
    Double-click or Enter opens the item."""

    open_article_requested = Signal(int)

    def __init__(self, model: TrayModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.activated.connect(self._open)
        self.setObjectName("calendarTray")
        self.setModel(model)
        self.setItemDelegate(TrayDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropOverwriteMode(False)
        self.setDropIndicatorShown(False)
        self.setUniformItemSizes(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def _open(self, index: QModelIndex) -> None:
        article_id = index.data(ID_ROLE)
        if article_id is not None:
            self.open_article_requested.emit(int(article_id))

    def dragEnterEvent(self, event) -> None:
        self._accept(event)

    def dragMoveEvent(self, event) -> None:
        self._accept(event)

    def dropEvent(self, event) -> None:
        # Anywhere on the tray counts, on a row or between rows.
        model = self.model()
        if isinstance(model, TrayModel) and model.dropMimeData(
            event.mimeData(), Qt.DropAction.MoveAction, -1, -1, QModelIndex()
        ):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def _accept(self, event) -> None:
        model = self.model()
        if (
            isinstance(model, TrayModel)
            and event.source() is not self
            and drag.decode(event.mimeData())
        ):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()


class TrayPanel(QWidget):
    """The tray with its heading «Без даты (N)»."""

    def __init__(self, model: TrayModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarTrayPanel")
        self.model = model
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.view = TrayView(model, self)
        self.view.setToolTip(
            translate(
                "CalendarTray",
                "Items without a date. Drag one onto a day to plan it; "
                "drag an item here to take its date away.",
            )
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        model.modelReset.connect(self._update_heading)
        self._update_heading()

    def _update_heading(self) -> None:
        count = self.model.rowCount()
        if self.model.has_more():
            text = translate("CalendarTray", "Unscheduled ({count}+)")
        else:
            text = translate("CalendarTray", "Unscheduled ({count})")
        self.heading.setText(text.format(count=count))
