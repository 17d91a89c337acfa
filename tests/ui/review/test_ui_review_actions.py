"""The workflow-step actions: enabled exactly as the services allow, a disabled
one says why, and each step runs in one session and reports what changed."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QMainWindow, QMessageBox

from editorial_desk.domain.statuses import Status
from editorial_desk.domain.workflow import Action, denial
from editorial_desk.ui.review.labels import denial_text
from editorial_desk.ui.review.reason_dialog import ReasonDialog
from editorial_desk.ui.review.status_actions import REVIEW_ACTIONS, ReviewActions

STEPS = (Action.SUBMIT, Action.APPROVE, Action.RETURN, Action.PUBLISH)

APPROVE = (Action.SUBMIT, Action.APPROVE)
# Steps that bring an article (by the editor Anna) into each status; a planned
# date makes an approved article Scheduled.
TO_STATUS: dict[Status, tuple[tuple[Action, ...], bool]] = {
    Status.DRAFT: ((), False),
    Status.IN_REVIEW: ((Action.SUBMIT,), False),
    Status.RETURNED: ((Action.SUBMIT, Action.RETURN), False),
    Status.APPROVED: (APPROVE, False),
    Status.SCHEDULED: (APPROVE, True),
    Status.PUBLISHED: ((*APPROVE, Action.PUBLISH), False),
    Status.TRASH: ((Action.TRASH,), False),
}


@pytest.fixture
def window(qtbot) -> QMainWindow:
    win = QMainWindow()
    qtbot.addWidget(win)
    return win


def actions_for(window, ops) -> ReviewActions:
    review = ReviewActions(window)
    review.attach(ops)
    return review


def enabled(review: ReviewActions) -> set[Action]:
    return {step for step, action in review.actions.items() if action.isEnabled()}


def test_one_action_per_step_and_nothing_enabled_without_an_article(window):
    review = ReviewActions(window)
    assert [spec.step for spec in REVIEW_ACTIONS] == list(STEPS)
    assert set(review.actions) == set(STEPS)
    assert enabled(review) == set()
    assert all(action.toolTip() for action in review.actions.values())
    assert review.action(Action.APPROVE).objectName() == "review.approve"


@pytest.mark.parametrize("status", list(TO_STATUS))
def test_each_role_gets_exactly_the_steps_the_services_allow(
    window, store, team, ops_for, make_article, status
):
    from editorial_desk.services.workflow import permissions, status_before_trash

    steps, dated = TO_STATUS[status]
    planned = datetime(2030, 1, 15, 7, 0, tzinfo=UTC) if dated else None
    article = make_article(f"Статья: {status.value}", steps=steps, planned_at=planned)
    assert article.status is status
    for user in (team.editor, team.other_editor, team.reviewer, team.exporter, team.admin):
        review = actions_for(window, ops_for(user))
        review.set_article(article)
        with store.session() as session:
            allowed = permissions(session, user, article.id).actions
            previous = status_before_trash(session, article.id)
        assert enabled(review) == allowed & set(STEPS), (user.login, status)
        for step in set(STEPS) - allowed:
            why = denial(
                step,
                user.role,
                status,
                is_author=user.login == article.author_login,
                previous=previous if status is Status.TRASH else None,
            )
            assert why is not None
            assert review.action(step).toolTip() == denial_text(why)
            assert review.action(step).statusTip() == denial_text(why)


def test_a_forbidden_step_shows_why_and_changes_nothing(
    window, store, team, ops_for, make_article, message_boxes, fresh
):
    article = make_article(steps=(Action.SUBMIT,))
    review = actions_for(window, ops_for(team.editor))
    review.set_article(article)
    assert not review.action(Action.APPROVE).isEnabled()
    changed = []
    review.articleChanged.connect(changed.append)

    assert review.trigger(Action.APPROVE) is None

    assert len(message_boxes.shown) == 1
    title, text, _info = message_boxes.shown[0]
    assert title == "Not allowed"
    assert text == "The role “Editor” does not allow “Approve”."
    after = fresh(article.id)
    assert (after.status, after.version) == (Status.IN_REVIEW, article.version)
    assert changed == []


def test_submit_runs_the_step_and_reports_the_new_snapshot(window, team, ops_for, make_article):
    article = make_article()
    review = actions_for(window, ops_for(team.editor))
    review.set_article(article)
    changed, messages = [], []
    review.articleChanged.connect(changed.append)
    review.statusMessage.connect(messages.append)

    review.action(Action.SUBMIT).trigger()

    assert [a.status for a in changed] == [Status.IN_REVIEW]
    assert messages == ["“Новость” was submitted for review."]
    assert enabled(review) == set()  # the author has nothing more to do here


def test_before_step_can_cancel(window, store, team, ops_for, make_article, fresh):
    article = make_article()
    review = actions_for(window, ops_for(team.editor))
    review.set_article(article)
    review.before_step = lambda step: False
    assert review.trigger(Action.SUBMIT) is None
    assert fresh(article.id).status is Status.DRAFT


def test_return_asks_for_a_reason_and_cancel_changes_nothing(
    window, store, team, ops_for, make_article, fresh
):
    article = make_article(steps=(Action.SUBMIT,))
    review = actions_for(window, ops_for(team.reviewer))
    review.set_article(article)
    asked = []
    review.ask_reason = lambda art: asked.append(art.title)  # returns None: cancelled
    assert review.trigger(Action.RETURN) is None
    assert asked == ["Новость"]
    assert fresh(article.id).status is Status.IN_REVIEW


def test_a_blank_reason_is_refused_by_the_service_too(
    window, store, team, ops_for, make_article, message_boxes, fresh
):
    article = make_article(steps=(Action.SUBMIT,))
    review = actions_for(window, ops_for(team.reviewer))
    review.set_article(article)
    review.ask_reason = lambda _art: "   "
    assert review.trigger(Action.RETURN) is None
    assert message_boxes.shown and message_boxes.shown[0][0] == "Cannot accept the input"
    assert fresh(article.id).status is Status.IN_REVIEW


def test_reason_dialog_requires_a_reason(qtbot, type_text):
    dialog = ReasonDialog("Новость")
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    assert dialog.hint.isVisibleTo(dialog)
    type_text(dialog.reason_edit, "   ")
    assert not dialog.ok_button.isEnabled()
    dialog.accept()  # Ctrl+Enter with nothing typed does not accept
    assert dialog.result() != ReasonDialog.DialogCode.Accepted
    type_text(dialog.reason_edit, "Проверьте цифры")
    dialog.reason_edit.appendPlainText("и даты")  # several lines are fine
    assert dialog.ok_button.isEnabled()
    dialog.accept()
    assert dialog.result() == ReasonDialog.DialogCode.Accepted
    assert dialog.reason() == "Проверьте цифры\nи даты"


def test_return_with_a_reason_from_the_dialog(
    window, store, team, ops_for, make_article, monkeypatch, type_text
):
    from editorial_desk.services.history import audit_trail

    def fill_and_accept(dialog: ReasonDialog) -> str | None:
        type_text(dialog.reason_edit, "Нет подписи под фото")
        dialog.accept()
        return dialog.reason() if dialog.result() == ReasonDialog.DialogCode.Accepted else None

    monkeypatch.setattr(ReasonDialog, "ask", fill_and_accept)
    article = make_article(steps=(Action.SUBMIT,))
    review = actions_for(window, ops_for(team.reviewer))
    review.set_article(article)

    after = review.trigger(Action.RETURN)

    assert after is not None and after.status is Status.RETURNED
    with store.session() as session:
        last = audit_trail(session, article.id)[-1]
    assert (last.to_status, last.reason, last.user_login) == (
        Status.RETURNED,
        "Нет подписи под фото",
        "ivan",
    )


def test_approve_is_of_the_version_the_reviewer_read(
    window, store, team, ops_for, make_article, message_boxes, fresh
):
    from editorial_desk.domain.article import ArticleChanges
    from editorial_desk.services.articles import update_article

    article = make_article(steps=(Action.SUBMIT,))
    review = actions_for(window, ops_for(team.reviewer))
    review.set_article(article)  # the reviewer reads this version
    with store.session() as session:  # ... while the admin changes the text
        update_article(
            session, team.admin, article.id, article.version, ArticleChanges(lead="Новый лид")
        )
    changed = []
    review.articleChanged.connect(changed.append)

    assert review.trigger(Action.APPROVE) is None

    assert message_boxes.shown[0][0] == "The article has changed"
    assert fresh(article.id).status is Status.IN_REVIEW
    # The window is told to show the new text; approving that one works.
    assert [a.lead for a in changed] == ["Новый лид"]
    after = review.trigger(Action.APPROVE)
    assert after is not None and after.status is Status.APPROVED


def test_publish_is_confirmed_first(
    window, store, team, ops_for, make_article, message_boxes, fresh
):
    article = make_article(steps=(Action.SUBMIT, Action.APPROVE))
    review = actions_for(window, ops_for(team.exporter))
    review.set_article(article)
    assert enabled(review) == {Action.PUBLISH}

    message_boxes.answers.append(QMessageBox.StandardButton.No)
    assert review.trigger(Action.PUBLISH) is None
    assert fresh(article.id).status is Status.APPROVED

    message_boxes.answers.append(QMessageBox.StandardButton.Yes)
    assert review.trigger(Action.PUBLISH).status is Status.PUBLISHED
    assert message_boxes.texts() == ["Mark “Новость” as published?"] * 2


def test_add_to_menu_and_toolbar(window):
    review = ReviewActions(window)
    menu = window.menuBar().addMenu(review.menu_title())
    toolbar = window.addToolBar("review")
    review.add_to(menu)
    review.add_to(toolbar)
    assert menu.title() == "Re&view"
    assert [a.objectName() for a in menu.actions()] == [f"review.{s.value}" for s in STEPS]
    assert len(toolbar.actions()) == 4
