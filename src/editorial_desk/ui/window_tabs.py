"""The main window's article tabs: opening, showing, labelling and closing them.

Each open article is an `ArticleTab` in `MainWindow.tabs`; the menus, the word
counts in the status bar and the review panels follow the current one."""

from __future__ import annotations

from contextlib import suppress

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QColor, QPalette

from editorial_desk.domain.errors import EditorialError
from editorial_desk.ui.article_form import ArticleForm
from editorial_desk.ui.article_tab import ArticleTab
from editorial_desk.ui.editor import EditorStats
from editorial_desk.ui.review.lock_banner import ArticleLock, LockBanner

translate = QCoreApplication.translate


class TabsMixin:
    """`MainWindow`'s tabs. Uses the window's `tabs`, `stack`, `form_page`,
    `placeholder`, `stats_label`, `edit_menu`/`format_menu`, `settings`, `_ops`,
    `_review_ops`, `_zone`, `_icons_loaded`, `_shown_tab`, `_journal_session`,
    `_rubric_choices`/`_tag_choices` and `_calendar_undo_actions`, and its
    calendar, review, save and selection methods."""

    def current_tab(self) -> ArticleTab | None:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, ArticleTab) else None

    def open_tabs(self) -> list[ArticleTab]:
        return [self._tab_at(index) for index in range(self.tabs.count())]

    def _tab_at(self, index: int) -> ArticleTab:
        widget = self.tabs.widget(index)
        assert isinstance(widget, ArticleTab)
        return widget

    def tab_of(self, article_id: int) -> ArticleTab | None:
        return next((tab for tab in self.open_tabs() if tab.article_id() == article_id), None)

    @property
    def form(self) -> ArticleForm:
        """The current tab's form. Only valid while an article is open (see
        `current_tab()`); callers that may run without one check that first."""
        tab = self.current_tab()
        assert tab is not None, "no article is open"
        return tab.form

    @property
    def article_lock(self) -> ArticleLock | None:
        tab = self.current_tab()
        return tab.lock if tab else None

    @property
    def lock_banner(self) -> LockBanner | None:
        tab = self.current_tab()
        return tab.banner if tab else None

    def _add_tab(self, *, pinned: bool) -> ArticleTab:
        tab = ArticleTab(self._zone, self.tabs, load_icons=self._icons_loaded)
        tab.pinned = pinned
        form = tab.form
        form.modifiedChanged.connect(lambda _modified, t=tab: self._on_tab_modified(t))
        form.titleChanged.connect(lambda _title, t=tab: self._update_tab_label(t))
        form.saveRequested.connect(lambda t=tab: self._save_tab(t))
        tab.lock.statusMessage.connect(self._show_status)
        tab.lock.lostLock.connect(lambda _state, t=tab: self._apply_editable(t))
        tab.lock.acquired.connect(lambda t=tab: self._on_lock_acquired(t))
        if self._ops is not None:
            self._attach_tab(tab)
        self.tabs.addTab(tab, "")
        self._update_tab_label(tab)
        return tab

    def _attach_tab(self, tab: ArticleTab) -> None:
        assert self._ops is not None
        tab.set_zone(self._ops.context.zone)
        tab.form.editor.set_store_image(self._ops.store_image)
        tab.form.editor.set_image_provider(self._ops.image_data)
        if self._review_ops is not None:
            tab.lock.attach(self._review_ops)
        tab.form.set_current_user_name(self._ops.context.user.display_name)
        tab.form.set_rubric_choices(self._rubric_choices)
        tab.form.set_tag_choices(self._tag_choices)
        if self._journal_session is not None and tab.autosave is None:
            from editorial_desk.ui.autosave import AutosaveController

            session = self._journal_session
            tab.autosave = AutosaveController(
                tab.form, session.journal, session.key_for(tab.form), tab
            )
            tab.autosave.failed.connect(self._on_autosave_failed)
        if self._icons_loaded:
            tab.form.editor.load_icons()

    def _rekey(self, tab: ArticleTab, key: str | None = None) -> None:
        """The tab's journal entry follows what it shows (new → article-<id>)."""
        if tab.autosave is not None and self._journal_session is not None:
            tab.autosave.set_key(key or self._journal_session.key_for(tab.form))

    def _forget_unsaved(self, tab: ArticleTab) -> None:
        """The tab's unsaved work is saved or thrown away: drop its journal entry."""
        if tab.autosave is not None:
            tab.autosave.discard()
            self._rekey(tab)

    def _on_autosave_failed(self, error: object) -> None:
        self._show_status(
            translate(
                "MainWindow",
                "Could not keep a recovery copy of unsaved changes ({error}); "
                "save the article to be safe.",
            ).format(error=error)
        )

    def _load_editor_choices(self) -> None:
        """The rubric list and tags in use, for every open form's choices."""
        if self._ops is None:
            return
        try:
            self._rubric_choices, self._tag_choices = self._ops.editor_choices()
        except EditorialError as error:
            self._show_status(str(error))
            return
        for tab in self.open_tabs():
            tab.form.set_rubric_choices(self._rubric_choices)
            tab.form.set_tag_choices(self._tag_choices)

    def _tab_for_opening(self, *, new_tab: bool) -> ArticleTab:
        """The current tab when it may be reused (a preview nobody typed in), else a new one."""
        current = self.current_tab()
        if not new_tab and current is not None and current.reusable():
            return current
        return self._add_tab(pinned=new_tab)

    def _show_tab(self, tab: ArticleTab) -> None:
        if self.calendar_shown():
            self.show_articles()
        self.stack.setCurrentWidget(self.form_page)
        if self.tabs.currentWidget() is tab:
            self._on_tab_changed(self.tabs.currentIndex())
        else:
            self.tabs.setCurrentWidget(tab)

    def _pin(self, tab: ArticleTab | None) -> None:
        if tab is not None and not tab.pinned:
            tab.pinned = True
            self._update_tab_label(tab)

    def _update_tab_label(self, tab: ArticleTab) -> None:
        index = self.tabs.indexOf(tab)
        if index < 0:
            return
        self.tabs.setTabText(index, tab.tab_text())
        self.tabs.setTabToolTip(index, tab.tab_tooltip())
        # A preview tab (the next click in the list replaces it) has a dimmer title.
        bar = self.tabs.tabBar()
        bar.setTabTextColor(
            index,
            QColor() if tab.pinned else bar.palette().color(QPalette.ColorRole.PlaceholderText),
        )
        if tab is self.current_tab():
            self._update_title()

    def _on_tab_modified(self, tab: ArticleTab) -> None:
        if tab.form.is_modified():
            tab.pinned = True  # typed-in tabs are never replaced by a click in the list
        self._update_tab_label(tab)
        if tab is self.current_tab():
            self.setWindowModified(tab.form.is_modified())

    def _on_tab_changed(self, _index: int) -> None:
        """Menus, counts, review panels and the list follow the current tab."""
        tab = self.current_tab()
        self._follow_editor(tab)
        if tab is None:
            self.stack.setCurrentWidget(self.placeholder)
            self._refresh_review(None)
        else:
            self._refresh_review(tab.form.article())
            self._select_article(tab.article_id())
        self._update_title()
        self._update_actions()

    def _follow_editor(self, tab: ArticleTab | None) -> None:
        """Put the current editor's Edit/Format actions into the menu bar and its
        counts into the status bar."""
        previous, self._shown_tab = self._shown_tab, tab
        if previous is not None and previous is not tab:
            with suppress(RuntimeError, TypeError):  # already gone with its tab
                previous.form.editor.statsChanged.disconnect(self._show_stats)
        self._fill_edit_menus()
        if tab is None:
            self.stats_label.clear()
        elif previous is not tab:
            tab.form.editor.statsChanged.connect(self._show_stats)
            self._show_stats(tab.form.editor.stats())

    def _fill_edit_menus(self) -> None:
        """Edit and Format hold what the shown view edits: the current tab's editor,
        or in the calendar its Undo/Redo of moves (and no formatting)."""
        tab = self._shown_tab
        edit: list[QAction] = []
        formatting: list[QAction] = []
        if self.calendar_shown():
            edit = list(self._calendar_undo_actions)
        elif tab is not None:
            edit = tab.form.editor.edit_menu().actions()
            formatting = tab.form.editor.format_menu().actions()
        for menu, actions in ((self.edit_menu, edit), (self.format_menu, formatting)):
            menu.clear()
            menu.addActions(actions)
            menu.setEnabled(bool(actions))

    def _show_stats(self, stats: EditorStats) -> None:
        self.stats_label.setText(
            translate(
                "MainWindow",
                "Words: {words} · Characters: {chars} ({chars_no_spaces} without spaces)"
                " · Reading: {minutes} min",
            ).format(
                words=stats.words,
                chars=stats.chars_with_spaces,
                chars_no_spaces=stats.chars_without_spaces,
                minutes=stats.reading_minutes,
            )
        )

    def close_tab(self, tab: ArticleTab) -> bool:
        """Close one article's tab, asking first about unsaved changes."""
        if self.tabs.indexOf(tab) < 0:
            return True
        if tab.form.is_modified():
            self._show_tab(tab)
            if not self.maybe_save():
                return False
        self._discard_tab(tab)
        return True

    def _discard_tab(self, tab: ArticleTab) -> None:
        """Remove a tab whose work is settled (saved, discarded or unchanged)."""
        if tab.autosave is not None:
            tab.autosave.discard()
            tab.autosave.close()  # waits for a write in flight before the form goes
        tab.lock.release()
        if tab is self._shown_tab:
            self._follow_editor(None)
        self.tabs.removeTab(self.tabs.indexOf(tab))
        tab.deleteLater()
        if self.tabs.count() == 0:
            self._on_tab_changed(-1)

    def _step_tab(self, step: int) -> None:
        if self.tabs.count() > 1:
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())

    def close_current_tab(self) -> None:
        tab = self.current_tab()
        if tab is not None:
            self.close_tab(tab)

    def reopen_remembered_tabs(self) -> None:
        """The articles that were open when the app last closed, in their order."""
        wanted = self.settings.open_articles
        for article_id in wanted:
            if self.tab_of(article_id) is None:
                self.open_article(article_id, new_tab=True, quiet=True)
        current = self.tab_of(self.settings.current_article) if wanted else None
        if current is not None:
            self._show_tab(current)

    def remember_open_tabs(self) -> None:
        ids = [tab.article_id() for tab in self.open_tabs()]
        self.settings.open_articles = [article_id for article_id in ids if article_id is not None]
        self.settings.current_article = self._current_article_id()
