"""The workflow rules, checked over EVERY role x action x status x authorship
against an expected table written out here as literal data (not derived from the
code's own table), so a change of the rules has to be made twice, on purpose."""

from __future__ import annotations

import itertools

import pytest

from editorial_desk.domain.errors import PermissionDeniedError, ValidationError
from editorial_desk.domain.roles import Role
from editorial_desk.domain.statuses import Status
from editorial_desk.domain.workflow import (
    Action,
    ActionDeniedError,
    Rule,
    allowed_actions,
    check,
    comment_denial,
    create_denial,
    date_is_fixed,
    denial,
    edit_denial,
    may_change_comment,
    may_resolve_comment,
    schedule_denial,
    status_after_edit,
    status_after_planning,
    target_status,
)

# action    role      who may   statuses it is allowed from   (no line: never)
TRANSITION_TABLE = """
submit      editor    own       draft returned
submit      admin     anyone    draft returned
approve     reviewer  anyone    in_review
approve     admin     anyone    in_review
return      reviewer  anyone    in_review approved scheduled
return      admin     anyone    in_review approved scheduled
publish     exporter  anyone    approved scheduled
publish     admin     anyone    approved scheduled
trash       editor    own       draft returned
trash       admin     anyone    draft in_review returned approved scheduled published
restore     editor    own       trash
restore     admin     anyone    trash
"""
# An editor restores only what they could have trashed: the status it goes back
# to (None: unknown history, back to draft) must be one of these.
EDITOR_MAY_RESTORE_TO = {None, "draft", "returned"}

# role      who may   statuses                      (no line: never)
EDIT_TABLE = """
editor      own       draft returned
admin       anyone    draft in_review returned approved scheduled published
"""
SCHEDULE_TABLE = """
editor      own       draft returned
reviewer    anyone    in_review approved scheduled
admin       anyone    draft in_review returned approved scheduled
"""
COMMENT_TABLE = """
editor      own       draft in_review returned approved scheduled published
reviewer    anyone    draft in_review returned approved scheduled published
exporter    anyone    draft in_review returned approved scheduled published
admin       anyone    draft in_review returned approved scheduled published
"""
CREATORS = {"editor", "admin"}


def _parse(table: str) -> dict[tuple[str, ...], tuple[str, set[str]]]:
    """{key columns: ("own" | "anyone", statuses)}"""
    rows: dict[tuple[str, ...], tuple[str, set[str]]] = {}
    for line in table.strip().splitlines():
        words = line.split()
        who = next(i for i, word in enumerate(words) if word in ("own", "anyone"))
        rows[tuple(words[:who])] = (words[who], set(words[who + 1 :]))
    return rows


TRANSITIONS = _parse(TRANSITION_TABLE)
EDITS, SCHEDULES, COMMENTS = (_parse(t) for t in (EDIT_TABLE, SCHEDULE_TABLE, COMMENT_TABLE))


def _expected(
    table: dict[tuple[str, ...], tuple[str, set[str]]],
    key: tuple[str, ...],
    status: Status,
    is_author: bool,
) -> bool:
    if key not in table:
        return False
    who, statuses = table[key]
    return status.value in statuses and (who == "anyone" or is_author)


PREVIOUS = [None, *Status]
CASES = list(itertools.product(Action, Role, Status, (True, False)))


def test_the_tables_are_complete_literals():
    assert len(TRANSITIONS) == 12 and len(EDITS) == 2 and len(SCHEDULES) == 3
    assert len(CASES) == 6 * 4 * 7 * 2


@pytest.mark.parametrize(("action", "role", "status", "is_author"), CASES)
def test_every_role_action_status_and_authorship(action, role, status, is_author):
    for previous in PREVIOUS if action is Action.RESTORE else [None]:
        expected = _expected(TRANSITIONS, (action.value, role.value), status, is_author)
        if action is Action.RESTORE and role is Role.EDITOR:
            back_to = None if previous in (None, Status.TRASH) else previous.value
            expected = expected and back_to in EDITOR_MAY_RESTORE_TO
        found = denial(action, role, status, is_author=is_author, previous=previous)
        assert (found is None) == expected, (action, role, status, is_author, previous, found)
        allowed = allowed_actions(role, status, is_author=is_author, previous=previous)
        assert (action in allowed) == expected
        if expected:
            check(action, role, status, is_author=is_author, reason="причина", previous=previous)
        else:
            with pytest.raises(PermissionDeniedError) as info:
                check(action, role, status, is_author=is_author, reason="x", previous=previous)
            assert isinstance(info.value, ActionDeniedError)
            assert info.value.denial == found
            assert "\n" not in str(info.value) and str(info.value)


@pytest.mark.parametrize(
    ("role", "status", "is_author"), list(itertools.product(Role, Status, (True, False)))
)
def test_edit_schedule_and_comment_rights(role, status, is_author):
    assert (edit_denial(role, status, is_author=is_author) is None) == _expected(
        EDITS, (role.value,), status, is_author
    )
    assert (schedule_denial(role, status, is_author=is_author) is None) == _expected(
        SCHEDULES, (role.value,), status, is_author
    )
    assert (comment_denial(role, status, is_author=is_author) is None) == _expected(
        COMMENTS, (role.value,), status, is_author
    )


