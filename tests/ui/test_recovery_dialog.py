"""The start-up offer to restore unsaved work (real dialog, real buttons)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QMessageBox

from editorial_desk.store.recovery import RecoveryEntry, RecoveryJournal
from editorial_desk.ui.recovery_dialog import RecoveryChoice, RecoveryDialog, apply_choice

MOSCOW = ZoneInfo("Europe/Moscow")


def _entry(key: str, article_id: int | None, title: str, saved_at: str) -> RecoveryEntry:
    return RecoveryEntry(
        key=key,
        article_id=article_id,
        base_version=2 if article_id else None,
        title=title,
        lead="",
        body="<p>Текст</p>",
        rubric="",
        planned_at=None,
        saved_at=saved_at,
    )


ENTRIES = (
    _entry("article-7", 7, "Ремонт моста", "2026-11-27T11:30:00+00:00"),
    _entry("new-ab", None, "  ", "2026-11-27T11:45:00+00:00"),
)


@pytest.fixture
def russian_locale():
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Russian, QLocale.Country.Russia))
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def dialog(qtbot, russian_locale) -> RecoveryDialog:
    widget = RecoveryDialog(ENTRIES, MOSCOW)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_lists_every_entry_with_its_time_and_kind(dialog):
    rows = dialog.rows()
    assert len(rows) == 2
    assert rows[0].startswith("Ремонт моста\n")
    # Moscow time; Qt puts a narrow no-break space before «г.»
    assert "27 ноября 2026\u202fг., 14:30" in rows[0]
    assert "changes to a saved article" in rows[0]
    assert rows[1].startswith("Untitled\n")
    assert "27 ноября 2026\u202fг., 14:45" in rows[1] and "new article" in rows[1]
    assert dialog.list.item(0).data(Qt.ItemDataRole.UserRole) == "article-7"
    assert dialog.choice() is RecoveryChoice.LATER


def test_restore_all(qtbot, dialog):
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.choice() is RecoveryChoice.RESTORE
    assert not dialog.isVisible()


def test_discard_asks_first_and_cancel_keeps_the_dialog(qtbot, dialog, message_boxes):
    message_boxes.answers.append(QMessageBox.StandardButton.Cancel)
    qtbot.mouseClick(dialog.discard_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.choice() is RecoveryChoice.LATER
    assert "Articles: 2." in message_boxes.shown[-1][2]
    message_boxes.answers.append(QMessageBox.StandardButton.Discard)
    qtbot.mouseClick(dialog.discard_button, Qt.MouseButton.LeftButton)
    assert dialog.choice() is RecoveryChoice.DISCARD
    assert not dialog.isVisible()


def test_later_and_escape_keep_the_journal(qtbot, dialog):
    qtbot.mouseClick(dialog.later_button, Qt.MouseButton.LeftButton)
    assert dialog.choice() is RecoveryChoice.LATER
    dialog.show()
    dialog._choice = RecoveryChoice.RESTORE  # a previous answer must not stick
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.choice() is RecoveryChoice.LATER and not dialog.isVisible()


def test_apply_choice_to_the_journal(tmp_path):
    journal = RecoveryJournal(tmp_path)
    for entry in ENTRIES:
        journal.write(entry)
    entries = journal.entries()
    assert apply_choice(RecoveryChoice.LATER, journal, entries) == []
    assert len(journal.entries()) == 2
    assert apply_choice(RecoveryChoice.RESTORE, journal, entries) == entries
    assert len(journal.entries()) == 2  # the restored tabs' autosave keeps them current
    assert apply_choice(RecoveryChoice.DISCARD, journal, entries) == []
    assert journal.entries() == []
