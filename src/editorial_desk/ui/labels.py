"""Translated display texts for domain values (statuses, roles) and date formatting
in the office zone. The stored values stay English identifiers."""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QDateTime, QLocale, QTime

from editorial_desk.domain.statuses import Status

_STATUS_TEXT: dict[Status, str] = {
    Status.DRAFT: QT_TRANSLATE_NOOP("Status", "Draft"),
    Status.IN_REVIEW: QT_TRANSLATE_NOOP("Status", "In review"),
    Status.RETURNED: QT_TRANSLATE_NOOP("Status", "Returned"),
    Status.APPROVED: QT_TRANSLATE_NOOP("Status", "Approved"),
    Status.SCHEDULED: QT_TRANSLATE_NOOP("Status", "Scheduled"),
    Status.PUBLISHED: QT_TRANSLATE_NOOP("Status", "Published"),
    Status.TRASH: QT_TRANSLATE_NOOP("Status", "In trash"),
}

STATUS_ORDER: dict[Status, int] = {status: index for index, status in enumerate(Status)}


def status_label(status: Status) -> str:
    return QCoreApplication.translate("Status", _STATUS_TEXT[status])


def to_local_qdatetime(value: datetime, zone: tzinfo) -> QDateTime:
    """The wall-clock time of an aware datetime in `zone`, as a QDateTime for widgets."""
    local = value.astimezone(zone)
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))


def from_local_qdatetime(value: QDateTime, zone: tzinfo) -> datetime:
    """A wall-clock QDateTime meant in `zone` -> aware UTC (minute precision)."""
    date, time = value.date(), value.time()
    local = datetime(date.year(), date.month(), date.day(), time.hour(), time.minute(), tzinfo=zone)
    return local.astimezone(UTC)


def format_local(value: datetime | None, zone: tzinfo) -> str:
    """Short, locale-formatted local date and time; empty for None."""
    if value is None:
        return ""
    locale = QLocale()
    local = to_local_qdatetime(value, zone)
    if locale.language() == QLocale.Language.C:  # no locale configured: ISO, not "8 05 2024"
        return local.toString("yyyy-MM-dd HH:mm")
    return locale.toString(local, QLocale.FormatType.ShortFormat)


def _long_date_time_format(locale: QLocale) -> str:
    """The locale's long date without the weekday, then its short time:
    «27 ноября 2026 г., 14:30» in Russian, "November 27, 2026, 2:30 PM" in English."""
    date_format = locale.dateFormat(QLocale.FormatType.LongFormat)
    for weekday in ("dddd, ", "dddd "):
        date_format = date_format.replace(weekday, "")
    return f"{date_format}, {locale.timeFormat(QLocale.FormatType.ShortFormat)}"


def format_local_long(value: datetime | None, zone: tzinfo) -> str:
    """Long, locale-formatted local date and time (month name in the right case);
    empty for None."""
    if value is None:
        return ""
    locale = QLocale()
    local = to_local_qdatetime(value, zone)
    if locale.language() == QLocale.Language.C:
        return local.toString("yyyy-MM-dd HH:mm")
    return locale.toString(local, _long_date_time_format(locale))
