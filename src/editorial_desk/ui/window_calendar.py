"""The main window's calendar view and the plan it prints and exports.

The calendar panel (and its modules) is built the first time it is shown, so
nothing of it loads before the window's first paint."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from editorial_desk.domain.errors import EditorialError
from editorial_desk.ui.actions import ActionId
from editorial_desk.ui.dialogs import show_message
from editorial_desk.ui.error_messages import ErrorMessage

if TYPE_CHECKING:  # loaded with the calendar, after the first paint
    from editorial_desk.domain.calendar import CalendarFilter
    from editorial_desk.ui.background import BackgroundTask
    from editorial_desk.ui.calendar.panel import CalendarPanel

translate = QCoreApplication.translate


class CalendarMixin:
    """`MainWindow`'s calendar. Uses the window's `calendar`, `views`, `splitter`,
    `stats_label`, `settings`, `_actions`, `_ops`, `_zone`, `_calendar_undo_actions`,
    `queues_panel`, `history_panel`, `review_actions`, the `plan_written` signal
    (declared on `MainWindow`: a signal needs a QObject class) and its tab, list
    and article methods."""

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
        if state := self.settings.layout_state("calendar_splitter"):
            panel.splitter.restoreState(state)  # the tray's width, as the user left it
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
            plan = ops.plan_ics(first, last, wanted)
            write_atomic(path, plan.data, overwrite=True)
            return plan.events

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
