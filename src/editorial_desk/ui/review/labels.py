"""Translated display texts of the review workflow: roles, workflow steps, why a
step is denied, the reasons the app writes into the audit trail, anchor states and
queue names, and calendar moves (a `RescheduleNote` in the audit trail, shown with
both times in the office's zone). The stored values stay English identifiers;
every source string is a literal here so pyside6-lupdate finds it.

Denials are built from `Denial(rule, role, status, action)`, not from its English
`message`: each rule is one sentence with the action's *name* in quotes
(«Одобрить»), so a Russian sentence never has to inflect a verb phrase."""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from editorial_desk.document.anchors import AnchorState
from editorial_desk.domain.review import QueueKind, RescheduleNote, SystemReason
from editorial_desk.domain.roles import Role
from editorial_desk.domain.workflow import Action, Denial, Rule
from editorial_desk.ui.labels import format_local_long, status_label

translate = QCoreApplication.translate

_ROLE_TEXT: dict[Role, str] = {
    Role.EDITOR: QT_TRANSLATE_NOOP("Role", "Editor"),
    Role.REVIEWER: QT_TRANSLATE_NOOP("Role", "Reviewer"),
    Role.EXPORTER: QT_TRANSLATE_NOOP("Role", "Exporter"),
    Role.ADMIN: QT_TRANSLATE_NOOP("Role", "Administrator"),
}

# What each role is for, as a tooltip in the users dialog.
_ROLE_TIP: dict[Role, str] = {
    Role.EDITOR: QT_TRANSLATE_NOOP("Role", "Writes articles and submits them for review"),
    Role.REVIEWER: QT_TRANSLATE_NOOP("Role", "Comments, returns with a reason, approves"),
    Role.EXPORTER: QT_TRANSLATE_NOOP("Role", "Hands approved articles to the website"),
    Role.ADMIN: QT_TRANSLATE_NOOP("Role", "May do everything and manages users"),
}

# The name of every step a Denial can be about: the six workflow actions and the
# four other rules of domain.workflow ("edit", "schedule", "create", "comment").
_ACTION_TEXT: dict[str, str] = {
    Action.SUBMIT.value: QT_TRANSLATE_NOOP("WorkflowAction", "Submit for review"),
    Action.APPROVE.value: QT_TRANSLATE_NOOP("WorkflowAction", "Approve"),
    Action.RETURN.value: QT_TRANSLATE_NOOP("WorkflowAction", "Return for revision"),
    Action.PUBLISH.value: QT_TRANSLATE_NOOP("WorkflowAction", "Mark as published"),
    Action.TRASH.value: QT_TRANSLATE_NOOP("WorkflowAction", "Move to trash"),
    Action.RESTORE.value: QT_TRANSLATE_NOOP("WorkflowAction", "Restore from trash"),
    "edit": QT_TRANSLATE_NOOP("WorkflowAction", "Edit the text"),
    "schedule": QT_TRANSLATE_NOOP("WorkflowAction", "Change the planned date"),
    "create": QT_TRANSLATE_NOOP("WorkflowAction", "Create articles"),
    "comment": QT_TRANSLATE_NOOP("WorkflowAction", "Comment"),
}

_SYSTEM_REASON_TEXT: dict[SystemReason, str] = {
    SystemReason.EDITED_AFTER_APPROVAL: QT_TRANSLATE_NOOP("SystemReason", "edited after approval"),
    SystemReason.PLANNED_DATE_SET: QT_TRANSLATE_NOOP("SystemReason", "publication date set"),
    SystemReason.PLANNED_DATE_REMOVED: QT_TRANSLATE_NOOP(
        "SystemReason", "publication date removed"
    ),
}

_ANCHOR_TEXT: dict[AnchorState, str] = {
    AnchorState.ATTACHED: QT_TRANSLATE_NOOP("AnchorState", "on this text"),
    AnchorState.CHANGED: QT_TRANSLATE_NOOP("AnchorState", "the text was changed"),
    AnchorState.REMOVED: QT_TRANSLATE_NOOP("AnchorState", "the fragment was removed"),
}

