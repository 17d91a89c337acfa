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
from collections.abc import Sequence
from datetime import datetime, tzinfo
from functools import cache, lru_cache

from PySide6.QtCore import QCoreApplication, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QFontMetricsF,
    QIcon,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
    QStaticText,
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


class ItemTexts:
    """What `paint_item` draws as text, kept between repaints by a view that
    paints many items in one font: the elided title per (title, width) and, for
    a text drawn a second time, its QStaticText (laid out once; drawing it costs a
    third of `drawText`, and `elidedText` is as dear as the drawing). Time texts
    (a few dozen) get a QStaticText at once, with their width.

    A title gets its QStaticText only when drawn again, so a month seen for the
    first time pays no more than plain `drawText`; going back to it, or any
    repaint of it (hover, a tooltip, a drag over it), is the cheap path. The view
    calls `use_font` once per paint pass; another font starts afresh. At most
    `limit` titles are kept (the oldest go first): a month shows a few hundred."""

    def __init__(self, limit: int = 2048) -> None:
        self._limit = limit
        self._font_key = ""
        self._titles: dict[tuple[str, int], list] = {}  # [elided text, QStaticText | None]
        self._times: dict[str, tuple[QStaticText, int]] = {}

    def use_font(self, font: QFont) -> ItemTexts:
        key = font.key()
        if key != self._font_key:
            self._font_key = key
            self._titles.clear()
            self._times.clear()
        return self

    def __len__(self) -> int:
        return len(self._titles)

    def time(self, text: str, metrics: QFontMetrics) -> tuple[QStaticText, int]:
        entry = self._times.get(text)
        if entry is None:
            entry = self._times[text] = (_static(text), metrics.horizontalAdvance(text))
        return entry

    def title(self, title: str, width: int, metrics: QFontMetrics) -> str | QStaticText:
        """The elided text the first time, its QStaticText from the second on."""
        key = (title, width)
        entry = self._titles.get(key)
        if entry is None:
            if self._titles and len(self._titles) >= self._limit:
                del self._titles[next(iter(self._titles))]
            elided = metrics.elidedText(title, _ELIDE_RIGHT, width)
            self._titles[key] = [elided, None]
            return elided
        if entry[1] is None:
            entry[1] = _static(entry[0])
        return entry[1]


def _static(text: str) -> QStaticText:
    static = QStaticText(text)
    static.setTextFormat(Qt.TextFormat.PlainText)  # titles are user text, never markup
    return static


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
    texts: ItemTexts | None = None,
) -> None:
    """One item on one line in `rect`: a status bar on the left, the status
    marker, the local time and the title elided to fit. `selected` paints it in
    the palette's highlight colours. The painter's font must be the one
    `font_metrics` measures (and `texts`, if given, was told to use)."""
    paint_items(
        painter,
        (rect,),
        (item,),
        zone,
        selected=selected,
        font_metrics=font_metrics,
        palette=palette,
        show_time=show_time,
        texts=texts,
    )


_HIGHLIGHT = QPalette.ColorRole.Highlight
_HIGHLIGHTED_TEXT = QPalette.ColorRole.HighlightedText
_TEXT = QPalette.ColorRole.Text


def paint_items(
    painter: QPainter,
    rects: Sequence[QRect],
    items: Sequence[ArticleSummary],
    zone: tzinfo,
    *,
    selected: bool,
    font_metrics: QFontMetrics,
    palette: QPalette | None = None,
    show_time: bool = True,
    texts: ItemTexts | None = None,
) -> None:
    """`paint_item` for each of `items` in the rect of the same position (the
    shorter sequence decides how many): a day cell's lines in one call, with what
    they share (colours, metrics, the pen) looked up once.

    Text goes at a baseline (or as a QStaticText from `texts`), not laid out in
    a rectangle: the rectangle forms cost a layout per call."""
    if palette is None:
        palette = QApplication.palette()
    highlight = palette.color(_HIGHLIGHT) if selected else None
    text_colour = palette.color(_HIGHLIGHTED_TEXT if selected else _TEXT)
    text_rgb = text_colour.rgb()
    device = painter.device()
    ratio = device.devicePixelRatioF() if device is not None else 1.0
    ascent, descent = font_metrics.ascent(), font_metrics.descent()
    painter.setPen(text_colour)  # nothing below changes the pen
    for item, rect in zip(items, rects, strict=False):
        status = item.status
        colour = _colour(status)
        x, y, w, h = rect.getRect()
        painter.fillRect(rect, highlight if highlight is not None else _tint(status))
        painter.fillRect(x, y, _BAR_WIDTH, h, colour)
        right = x + w - 3  # rect.right() - 2
        x += _BAR_WIDTH + _GAP - 1
        marker = min(MARKER_SIZE, h - 2)
        if marker >= 4 and right - x > marker + _GAP:
            rgb = text_rgb if selected else _rgb(status)
            painter.drawPixmap(x, y + (h - marker) // 2, _marker_pixmap(status, marker, rgb, ratio))
            x += marker + _GAP
        if h < ascent + descent:  # a line lower than the font: clip the texts to it
            _paint_texts_clipped(painter, rect, x, right, item, zone, font_metrics, show_time)
            continue
        baseline = y + (h + ascent - descent) // 2
        top = baseline - ascent  # where a QStaticText's line starts
        time_text = item_time_text(item, zone) if show_time else ""
        if time_text:
            if texts is not None:
                static, width = texts.time(time_text, font_metrics)
            else:
                static, width = None, font_metrics.horizontalAdvance(time_text)
            # the time only when the title keeps some room: a narrow cell shows the title
            if right - x > width * 2:
                if static is not None:
                    painter.drawStaticText(x, top, static)
                else:
                    painter.drawText(x, baseline, time_text)
                x += width + _GAP
        if right > x:
            if texts is None:
                title = font_metrics.elidedText(item.title, _ELIDE_RIGHT, right - x)
                painter.drawText(x, baseline, title)
            elif isinstance(title := texts.title(item.title, right - x, font_metrics), str):
                painter.drawText(x, baseline, title)
            else:
                painter.drawStaticText(x, top, title)


_ELIDE_RIGHT = Qt.TextElideMode.ElideRight


@cache
def _rgb(status: Status) -> int:
    return QColor(_STATUS_RGB[status]).rgb()


def _paint_texts_clipped(
    painter: QPainter,
    rect: QRect,
    x: int,
    right: int,
    item: ArticleSummary,
    zone: tzinfo,
    metrics: QFontMetrics,
    show_time: bool,
) -> None:
    """The time and title in rectangles that clip them (a rare, too-low line)."""
    y, h, flags = rect.y(), rect.height(), _TEXT_FLAGS
    time_text = item_time_text(item, zone) if show_time else ""
    if time_text:
        width = metrics.horizontalAdvance(time_text)
        if right - x > width * 2:
            painter.drawText(QRect(x, y, width + 1, h), flags, time_text)
            x += width + _GAP
    if right > x:
        title = metrics.elidedText(item.title, Qt.TextElideMode.ElideRight, right - x)
        painter.drawText(QRect(x, y, right - x + 1, h), flags, title)


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
