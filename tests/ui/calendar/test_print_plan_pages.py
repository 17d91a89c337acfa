"""A busy month on paper: every item is printed somewhere. A day's cell shows
what fits and «+N, see page K»; the pages after the grid list the rest by day
with their whole titles. A plan that fits stays one page."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPdfWriter
from PySide6.QtPrintSupport import QPrinter
from test_print_plan import ITEMS, PRINTED, VLADIVOSTOK, RecordingPainter, at, summary

from editorial_desk.ui.calendar.print_plan import (
    _landscape_a4,
    month_plan_preview,
    paint_month_plan,
    save_month_plan_pdf,
)

BUSY = date(2026, 11, 18)


def busy_day(count: int, day: date = BUSY, first_id: int = 100):
    return [
        summary(first_id + n, at(day, 8 + n // 4, (n % 4) * 15), f"Новость {day.day}-{n} о делах")
        for n in range(count)
    ]


class PagedRecorder(RecordingPainter):
    """Records each text with the page (1-based) it was drawn on."""

    def __init__(self, device):
        super().__init__(device)
        self.page = 1
        self.paged: list[tuple[int, QRectF, str]] = []

    def drawText(self, *args):
        self.paged.append((self.page, QRectF(args[0]), args[-1]))
        super().drawText(*args)

    def new_page(self) -> None:
        assert self.device().newPage()
        self.page += 1


def paint_pdf(tmp_path, items, *, page: QRectF | None = None):
    writer = QPdfWriter(str(tmp_path / "plan.pdf"))
    writer.setPageLayout(_landscape_a4())
    writer.setResolution(300)
    painter = PagedRecorder(writer)
    area = page or QRectF(0, 0, writer.width(), writer.height())
    layout = paint_month_plan(
        painter,
        area,
        2026,
        11,
        items,
        VLADIVOSTOK,
        "План",
        printed_at=PRINTED,
        mm=300 / 25.4,
        new_page=painter.new_page,
    )
    painter.end()
    return layout, painter.paged


def pdf_pages(path) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", path.read_bytes()))


def drawn_once(texts: list[str], item) -> bool:
    """The item's «day-number» tag is in exactly one of `texts` (a cell may show
    the title cut short, so the tag, not the whole title, is looked for)."""
    tag = re.escape(item.title.split()[1])
    return sum(bool(re.search(rf"(?<![\d-]){tag}(?!\d)", text)) for text in texts) == 1


def on_page(paged, number: int) -> list[str]:
    return [text for page, _rect, text in paged if page == number]


def test_a_busy_day_continues_on_page_two_with_every_title_whole(qapp, tmp_path):
    items = busy_day(14)
    layout, paged = paint_pdf(tmp_path, items)
    assert layout.pages == 2
    assert layout.continued_on == {BUSY: 2}
    cell = layout.cells[BUSY]
    in_cell = [t for page, rect, t in paged if page == 1 and cell.contains(rect.center())]
    shown = [t for t in in_cell if "Новость" in t]
    [pointer] = [t for t in in_cell if t.startswith("+")]
    assert 0 < len(shown) < 14
    assert pointer == f"+{14 - len(shown)}, see page 2"
    second = on_page(paged, 2)
    assert "План (continued)" in second
    assert any(t.startswith("Wednesday") for t in second)  # the day's heading
    listed = [t for t in second if "Новость" in t]
    assert len(listed) == 14 - len(shown)
    # together: every item once, the continued ones with their whole title and time
    for item in items:
        assert drawn_once(shown + listed, item), item.title
    for item in items[len(shown) :]:
        hour = item.planned_at.astimezone(VLADIVOSTOK).strftime("%H:%M")
        assert f"{hour} {item.title}" in listed
    assert "Page 1 of 2" in on_page(paged, 1) and "Page 2 of 2" in second
    for page, rect, text in paged:  # nothing drawn below the footer's top
        assert rect.bottom() <= layout.footer.bottom() + 0.5, (page, text)


def test_a_plan_that_fits_stays_one_page_without_page_numbers(qapp, tmp_path):
    layout, paged = paint_pdf(tmp_path, ITEMS)
    assert layout.pages == 1 and layout.continued_on == {}
    assert not any(t.startswith("Page") for _page, _rect, t in paged)
    assert not any(t.startswith("+") for _page, _rect, t in paged)


def test_many_busy_days_take_as_many_pages_as_needed(qapp, tmp_path):
    items = []
    for offset, day in enumerate(date(2026, 11, d) for d in range(2, 28)):
        items += busy_day(24, day, first_id=1000 * (offset + 1))
    layout, paged = paint_pdf(tmp_path, items)
    assert layout.pages > 2
    drawn = [t for _page, _rect, t in paged]
    for item in items:
        assert drawn_once(drawn, item), item.title
    # each day's pointer names the page its list starts on, and the list is there
    heading_pages = {}
    for page, _rect, text in paged:
        if page > 1 and re.match(r"^[A-Z][a-z]+, \d\d November$", text):
            heading_pages.setdefault(int(text.split()[1]), page)
    for day, page in layout.continued_on.items():
        assert heading_pages[day.day] == page


def test_a_cell_without_room_still_points_to_its_items(qapp, tmp_path):
    # a quarter-size page: the cells have no line to spare below the day number
    writer_mm = 300 / 25.4
    small = QRectF(0, 0, 70 * writer_mm, 60 * writer_mm)
    items = busy_day(3)
    layout, paged = paint_pdf(tmp_path, items, page=small)
    assert layout.continued_on == {BUSY: 2}
    cell = layout.cells[BUSY]
    in_cell = [t for page, rect, t in paged if page == 1 and cell.contains(rect.center())]
    assert "+3, see page 2" in in_cell
    assert sum("Новость" in t for t in on_page(paged, 2)) == 3


def test_the_pdf_has_the_continuation_pages(qapp, tmp_path):
    target = tmp_path / "plan.pdf"
    save_month_plan_pdf(target, 2026, 11, ITEMS + busy_day(14), VLADIVOSTOK, printed_at=PRINTED)
    assert pdf_pages(target) == 2
    save_month_plan_pdf(target, 2026, 11, ITEMS, VLADIVOSTOK, printed_at=PRINTED)
    assert pdf_pages(target) == 1


def test_the_preview_prints_every_page(qapp, tmp_path):
    dialog = month_plan_preview(None, 2026, 11, busy_day(14), VLADIVOSTOK)
    try:
        printer = dialog.printer()
        output = tmp_path / "preview.pdf"
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(output))
        dialog.paintRequested.emit(printer)
        assert pdf_pages(output) == 2
    finally:
        dialog.deleteLater()
