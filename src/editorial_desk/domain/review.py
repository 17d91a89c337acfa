"""Value types of review: approvals, history, edit locks, queues, permissions.
What the services return to the UI and the CLI (never ORM objects). Types that
carry document-layer results (diff segments, anchor states) live beside the
services that return them: `services.history.RevisionDiff`,
`services.comments.CommentInfo`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from editorial_desk.domain.article import ArticleSummary
from editorial_desk.domain.errors import EditorialError
from editorial_desk.domain.statuses import Status
from editorial_desk.domain.workflow import Action


class SystemReason(StrEnum):
    """Reasons the app itself writes into the audit trail (the UI translates these;
    a reason a person typed is shown as typed)."""

    EDITED_AFTER_APPROVAL = "edited after approval"
    PLANNED_DATE_SET = "planned date set"
    PLANNED_DATE_REMOVED = "planned date removed"


RESCHEDULED_PREFIX = "rescheduled:"
_NO_DATE = "none"


@dataclass(frozen=True, slots=True)
class RescheduleNote:
    """The audit-trail reason of a calendar move: the planned time before and after
    (aware UTC; None = unscheduled). Stored in `StatusChange.reason` as
    "rescheduled: <old> -> <new>" (ISO 8601 UTC or "none"), readable as it is in the
    CLI and parsed back by the UI to show both times in the office's zone.

    Not a SystemReason member: those are fixed texts, this one carries values."""

    old: datetime | None
    new: datetime | None

    def reason(self) -> str:
        return f"{RESCHEDULED_PREFIX} {_iso(self.old)} -> {_iso(self.new)}"

    @classmethod
    def parse(cls, reason: str) -> RescheduleNote | None:
        """The note in an audit reason, or None for any other reason."""
        if not reason.startswith(RESCHEDULED_PREFIX):
            return None
        old, arrow, new = reason[len(RESCHEDULED_PREFIX) :].partition("->")
        if not arrow:
            return None
        try:
            return cls(_from_iso(old), _from_iso(new))
        except ValueError:
            return None


def _iso(moment: datetime | None) -> str:
    return moment.astimezone(UTC).isoformat() if moment is not None else _NO_DATE


def _from_iso(text: str) -> datetime | None:
    text = text.strip()
    if text == _NO_DATE:
        return None
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError("naive time in a reschedule note")
    return moment.astimezone(UTC)


class VersionChangedError(EditorialError):
    """The article changed since the user looked at it, so the step they took (an
    approval of what they read, a restore) would apply to something they have not
    seen. Nothing has been written."""

    def __init__(self, article_id: int, seen: int, current: int) -> None:
        super().__init__(
            f"article {article_id} was changed (now version {current}) after you opened "
            f"version {seen}; look at it again before you continue"
        )
        self.article_id = article_id
        self.seen = seen
        self.current = current


# ---------------------------------------------------------------- approvals, history


@dataclass(frozen=True, slots=True)
class ApprovalInfo:
    """An approval of one exact revision. `revoked_at` is set when the item left
    Approved/Scheduled because it was returned or its text changed."""

    id: int
    article_id: int
    revision_id: int
    revision_number: int
    user_login: str
    user_name: str
    created_at: datetime
    revoked_at: datetime | None


@dataclass(frozen=True, slots=True)
class RevisionInfo:
    """One saved revision, without its text (cheap to list)."""

    id: int
    article_id: int
    number: int
    article_version: int
    title: str
    author_login: str
    author_name: str
    created_at: datetime
    approved: bool  # some approval (current or revoked) points at this revision


@dataclass(frozen=True, slots=True)
class RevisionContent:
    info: RevisionInfo
    lead: str
    body: str


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One status change: who moved the item from what to what, when and why."""

    id: int
    article_id: int
    user_login: str
    user_name: str
    from_status: Status | None  # None: the article was created
    to_status: Status
    reason: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class ArticleHistory:
    """Everything the history panel shows: revisions, the audit trail and approvals,
    each oldest first."""

    article_id: int
    revisions: tuple[RevisionInfo, ...]
    audit: tuple[AuditEntry, ...]
    approvals: tuple[ApprovalInfo, ...]


# ---------------------------------------------------------------- edit locks


@dataclass(frozen=True, slots=True)
class LockInfo:
    """A soft edit lock: "being edited by N since 10:42" for everyone else."""

    article_id: int
    token: str  # identifies one open editor window (one app instance)
    user_login: str
    user_name: str
    host: str
    pid: int
    acquired_at: datetime
    heartbeat_at: datetime
    expires_at: datetime

    def expired(self, now: datetime) -> bool:
        return now >= self.expires_at


@dataclass(frozen=True, slots=True)
class LockResult:
    """The answer to acquire/refresh/take over.

    `held`: this token holds the lock now (edit); otherwise `lock` is the other
    holder (open read-only, show who and since when; None only when a heartbeat
    finds the lock gone). `replaced`: a lock of someone else that this call took
    (expired, or taken over on purpose) - warn about it."""

    held: bool
    lock: LockInfo | None
    replaced: LockInfo | None = None


# ---------------------------------------------------------------- queues


class QueueKind(StrEnum):
    TO_REVIEW = "to_review"  # in review (reviewer)
    RETURNED = "returned"  # sent back to me (editor)
    TO_PUBLISH = "to_publish"  # approved, or scheduled up to the end of tomorrow (exporter)


@dataclass(frozen=True, slots=True)
class Queue:
    """One "waiting for me" list, most urgent first."""

    kind: QueueKind
    items: tuple[ArticleSummary, ...]


@dataclass(frozen=True, slots=True)
class PermissionSet:
    """What a user may do with one article now: the UI enables exactly these."""

    actions: frozenset[Action]
    can_edit: bool  # title, lead, body, rubric, tags
    can_schedule: bool  # the planned date
    can_comment: bool
