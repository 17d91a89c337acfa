"""A journal write that lands after the user already saved (a stuck disk, the
UI stopped waiting for it) removes itself: no stale recovery offer next time."""

from __future__ import annotations

import threading

from editorial_desk.store.recovery import RecoveryJournal
from editorial_desk.ui.article_form import ArticleForm
from editorial_desk.ui.autosave import AutosaveController


def test_a_late_write_after_discard_removes_its_own_entry(qtbot, tmp_path, type_text, monkeypatch):
    journal = RecoveryJournal(tmp_path / "journal")
    form = ArticleForm()
    qtbot.addWidget(form)
    controller = AutosaveController(form, journal, "new-x", debounce_ms=10)
    release = threading.Event()
    real_write = journal.write

    def stuck_write(entry):
        release.wait(10)  # the disk hangs until the test lets it go
        return real_write(entry)

    monkeypatch.setattr(journal, "write", stuck_write)
    # the UI gives up waiting for the write quickly (it waits 5 s in the app)
    monkeypatch.setattr(AutosaveController._wait_for_write, "__defaults__", (0.05,))
    type_text(form.title_edit, "Черновик")
    qtbot.waitUntil(controller.is_writing, timeout=2000)

    controller.discard()  # the user saved and closed the tab; the write is still stuck
    controller.close()
    controller.deleteLater()
    qtbot.wait(20)  # the controller is gone: nobody is left to clean up after the write
    release.set()
    qtbot.wait(300)  # the write lands now
    assert journal.entries() == []
