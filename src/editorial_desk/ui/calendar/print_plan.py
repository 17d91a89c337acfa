"""The month plan on paper: the page the head of department pins up.

A landscape A4 page: the title («План публикаций — ноябрь 2026»), the six
weeks of the month grid (Monday first) with each day's items (status marker,
time, title), a legend of the markers and the print date. It must read in black
and white, so the status is a shape (the same as on screen) and nothing depends
on colour; days outside the month are greyed.

Every item is on paper: a busy day's cell shows what fits and «+N, см. стр. 2»;
the pages after the grid list, day by day, the items that did not fit (time,
whole title, marker). When everything fits the plan stays one page.

`paint_month_plan` paints onto any painter and page rectangle (the tests record
what it draws); `render_month_plan` paints the pages onto a device (a QPrinter,
QPdfWriter; an image gets the grid page only); `save_month_plan_pdf` writes a
PDF file safely; `print_month_plan` opens Qt's print preview with the printer in
landscape. Items in the trash are not part of a plan and are left out."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, tzinfo
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPdfWriter,
    QPen,
)
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from editorial_desk.domain.article import ArticleSummary
from editorial_desk.domain.calendar import group_by_local_day, month_grid
from editorial_desk.domain.statuses import Status
from editorial_desk.ui.calendar.item_style import elide_lines, item_time_text, paint_status_marker
from editorial_desk.ui.labels import format_local, status_label

translate = QCoreApplication.translate
TR_CONTEXT = "PrintPlan"

PAGE_MARGIN_MM = 10.0
_INK = QColor("black")
_GREY_TEXT = QColor("#767676")
_GREY_FILL = QColor("#ededed")
_LEGEND_STATUSES = (
    Status.DRAFT,
    Status.IN_REVIEW,
    Status.RETURNED,
    Status.APPROVED,
    Status.SCHEDULED,
    Status.PUBLISHED,
)


def month_plan_title(year: int, month: int, locale: QLocale | None = None) -> str:
    """«План публикаций — ноябрь 2026»: the month in the nominative (Qt's
    standalone month name), as a Russian heading names a month on its own."""
    locale = locale if locale is not None else QLocale()
    name = locale.standaloneMonthName(month, QLocale.FormatType.LongFormat)
    if locale.language() == QLocale.Language.C:
        name = date(year, month, 1).strftime("%B")
    return translate("PrintPlan", "Publication plan — {month} {year}").format(month=name, year=year)


@dataclass(frozen=True, slots=True)
class PlanLayout:
    """Where the parts of the first page go, in the painter's coordinates, and
    how many pages the plan took (more than one when a day's items did not all
    fit in its cell: they are listed on the pages after the grid)."""

    title: QRectF
    weekdays: list[QRectF]  # Monday..Sunday header cells
    cells: dict[date, QRectF]  # the 42 days of the grid
    footer: QRectF
    pages: int = 1
    continued_on: dict[date, int] = field(default_factory=dict)  # day -> its page


def plan_layout(page: QRectF, year: int, month: int, mm: float) -> PlanLayout:
    """The layout of the plan on `page`; `mm` is the length of a millimetre."""
    title = QRectF(page.left(), page.top(), page.width(), 11 * mm)
    footer = QRectF(page.left(), page.bottom() - 6 * mm, page.width(), 6 * mm)
    header_top = title.bottom() + 1 * mm
    header_height = 6 * mm
    grid_top = header_top + header_height
    grid_height = footer.top() - 1.5 * mm - grid_top
    column_width = page.width() / 7
    row_height = grid_height / 6
    weekdays = [
        QRectF(page.left() + column * column_width, header_top, column_width, header_height)
        for column in range(7)
    ]
    cells = {
        day: QRectF(
            page.left() + (index % 7) * column_width,
            grid_top + (index // 7) * row_height,
            column_width,
            row_height,
        )
        for index, day in enumerate(month_grid(year, month))
    }
    return PlanLayout(title, weekdays, cells, footer)


def _font(base: QFont, points: float, *, bold: bool = False) -> QFont:
    font = QFont(base)
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


@dataclass(frozen=True, slots=True)
class _Fonts:
    title: QFont
    weekday: QFont
    number: QFont
    item: QFont
    day: QFont  # a day's heading on a continuation page
    number_metrics: QFontMetricsF
    item_metrics: QFontMetricsF
    day_metrics: QFontMetricsF


def _fonts(base: QFont, device: QPaintDevice | None) -> _Fonts:
    def metrics(font: QFont) -> QFontMetricsF:
        return QFontMetricsF(font, device) if device is not None else QFontMetricsF(font)

    number, item, day = _font(base, 10, bold=True), _font(base, 7.5), _font(base, 9, bold=True)
    return _Fonts(
        _font(base, 16, bold=True),
        _font(base, 9, bold=True),
        number,
        item,
        day,
        metrics(number),
        metrics(item),
        metrics(day),
    )


@dataclass(frozen=True, slots=True)
class _CellFit:
    """What a day's cell shows: the texts of its first `len(texts)` items."""

    body: QRectF  # below the day number
    number: QRectF  # the day number's row
    texts: list[str]
    lines: int  # the body's room, in lines


