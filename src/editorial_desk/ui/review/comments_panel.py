"""Comments on one article: a card per comment (author, time, text, the quoted
fragment and whether it is still there), a box to write a general comment or one
on the text selected in the editor, and per-card Edit / Delete (own comments) and
Resolve / Reopen.

The panel never reads the editor itself: the window gives it `selection_provider`,
a callable returning the editor's selection as a `SelectionAnchor` in plain-text
offsets of the SAVED body (see `text_anchors.selection_anchor`), or None. When a
quote is clicked, `anchorActivated(start, end)` asks the window to select that
text in the editor (`text_anchors.select_anchor`).

One session per user action: adding, editing, resolving return the changed
comment and the list is updated from it, not re-read."""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editorial_desk.document.anchors import AnchorState
from editorial_desk.domain.article import ArticleSnapshot
from editorial_desk.domain.errors import EditorialError, ValidationError
from editorial_desk.domain.timeutil import office_zone
from editorial_desk.ui.dialogs import show_message
from editorial_desk.ui.error_messages import ErrorMessage
from editorial_desk.ui.labels import format_local, format_local_long
from editorial_desk.ui.review.labels import anchor_state_label, denial_text
from editorial_desk.ui.review.messages import confirm, review_message_for, show_review_error
from editorial_desk.ui.review.operations import ReviewOperations
from editorial_desk.ui.review.text_anchors import SelectionAnchor

if TYPE_CHECKING:  # the service module imports SQLAlchemy; only its type is needed
    from editorial_desk.services.comments import CommentInfo

translate = QCoreApplication.translate

QUOTE_LIMIT = 160  # characters of a quoted fragment shown on a card
_CHANGED_COLOR = "#8a5a00"
_REMOVED_COLOR = "#b3261e"


def _elided(text: str, limit: int = QUOTE_LIMIT) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def quote_html(info: CommentInfo) -> str:
    """The quoted fragment of an anchored comment and what became of it, as rich
    text; a fragment still in the text is a link (to select it in the editor)."""
    anchor = info.anchor
    assert anchor is not None
    quote = escape(f"«{_elided(anchor.quoted)}»")
    state = escape(anchor_state_label(anchor.state))
    link = f'<a href="anchor" style="text-decoration:none;"><i>{quote}</i></a>'
    match anchor.state:
        case AnchorState.ATTACHED:
            return link
        case AnchorState.CHANGED:
            now = escape(f"«{_elided(anchor.current_text)}»")
            text = escape(translate("CommentsPanel", "now: {text}")).format(text=now)
            return f'{link} <span style="color:{_CHANGED_COLOR};">— {state}; {text}</span>'
        case _:
            return f'<s><i>{quote}</i></s> <span style="color:{_REMOVED_COLOR};">— {state}</span>'


