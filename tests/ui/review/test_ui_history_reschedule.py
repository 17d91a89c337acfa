"""Calendar moves in the History tab: a real move through `services.calendar`
on a real store, shown as a sentence with both times in the panel's zone (not the
stored "rescheduled: <ISO> -> <ISO>" string), and the status column naming the
status once as a date change rather than «Черновик → Черновик»."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale, QTranslator

from editorial_desk.domain.review import RescheduleNote
from editorial_desk.ui.app import install_translators
from editorial_desk.ui.review.history_models import AuditColumn
from editorial_desk.ui.review.history_panel import HistoryPanel
from editorial_desk.ui.review.labels import audit_reason_text

VLADIVOSTOK = ZoneInfo("Asia/Vladivostok")  # UTC+10, no DST
MOSCOW = ZoneInfo("Europe/Moscow")  # UTC+3
RUSSIAN = QLocale(QLocale.Language.Russian, QLocale.Country.Russia)
# 08:00 on 5 December in Vladivostok is 22:00 on 4 December in UTC.
PLANNED = datetime(2026, 12, 4, 22, 0, tzinfo=UTC)
NNBSP = "\u202f"  # Qt's Russian long date: «5 декабря 2026 г.» with a narrow space


class DictTranslator(QTranslator):
    """This change's new strings until the lead puts them in the .ts file; anything
    else falls through to the real translations installed before it."""

    def __init__(self, texts: dict[tuple[str, str], str]):
        super().__init__()
        self._texts = texts

    def translate(self, context, source, disambiguation=None, n=-1):
        return self._texts.get((context, source), "")

    def isEmpty(self) -> bool:
        return False


NEW_STRINGS = {
    ("AuditReason", "Moved from {old} to {new}"): "Перенесена с {old} на {new}",
    ("AuditReason", "Planned for {new}"): "Запланирована на {new}",
    ("AuditReason", "Publication date removed (was {old})"): "Дата публикации снята (была {old})",
    ("HistoryModels", "{status}, date moved"): "{status}, перенос даты",
    ("Status", "Draft"): "Черновик",
}


@pytest.fixture
def russian(qapp):
    previous = QLocale()
    QLocale.setDefault(RUSSIAN)
    translators = install_translators(qapp, RUSSIAN)
    ours = DictTranslator(NEW_STRINGS)
    qapp.installTranslator(ours)
    yield
    qapp.removeTranslator(ours)
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(previous)


@pytest.fixture
def english(qapp):
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(previous)


def moved_article(store, team, make_article):
    """An article planned for 08:00 on 5 December (Vladivostok), dragged to the 7th,
    then taken off the plan, then planned again from the tray: three audit rows."""
    from editorial_desk.services.calendar import move_to_day, set_planned_at

    article = make_article("Ёлка на площади", planned_at=PLANNED)
    with store.session() as session:
        moved = move_to_day(session, team.editor, article.id, date(2026, 12, 7), VLADIVOSTOK)
        assert moved.changed
        set_planned_at(session, team.editor, article.id, None)
        move_to_day(session, team.editor, article.id, date(2026, 12, 10), VLADIVOSTOK)
    return article


def reschedule_rows(panel: HistoryPanel) -> list[tuple[str, str]]:
    model = panel.audit
    rows = []
    for row in range(model.rowCount()):
        if RescheduleNote.parse(model.entry(row).reason) is not None:
            rows.append(
                (
                    model.index(row, AuditColumn.CHANGE).data(),
                    model.index(row, AuditColumn.REASON).data(),
                )
            )
    return rows


def test_a_calendar_move_reads_in_russian_in_the_office_zone(
    qtbot, russian, store, team, ops_for, make_article
):
    article = moved_article(store, team, make_article)
    panel = HistoryPanel()
    qtbot.addWidget(panel)
    panel.attach(ops_for(team.editor))
    panel.set_zone(VLADIVOSTOK)
    panel.set_article(article)
    panel.show()

    g = f"{NNBSP}г."
    assert reschedule_rows(panel) == [
        (
            "Черновик, перенос даты",
            f"Перенесена с 5 декабря 2026{g}, 08:00 на 7 декабря 2026{g}, 08:00",
        ),
        ("Черновик, перенос даты", f"Дата публикации снята (была 7 декабря 2026{g}, 08:00)"),
        ("Черновик, перенос даты", f"Запланирована на 10 декабря 2026{g}, 10:00"),
    ]
    # The raw machine string is shown nowhere in the table.
    texts = [
        str(panel.audit.index(r, c).data(role))
        for r in range(panel.audit.rowCount())
        for c in AuditColumn
        for role in (0, 3)  # display, tooltip
    ]
    assert not [t for t in texts if "rescheduled" in t or "→ Черновик" in t]

    # Another office zone re-renders the same rows: in Moscow the first move was
    # from 01:00 on the 5th to 01:00 on the 7th (22:00 UTC the day before).
    panel.set_zone(MOSCOW)
    first_reason = reschedule_rows(panel)[0][1]
    assert first_reason == f"Перенесена с 5 декабря 2026{g}, 01:00 на 7 декабря 2026{g}, 01:00"


def test_the_english_source_texts_and_other_reasons_are_unchanged(
    qtbot, english, store, team, ops_for, make_article
):
    article = moved_article(store, team, make_article)
    panel = HistoryPanel()
    qtbot.addWidget(panel)
    panel.attach(ops_for(team.editor))
    panel.set_zone(VLADIVOSTOK)
    panel.set_article(article)

    changes = [change for change, _reason in reschedule_rows(panel)]
    reasons = [reason for _change, reason in reschedule_rows(panel)]
    assert changes == ["Draft, date moved"] * 3
    assert (
        reasons[0].startswith("Moved from December 5, 2026, 8:00")
        and " to December 7" in (reasons[0])
    )
    assert reasons[1].startswith("Publication date removed (was December 7, 2026, 8:00")
    assert reasons[2].startswith("Planned for December 10, 2026, 10:00")
    # The creation row is untouched.
    assert panel.audit.index(0, AuditColumn.CHANGE).data() == "created: Draft"


def test_reasons_that_only_look_like_a_move_are_shown_as_typed(qapp):
    assert audit_reason_text("rescheduled: someday -> never", UTC) == (
        "rescheduled: someday -> never"
    )
    assert audit_reason_text("rescheduled", UTC) == "rescheduled"
    note = RescheduleNote(PLANNED, None).reason()
    assert audit_reason_text(note, VLADIVOSTOK).startswith("Publication date removed (was ")
