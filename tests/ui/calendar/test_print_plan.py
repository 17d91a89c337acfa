"""The printed month plan: every item in its local day's cell, a «+N more» line
when a day overflows, a title with the month in the right case, a grid that
reads in black and white, and a valid one-page landscape PDF."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale, QRectF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

from editorial_desk.domain.article import ArticleSummary
from editorial_desk.domain.statuses import Status
from editorial_desk.ui.calendar.print_plan import (
    month_plan_preview,
    month_plan_title,
    paint_month_plan,
    print_month_plan,
    render_month_plan,
    save_month_plan_pdf,
)

VLADIVOSTOK = ZoneInfo("Asia/Vladivostok")
RUSSIAN = QLocale(QLocale.Language.Russian, QLocale.Country.Russia)
PRINTED = datetime(2026, 11, 27, 0, 15, tzinfo=UTC)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    local = datetime(day.year, day.month, day.day, hour, minute, tzinfo=VLADIVOSTOK)
    return local.astimezone(UTC)


def summary(item_id: int, planned_at: datetime, title: str, status=Status.SCHEDULED):
    return ArticleSummary(
        id=item_id,
        title=title,
        status=status,
        rubric="Город",
        author_name="Анна Петрова",
        planned_at=planned_at,
        updated_at=datetime(2026, 11, 1, tzinfo=UTC),
        word_count=100,
    )


ITEMS = [
    summary(1, at(date(2026, 11, 27), 0, 30), "Ночной рейс"),  # 26 Nov in UTC
    summary(2, at(date(2026, 11, 3), 10), "Субботник", Status.APPROVED),
    summary(3, at(date(2026, 11, 3), 14), "Приём граждан", Status.DRAFT),
    summary(4, at(date(2026, 11, 30), 9), "Итоги месяца", Status.IN_REVIEW),
    summary(5, at(date(2026, 10, 29), 9), "Октябрь виден", Status.PUBLISHED),  # grey day
    summary(6, at(date(2026, 11, 10), 9), "Удалённая новость", Status.TRASH),
]


class RecordingPainter(QPainter):
    """A real painter that also remembers every text it draws, and where."""

    def __init__(self, device):
        super().__init__(device)
        self.texts: list[tuple[QRectF, str]] = []

    def drawText(self, *args):
        self.texts.append((QRectF(args[0]), args[-1]))
        super().drawText(*args)


@pytest.fixture
def russian(qapp):
    previous = QLocale()
    QLocale.setDefault(RUSSIAN)
    yield
    QLocale.setDefault(previous)


def a4_image(dpi: int = 100) -> QImage:
    image = QImage(round(297 / 25.4 * dpi), round(210 / 25.4 * dpi), QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    image.fill(Qt.GlobalColor.white)
    return image


def record(items, year=2026, month=11):
    image = a4_image()
    painter = RecordingPainter(image)
    page = QRectF(image.rect()).adjusted(30, 30, -30, -30)
    layout = paint_month_plan(
        painter, page, year, month, items, VLADIVOSTOK, "План", printed_at=PRINTED
    )
    painter.end()
    return layout, painter.texts, image


def cell_texts(layout, texts, day: date) -> list[str]:
    cell = layout.cells[day]
    return [text for rect, text in texts if cell.contains(rect.center())]


def test_title_names_the_month_in_the_nominative(russian):
    title = month_plan_title(2026, 11)
    assert "ноябрь 2026" in title and "ноября" not in title
    assert "май 2026" in month_plan_title(2026, 5)


def test_every_item_is_drawn_in_its_local_days_cell(qapp):
    layout, texts, _image = record(ITEMS)
    assert len(layout.cells) == 42
    assert min(layout.cells) == date(2026, 10, 26)  # the Monday before 1 November
    friday = cell_texts(layout, texts, date(2026, 11, 27))
    assert any("00:30" in t and "Ночной рейс" in t for t in friday), friday
    assert not any("Ночной рейс" in t for t in cell_texts(layout, texts, date(2026, 11, 26)))
    third = " ".join(cell_texts(layout, texts, date(2026, 11, 3)))
    assert third.index("10:00 Субботник") < third.index("14:00 Приём граждан")
    assert any("Итоги месяца" in t for t in cell_texts(layout, texts, date(2026, 11, 30)))
    assert any("Октябрь виден" in t for t in cell_texts(layout, texts, date(2026, 10, 29)))
    # day numbers: 27 in its cell; the title and the footer are drawn
    assert "27" in friday
    drawn = [text for _rect, text in texts]
    assert "План" in drawn
    assert any(text.startswith(("Printed", "Напечатано")) for text in drawn)


def test_trashed_items_are_not_on_the_plan(qapp):
    _layout, texts, _image = record(ITEMS)
    assert not any("Удалённая" in text for _rect, text in texts)


def test_an_overflowing_day_ends_with_how_many_more(qapp):
    day = date(2026, 11, 18)
    crowded = [summary(100 + n, at(day, 8, n), f"Новость {n:02d}") for n in range(30)]
    layout, texts, _image = record(crowded)
    lines = cell_texts(layout, texts, day)
    shown = [line for line in lines if "Новость" in line]
    [more] = [line for line in lines if line.startswith("+")]
    assert 0 < len(shown) < 30
    assert re.fullmatch(r"\+(\d+) (more|ещё)", more)
    assert int(more[1:].split()[0]) == 30 - len(shown)
    # and nothing spills below the cell
    cell = layout.cells[day]
    for rect, text in texts:
        if cell.contains(rect.center()):
            assert rect.bottom() <= cell.bottom() + 0.5, text


def test_weekday_headers_start_on_monday_in_russian(russian):
    _layout, texts, _image = record([])
    drawn = [text for _rect, text in texts]
    assert drawn[1:8] == [
        "Понедельник",
        "Вторник",
        "Среда",
        "Четверг",
        "Пятница",
        "Суббота",
        "Воскресенье",
    ]


def test_the_grid_is_drawn_in_black_and_days_outside_the_month_are_grey(qapp):
    image = a4_image()
    layout = render_month_plan(image, 2026, 11, [], VLADIVOSTOK, printed_at=PRINTED)

    def dark(x: float, y: float) -> bool:
        return any(image.pixelColor(round(x) + dx, round(y)).lightness() < 160 for dx in (-1, 0, 1))

    def dark_row(x: float, y: float) -> bool:
        return any(image.pixelColor(round(x), round(y) + dy).lightness() < 160 for dy in (-1, 0, 1))

    for day, cell in layout.cells.items():
        mid_y = cell.top() + cell.height() * 0.7
        mid_x = cell.left() + cell.width() * 0.7
        assert dark(cell.left(), mid_y) and dark(cell.right(), mid_y), day
        assert dark_row(mid_x, cell.top()) and dark_row(mid_x, cell.bottom()), day
        inside = image.pixelColor(round(mid_x), round(mid_y))
        if day.month == 11:
            assert inside.lightness() == 255, day
        else:
            assert 200 < inside.lightness() < 255, day


def test_pdf_is_one_landscape_page(tmp_path):
    target = tmp_path / "план-ноябрь.pdf"
    written = save_month_plan_pdf(target, 2026, 11, ITEMS, VLADIVOSTOK, printed_at=PRINTED)
    assert written == target
    data = target.read_bytes()
    assert data.startswith(b"%PDF-")
    assert b"%%EOF" in data[-64:]
    assert len(data) > 5_000
    assert len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data)) == 1
    [box] = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
    width, height = (float(v) for v in box)
    assert abs(width - 842) < 2 and abs(height - 595) < 2  # A4 landscape, in points
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary left


def test_pdf_into_a_missing_folder_fails_cleanly(tmp_path):
    with pytest.raises(OSError):
        save_month_plan_pdf(tmp_path / "нет" / "plan.pdf", 2026, 11, ITEMS, VLADIVOSTOK)
    assert list(tmp_path.iterdir()) == []


def test_the_preview_prints_landscape_a4(qapp, tmp_path):
    dialog = month_plan_preview(None, 2026, 11, ITEMS, VLADIVOSTOK)
    try:
        printer = dialog.printer()
        layout = printer.pageLayout()
        assert layout.orientation() == QPageLayout.Orientation.Landscape
        assert layout.pageSize().id() == layout.pageSize().PageSizeId.A4
        # what the preview paints is the plan: print it to a PDF through the same signal
        output = tmp_path / "preview.pdf"
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(output))
        dialog.paintRequested.emit(printer)
        assert output.read_bytes().startswith(b"%PDF-")
    finally:
        dialog.deleteLater()


def test_print_month_plan_opens_the_preview(qapp, monkeypatch):
    shown = []

    def fake_exec(dialog: QPrintPreviewDialog) -> int:
        shown.append((dialog.windowTitle(), dialog.printer().pageLayout().orientation()))
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", fake_exec)
    print_month_plan(None, 2026, 11, ITEMS, VLADIVOSTOK, "План на ноябрь")
    assert shown == [("План на ноябрь", QPageLayout.Orientation.Landscape)]