class CommentCard(QFrame):
    """One comment. Its buttons call back into the panel with the comment."""

    def __init__(self, info: CommentInfo, zone: tzinfo, parent: QWidget) -> None:
        super().__init__(parent)
        self.info = info
        self.setObjectName(f"comment-{info.id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

        when = format_local(info.created_at, zone)
        header = f"<b>{escape(info.author_name or info.author_login)}</b> · {escape(when)}"
        if info.updated_at > info.created_at:
            header += " " + escape(translate("CommentsPanel", "(edited)"))
        self.header = QLabel(header, self)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setToolTip(format_local_long(info.created_at, zone))

        self.quote: QLabel | None = None
        if info.anchor is not None:
            self.quote = QLabel(quote_html(info), self)
            self.quote.setObjectName("commentQuote")
            self.quote.setTextFormat(Qt.TextFormat.RichText)
            self.quote.setWordWrap(True)
            self.quote.setTextInteractionFlags(
                Qt.TextInteractionFlag.LinksAccessibleByMouse
                | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
            )
            if info.anchor.state is not AnchorState.REMOVED:
                self.quote.setToolTip(translate("CommentsPanel", "Show this fragment in the text"))

        self.text = QLabel(info.text, self)
        self.text.setObjectName("commentText")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.resolved_label: QLabel | None = None
        if info.resolved_at is not None:
            self.resolved_label = QLabel(
                translate("CommentsPanel", "Resolved by {name}, {when}").format(
                    name=info.resolved_by_name or "", when=format_local(info.resolved_at, zone)
                ),
                self,
            )
            self.resolved_label.setEnabled(False)
            # Reads as done: the comment's text in the muted (disabled) colour.
            muted = self.palette()
            color = muted.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
            muted.setColor(QPalette.ColorRole.WindowText, color)
            self.text.setPalette(muted)

        self.edit_button = self._button(translate("CommentsPanel", "Edit"), "editButton")
        self.delete_button = self._button(translate("CommentsPanel", "Delete"), "deleteButton")
        self.resolve_button = self._button(
            translate("CommentsPanel", "Reopen")
            if info.resolved
            else translate("CommentsPanel", "Resolve"),
            "resolveButton",
        )
        self.edit_button.setVisible(info.can_change)
        self.delete_button.setVisible(info.can_change)
        self.resolve_button.setVisible(info.can_resolve)

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addStretch(1)
        for button in (self.resolve_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 4)
        layout.setSpacing(3)
        layout.addWidget(self.header)
        if self.quote is not None:
            layout.addWidget(self.quote)
        layout.addWidget(self.text)
        if self.resolved_label is not None:
            layout.addWidget(self.resolved_label)
        layout.addLayout(buttons)

    def _button(self, text: str, name: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setObjectName(name)
        button.setAutoRaise(True)
        return button


class CommentsPanel(QWidget):
    anchorActivated = Signal(int, int)  # plain-text [start, end) of the saved body
    countChanged = Signal(int)  # open (unresolved) comments, for the tab title
    statusMessage = Signal(str)

    def __init__(
        self,
        zone: tzinfo | None = None,
        parent: QWidget | None = None,
        *,
        selection_provider: Callable[[], SelectionAnchor | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("commentsPanel")
        self._zone = zone or office_zone(None)
        self._ops: ReviewOperations | None = None
        self._article: ArticleSnapshot | None = None
        self._comments: list[CommentInfo] = []
        self._can_comment = False
        self._editing: CommentInfo | None = None
        self.selection_provider = selection_provider
        self.cards: dict[int, CommentCard] = {}

        self.show_resolved = QCheckBox(translate("CommentsPanel", "Show &resolved"), self)
        self.show_resolved.setObjectName("showResolved")
        self.summary = QLabel(self)
        self.summary.setObjectName("commentsSummary")
        self.summary.setEnabled(False)

        self._list = QWidget()
        self._list_layout = QVBoxLayout(self._list)
        self._list_layout.setContentsMargins(4, 4, 4, 4)
        self._list_layout.setSpacing(6)
        self._list_layout.addStretch(1)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("commentsScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(self._list)

        self.mode_label = QLabel(self)
        self.mode_label.setObjectName("composerMode")
        self.mode_label.setWordWrap(True)
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("commentEditor")
        self.editor.setPlaceholderText(translate("CommentsPanel", "Write a comment…"))
        self.editor.setTabChangesFocus(True)
        self.editor.setFixedHeight(self.editor.fontMetrics().lineSpacing() * 4 + 14)
        self.mode_label.setBuddy(self.editor)
        self.add_button = QPushButton(translate("CommentsPanel", "&Comment"), self)
        self.add_button.setObjectName("addCommentButton")
        self.add_button.setToolTip(translate("CommentsPanel", "A comment on the whole article"))
        self.anchor_button = QPushButton(translate("CommentsPanel", "On &Selection"), self)
        self.anchor_button.setObjectName("addAnchoredButton")
        self.anchor_button.setToolTip(
            translate("CommentsPanel", "A comment on the text selected in the article")
        )
        self.save_button = QPushButton(translate("CommentsPanel", "&Save"), self)
        self.save_button.setObjectName("saveCommentButton")
        self.cancel_button = QPushButton(translate("CommentsPanel", "Cancel"), self)
        self.cancel_button.setObjectName("cancelEditButton")

        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.show_resolved)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.anchor_button, self.add_button, self.cancel_button, self.save_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.mode_label)
        layout.addWidget(self.editor)
        layout.addLayout(buttons)

        self.show_resolved.toggled.connect(lambda _on: self._render())
        self.editor.textChanged.connect(self._update_composer)
        self.add_button.clicked.connect(self.add_general)
        self.anchor_button.clicked.connect(self.add_on_selection)
        self.save_button.clicked.connect(self.save_edit)
        self.cancel_button.clicked.connect(self.cancel_edit)
        self._render()
        self._update_composer()

    # --- wiring -----------------------------------------------------------------

    def attach(self, ops: ReviewOperations) -> None:
        self._ops = ops
        self._zone = ops.zone

    def set_article(self, article: ArticleSnapshot | None) -> None:
        """Show the comments of `article`. Anchors are reported against the stored
        body, so call it again after each save (they follow the text)."""
        same = article is not None and self._article is not None and article.id == self._article.id
        self._article = article
        if not same:
            self.cancel_edit()
            self.editor.clear()  # a draft comment belongs to the article it was written on
        self.reload()

    def reload(self) -> None:
        self._comments, self._can_comment = [], False
        denial_tip = ""
        if self._article is not None and self._ops is not None:
            try:
                view = self._ops.comments_view(self._article.id)
            except EditorialError as error:
                self.statusMessage.emit(review_message_for(error).text)
            else:
                self._comments = list(view.comments)
                self._can_comment = view.can_comment
                if view.denial is not None:
                    denial_tip = denial_text(view.denial)
        self.editor.setToolTip(denial_tip)
        self._render()
        self._update_composer()

    def comments(self) -> list[CommentInfo]:
        return list(self._comments)

    # --- showing ----------------------------------------------------------------

    def _render(self) -> None:
        for card in self.cards.values():
            card.hide()
            card.deleteLater()
        self.cards = {}
        shown = [c for c in self._comments if self.show_resolved.isChecked() or not c.resolved]
        for info in shown:
            card = CommentCard(info, self._zone, self._list)
            card.edit_button.clicked.connect(lambda _c=False, i=info: self.start_edit(i))
            card.delete_button.clicked.connect(lambda _c=False, i=info: self.delete(i))
            card.resolve_button.clicked.connect(
                lambda _c=False, i=info: self.set_resolved(i, not i.resolved)
            )
            if card.quote is not None:
                card.quote.linkActivated.connect(lambda _link, i=info: self._activate_anchor(i))
            self._list_layout.insertWidget(self._list_layout.count() - 1, card)
            self.cards[info.id] = card
        open_count = sum(1 for c in self._comments if not c.resolved)
        resolved = len(self._comments) - open_count
        if self._article is None:
            text = translate("CommentsPanel", "No article is open.")
        elif not self._comments:
            text = translate("CommentsPanel", "No comments yet.")
        else:
            text = translate("CommentsPanel", "Open: {open}, resolved: {resolved}").format(
                open=open_count, resolved=resolved
            )
        self.summary.setText(text)
        self.countChanged.emit(open_count)

    def _activate_anchor(self, info: CommentInfo) -> None:
        anchor = info.anchor
        if anchor is not None and anchor.start is not None and anchor.end is not None:
            self.anchorActivated.emit(anchor.start, anchor.end)

    def _update_composer(self) -> None:
        ready = self._ops is not None and self._article is not None and self._can_comment
        has_text = bool(self.editor.toPlainText().strip())
        editing = self._editing is not None
        self.editor.setEnabled(ready or editing)
        self.add_button.setVisible(not editing)
        self.anchor_button.setVisible(not editing)
        self.save_button.setVisible(editing)
        self.cancel_button.setVisible(editing)
        self.add_button.setEnabled(ready and has_text)
        self.anchor_button.setEnabled(ready and has_text and self.selection_provider is not None)
        self.save_button.setEnabled(has_text)
        if editing:
            self.mode_label.setText(translate("CommentsPanel", "Editing the comment:"))
        elif self._article is not None and not self._can_comment:
            self.mode_label.setText(
                translate("CommentsPanel", "You cannot comment on this article.")
            )
        else:
            self.mode_label.setText(translate("CommentsPanel", "&New comment:"))

    # --- changing ---------------------------------------------------------------

    def add_general(self) -> CommentInfo | None:
        return self._add(None)

    def add_on_selection(self) -> CommentInfo | None:
        anchor = self.selection_provider() if self.selection_provider is not None else None
        if anchor is None:
            show_message(
                self,
                ErrorMessage(
                    translate("CommentsPanel", "No text selected"),
                    translate(
                        "CommentsPanel",
                        "Select a piece of the article's text first. If you have changed "
                        "the text, save the article, then select it again.",
                    ),
                ),
            )
            return None
        return self._add(anchor)

    def _add(self, anchor: SelectionAnchor | None) -> CommentInfo | None:
        text = self.editor.toPlainText().strip()
        if self._ops is None or self._article is None or not text:
            return None
        try:
            if anchor is None:
                added = self._ops.add_comment(self._article.id, text)
            else:
                added = self._ops.add_comment(
                    self._article.id,
                    text,
                    anchor=(anchor.start, anchor.end),
                    quoted=anchor.quoted,
                )
        except ValidationError as error:
            if anchor is None:
                show_review_error(self, error)
            else:  # the selection is not where the saved text has it
                show_message(
                    self,
                    ErrorMessage(
                        translate("CommentsPanel", "Save first"),
                        translate(
                            "CommentsPanel",
                            "The selected text is not in the saved article. Save the article, "
                            "then select the text again.",
                        ),
                        str(error),
                    ),
                )
            return None
        except EditorialError as error:
            show_review_error(self, error)
            return None
        self._comments.append(added)
        self.editor.clear()
        self._render()
        self._scroll_to(added.id)
        return added

    def start_edit(self, info: CommentInfo) -> None:
        self._editing = info
        self.editor.setPlainText(info.text)
        self.editor.setFocus()
        self._update_composer()

    def cancel_edit(self) -> None:
        if self._editing is not None:
            self._editing = None
            self.editor.clear()
        self._update_composer()

    def save_edit(self) -> CommentInfo | None:
        info = self._editing
        if info is None or self._ops is None:
            return None
        try:
            changed = self._ops.edit_comment(info.id, self.editor.toPlainText())
        except EditorialError as error:
            show_review_error(self, error)
            return None
        self._editing = None
        self.editor.clear()
        self._replace(changed)
        self._update_composer()
        return changed

    def delete(self, info: CommentInfo) -> bool:
        if self._ops is None or not confirm(
            self,
            translate("CommentsPanel", "Delete Comment"),
            translate("CommentsPanel", "Delete your comment “{text}”?").format(
                text=_elided(info.text, 80)
            ),
            translate("CommentsPanel", "It cannot be restored."),
        ):
            return False
        try:
            self._ops.delete_comment(info.id)
        except EditorialError as error:
            show_review_error(self, error)
            return False
        if self._editing is not None and self._editing.id == info.id:
            self.cancel_edit()
        self._comments = [c for c in self._comments if c.id != info.id]
        self._render()
        return True

    def set_resolved(self, info: CommentInfo, resolved: bool) -> CommentInfo | None:
        if self._ops is None:
            return None
        try:
            changed = self._ops.resolve_comment(info.id, resolved)
        except EditorialError as error:
            show_review_error(self, error)
            return None
        self._replace(changed)
        self.statusMessage.emit(
            translate("CommentsPanel", "The comment was marked resolved.")
            if resolved
            else translate("CommentsPanel", "The comment was reopened.")
        )
        return changed

    def _replace(self, changed: CommentInfo) -> None:
        self._comments = [changed if c.id == changed.id else c for c in self._comments]
        self._render()

    def _scroll_to(self, comment_id: int) -> None:
        card = self.cards.get(comment_id)
        if card is not None:
            self.scroll_area.ensureWidgetVisible(card)
