"""The week view: seven day columns (Monday first) by 24 hour rows.

Every item sits at its planned local time in the office zone, as a block one
hour tall (items are moments, not meetings: an hour is room for the time and a
line or two of the title). Items whose blocks overlap share the column side by
side. Today's column is tinted; the view opens scrolled to 08:00.

The view only shows and asks: double-click asks to open, the context menu asks
for a new article on a day, and dropping items on a day column asks to move
them (`move_requested`); the calendar panel does the move and its undo. Drags
carry `ARTICLE_IDS_MIME` (ASCII, comma-separated ids) so items travel between
this view, the month view and the unscheduled tray."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLocale,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDrag,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPixmap,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QMenu,
    QToolTip,
    QWidget,
)

from editorial_desk.domain.article import ArticleSummary
from editorial_desk.domain.timeutil import office_zone
from editorial_desk.domain.workflow import date_is_fixed
from editorial_desk.ui.calendar import drag
from editorial_desk.ui.calendar.item_style import (
    elide_lines,
    item_time_text,
    item_tooltip,
    paint_status_marker,
    status_colour,
)

translate = QCoreApplication.translate
TR_CONTEXT = "CalendarView"

# One drag format for every calendar view and the tray (ui.calendar.drag).
ARTICLE_IDS_MIME = drag.MIME_TYPE
encode_article_ids = drag.encode
decode_article_ids = drag.decode

FIRST_VISIBLE_HOUR = 8  # the working day starts here: the view opens scrolled to it
_WORK_START, _WORK_END = 8, 20  # hours outside are shaded
_ITEM_MINUTES = 60  # the nominal length of an item's block


def short_day_header(day: date, locale: QLocale | None = None) -> str:
    """«Пн 23.11» in Russian, "Mon 11/23" in English: the short weekday and the
    locale's short date without the year."""
    locale = locale if locale is not None else QLocale()
    name = locale.dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)
    name = name[:1].upper() + name[1:]
    if locale.language() == QLocale.Language.C:
        return f"{name} {day:%d.%m}"
    return f"{name} {locale.toString(day, _day_month_format(locale))}"


def _day_month_format(locale: QLocale) -> str:
    """The locale's short date format with the year taken out (and the separator
    that went with it)."""
    text = locale.dateFormat(QLocale.FormatType.ShortFormat)
    for year in ("yyyy", "yy"):
        for sep in (".", "/", "-", " "):
            text = text.replace(sep + year, "").replace(year + sep, "")
        text = text.replace(year, "")
    return text.strip(" ./-") or "dd.MM"


@dataclass(frozen=True, slots=True)
class _Placed:
    """An item's place: its day column, its start in minutes after local midnight,
    and its lane among the items it overlaps."""

    item: ArticleSummary
    column: int
    minute: int
    lane: int
    lanes: int


def _place(items: Sequence[ArticleSummary], monday: date, zone: tzinfo) -> list[_Placed]:
    by_column: dict[int, list[tuple[int, ArticleSummary]]] = {}
    for item in items:
        if item.planned_at is None:
            continue
        local = item.planned_at.astimezone(zone)
        column = (local.date() - monday).days
        if 0 <= column < 7:
            # a block starting after 23:00 would run off the end of the day: it is
            # drawn from 23:00 (its time is written on it)
            minute = min(local.hour * 60 + local.minute, 24 * 60 - _ITEM_MINUTES)
            by_column.setdefault(column, []).append((minute, item))
    placed: list[_Placed] = []
    for column, entries in sorted(by_column.items()):
        entries.sort(key=lambda entry: (entry[0], entry[1].id))
        placed.extend(_place_day(column, entries))
    return placed


