"""The main window: the article list on the left, open articles in tabs on the right.

It is also the controller for what the user does: each action is one short method
that calls `ArticleOperations` (one database session per action) and refreshes the
view from what came back. Heavy modules (SQLAlchemy, services) are imported only
when the first action runs, so the window paints before they load.

The tabs, the calendar, the office time zone, crash recovery and the review parts
live in mixins (`window_tabs`, `window_calendar`, `window_zone`, `window_recovery`,
`window_review`); this module builds the window and holds the article actions."""

from __future__ import annotations

from contextlib import suppress
from datetime import datetime, tzinfo
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
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from editorial_desk.domain.article import ArticleOrder, ArticleSnapshot, ArticleSummary
from editorial_desk.domain.errors import ConflictError, EditorialError
from editorial_desk.domain.statuses import Status
from editorial_desk.domain.timeutil import office_zone
from editorial_desk.ui.actions import ActionId, Scope, build_actions
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
from editorial_desk.ui.review.history_panel import HistoryPanel
from editorial_desk.ui.review.operations import ReviewOperations
from editorial_desk.ui.review.queues_panel import QueuesPanel
from editorial_desk.ui.review.status_actions import ReviewActions
from editorial_desk.ui.review.users_dialog import UsersDialog, can_manage_users
from editorial_desk.ui.settings import AppSettings
from editorial_desk.ui.window_calendar import CalendarMixin
from editorial_desk.ui.window_recovery import RecoveryMixin
from editorial_desk.ui.window_review import ReviewMixin
from editorial_desk.ui.window_tabs import TabsMixin
from editorial_desk.ui.window_zone import OfficeZoneMixin

if TYPE_CHECKING:  # the journal (and the store package) load after the first paint
    from editorial_desk.store.recovery import RecoveryJournal
    from editorial_desk.ui.autosave import JournalSession
    from editorial_desk.ui.calendar.panel import CalendarPanel

translate = QCoreApplication.translate

STATUS_MESSAGE_MS = 4000


class MainWindow(
    TabsMixin, CalendarMixin, OfficeZoneMixin, RecoveryMixin, ReviewMixin, QMainWindow
):
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
        if self.settings.calendar_shown:  # where the user left off
            self.show_calendar()
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
        if self.calendar is not None:
            self.settings.set_layout_state("calendar_splitter", self.calendar.splitter.saveState())
        self.settings.calendar_shown = self.calendar_shown()
        self.settings.sync()

    def restore_layout(self) -> None:
        if state := self.settings.layout_state("window"):
            self.restoreGeometry(state)
        if state := self.settings.layout_state("splitter"):
            self.splitter.restoreState(state)
        if state := self.settings.layout_state("list_header"):
            self.table.horizontalHeader().restoreState(state)

    # --- editor and settings helpers --------------------------------------------

    def _images_of(self, article: ArticleSnapshot) -> dict[str, bytes]:
        """The body's pictures for the editor; a failure only leaves them blank."""
        if self._ops is None:
            return {}
        try:
            return self._ops.body_images(article.body)
        except EditorialError as error:
            self._show_status(str(error))
            return {}

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
