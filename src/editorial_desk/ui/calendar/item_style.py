"""How one calendar item looks in every calendar view and on the printed plan:
its status colour, its status marker, its time and its tooltip.

The status is told twice, by colour and by shape, so it reads for colour-blind
users and on a black-and-white printout: the colours are the Okabe–Ito palette
(distinguishable under the common colour-vision deficiencies), darkened where
needed to stand out on white; the shapes are drawn with QPainter, not taken from
an icon font, so painting a month costs no font load and no image plug-in.

`paint_item` runs for every visible item on every repaint of the month grid:
it allocates little and caches the per-status pens, brushes and marker paths."""

from __future__ import annotations

import html
from datetime import datetime, tzinfo
from functools import cache, lru_cache

from PySide6.QtCore import QCoreApplication, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetrics,
    QFontMetricsF,
    QIcon,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QApplication

from editorial_desk.domain.article import ArticleSummary
from editorial_desk.domain.statuses import Status
from editorial_desk.ui.labels import format_local_long, status_label

translate = QCoreApplication.translate
TR_CONTEXT = "CalendarItem"

# Okabe & Ito, "Color Universal Design" (2008); orange and purple darkened so that
# every colour has at least 3:1 contrast against white (WCAG for graphics).
_STATUS_RGB: dict[Status, str] = {
    Status.DRAFT: "#6b6b6b",  # grey: nothing asked of anyone yet
    Status.IN_REVIEW: "#b35900",  # orange: waiting for the reviewer
    Status.RETURNED: "#d55e00",  # vermillion: back to the author
    Status.APPROVED: "#007a5a",  # bluish green: good to go
    Status.SCHEDULED: "#0072b2",  # blue: planned for the website
    Status.PUBLISHED: "#a8447f",  # reddish purple: done
    Status.TRASH: "#8c8c8c",  # light grey: not really on the plan
}

MARKER_SIZE = 8  # px of the status shape in a one-line item
_BAR_WIDTH = 3
_GAP = 4


def status_colour(status: Status) -> QColor:
    """The colour of `status` everywhere in the calendar (a fresh copy)."""
    return QColor(_STATUS_RGB[status])


@cache
def _colour(status: Status) -> QColor:
    return QColor(_STATUS_RGB[status])


@cache
def _tint(status: Status) -> QColor:
    colour = QColor(_STATUS_RGB[status])
    colour.setAlpha(36)
    return colour


@cache
def _marker_path(status: Status, size: float) -> tuple[QPainterPath, bool]:
    """The marker of `status` in a `size` square at the origin, and whether it is
    filled (True) or stroked (False). Shapes, so that black and white still tells:
    draft ○, in review ◐, returned ◀, approved ✓, scheduled ■, published ●, trash ✕."""
    s = float(size)
    path = QPainterPath()
    match status:
        case Status.DRAFT:
            path.addEllipse(QRectF(0.75, 0.75, s - 1.5, s - 1.5))
            return path, False
        case Status.IN_REVIEW:
            # the filled left half; paint_status_marker adds the ring: "half way"
            path.moveTo(s / 2, 0)
            path.arcTo(QRectF(0, 0, s, s), 90, 180)
            path.closeSubpath()
            return path, True
        case Status.RETURNED:
            path.moveTo(0, s / 2)
            path.lineTo(s, 0)
            path.lineTo(s, s)
            path.closeSubpath()
            return path, True
        case Status.APPROVED:
            path.moveTo(0.5, s * 0.55)
            path.lineTo(s * 0.4, s - 1)
            path.lineTo(s - 0.5, 1)
            return path, False
        case Status.SCHEDULED:
            path.addRect(QRectF(0.5, 0.5, s - 1, s - 1))
            return path, True
        case Status.PUBLISHED:
            path.addEllipse(QRectF(0, 0, s, s))
            return path, True
        case _:  # trash
            path.moveTo(1, 1)
            path.lineTo(s - 1, s - 1)
            path.moveTo(s - 1, 1)
            path.lineTo(1, s - 1)
            return path, False


def paint_status_marker(
    painter: QPainter, rect: QRect | QRectF, status: Status, colour: QColor | None = None
) -> None:
    """The status shape centred in `rect` (its smaller side is the size), in
    `colour` (default: the status colour; the printed plan passes black)."""
    size = max(4, int(min(rect.width(), rect.height())))
    path, filled = _marker_path(status, size)
    colour = colour if colour is not None else _colour(status)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.translate(
        rect.x() + (rect.width() - size) / 2.0, rect.y() + (rect.height() - size) / 2.0
    )
    pen = QPen(colour)
    pen.setWidthF(max(1.2, size / 6.0))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(QBrush(colour) if filled else Qt.BrushStyle.NoBrush)
    if status is Status.IN_REVIEW:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawPath(path)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(QRectF(0.75, 0.75, size - 1.5, size - 1.5))
    else:
        painter.drawPath(path)
    painter.restore()