def _place_day(column: int, entries: list[tuple[int, ArticleSummary]]) -> list[_Placed]:
    """Lanes for one day's items (sorted by start): clusters of transitively
    overlapping blocks share the width equally; inside a cluster each block takes
    the first lane that is free again."""
    placed: list[_Placed] = []
    cluster: list[tuple[int, ArticleSummary, int]] = []
    lane_ends: list[int] = []
    cluster_end = -1
    for minute, item in [*entries, (24 * 60 + _ITEM_MINUTES, None)]:
        if cluster and minute >= cluster_end:
            lanes = len(lane_ends)
            placed.extend(_Placed(it, column, start, lane, lanes) for start, it, lane in cluster)
            cluster, lane_ends = [], []
        if item is None:  # the sentinel that closes the last cluster
            break
        end = minute + _ITEM_MINUTES
        for lane, lane_end in enumerate(lane_ends):
            if lane_end <= minute:
                lane_ends[lane] = end
                break
        else:
            lane = len(lane_ends)
            lane_ends.append(end)
        cluster.append((minute, item, lane))
        cluster_end = max(cluster_end, end)
    return placed


class _DayHeader(QWidget):
    """The row of day names above the scrolled hours; it follows the view's columns."""

    def __init__(self, view: WeekView):
        super().__init__(view)
        self._view = view

    def sizeHint(self) -> QSize:
        return QSize(200, self.fontMetrics().height() + 12)

    def paintEvent(self, _event: QPaintEvent) -> None:
        view = self._view
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Window))
        offset = view.viewport().x() - self.x()
        today = view.today()
        bold = QFont(self.font())
        bold.setBold(True)
        for column, day in enumerate(view.days()):
            left, width = view._column_span(column)
            rect = QRect(left + offset, 0, width, self.height())
            if day == today:
                painter.fillRect(rect, view._today_tint())
                painter.setFont(bold)
            else:
                painter.setFont(self.font())
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, short_day_header(day))
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(0, self.height() - 1, self.width(), self.height() - 1)
        painter.end()


