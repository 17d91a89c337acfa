"""The editorial workflow: ONE table of transitions with who may take them, and the
rules for editing, scheduling, creating and commenting. The services enforce these,
the UI disables what they deny and the CLI fails with their message, so all three
always agree.

    Draft ──submit──▶ In review ──approve──▶ Approved ⇄ Scheduled ──publish──▶ Published
      ▲                  │  ▲                   │           │
      │                  │  └── content edited ─┴───────────┘
      └── Returned ◀── return (reason) ◀────────┴───────────┘
            └──submit──▶ In review
    any ──trash──▶ Trash ──restore──▶ the status it had

Approve leads to Scheduled when the item has a planned date and to Approved when
it has none; giving an approved item a date (or taking it away) moves it between
the two. A change of title, lead or body after approval sends it back to review.

Roles (admin may do everything, in every status where the step exists at all):
- editor: create; edit, submit and trash their own drafts and returned items;
  restore what they could have trashed; comment on their own articles;
- reviewer: comment, return with a reason, approve, set the planned date of what
  they review;
- exporter: mark approved and scheduled items published (and comment).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from editorial_desk.domain.errors import PermissionDeniedError, ValidationError
from editorial_desk.domain.roles import Role
from editorial_desk.domain.statuses import Status


class Action(StrEnum):
    SUBMIT = "submit"
    APPROVE = "approve"
    RETURN = "return"
    PUBLISH = "publish"
    TRASH = "trash"
    RESTORE = "restore"


class Rule(StrEnum):
    """Which rule denied something: a stable key the UI translates by."""

    STATUS = "status"  # the step does not exist from this status (for anyone)
    ROLE = "role"  # the role may never do this
    AUTHOR = "author"  # only the article's author (or an admin) may
    ROLE_STATUS = "role_status"  # the role may, but not in this status
    TRASHED = "trashed"  # an article in the trash is not changed; restore it first


# How an action reads in "may not ... this article".
_VERB_PHRASES = {"schedule": "change the planned date of", "comment": "comment on"}


@dataclass(frozen=True, slots=True)
class Denial:
    """Why something is not allowed. `message` is English (CLI, logs); the UI builds
    its own translated text from the other fields."""

    rule: Rule
    role: Role
    status: Status
    action: str  # an Action value, or "edit" / "schedule" / "create" / "comment"

    @property
    def message(self) -> str:
        what = _VERB_PHRASES.get(self.action, self.action)
        match self.rule:
            case Rule.STATUS:
                return f"cannot {what} an article that is {self.status.value}"
            case Rule.ROLE:
                return f"a user with the role {self.role.value} may not {what} articles"
            case Rule.AUTHOR:
                return f"only the author (or an admin) may {what} this article"
            case Rule.ROLE_STATUS:
                return (
                    f"a user with the role {self.role.value} may not {what} an article "
                    f"that is {self.status.value}"
                )
            case Rule.TRASHED:
                return f"the article is in the trash; restore it before you {what} it"
        raise AssertionError(self.rule)

    def __str__(self) -> str:
        return self.message


class ActionDeniedError(PermissionDeniedError):
    """PermissionDeniedError carrying the structured `denial`."""

    def __init__(self, denial: Denial) -> None:
        super().__init__(denial.message)
        self.denial = denial


@dataclass(frozen=True, slots=True)
class Grant:
    """One role's right to take a transition."""

    role: Role
    own_only: bool = False  # only on articles this user wrote
    # Narrower than the transition's sources; None means all of them.
    only_from: frozenset[Status] | None = None


@dataclass(frozen=True, slots=True)
class Transition:
    action: Action
    sources: frozenset[Status]  # the statuses the step exists from, for anyone
    grants: tuple[Grant, ...]  # admin is implicit: every step, from every source
    reason_required: bool = False


# What an editor may change and throw away: their own work before it is in review.
EDITABLE_BY_AUTHOR = frozenset({Status.DRAFT, Status.RETURNED})
# Where a reviewer may set or move the planned date (scheduling is part of review).
SCHEDULABLE_BY_REVIEWER = frozenset({Status.IN_REVIEW, Status.APPROVED, Status.SCHEDULED})
# A change of title, lead or body in these statuses voids the approval.
BACK_TO_REVIEW_ON_EDIT = frozenset({Status.APPROVED, Status.SCHEDULED})

