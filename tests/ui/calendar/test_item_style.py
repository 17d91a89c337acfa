"""How one calendar item looks: status colours and markers that tell the statuses
apart for everyone, the local time, the painted line and the tooltip."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from itertools import combinations
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter

from editorial_desk.domain.article import ArticleSummary
from editorial_desk.domain.statuses import Status
from editorial_desk.ui.calendar.item_style import (
    ItemTexts,
    item_time_text,
    item_tooltip,
    paint_item,
    paint_status_marker,
    status_colour,
    status_icon,
)

VLADIVOSTOK = ZoneInfo("Asia/Vladivostok")


def summary(
    title: str = "Субботник в парке",
    status: Status = Status.APPROVED,
    planned_at: datetime | None = datetime(2026, 11, 26, 14, 30, tzinfo=UTC),
    item_id: int = 1,
) -> ArticleSummary:
    return ArticleSummary(
        id=item_id,
        title=title,
        status=status,
        rubric="Город",
        author_name="Анна Петрова",
        planned_at=planned_at,
        updated_at=datetime(2026, 11, 20, tzinfo=UTC),
        word_count=120,
    )


class RecordingPainter(QPainter):
    """A real painter that also remembers every text it draws."""

    def __init__(self, device):
        super().__init__(device)
        self.texts: list[str] = []

    def drawText(self, *args):
        self.texts.append(args[-1])
        super().drawText(*args)

    def drawStaticText(self, *args):
        self.texts.append(args[-1].text())
        super().drawStaticText(*args)


def _linear(channel: float) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _luminance(colour: QColor) -> float:
    r, g, b = (_linear(v) for v in (colour.red(), colour.green(), colour.blue()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


# Viénot, Brettel & Mollon (1999) dichromat simulation in linear RGB.
_SIMULATIONS = {
    "protanopia": ((0.11238, 0.88762, 0.0), (0.11238, 0.88762, 0.0), (0.00401, -0.00401, 1.0)),
    "deuteranopia": ((0.29275, 0.70725, 0.0), (0.29275, 0.70725, 0.0), (-0.02234, 0.02234, 1.0)),
}


def _simulated(colour: QColor, matrix) -> tuple[float, ...]:
    rgb = [_linear(v) for v in (colour.red(), colour.green(), colour.blue())]
    return tuple(sum(m * c for m, c in zip(row, rgb, strict=True)) for row in matrix)


def test_every_status_colour_stands_out_on_white():
    for status in Status:
        ratio = 1.05 / (_luminance(status_colour(status)) + 0.05)
        assert ratio >= 3.0, (status, ratio)


@pytest.mark.parametrize("deficiency", sorted(_SIMULATIONS))
def test_active_statuses_stay_apart_for_colour_blind_eyes(deficiency):
    """The statuses that matter on the plan (not the two greys) differ in colour
    even as a protanope or deuteranope sees them; shapes tell the rest."""
    active = [s for s in Status if s not in (Status.DRAFT, Status.TRASH)]
    matrix = _SIMULATIONS[deficiency]
    for first, second in combinations(active, 2):
        a = _simulated(status_colour(first), matrix)
        b = _simulated(status_colour(second), matrix)
        distance = sum((x - y) ** 2 for x, y in zip(a, b, strict=True)) ** 0.5
        assert distance > 0.045, (deficiency, first, second, distance)


def _marker_image(status: Status, colour: QColor | None = None) -> QImage:
    image = QImage(24, 24, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    paint_status_marker(painter, QRect(2, 2, 20, 20), status, colour)
    painter.end()
    return image


def test_markers_differ_by_shape_in_black_and_white(qapp):
    """Printed in black, every status still has its own shape."""
    black = QColor("black")
    images = {status: _marker_image(status, black) for status in Status}
    for first, second in combinations(Status, 2):
        assert images[first] != images[second], (first, second)


def test_status_icons_are_painted_for_every_status(qapp):
    for status in Status:
        icon = status_icon(status)
        assert not icon.isNull()
        image = icon.pixmap(16, 16).toImage()
        centre_ish = {
            image.pixelColor(x, y).rgb()
            for x in range(16)
            for y in range(16)
            if image.pixelColor(x, y).alpha() > 200
        }
        # the marker is drawn in its status colour
        assert status_colour(status).rgb() in centre_ish, status


def test_item_time_is_the_local_wall_clock():
    # 14:30 UTC on the 26th is 00:30 on the 27th in Vladivostok (UTC+10)
    item = summary(planned_at=datetime(2026, 11, 26, 14, 30, tzinfo=UTC))
    assert item_time_text(item, VLADIVOSTOK) == "00:30"
    assert item_time_text(item, UTC) == "14:30"
    assert item_time_text(summary(planned_at=None), VLADIVOSTOK) == ""


def _paint(
    item: ArticleSummary, rect: QRect, *, selected: bool = False, texts: ItemTexts | None = None
):
    image = QImage(300, 40, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = RecordingPainter(image)
    font = QFont()
    font.setPixelSize(12)
    painter.setFont(font)
    paint_item(
        painter,
        rect,
        item,
        VLADIVOSTOK,
        selected=selected,
        font_metrics=QFontMetrics(font),
        texts=texts.use_font(font) if texts is not None else None,
    )
    painter.end()
    return image, painter.texts


def test_paint_item_draws_the_bar_time_and_title_inside_its_rect(qapp):
    item = summary(status=Status.SCHEDULED)
    rect = QRect(10, 5, 280, 20)
    image, texts = _paint(item, rect)
    assert texts == ["00:30", "Субботник в парке"]
    assert image.pixelColor(11, 15).rgb() == status_colour(Status.SCHEDULED).rgb()
    # nothing outside its rect
    for x in range(300):
        assert image.pixelColor(x, 2).rgb() == QColor("white").rgb()
        assert image.pixelColor(x, 30).rgb() == QColor("white").rgb()
    for y in range(40):
        assert image.pixelColor(5, y).rgb() == QColor("white").rgb()


def test_a_long_title_is_elided_and_a_narrow_cell_drops_the_time(qapp):
    long_title = "Глава города открыл новую школу на улице Светланской " * 3
    _image, texts = _paint(summary(title=long_title), QRect(0, 0, 200, 20))
    assert texts[0] == "00:30"
    assert texts[1].endswith("…") and len(texts[1]) < len(long_title)
    _image, texts = _paint(summary(title=long_title), QRect(0, 0, 60, 20))
    assert len(texts) == 1 and texts[0] != "00:30"


@pytest.mark.parametrize("selected", [False, True])
def test_the_text_cache_paints_the_same_pixels(qapp, selected):
    """First paint: the elided title drawn as text; from the second on a
    QStaticText. Both must look exactly like painting without the cache."""
    item = summary(title="Глава города открыл новую школу на улице Светланской " * 2)
    rect = QRect(10, 5, 220, 20)
    plain, plain_texts = _paint(item, rect, selected=selected)
    texts = ItemTexts()
    first, first_texts = _paint(item, rect, selected=selected, texts=texts)
    second, second_texts = _paint(item, rect, selected=selected, texts=texts)
    assert plain_texts == first_texts == second_texts
    assert plain_texts[1].endswith("…")
    assert first == plain and second == plain


def test_item_texts_elide_once_then_keep_a_static_text(qapp):
    font = QFont()
    font.setPixelSize(12)
    metrics = QFontMetrics(font)
    texts = ItemTexts(limit=2).use_font(font)
    title = "<b>Мэр</b> открыл сквер на улице Светланской и пообещал ещё два"
    first = texts.title(title, 120, metrics)
    assert first == metrics.elidedText(title, Qt.TextElideMode.ElideRight, 120)
    second = texts.title(title, 120, metrics)
    assert second.text() == first  # a QStaticText of the same elided text...
    assert second.textFormat() == Qt.TextFormat.PlainText  # ...never read as markup
    assert texts.title(title, 120, metrics) is second
    assert texts.title(title, 200, metrics) != first  # another width, another text
    static, width = texts.time("09:30", metrics)
    assert static.text() == "09:30" and width == metrics.horizontalAdvance("09:30")
    # the limit: the oldest title goes first
    texts.title("Третий заголовок", 120, metrics)
    assert len(texts) == 2
    assert isinstance(texts.title(title, 120, metrics), str)  # forgotten: elided again
    # another font starts afresh (widths in one font mean nothing in another)
    bigger = QFont(font)
    bigger.setPixelSize(20)
    assert len(texts.use_font(bigger)) == 0
    assert len(texts.use_font(bigger)) == 0 and texts.use_font(font) is texts


def test_a_line_lower_than_the_font_clips_the_texts(qapp):
    image, texts = _paint(summary(), QRect(10, 10, 280, 6))
    assert texts == ["00:30", "Субботник в парке"]
    for x in range(300):  # nothing drawn above or below the 6 px line
        assert image.pixelColor(x, 8).rgb() == QColor("white").rgb()
        assert image.pixelColor(x, 17).rgb() == QColor("white").rgb()


def test_a_selected_item_uses_the_highlight(qapp):
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    highlight = QApplication.palette().color(QPalette.ColorRole.Highlight)
    image, _texts = _paint(summary(), QRect(0, 0, 280, 20), selected=True)
    assert image.pixelColor(270, 1).rgb() == highlight.rgb()


def test_painting_a_full_month_of_items_is_fast(qapp):
    """The month grid repaints every visible item: 42 days × 5 lines (more than a
    month view shows) must leave room in one 16 ms frame for the grid itself
    (about 6 ms measured on the development machine)."""
    items = [summary(title=f"Новость номер {n} о жизни города", item_id=n) for n in range(210)]
    image = QImage(1200, 800, QImage.Format.Format_ARGB32)
    font = QFont()
    metrics = QFontMetrics(font)
    painter = QPainter(image)
    painter.setFont(font)
    best = float("inf")
    for _ in range(7):
        started = time.perf_counter()
        for n, item in enumerate(items):
            rect = QRect((n % 7) * 170, (n // 7) * 18, 166, 17)
            paint_item(painter, rect, item, VLADIVOSTOK, selected=False, font_metrics=metrics)
        best = min(best, time.perf_counter() - started)
    painter.end()
    assert best < 0.012, f"{best * 1000:.1f} ms"


def test_tooltip_names_everything_and_escapes_the_title(qapp):
    item = summary(title="<b>Мэр</b> & дети")
    tip = item_tooltip(item, VLADIVOSTOK)
    assert "&lt;b&gt;Мэр&lt;/b&gt; &amp; дети" in tip
    assert "Город" in tip and "Анна Петрова" in tip
    assert "Approved" in tip or "Одобрена" in tip
    assert "00:30" in tip
    assert "27" in tip  # the local day, not the UTC one
    assert "Not scheduled" in item_tooltip(summary(planned_at=None), VLADIVOSTOK)


def test_elide_lines_wraps_and_ends_with_an_ellipsis(qapp):
    from editorial_desk.ui.calendar.item_style import elide_lines

    font = QFont()
    font.setPixelSize(12)
    metrics = QFontMetrics(font)
    title = "Глава города открыл новую школу на улице Светланской в четверг утром"
    width = metrics.horizontalAdvance("Глава города открыл")
    two = elide_lines(title, metrics, width, 2).split("\n")
    assert len(two) == 2
    assert two[0] == "Глава города открыл"
    assert two[1].endswith("…") and metrics.horizontalAdvance(two[1]) <= width
    assert elide_lines("Коротко", metrics, width, 3) == "Коротко"
    assert elide_lines(title, metrics, 0, 2) == ""


def test_elide_lines_breaks_a_word_longer_than_the_line(qapp):
    from editorial_desk.ui.calendar.item_style import elide_lines

    font = QFont()
    font.setPixelSize(12)
    metrics = QFontMetrics(font)
    width = metrics.horizontalAdvance("Городск")
    lines = elide_lines("Городская ёлка", metrics, width, 3).split("\n")
    assert all(metrics.horizontalAdvance(line) <= width for line in lines), lines
    assert "".join(lines).replace("…", "").startswith("Городская")
