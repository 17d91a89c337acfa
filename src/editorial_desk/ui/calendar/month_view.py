"""The month grid on screen: a QTableView over `MonthModel` whose delegate paints
each day (its number, then as many items as fit, then «+N ещё»).

A day cell holds several items, so the view does its own hit-testing with the
same layout the delegate paints with (`cell_layout`): which item is under the
mouse, for dragging, double-click, tooltips and the context menu.

Keys: arrows move the current day and cross into the neighbouring month,
PageUp/PageDown go a month back/forward, T or Ctrl+Home go to today, Enter opens
the day's full list; Delete does nothing (nothing here is deleted by a key)."""

from __future__ import annotations

import calendar as pycalendar
from dataclasses import dataclass
from datetime import date, timedelta, tzinfo

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QLocale,
    QModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QDrag,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from editorial_desk.domain.article import ArticleSummary
from editorial_desk.domain.workflow import date_is_fixed
from editorial_desk.ui.calendar import drag
from editorial_desk.ui.calendar.item_style import (
    ItemTexts,
    item_time_text,
    item_tooltip,
    paint_item,
    paint_items,
    status_icon,
)
from editorial_desk.ui.calendar.month_model import COLUMNS, MonthModel

translate = QCoreApplication.translate

# T, and the key that carries it on the Russian ЙЦУКЕН layout («Е»): Qt reports the
# letter typed, not the key pressed
_TODAY_KEYS = (int(Qt.Key.Key_T), 0x0415)
PADDING = 3  # px around a cell's content
LINE_GAP = 1  # px between two item lines


@dataclass(frozen=True, slots=True)
class CellLayout:
    """Where things go in one day cell: the day number, the items shown, and the
    «+N ещё» line when some do not fit (`hidden` of them)."""

    number: QRect
    items: list[QRect]
    more: QRect | None
    hidden: int


def line_height(metrics: QFontMetrics) -> int:
    return metrics.height() + 2


