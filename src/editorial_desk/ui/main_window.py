"""The main window: the article list on the left, open articles in tabs on the right.

It is also the controller for what the user does: each action is one short method
that calls `ArticleOperations` (one database session per action) and refreshes the
view from what came back. Heavy modules (SQLAlchemy, services) are imported only
when the first action runs, so the window paints before they load."""

from __future__ import annotations

import os
from contextlib import suppress
from dataclasses import replace
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QColor, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QWidget,
)

from editorial_desk.domain.article import ArticleOrder, ArticleSnapshot, ArticleSummary
from editorial_desk.domain.errors import ConflictError, EditorialError, NotFoundError
from editorial_desk.domain.roles import Role
from editorial_desk.domain.statuses import Status
from editorial_desk.domain.timeutil import ZONE_ENV_VAR, office_zone
from editorial_desk.ui.actions import ActionId, Scope, build_actions
from editorial_desk.ui.article_form import ArticleForm
from editorial_desk.ui.article_list_panel import ArticleListPanel
from editorial_desk.ui.article_tab import ArticleTab
from editorial_desk.ui.article_table_model import (
    ARTICLE_ID_ROLE,
    ArticleTableModel,
    Column,
    summary_of,
)
from editorial_desk.ui.conflict_dialog import ConflictChoice, ConflictDialog
from editorial_desk.ui.context import AppContext
from editorial_desk.ui.dialogs import (
    UnsavedChoice,
    ask_unsaved_changes,
    show_about,
    show_error,
    show_message,
)
from editorial_desk.ui.editor import EditorStats
from editorial_desk.ui.error_messages import ErrorMessage
from editorial_desk.ui.export_ui import ExportDialog, ExportRunner
from editorial_desk.ui.icons import calendar_icon
from editorial_desk.ui.import_ui import (
    FileDropFilter,
    ImportController,
    ask_import_files,
    status_text,
)
from editorial_desk.ui.labels import format_local, status_label
from editorial_desk.ui.language_dialog import LanguageDialog
from editorial_desk.ui.operations import ArticleOperations
from editorial_desk.ui.review.comments_panel import CommentsPanel
from editorial_desk.ui.review.current_user import current_user_text, current_user_tip
from editorial_desk.ui.review.history_panel import HistoryPanel
from editorial_desk.ui.review.lock_banner import ArticleLock, LockBanner
from editorial_desk.ui.review.operations import ReviewOperations
from editorial_desk.ui.review.queues_panel import QueuesPanel
from editorial_desk.ui.review.status_actions import ReviewActions
from editorial_desk.ui.review.text_anchors import SelectionAnchor, select_anchor, selection_anchor
from editorial_desk.ui.review.users_dialog import UsersDialog, can_manage_users
from editorial_desk.ui.settings import AppSettings

if TYPE_CHECKING:  # the journal (and the store package) load after the first paint
    from editorial_desk.domain.calendar import CalendarFilter
    from editorial_desk.store.recovery import RecoveryEntry, RecoveryJournal
    from editorial_desk.ui.autosave import JournalSession
    from editorial_desk.ui.background import BackgroundTask
    from editorial_desk.ui.calendar.panel import CalendarPanel
    from editorial_desk.ui.recovery_dialog import RecoveryChoice

translate = QCoreApplication.translate

STATUS_MESSAGE_MS = 4000