@cache
def _status_pixmap(status: Status, size: int, ratio: float, white: bool = False) -> QPixmap:
    pixmap = QPixmap(QSize(round(size * ratio), round(size * ratio)))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    margin = max(1, size // 8)
    paint_status_marker(
        painter,
        QRect(margin, margin, size - 2 * margin, size - 2 * margin),
        status,
        QColor("white") if white else None,
    )
    painter.end()
    return pixmap


def status_icon(status: Status) -> QIcon:
    """The status marker as an icon (for lists, legends and menus): painted, so it
    costs no icon-font load and looks the same as in the calendar cells."""
    return _status_icon(status)


@cache
def _status_icon(status: Status) -> QIcon:
    icon = QIcon()
    ratio = 1.0
    app = QApplication.instance()
    if isinstance(app, QApplication):
        ratio = app.devicePixelRatio()
    for size in (12, 16, 24, 32):
        icon.addPixmap(_status_pixmap(status, size, ratio))
        # on a selected row's highlight the status colour may vanish (blue on blue)
        icon.addPixmap(_status_pixmap(status, size, ratio, white=True), QIcon.Mode.Selected)
    return icon


def item_time_text(item: ArticleSummary, zone: tzinfo) -> str:
    """The planned local time in `zone`, «09:30»; empty when there is no date."""
    if item.planned_at is None:
        return ""
    return _local_time_text(item.planned_at, zone)


@lru_cache(maxsize=4096)
def _local_time_text(moment: datetime, zone: tzinfo) -> str:
    # cached: a zone conversion per item per repaint is a third of the painting
    local = moment.astimezone(zone)
    return f"{local.hour:02d}:{local.minute:02d}"


_TEXT_FLAGS = (
    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextSingleLine
)


@lru_cache(maxsize=256)
def _marker_pixmap(status: Status, size: int, rgb: int, ratio: float) -> QPixmap:
    """The marker pre-rendered: blitting a pixmap is several times cheaper than
    stroking an antialiased path for every item on every repaint."""
    pixmap = QPixmap(QSize(round(size * ratio), round(size * ratio)))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    paint_status_marker(painter, QRect(0, 0, size, size), status, QColor.fromRgb(rgb))
    painter.end()
    return pixmap


def paint_item(
    painter: QPainter,
    rect: QRect,
    item: ArticleSummary,
    zone: tzinfo,
    *,
    selected: bool,
    font_metrics: QFontMetrics,
    palette: QPalette | None = None,
    show_time: bool = True,
) -> None:
    """One item on one line in `rect`: a status bar on the left, the status
    marker, the local time and the title elided to fit. `selected` paints it in
    the palette's highlight colours. The painter's font must be the one
    `font_metrics` measures."""
    if palette is None:
        palette = QApplication.palette()
    status = item.status
    colour = _colour(status)
    if selected:
        painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight))
        text_colour = palette.color(QPalette.ColorRole.HighlightedText)
    else:
        painter.fillRect(rect, _tint(status))
        text_colour = palette.color(QPalette.ColorRole.Text)
    painter.fillRect(QRect(rect.x(), rect.y(), _BAR_WIDTH, rect.height()), colour)
    x = rect.x() + _BAR_WIDTH + _GAP - 1
    right = rect.right() - 2
    marker = min(MARKER_SIZE, rect.height() - 2)
    if marker >= 4 and right - x > marker + _GAP:
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        pixmap = _marker_pixmap(status, marker, (text_colour if selected else colour).rgb(), ratio)
        painter.drawPixmap(x, rect.y() + (rect.height() - marker) // 2, pixmap)
        x += marker + _GAP
    painter.setPen(text_colour)
    flags = _TEXT_FLAGS
    time_text = item_time_text(item, zone) if show_time else ""
    if time_text:
        width = font_metrics.horizontalAdvance(time_text)
        # the time only when the title keeps some room: a narrow cell shows the title
        if right - x > width * 2:
            painter.drawText(QRect(x, rect.y(), width + 1, rect.height()), flags, time_text)
            x += width + _GAP
    if right > x:
        title = font_metrics.elidedText(item.title, Qt.TextElideMode.ElideRight, right - x)
        painter.drawText(QRect(x, rect.y(), right - x + 1, rect.height()), flags, title)


def item_tooltip(item: ArticleSummary, zone: tzinfo) -> str:
    """A rich-text tooltip: the title, then planned time, status, rubric and author
    (each escaped: titles are user text)."""
    lines = [f"<b>{html.escape(item.title)}</b>"]
    if item.planned_at is not None:
        when = format_local_long(item.planned_at, zone)
        lines.append(translate("CalendarItem", "Planned: {time}").format(time=html.escape(when)))
    else:
        lines.append(translate("CalendarItem", "Not scheduled"))
    lines.append(
        translate("CalendarItem", "Status: {status}").format(
            status=html.escape(status_label(item.status))
        )
    )
    if item.rubric:
        lines.append(
            translate("CalendarItem", "Rubric: {rubric}").format(rubric=html.escape(item.rubric))
        )
    if item.author_name:
        lines.append(
            translate("CalendarItem", "Author: {author}").format(
                author=html.escape(item.author_name)
            )
        )
    return "<br>".join(lines)


def elide_lines(text: str, metrics: QFontMetrics | QFontMetricsF, width: float, lines: int) -> str:
    """`text` word-wrapped into at most `lines` lines of `width`, joined by a
    newline, the last one elided: a title cut off mid-word without «…» reads as
    a different title. A word wider than a whole line is broken where it must."""
    if width <= 0 or lines <= 0:
        return ""
    words = text.split()
    result: list[str] = []
    current = ""
    while words and len(result) < lines - 1:
        word = words[0]
        candidate = f"{current} {word}" if current else word
        if metrics.horizontalAdvance(candidate) <= width:
            current = candidate
            words.pop(0)
        elif current:
            result.append(current)
            current = ""
        else:  # one word longer than the line: as much of it as fits, the rest next
            cut = max(1, _fitting_prefix(word, metrics, width))
            result.append(word[:cut])
            words[0] = word[cut:]
    rest = " ".join([current, *words]).strip()
    if rest:
        result.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
    return "\n".join(result)


def _fitting_prefix(word: str, metrics: QFontMetrics | QFontMetricsF, width: float) -> int:
    low, high = 0, len(word)
    while low < high:  # the longest prefix that fits, by bisection
        middle = (low + high + 1) // 2
        if metrics.horizontalAdvance(word[:middle]) <= width:
            low = middle
        else:
            high = middle - 1
    return low