def cell_layout(rect: QRect, count: int, line: int) -> CellLayout:
    """The layout of a cell `rect` holding `count` items, one `line` px high each."""
    x, y, width, height = rect.getRect()
    x, y, width = x + PADDING, y + PADDING, width - 2 * PADDING
    bottom = y + height - 2 * PADDING  # exclusive
    number = QRect(x, y, width, line)
    top = y + line + LINE_GAP
    step = line + LINE_GAP
    fit = max(0, (bottom - top + LINE_GAP) // step)
    shown = count if count <= fit else max(0, fit - 1)
    rects = [QRect(x, top + i * step, width, line) for i in range(shown)]
    if shown == count:
        return CellLayout(number, rects, None, 0)
    # a tiny cell: the «+N» goes beside the day number
    more = QRect(x, top + shown * step, width, line) if fit else number
    return CellLayout(number, rects, more, count - shown)


@dataclass(slots=True)
class PaintContext:
    """What every cell of one paint pass shares (looked up once, not 42 times)."""

    model: MonthModel
    days: list[date]
    month: int
    today: date | None
    drop_day: date | None
    current: int  # the current cell's number, -1 for none
    zone: tzinfo
    palette: QPalette
    metrics: QFontMetrics
    texts: ItemTexts  # the view's elided titles and static texts, in its font
    line: int
    baseline: int  # from a line's top
    text: QColor
    placeholder: QColor
    link: QColor
    outside: QColor
    drop: QColor
    frame: QPen
    more: str  # the «+{count} ещё» template


def _day_text(day: date) -> str:
    """«20»; the 1st also names its month («1 дек.»), where a month starts in the grid."""
    if day.day == 1:
        return QLocale().toString(_qdate(day), "d MMM")
    return str(day.day)


class MonthDelegate(QStyledItemDelegate):
    """Paints a day: background (greyed outside the month), the day number (today
    in a highlighted disc, the 1st with its month's short name), the items through
    the shared `item_style.paint_item`, and «+N ещё»."""

    def __init__(self, view: MonthView) -> None:
        super().__init__(view)
        self._view = view

    # Runs for 42 cells on every month switch (budget: 16 ms with the query), so
    # it keeps PySide calls few: what is the same for every cell (colours, metrics,
    # the current day) comes from the view's per-paint `PaintContext`; no painter
    # save()/restore() (the pen and brush it changes are set again by every cell);
    # text is drawn at a baseline, not laid out in a rectangle.
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        ctx = self._view.paint_context()
        model = ctx.model
        cell = index.row() * COLUMNS + index.column()
        day = ctx.days[cell]
        items = model.items_on(day)
        rect = option.rect
        in_month = day.month == ctx.month
        if not in_month:
            painter.fillRect(rect, ctx.outside)
        if day == ctx.drop_day:
            painter.fillRect(rect, ctx.drop)
        layout = cell_layout(rect, len(items), ctx.line)
        number = layout.number
        if day == ctx.today:
            self._paint_today(painter, number, day, option)
        else:
            painter.setPen(ctx.text if in_month else ctx.placeholder)
            painter.drawText(number.x() + 2, number.y() + ctx.baseline, _day_text(day))
        if layout.items:
            paint_items(
                painter,
                layout.items,
                items,
                ctx.zone,
                selected=False,
                font_metrics=ctx.metrics,
                palette=ctx.palette,
                texts=ctx.texts,
            )
        if layout.more is not None:
            painter.setPen(ctx.link)
            if layout.more == number:
                painter.drawText(
                    number,
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    ctx.more.format(count=layout.hidden),
                )
            else:
                painter.drawText(
                    layout.more.x() + 4,
                    layout.more.y() + ctx.baseline,
                    ctx.more.format(count=layout.hidden),
                )
        if cell == ctx.current:  # the keyboard's day, focused or not
            painter.setPen(ctx.frame)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(1, 1, -1, -1))

    def _paint_today(
        self, painter: QPainter, rect: QRect, day: date, option: QStyleOptionViewItem
    ) -> None:
        """The day number in a highlighted disc (once per grid: may be slower)."""
        palette = option.palette
        text = _day_text(day)
        font = QFont(option.font)
        font.setBold(True)
        painter.save()
        painter.setFont(font)
        width = QFontMetrics(font).horizontalAdvance(text) + 10
        disc = QRect(rect.x(), rect.y(), max(width, rect.height()), rect.height())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
        painter.drawRoundedRect(disc, rect.height() / 2, rect.height() / 2)
        painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
        painter.drawText(disc, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        line = line_height(option.fontMetrics)
        return QSize(8 * line, 4 * (line + LINE_GAP) + 2 * PADDING)


class MonthView(QTableView):
    open_article_requested = Signal(int)
    new_article_requested = Signal(object)  # datetime.date
    remove_date_requested = Signal(int)  # article id: back to the tray
    # a day outside the shown month was asked for (arrows, PageUp/PageDown, T)
    day_requested = Signal(object)  # datetime.date

    def __init__(self, model: MonthModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarMonthView")
        self.setModel(model)
        self._model = model
        self.setItemDelegate(MonthDelegate(self))
        # No selection: the style would flood the selected cell with the highlight
        # colour; the current day gets a frame from the delegate instead.
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setHighlightSections(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setVisible(False)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDropIndicatorShown(False)  # the delegate tints the target day instead
        self.setMouseTracking(True)
        self.setToolTip(
            translate(
                "MonthView",
                "Arrows: another day · Page Up / Page Down: previous / next month · "
                "T or Ctrl+Home: today · Enter: all items of the day · "
                "drag an item to another day to move it (its time stays)",
            )
        )
        self.drop_day: date | None = None
        self._paint_context: PaintContext | None = None
        self._item_texts = ItemTexts()
        self._press_pos: QPoint | None = None
        self._press_item: ArticleSummary | None = None
        self.day_list: DayListPopup | None = None

    def month_model(self) -> MonthModel:
        return self._model

    def paint_context(self) -> PaintContext:
        """The shared values of the current paint pass (built on demand outside one)."""
        return self._paint_context or self._make_paint_context()

    def _make_paint_context(self) -> PaintContext:
        model = self._model
        palette = self.palette()
        metrics = self.fontMetrics()
        line = line_height(metrics)
        current = self.currentIndex()
        highlight = palette.color(QPalette.ColorRole.Highlight)
        frame = QPen(highlight)
        frame.setWidth(2)
        today = next((d for d in model.days if model.is_today(d)), None)
        return PaintContext(
            model=model,
            days=model.days,
            month=model.month,
            today=today,
            drop_day=self.drop_day,
            current=current.row() * COLUMNS + current.column() if current.isValid() else -1,
            zone=model.zone,
            palette=palette,
            metrics=metrics,
            texts=self._item_texts.use_font(self.font()),
            line=line,
            baseline=(line + metrics.ascent() - metrics.descent()) // 2,
            text=palette.color(QPalette.ColorRole.Text),
            placeholder=palette.color(QPalette.ColorRole.PlaceholderText),
            link=palette.color(QPalette.ColorRole.Link),
            outside=palette.color(QPalette.ColorRole.AlternateBase),
            drop=_with_alpha(highlight, 60),
            frame=frame,
            more=translate("MonthView", "+{count} more"),
        )

    def paintEvent(self, event) -> None:
        self._paint_context = self._make_paint_context()
        try:
            super().paintEvent(event)
        finally:
            self._paint_context = None

    # --- the current day -------------------------------------------------------------

    def current_day(self) -> date | None:
        index = self.currentIndex()
        return self._model.day_at(index) if index.isValid() else None

    def set_current_day(self, day: date) -> bool:
        """Make `day` current if the grid shows it; False when it does not."""
        index = self._model.index_of(day)
        if not index.isValid():
            return False
        self.setCurrentIndex(index)
        return True

    # --- hit tests -------------------------------------------------------------------

    def layout_of(self, index: QModelIndex) -> CellLayout:
        count = len(self._model.items_at(index))
        return cell_layout(self.visualRect(index), count, line_height(self.fontMetrics()))

    def item_at(self, pos: QPoint) -> ArticleSummary | None:
        """The item painted under viewport point `pos`, if any."""
        index = self.indexAt(pos)
        if not index.isValid():
            return None
        layout = self.layout_of(index)
        for item, rect in zip(self._model.items_at(index), layout.items, strict=False):
            if rect.contains(pos):
                return item
        return None

    def item_rect(self, article_id: int) -> QRect | None:
        """Where the item `article_id` is painted (viewport coordinates), if shown."""
        for row in range(self._model.rowCount()):
            for column in range(self._model.columnCount()):
                index = self._model.index(row, column)
                layout = self.layout_of(index)
                for item, rect in zip(self._model.items_at(index), layout.items, strict=False):
                    if item.id == article_id:
                        return rect
        return None

    def more_at(self, pos: QPoint) -> bool:
        index = self.indexAt(pos)
        if not index.isValid():
            return False
        more = self.layout_of(index).more
        return more is not None and more.contains(pos)

    def cell_center(self, day: date) -> QPoint:
        return self.visualRect(self._model.index_of(day)).center()

    # --- keyboard --------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        plain = mods == Qt.KeyboardModifier.NoModifier
        current = self.current_day() or self._model.days[len(self._model.days) // 2]
        steps = {
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Up: -7,
            Qt.Key.Key_Down: 7,
        }
        if plain and key in steps:
            self.go_to_day(current + timedelta(days=steps[key]))
        elif plain and key == Qt.Key.Key_PageUp:
            self.go_to_day(add_months(current, -1))
        elif plain and key == Qt.Key.Key_PageDown:
            self.go_to_day(add_months(current, 1))
        elif (plain and key in _TODAY_KEYS) or (
            mods == Qt.KeyboardModifier.ControlModifier and key == Qt.Key.Key_Home
        ):
            self.day_requested.emit(None)  # None: today, which the panel knows
        elif plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.show_day_list(current)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            event.accept()  # deliberately nothing: a key must not unschedule or delete
        else:
            super().keyPressEvent(event)

    def go_to_day(self, day: date) -> None:
        if self._model.in_month(day):
            self.set_current_day(day)
        else:
            self.day_requested.emit(day)

    # --- mouse -----------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        self._press_pos = None
        self._press_item = None
        if event.button() == Qt.MouseButton.LeftButton:
            self._press_pos = pos
            pressed = self.item_at(pos)
            # a published item opens on double-click but is not picked up
            self._press_item = (
                pressed if pressed is not None and not date_is_fixed(pressed.status) else None
            )
        # the cell becomes current either way; no built-in drag of a whole cell
        index = self.indexAt(pos)
        if index.isValid():
            self.setCurrentIndex(index)
        if event.button() == Qt.MouseButton.LeftButton and self.more_at(pos):
            self.show_day_list(self._model.day_at(index))
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if (
            self._press_item is not None
            and self._press_pos is not None
            and event.buttons() & Qt.MouseButton.LeftButton
        ):
            distance = (event.position().toPoint() - self._press_pos).manhattanLength()
            if distance >= QApplication.startDragDistance():
                item, self._press_item = self._press_item, None
                self.start_item_drag(item)
            return
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._press_pos = None
        self._press_item = None
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        item = self.item_at(event.position().toPoint())
        if item is not None and event.button() == Qt.MouseButton.LeftButton:
            self.open_article_requested.emit(item.id)
        event.accept()

    def start_item_drag(self, item: ArticleSummary) -> Qt.DropAction:
        drag_object = QDrag(self)
        drag_object.setMimeData(self._model.mime_for_items([item.id]))
        drag_object.setPixmap(self._item_pixmap(item))
        return drag_object.exec(Qt.DropAction.MoveAction, Qt.DropAction.MoveAction)

    def _item_pixmap(self, item: ArticleSummary) -> QPixmap:
        width = max(120, self.columnWidth(0) - 2 * PADDING)
        height = self.fontMetrics().height() + 2
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(int(width * ratio), int(height * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(self.palette().color(QPalette.ColorRole.Base))
        painter = QPainter(pixmap)
        painter.setFont(self.font())
        paint_item(
            painter,
            QRect(0, 0, width, height),
            item,
            self._model.zone,
            selected=False,
            font_metrics=self.fontMetrics(),
            palette=self.palette(),
        )
        painter.end()
        return pixmap

    # --- dropping --------------------------------------------------------------------

    def dragEnterEvent(self, event) -> None:
        self._accept_drag(event)

    def dragMoveEvent(self, event) -> None:
        self._accept_drag(event)

    def dragLeaveEvent(self, event) -> None:
        self._set_drop_day(None)
        event.accept()

    def dropEvent(self, event) -> None:
        index = self.indexAt(event.position().toPoint())
        self._set_drop_day(None)
        if index.isValid() and self._model.dropMimeData(
            event.mimeData(), Qt.DropAction.MoveAction, -1, -1, index
        ):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def _accept_drag(self, event) -> None:
        index = self.indexAt(event.position().toPoint())
        if index.isValid() and drag.decode(event.mimeData()):
            self._set_drop_day(self._model.day_at(index))
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            self._set_drop_day(None)
            event.ignore()

    def _set_drop_day(self, day: date | None) -> None:
        if day != self.drop_day:
            self.drop_day = day
            self.viewport().update()

    # --- tooltips and the context menu -----------------------------------------------

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            pos = event.pos()
            item = self.item_at(pos)
            if item is not None:
                QToolTip.showText(event.globalPos(), item_tooltip(item, self._model.zone), self)
                return True
            if self.more_at(pos):
                QToolTip.showText(
                    event.globalPos(),
                    translate("MonthView", "Show all items of this day"),
                    self,
                )
                return True
        return super().viewportEvent(event)

    def context_menu_at(self, pos: QPoint) -> QMenu | None:
        """The menu for viewport point `pos` (built, not shown: tests trigger its
        actions): on an item Open / Remove the date, on a day New article."""
        index = self.indexAt(pos)
        if not index.isValid():
            return None
        menu = QMenu(self)
        item = self.item_at(pos)
        if item is not None:
            article_id = item.id
            open_action = _action(menu, "calendar.open", translate("MonthView", "Open"))
            open_action.triggered.connect(lambda: self.open_article_requested.emit(article_id))
            remove = _action(
                menu,
                "calendar.remove_date",
                translate("MonthView", "Remove the Date (to Unscheduled)"),
            )
            remove.triggered.connect(lambda: self.remove_date_requested.emit(article_id))
            menu.addSeparator()
        day = self._model.day_at(index)
        new = _action(
            menu, "calendar.new_on_day", translate("MonthView", "New Article on This Day")
        )
        new.triggered.connect(lambda: self.new_article_requested.emit(day))
        return menu

    def contextMenuEvent(self, event) -> None:
        pos = self.viewport().mapFrom(self, event.pos())
        menu = self.context_menu_at(pos)
        if menu is not None:
            menu.exec(event.globalPos())
            menu.deleteLater()

    # --- the day's full list ---------------------------------------------------------

    def show_day_list(self, day: date) -> DayListPopup:
        """The popup listing every item of `day` (the «+N ещё» and Enter target)."""
        if self.day_list is not None:
            self.day_list.close()
            self.day_list.deleteLater()
        popup = DayListPopup(day, self._model.items_on(day), self._model, self)
        popup.open_article_requested.connect(self.open_article_requested)
        index = self._model.index_of(day)
        rect = self.visualRect(index) if index.isValid() else QRect(0, 0, 0, 0)
        popup.move(_on_screen(self.viewport().mapToGlobal(rect.topLeft()), popup.size(), self))
        popup.show()
        popup.list.setFocus()
        self.day_list = popup
        return popup


class DayListPopup(QFrame):
    """Every item of one day, in time order: double-click or Enter opens one;
    Escape or a click outside closes the popup."""

    open_article_requested = Signal(int)

    def __init__(
        self, day: date, items: list[ArticleSummary], model: MonthModel, parent: QWidget
    ) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("calendarDayList")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.day = day
        title = QLabel(_capitalized(QLocale().toString(_qdate(day), "dddd, d MMMM yyyy")), self)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        self.list = QListWidget(self)
        self.list.setObjectName("calendarDayListItems")
        zone = model.zone
        for item in items:
            row = QListWidgetItem(
                status_icon(item.status), f"{item_time_text(item, zone)}  {item.title}"
            )
            row.setData(Qt.ItemDataRole.UserRole, item.id)
            row.setToolTip(item_tooltip(item, zone))
            self.list.addItem(row)
        if not items:
            empty = QListWidgetItem(translate("MonthView", "Nothing planned on this day"))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(empty)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(title)
        layout.addWidget(self.list)
        self._fit_size(title)

    def _fit_size(self, title: QLabel) -> None:
        """Wide enough for the titles (within reason: long ones are elided), tall
        enough for up to 15 rows without a scroll bar."""
        metrics = self.list.fontMetrics()
        icon = metrics.height() - 2
        self.list.setIconSize(QSize(icon, icon))
        self.list.setUniformItemSizes(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        texts = (self.list.item(i).text() for i in range(self.list.count()))
        widest = max((metrics.horizontalAdvance(text) for text in texts), default=0)
        frame = 2 * self.list.frameWidth()
        scroll = self.list.verticalScrollBar().sizeHint().width()
        content = widest + icon + 24 + frame + scroll
        width = min(640, max(300, content, title.sizeHint().width() + 16))
        row = max(self.list.sizeHintForRow(0), metrics.height() + 4)
        rows = min(max(self.list.count(), 1), 15)
        self.list.setFixedHeight(rows * row + frame + 2)
        self.resize(width, self.sizeHint().height())

    def article_ids(self) -> list[int]:
        ids = []
        for i in range(self.list.count()):
            value = self.list.item(i).data(Qt.ItemDataRole.UserRole)
            if value is not None:
                ids.append(int(value))
        return ids

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def _activated(self, row: QListWidgetItem) -> None:
        value = row.data(Qt.ItemDataRole.UserRole)
        if value is not None:
            self.close()
            self.open_article_requested.emit(int(value))


def _on_screen(pos: QPoint, size: QSize, widget: QWidget) -> QPoint:
    """`pos` moved so that a popup of `size` stays on the screen showing `widget`."""
    screen = widget.screen()
    if screen is None:
        return pos
    area = screen.availableGeometry()
    x = max(area.left(), min(pos.x(), area.right() + 1 - size.width()))
    y = max(area.top(), min(pos.y(), area.bottom() + 1 - size.height()))
    return QPoint(x, y)


def _action(menu: QMenu, name: str, text: str) -> QAction:
    action = menu.addAction(text)
    action.setObjectName(name)
    return action


def _with_alpha(colour: QColor, alpha: int) -> QColor:
    tinted = QColor(colour)
    tinted.setAlpha(alpha)
    return tinted


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier), clamped to the month's length."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, pycalendar.monthrange(year, month)[1]))
