"""The main window's review wiring: the Edit/Format/Review menus, the comments,
history and queues panels, and who may edit the shown article (permission and lock)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu, QToolBar

from editorial_desk.domain.article import ArticleSnapshot
from editorial_desk.domain.errors import EditorialError
from editorial_desk.domain.roles import Role
from editorial_desk.ui.actions import ActionId
from editorial_desk.ui.article_tab import ArticleTab
from editorial_desk.ui.article_table_model import summary_of
from editorial_desk.ui.context import AppContext
from editorial_desk.ui.dialogs import show_error
from editorial_desk.ui.review.current_user import current_user_text, current_user_tip
from editorial_desk.ui.review.operations import ReviewOperations
from editorial_desk.ui.review.text_anchors import SelectionAnchor, select_anchor, selection_anchor
from editorial_desk.ui.review.users_dialog import can_manage_users

translate = QCoreApplication.translate


class ReviewMixin:
    """`MainWindow`'s review parts. Uses the window's `review_actions`,
    `comments_panel`, `history_panel`, `queues_panel`, `review_tabs`, `user_label`,
    `model`, `_actions`, `_ops`, `_review_ops` and its tab, save and status methods;
    sets `edit_menu`, `format_menu`, `review_menu` and `_review_ops`."""

    def _build_review_menus(self, toolbar: QToolBar) -> None:
        """File, Edit, Format, Review, Settings, Help; the workflow steps on the toolbar.

        Edit and Format hold the current tab's editor actions (`_follow_editor`)."""
        bar = self.menuBar()
        view_menu = self.findChild(QMenu, "menu.view")
        settings_menu = self.findChild(QMenu, "menu.settings")
        assert view_menu is not None and settings_menu is not None
        before = view_menu.menuAction()
        self.edit_menu = QMenu(translate("Editor", "&Edit"), self)
        self.edit_menu.setObjectName("menu.edit")
        self.format_menu = QMenu(translate("Editor", "F&ormat"), self)
        self.format_menu.setObjectName("menu.format")
        for menu in (self.edit_menu, self.format_menu):
            menu.setEnabled(False)
            bar.insertMenu(before, menu)
        review_menu = QMenu(self.review_actions.menu_title(), self)
        review_menu.setObjectName("menu.review")
        self.review_actions.add_to(review_menu)
        bar.insertMenu(settings_menu.menuAction(), review_menu)
        self.review_menu = review_menu
        toolbar.addSeparator()
        self.review_actions.add_to(toolbar)

    def _connect_review(self) -> None:
        show = self._show_status
        for source in (self.review_actions, self.history_panel, self.comments_panel):
            source.statusMessage.connect(show)
        self.review_actions.articleChanged.connect(self._on_review_changed)
        self.history_panel.articleChanged.connect(self._on_review_changed)
        self.review_actions.before_step = lambda _action: self.maybe_save()
        self.history_panel.before_restore = self.maybe_save
        self.queues_panel.openArticle.connect(lambda i: self.open_article(i, new_tab=True))
        self.comments_panel.anchorActivated.connect(self._select_anchor)
        self.comments_panel.countChanged.connect(self._on_comment_count)

    def _attach_review(self, context: AppContext) -> None:
        ops = ReviewOperations(context)
        self._review_ops = ops
        for part in (
            self.review_actions,
            self.comments_panel,
            self.history_panel,
            self.queues_panel,
        ):
            part.attach(ops)
        self.user_label.setText(current_user_text(context.user))
        self.user_label.setToolTip(current_user_tip(context.user))
        self._actions[ActionId.USERS].setEnabled(can_manage_users(context.user))
        self._actions[ActionId.RUBRICS].setEnabled(True)
        self._actions[ActionId.OFFICE_ZONE].setEnabled(context.user.role is Role.ADMIN)
        self.history_panel.set_zone(context.zone)

    def _refresh_review(self, article: ArticleSnapshot | None) -> None:
        """Tell the review parts which article is shown; the current tab takes its
        article's lock if it does not hold it for that article yet."""
        if self._ops is None:
            return
        self.review_actions.set_article(article)
        self.history_panel.set_article(article)
        self.comments_panel.set_article(article)
        tab = self.current_tab()
        if tab is None:
            return
        if article is None:
            tab.lock.release()
        elif tab.lock.article_id() != article.id:
            tab.lock.open(article.id, edit=self._can_edit())
        self._apply_editable(tab)

    def _can_edit(self) -> bool:
        state = self.review_actions.state()
        return state is not None and state.permissions.can_edit

    def _apply_editable(self, tab: ArticleTab | None = None) -> None:
        """A stored article is editable only with the permission AND the lock.
        The permission is known for the current tab; a background tab that loses
        its lock goes read-only at once and is re-checked when shown."""
        tab = tab or self.current_tab()
        if tab is None:
            self._update_actions()
            return
        stored = tab.form.article() is not None
        if tab is self.current_tab():
            editable = not stored or (self._can_edit() and tab.lock.held())
        else:
            editable = not stored or (tab.lock.held() and not tab.form.is_read_only())
        tab.form.set_read_only(not editable)
        self._update_actions()

    def _on_review_changed(self, article: ArticleSnapshot) -> None:
        tab = self.tab_of(article.id)
        if tab is not None:
            tab.form.load(article, self._images_of(article))
            self._update_tab_label(tab)
        self.model.upsert(summary_of(article))
        if tab is not None and tab is self.current_tab():
            self._refresh_review(article)
        self.queues_panel.refresh()
        self._update_title()

    def _on_lock_acquired(self, tab: ArticleTab) -> None:
        article_id = tab.form.article_id()
        if article_id is not None and not tab.form.is_modified() and self._ops is not None:
            try:
                article = self._ops.get(article_id)
            except EditorialError as error:
                show_error(self, error)
            else:
                tab.form.load(article, self._images_of(article))
                self.model.upsert(summary_of(article))
        if tab is self.current_tab():
            self._apply_editable(tab)

    def _selection_anchor(self) -> SelectionAnchor | None:
        tab = self.current_tab()
        article = tab.form.article() if tab else None
        if tab is None or article is None:
            return None
        return selection_anchor(tab.form.body_edit.textCursor(), article.body)

    def _select_anchor(self, start: int, end: int) -> None:
        tab = self.current_tab()
        article = tab.form.article() if tab else None
        if tab is not None and article is not None:
            select_anchor(tab.form.body_edit, article.body, start, end)

    def _on_comment_count(self, count: int) -> None:
        index = self.review_tabs.indexOf(self.comments_panel)
        self.review_tabs.setTabText(
            index, translate("MainWindow", "Comments ({count})").format(count=count)
        )
