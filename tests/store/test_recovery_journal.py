"""The recovery journal keeps unsaved edits on disk, atomically."""

from __future__ import annotations

import os

from editorial_desk.store.recovery import RecoveryEntry, RecoveryJournal, journal_folder, now_iso


def _entry(key: str = "article-7", body: str = "<p>Несохранённый текст</p>") -> RecoveryEntry:
    return RecoveryEntry(
        key=key,
        article_id=7,
        base_version=3,
        title="Заголовок",
        lead="Лид",
        body=body,
        rubric="Город",
        planned_at="2026-12-01T10:00:00+03:00",
        saved_at=now_iso(),
    )


def test_write_read_replace_discard(tmp_path):
    journal = RecoveryJournal(tmp_path / "j")
    journal.write(_entry())
    journal.write(_entry(body="<p>Новее</p>"))
    journal.write(_entry(key="new-abc"))
    entries = {e.key: e for e in journal.entries()}
    assert set(entries) == {"article-7", "new-abc"}
    assert entries["article-7"].body == "<p>Новее</p>"
    assert entries["article-7"].planned_datetime.utcoffset().total_seconds() == 3 * 3600
    journal.discard("article-7")
    journal.discard("article-7")  # twice is fine
    assert [e.key for e in journal.entries()] == ["new-abc"]
    assert not [p for p in os.listdir(tmp_path / "j") if p.endswith(".part")]


def test_damaged_entry_is_skipped_not_fatal(tmp_path):
    journal = RecoveryJournal(tmp_path)
    journal.write(_entry())
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    assert [e.key for e in journal.entries()] == ["article-7"]
    assert (tmp_path / "broken.json").exists()


def test_each_database_has_its_own_folder(isolated_user_dirs):
    first = journal_folder("/data/a.sqlite3")
    assert first != journal_folder("/data/b.sqlite3")
    assert str(first).startswith(str(isolated_user_dirs / "state"))


def test_tags_round_trip_as_a_tuple(tmp_path):
    from dataclasses import replace

    journal = RecoveryJournal(tmp_path)
    journal.write(replace(_entry(), tags=("парки", "благоустройство")))
    (entry,) = journal.entries()
    assert entry.tags == ("парки", "благоустройство")
    assert not entry.is_new
    assert entry.saved_datetime.tzinfo is not None


def test_entry_of_an_older_journal_version_is_still_read(tmp_path):
    import json

    old = {
        "journal_version": 1,
        "key": "new-1a2b",
        "article_id": None,
        "base_version": None,
        "title": "Старая запись",
        "lead": "",
        "body": "<p>Текст</p>",
        "rubric": "",
        "planned_at": None,
        "saved_at": "2026-11-27T11:30:00+00:00",
        "from_a_newer_version": "ignored",
    }
    (tmp_path / "new-1a2b.json").write_text(json.dumps(old), encoding="utf-8")
    (entry,) = RecoveryJournal(tmp_path).entries()
    assert (entry.key, entry.title, entry.tags, entry.is_new) == (
        "new-1a2b",
        "Старая запись",
        (),
        True,
    )
    assert RecoveryJournal(tmp_path).has("new-1a2b")
