"""Soft edit locks: in one process with a controlled clock, and with two real
processes on one SQLite file (a holder that crashes or freezes, and a colleague
who waits read-only, then takes over; the version check still refuses the stale
holder's save, so nothing is silently lost)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from editorial_desk.domain.errors import NotFoundError
from editorial_desk.services.articles import create_article, get_article
from editorial_desk.services.locks import (
    acquire_lock,
    get_lock,
    list_locks,
    new_token,
    refresh_lock,
    release_lock,
    take_over_lock,
)

T0 = datetime(2026, 12, 1, 7, 42, tzinfo=UTC)
TTL = timedelta(minutes=2)


@pytest.fixture
def article_id(store, team) -> int:
    with store.session() as session:
        return create_article(session, team.editor, title="Общая новость", body="<p>Начало</p>").id


def test_first_opener_holds_the_lock_the_next_one_sees_who_and_since_when(store, team, article_id):
    anna, admin = new_token(), new_token()
    with store.session() as session:
        mine = acquire_lock(session, team.editor, article_id, anna, now=T0, host="pc-anna", pid=11)
    with store.session() as session:
        theirs = acquire_lock(
            session, team.admin, article_id, admin, now=T0 + timedelta(seconds=30)
        )
    assert mine.held and mine.replaced is None
    assert not theirs.held and theirs.lock is not None
    assert (theirs.lock.user_name, theirs.lock.acquired_at, theirs.lock.host) == (
        "Анна Петрова",
        T0,
        "pc-anna",
    )
    with store.session() as session:  # opening it again in the same window is fine
        again = acquire_lock(session, team.editor, article_id, anna, now=T0 + timedelta(minutes=1))
        assert again.held and again.lock.acquired_at == T0
        assert again.lock.expires_at == T0 + timedelta(minutes=1) + TTL
        assert get_lock(session, article_id, now=T0 + timedelta(minutes=2)).token == anna
        assert set(list_locks(session, now=T0 + timedelta(minutes=2))) == {article_id}


def test_heartbeats_keep_a_lock_and_a_silent_one_expires(store, team, article_id):
    anna, admin = new_token(), new_token()
    with store.session() as session:
        acquire_lock(session, team.editor, article_id, anna, now=T0)
        for minute in range(1, 10):  # the app refreshes while the editor is open
            assert refresh_lock(session, article_id, anna, now=T0 + timedelta(minutes=minute)).held
        late = T0 + timedelta(minutes=9) + TTL - timedelta(seconds=1)
        assert not acquire_lock(session, team.admin, article_id, admin, now=late).held
    expired_at = T0 + timedelta(minutes=9) + TTL
    with store.session() as session:
        assert get_lock(session, article_id, now=expired_at) is None
        taken = acquire_lock(session, team.admin, article_id, admin, now=expired_at)
    assert taken.held and taken.replaced is not None and taken.replaced.token == anna
    with store.session() as session:  # the old holder's next heartbeat learns it
        lost = refresh_lock(session, article_id, anna, now=expired_at + timedelta(seconds=1))
    assert not lost.held and lost.lock is not None and lost.lock.user_login == "editor1"


def test_a_live_lock_can_be_taken_over_on_purpose(store, team, article_id):
    anna, admin = new_token(), new_token()
    with store.session() as session:
        acquire_lock(session, team.editor, article_id, anna, now=T0)
        taken = take_over_lock(
            session, team.admin, article_id, admin, now=T0 + timedelta(seconds=5)
        )
        assert taken.held and taken.replaced is not None
        assert taken.replaced.user_login == "anna" and not taken.replaced.expired(T0)
        assert not refresh_lock(session, article_id, anna, now=T0 + timedelta(seconds=6)).held


def test_release_only_by_the_holder(store, team, article_id):
    anna = new_token()
    with store.session() as session:
        acquire_lock(session, team.editor, article_id, anna, now=T0)
        assert not release_lock(session, article_id, new_token())
        assert release_lock(session, article_id, anna)
        assert get_lock(session, article_id, now=T0) is None
        gone = refresh_lock(session, article_id, anna, now=T0)
    assert not gone.held and gone.lock is None


def test_locking_an_unknown_article(store, team):
    with pytest.raises(NotFoundError), store.session() as session:
        acquire_lock(session, team.editor, 404, new_token())


# ------------------------------------------------------------ two real processes

WORKER = r"""
import json, sys, threading, time
from datetime import timedelta
from editorial_desk.domain.article import ArticleChanges
from editorial_desk.domain.errors import ConflictError
from editorial_desk.services.articles import get_article, update_article
from editorial_desk.services.locks import acquire_lock, refresh_lock
from editorial_desk.services.users import get_user
from editorial_desk.store.engine import open_store

db, article_id, login, token, ttl_s = sys.argv[1:6]
article_id, ttl = int(article_id), timedelta(seconds=float(ttl_s))
store = open_store(db)
with store.session() as session:
    user = get_user(session, login)
seen_version = None


def lock_json(result):
    lock = result.lock
    return {"held": result.held, "holder": lock.user_login if lock else None,
            "since": lock.acquired_at.isoformat() if lock else None,
            "replaced": result.replaced.user_login if result.replaced else None}


