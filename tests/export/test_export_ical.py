"""The plan as .ics: parsed back with `icalendar`, one VEVENT per dated item with
the right UTC times, Russian text intact, and the Vladivostok day boundary."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

import editorial_desk
from editorial_desk.domain.article import ArticleSummary
from editorial_desk.domain.statuses import RUSSIAN_STATUS_NAMES, Status
from editorial_desk.export.ical import event_uid, plan_to_ics

VLADIVOSTOK = ZoneInfo("Asia/Vladivostok")
GENERATED = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def item(
    item_id: int,
    title: str,
    planned: datetime | None,
    status: Status = Status.APPROVED,
    rubric: str = "Город",
) -> ArticleSummary:
    return ArticleSummary(
        id=item_id,
        title=title,
        status=status,
        rubric=rubric,
        author_name="Анна Петрова",
        planned_at=planned,
        updated_at=datetime(2026, 2, 28, 8, 0, tzinfo=UTC),
        word_count=300,
    )


def parse(data: bytes) -> Calendar:
    return Calendar.from_ical(data)


def events(calendar: Calendar) -> list:
    return [c for c in calendar.walk("VEVENT")]


def test_one_event_per_dated_item_with_utc_times_and_russian_text():
    half_past_midnight = datetime(2026, 3, 10, 0, 30, tzinfo=VLADIVOSTOK)
    items = [
        item(2, "Мэр открыл сквер «Светланский» — с фонтаном", half_past_midnight),
        item(3, "Без даты", None),
        item(1, "Ремонт дорог, этап 2; объезды", datetime(2026, 3, 9, 8, 0, tzinfo=UTC),
             Status.SCHEDULED, "Транспорт"),
        item(4, "Без рубрики", datetime(2026, 3, 12, 9, 0, tzinfo=UTC), Status.DRAFT, ""),
    ]  # fmt: skip
    data = plan_to_ics(items, zone_name="Asia/Vladivostok", generated_at=GENERATED)
    calendar = parse(data)
    assert calendar["VERSION"] == "2.0"
    assert calendar["CALSCALE"] == "GREGORIAN"
    assert str(calendar["PRODID"]).startswith("-//Editorial Desk//")
    assert calendar["X-WR-CALNAME"] == "План публикаций"
    assert calendar["X-WR-TIMEZONE"] == "Asia/Vladivostok"
    found = events(calendar)
    assert [str(e["UID"]) for e in found] == [event_uid(1), event_uid(2), event_uid(4)]
    by_uid = {str(e["UID"]): e for e in found}

    night = by_uid["article-2@editorial-desk"]
    start = night.decoded("DTSTART")
    assert start == datetime(2026, 3, 9, 14, 30, tzinfo=UTC)
    assert start.utcoffset() == timedelta(0)
    assert start.astimezone(VLADIVOSTOK).date() == date(2026, 3, 10)  # the local day
    assert night.decoded("DTEND") - start == timedelta(minutes=30)
    assert night.decoded("DTSTAMP") == GENERATED
    assert str(night["SUMMARY"]) == "Мэр открыл сквер «Светланский» — с фонтаном"
    assert str(night["DESCRIPTION"]) == "Статус: Одобрена\nРубрика: Город\nАвтор: Анна Петрова"
    assert night["CATEGORIES"].cats == ["Город"]

    roads = by_uid["article-1@editorial-desk"]
    assert str(roads["SUMMARY"]) == "Ремонт дорог, этап 2; объезды"  # , and ; escaped
    assert str(roads["DESCRIPTION"]).startswith("Статус: Запланирована\nРубрика: Транспорт")

    bare = by_uid["article-4@editorial-desk"]
    assert "CATEGORIES" not in bare
    assert str(bare["DESCRIPTION"]) == "Статус: Черновик\nАвтор: Анна Петрова"


def test_the_raw_file_is_what_outlook_and_thunderbird_expect():
    long_title = " ".join(["Очень длинный заголовок новости о благоустройстве набережной"] * 3)
    data = plan_to_ics(
        [item(1, long_title, datetime(2026, 3, 9, 14, 30, tzinfo=UTC))],
        zone_name=None,
        generated_at=GENERATED,
    )
    text = data.decode("utf-8")
    lines = data.split(b"\r\n")
    assert data.endswith(b"\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")  # CRLF only
    assert all(len(line) <= 75 for line in lines)  # folded, in octets
    assert "DTSTART:20260309T143000Z" in text
    assert "DTEND:20260309T150000Z" in text
    assert "X-WR-TIMEZONE" not in text  # the system's zone has no name to give
    assert str(events(parse(data))[0]["SUMMARY"]) == long_title  # unfolded intact


def test_no_dated_items_is_an_empty_but_valid_calendar():
    data = plan_to_ics([item(1, "Без даты", None)], zone_name=None, generated_at=GENERATED)
    calendar = parse(data)
    assert events(calendar) == []
    assert calendar["VERSION"] == "2.0"


def test_the_same_plan_gives_the_same_bytes():
    items = [item(1, "Раз", datetime(2026, 3, 9, 14, 30, tzinfo=UTC))]
    first = plan_to_ics(items, zone_name="Europe/Moscow", generated_at=GENERATED)
    assert first == plan_to_ics(items, zone_name="Europe/Moscow", generated_at=GENERATED)


def test_a_custom_label_and_name_are_used():
    data = plan_to_ics(
        [item(1, "Раз", datetime(2026, 3, 9, 14, 30, tzinfo=UTC))],
        zone_name=None,
        generated_at=GENERATED,
        status_label=lambda status: status.value.upper(),
        calendar_name="Пресс-служба: март",
    )
    calendar = parse(data)
    assert calendar["X-WR-CALNAME"] == "Пресс-служба: март"
    assert str(events(calendar)[0]["DESCRIPTION"]).startswith("Статус: APPROVED")


def test_naive_times_are_refused():
    with pytest.raises(ValueError, match="naive"):
        plan_to_ics([item(1, "Раз", datetime(2026, 3, 9))], zone_name=None, generated_at=GENERATED)


def test_russian_status_names_match_the_ui_translation():
    """The exports' status names are the words the Russian UI shows."""
    ts = Path(editorial_desk.__file__).parent / "resources/translations/editorial_desk_ru.ts"
    ui_labels = Path(editorial_desk.__file__).parent / "ui/labels.py"
    translated = {
        message.findtext("source"): message.findtext("translation")
        for context in ET.parse(ts).getroot().iter("context")
        if context.findtext("name") == "Status"
        for message in context.iter("message")
    }
    source = ui_labels.read_text(encoding="utf-8")
    for status, russian in RUSSIAN_STATUS_NAMES.items():
        marker = f'Status.{status.name}: QT_TRANSLATE_NOOP("Status", "'
        english = source.split(marker, 1)[1].split('"', 1)[0]
        assert translated[english] == russian, status
    assert set(RUSSIAN_STATUS_NAMES) == set(Status)
