"""Autosave: every change to an open article reaches the recovery journal within
two seconds of the last keystroke, and typing never waits for it.

Per keystroke the controller only restarts a single-shot timer (the form's
`contentChanged`). When the user pauses for `DEBOUNCE_MS`, it takes a snapshot on
the UI thread that costs no more than copying the document (`ArticleForm.draft`:
plain field values and `QTextDocument.clone()`), and a worker thread turns the
copy into the canonical body format and writes the journal entry atomically.

Writes never overlap: a change while one is running is written right after it.
`discard()` after an explicit save (or when the user throws the changes away)
also cancels what is pending or running, so a stale entry cannot come back.

One controller per open form:

    controller = AutosaveController(form, journal_for(context), key_for(form), parent=form)
    ...saved:       controller.discard(); controller.set_key(key_for(form))
    ...tab closes:  controller.discard() or controller.flush(); controller.close()
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal
from shiboken6 import isValid

from editorial_desk.store.recovery import RecoveryEntry, RecoveryJournal, journal_folder, now_iso
from editorial_desk.ui import body_convert
from editorial_desk.ui.article_form import ArticleForm, FormDraft
from editorial_desk.ui.background import BackgroundTask, run_in_background
from editorial_desk.ui.context import AppContext

DEBOUNCE_MS = 1000  # a pause this long writes; plus the write itself, well under 2 s
# Typing without a pause still writes: at most this long after the first unwritten change.
MAX_WAIT_MS = 1500
_JOIN_SECONDS = 5.0  # waiting for a write in flight (discard, flush, close)
_HANDOFF_SECONDS = 0.002


def journal_for(context: AppContext) -> RecoveryJournal:
    """The journal of this database and this user: two people who share an OS
    account (or a test that switches users) never get each other's drafts."""
    where = f"{context.store.location.display}\n{context.user.login}"
    return RecoveryJournal(journal_folder(where))


class JournalSession:
    """This running app's claim on the journal entries it writes.

    Entry keys end in `~<session id>`, and the session holds a lock file (a
    QLockFile: it records the process id) in the journal folder while the app
    runs. At start-up only entries of sessions that are not alive any more are
    offered for restoring: a crash or kill -9 leaves a stale lock, a second copy
    of the app that is still running does not. And a controller only ever
    removes entries under its own keys, so an entry postponed with «Later» waits
    for the next start even if its article is opened, browsed and closed now."""

    SEPARATOR = "~"

    def __init__(self, journal: RecoveryJournal) -> None:
        self.journal = journal
        self.id = uuid.uuid4().hex[:12]
        journal.folder.mkdir(parents=True, exist_ok=True)
        self._lock = QLockFile(str(self._lock_path(self.id)))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone
        self._lock.tryLock(0)

    def _lock_path(self, session: str) -> Path:
        return self.journal.folder / f"session-{session}.lock"

    def key_for(self, form: ArticleForm) -> str:
        """This session's key for what the form holds."""
        return f"{key_for(form)}{self.SEPARATOR}{self.id}"

    def owner_of(self, key: str) -> str | None:
        _base, separator, session = key.rpartition(self.SEPARATOR)
        return session if separator else None

    def is_alive(self, session: str) -> bool:
        """Is the app that wrote under `session` still running?"""
        if session == self.id:
            return True
        path = self._lock_path(session)
        if not path.exists():
            return False
        probe = QLockFile(str(path))
        probe.setStaleLockTime(0)
        if probe.tryLock(0):  # its process is gone: the lock was stale
            probe.unlock()
            return False
        return True

    def orphaned(self, entries: list[RecoveryEntry]) -> list[RecoveryEntry]:
        """The entries nobody running owns: what a crash (or «Later») left."""
        return [
            entry
            for entry in entries
            if (owner := self.owner_of(entry.key)) is None or not self.is_alive(owner)
        ]

    def release(self) -> None:
        """The app is closing normally (its entries are settled)."""
        self._lock.unlock()


def new_key() -> str:
    """The key of an article never saved (it has no id yet)."""
    return f"new-{uuid.uuid4().hex}"


def article_key(article_id: int) -> str:
    return f"article-{article_id}"


