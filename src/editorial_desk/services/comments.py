"""Comments on an article: general ones and ones anchored to a range of the body's
plain text, with author and time. Authors edit and delete their own; comments can
be resolved and reopened; anchors follow their text through later saves (see
`services.anchors`) or say that it was removed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from editorial_desk.document import plain_text
from editorial_desk.document.anchors import AnchorState, anchor_state
from editorial_desk.domain.errors import NotFoundError, PermissionDeniedError, ValidationError
from editorial_desk.domain.statuses import Status
from editorial_desk.domain.timeutil import utc_now
from editorial_desk.domain.users import UserInfo
from editorial_desk.domain.workflow import (
    ActionDeniedError,
    comment_denial,
    may_change_comment,
    may_resolve_comment,
)
from editorial_desk.services.articles import load_article
from editorial_desk.store.models import Article, Comment, User

MAX_COMMENT_LENGTH = 10_000


@dataclass(frozen=True, slots=True)
class AnchorInfo:
    """Where an anchored comment points in the body's plain text now."""

    quoted: str  # the text the commenter selected
    state: AnchorState
    start: int | None  # None when removed
    end: int | None
    current_text: str  # what is at [start, end) now ("" when removed)


@dataclass(frozen=True, slots=True)
class CommentInfo:
    id: int
    article_id: int
    author_login: str
    author_name: str
    text: str
    created_at: datetime
    updated_at: datetime
    resolved_at: datetime | None
    resolved_by_name: str | None
    anchor: AnchorInfo | None  # None: a general comment
    # What the user who asked for the list may do with it (the UI enables these).
    can_change: bool = False  # edit, delete
    can_resolve: bool = False

    @property
    def resolved(self) -> bool:
        return self.resolved_at is not None


def _clean_text(text: str) -> str:
    cleaned = text.strip()
    if not cleaned:
        raise ValidationError("a comment must not be empty")
    if len(cleaned) > MAX_COMMENT_LENGTH:
        raise ValidationError(f"a comment is longer than {MAX_COMMENT_LENGTH} characters")
    return cleaned


def _anchor_range(body_text: str, start: int, end: int) -> tuple[int, int]:
    """The selection, without the spaces at its ends (they carry nothing and would
    make the anchor fail to find its text after a re-flow)."""
    if not 0 <= start < end <= len(body_text):
        raise ValidationError(
            f"the range {start}-{end} is not inside the text (0-{len(body_text)})"
        )
    while start < end and body_text[start].isspace():
        start += 1
    while end > start and body_text[end - 1].isspace():
        end -= 1
    if start == end:
        raise ValidationError("select some text to comment on")
    return start, end


def add_comment(
    session: Session,
    actor: UserInfo,
    article_id: int,
    text: str,
    *,
    anchor: tuple[int, int] | None = None,
    quoted: str | None = None,
) -> CommentInfo:
    """A general comment, or (with `anchor` = (start, end) in the stored body's
    plain text) one on that piece of text. `quoted`, if given, is the text the UI
    believes is there; a mismatch (unsaved edits shifting offsets) is refused."""
    article = load_article(session, article_id)
    denied = comment_denial(
        actor.role, Status(article.status), is_author=article.author_id == actor.id
    )
    if denied is not None:
        raise ActionDeniedError(denied)
    now = utc_now()
    comment = Comment(
        article_id=article_id,
        author_id=actor.id,
        text=_clean_text(text),
        created_at=now,
        updated_at=now,
    )
    if anchor is not None:
        body_text = plain_text(article.body)
        if quoted is not None and body_text[anchor[0] : anchor[1]].strip() != quoted.strip():
            raise ValidationError("the selected text is not in the saved article; save first")
        start, end = _anchor_range(body_text, *anchor)
        comment.anchor_start, comment.anchor_end = start, end
        comment.anchor_text = body_text[start:end]
    session.add(comment)
    session.flush()
    return _one(session, comment.id, actor)


def _load_comment(session: Session, comment_id: int) -> Comment:
    comment = session.get(Comment, comment_id)
    if comment is None:
        raise NotFoundError("comment", comment_id)
    return comment


def _require_own(actor: UserInfo, comment: Comment, what: str) -> None:
    if not may_change_comment(actor.role, is_comment_author=comment.author_id == actor.id):
        raise PermissionDeniedError(f"only its author (or an admin) may {what} a comment")