_NOT_TRASH = frozenset(Status) - {Status.TRASH}

TRANSITIONS: dict[Action, Transition] = {
    t.action: t
    for t in (
        Transition(
            Action.SUBMIT,
            frozenset({Status.DRAFT, Status.RETURNED}),
            (Grant(Role.EDITOR, own_only=True),),
        ),
        Transition(
            Action.APPROVE,
            frozenset({Status.IN_REVIEW}),
            (Grant(Role.REVIEWER),),
        ),
        Transition(
            Action.RETURN,
            frozenset({Status.IN_REVIEW, Status.APPROVED, Status.SCHEDULED}),
            (Grant(Role.REVIEWER),),
            reason_required=True,
        ),
        Transition(
            Action.PUBLISH,
            frozenset({Status.APPROVED, Status.SCHEDULED}),
            (Grant(Role.EXPORTER),),
        ),
        Transition(
            Action.TRASH,
            _NOT_TRASH,
            (Grant(Role.EDITOR, own_only=True, only_from=EDITABLE_BY_AUTHOR),),
        ),
        # Restoring undoes a trash, so a role may restore only what it could have
        # trashed: `denial(..., previous=...)` checks the status it would return to
        # against the role's TRASH grant.
        Transition(
            Action.RESTORE,
            frozenset({Status.TRASH}),
            (Grant(Role.EDITOR, own_only=True),),
        ),
    )
}


def target_status(
    action: Action, current: Status, *, dated: bool, previous: Status | None = None
) -> Status:
    """Where `action` takes an article that is `current` now. `dated`: it has a
    planned date; `previous`: the status it had before it was trashed."""
    match action:
        case Action.SUBMIT:
            return Status.IN_REVIEW
        case Action.APPROVE:
            return Status.SCHEDULED if dated else Status.APPROVED
        case Action.RETURN:
            return Status.RETURNED
        case Action.PUBLISH:
            return Status.PUBLISHED
        case Action.TRASH:
            return Status.TRASH
        case Action.RESTORE:
            return previous if previous not in (None, Status.TRASH) else Status.DRAFT
    raise AssertionError(action)


def _grant_denial(
    transition: Transition, role: Role, status: Status, *, is_author: bool
) -> Denial | None:
    grant = next((g for g in transition.grants if g.role is role), None)
    if grant is None:
        return Denial(Rule.ROLE, role, status, transition.action.value)
    if grant.own_only and not is_author:
        return Denial(Rule.AUTHOR, role, status, transition.action.value)
    if grant.only_from is not None and status not in grant.only_from:
        return Denial(Rule.ROLE_STATUS, role, status, transition.action.value)
    return None


def denial(
    action: Action,
    role: Role,
    status: Status,
    *,
    is_author: bool,
    previous: Status | None = None,
) -> Denial | None:
    """Why `role` may not take `action` on an article in `status`; None if it may.
    `previous` (for RESTORE only) is the status the article had before the trash."""
    transition = TRANSITIONS[action]
    if status not in transition.sources:
        return Denial(Rule.STATUS, role, status, action.value)
    if role is Role.ADMIN:
        return None
    found = _grant_denial(transition, role, status, is_author=is_author)
    if found is None and action is Action.RESTORE:
        back_to = target_status(action, status, dated=False, previous=previous)
        undo = _grant_denial(TRANSITIONS[Action.TRASH], role, back_to, is_author=is_author)
        if undo is not None:
            return Denial(undo.rule, role, back_to, action.value)
    return found


def allowed_actions(
    role: Role, status: Status, *, is_author: bool, previous: Status | None = None
) -> frozenset[Action]:
    return frozenset(
        action
        for action in Action
        if denial(action, role, status, is_author=is_author, previous=previous) is None
    )