def key_for(form: ArticleForm) -> str:
    """A fresh key for what the form holds: `article-<id>`, or `new-<random>`."""
    article_id = form.article_id()
    return article_key(article_id) if article_id is not None else new_key()


def entry_from_draft(key: str, draft: FormDraft) -> RecoveryEntry:
    """The journal entry for a snapshot. Converts the body: off the UI thread."""
    return RecoveryEntry(
        key=key,
        article_id=draft.article_id,
        base_version=draft.base_version,
        title=draft.title,
        lead=draft.lead,
        body=body_convert.document_to_canonical(draft.body),
        rubric=draft.rubric,
        planned_at=draft.planned_at.isoformat() if draft.planned_at else None,
        saved_at=now_iso(),
        tags=draft.tags,
    )


@dataclass(eq=False)
class _Write:
    """One write in flight. `draft` holds the document clone: it is released here,
    on the UI thread, not by the worker."""

    key: str
    generation: int
    draft: FormDraft | None
    task: BackgroundTask | None = None
    outcome: dict[str, Any] = field(default_factory=dict)  # "entry" or "error"
    handled: bool = False


class AutosaveController(QObject):
    """Keeps the recovery journal entry `key` in step with `form`.

    Signals: `saved(key)` after an entry was written, `discarded(key)` after the
    entry was removed because the form holds nothing unsaved, `failed(error)`
    when the journal could not be written (it is tried again on the next change)."""

    saved = Signal(str)
    discarded = Signal(str)
    failed = Signal(object)

    def __init__(
        self,
        form: ArticleForm,
        journal: RecoveryJournal,
        key: str,
        parent: QObject | None = None,
        *,
        debounce_ms: int = DEBOUNCE_MS,
    ) -> None:
        super().__init__(parent)
        self._form = form
        self._journal = journal
        self._key = key
        # Bumped by discard/set_key: a write of an older one is stale. A plain list so
        # the worker can read it too (it removes its own file if it lands too late).
        self._generations = [0]
        self._dirty = False  # changed since the last snapshot
        self._write: _Write | None = None
        self._closed = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self._on_timeout)
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(max(debounce_ms, MAX_WAIT_MS))
        self._deadline.timeout.connect(self._on_timeout)
        form.contentChanged.connect(self._on_changed)

    # --- public -----------------------------------------------------------------

    @property
    def key(self) -> str:
        return self._key

    @property
    def journal(self) -> RecoveryJournal:
        return self._journal

    def is_pending(self) -> bool:
        """A change not yet written (waiting for the pause, or for a write)."""
        return self._dirty or self._timer.isActive()

    def is_writing(self) -> bool:
        return self._write is not None

    def snapshot(self) -> FormDraft:
        """The UI-thread part of one autosave (what the benchmark measures)."""
        return self._form.draft()

    def save_now(self) -> None:
        """Start writing what is unwritten now, without waiting for the pause (in
        the worker, as the timer would; after a running write if there is one)."""
        self._timer.stop()
        self._deadline.stop()
        self._on_timeout()

    def wait(self, timeout: float = _JOIN_SECONDS) -> None:
        """Wait (blocking) for the write in flight to end; its result is handled now."""
        self._wait_for_write(timeout)

    def flush(self) -> None:
        """Write now, synchronously, if anything is unwritten (closing, tests)."""
        self._timer.stop()
        self._deadline.stop()
        self._wait_for_write()
        if self._closed or not self._dirty:
            return
        self._dirty = False
        if not self._form.is_modified():
            self._remove_entry()
            return
        draft = self.snapshot()
        try:
            self._journal.write(entry_from_draft(self._key, draft))
        except OSError as error:
            self._dirty = True
            self.failed.emit(error)
            return
        self.saved.emit(self._key)

    def discard(self) -> None:
        """Remove the entry: the form was just saved, or its changes thrown away.
        A pending change is forgotten, a write in flight is waited for (or, if it
        takes too long, its file is removed as soon as it lands)."""
        self._timer.stop()
        self._deadline.stop()
        self._generations[0] += 1
        self._dirty = False
        self._wait_for_write()
        self._journal.discard(self._key)

    def set_key(self, key: str) -> None:
        """The form now belongs under `key` (a new article got its id on first
        save): the old entry goes, unsaved work is written under the new key."""
        if key == self._key:
            return
        old, self._key = self._key, key
        self._generations[0] += 1
        self._wait_for_write()
        self._journal.discard(old)
        if self._form.is_modified():
            self._dirty = True
            self._timer.start(0)

    def close(self) -> None:
        """Stop listening (the form is closing). Does not write or remove: call
        `flush()` or `discard()` first."""
        if self._closed:
            return
        self._timer.stop()
        self._deadline.stop()
        self._wait_for_write()
        self._closed = True
        if isValid(self._form):
            self._form.contentChanged.disconnect(self._on_changed)

    # --- the cycle --------------------------------------------------------------

    def _on_changed(self) -> None:
        self._dirty = True
        self._timer.start()  # restarted per keystroke: nothing else happens here
        if not self._deadline.isActive():  # not restarted: continuous typing is saved too
            self._deadline.start()

    def _on_timeout(self) -> None:
        if self._write is None and not self._closed:
            self._start_write()
        # else: `_finish` starts the next write when the current one ends (the
        # change that got us here left `_dirty` set)

    def _start_write(self) -> None:
        self._deadline.stop()
        if not self._dirty:
            return
        self._dirty = False
        if not self._form.is_modified():  # undone back to the stored text
            self._remove_entry()
            return
        write = _Write(self._key, self._generations[0], self.snapshot())
        journal = self._journal
        generations = self._generations

        def work() -> RecoveryEntry:
            assert write.draft is not None
            # Hand the GIL straight back: `Thread.start()` returns on the UI thread
            # only once this thread runs, and a worker that went on with Python code
            # would keep the UI thread waiting up to the 5 ms switch interval.
            time.sleep(_HANDOFF_SECONDS)
            try:
                entry = entry_from_draft(write.key, write.draft)
                journal.write(entry)
                if generations[0] != write.generation:
                    # saved/discarded (or the controller gone) while this ran, maybe
                    # after the UI stopped waiting for a stuck disk: not a draft now
                    journal.discard(write.key)
            except BaseException as error:
                write.outcome["error"] = error
                raise
            write.outcome["entry"] = entry
            return entry

        def on_error(error: BaseException) -> None:
            write.outcome.setdefault("error", error)
            if isValid(self):
                self._finish(write)

        def on_done(_entry: object) -> None:
            if isValid(self):
                self._finish(write)

        self._write = write
        write.task = run_in_background(work, on_done, on_error)

    def _finish(self, write: _Write) -> None:
        """A write ended (called once, on the UI thread)."""
        if write.handled:
            return
        write.handled = True
        write.draft = None  # the clone is released here, on the UI thread
        write.task = None
        if self._write is write:
            self._write = None
        changed_meanwhile = self._dirty
        if write.generation != self._generations[0]:
            # discarded or re-keyed while it ran: what it wrote must not stay
            self._journal.discard(write.key)
        elif "error" in write.outcome:
            self._dirty = True
            self.failed.emit(write.outcome["error"])
        else:
            self.saved.emit(write.key)
        if changed_meanwhile and not self._timer.isActive() and not self._closed:
            # changed while writing and the pause is over: write that too (a failed
            # write is not retried in a loop: the next change or flush() tries again)
            self._start_write()
        elif changed_meanwhile and not self._closed and not self._deadline.isActive():
            self._deadline.start()  # still typing: the next write is due in MAX_WAIT_MS

    def _wait_for_write(self, timeout: float = _JOIN_SECONDS) -> None:
        write = self._write
        if write is None or write.task is None:
            return
        write.task.thread.join(timeout)
        if write.task.thread.is_alive():
            return  # stuck disk: `_finish` cleans up when the queued result arrives
        if "entry" not in write.outcome and "error" not in write.outcome:
            write.outcome["error"] = OSError("the recovery journal write did not finish")
        # the queued callback will find it handled
        dirty = self._dirty
        self._dirty = False  # no follow-up write from inside discard/flush
        self._finish(write)
        self._dirty = dirty or self._dirty

    def _remove_entry(self) -> None:
        self._journal.discard(self._key)
        self.discarded.emit(self._key)
