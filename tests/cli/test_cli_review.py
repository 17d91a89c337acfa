"""The review workflow through the CLI, as real processes: the same rules as the
services (a forbidden step is a non-zero exit with one line on stderr), and
`history ID [--json]`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from editorial_desk.domain.roles import Role
from editorial_desk.domain.workflow import Action
from editorial_desk.services.articles import create_article, get_article
from editorial_desk.services.users import add_user
from editorial_desk.services.workflow import transition

LOGINS = {Role.EDITOR: "anna", Role.REVIEWER: "ivan", Role.EXPORTER: "olga", Role.ADMIN: "editor1"}
# Each step tried on an article in the status it starts from, so only the role
# (and, for submit, authorship: Anna wrote every article here) decides.
START_FROM: dict[str, tuple[Action, ...]] = {
    "submit": (),
    "approve": (Action.SUBMIT,),
    "return": (Action.SUBMIT,),
    "publish": (Action.SUBMIT, Action.APPROVE),
}
ALLOWED = {
    ("editor", "submit"),
    ("admin", "submit"),
    ("reviewer", "approve"),
    ("admin", "approve"),
    ("reviewer", "return"),
    ("admin", "return"),
    ("exporter", "publish"),
    ("admin", "publish"),
}
LANDS_IN = {
    "submit": "in_review",
    "approve": "approved",
    "return": "returned",
    "publish": "published",
}


def cli(db: Path, login: str, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "EDITORIAL_DESK_USER": login, "EDITORIAL_DESK_TZ": "Europe/Moscow"}
    return subprocess.Popen(
        [sys.executable, "-m", "editorial_desk", *args, "--db", str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def finish(process: subprocess.Popen[str]) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=120)
    return process.returncode, out, err


@pytest.fixture
def office(store, actor):
    """Users of every role on the test's store; Anna writes the articles."""
    with store.session() as session:
        users = {
            Role.ADMIN: actor,
            Role.EDITOR: add_user(session, actor, "anna", "Анна", Role.EDITOR),
            Role.REVIEWER: add_user(session, actor, "ivan", "Иван", Role.REVIEWER),
            Role.EXPORTER: add_user(session, actor, "olga", "Ольга", Role.EXPORTER),
        }

    def article(steps: tuple[Action, ...], title: str = "Новость") -> int:
        with store.session() as session:
            art = create_article(session, users[Role.EDITOR], title=title, body="<p>Текст</p>")
            for step in steps:
                transition(session, users[Role.ADMIN], art.id, step)
        return art.id

    return article


def test_every_role_and_step_through_the_cli(store, office, db_path):
    cases = {
        (role, name): office(START_FROM[name], title=f"{role.value} {name}")
        for role in Role
        for name in START_FROM
    }
    running = {
        case: cli(db_path, LOGINS[case[0]], case[1], str(article_id), "--reason", "Проверка")
        for case, article_id in cases.items()
    }
    for (role, name), process in running.items():
        code, out, err = finish(process)
        article_id = cases[(role, name)]
        with store.session() as session:
            status = get_article(session, article_id).status.value
        if (role.value, name) in ALLOWED:
            assert (code, err) == (0, ""), (role, name, err)
            assert out.startswith(f"#{article_id} ") and f"-> {LANDS_IN[name]}" in out
            assert status == LANDS_IN[name]
        else:
            assert code != 0 and out == "", (role, name, out)
            lines = err.strip().splitlines()
            assert len(lines) == 1 and "Traceback" not in err, err
            assert lines[0].startswith("editorial-desk: error: "), lines
            assert "may not" in lines[0] or "only the author" in lines[0]
            assert status != LANDS_IN[name]  # nothing happened


@pytest.mark.parametrize(
    ("login", "args", "message"),
    [
        ("ivan", ("approve", "{draft}"), "cannot approve an article that is draft"),
        ("ivan", ("return", "{in_review}"), "a reason is required"),
        ("olga", ("publish", "{in_review}"), "cannot publish an article that is in_review"),
        ("ivan", ("approve", "4242"), "article 4242 not found"),
    ],
)
def test_refusals_are_one_line(store, office, db_path, login, args, message):
    ids = {"{draft}": str(office(())), "{in_review}": str(office((Action.SUBMIT,)))}
    code, out, err = finish(cli(db_path, login, *(ids.get(a, a) for a in args)))
    assert code != 0 and out == ""
    assert len(err.strip().splitlines()) == 1 and message in err


def test_approve_names_the_revision_and_history_shows_everything(store, office, db_path):
    article_id = office((Action.SUBMIT,))
    code, out, err = finish(cli(db_path, "ivan", "return", str(article_id), "--reason", "Нет цифр"))
    assert code == 0, err
    assert finish(cli(db_path, "anna", "submit", str(article_id)))[0] == 0
    code, out, err = finish(cli(db_path, "ivan", "approve", str(article_id)))
    assert (code, out) == (0, f"#{article_id} in_review -> approved (revision 1 approved)\n"), err

    code, out, err = finish(cli(db_path, "olga", "history", str(article_id), "--json"))
    assert code == 0, err
    history = json.loads(out)
    assert [(e["from"], e["to"], e["user"], e["reason"]) for e in history["audit"]] == [
        (None, "draft", "anna", ""),
        ("draft", "in_review", "editor1", ""),
        ("in_review", "returned", "ivan", "Нет цифр"),
        ("returned", "in_review", "anna", ""),
        ("in_review", "approved", "ivan", ""),
    ]
    assert [(r["number"], r["approved"]) for r in history["revisions"]] == [(1, True)]
    assert [(a["revision_number"], a["user"], a["revoked_at"]) for a in history["approvals"]] == [
        (1, "ivan", None)
    ]

    code, out, err = finish(cli(db_path, "olga", "history", str(article_id)))
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == 7  # 1 revision + 5 status changes + 1 approval
    assert "Анна: revision 1 «Новость»" in lines[0]
    assert any("Иван: in_review -> returned (Нет цифр)" in line for line in lines)
    assert "Иван: approved revision 1" in lines[-1]


def test_history_of_unknown_article(db_path, store):
    code, out, err = finish(cli(db_path, "editor1", "history", "77"))
    assert code != 0 and out == "" and "article 77 not found" in err