_QUEUE_TEXT: dict[QueueKind, str] = {
    QueueKind.TO_REVIEW: QT_TRANSLATE_NOOP("Queue", "To review"),
    QueueKind.RETURNED: QT_TRANSLATE_NOOP("Queue", "Returned to me"),
    QueueKind.TO_PUBLISH: QT_TRANSLATE_NOOP("Queue", "To publish"),
}

_QUEUE_EMPTY_TEXT: dict[QueueKind, str] = {
    QueueKind.TO_REVIEW: QT_TRANSLATE_NOOP("Queue", "Nothing is waiting for review."),
    QueueKind.RETURNED: QT_TRANSLATE_NOOP("Queue", "Nothing was returned to you."),
    QueueKind.TO_PUBLISH: QT_TRANSLATE_NOOP("Queue", "Nothing is waiting to be published."),
}

# Admins first in lists: they are few and the ones people look for.
ROLE_ORDER: tuple[Role, ...] = (Role.ADMIN, Role.REVIEWER, Role.EDITOR, Role.EXPORTER)


def role_label(role: Role) -> str:
    return translate("Role", _ROLE_TEXT[role])


def role_tip(role: Role) -> str:
    return translate("Role", _ROLE_TIP[role])


def action_label(action: Action | str) -> str:
    """The name of a workflow step (or of "edit", "schedule", "create", "comment")."""
    key = action.value if isinstance(action, Action) else action
    text = _ACTION_TEXT.get(key)
    return translate("WorkflowAction", text) if text else key


def denial_text(denial: Denial) -> str:
    """One translated sentence saying why `denial.action` is not allowed."""
    action = action_label(denial.action)
    role = role_label(denial.role)
    status = status_label(denial.status)
    match denial.rule:
        case Rule.STATUS:
            text = translate(
                "Denial", "“{action}” is not possible while the article is “{status}”."
            )
        case Rule.ROLE:
            text = translate("Denial", "The role “{role}” does not allow “{action}”.")
        case Rule.AUTHOR:
            text = translate(
                "Denial", "Only the author of the article (or an administrator) may “{action}”."
            )
        case Rule.ROLE_STATUS:
            text = translate(
                "Denial",
                "The role “{role}” does not allow “{action}” while the article is “{status}”.",
            )
        case Rule.TRASHED:
            text = translate("Denial", "The article is in the trash; restore it first.")
        case _:  # a rule added to the domain without a sentence here: still say something
            return denial.message
    return text.format(action=action, role=role, status=status)


def system_reason_label(reason: SystemReason) -> str:
    return translate("SystemReason", _SYSTEM_REASON_TEXT[reason])


def reschedule_text(note: RescheduleNote, zone: tzinfo) -> str:
    """A calendar move as a sentence, both times long-formatted in `zone`:
    «Перенесена с 5 декабря 2026 г., 10:00 на 7 декабря 2026 г., 10:00»."""
    old = format_local_long(note.old, zone)
    new = format_local_long(note.new, zone)
    if note.old is not None and note.new is not None:
        return translate("AuditReason", "Moved from {old} to {new}").format(old=old, new=new)
    if note.new is not None:
        return translate("AuditReason", "Planned for {new}").format(new=new)
    if note.old is not None:
        return translate("AuditReason", "Publication date removed (was {old})").format(old=old)
    # None -> None: the service writes no row for a non-move; should one appear
    # anyway, it still says nothing false.
    return system_reason_label(SystemReason.PLANNED_DATE_REMOVED)


def audit_reason_text(reason: str, zone: tzinfo) -> str:
    """A reason from the audit trail: the app's own ones translated (a calendar
    move with its times in `zone`), what a person typed shown as typed."""
    note = RescheduleNote.parse(reason)
    if note is not None:
        return reschedule_text(note, zone)
    try:
        system = SystemReason(reason)
    except ValueError:
        return reason
    return system_reason_label(system)


def anchor_state_label(state: AnchorState) -> str:
    return translate("AnchorState", _ANCHOR_TEXT[state])


def queue_label(kind: QueueKind) -> str:
    return translate("Queue", _QUEUE_TEXT[kind])


def queue_empty_text(kind: QueueKind) -> str:
    return translate("Queue", _QUEUE_EMPTY_TEXT[kind])