@dataclass(frozen=True, slots=True)
class _Line:
    """One thing on a continuation page: a day's heading or one of its items."""

    rect: QRectF
    text: str
    item: ArticleSummary | None = None  # None: a heading


_WRAP = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
_CONTINUATION_COLUMNS = 2


def paint_month_plan(
    painter: QPainter,
    page: QRectF,
    year: int,
    month: int,
    items: Sequence[ArticleSummary],
    zone: tzinfo,
    title: str | None = None,
    *,
    printed_at: datetime | None = None,
    mm: float | None = None,
    new_page: Callable[[], object] | None = None,
) -> PlanLayout:
    """Paint the plan of `month`: the grid into `page`, then, when some day's
    items do not all fit in its cell, continuation pages listing those items by
    day (each cell's «+N» names the page). `new_page` starts the next page; it
    defaults to the device's own `newPage` for a printer or PDF writer. On any
    other device (an image) only the grid page is painted. Returns the first
    page's layout with the page count. `mm` defaults to the device's resolution;
    `printed_at` to now."""
    device = painter.device()
    if mm is None:
        mm = (device.logicalDpiX() if device is not None else 96) / 25.4
    if new_page is None and isinstance(device, QPagedPaintDevice):
        new_page = device.newPage
    locale = QLocale()
    heading = title if title is not None else month_plan_title(year, month, locale)
    layout = plan_layout(page, year, month, mm)
    fonts = _fonts(QFont(painter.font()), device)
    by_day = group_by_local_day((i for i in items if i.status is not Status.TRASH), zone)
    fits = {
        day: _fit_cell(rect, by_day.get(day, []), zone, fonts, mm)
        for day, rect in layout.cells.items()
    }
    overflow = [
        (day, by_day[day][len(fit.texts) :])
        for day, fit in fits.items()
        if len(fit.texts) < len(by_day.get(day, []))
    ]
    continuation: list[list[_Line]] = []
    continued_on: dict[date, int] = {}
    if new_page is not None and overflow:
        frame = QRectF(page)
        frame.setTop(layout.title.bottom() + 2 * mm)
        frame.setBottom(layout.footer.top() - 2 * mm)
        continuation, continued_on = _continuation_pages(frame, overflow, zone, fonts, mm, locale)
    pages = 1 + len(continuation)
    moment = printed_at if printed_at is not None else datetime.now(UTC)

    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    _paint_title(painter, layout.title, heading, fonts)
    _paint_grid(painter, layout, month, locale, fonts, mm)
    for day, fit in fits.items():
        day_items = by_day.get(day, [])
        _paint_cell(painter, day, month, fit, day_items, fonts, mm, continued_on.get(day))
    _paint_footer(painter, layout.footer, zone, moment, fonts, mm, 1, pages)
    for number, lines in enumerate(continuation, start=2):
        new_page()  # type: ignore[misc]  # not None when there are continuation pages
        _paint_title(
            painter,
            layout.title,
            translate("PrintPlan", "{title} (continued)").format(title=heading),
            fonts,
        )
        _paint_continuation(painter, lines, fonts, mm)
        _paint_footer(painter, layout.footer, zone, moment, fonts, mm, number, pages)
    painter.restore()
    return replace(layout, pages=pages, continued_on=continued_on)


