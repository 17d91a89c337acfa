"""Two real processes save the same article on one SQLite file: the second gets
ConflictError and the first one's text survives."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from editorial_desk.services.articles import create_article, get_article

WORKER = r"""
import json, sys, time
from pathlib import Path
from editorial_desk.domain.article import ArticleChanges
from editorial_desk.domain.errors import ConflictError
from editorial_desk.services.articles import get_article, update_article
from editorial_desk.services.users import ensure_user
from editorial_desk.store.engine import open_store

db, article_id, text, flag_dir, name, login = sys.argv[1:7]
store = open_store(db)
with store.session() as session:
    user = ensure_user(session, login)  # the author, in two app instances
    version = get_article(session, int(article_id)).version
(Path(flag_dir) / f"{name}.loaded").touch()
go = Path(flag_dir) / f"{name}.go"
deadline = time.monotonic() + 30
while not go.exists():
    if time.monotonic() > deadline:
        sys.exit("timed out waiting for go")
    time.sleep(0.01)
try:
    with store.session() as session:
        saved = update_article(session, user, int(article_id), version,
                               ArticleChanges(body=f"<p>{text}</p>"))
    print(json.dumps({"result": "saved", "version": saved.version}))
except ConflictError as error:
    print(json.dumps({"result": "conflict", "theirs": error.theirs.body,
                      "mine": error.mine.body}))
"""


def _wait_for(path: Path) -> None:
    deadline = time.monotonic() + 30
    while not path.exists():
        assert time.monotonic() < deadline, f"{path.name} never appeared"
        time.sleep(0.01)


@pytest.mark.slow
def test_second_process_gets_conflict_and_first_text_is_intact(store, actor, db_path, tmp_path):
    with store.session() as session:
        article = create_article(session, actor, title="Общая новость", body="<p>Начало</p>")
    flags = tmp_path / "flags"
    flags.mkdir()

    def start(name: str, text: str) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [
                sys.executable,
                "-c",
                WORKER,
                str(db_path),
                str(article.id),
                text,
                str(flags),
                name,
                actor.login,
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    first = start("first", "Текст первого редактора")
    second = start("second", "Текст второго редактора")
    _wait_for(flags / "first.loaded")
    _wait_for(flags / "second.loaded")  # both hold version 1 now

    (flags / "first.go").touch()
    out_first, err_first = first.communicate(timeout=60)
    (flags / "second.go").touch()
    out_second, err_second = second.communicate(timeout=60)

    assert first.returncode == 0, err_first
    assert second.returncode == 0, err_second
    assert json.loads(out_first) == {"result": "saved", "version": 2}
    assert json.loads(out_second) == {
        "result": "conflict",
        "theirs": "<p>Текст первого редактора</p>",
        "mine": "<p>Текст второго редактора</p>",
    }
    with store.session() as session:
        stored = get_article(session, article.id)
    assert stored.body == "<p>Текст первого редактора</p>"
    assert stored.version == 2
