"""The month plan on paper: the page the head of department pins up.

One landscape A4 page: the title («План публикаций — ноябрь 2026»), the six
weeks of the month grid (Monday first) with each day's items (status marker,
time, title), a legend of the markers and the print date. It must read in black
and white, so the status is a shape (the same as on screen) and nothing depends
on colour; days outside the month are greyed.

`paint_month_plan` paints onto any painter and page rectangle (the tests record
what it draws); `render_month_plan` paints one page onto a device (a QPrinter,
QPdfWriter, QImage…); `save_month_plan_pdf` writes a PDF file safely;
`print_month_plan` opens Qt's print preview with the printer in landscape.
Items in the trash are not part of a plan and are left out."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QMarginsF, QPointF, QRectF, Qt
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
    """Where the parts of the page go, in the painter's coordinates."""

    title: QRectF
    weekdays: list[QRectF]  # Monday..Sunday header cells
    cells: dict[date, QRectF]  # the 42 days of the grid
    footer: QRectF


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
) -> PlanLayout:
    """Paint the plan of `month` into `page`; returns the layout used. `mm`
    defaults to the painter device's resolution; `printed_at` to now."""
    device = painter.device()
    if mm is None:
        mm = (device.logicalDpiX() if device is not None else 96) / 25.4
    locale = QLocale()
    layout = plan_layout(page, year, month, mm)
    base = QFont(painter.font())
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)

    # title
    painter.setPen(_INK)
    painter.setFont(_font(base, 16, bold=True))
    painter.drawText(
        layout.title,
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        title if title is not None else month_plan_title(year, month, locale),
    )

    # weekday names
    painter.setFont(_font(base, 9, bold=True))
    for column, rect in enumerate(layout.weekdays):
        name = locale.standaloneDayName(column + 1, QLocale.FormatType.LongFormat)
        if locale.language() == QLocale.Language.C:
            name = date(2024, 1, column + 1).strftime("%A")
        painter.drawText(
            rect.adjusted(1.5 * mm, 0, 0, 0),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            name[:1].upper() + name[1:],
        )

    # the grid: grey days outside the month, then the lines on top
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

    # each day's number and items
    by_day = group_by_local_day((i for i in items if i.status is not Status.TRASH), zone)
    number_font = _font(base, 10, bold=True)
    item_font = _font(base, 7.5)
    painter.setFont(item_font)
    item_metrics = QFontMetricsF(item_font, device) if device is not None else None
    for day, rect in layout.cells.items():
        inner = rect.adjusted(1.2 * mm, 0.8 * mm, -1.2 * mm, -0.8 * mm)
        painter.setFont(number_font)
        painter.setPen(_INK if day.month == month else _GREY_TEXT)
        number_height = QFontMetricsF(number_font, device).height() if device else 5 * mm
        painter.drawText(
            QRectF(inner.left(), inner.top(), inner.width(), number_height),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            str(day.day),
        )
        day_items = by_day.get(day, [])
        if day_items:
            painter.setFont(item_font)
            metrics = item_metrics or painter.fontMetrics()
            body = QRectF(inner.left(), inner.top() + number_height, inner.width(), 0)
            body.setBottom(inner.bottom())
            _paint_day_items(painter, body, day_items, zone, metrics, mm)

    # footer: the legend of markers, and when this was printed
    painter.setFont(_font(base, 7.5))
    painter.setPen(_INK)
    metrics = QFontMetricsF(painter.font(), device) if device is not None else None
    x = layout.footer.left()
    marker = 2.6 * mm
    for status in _LEGEND_STATUSES:
        label = status_label(status)
        paint_status_marker(
            painter,
            QRectF(x, layout.footer.center().y() - marker / 2, marker, marker),
            status,
            _INK,
        )
        x += marker + 1 * mm
        width = metrics.horizontalAdvance(label) if metrics else 20 * mm
        painter.setPen(_INK)
        painter.drawText(
            QRectF(x, layout.footer.top(), width + 1 * mm, layout.footer.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            label,
        )
        x += width + 4 * mm
    moment = printed_at if printed_at is not None else datetime.now(UTC)
    painter.drawText(
        layout.footer,
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
        translate("PrintPlan", "Printed {date}").format(date=format_local(moment, zone)),
    )
    painter.restore()
    return layout


def _paint_day_items(
    painter: QPainter,
    body: QRectF,
    day_items: list[ArticleSummary],
    zone: tzinfo,
    metrics: QFontMetricsF,
    mm: float,
) -> None:
    """A day's items, one under another: two lines each when all fit that way,
    one line each otherwise, and «+N more» for those that do not fit at all."""
    line = metrics.lineSpacing()
    available = max(0, int(body.height() // line))
    marker = min(2.2 * mm, metrics.ascent() * 0.8)
    indent = marker + 0.8 * mm
    width = body.width() - indent
    two_lines = [
        elide_lines(f"{item_time_text(item, zone)} {item.title}", metrics, width, 2)
        for item in day_items
    ]
    if sum(text.count("\n") + 1 for text in two_lines) <= available:
        texts = two_lines
    else:
        texts = [
            metrics.elidedText(
                f"{item_time_text(item, zone)} {item.title}", Qt.TextElideMode.ElideRight, width
            )
            for item in day_items
        ]
    shown = len(texts)
    if shown > available:
        shown = max(0, available - 1)
    y = body.top()
    painter.setPen(_INK)
    for item, text in zip(day_items[:shown], texts[:shown], strict=True):
        lines = text.count("\n") + 1
        paint_status_marker(
            painter,
            QRectF(body.left(), y + (line - marker) / 2, marker, marker),
            item.status,
            _INK,
        )
        painter.drawText(
            QRectF(body.left() + indent, y, width, line * lines),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            text,
        )
        y += line * lines
    hidden = len(day_items) - shown
    if hidden > 0 and available > 0:
        painter.drawText(
            QRectF(body.left() + indent, y, width, line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            translate("PrintPlan", "+{count} more").format(count=hidden),
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
    """Paint the plan as one page of `device` (a printer's or PDF writer's page
    already has its margins; an image gets a margin here)."""
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
    """Write the plan as a one-page landscape A4 PDF to `path`: into a temporary
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