@pytest.mark.parametrize("role", list(Role))
def test_who_creates(role):
    assert (create_denial(role) is None) == (role.value in CREATORS)


def test_return_needs_a_reason_even_for_admins():
    for role in (Role.REVIEWER, Role.ADMIN):
        with pytest.raises(ValidationError):
            check(Action.RETURN, role, Status.IN_REVIEW, is_author=False, reason="  ")
    check(Action.RETURN, Role.REVIEWER, Status.IN_REVIEW, is_author=False, reason="Нет цифр")


def test_targets():
    expected = {
        (Action.SUBMIT, Status.DRAFT, False): Status.IN_REVIEW,
        (Action.SUBMIT, Status.RETURNED, True): Status.IN_REVIEW,
        (Action.APPROVE, Status.IN_REVIEW, False): Status.APPROVED,
        (Action.APPROVE, Status.IN_REVIEW, True): Status.SCHEDULED,
        (Action.RETURN, Status.SCHEDULED, True): Status.RETURNED,
        (Action.PUBLISH, Status.SCHEDULED, True): Status.PUBLISHED,
        (Action.PUBLISH, Status.APPROVED, False): Status.PUBLISHED,
        (Action.TRASH, Status.APPROVED, False): Status.TRASH,
    }
    for (action, current, dated), target in expected.items():
        assert target_status(action, current, dated=dated) is target
    assert target_status(Action.RESTORE, Status.TRASH, dated=True, previous=None) is Status.DRAFT
    for previous in set(Status) - {Status.TRASH}:
        assert target_status(Action.RESTORE, Status.TRASH, dated=False, previous=previous) is (
            previous
        )


def test_edits_and_dates_move_approved_items():
    assert status_after_edit(Status.APPROVED) is Status.IN_REVIEW
    assert status_after_edit(Status.SCHEDULED) is Status.IN_REVIEW
    for other in set(Status) - {Status.APPROVED, Status.SCHEDULED}:
        assert status_after_edit(other) is None
    assert status_after_planning(Status.APPROVED, dated=True) is Status.SCHEDULED
    assert status_after_planning(Status.SCHEDULED, dated=False) is Status.APPROVED
    assert status_after_planning(Status.APPROVED, dated=False) is None
    assert status_after_planning(Status.SCHEDULED, dated=True) is None
    assert status_after_planning(Status.DRAFT, dated=True) is None


def test_comment_ownership_rules():
    for role in Role:
        assert may_change_comment(role, is_comment_author=True)
        assert may_change_comment(role, is_comment_author=False) == (role is Role.ADMIN)
        assert may_resolve_comment(role, is_comment_author=False, is_article_author=True)
        assert may_resolve_comment(role, is_comment_author=False, is_article_author=False) == (
            role in (Role.REVIEWER, Role.ADMIN)
        )


def test_denials_name_their_rule_and_read_as_one_line():
    cases = {
        denial(Action.APPROVE, Role.REVIEWER, Status.DRAFT, is_author=False): (
            Rule.STATUS,
            "cannot approve an article that is draft",
        ),
        denial(Action.APPROVE, Role.EDITOR, Status.IN_REVIEW, is_author=True): (
            Rule.ROLE,
            "a user with the role editor may not approve articles",
        ),
        denial(Action.SUBMIT, Role.EDITOR, Status.DRAFT, is_author=False): (
            Rule.AUTHOR,
            "only the author (or an admin) may submit this article",
        ),
        denial(Action.TRASH, Role.EDITOR, Status.APPROVED, is_author=True): (
            Rule.ROLE_STATUS,
            "a user with the role editor may not trash an article that is approved",
        ),
        edit_denial(Role.ADMIN, Status.TRASH, is_author=True): (
            Rule.TRASHED,
            "the article is in the trash; restore it before you edit it",
        ),
    }
    for found, (rule, message) in cases.items():
        assert found is not None
        assert (found.rule, found.message, str(found)) == (rule, message, message)


def test_nobody_moves_a_published_item_not_even_an_admin() -> None:
    # its planned date is the record of when it went out
    for role in Role:
        denied = schedule_denial(role, Status.PUBLISHED, is_author=True)
        assert denied is not None and denied.rule is Rule.STATUS
        assert denied.message == "cannot change the planned date of an article that is published"
    # the text stays the admin's to correct
    assert edit_denial(Role.ADMIN, Status.PUBLISHED, is_author=False) is None


def test_a_fixed_date_is_refused_to_every_role_and_only_fixed_ones_are_refused_to_all() -> None:
    """The views hide what `date_is_fixed` says; the services refuse the same."""
    for status in Status:
        refused_to_all = all(
            schedule_denial(role, status, is_author=author) is not None
            for role in Role
            for author in (True, False)
        )
        assert date_is_fixed(status) == refused_to_all, status
