"""Display texts of the review UI: every domain value has one, denials read as a
sentence, the status-bar user text, every string is found by pyside6-lupdate,
and loading the review widgets does not load the database layer."""

from __future__ import annotations

import ast
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import UTC
from pathlib import Path

import pytest

from editorial_desk.document.anchors import AnchorState
from editorial_desk.domain.review import QueueKind, SystemReason
from editorial_desk.domain.roles import Role
from editorial_desk.domain.statuses import Status
from editorial_desk.domain.users import UserInfo
from editorial_desk.domain.workflow import Action, Denial, Rule
from editorial_desk.ui.review.current_user import current_user_text, short_name
from editorial_desk.ui.review.labels import (
    ROLE_ORDER,
    action_label,
    anchor_state_label,
    audit_reason_text,
    denial_text,
    queue_empty_text,
    queue_label,
    role_label,
    role_tip,
)

REVIEW_DIR = Path(__file__).resolve().parents[3] / "src/editorial_desk/ui/review"


def test_every_value_has_a_label(qapp):
    assert sorted(ROLE_ORDER) == sorted(Role)
    assert all(role_label(r) and role_tip(r) for r in Role)
    assert [role_label(r) for r in Role] == ["Editor", "Reviewer", "Exporter", "Administrator"]
    assert [action_label(a) for a in Action] == [
        "Submit for review",
        "Approve",
        "Return for revision",
        "Mark as published",
        "Move to trash",
        "Restore from trash",
    ]
    assert [action_label(a) for a in ("edit", "schedule", "create", "comment")] == [
        "Edit the text",
        "Change the planned date",
        "Create articles",
        "Comment",
    ]
    assert all(anchor_state_label(s) for s in AnchorState)
    assert all(queue_label(k) and queue_empty_text(k) for k in QueueKind)


def test_system_reasons_are_translated_typed_ones_kept(qapp):
    assert [audit_reason_text(r.value, UTC) for r in SystemReason] == [
        "edited after approval",
        "publication date set",
        "publication date removed",
    ]
    assert audit_reason_text("Проверьте цифры", UTC) == "Проверьте цифры"
    assert audit_reason_text("", UTC) == ""


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        (Rule.STATUS, "“Approve” is not possible while the article is “Draft”."),
        (Rule.ROLE, "The role “Editor” does not allow “Approve”."),
        (Rule.AUTHOR, "Only the author of the article (or an administrator) may “Approve”."),
        (
            Rule.ROLE_STATUS,
            "The role “Editor” does not allow “Approve” while the article is “Draft”.",
        ),
        (Rule.TRASHED, "The article is in the trash; restore it first."),
    ],
)
def test_every_denial_rule_is_a_sentence(qapp, rule, expected):
    assert denial_text(Denial(rule, Role.EDITOR, Status.DRAFT, "approve")) == expected


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("Иванова Ольга Петровна", "Иванова О.\u00a0П."),
        ("Мамедов Рашид Гасан оглы", "Мамедов Рашид Гасан оглы"),  # four words: as typed
        ("Петров  Илья   Ильич", "Петров И.\u00a0И."),
        ("Анна Петрова", "Анна Петрова"),  # «Имя Фамилия» or the other way round: as typed
        ("Иванова О.", "Иванова О."),
        ("", ""),
    ],
)
def test_short_name(name, short):
    assert short_name(name) == short


def test_current_user_text(qapp):
    user = UserInfo(7, "ivanova", "Иванова Ольга Петровна", Role.EDITOR)
    assert current_user_text(user) == "Иванова О.\u00a0П. (Editor)"
    assert current_user_text(UserInfo(8, "petrov", "", Role.ADMIN)) == "petrov (Administrator)"


def _literal_strings() -> set[tuple[str, str]]:
    """Every (context, source) the code passes literally to translate() or
    QT_TRANSLATE_NOOP()."""
    found = set()
    for path in REVIEW_DIR.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or len(node.args) < 2:
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            context, text = node.args[:2]
            if (
                name in ("translate", "QT_TRANSLATE_NOOP")
                and isinstance(context, ast.Constant)
                and isinstance(text, ast.Constant)
            ):
                found.add((context.value, text.value))
    return found


def test_pyside6_lupdate_finds_every_string(tmp_path):
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    ts = tmp_path / "review.ts"
    sources = sorted(str(p) for p in REVIEW_DIR.glob("*.py"))
    subprocess.run([str(lupdate), "-silent", *sources, "-ts", str(ts)], check=True)
    extracted = {
        (context.findtext("name"), message.findtext("source"))
        for context in ET.parse(ts).getroot().iter("context")
        for message in context.iter("message")
    }
    literal = _literal_strings()
    assert len(literal) > 150
    assert literal <= extracted, sorted(literal - extracted)


def test_no_translate_call_with_a_computed_context():
    """lupdate only sees literal contexts; a translate() whose context is not a
    literal must translate a string marked with QT_TRANSLATE_NOOP elsewhere."""
    for path in REVIEW_DIR.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "translate":
                context = node.args[0]
                assert isinstance(context, ast.Constant) or (
                    isinstance(context, ast.Name) and context.id == "TR_CONTEXT"
                ), f"{path.name}:{node.lineno}"


def test_loading_the_review_widgets_loads_no_database_code():
    code = (
        "import sys\n"
        "import editorial_desk.ui.review.status_actions, editorial_desk.ui.review.history_panel\n"
        "import editorial_desk.ui.review.comments_panel, editorial_desk.ui.review.lock_banner\n"
        "import editorial_desk.ui.review.queues_panel, editorial_desk.ui.review.users_dialog\n"
        "import editorial_desk.ui.review.current_user, editorial_desk.ui.review.text_anchors\n"
        "print(sorted(m for m in sys.modules if m.startswith(('sqlalchemy', "
        "'editorial_desk.services', 'editorial_desk.store'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
