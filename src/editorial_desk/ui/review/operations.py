"""The review panels' database work: one `store.session()` (one unit of work) per
user action, as `ui.operations.ArticleOperations` does for articles. Plain values
in and out; errors are the domain's EditorialError subclasses. Services (and
SQLAlchemy) are imported on first use, after the window has been painted.

Every method may run on a worker thread (`run_in_background`): each opens its own
session, and the store's engine pools connections per thread."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import tzinfo
from typing import TYPE_CHECKING, Any

from editorial_desk.domain.article import ArticleSnapshot
from editorial_desk.domain.review import ArticleHistory, LockResult, PermissionSet, Queue
from editorial_desk.domain.roles import Role
from editorial_desk.domain.statuses import Status
from editorial_desk.domain.users import UserInfo
from editorial_desk.domain.workflow import Action, Denial, comment_denial, denial, edit_denial
from editorial_desk.ui.context import AppContext

if TYPE_CHECKING:  # these import SQLAlchemy; only their types are needed here
    from sqlalchemy.orm import Session

    from editorial_desk.services.comments import CommentInfo
    from editorial_desk.services.history import RevisionDiff


@dataclass(frozen=True, slots=True)
class ReviewState:
    """What the current user may do with one article now, and why not the rest."""

    article: ArticleSnapshot
    permissions: PermissionSet
    denials: dict[Action, Denial]  # one per action NOT in permissions.actions
    edit_denial: Denial | None
    comment_denial: Denial | None


@dataclass(frozen=True, slots=True)
class CommentsView:
    comments: tuple[CommentInfo, ...]
    can_comment: bool
    denial: Denial | None  # why not, when can_comment is False


@dataclass(frozen=True, slots=True)
class HistoryView:
    history: ArticleHistory
    can_restore: bool  # = may edit the text now (a restore is a save)
    restore_denial: Denial | None
    exports: tuple[Any, ...] = ()  # services.exports.ExportRecord, newest first
    export_status: Any = None  # services.exports.ExportStatus


class ReviewOperations:
    def __init__(self, context: AppContext) -> None:
        self._context = context

    @property
    def context(self) -> AppContext:
        return self._context

    def set_zone(self, zone: tzinfo) -> None:
        """The office's zone changed: dates from now on are read and shown in `zone`."""
        self._context = replace(self._context, zone=zone)

    @property
    def user(self) -> UserInfo:
        return self._context.user

    @property
    def zone(self) -> tzinfo:
        return self._context.zone

    # --- articles and the workflow ----------------------------------------------

    def get_article(self, article_id: int) -> ArticleSnapshot:
        from editorial_desk.services.articles import get_article

        with self._context.store.session() as session:
            return get_article(session, article_id)

    def review_state(self, article_id: int) -> ReviewState:
        with self._context.store.session() as session:
            return self._state(session, article_id)

    def transition(
        self,
        article_id: int,
        action: Action,
        reason: str = "",
        *,
        expected_version: int | None = None,
    ) -> ReviewState:
        """Take the step and read what the user may do next, in ONE session (the
        state describes exactly the article the step produced)."""
        from editorial_desk.services.workflow import transition

        with self._context.store.session() as session:
            transition(
                session,
                self.user,
                article_id,
                action,
                reason,
                expected_version=expected_version,
            )
            return self._state(session, article_id)

    def _state(self, session: Session, article_id: int) -> ReviewState:
        from editorial_desk.services.articles import get_article
        from editorial_desk.services.workflow import permissions, status_before_trash

        user = self.user
        article = get_article(session, article_id)
        allowed = permissions(session, user, article_id)
        previous = (
            status_before_trash(session, article_id) if article.status is Status.TRASH else None
        )
        is_author = article.author_login == user.login
        denials: dict[Action, Denial] = {}
        for action in Action:
            found = denial(
                action, user.role, article.status, is_author=is_author, previous=previous
            )
            if found is not None and action not in allowed.actions:
                denials[action] = found
        return ReviewState(
            article=article,
            permissions=allowed,
            denials=denials,
            edit_denial=edit_denial(user.role, article.status, is_author=is_author),
            comment_denial=comment_denial(user.role, article.status, is_author=is_author),
        )

    # --- history ----------------------------------------------------------------

    def history_view(self, article_id: int) -> HistoryView:
        from editorial_desk.services.articles import get_article
        from editorial_desk.services.exports import export_status, list_exports
        from editorial_desk.services.history import article_history

        user = self.user
        with self._context.store.session() as session:
            article = get_article(session, article_id)
            history = article_history(session, article_id)
            exports = tuple(list_exports(session, article_id))
            status = export_status(session, article_id)
        denied = edit_denial(
            user.role, article.status, is_author=article.author_login == user.login
        )
        return HistoryView(history, denied is None, denied, exports, status)

    def diff_revisions(self, old_id: int, new_id: int) -> RevisionDiff:
        from editorial_desk.services.history import diff_revisions

        with self._context.store.session() as session:
            return diff_revisions(session, old_id, new_id)

    def diff_against_approved(self, article_id: int) -> RevisionDiff | None:
        from editorial_desk.services.history import diff_against_approved

        with self._context.store.session() as session:
            return diff_against_approved(session, article_id)

    def restore_revision(
        self, article_id: int, revision_id: int, expected_version: int
    ) -> ArticleSnapshot:
        from editorial_desk.services.history import restore_revision

        with self._context.store.session() as session:
            return restore_revision(session, self.user, article_id, revision_id, expected_version)

    # --- comments ---------------------------------------------------------------

    def comments_view(self, article_id: int, *, include_resolved: bool = True) -> CommentsView:
        from editorial_desk.services.articles import get_article
        from editorial_desk.services.comments import list_comments

        user = self.user
        with self._context.store.session() as session:
            article = get_article(session, article_id)
            comments = list_comments(session, article_id, user, include_resolved=include_resolved)
        denied = comment_denial(
            user.role, article.status, is_author=article.author_login == user.login
        )
        return CommentsView(tuple(comments), denied is None, denied)

    def add_comment(
        self,
        article_id: int,
        text: str,
        *,
        anchor: tuple[int, int] | None = None,
        quoted: str | None = None,
    ) -> CommentInfo:
        from editorial_desk.services.comments import add_comment

        with self._context.store.session() as session:
            return add_comment(session, self.user, article_id, text, anchor=anchor, quoted=quoted)

    def edit_comment(self, comment_id: int, text: str) -> CommentInfo:
        from editorial_desk.services.comments import edit_comment

        with self._context.store.session() as session:
            return edit_comment(session, self.user, comment_id, text)

    def delete_comment(self, comment_id: int) -> None:
        from editorial_desk.services.comments import delete_comment

        with self._context.store.session() as session:
            delete_comment(session, self.user, comment_id)

    def resolve_comment(self, comment_id: int, resolved: bool = True) -> CommentInfo:
        from editorial_desk.services.comments import resolve_comment

        with self._context.store.session() as session:
            return resolve_comment(session, self.user, comment_id, resolved)

    # --- edit locks -------------------------------------------------------------

    def acquire_lock(self, article_id: int, token: str, *, take_over: bool = False) -> LockResult:
        from editorial_desk.services.locks import acquire_lock

        with self._context.store.session() as session:
            return acquire_lock(session, self.user, article_id, token, take_over=take_over)

    def refresh_lock(self, article_id: int, token: str) -> LockResult:
        from editorial_desk.services.locks import refresh_lock

        with self._context.store.session() as session:
            return refresh_lock(session, article_id, token)

    def release_lock(self, article_id: int, token: str) -> bool:
        from editorial_desk.services.locks import release_lock

        with self._context.store.session() as session:
            return release_lock(session, article_id, token)

    def current_lock(self, article_id: int) -> LockResult:
        """Who holds the article now, without taking it (held is always False)."""
        from editorial_desk.services.locks import get_lock

        with self._context.store.session() as session:
            return LockResult(False, get_lock(session, article_id))

    # --- queues -----------------------------------------------------------------

    def waiting_for(self) -> list[Queue]:
        from editorial_desk.services.queues import waiting_for

        with self._context.store.session() as session:
            return waiting_for(session, self.user, self.zone)

    # --- users (admin) ----------------------------------------------------------

    def list_users(self) -> list[UserInfo]:
        from editorial_desk.services.users import list_users

        with self._context.store.session() as session:
            return list_users(session)

    def add_user(self, login: str, display_name: str, role: Role) -> UserInfo:
        from editorial_desk.services.users import add_user

        with self._context.store.session() as session:
            return add_user(session, self.user, login, display_name, role)

    def set_role(self, login: str, role: Role) -> UserInfo:
        from editorial_desk.services.users import set_role

        with self._context.store.session() as session:
            return set_role(session, self.user, login, role)
