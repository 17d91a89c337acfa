"""History: revisions, diffs between any two, restoring as a new revision, and
the audit trail."""

from __future__ import annotations

import pytest

from editorial_desk.document.diff import DiffKind, render_html
from editorial_desk.domain.article import ArticleChanges
from editorial_desk.domain.errors import ConflictError, PermissionDeniedError, ValidationError
from editorial_desk.domain.statuses import Status
from editorial_desk.domain.workflow import Action
from editorial_desk.services.articles import create_article, get_article, update_article
from editorial_desk.services.history import (
    article_history,
    diff_against_approved,
    diff_revisions,
    get_revision,
    list_revisions,
    restore_revision,
)
from editorial_desk.services.workflow import transition

V1 = "<p>На ёлку в Санкт-Петербурге потратят 1 500 000 рублей.</p>"
V2 = "<p>На ёлку в Санкт-Петербурге потратят 1 700 000 рублей.</p><p>Монтаж начнётся в пятницу.</p>"
V3 = (
    "<p>На «ёлку» в Санкт-Петербурге потратят 1 700 000 рублей.</p>"
    "<p>Монтаж начнётся в субботу.</p>"
)


@pytest.fixture
def three_revisions(store, team):
    with store.session() as session:
        art = create_article(session, team.editor, title="Ёлка", lead="Главная ёлка", body=V1)
        v2 = update_article(session, team.editor, art.id, 1, ArticleChanges(body=V2))
        update_article(
            session, team.editor, art.id, v2.version, ArticleChanges(body=V3, title="Ёлка-2026")
        )
        return art.id


def changes(segments) -> list[tuple[str, str]]:
    return [(s.kind.value, s.text) for s in segments if s.kind is not DiffKind.EQUAL]


def test_revisions_are_listed_with_authors(store, team, three_revisions):
    with store.session() as session:
        revisions = list_revisions(session, three_revisions)
    assert [(r.number, r.title, r.author_login, r.approved) for r in revisions] == [
        (1, "Ёлка", "anna", False),
        (2, "Ёлка", "anna", False),
        (3, "Ёлка-2026", "anna", False),
    ]


def test_diff_between_any_two_revisions(store, three_revisions):
    with store.session() as session:
        r1, r2, r3 = list_revisions(session, three_revisions)
        one_two = diff_revisions(session, r1.id, r2.id)
        two_three = diff_revisions(session, r2.id, r3.id)
        one_three = diff_revisions(session, r1.id, r3.id)
        backwards = diff_revisions(session, r3.id, r1.id)
    assert changes(one_two.body) == [
        ("delete", "1 500 000"),
        ("insert", "1 700 000"),
        ("insert", "\nМонтаж начнётся в пятницу."),
    ]
    assert changes(two_three.body) == [
        ("insert", "«"),
        ("insert", "»"),
        ("delete", "пятницу"),
        ("insert", "субботу"),
    ]
    assert changes(two_three.title) == [("delete", "Ёлка"), ("insert", "Ёлка-2026")]
    assert changes(one_three.lead) == [] and one_three.changed
    assert changes(backwards.title) == [("delete", "Ёлка-2026"), ("insert", "Ёлка")]
    assert render_html(list(two_three.body)).endswith(
        "начнётся в <del>пятницу</del><ins>субботу</ins>."
    )


def test_diff_of_two_articles_is_refused(store, team, three_revisions):
    with store.session() as session:
        other = create_article(session, team.editor, title="Другая")
        [other_rev] = list_revisions(session, other.id)
        first = list_revisions(session, three_revisions)[0]
        with pytest.raises(ValidationError):
            diff_revisions(session, first.id, other_rev.id)


def test_restore_makes_a_new_revision_and_keeps_history(store, team, three_revisions):
    with store.session() as session:
        r1 = list_revisions(session, three_revisions)[0]
        current = get_article(session, three_revisions)
        restored = restore_revision(session, team.editor, three_revisions, r1.id, current.version)
        revisions = list_revisions(session, three_revisions)
        newest = get_revision(session, revisions[-1].id)
    assert (restored.title, restored.body) == ("Ёлка", V1)
    assert [r.number for r in revisions] == [1, 2, 3, 4]
    assert (newest.info.title, newest.lead, newest.body) == ("Ёлка", "Главная ёлка", V1)


def test_restore_from_a_stale_view_is_a_conflict_and_writes_nothing(store, team, three_revisions):
    with store.session() as session:
        r1 = list_revisions(session, three_revisions)[0]
        seen = get_article(session, three_revisions).version
        update_article(
            session, team.editor, three_revisions, seen, ArticleChanges(lead="Новый лид")
        )
    with pytest.raises(ConflictError), store.session() as session:
        restore_revision(session, team.editor, three_revisions, r1.id, seen)
    with store.session() as session:
        assert get_article(session, three_revisions).body == V3
        assert len(list_revisions(session, three_revisions)) == 4  # 3 + the lead change


def test_restore_obeys_edit_rights_and_voids_an_approval(store, team, three_revisions):
    with store.session() as session:
        r1 = list_revisions(session, three_revisions)[0]
        transition(session, team.editor, three_revisions, Action.SUBMIT)
        approved = transition(session, team.reviewer, three_revisions, Action.APPROVE)
    with pytest.raises(PermissionDeniedError), store.session() as session:
        restore_revision(session, team.editor, three_revisions, r1.id, approved.version)
    with store.session() as session:
        restored = restore_revision(session, team.admin, three_revisions, r1.id, approved.version)
        against = diff_against_approved(session, three_revisions)
        history = article_history(session, three_revisions)
    assert restored.status is Status.IN_REVIEW
    assert against is not None and against.old.number == 3 and against.new.number == 4
    assert [r.approved for r in history.revisions] == [False, False, True, False]
    assert [(a.revision_number, a.revoked_at is not None) for a in history.approvals] == [(3, True)]
    assert [(e.from_status, e.to_status) for e in history.audit] == [
        (None, Status.DRAFT),
        (Status.DRAFT, Status.IN_REVIEW),
        (Status.IN_REVIEW, Status.APPROVED),
        (Status.APPROVED, Status.IN_REVIEW),
    ]


def test_no_approval_no_diff_against_it(store, three_revisions):
    with store.session() as session:
        assert diff_against_approved(session, three_revisions) is None