class MainWindow(QMainWindow):
    """Build it, `show()` it, then `attach(context)` once the store is open."""

    plan_written = Signal(str)  # the path of an exported .ics plan

    def __init__(
        self,
        zone: tzinfo | None = None,
        parent: QWidget | None = None,
        *,
        settings: AppSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings or AppSettings()
        self.setObjectName("mainWindow")
        self._ops: ArticleOperations | None = None
        self._review_ops: ReviewOperations | None = None
        self._syncing = False  # True while the window itself moves the selection

        zone = zone or office_zone(None)
        self.model = ArticleTableModel(zone, self)

        self.list_panel = ArticleListPanel(self.model, self)
        self.list_panel.queryChanged.connect(self._on_query_changed)
        self.table = self.list_panel.table
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        metrics = self.table.fontMetrics()
        sample_date = datetime(2000, 12, 28, 23, 59, tzinfo=zone)
        for column, samples in (
            (Column.STATUS, [status_label(status) for status in Status]),
            (Column.PLANNED, [format_local(sample_date, zone)]),
            (Column.AUTHOR, ["Анна Редакторова"]),
        ):
            width = max(metrics.horizontalAdvance(text) for text in samples) + 24
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        # The services' default order; a header click makes the database re-sort.
        header.setSortIndicator(Column.PLANNED, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self.list_panel.setEnabled(False)

        # The editor's toolbar icons come from an icon font (qtawesome, ~0.15 s to
        # load): tabs get them once attach() ran, after the window's first paint.
        self._zone = zone
        self._icons_loaded = False
        self._shown_tab: ArticleTab | None = None  # the tab the menus/status bar follow
        self._journal: RecoveryJournal | None = None  # unsaved work, once the store is open
        self._journal_session: JournalSession | None = None
        self._rubric_choices: list[str] = []
        self._tag_choices: list[str] = []
        self.placeholder = QLabel(
            translate(
                "MainWindow",
                "Select an article in the list, or create a new one with File → New Article.",
            ),
            self,
        )
        self.placeholder.setObjectName("placeholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setEnabled(False)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("articleTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.setUsesScrollButtons(True)
        self.tabs.setElideMode(Qt.TextElideMode.ElideRight)
        self.tabs.tabCloseRequested.connect(lambda index: self.close_tab(self._tab_at(index)))
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.form_page = self.tabs  # what the stack shows when an article is open
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.form_page)

        self.queues_panel = QueuesPanel(zone, self)
        self.left_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.left_splitter.setObjectName("leftSplitter")
        self.left_splitter.addWidget(self.queues_panel)
        self.left_splitter.addWidget(self.list_panel)
        self.left_splitter.setStretchFactor(0, 1)
        self.left_splitter.setStretchFactor(1, 3)

        self.comments_panel = CommentsPanel(zone, self, selection_provider=self._selection_anchor)
        self.history_panel = HistoryPanel(zone, self)
        self.review_tabs = QTabWidget(self)
        self.review_tabs.setObjectName("reviewTabs")
        self.review_tabs.addTab(self.comments_panel, translate("MainWindow", "Comments"))
        self.review_tabs.addTab(self.history_panel, translate("MainWindow", "History"))

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("mainSplitter")
        splitter.addWidget(self.left_splitter)
        splitter.addWidget(self.stack)
        splitter.addWidget(self.review_tabs)
        splitter.setChildrenCollapsible(False)
        splitter.setCollapsible(2, True)  # the review tabs may be folded away
        for index, stretch in enumerate((2, 3, 2)):
            splitter.setStretchFactor(index, stretch)
        # Comments/History start narrow but visible (a folded pane is easy to miss);
        # the user may fold it, and the layout is remembered.
        splitter.setSizes([380, 560, 260])
        self.splitter = splitter
        # Articles (the splitter) or the calendar, built the first time it is shown.
        self.views = QStackedWidget(self)
        self.views.setObjectName("views")
        self.views.addWidget(splitter)
        self.setCentralWidget(self.views)
        self.calendar: CalendarPanel | None = None
        self._calendar_undo_actions: list[QAction] = []

        toolbar = self.addToolBar(translate("MainWindow", "Main Toolbar"))
        toolbar.setObjectName("mainToolBar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._actions = build_actions(
            self,
            {
                ActionId.NEW_ARTICLE: self.new_article,
                ActionId.SAVE_ARTICLE: self.save_article,
                ActionId.CLOSE_TAB: self.close_current_tab,
                ActionId.NEXT_TAB: lambda: self._step_tab(1),
                ActionId.PREVIOUS_TAB: lambda: self._step_tab(-1),
                ActionId.TRASH_ARTICLE: self.move_to_trash,
                ActionId.RESTORE_ARTICLE: self.restore_from_trash,
                ActionId.DUPLICATE_ARTICLE: self.duplicate_article,
                ActionId.IMPORT_DOCUMENTS: self.import_documents,
                ActionId.EXPORT_PLAN: self.export_plan,
                ActionId.PRINT_PLAN: self.print_plan,
                ActionId.SHOW_ARTICLES: self.show_articles,
                ActionId.SHOW_CALENDAR: self.show_calendar,
                ActionId.OFFICE_ZONE: self.choose_office_zone,
                ActionId.EXPORT_ARTICLES: self.export_articles,
                ActionId.QUIT: self.close,
                ActionId.LANGUAGE: self.choose_language,
                ActionId.USERS: self.manage_users,
                ActionId.RUBRICS: self.manage_rubrics,
                ActionId.SAMPLE_ARTICLE: self.open_sample_article,
                ActionId.ABOUT: self.about,
            },
            scopes={Scope.LIST: self.table},
            toolbar=toolbar,
        )
        self._actions[ActionId.USERS].setEnabled(False)
        self._actions[ActionId.RUBRICS].setEnabled(False)
        self._actions[ActionId.OFFICE_ZONE].setEnabled(False)
        self._actions[ActionId.SHOW_CALENDAR].setIcon(calendar_icon())
        view_group = QActionGroup(self)
        for action_id in (ActionId.SHOW_ARTICLES, ActionId.SHOW_CALENDAR):
            self._actions[action_id].setCheckable(True)
            view_group.addAction(self._actions[action_id])
        self._actions[ActionId.SHOW_ARTICLES].setChecked(True)
        self.review_actions = ReviewActions(self)
        self._build_review_menus(toolbar)

        # Dropping Word/HTML/text files on the window or the list imports them.
        self._drops = FileDropFilter(self.import_paths, self)
        self._drops.install(self)
        self._drops.install(self.table.viewport())
        self._imports: ImportController | None = None
        self._export_runner: ExportRunner | None = None

        self.user_label = QLabel(self)
        self.user_label.setObjectName("userLabel")
        self.db_label = QLabel(translate("MainWindow", "Opening the database…"), self)
        self.db_label.setObjectName("databaseLabel")
        for label in (self.user_label, self.db_label):
            label.setContentsMargins(8, 0, 8, 0)
            self.statusBar().addPermanentWidget(label)

        self.stats_label = QLabel(self)
        self.stats_label.setObjectName("statsLabel")
        self.stats_label.setContentsMargins(8, 0, 8, 0)
        self.statusBar().insertPermanentWidget(0, self.stats_label)

        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self.table.doubleClicked.connect(lambda _index: self._pin(self.current_tab()))
        self._connect_review()

        self.resize(1200, 760)
        self.restore_layout()
        self._update_title()
        self._update_actions()

    # --- wiring -----------------------------------------------------------------

    def attach(self, context: AppContext) -> None:
        """Connect the window to an open store and load the article list."""
        self._ops = ArticleOperations(context)
        self._zone = context.zone
        self._icons_loaded = True
        from editorial_desk.ui.autosave import JournalSession, journal_for

        self._journal = journal_for(context)
        self._journal_session = JournalSession(self._journal)
        self._imports = ImportController(context, self)
        self._imports.imported.connect(self._on_imported)
        self._imports.finished.connect(
            lambda summary: self.statusBar().showMessage(status_text(summary), STATUS_MESSAGE_MS)
        )
        self.model.set_zone(context.zone)
        self._attach_review(context)
        self._load_editor_choices()
        for tab in self.open_tabs():
            self._attach_tab(tab)
        location = context.store.location.display
        self.db_label.setText(
            translate("MainWindow", "Database: {location}").format(location=location)
        )
        self.db_label.setToolTip(location)
        if context.store.backup_path:
            self.statusBar().showMessage(
                translate(
                    "MainWindow", "The database was upgraded; a backup copy is in {path}"
                ).format(path=context.store.backup_path),
                3 * STATUS_MESSAGE_MS,
            )
        self.list_panel.setEnabled(True)
        self._load_filter_choices()
        self.list_panel.restore_filter_state(self.settings.list_filter)
        self.reload_list()
        self.reopen_remembered_tabs()
        self._update_actions()
        # After the window shows the list: a modal question must not hold up attach().
        QTimer.singleShot(0, self.offer_recovery)

    @property
    def operations(self) -> ArticleOperations | None:
        return self._ops

    def action(self, action_id: ActionId) -> QAction:
        return self._actions[action_id]

    def reload_list(self) -> None:
        if self._ops is None:
            return
        current = self._current_article_id()
        self._syncing = True
        try:
            self.model.set_source(self._list_page)
        finally:
            self._syncing = False
        self._select_article(current)

    def _list_page(self, order: ArticleOrder, offset: int, limit: int) -> list[ArticleSummary]:
        """One page for the list model; a database error is shown, not raised into Qt.

        The model calls this in the middle of a reset or a fetchMore; a modal box
        right there would let the view repaint a half-updated model, so the message
        waits for the event loop."""
        if self._ops is None:
            return []
        try:
            return self._ops.list_page(order, offset, limit, self.list_panel.query())
        except EditorialError as error:
            QTimer.singleShot(0, lambda shown=error: show_error(self, shown))
            return []

    # --- tabs -------------------------------------------------------------------

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

    # --- the calendar -----------------------------------------------------------

    def calendar_shown(self) -> bool:
        return self.calendar is not None and self.views.currentWidget() is self.calendar

    def show_articles(self) -> None:
        self.views.setCurrentWidget(self.splitter)
        self._after_view_switch()

    def show_calendar(self) -> None:
        """View → Calendar: the plan, read fresh from the database each time."""
        if self._ops is None:
            self._actions[ActionId.SHOW_ARTICLES].setChecked(True)
            return
        created = self.calendar is None
        panel = self._ensure_calendar()
        self.views.setCurrentWidget(panel)
        if not created:
            panel.refresh()
        panel.month_view.setFocus()
        self._after_view_switch()

    def _after_view_switch(self) -> None:
        on_calendar = self.calendar_shown()
        # the word counts belong to the editor: not shown over the calendar
        self.stats_label.setVisible(not on_calendar)
        self._actions[ActionId.SHOW_CALENDAR].setChecked(on_calendar)
        self._actions[ActionId.SHOW_ARTICLES].setChecked(not on_calendar)
        self._fill_edit_menus()
        self._update_title()
        self._update_actions()

    def _ensure_calendar(self) -> CalendarPanel:
        assert self._ops is not None
        if self.calendar is not None:
            return self.calendar
        from editorial_desk.ui.calendar.panel import CalendarPanel
        from editorial_desk.ui.calendar.source import CalendarSource

        context = self._ops.context
        panel = CalendarPanel(
            CalendarSource.from_context(context), self.settings, context.zone, self.views
        )
        panel.open_article_requested.connect(self._open_from_calendar)
        panel.new_article_requested.connect(self._new_on_day)
        panel.articles_changed.connect(self._on_calendar_moved)
        stack = panel.undo_stack()
        undo = stack.createUndoAction(panel, translate("MainWindow", "&Undo"))
        redo = stack.createRedoAction(panel, translate("MainWindow", "&Redo"))
        for action, keys in (
            (undo, QKeySequence.StandardKey.Undo),
            (redo, QKeySequence.StandardKey.Redo),
        ):
            action.setShortcuts(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            panel.addAction(action)
        self._calendar_undo_actions = [undo, redo]
        self.views.addWidget(panel)
        self.calendar = panel
        return panel

    def _open_from_calendar(self, article_id: int) -> None:
        self.show_articles()
        self.open_article(article_id, new_tab=True)

    def _new_on_day(self, day: date) -> None:
        from editorial_desk.domain.calendar import DEFAULT_PLAN_TIME, planned_on_day

        self.new_article(planned_on_day(day, DEFAULT_PLAN_TIME, self._zone))

    def _on_calendar_moved(self) -> None:
        """A drag in the calendar changed dates: the list, the queues and every open
        tab show the new version. A tab with unsaved edits keeps them and only takes
        the new date and version (so its save is not a false conflict); if more than
        the date changed, its save meets the usual conflict check."""
        self.reload_list()
        self.queues_panel.refresh()
        if self._ops is None:
            return
        for tab in self.open_tabs():
            article_id = tab.article_id()
            if article_id is None:
                continue
            try:
                article = self._ops.get(article_id)
            except EditorialError:
                continue
            if article.version == tab.form.base_version():
                continue
            if not tab.form.is_modified():
                tab.form.load(article, self._images_of(article))
            elif tab.form.can_rebase(article):
                tab.form.rebase(article)
            self._update_tab_label(tab)
        if (tab := self.current_tab()) is not None:
            self.review_actions.set_article(tab.form.article())
            self.history_panel.set_article(tab.form.article())

    def print_plan(self) -> None:
        if self._ops is not None:
            self._ensure_calendar().print_plan()

    def export_plan(self) -> None:
        """File → Export Plan to iCalendar: the calendar's month (or chosen days)."""
        if self._ops is None:
            return
        from editorial_desk.ui.calendar.ics_export import IcsExportDialog
        from editorial_desk.ui.filter_state import calendar_filter_of

        panel = self.calendar
        year, month = panel.shown_month() if panel else (self._today().year, self._today().month)
        first = date(year, month, 1)
        last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        folder = self.settings.last_export_dir or Path.home()
        dialog = IcsExportDialog(first, last, folder / f"plan-{year}-{month:02d}.ics", self)
        try:
            if dialog.exec() != IcsExportDialog.DialogCode.Accepted:
                return
            first, last, path = dialog.first(), dialog.last(), dialog.path()
        finally:
            dialog.deleteLater()
        if not path.is_absolute():  # a bare name typed in: beside the suggested file
            path = folder / path
        if path.exists() and not self._confirm_replace(path):
            return
        filters = panel.filters() if panel else calendar_filter_of(self.settings.calendar_filter)
        self.write_plan(first, last, path, filters)

    def write_plan(
        self, first: date, last: date, path: Path, filters: CalendarFilter | None = None
    ) -> BackgroundTask:
        """Write the .ics file (replacing one the user chose to overwrite) in a
        worker: a long range is thousands of events. `plan_written(path)` or a
        message when it ends."""
        from editorial_desk.domain.calendar import CalendarFilter
        from editorial_desk.export.files import write_atomic
        from editorial_desk.ui.background import run_in_background

        assert self._ops is not None
        ops, wanted = self._ops, filters or CalendarFilter()

        def work() -> int:
            data, count = ops.plan_ics(first, last, wanted)
            write_atomic(path, data, overwrite=True)
            return count

        def done(count: int) -> None:
            QApplication.restoreOverrideCursor()
            self.settings.last_export_dir = path.parent
            self._show_status(
                translate("MainWindow", "Plan exported: {count} items in {path}").format(
                    count=count, path=path
                )
            )
            self.plan_written.emit(str(path))

        def failed(error: BaseException) -> None:
            QApplication.restoreOverrideCursor()
            if not isinstance(error, EditorialError | OSError):
                raise error  # a bug: the app's error hook reports it
            show_message(
                self,
                ErrorMessage(
                    translate("MainWindow", "The plan was not exported"),
                    translate("MainWindow", "Could not write {path}: {error}").format(
                        path=path, error=error
                    ),
                ),
            )

        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self._plan_task = run_in_background(work, done, failed, self)
        return self._plan_task

    def _confirm_replace(self, path: Path) -> bool:
        from editorial_desk.ui.review.messages import confirm

        return confirm(
            self,
            translate("MainWindow", "Replace the File?"),
            translate("MainWindow", "{name} already exists. Replace it?").format(name=path.name),
            str(path.parent),
        )

    def _today(self) -> date:
        return datetime.now(self._zone).date()

    def choose_office_zone(self) -> None:
        """Settings → Office Time Zone (admins): stored for the whole office; every
        view shows dates in it from now on."""
        if self._ops is None:
            return
        from editorial_desk.ui.office_zone_dialog import OfficeZoneDialog

        try:
            current = self._ops.office_zone_name()
        except EditorialError as error:
            show_error(self, error)
            return
        dialog = OfficeZoneDialog(current, self)
        try:
            accepted, name = dialog.choose()
        finally:
            dialog.deleteLater()
        if not accepted or name == current:
            return
        try:
            zone = self._ops.set_office_zone(name, os.environ.get(ZONE_ENV_VAR))
        except EditorialError as error:
            show_error(self, error)
            return
        self.apply_zone(zone)

    def apply_zone(self, zone: tzinfo) -> None:
        """Show every date in `zone` from now on (the office's zone changed)."""
        assert self._ops is not None
        self._zone = zone
        self._ops.set_zone(zone)
        self.model.set_zone(zone)
        for tab in self.open_tabs():
            tab.set_zone(zone)
        if self._review_ops is not None:
            self._review_ops.set_zone(zone)
            for part in (self.comments_panel, self.history_panel, self.queues_panel):
                part.attach(self._review_ops)
            if (tab := self.current_tab()) is not None:
                self.comments_panel.set_article(tab.form.article())
                self.history_panel.set_article(tab.form.article())
        if self.calendar is not None:
            self.calendar.set_zone(zone)
        self._show_status(
            translate("MainWindow", "Dates are now shown in the office's time zone: {zone}").format(
                zone=getattr(zone, "key", None) or translate("MainWindow", "the system's zone")
            )
        )

    # --- crash recovery ---------------------------------------------------------

    def offer_recovery(self) -> None:
        """Unsaved work left in the journal by a crash or a kill: offer to bring
        every piece back, each into its own tab (as unsaved changes)."""
        from editorial_desk.ui.recovery_dialog import apply_choice

        if self._journal is None or self._journal_session is None or self._ops is None:
            return
        try:
            entries = self._journal_session.orphaned(self._journal.entries())
        except OSError as error:
            self._show_status(str(error))
            return
        if not entries:
            return
        choice = self.ask_recovery(entries)
        restored = 0
        for entry in apply_choice(choice, self._journal, entries):
            restored += self._restore_entry(entry)
        if restored:
            self._show_status(
                translate(
                    "MainWindow", "Unsaved changes restored: {count}. Save them to keep them."
                ).format(count=restored)
            )

    def ask_recovery(self, entries: list[RecoveryEntry]) -> RecoveryChoice:
        from editorial_desk.ui.recovery_dialog import RecoveryDialog

        dialog = RecoveryDialog(entries, self._zone, self)
        try:
            return dialog.ask()
        finally:
            dialog.deleteLater()

    def _restore_entry(self, entry: RecoveryEntry) -> bool:
        """Fill a tab from one journal entry. The entry stays in the journal (the
        tab's autosave owns it now) until the user saves or discards."""
        assert self._ops is not None
        article = None
        if entry.article_id is not None:
            try:
                article = self._ops.get(entry.article_id)
            except NotFoundError:  # deleted since: keep the text as a new article
                entry = replace(entry, article_id=None, base_version=None)
            except EditorialError as error:
                show_error(self, error)
                return False
        tab = self.tab_of(entry.article_id) if entry.article_id is not None else None
        if tab is None:
            tab = self._add_tab(pinned=True)
        try:
            images = self._ops.body_images(entry.body)
        except EditorialError:
            images = {}
        tab.form.restore_from(entry, article, images)
        self._rekey(tab, entry.key)
        self._pin(tab)
        self._show_tab(tab)
        self._update_tab_label(tab)
        return True

    # --- user actions -----------------------------------------------------------

    def new_article(self, planned_at: datetime | None = None) -> None:
        if self._ops is None:
            return
        self.show_articles()
        tab = self._add_tab(pinned=True)
        tab.form.start_new(planned_at)
        self._rekey(tab)
        self._show_tab(tab)
        self._select_article(None)
        tab.form.focus_title()

    def open_sample_article(self) -> None:
        """Help → Sample Article: a new, unsaved article with every kind of formatting,
        written for this app, to look at or to start from."""
        from importlib.resources import files

        if self._ops is None:
            return
        body = (
            files("editorial_desk.resources.samples")
            .joinpath("sample_article_ru.html")
            .read_text(encoding="utf-8")
        )
        self.new_article()
        self.form.start_from(
            translate("MainWindow", "Sample: a winter rink opens in Druzhba park"),
            translate(
                "MainWindow",
                "The renovated winter ground in the park opens on Saturday: a rink, "
                "a ski track and skate hire.",
            ),
            body,
        )
        self._update_title()

    def open_article(self, article_id: int, *, new_tab: bool = False, quiet: bool = False) -> bool:
        """Show an article: its tab if it is open, else the reusable current tab or a
        new one (`new_tab`: always a tab of its own). `quiet`: a failure (e.g. the
        article was deleted since the last run) is not shown."""
        if self._ops is None:
            return False
        if (tab := self.tab_of(article_id)) is not None:
            if new_tab:
                self._pin(tab)
            self._show_tab(tab)
            return True
        try:
            article = self._ops.get(article_id)
        except EditorialError as error:
            if not quiet:
                show_error(self, error)
                self.reload_list()
            return False
        if article.status is Status.TRASH and quiet:
            return False
        tab = self._tab_for_opening(new_tab=new_tab)
        tab.form.load(article, self._images_of(article))
        self._rekey(tab)
        self.model.upsert(summary_of(article))
        self._show_tab(tab)
        self._update_tab_label(tab)
        return True

    def save_article(self) -> bool:
        """Save the current tab. True when it is stored (create or a new version)."""
        tab = self.current_tab()
        if self._ops is None or tab is None:
            return False
        if not tab.form.title_edit.text().strip():
            show_message(
                self,
                ErrorMessage(
                    translate("MainWindow", "Cannot save"),
                    translate("MainWindow", "Please enter a headline before saving."),
                ),
            )
            tab.form.focus_title()
            return False
        try:
            if tab.form.is_new():
                values = tab.form.values()
                saved = self._ops.create(
                    title=values.title,
                    lead=values.lead,
                    body=values.body,
                    rubric=values.rubric,
                    planned_at=values.planned_at,
                    tags=values.tags,
                )
                tab.form.mark_saved(saved, sent_body=values.body)
            else:
                saved_or_none = self._save_existing(tab)
                if saved_or_none is None:
                    return False
                saved = saved_or_none
        except EditorialError as error:
            show_error(self, error)
            return False
        self._after_save(tab, saved)
        return True

    def _save_tab(self, tab: ArticleTab) -> bool:
        self._show_tab(tab)
        return self.save_article()

    def move_to_trash(self) -> None:
        if self._ops is None:
            return
        article_id = self._target_article_id()
        if article_id is None:
            return
        tab = self.tab_of(article_id)
        if tab is not None and tab.form.is_modified():
            self._show_tab(tab)
            if not self.maybe_save():
                return
        try:
            trashed = self._ops.move_to_trash(article_id)
        except EditorialError as error:
            show_error(self, error)
            return
        self._syncing = True
        try:
            self.model.remove(article_id)
            self.table.clearSelection()
            self.table.setCurrentIndex(QModelIndex())
        finally:
            self._syncing = False
        if tab is not None:
            self._discard_tab(tab)
        self.statusBar().showMessage(
            translate("MainWindow", "“{title}” was moved to the trash.").format(
                title=trashed.title
            ),
            STATUS_MESSAGE_MS,
        )
        self._update_title()
        self._update_actions()

    def restore_from_trash(self) -> None:
        article_id = self._target_article_id()
        if self._ops is None or article_id is None:
            return
        try:
            restored = self._ops.restore_from_trash(article_id)
        except EditorialError as error:
            show_error(self, error)
            return
        self.reload_list()
        self.statusBar().showMessage(
            translate("MainWindow", "“{title}” was restored from the trash.").format(
                title=restored.title
            ),
            STATUS_MESSAGE_MS,
        )
        self._update_actions()

    def duplicate_article(self) -> None:
        article_id = self._target_article_id()
        if self._ops is None or article_id is None or not self.maybe_save():
            return
        try:
            source = self._ops.get(article_id)
            copy = self._ops.duplicate(
                article_id,
                translate("MainWindow", "Copy of {title}").format(title=source.title),
            )
        except EditorialError as error:
            show_error(self, error)
            return
        self.model.upsert(summary_of(copy))
        if self.open_article(copy.id, new_tab=True):
            self.form.focus_title()

    def import_documents(self) -> None:
        self.import_paths(ask_import_files(self, self.settings))

    def import_paths(self, paths: list[Path]) -> None:
        """Import files (from the dialog or a drop); ignored until the store is open."""
        if self._imports is not None and paths:
            self._imports.import_files(paths)

    def _on_imported(self, article: ArticleSnapshot) -> None:
        self.model.upsert(summary_of(article))
        self.open_article(article.id, new_tab=True)

    def export_articles(self) -> None:
        """File → Export: the open/selected article, or a batch chosen in the dialog."""
        if self._ops is None or not self.maybe_save():
            return
        context = self._ops.context
        article_id = self._target_article_id()
        title = None
        if article_id is not None:
            row = self.model.row_of(article_id)
            title = self.model.summary(row).title if row is not None else None
        dialog = ExportDialog(
            self.settings,
            context.zone,
            [article_id] if article_id is not None else [],
            self,
            selected_title=title,
        )
        request = dialog.ask()
        dialog.deleteLater()
        if request is None:
            return
        runner = ExportRunner(context, request, self)
        self._export_runner = runner
        runner.finished.connect(lambda _outcome: runner.deleteLater())
        runner.start()

    def _on_query_changed(self) -> None:
        self.settings.list_filter = self.list_panel.filter_state()
        self.reload_list()
        self._update_actions()

    def _load_filter_choices(self) -> None:
        if self._ops is None:
            return
        try:
            rubrics, authors = self._ops.filter_choices()
        except EditorialError as error:
            show_error(self, error)
            return
        self.list_panel.set_rubrics(rubrics)
        self.list_panel.set_authors(authors)

    def choose_language(self) -> None:
        chosen = LanguageDialog(self.settings.language, self).choose()
        if chosen is not None and chosen != self.settings.language:
            self.settings.language = chosen
            self.statusBar().showMessage(
                translate("MainWindow", "The language will change after a restart."),
                STATUS_MESSAGE_MS,
            )

    def about(self) -> None:
        show_about(self)

    # --- unsaved changes --------------------------------------------------------

    def maybe_save(self) -> bool:
        """Settle the current tab's unsaved changes: True when it is fine to go on
        (saved, discarded, or nothing to settle)."""
        tab = self.current_tab()
        if tab is None or not tab.form.is_modified():
            return True
        choice = self.confirm_unsaved_changes()
        if choice is UnsavedChoice.SAVE:
            return self.save_article()
        if choice is UnsavedChoice.DISCARD:
            self._revert(tab)
            return True
        return False

    def _revert(self, tab: ArticleTab) -> None:
        """Throw the tab's unsaved changes away: the stored version (or an empty new
        article) is shown again, and the journal forgets them — the text on screen
        and the recovery copy never disagree."""
        article = tab.form.article()
        if article is not None and self._ops is not None:
            with suppress(EditorialError):  # gone or unreachable: the loaded version
                article = self._ops.get(article.id)
        if article is not None:
            tab.form.load(article, self._images_of(article))
        else:
            tab.form.start_new()
        self._forget_unsaved(tab)
        self._update_tab_label(tab)

    def confirm_unsaved_changes(self) -> UnsavedChoice:
        return ask_unsaved_changes(self, self.form.display_title())

    def closeEvent(self, event: QCloseEvent) -> None:
        # Ask about each tab with unsaved work, showing it while asking. Nothing is
        # thrown away until every answer is in: Cancel on a later tab keeps all.
        for tab in self.open_tabs():
            if not tab.form.is_modified():
                continue
            self._show_tab(tab)
            choice = self.confirm_unsaved_changes()
            if choice is UnsavedChoice.CANCEL or (
                choice is UnsavedChoice.SAVE and not self.save_article()
            ):
                event.ignore()
                return
        self.remember_open_tabs()
        for tab in self.open_tabs():
            self._discard_tab(tab)  # saved, or the user said Discard: no entry stays
        if self._journal_session is not None:
            self._journal_session.release()
        self.save_layout()
        event.accept()

    def save_layout(self) -> None:
        """Window geometry, the splitter and the list's columns, for the next start."""
        self.settings.set_layout_state("window", self.saveGeometry())
        self.settings.set_layout_state("splitter", self.splitter.saveState())
        self.settings.set_layout_state("list_header", self.table.horizontalHeader().saveState())
        self.settings.sync()

    def restore_layout(self) -> None:
        if state := self.settings.layout_state("window"):
            self.restoreGeometry(state)
        if state := self.settings.layout_state("splitter"):
            self.splitter.restoreState(state)
        if state := self.settings.layout_state("list_header"):
            self.table.horizontalHeader().restoreState(state)

    # --- review and editor wiring --------------------------------------------------

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

    def _images_of(self, article: ArticleSnapshot) -> dict[str, bytes]:
        """The body's pictures for the editor; a failure only leaves them blank."""
        if self._ops is None:
            return {}
        try:
            return self._ops.body_images(article.body)
        except EditorialError as error:
            self._show_status(str(error))
            return {}

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

    def _show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_MESSAGE_MS)

    def manage_users(self) -> None:
        """Settings → Users and Roles (admins only); a window-modal, non-blocking dialog."""
        if self._review_ops is None or not can_manage_users(self._review_ops.user):
            return
        dialog = UsersDialog(self._review_ops, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def manage_rubrics(self) -> None:
        """Settings → Rubrics: the office's list; every open form follows changes."""
        if self._ops is None:
            return
        from editorial_desk.ui.rubrics_dialog import RubricsDialog, StoreRubricSource

        dialog = RubricsDialog(StoreRubricSource(self._ops.context), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.rubricsChanged.connect(lambda _names: self._load_editor_choices())
        dialog.open()

    # --- internals --------------------------------------------------------------

    def _save_existing(self, tab: ArticleTab) -> ArticleSnapshot | None:
        """Save changes to a stored article; on a conflict ask the user what to do."""
        assert self._ops is not None
        form = tab.form
        article_id = form.article_id()
        expected = form.base_version()
        assert article_id is not None and expected is not None
        while True:
            changes = form.changes()
            try:
                saved = self._ops.save(article_id, expected, changes)
            except ConflictError as conflict:
                choice = self.resolve_conflict(conflict)
                if choice is ConflictChoice.OVERWRITE:
                    expected = conflict.theirs.version
                    continue
                if choice is ConflictChoice.LOAD_THEIRS:
                    form.load(conflict.theirs)
                    self._forget_unsaved(tab)
                    self.model.upsert(summary_of(conflict.theirs))
                    self._update_tab_label(tab)
                return None
            form.mark_saved(saved, sent_body=changes.body)
            return saved

    def resolve_conflict(self, conflict: ConflictError) -> ConflictChoice:
        """Show both versions; nothing is written here."""
        zone = self._ops.context.zone if self._ops else office_zone(None)
        dialog = ConflictDialog(conflict.mine, conflict.theirs, zone, self)
        try:
            return dialog.choose()
        finally:
            dialog.deleteLater()

    def _after_save(self, tab: ArticleTab, saved: ArticleSnapshot) -> None:
        self._forget_unsaved(tab)
        self.model.upsert(summary_of(saved))
        self._select_article(saved.id)
        self._update_tab_label(tab)
        if tab is self.current_tab():
            self._refresh_review(saved)
        self.queues_panel.refresh()
        if saved.rubric not in self._rubric_choices or set(saved.tags) - set(self._tag_choices):
            self._load_editor_choices()
        self.statusBar().showMessage(
            translate("MainWindow", "Saved “{title}” (version {version}).").format(
                title=saved.title, version=saved.version
            ),
            STATUS_MESSAGE_MS,
        )
        self._update_title()
        self._update_actions()

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """A click (or arrow key) in the list shows that article: its own tab if open,
        else in the current tab when nobody typed in it, else in a new tab — so
        browsing the list never asks about, or loses, unsaved work."""
        if self._syncing or not current.isValid():
            self._update_actions()
            return
        article_id = current.data(ARTICLE_ID_ROLE)
        if article_id == self._current_article_id():
            return
        self.open_article(article_id)

    def _current_article_id(self) -> int | None:
        tab = self.current_tab()
        return tab.article_id() if tab else None

    def _form_shown(self) -> bool:
        return self.current_tab() is not None

    def _status_of(self, article_id: int) -> Status | None:
        tab = self.tab_of(article_id)
        if tab is not None:
            article = tab.form.article()
            return article.status if article else None
        row = self.model.row_of(article_id)
        return self.model.summary(row).status if row is not None else None

    def _target_article_id(self) -> int | None:
        if (article_id := self._current_article_id()) is not None:
            return article_id
        current = self.table.currentIndex()
        if current.isValid() and self.table.selectionModel().isSelected(current):
            return current.data(ARTICLE_ID_ROLE)
        return None

    def _select_article(self, article_id: int | None) -> None:
        """Move the list's selection without triggering a load."""
        self._syncing = True
        try:
            row = self.model.row_of(article_id) if article_id is not None else None
            if row is None:
                self.table.clearSelection()
                self.table.setCurrentIndex(QModelIndex())
                return
            index = self.model.index(row, Column.TITLE)
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(index)
        finally:
            self._syncing = False

    def _update_title(self) -> None:
        tab = self.current_tab()
        if self.calendar_shown():
            self.setWindowTitle(translate("MainWindow", "Calendar — Editorial Desk"))
            self.setWindowModified(False)
        elif tab is not None:
            # "[*]" is where Qt shows the modified marker (setWindowModified)
            self.setWindowTitle(
                translate("MainWindow", "{article}[*] — Editorial Desk").format(
                    article=tab.form.display_title()
                )
            )
            self.setWindowModified(tab.form.is_modified())
        else:
            self.setWindowTitle(translate("MainWindow", "Editorial Desk"))
            self.setWindowModified(False)

    def _update_actions(self) -> None:
        ready = self._ops is not None
        # In the calendar the article actions would act on a hidden tab: off there.
        tab = None if self.calendar_shown() else self.current_tab()
        self._actions[ActionId.NEW_ARTICLE].setEnabled(ready)
        editable = ready and tab is not None and not tab.form.is_read_only()
        self._actions[ActionId.SAVE_ARTICLE].setEnabled(editable)
        self._actions[ActionId.CLOSE_TAB].setEnabled(tab is not None)
        target = self._target_article_id() if ready and not self.calendar_shown() else None
        in_trash = target is not None and self._status_of(target) is Status.TRASH
        self._actions[ActionId.TRASH_ARTICLE].setEnabled(target is not None and not in_trash)
        self._actions[ActionId.RESTORE_ARTICLE].setEnabled(in_trash)
        self._actions[ActionId.DUPLICATE_ARTICLE].setEnabled(target is not None)
        if tab is not None:
            tab.form.save_button.setEnabled(editable)
