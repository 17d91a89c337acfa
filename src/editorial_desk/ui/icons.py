"""Icons that cost nothing at start-up: the desktop theme when there is one, Qt's
built-in standard icons otherwise, and an application icon painted in code (so the
first paint needs no image plug-in). qtawesome can be added later, imported lazily."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

APP_ICON_FILE = (
    Path(__file__).resolve().parent.parent / "resources" / "icons" / "editorial-desk.png"
)


def themed_icon(theme_name: str | None, fallback: str | None) -> QIcon:
    """`theme_name` from the freedesktop icon theme if present, else the QStyle
    standard pixmap named `fallback` (e.g. "SP_DialogSaveButton")."""
    if theme_name and QIcon.hasThemeIcon(theme_name):
        return QIcon.fromTheme(theme_name)
    if fallback:
        style = QApplication.style()
        return style.standardIcon(getattr(QStyle.StandardPixmap, fallback))
    return QIcon()


def _paint_app_pixmap(size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    unit = size / 16.0
    # a blue tile ...
    tile = QPainterPath()
    tile.addRoundedRect(QRectF(0.5 * unit, 0.5 * unit, 15 * unit, 15 * unit), 3 * unit, 3 * unit)
    painter.fillPath(tile, QColor("#1f5fa8"))
    # ... with a white page ...
    page = QRectF(4 * unit, 2.5 * unit, 8 * unit, 11 * unit)
    painter.fillRect(page, QColor("#ffffff"))
    # ... carrying a headline and lines of text
    painter.fillRect(QRectF(5 * unit, 4 * unit, 6 * unit, 1.4 * unit), QColor("#1f5fa8"))
    pen = QPen(QColor("#7d8ea3"))
    pen.setWidthF(max(1.0, 0.7 * unit))
    painter.setPen(pen)
    for row in range(4):
        y = (7 + row * 1.6) * unit
        painter.drawLine(int(5 * unit), int(y), int((11 if row < 3 else 9) * unit), int(y))
    painter.end()
    return pixmap


def app_icon() -> QIcon:
    """The window icon: the packaged file if a later issue ships one, else drawn."""
    if APP_ICON_FILE.is_file():
        icon = QIcon(str(APP_ICON_FILE))
        if not icon.isNull():
            return icon
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        icon.addPixmap(_paint_app_pixmap(size))
    return icon


def calendar_icon() -> QIcon:
    """The theme's calendar icon, else a small month sheet drawn in code: Qt's
    standard pixmaps have no calendar, and the icon font costs ~25 MiB and 0.15 s
    at start-up, which the toolbar must not pay."""
    if QIcon.hasThemeIcon("x-office-calendar"):
        return QIcon.fromTheme("x-office-calendar")
    icon = QIcon()
    for size in (16, 24, 32, 48):
        icon.addPixmap(_paint_calendar_pixmap(size))
    return icon


def _paint_calendar_pixmap(size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    unit = size / 16.0
    sheet = QRectF(1.5 * unit, 2.5 * unit, 13 * unit, 12 * unit)
    painter.setPen(QPen(QColor("#4a5568"), max(1.0, 0.8 * unit)))
    painter.setBrush(QColor("#ffffff"))
    painter.drawRoundedRect(sheet, 1.5 * unit, 1.5 * unit)
    painter.fillRect(QRectF(2 * unit, 3 * unit, 12 * unit, 3 * unit), QColor("#1f5fa8"))
    for ring_x in (5, 11):  # the binding rings
        painter.fillRect(
            QRectF((ring_x - 0.5) * unit, 1 * unit, 1 * unit, 3 * unit), QColor("#4a5568")
        )
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#7d8ea3"))
    for row in range(3):  # days
        for column in range(4):
            painter.drawRect(
                QRectF(
                    (3.2 + column * 2.6) * unit, (7.5 + row * 2.2) * unit, 1.6 * unit, 1.4 * unit
                )
            )
    painter.end()
    return pixmap