def _paint_title(painter: QPainter, rect: QRectF, text: str, fonts: _Fonts) -> None:
    painter.setPen(_INK)
    painter.setFont(fonts.title)
    painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)


def _paint_grid(
    painter: QPainter, layout: PlanLayout, month: int, locale: QLocale, fonts: _Fonts, mm: float
) -> None:
    """The weekday names, the grey days outside the month, the lines on top."""
    painter.setFont(fonts.weekday)
    for column, rect in enumerate(layout.weekdays):
        name = locale.standaloneDayName(column + 1, QLocale.FormatType.LongFormat)
        if locale.language() == QLocale.Language.C:
            name = date(2024, 1, column + 1).strftime("%A")
        painter.drawText(
            rect.adjusted(1.5 * mm, 0, 0, 0),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            name[:1].upper() + name[1:],
        )
    for day, rect in layout.cells.items():
        if day.month != month:
            painter.fillRect(rect, _GREY_FILL)
    grid_pen = QPen(_INK)
    grid_pen.setWidthF(0.25 * mm)
    painter.setPen(grid_pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    cells = list(layout.cells.values())
    grid = cells[0].united(cells[-1])
    painter.drawRect(grid)
    for column in range(1, 7):
        x = cells[column].left()
        painter.drawLine(QPointF(x, grid.top()), QPointF(x, grid.bottom()))
    for row in range(1, 6):
        y = cells[row * 7].top()
        painter.drawLine(QPointF(grid.left(), y), QPointF(grid.right(), y))


def _marker_size(metrics: QFontMetricsF, mm: float) -> float:
    return min(2.2 * mm, metrics.ascent() * 0.8)


def _fit_cell(
    cell: QRectF, day_items: list[ArticleSummary], zone: tzinfo, fonts: _Fonts, mm: float
) -> _CellFit:
    """A day's items, one under another: two lines each when all fit that way,
    one line each otherwise; when they do not all fit, the last line is kept for
    the «+N» pointer."""
    inner = cell.adjusted(1.2 * mm, 0.8 * mm, -1.2 * mm, -0.8 * mm)
    number = QRectF(inner.left(), inner.top(), inner.width(), fonts.number_metrics.height())
    body = QRectF(inner.left(), number.bottom(), inner.width(), 0)
    body.setBottom(inner.bottom())
    metrics = fonts.item_metrics
    available = max(0, int(body.height() // metrics.lineSpacing()))
    if not day_items:
        return _CellFit(body, number, [], available)
    width = body.width() - _marker_size(metrics, mm) - 0.8 * mm
    two_lines = [
        elide_lines(f"{item_time_text(item, zone)} {item.title}", metrics, width, 2)
        for item in day_items
    ]
    if sum(text.count("\n") + 1 for text in two_lines) <= available:
        return _CellFit(body, number, two_lines, available)
    texts = [
        metrics.elidedText(
            f"{item_time_text(item, zone)} {item.title}", Qt.TextElideMode.ElideRight, width
        )
        for item in day_items
    ]
    if len(texts) > available:
        texts = texts[: max(0, available - 1)]
    return _CellFit(body, number, texts, available)


def _paint_cell(
    painter: QPainter,
    day: date,
    month: int,
    fit: _CellFit,
    day_items: list[ArticleSummary],
    fonts: _Fonts,
    mm: float,
    continued_on: int | None,
) -> None:
    """The day number, the items that fit, and «+N» (with the page the others
    are on): under the items, or beside the number when the cell has no room."""
    painter.setFont(fonts.number)
    painter.setPen(_INK if day.month == month else _GREY_TEXT)
    painter.drawText(
        fit.number, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, str(day.day)
    )
    painter.setFont(fonts.item)
    painter.setPen(_INK)
    metrics = fonts.item_metrics
    line = metrics.lineSpacing()
    marker = _marker_size(metrics, mm)
    indent = marker + 0.8 * mm
    width = fit.body.width() - indent
    y = fit.body.top()
    for item, text in zip(day_items, fit.texts, strict=False):
        lines = text.count("\n") + 1
        paint_status_marker(
            painter,
            QRectF(fit.body.left(), y + (line - marker) / 2, marker, marker),
            item.status,
            _INK,
        )
        painter.drawText(
            QRectF(fit.body.left() + indent, y, width, line * lines),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            text,
        )
        y += line * lines
    hidden = len(day_items) - len(fit.texts)
    if hidden <= 0:
        return
    if continued_on is not None:
        text = translate("PrintPlan", "+{count}, see page {page}").format(
            count=hidden, page=continued_on
        )
    else:  # no page to continue on (an image): at least say how many
        text = translate("PrintPlan", "+{count} more").format(count=hidden)
    if fit.lines > 0:
        painter.drawText(
            QRectF(fit.body.left() + indent, y, width, line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            text,
        )
    else:
        painter.drawText(
            fit.number, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text
        )


def _day_heading(day: date, locale: QLocale) -> str:
    """«Среда, 18 ноября»."""
    if locale.language() == QLocale.Language.C:
        return day.strftime("%A, %d %B")
    text = locale.toString(QDate(day.year, day.month, day.day), "dddd, d MMMM")
    return text[:1].upper() + text[1:]


def _continuation_pages(
    frame: QRectF,
    overflow: list[tuple[date, list[ArticleSummary]]],
    zone: tzinfo,
    fonts: _Fonts,
    mm: float,
    locale: QLocale,
) -> tuple[list[list[_Line]], dict[date, int]]:
    """Lay the items that did not fit in their cells out in columns, day by day
    (a heading, then each item wrapped whole: time and full title), over as many
    pages as it takes. Returns the pages' lines and the page each day starts on
    (the grid is page 1)."""
    gap = 8 * mm
    width = (frame.width() - gap * (_CONTINUATION_COLUMNS - 1)) / _CONTINUATION_COLUMNS
    indent = _marker_size(fonts.item_metrics, mm) + 1 * mm
    heading_height = fonts.day_metrics.lineSpacing() + 0.8 * mm
    pages: list[list[_Line]] = []
    starts: dict[date, int] = {}
    column = _CONTINUATION_COLUMNS  # nothing laid out yet: the first block opens a page
    y = frame.bottom()

    def item_height(text: str) -> float:
        bound = QRectF(0, 0, width - indent, 1_000_000)
        return fonts.item_metrics.boundingRect(bound, int(_WRAP), text).height() + 0.6 * mm

    def next_column() -> None:
        nonlocal column, y
        column += 1
        if column >= _CONTINUATION_COLUMNS:
            pages.append([])
            column = 0
        y = frame.top()

    for day, day_items in overflow:
        texts = [f"{item_time_text(item, zone)} {item.title}".strip() for item in day_items]
        heights = [item_height(text) for text in texts]
        if y + heading_height + heights[0] > frame.bottom():
            next_column()  # a heading stays with its first item
        starts[day] = len(pages) + 1
        heading = _day_heading(day, locale)
        for index, (item, text, height) in enumerate(zip(day_items, texts, heights, strict=True)):
            if index == 0 or y + height > frame.bottom():
                if index > 0:
                    next_column()
                x = frame.left() + column * (width + gap)
                pages[-1].append(_Line(QRectF(x, y, width, heading_height), heading))
                y += heading_height
            x = frame.left() + column * (width + gap)
            pages[-1].append(_Line(QRectF(x, y, width, height), text, item))
            y += height
        y += 1.5 * mm
    return pages, starts


def _paint_continuation(painter: QPainter, lines: list[_Line], fonts: _Fonts, mm: float) -> None:
    metrics = fonts.item_metrics
    marker = _marker_size(metrics, mm)
    indent = marker + 1 * mm
    painter.setPen(_INK)
    for line in lines:
        if line.item is None:
            painter.setFont(fonts.day)
            painter.drawText(
                line.rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, line.text
            )
            continue
        painter.setFont(fonts.item)
        top = line.rect.top() + (metrics.lineSpacing() - marker) / 2
        paint_status_marker(
            painter, QRectF(line.rect.left(), top, marker, marker), line.item.status, _INK
        )
        painter.drawText(line.rect.adjusted(indent, 0, 0, 0), int(_WRAP), line.text)


def _paint_footer(
    painter: QPainter,
    footer: QRectF,
    zone: tzinfo,
    moment: datetime,
    fonts: _Fonts,
    mm: float,
    page: int,
    pages: int,
) -> None:
    """The legend of markers, the page number (when there are several), and
    when this was printed."""
    painter.setFont(fonts.item)
    painter.setPen(_INK)
    metrics = fonts.item_metrics
    x = footer.left()
    marker = 2.6 * mm
    for status in _LEGEND_STATUSES:
        label = status_label(status)
        paint_status_marker(
            painter, QRectF(x, footer.center().y() - marker / 2, marker, marker), status, _INK
        )
        x += marker + 1 * mm
        width = metrics.horizontalAdvance(label)
        painter.setPen(_INK)
        painter.drawText(
            QRectF(x, footer.top(), width + 1 * mm, footer.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            label,
        )
        x += width + 4 * mm
    if pages > 1:
        painter.drawText(
            footer,
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
            translate("PrintPlan", "Page {page} of {pages}").format(page=page, pages=pages),
        )
    painter.drawText(
        footer,
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
        translate("PrintPlan", "Printed {date}").format(date=format_local(moment, zone)),
    )


def render_month_plan(
    device: QPaintDevice,
    year: int,
    month: int,
    items: Sequence[ArticleSummary],
    zone: tzinfo,
    title: str | None = None,
    *,
    printed_at: datetime | None = None,
) -> PlanLayout:
    """Paint the plan onto `device`: every page on a printer or PDF writer (whose
    pages already have their margins), the grid page on an image (which gets a
    margin here)."""
    painter = QPainter(device)
    if not painter.isActive():  # e.g. a PDF writer whose file cannot be created
        raise OSError("the page cannot be painted (is the file or printer writable?)")
    try:
        page = QRectF(0, 0, device.width(), device.height())
        mm = device.logicalDpiX() / 25.4
        if not isinstance(device, QPagedPaintDevice):
            page = page.adjusted(
                PAGE_MARGIN_MM * mm, PAGE_MARGIN_MM * mm, -PAGE_MARGIN_MM * mm, -PAGE_MARGIN_MM * mm
            )
        return paint_month_plan(
            painter, page, year, month, items, zone, title, printed_at=printed_at, mm=mm
        )
    finally:
        painter.end()


def _landscape_a4() -> QPageLayout:
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Landscape,
        QMarginsF(PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )


def save_month_plan_pdf(
    path: str | os.PathLike[str],
    year: int,
    month: int,
    items: Sequence[ArticleSummary],
    zone: tzinfo,
    title: str | None = None,
    *,
    printed_at: datetime | None = None,
) -> Path:
    """Write the plan as a landscape A4 PDF to `path` (one page, or more when
    busy days continue after the grid): into a temporary
    file next to it first, then moved into place, so a failure never leaves a
    half-written file. Raises OSError when the folder cannot be written."""
    target = Path(path)
    heading = title if title is not None else month_plan_title(year, month)
    # a hidden name beside the target (not mkstemp: its 0600 mode would stick)
    temporary = str(target.with_name(f".{target.name}.{os.getpid()}.part"))
    try:
        writer = QPdfWriter(temporary)
        writer.setPageLayout(_landscape_a4())
        writer.setResolution(300)
        writer.setTitle(heading)
        writer.setCreator("Editorial Desk")
        render_month_plan(writer, year, month, items, zone, heading, printed_at=printed_at)
        del writer  # flushes and closes the file
        if os.path.getsize(temporary) == 0:
            raise OSError(f"could not write {target}")
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def month_plan_preview(
    parent: QWidget | None,
    year: int,
    month: int,
    items: Sequence[ArticleSummary],
    zone: tzinfo,
    title: str | None = None,
) -> QPrintPreviewDialog:
    """Qt's print preview for the plan, its printer set to landscape A4 (not shown)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(_landscape_a4())
    heading = title if title is not None else month_plan_title(year, month)
    printer.setDocName(heading)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(heading)
    snapshot = list(items)
    dialog.paintRequested.connect(
        lambda target: render_month_plan(target, year, month, snapshot, zone, heading)
    )
    dialog._printer = printer  # type: ignore[attr-defined]  # the dialog does not own it
    return dialog


def print_month_plan(
    parent: QWidget | None,
    year: int,
    month: int,
    items: Sequence[ArticleSummary],
    zone: tzinfo,
    title: str | None = None,
) -> None:
    """Show the print preview of the plan; the user prints from there."""
    dialog = month_plan_preview(parent, year, month, items, zone, title)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()