def heartbeat(every):
    while True:
        time.sleep(every)
        with store.session() as session:
            if not refresh_lock(session, article_id, token, ttl=ttl).held:
                return  # lost: never take it back silently


for line in sys.stdin:
    command, _, arg = line.strip().partition(" ")
    if command == "acquire":
        with store.session() as session:
            reply = lock_json(acquire_lock(session, user, article_id, token, ttl=ttl))
    elif command == "heartbeat":
        threading.Thread(target=heartbeat, args=(float(arg),), daemon=True).start()
        reply = {"ok": True}
    elif command == "refresh":
        with store.session() as session:
            reply = lock_json(refresh_lock(session, article_id, token, ttl=ttl))
    elif command == "load":
        with store.session() as session:
            seen_version = int(arg) if arg else get_article(session, article_id).version
        reply = {"version": seen_version}
    elif command == "save":
        try:
            with store.session() as session:
                saved = update_article(session, user, article_id, seen_version,
                                       ArticleChanges(body=f"<p>{arg}</p>"))
            reply = {"result": "saved", "version": saved.version}
        except ConflictError as error:
            reply = {"result": "conflict", "theirs": error.theirs.body, "mine": error.mine.body}
    print(json.dumps(reply), flush=True)
"""

WORKER_TTL_S = 1.5
HEARTBEAT_S = 0.2


class Worker:
    def __init__(self, db: Path, article_id: int, login: str, token: str) -> None:
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-c",
                WORKER,
                str(db),
                str(article_id),
                login,
                token,
                str(WORKER_TTL_S),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def ask(self, command: str) -> dict:
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        assert line, self.process.stderr.read() if self.process.stderr else "worker died"
        return json.loads(line)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.communicate(timeout=30)


@pytest.fixture
def workers():
    started: list[Worker] = []

    def start(*args) -> Worker:
        worker = Worker(*args)
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.close()


def _until_held(worker: Worker, deadline_s: float = 30) -> dict:
    deadline = time.monotonic() + deadline_s
    while True:
        reply = worker.ask("acquire")
        if reply["held"] or time.monotonic() > deadline:
            return reply
        time.sleep(0.1)


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL/SIGSTOP")
def test_crashed_holder_the_other_waits_read_only_then_takes_over(
    store, team, article_id, db_path, workers
):
    anna_token = new_token()
    anna = workers(db_path, article_id, "anna", anna_token)
    admin = workers(db_path, article_id, "editor1", new_token())

    assert anna.ask("acquire")["held"]
    assert anna.ask("load") == {"version": 1}
    anna.ask(f"heartbeat {HEARTBEAT_S}")

    seen = admin.ask("acquire")
    assert (seen["held"], seen["holder"]) == (False, "anna")  # opens read-only
    time.sleep(WORKER_TTL_S * 2)  # longer than the TTL: only the heartbeat keeps it
    assert admin.ask("acquire")["held"] is False

    anna.process.send_signal(signal.SIGKILL)  # the app crashes mid-edit
    anna.process.wait(timeout=30)
    taken = _until_held(admin)
    assert (taken["held"], taken["replaced"]) == (True, "anna")
    assert admin.ask("load") == {"version": 1}
    assert admin.ask("save Текст администратора") == {"result": "saved", "version": 2}

    # Anna restarts and her recovered text (based on version 1) is saved: refused.
    recovered = workers(db_path, article_id, "anna", anna_token)
    assert recovered.ask("refresh")["held"] is False  # her old lock is not hers any more
    assert recovered.ask("load 1") == {"version": 1}
    assert recovered.ask("save Текст Анны") == {
        "result": "conflict",
        "theirs": "<p>Текст администратора</p>",
        "mine": "<p>Текст Анны</p>",
    }
    with store.session() as session:
        assert get_article(session, article_id).body == "<p>Текст администратора</p>"


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL/SIGSTOP")
def test_frozen_holder_wakes_up_to_a_lost_lock_and_a_refused_save(
    store, team, article_id, db_path, workers
):
    anna = workers(db_path, article_id, "anna", new_token())
    admin = workers(db_path, article_id, "editor1", new_token())
    assert anna.ask("acquire")["held"]
    assert anna.ask("load") == {"version": 1}
    anna.ask(f"heartbeat {HEARTBEAT_S}")
    assert admin.ask("acquire")["held"] is False

    anna.process.send_signal(signal.SIGSTOP)  # the laptop lid closes mid-edit
    try:
        taken = _until_held(admin)
        assert (taken["held"], taken["replaced"]) == (True, "anna")
        admin.ask("load")
        assert admin.ask("save Текст администратора")["result"] == "saved"
    finally:
        anna.process.send_signal(signal.SIGCONT)

    woke = anna.ask("refresh")
    assert (woke["held"], woke["holder"]) == (False, "editor1")
    assert anna.ask("save Текст Анны") == {
        "result": "conflict",
        "theirs": "<p>Текст администратора</p>",
        "mine": "<p>Текст Анны</p>",
    }
    with store.session() as session:
        assert get_article(session, article_id).body == "<p>Текст администратора</p>"
        assert get_lock(session, article_id).user_login == "editor1"
