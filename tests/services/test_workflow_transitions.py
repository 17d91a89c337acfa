"""The workflow as the services enforce it, on a real SQLite store: every role x
action x status x authorship, approvals of exact revisions, and edits that send an
approved item back to review."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

import pytest
from sqlalchemy import select, update

from editorial_desk.domain.article import ArticleChanges
from editorial_desk.domain.errors import PermissionDeniedError, ValidationError
from editorial_desk.domain.review import SystemReason, VersionChangedError
from editorial_desk.domain.roles import Role
from editorial_desk.domain.statuses import Status
from editorial_desk.domain.workflow import Action, denial
from editorial_desk.services.approvals import current_approval, latest_revision
from editorial_desk.services.articles import (
    create_article,
    get_article,
    move_to_trash,
    restore_from_trash,
    update_article,
)
from editorial_desk.services.history import audit_trail, diff_against_approved
from editorial_desk.services.workflow import allowed_actions, permissions, transition
from editorial_desk.store.models import Approval, Article

PLANNED = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)

# How to bring a new article (created and driven by the admin) into each status.
PATHS: dict[str, tuple[tuple[Action, bool], ...]] = {  # (step, with a planned date)
    "draft": (),
    "in_review": ((Action.SUBMIT, False),),
    "returned": ((Action.SUBMIT, False), (Action.RETURN, False)),
    "approved": ((Action.SUBMIT, False), (Action.APPROVE, False)),
    "scheduled": ((Action.SUBMIT, True), (Action.APPROVE, True)),
    "published": ((Action.SUBMIT, False), (Action.APPROVE, False), (Action.PUBLISH, False)),
    "trash(draft)": ((Action.TRASH, False),),
    "trash(approved)": ((Action.SUBMIT, False), (Action.APPROVE, False), (Action.TRASH, False)),
}


def _article_in(session, admin, author_id: int, path: str) -> int:
    steps = PATHS[path]
    dated = any(d for _, d in steps)
    article = create_article(
        session,
        admin,
        title=f"Статья: {path}",
        body="<p>Текст</p>",
        planned_at=PLANNED if dated else None,
    )
    for action, _ in steps:
        transition(session, admin, article.id, action, reason="по плану")
    # The author is whoever the case needs (a reviewer may once have been an editor).
    session.execute(update(Article).where(Article.id == article.id).values(author_id=author_id))
    return article.id


def test_every_role_action_status_and_authorship(store, team):
    """Allowed steps succeed and land where the workflow says; every other one
    raises PermissionDeniedError and changes nothing."""
    users = {Role.ADMIN: team.admin, Role.EDITOR: team.editor, Role.REVIEWER: team.reviewer}
    users[Role.EXPORTER] = team.exporter
    mismatches = []
    checked = 0
    for path, role, action, is_author in itertools.product(PATHS, Role, Action, (True, False)):
        user = users[role]
        with store.session() as session:
            author = user if is_author else team.other_editor
            article_id = _article_in(session, team.admin, author.id, path)
            before = get_article(session, article_id)
        previous = Status.APPROVED if path == "trash(approved)" else Status.DRAFT
        expected = denial(action, role, before.status, is_author=is_author, previous=previous)
        with store.session() as session:
            assert (action in allowed_actions(session, user, article_id)) == (expected is None)
        try:
            with store.session() as session:
                after = transition(session, user, article_id, action, reason="Проверка")
        except PermissionDeniedError as error:
            outcome = f"denied: {error}"
            with store.session() as session:
                assert get_article(session, article_id) == before  # nothing written
        else:
            outcome = after.status.value
        wanted = "allowed" if expected is None else f"denied: {expected.message}"
        if (expected is None) != (not outcome.startswith("denied")) or (
            expected is not None and outcome != wanted
        ):
            mismatches.append((path, role.value, action.value, is_author, outcome, wanted))
        checked += 1
    assert mismatches == []
    assert checked == len(PATHS) * 4 * 6 * 2


def test_the_allowed_steps_land_in_the_right_status(store, team):
    with store.session() as session:
        art = create_article(session, team.editor, title="Новость", body="<p>Текст</p>")
        assert transition(session, team.editor, art.id, Action.SUBMIT).status is Status.IN_REVIEW
        returned = transition(session, team.reviewer, art.id, Action.RETURN, reason="Нет цифр")
        assert returned.status is Status.RETURNED
        transition(session, team.editor, art.id, Action.SUBMIT)
        assert transition(session, team.reviewer, art.id, Action.APPROVE).status is Status.APPROVED
        assert transition(session, team.exporter, art.id, Action.PUBLISH).status is Status.PUBLISHED
        trail = [
            (e.from_status, e.to_status, e.user_login, e.reason)
            for e in audit_trail(session, art.id)
        ]
    assert trail == [
        (None, Status.DRAFT, "anna", ""),
        (Status.DRAFT, Status.IN_REVIEW, "anna", ""),
        (Status.IN_REVIEW, Status.RETURNED, "ivan", "Нет цифр"),
        (Status.RETURNED, Status.IN_REVIEW, "anna", ""),
        (Status.IN_REVIEW, Status.APPROVED, "ivan", ""),
        (Status.APPROVED, Status.PUBLISHED, "olga", ""),
    ]


def test_return_needs_a_reason(store, team):
    with store.session() as session:
        art = create_article(session, team.editor, title="Новость")
        transition(session, team.editor, art.id, Action.SUBMIT)
    with pytest.raises(ValidationError, match="reason"), store.session() as session:
        transition(session, team.reviewer, art.id, Action.RETURN, reason="   ")


def test_approval_names_the_exact_revision_and_an_edit_sends_it_back(store, team):
    with store.session() as session:
        art = create_article(
            session, team.editor, title="Ёлка", body="<p>Ёлку установят в пятницу.</p>"
        )
        v = update_article(
            session,
            team.editor,
            art.id,
            art.version,
            ArticleChanges(body="<p>Ёлку установят в субботу.</p>"),
        )
        transition(session, team.editor, art.id, Action.SUBMIT)
        approved = transition(
            session, team.reviewer, art.id, Action.APPROVE, expected_version=v.version + 1
        )
        approval = current_approval(session, art.id)
        revision = latest_revision(session, art.id)
    assert approved.status is Status.APPROVED
    assert approval is not None and approval.user_login == "ivan"
    assert (approval.revision_id, approval.revision_number) == (revision.id, 2)
    assert revision.body == "<p>Ёлку установят в субботу.</p>"

    # Not a text change: rubric and tags do not void the approval (admin only anyway).
    with store.session() as session:
        same = update_article(
            session, team.admin, art.id, approved.version, ArticleChanges(rubric="Город")
        )
    assert same.status is Status.APPROVED

    with store.session() as session:
        edited = update_article(
            session,
            team.admin,
            art.id,
            same.version,
            ArticleChanges(body="<p>Ёлку установят в воскресенье.</p>"),
        )
        last = audit_trail(session, art.id)[-1]
        stored = session.scalars(select(Approval).where(Approval.article_id == art.id)).all()
        diff = diff_against_approved(session, art.id)
    assert edited.status is Status.IN_REVIEW
    assert (last.from_status, last.to_status, last.user_login) == (
        Status.APPROVED,
        Status.IN_REVIEW,
        team.admin.login,
    )
    assert last.reason == SystemReason.EDITED_AFTER_APPROVAL
    assert [(a.revision_id, a.revoked_at is not None) for a in stored] == [(revision.id, True)]
    assert diff is not None and diff.old.id == revision.id and diff.new.number == 3
    assert [(s.kind.value, s.text) for s in diff.body if s.kind.value != "equal"] == [
        ("delete", "субботу"),
        ("insert", "воскресенье"),
    ]
    with store.session() as session:
        assert current_approval(session, art.id) is None


def test_scheduled_item_edited_goes_back_to_review_and_returns_scheduled(store, team):
    with store.session() as session:
        art = create_article(session, team.editor, title="Концерт", planned_at=PLANNED)
        transition(session, team.editor, art.id, Action.SUBMIT)
        scheduled = transition(session, team.reviewer, art.id, Action.APPROVE)
        assert scheduled.status is Status.SCHEDULED
        edited = update_article(
            session,
            team.admin,
            art.id,
            scheduled.version,
            ArticleChanges(title="Концерт перенесён"),
        )
        assert edited.status is Status.IN_REVIEW and edited.planned_at == PLANNED
        assert transition(session, team.reviewer, art.id, Action.APPROVE).status is Status.SCHEDULED


def test_a_planned_date_moves_an_approved_item_to_scheduled_and_back(store, team):
    with store.session() as session:
        art = create_article(session, team.editor, title="Без даты")
        transition(session, team.editor, art.id, Action.SUBMIT)
        approved = transition(session, team.reviewer, art.id, Action.APPROVE)
        dated = update_article(
            session,
            team.reviewer,
            art.id,
            approved.version,
            ArticleChanges(planned_at=PLANNED, change_planned_at=True),
        )
        undated = update_article(
            session,
            team.reviewer,
            art.id,
            dated.version,
            ArticleChanges(planned_at=None, change_planned_at=True),
        )
        trail = [(e.to_status, e.reason) for e in audit_trail(session, art.id)][-2:]
        still = current_approval(session, art.id)
    assert (dated.status, undated.status) == (Status.SCHEDULED, Status.APPROVED)
    assert trail == [
        (Status.SCHEDULED, SystemReason.PLANNED_DATE_SET),
        (Status.APPROVED, SystemReason.PLANNED_DATE_REMOVED),
    ]
    assert still is not None  # a date is not a text change: the approval stands


def test_who_may_edit_what(store, team):
    with store.session() as session:
        art = create_article(session, team.editor, title="Черновик", body="<p>Раз</p>")

    def save(user, changes: ArticleChanges):
        with store.session() as session:
            current = get_article(session, art.id)
            return update_article(session, user, art.id, current.version, changes)

    body = ArticleChanges(body="<p>Два</p>")
    date = ArticleChanges(planned_at=PLANNED, change_planned_at=True)
    for user in (team.other_editor, team.reviewer, team.exporter):
        with pytest.raises(PermissionDeniedError):
            save(user, body)
    for user in (team.other_editor, team.reviewer, team.exporter):  # a draft's date: author's
        with pytest.raises(PermissionDeniedError):
            save(user, date)
    assert save(team.editor, body).body == "<p>Два</p>"
    with store.session() as session:
        transition(session, team.editor, art.id, Action.SUBMIT)
    with pytest.raises(PermissionDeniedError, match="in_review"):
        save(team.editor, ArticleChanges(body="<p>Три</p>"))  # in review: wait for the reviewer
    assert save(team.reviewer, date).planned_at == PLANNED  # the reviewer schedules
    with pytest.raises(PermissionDeniedError):
        save(team.reviewer, ArticleChanges(title="Правка рецензента"))
    with store.session() as session:
        stored = get_article(session, art.id)
    assert (stored.body, stored.title) == ("<p>Два</p>", "Черновик")
    # A save with nothing changed is not refused: the form sends every field.
    assert (
        save(team.exporter, ArticleChanges(title="Черновик", body="<p>Два</p>")).version
        == stored.version
    )


def test_only_editors_and_admins_create(store, team):
    for user in (team.reviewer, team.exporter):
        with pytest.raises(PermissionDeniedError, match="create"), store.session() as session:
            create_article(session, user, title="Нельзя")
    with store.session() as session:
        assert create_article(session, team.editor, title="Можно").status is Status.DRAFT


def test_approve_refuses_a_text_the_reviewer_has_not_seen(store, team):
    with store.session() as session:
        art = create_article(session, team.editor, title="Версия")
        submitted = transition(session, team.editor, art.id, Action.SUBMIT)
        update_article(
            session, team.admin, art.id, submitted.version, ArticleChanges(lead="Новый лид")
        )
    with pytest.raises(VersionChangedError), store.session() as session:
        transition(
            session, team.reviewer, art.id, Action.APPROVE, expected_version=submitted.version
        )
    with store.session() as session:
        assert get_article(session, art.id).status is Status.IN_REVIEW
        assert current_approval(session, art.id) is None


def test_trash_and_restore_follow_the_workflow(store, team):
    with store.session() as session:
        mine = create_article(session, team.editor, title="Моя")
        theirs = create_article(session, team.other_editor, title="Чужая")
    with pytest.raises(PermissionDeniedError), store.session() as session:
        move_to_trash(session, team.editor, theirs.id)
    with pytest.raises(PermissionDeniedError), store.session() as session:
        move_to_trash(session, team.reviewer, mine.id)
    with store.session() as session:
        assert move_to_trash(session, team.editor, mine.id).status is Status.TRASH
        assert move_to_trash(session, team.editor, mine.id).status is Status.TRASH  # no-op
        assert restore_from_trash(session, team.editor, mine.id).status is Status.DRAFT
        # An approved item trashed by the admin is the admin's to bring back.
        transition(session, team.editor, mine.id, Action.SUBMIT)
        transition(session, team.reviewer, mine.id, Action.APPROVE)
        move_to_trash(session, team.admin, mine.id)
    with pytest.raises(PermissionDeniedError), store.session() as session:
        restore_from_trash(session, team.editor, mine.id)
    with store.session() as session:
        assert restore_from_trash(session, team.admin, mine.id).status is Status.APPROVED
        assert current_approval(session, mine.id) is not None


def test_permissions_for_the_ui(store, team):
    with store.session() as session:
        art = create_article(session, team.editor, title="Флаги")
        transition(session, team.editor, art.id, Action.SUBMIT)
        as_editor = permissions(session, team.editor, art.id)
        as_reviewer = permissions(session, team.reviewer, art.id)
        as_exporter = permissions(session, team.exporter, art.id)
        as_admin = permissions(session, team.admin, art.id)
    assert (
        as_editor.actions,
        as_editor.can_edit,
        as_editor.can_schedule,
        as_editor.can_comment,
    ) == (
        frozenset(),
        False,
        False,
        True,
    )
    assert as_reviewer.actions == {Action.APPROVE, Action.RETURN}
    assert (as_reviewer.can_edit, as_reviewer.can_schedule, as_reviewer.can_comment) == (
        False,
        True,
        True,
    )
    assert (as_exporter.actions, as_exporter.can_edit) == (frozenset(), False)
    assert as_admin.actions == {Action.APPROVE, Action.RETURN, Action.TRASH}
    assert as_admin.can_edit and as_admin.can_schedule
