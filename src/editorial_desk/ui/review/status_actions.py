"""The workflow steps as QActions: Submit, Approve, Return, Mark published.

Declared once as data (like `ui.actions`; its `ActionSpec` is keyed by the
window's `ActionId` and a menu, so these have their own small spec). The actions
are enabled exactly when `services.workflow.permissions` allows the step; a
disabled one says why in its tooltip and status tip (the translated `Denial`).

`trigger(action)` runs the step in one session and reports through signals:
`articleChanged(ArticleSnapshot)` after a step (or after finding the article
changed under the user), `statusMessage(str)` for the status bar. Errors are
shown in a message box and change nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolBar, QWidget

from editorial_desk.domain.article import ArticleSnapshot
from editorial_desk.domain.errors import EditorialError
from editorial_desk.domain.review import VersionChangedError
from editorial_desk.domain.workflow import Action, ActionDeniedError
from editorial_desk.ui.icons import themed_icon
from editorial_desk.ui.review.labels import denial_text
from editorial_desk.ui.review.messages import confirm, review_message_for, show_review_error
from editorial_desk.ui.review.operations import ReviewOperations, ReviewState
from editorial_desk.ui.review.reason_dialog import ReasonDialog

translate = QCoreApplication.translate
TR_CONTEXT = "ReviewActions"


@dataclass(frozen=True, slots=True)
class ReviewActionSpec:
    step: Action
    text: str  # English source with a mnemonic; context "ReviewActions"
    tip: str  # what it does (shown while it is enabled)
    done: str  # status-bar message afterwards; {title} is the article
    icon: str | None = None  # freedesktop theme icon name
    fallback_icon: str | None = None  # QStyle.StandardPixmap name


REVIEW_MENU_TEXT = QT_TRANSLATE_NOOP("ReviewActions", "Re&view")

REVIEW_ACTIONS: tuple[ReviewActionSpec, ...] = (
    ReviewActionSpec(
        Action.SUBMIT,
        QT_TRANSLATE_NOOP("ReviewActions", "Su&bmit for Review"),
        QT_TRANSLATE_NOOP("ReviewActions", "Send the article to the reviewer"),
        QT_TRANSLATE_NOOP("ReviewActions", "“{title}” was submitted for review."),
        "mail-send",
        "SP_ArrowForward",
    ),
    ReviewActionSpec(
        Action.APPROVE,
        QT_TRANSLATE_NOOP("ReviewActions", "&Approve"),
        QT_TRANSLATE_NOOP("ReviewActions", "Approve exactly the version you are reading"),
        QT_TRANSLATE_NOOP("ReviewActions", "“{title}” was approved."),
        "dialog-ok-apply",
        "SP_DialogApplyButton",
    ),
    ReviewActionSpec(
        Action.RETURN,
        QT_TRANSLATE_NOOP("ReviewActions", "&Return for Revision…"),
        QT_TRANSLATE_NOOP("ReviewActions", "Send the article back to its author with a reason"),
        QT_TRANSLATE_NOOP("ReviewActions", "“{title}” was returned to its author."),
        "edit-undo",
        "SP_ArrowBack",
    ),
    ReviewActionSpec(
        Action.PUBLISH,
        QT_TRANSLATE_NOOP("ReviewActions", "Mark as &Published"),
        QT_TRANSLATE_NOOP("ReviewActions", "Record that the article is on the website"),
        QT_TRANSLATE_NOOP("ReviewActions", "“{title}” was marked as published."),
        "emblem-default",
        "SP_DialogYesButton",
    ),
)


def _tr(text: str) -> str:
    return translate(TR_CONTEXT, text)


def _strip_mnemonic(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")


class ReviewActions(QObject):
    """Build once (parent: the main window), `attach(ops)` when the store is open,
    `set_article(snapshot)` whenever the form shows another article or version."""

    articleChanged = Signal(object)  # ArticleSnapshot: reload the form, list and panels
    statusMessage = Signal(str)

    def __init__(self, parent: QWidget, specs: tuple[ReviewActionSpec, ...] = REVIEW_ACTIONS):
        super().__init__(parent)
        self._parent = parent
        self._ops: ReviewOperations | None = None
        self._specs = {spec.step: spec for spec in specs}
        self._seen: ArticleSnapshot | None = None  # the version the user is looking at
        self._state: ReviewState | None = None
        # Called before a step; the window returns False to cancel (e.g. unsaved
        # changes it could not settle). It may save and call set_article() again.
        self.before_step: Callable[[Action], bool] = lambda _step: True
        # Asks for the reason of a return; None cancels. Tests replace it.
        self.ask_reason: Callable[[ArticleSnapshot], str | None] = self._ask_reason
        self.actions: dict[Action, QAction] = {}
        for spec in specs:
            text = _tr(spec.text)
            action = QAction(themed_icon(spec.icon, spec.fallback_icon), text, parent)
            action.setObjectName(f"review.{spec.step.value}")
            action.setIconText(_strip_mnemonic(text))
            action.triggered.connect(lambda _checked=False, step=spec.step: self.trigger(step))
            self.actions[spec.step] = action
        self.update_for(None)

    # --- wiring -----------------------------------------------------------------

    def attach(self, ops: ReviewOperations) -> None:
        self._ops = ops

    def action(self, step: Action) -> QAction:
        return self.actions[step]

    def menu_title(self) -> str:
        return _tr(REVIEW_MENU_TEXT)

    def add_to(self, target: QMenu | QToolBar) -> None:
        for action in self.actions.values():
            target.addAction(action)

    def set_article(self, article: ArticleSnapshot | None) -> None:
        """The article (version) the user now looks at; None when no stored article
        is shown. Loads what the user may do with it (one session)."""
        self._seen = article
        if article is None or self._ops is None:
            self.update_for(None)
            return
        try:
            state = self._ops.review_state(article.id)
        except EditorialError as error:
            self.update_for(None)
            self.statusMessage.emit(review_message_for(error).text)
            return
        self.update_for(state)

    def state(self) -> ReviewState | None:
        return self._state

    def update_for(self, state: ReviewState | None) -> None:
        """Enable exactly the allowed steps; say why the others are not."""
        self._state = state
        for step, action in self.actions.items():
            spec = self._specs[step]
            if state is None:
                action.setEnabled(False)
                tip = _tr(spec.tip)
            elif step in state.permissions.actions:
                action.setEnabled(True)
                tip = _tr(spec.tip)
            else:
                action.setEnabled(False)
                reason = state.denials.get(step)
                tip = denial_text(reason) if reason is not None else _tr(spec.tip)
            action.setToolTip(tip)
            action.setStatusTip(tip)

    # --- taking a step ----------------------------------------------------------

    def trigger(self, step: Action) -> ArticleSnapshot | None:
        """Take `step` on the article shown. Returns the article after it, or None
        when cancelled or refused (the user has been told why)."""
        if self._ops is None or self._seen is None:
            return None
        if not self.before_step(step):
            return None
        seen = self._seen  # before_step may have saved: this is the newest version
        if seen is None:
            return None
        reason = ""
        if step is Action.RETURN:
            answer = self.ask_reason(seen)
            if answer is None:
                return None
            reason = answer
        elif step is Action.PUBLISH and not self._confirm_publish(seen):
            return None
        # An approval is of the text the reviewer read: refused if it changed since.
        expected = seen.version if step is Action.APPROVE else None
        try:
            state = self._ops.transition(seen.id, step, reason, expected_version=expected)
        except VersionChangedError as error:
            show_review_error(self._parent, error)
            self._reload(seen.id)
            return None
        except ActionDeniedError as error:
            show_review_error(self._parent, error)
            self.set_article(seen)  # the rights may have changed meanwhile
            return None
        except EditorialError as error:
            show_review_error(self._parent, error)
            return None
        after = state.article
        self._seen = after
        self.update_for(state)
        self.statusMessage.emit(_tr(self._specs[step].done).format(title=after.title))
        self.articleChanged.emit(after)
        return after

    def _reload(self, article_id: int) -> None:
        assert self._ops is not None
        try:
            fresh = self._ops.get_article(article_id)
        except EditorialError as error:
            show_review_error(self._parent, error)
            return
        self.set_article(fresh)
        self.articleChanged.emit(fresh)

    def _ask_reason(self, article: ArticleSnapshot) -> str | None:
        dialog = ReasonDialog(article.title, self._parent)
        try:
            return dialog.ask()
        finally:
            dialog.deleteLater()

    def _confirm_publish(self, article: ArticleSnapshot) -> bool:
        # There is no step back from Published, so a slip of the mouse is asked about.
        return confirm(
            self._parent,
            translate("ReviewActions", "Mark as Published"),
            translate("ReviewActions", "Mark “{title}” as published?").format(title=article.title),
            translate(
                "ReviewActions", "Do this once the article is on the website. It cannot be undone."
            ),
        )
