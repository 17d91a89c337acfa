"""Issue #3's crash test with real processes: the app runs offscreen, text is
typed into it, it is killed with SIGKILL 3 seconds after the last keystroke,
it is started again and «Restore all» brings back every character — of a new
article never saved and of an edit to a stored one."""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from editorial_desk.services.articles import create_article, get_article
from editorial_desk.services.users import ensure_user, os_login
from editorial_desk.store.engine import open_store


def _load_driver():
    spec = importlib.util.spec_from_file_location("crash_app_driver", DRIVER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


DRIVER = Path(__file__).with_name("app_driver.py")
app_driver = _load_driver()

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)"),
]

STARTUP_TIMEOUT_S = 60
KILL_AFTER_LAST_KEY_S = 3.0


def _env() -> dict[str, str]:
    env = dict(os.environ)  # the test's tmp XDG dirs (journal, settings) and user
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("EDITORIAL_DESK_QUIT_AFTER_SHOWN", None)
    return env


def _read_line(process: subprocess.Popen[str], prefix: str) -> str:
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    assert process.stdout is not None
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if line.startswith(prefix):
            return line[len(prefix) :]
        if not line and process.poll() is not None:
            break
    process.kill()
    raise AssertionError(
        f"no {prefix!r} line; stderr: {process.stderr.read() if process.stderr else ''}"
    )


def test_sigkill_three_seconds_after_typing_loses_nothing(tmp_path: Path) -> None:
    db = tmp_path / "desk.sqlite3"
    store = open_store(str(db))
    try:
        with store.session() as session:
            me = ensure_user(session, os_login())
            stored = create_article(
                session, me, title="Мост", lead="", body="<p>Начало текста.</p>", rubric="Город"
            )
    finally:
        store.close()

    typing = subprocess.Popen(
        [sys.executable, str(DRIVER), "type", str(db), str(stored.id)],
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        typed = json.loads(_read_line(typing, "TYPED "))
        time.sleep(KILL_AFTER_LAST_KEY_S)
        typing.send_signal(signal.SIGKILL)
        assert typing.wait(timeout=10) == -signal.SIGKILL
    finally:
        if typing.poll() is None:
            typing.kill()

    assert typed["new_title"] == app_driver.NEW_TITLE
    assert typed["new_body_text"] == app_driver.NEW_BODY
    assert typed["stored_body_text"] == "Начало текста." + app_driver.EDIT_BODY

    restoring = subprocess.run(
        [sys.executable, str(DRIVER), "restore", str(db)],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=STARTUP_TIMEOUT_S,
        check=False,
    )
    lines = [line for line in restoring.stdout.splitlines() if line.startswith("RESTORED ")]
    assert lines, restoring.stderr
    tabs = json.loads(lines[-1].removeprefix("RESTORED "))

    by_article = {tab["article_id"]: tab for tab in tabs}
    assert set(by_article) == {stored.id, None}
    edited, new = by_article[stored.id], by_article[None]
    assert edited["body_text"] == typed["stored_body_text"]  # every character
    assert new["title"] == typed["new_title"] and new["body_text"] == typed["new_body_text"]
    assert edited["modified"] and new["modified"]  # restored as unsaved work, not saved

    store = open_store(str(db))
    try:
        with store.session() as session:
            assert get_article(session, stored.id).body == "<p>Начало текста.</p>"
    finally:
        store.close()