class WeekView(QAbstractScrollArea):
    """Days × hours for one week. `set_zone(zone)`, then `set_week(monday, items)`."""

    open_article_requested = Signal(int)
    new_article_requested = Signal(object)  # date
    move_requested = Signal(int, object)  # article id, new local day (date)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("calendarWeekView")
        self._zone: tzinfo = office_zone(None)
        self._monday = date.today() - timedelta(days=date.today().weekday())
        self._items: list[ArticleSummary] = []
        self._placed: list[_Placed] = []
        self._selected: int | None = None
        self._press_pos: QPoint | None = None
        self._press_id: int | None = None
        self._drop_column: int | None = None
        self._scrolled_initially = False
        # Injectable so tests (and a panel following the office clock) decide "today".
        self.today_provider: Callable[[tzinfo], date] = lambda zone: datetime.now(zone).date()
        # Shows a context menu; tests replace it (QMenu.exec runs its own loop).
        self.exec_menu: Callable[[QMenu, QPoint], object] = lambda menu, pos: menu.exec(pos)

        self._header = _DayHeader(self)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.viewport().setMouseTracking(False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setViewportMargins(0, self._header.sizeHint().height(), 0, 0)
        self.verticalScrollBar().valueChanged.connect(lambda _v: self.viewport().update())

    # --- API ---------------------------------------------------------------------

    def set_zone(self, zone: tzinfo) -> None:
        self._zone = zone
        self._relayout()

    def zone(self) -> tzinfo:
        return self._zone

    def set_week(self, monday: date, items: Sequence[ArticleSummary]) -> None:
        """Show the week starting `monday` (any day is taken back to its Monday)
        with `items` (those not in the week in the office zone are left out)."""
        self._monday = monday - timedelta(days=monday.weekday())
        self._items = list(items)
        self._relayout()

    def days(self) -> list[date]:
        return [self._monday + timedelta(days=offset) for offset in range(7)]

    def today(self) -> date:
        return self.today_provider(self._zone)

    def selected_article(self) -> int | None:
        return self._selected

    def select_article(self, article_id: int | None) -> None:
        self._selected = article_id if self._placement(article_id) else None
        if self._selected is not None:
            self._ensure_visible(self._selected)
        self.viewport().update()

    def scroll_to_hour(self, hour: int) -> None:
        self.verticalScrollBar().setValue(hour * self.hour_height())

    # --- geometry (viewport coordinates) -----------------------------------------

    def hour_height(self) -> int:
        return max(48, 3 * self.fontMetrics().lineSpacing() + 8)

    def _gutter(self) -> int:
        return self.fontMetrics().horizontalAdvance("00:00") + 14

    def _column_span(self, column: int) -> tuple[int, int]:
        """Left edge and width of a day column in viewport x."""
        gutter = self._gutter()
        usable = max(7, self.viewport().width() - gutter)
        left = gutter + usable * column // 7
        right = gutter + usable * (column + 1) // 7
        return left, right - left

    def hour_top(self, hour: int) -> int:
        """The y of the top of an hour row, in viewport coordinates."""
        return hour * self.hour_height() - self.verticalScrollBar().value()

    def hour_at(self, y: int) -> int | None:
        content_y = y + self.verticalScrollBar().value()
        hour = content_y // self.hour_height()
        return hour if 0 <= hour < 24 else None

    def day_at(self, pos: QPoint) -> date | None:
        """The day of the column under `pos` (viewport coordinates), if any."""
        if pos.x() < self._gutter():
            return None
        for column in range(7):
            left, width = self._column_span(column)
            if left <= pos.x() < left + width:
                return self._monday + timedelta(days=column)
        return None

    def item_rect(self, article_id: int) -> QRect | None:
        """Where the item's block is drawn, in viewport coordinates."""
        placed = self._placement(article_id)
        return self._rect_of(placed) if placed else None

    def item_at(self, pos: QPoint) -> int | None:
        # the last drawn is on top
        for placed in reversed(self._placed):
            if self._rect_of(placed).contains(pos):
                return placed.item.id
        return None

    def _rect_of(self, placed: _Placed) -> QRect:
        left, width = self._column_span(placed.column)
        hour_h = self.hour_height()
        top = placed.minute * hour_h // 60 - self.verticalScrollBar().value()
        height = _ITEM_MINUTES * hour_h // 60 - 2
        lane_width = (width - 4) / placed.lanes
        x = left + 2 + round(lane_width * placed.lane)
        return QRect(x, top + 1, max(4, round(lane_width) - 2), height)

    def _placement(self, article_id: int | None) -> _Placed | None:
        if article_id is None:
            return None
        for placed in self._placed:
            if placed.item.id == article_id:
                return placed
        return None

    def _relayout(self) -> None:
        self._placed = _place(self._items, self._monday, self._zone)
        if self._placement(self._selected) is None:
            self._selected = None
        self._update_scroll_range()
        self._header.update()
        self.viewport().update()

    def _update_scroll_range(self) -> None:
        bar = self.verticalScrollBar()
        total = 24 * self.hour_height()
        bar.setRange(0, max(0, total - self.viewport().height()))
        bar.setPageStep(self.viewport().height())
        bar.setSingleStep(self.hour_height() // 2)

    def _today_tint(self) -> QColor:
        colour = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        colour.setAlpha(28)
        return colour

    # --- painting ----------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        palette = self.palette()
        rect = self.viewport().rect()
        hour_h = self.hour_height()
        scroll = self.verticalScrollBar().value()
        gutter = self._gutter()
        painter.fillRect(rect, palette.color(QPalette.ColorRole.Base))
        off_hours = QColor(palette.color(QPalette.ColorRole.AlternateBase))
        # hours outside the working day, shaded
        for start, end in ((0, _WORK_START), (_WORK_END, 24)):
            painter.fillRect(
                QRect(gutter, start * hour_h - scroll, rect.width(), (end - start) * hour_h),
                off_hours,
            )
        today = self.today()
        for column, day in enumerate(self.days()):
            left, width = self._column_span(column)
            if day == today:
                painter.fillRect(QRect(left, 0, width, rect.height()), self._today_tint())
            if column == self._drop_column:
                drop = QColor(palette.color(QPalette.ColorRole.Highlight))
                drop.setAlpha(60)
                painter.fillRect(QRect(left, 0, width, rect.height()), drop)
        # hour lines and labels
        line = palette.color(QPalette.ColorRole.Midlight)
        label_colour = palette.color(QPalette.ColorRole.PlaceholderText)
        metrics = self.fontMetrics()
        for hour in range(24):
            y = hour * hour_h - scroll
            if y > rect.bottom() or y + hour_h < 0:
                continue
            painter.setPen(line)
            painter.drawLine(gutter, y, rect.width(), y)
            painter.setPen(label_colour)
            painter.drawText(
                QRect(0, y + 2, gutter - 6, metrics.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                f"{hour:02d}:00",
            )
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        for column in range(7):
            left, _width = self._column_span(column)
            painter.drawLine(left, 0, left, rect.height())
        for placed in self._placed:
            block = self._rect_of(placed)
            if block.intersects(event.rect()):
                self._paint_block(painter, block, placed.item, placed.item.id == self._selected)
        painter.end()

    def _paint_block(
        self, painter: QPainter, block: QRect, item: ArticleSummary, selected: bool
    ) -> None:
        palette = self.palette()
        colour = status_colour(item.status)
        if selected:
            background = palette.color(QPalette.ColorRole.Highlight)
            text_colour = palette.color(QPalette.ColorRole.HighlightedText)
        else:
            background = QColor(colour)
            background.setAlpha(40)
            text_colour = palette.color(QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorRole.Base)
        painter.fillRect(block, base)  # opaque under the tint: overlapping hour lines stay out
        painter.fillRect(block, background)
        painter.fillRect(QRect(block.x(), block.y(), 3, block.height()), colour)
        painter.save()
        painter.setClipRect(block.adjusted(4, 1, -2, -1))
        metrics = self.fontMetrics()
        line_h = metrics.lineSpacing()
        x = block.x() + 6
        marker = 8
        paint_status_marker(
            painter,
            QRect(x, block.y() + 2 + (line_h - marker) // 2, marker, marker),
            item.status,
            text_colour if selected else colour,
        )
        painter.setPen(text_colour)
        time_font = QFont(self.font())
        time_font.setBold(True)
        painter.setFont(time_font)
        painter.drawText(
            QRect(x + marker + 4, block.y() + 2, block.width(), line_h),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            item_time_text(item, self._zone),
        )
        painter.setFont(self.font())
        title_rect = QRect(x, block.y() + 2 + line_h, block.right() - x - 2, block.height())
        lines = max(1, (block.bottom() - title_rect.top()) // line_h)
        painter.drawText(
            title_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
            elide_lines(item.title, metrics, title_rect.width(), lines),
        )
        painter.restore()

    # --- layout events -------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        margins = self.viewportMargins()
        frame = self.frameWidth()
        self._header.setGeometry(frame, frame, self.width() - 2 * frame, margins.top())
        self._update_scroll_range()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._scrolled_initially:
            self._scrolled_initially = True
            self._update_scroll_range()
            self.scroll_to_hour(FIRST_VISIBLE_HOUR)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            article_id = self.item_at(event.pos())
            placed = self._placement(article_id)
            if placed is not None:
                QToolTip.showText(
                    event.globalPos(), item_tooltip(placed.item, self._zone), self.viewport()
                )
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    # --- mouse and keyboard ----------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        article_id = self.item_at(pos)
        self._selected = article_id
        placed = self._placement(article_id)
        can_drag = placed is not None and not date_is_fixed(placed.item.status)
        self._press_id = (
            article_id if can_drag and event.button() == Qt.MouseButton.LeftButton else None
        )
        self._press_pos = pos
        self.viewport().update()
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press_id is None or self._press_pos is None:
            return
        distance = (event.position().toPoint() - self._press_pos).manhattanLength()
        if distance < QApplication.startDragDistance():
            return
        article_id, self._press_id = self._press_id, None
        self._start_drag(article_id)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._press_id = None
        self._press_pos = None
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        article_id = self.item_at(event.position().toPoint())
        if article_id is not None:
            self.open_article_requested.emit(article_id)
        event.accept()

    def _start_drag(self, article_id: int) -> None:
        drag = QDrag(self)
        drag.setMimeData(encode_article_ids([article_id]))
        rect = self.item_rect(article_id)
        if rect is not None:
            pixmap = QPixmap(rect.size() * self.devicePixelRatioF())
            pixmap.setDevicePixelRatio(self.devicePixelRatioF())
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            placed = self._placement(article_id)
            assert placed is not None
            self._paint_block(painter, QRect(QPoint(0, 0), rect.size()), placed.item, False)
            painter.end()
            drag.setPixmap(pixmap)
        drag.exec(Qt.DropAction.MoveAction)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._selected is not None:
                self.open_article_requested.emit(self._selected)
            event.accept()
            return
        step = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
        }.get(Qt.Key(key))
        if step is None:
            super().keyPressEvent(event)
            return
        target = self._neighbour(*step)
        if target is not None:
            self.select_article(target)
        event.accept()

    def _neighbour(self, columns: int, rows: int) -> int | None:
        """The item an arrow key moves the selection to: up/down within the day in
        time order, left/right to the nearest item in time on the next day that
        has items. With nothing selected, the first item of the week."""
        ordered = sorted(self._placed, key=lambda p: (p.column, p.minute, p.lane))
        if not ordered:
            return None
        current = self._placement(self._selected)
        if current is None:
            return ordered[0].item.id
        if rows:
            same_day = [p for p in ordered if p.column == current.column]
            index = same_day.index(current) + rows
            return same_day[index].item.id if 0 <= index < len(same_day) else None
        column = current.column + columns
        while 0 <= column < 7:
            day_items = [p for p in ordered if p.column == column]
            if day_items:
                nearest = min(day_items, key=lambda p: (abs(p.minute - current.minute), p.lane))
                return nearest.item.id
            column += columns
        return None

    def _ensure_visible(self, article_id: int) -> None:
        rect = self.item_rect(article_id)
        if rect is None:
            return
        bar = self.verticalScrollBar()
        if rect.top() < 0:
            bar.setValue(bar.value() + rect.top() - 4)
        elif rect.bottom() > self.viewport().height():
            bar.setValue(bar.value() + rect.bottom() - self.viewport().height() + 4)

    # --- context menu ---------------------------------------------------------------

    def context_menu_at(self, pos: QPoint) -> QMenu | None:
        """The context menu for viewport position `pos` (None off the day columns):
        «Open» on an item, «New article on this day» everywhere."""
        day = self.day_at(pos)
        if day is None:
            return None
        menu = QMenu(self)
        article_id = self.item_at(pos)
        if article_id is not None:
            self._selected = article_id
            self.viewport().update()
            open_action = menu.addAction(translate("CalendarView", "Open"))
            open_action.triggered.connect(lambda: self.open_article_requested.emit(article_id))
            menu.addSeparator()
        new_action = menu.addAction(translate("CalendarView", "New Article on This Day"))
        new_action.triggered.connect(lambda: self.new_article_requested.emit(day))
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        pos = self.viewport().mapFromGlobal(event.globalPos())
        menu = self.context_menu_at(pos)
        if menu is not None:
            self.exec_menu(menu, event.globalPos())
            menu.deleteLater()
        event.accept()

    # --- drop -------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if decode_article_ids(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        day = self.day_at(event.position().toPoint())
        if day is None or not decode_article_ids(event.mimeData()):
            self._set_drop_column(None)
            event.ignore()
            return
        self._set_drop_column((day - self._monday).days)
        event.acceptProposedAction()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._set_drop_column(None)
        event.accept()

    def dropEvent(self, event: QDropEvent) -> None:
        self._set_drop_column(None)
        day = self.day_at(event.position().toPoint())
        ids = decode_article_ids(event.mimeData())
        if day is None or not ids:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        for article_id in ids:
            placed = self._placement(article_id)
            if placed is not None and placed.column == (day - self._monday).days:
                continue  # dropped back on its own day: nothing to move
            self.move_requested.emit(article_id, day)

    def _set_drop_column(self, column: int | None) -> None:
        if column != self._drop_column:
            self._drop_column = column
            self.viewport().update()
