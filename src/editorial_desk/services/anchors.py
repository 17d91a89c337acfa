"""Keeping anchored comments on their text when a body is saved.

Called by every save that changes a body (edits and restores go through
`articles.update_article`), so stored anchors always refer to the current body."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from editorial_desk.document import plain_text
from editorial_desk.document.anchors import AnchorState, TextEdit
from editorial_desk.domain.timeutil import utc_now
from editorial_desk.store.models import Comment


def follow_body_edit(session: Session, article_id: int, old_body: str, new_body: str) -> None:
    comments = list(
        session.scalars(
            select(Comment).where(
                Comment.article_id == article_id, Comment.anchor_text.is_not(None)
            )
        )
    )
    if not comments:
        return
    edit = TextEdit(plain_text(old_body), plain_text(new_body))  # one diff for all of them
    now = utc_now()
    for comment in comments:
        assert comment.anchor_text is not None
        move = edit.follow(
            comment.anchor_start or 0,
            comment.anchor_end or 0,
            comment.anchor_text,
            removed=comment.anchor_removed_at is not None,
        )
        comment.anchor_start, comment.anchor_end = move.start, move.end
        if move.state is AnchorState.REMOVED:
            comment.anchor_removed_at = comment.anchor_removed_at or now
        else:
            comment.anchor_removed_at = None