def check(
    action: Action,
    role: Role,
    status: Status,
    *,
    is_author: bool,
    reason: str = "",
    previous: Status | None = None,
) -> None:
    """Raise ActionDeniedError (a PermissionDeniedError) if the transition is not
    allowed, ValidationError if it is incomplete (a return without a reason)."""
    problem = denial(action, role, status, is_author=is_author, previous=previous)
    if problem is not None:
        raise ActionDeniedError(problem)
    if TRANSITIONS[action].reason_required and not reason.strip():
        raise ValidationError(f"a reason is required to {action.value} an article")


def edit_denial(role: Role, status: Status, *, is_author: bool) -> Denial | None:
    """Why `role` may not change the text (title, lead, body) or the rubric and tags
    of an article in `status`; None if it may."""
    if status is Status.TRASH:
        return Denial(Rule.TRASHED, role, status, "edit")
    if role is Role.ADMIN:
        return None
    if role is not Role.EDITOR:
        return Denial(Rule.ROLE, role, status, "edit")
    if not is_author:
        return Denial(Rule.AUTHOR, role, status, "edit")
    if status not in EDITABLE_BY_AUTHOR:
        return Denial(Rule.ROLE_STATUS, role, status, "edit")
    return None


def date_is_fixed(status: Status) -> bool:
    """No one, whatever their role, may change the planned date in `status`: a
    published item's date is the record of when it went out, a trashed one is not
    planned. Views use it to not offer a change `schedule_denial` would refuse."""
    return status in (Status.PUBLISHED, Status.TRASH)


def schedule_denial(role: Role, status: Status, *, is_author: bool) -> Denial | None:
    """Why `role` may not set, move or clear the planned date; None if it may.
    Authors plan their drafts; reviewers schedule what they review and approve.
    Nobody, an admin included, moves a published item: its planned date is the
    record of when it went out."""
    if date_is_fixed(status):
        rule = Rule.TRASHED if status is Status.TRASH else Rule.STATUS
        return Denial(rule, role, status, "schedule")
    if role is Role.REVIEWER:
        if status in SCHEDULABLE_BY_REVIEWER:
            return None
        return Denial(Rule.ROLE_STATUS, role, status, "schedule")
    found = edit_denial(role, status, is_author=is_author)
    return None if found is None else Denial(found.rule, role, status, "schedule")


def create_denial(role: Role) -> Denial | None:
    """Only editors (and admins) write new articles."""
    if role in (Role.EDITOR, Role.ADMIN):
        return None
    return Denial(Rule.ROLE, role, Status.DRAFT, "create")


def comment_denial(role: Role, status: Status, *, is_author: bool) -> Denial | None:
    """Reviewers, exporters and admins comment on any article; editors on their own
    (to answer the reviewer). Nobody comments in the trash."""
    if status is Status.TRASH:
        return Denial(Rule.TRASHED, role, status, "comment")
    if role is Role.EDITOR and not is_author:
        return Denial(Rule.AUTHOR, role, status, "comment")
    return None


def status_after_edit(status: Status) -> Status | None:
    """The status a change of title, lead or body moves an article to (None: it
    stays). An approval is of one exact text, so any change voids it."""
    return Status.IN_REVIEW if status in BACK_TO_REVIEW_ON_EDIT else None


def status_after_planning(status: Status, *, dated: bool) -> Status | None:
    """Setting or clearing the planned date of an approved item moves it between
    Approved and Scheduled (None: it stays)."""
    if status is Status.APPROVED and dated:
        return Status.SCHEDULED
    if status is Status.SCHEDULED and not dated:
        return Status.APPROVED
    return None


def may_change_comment(role: Role, *, is_comment_author: bool) -> bool:
    """Authors edit and delete their own comments; admins any."""
    return is_comment_author or role is Role.ADMIN


def may_resolve_comment(role: Role, *, is_comment_author: bool, is_article_author: bool) -> bool:
    """Whoever wrote the comment, whoever wrote the article (after fixing it), the
    reviewer and admins mark a comment resolved (or open it again)."""
    return is_comment_author or is_article_author or role in (Role.REVIEWER, Role.ADMIN)