def edit_comment(session: Session, actor: UserInfo, comment_id: int, text: str) -> CommentInfo:
    comment = _load_comment(session, comment_id)
    _require_own(actor, comment, "edit")
    cleaned = _clean_text(text)
    if cleaned != comment.text:
        comment.text = cleaned
        comment.updated_at = utc_now()
        session.flush()
    return _one(session, comment_id, actor)


def delete_comment(session: Session, actor: UserInfo, comment_id: int) -> None:
    comment = _load_comment(session, comment_id)
    _require_own(actor, comment, "delete")
    session.delete(comment)
    session.flush()


def resolve_comment(
    session: Session, actor: UserInfo, comment_id: int, resolved: bool = True
) -> CommentInfo:
    """Mark a comment resolved (or, with `resolved=False`, open it again)."""
    comment = _load_comment(session, comment_id)
    article = load_article(session, comment.article_id)
    if not may_resolve_comment(
        actor.role,
        is_comment_author=comment.author_id == actor.id,
        is_article_author=article.author_id == actor.id,
    ):
        raise PermissionDeniedError(
            "only the comment's author, the article's author, a reviewer or an admin "
            "may resolve a comment"
        )
    if resolved and comment.resolved_at is None:
        comment.resolved_at, comment.resolved_by_id = utc_now(), actor.id
    elif not resolved:
        comment.resolved_at, comment.resolved_by_id = None, None
    session.flush()
    return _one(session, comment_id, actor)


def _anchor(comment: Comment, body_text: str) -> AnchorInfo | None:
    if comment.anchor_text is None:
        return None
    start, end = comment.anchor_start or 0, comment.anchor_end or 0
    state = anchor_state(
        body_text, start, end, comment.anchor_text, removed=comment.anchor_removed_at is not None
    )
    if state is AnchorState.REMOVED:
        return AnchorInfo(comment.anchor_text, state, None, None, "")
    return AnchorInfo(comment.anchor_text, state, start, end, body_text[start:end])


def list_comments(
    session: Session,
    article_id: int,
    viewer: UserInfo | None = None,
    *,
    include_resolved: bool = True,
) -> list[CommentInfo]:
    """The article's comments, oldest first, anchors as they stand in the current
    body. With `viewer`, each says what that user may do with it."""
    article = load_article(session, article_id)
    body_text = plain_text(article.body)
    return [
        _to_info(tuple(row), body_text, article, viewer)
        for row in session.execute(_query(include_resolved).where(Comment.article_id == article_id))
    ]


def _query(include_resolved: bool = True):  # type: ignore[no-untyped-def]
    resolver = aliased(User)
    stmt = (
        select(Comment, User.login, User.display_name, resolver.display_name)
        .join(User, Comment.author_id == User.id)
        .outerjoin(resolver, Comment.resolved_by_id == resolver.id)
        .order_by(Comment.id)
    )
    if not include_resolved:
        stmt = stmt.where(Comment.resolved_at.is_(None))
    return stmt


def _to_info(
    row: tuple[Comment, str, str, str | None],
    body_text: str,
    article: Article,
    viewer: UserInfo | None,
) -> CommentInfo:
    comment, login, name, resolver_name = row
    can_change = can_resolve = False
    if viewer is not None:
        own = comment.author_id == viewer.id
        can_change = may_change_comment(viewer.role, is_comment_author=own)
        can_resolve = may_resolve_comment(
            viewer.role, is_comment_author=own, is_article_author=article.author_id == viewer.id
        )
    return CommentInfo(
        id=comment.id,
        article_id=comment.article_id,
        author_login=login,
        author_name=name,
        text=comment.text,
        created_at=comment.created_at,
        updated_at=comment.updated_at,
        resolved_at=comment.resolved_at,
        resolved_by_name=resolver_name,
        anchor=_anchor(comment, body_text),
        can_change=can_change,
        can_resolve=can_resolve,
    )


def _one(session: Session, comment_id: int, viewer: UserInfo) -> CommentInfo:
    comment = _load_comment(session, comment_id)
    article = load_article(session, comment.article_id)
    row = session.execute(_query().where(Comment.id == comment_id)).one()
    return _to_info(tuple(row), plain_text(article.body), article, viewer)
