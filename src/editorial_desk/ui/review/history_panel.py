"""The history of one article: its versions, what changed between any two, the
changes since the last approval, restoring an old version, and the audit trail of
status changes (who, when, from what to what, why).

Select one version to see what it changed against the one before, two to compare
them; "Compare with Approved" shows what changed since the reviewer last approved.
Diffs of long articles take a while, so they are computed off the UI thread with a
placeholder shown; a newer request makes an older result be dropped.

Loading the lists is one session per `set_article`; a restore is one more, and
it is an ordinary save (the same permission and version check), so it emits
`articleChanged` for the window to reload the form."""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QItemSelection, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from editorial_desk.domain.article import ArticleSnapshot
from editorial_desk.domain.errors import EditorialError
from editorial_desk.domain.review import RevisionInfo
from editorial_desk.domain.timeutil import office_zone
from editorial_desk.ui.background import BackgroundTask, run_in_background
from editorial_desk.ui.labels import format_local
from editorial_desk.ui.review.diff_view import diff_html, message_html
from editorial_desk.ui.review.history_models import (
    AuditColumn,
    AuditTableModel,
    RevisionColumn,
    RevisionTableModel,
)
from editorial_desk.ui.review.labels import denial_text
from editorial_desk.ui.review.messages import confirm, review_message_for, show_review_error
from editorial_desk.ui.review.operations import HistoryView, ReviewOperations

if TYPE_CHECKING:
    from editorial_desk.services.history import RevisionDiff

translate = QCoreApplication.translate


def _bold_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class HistoryPanel(QWidget):
    articleChanged = Signal(object)  # ArticleSnapshot after a restore
    statusMessage = Signal(str)
    diffShown = Signal()  # a diff (or a message instead of one) replaced the placeholder

    def __init__(self, zone: tzinfo | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyPanel")
        self._zone = zone or office_zone(None)
        self._ops: ReviewOperations | None = None
        self._article: ArticleSnapshot | None = None
        self._view: HistoryView | None = None
        self._generation = 0  # which diff request the browser waits for
        self._tasks: list[BackgroundTask] = []
        # Called before a restore replaces the form's text; the window settles
        # unsaved changes there (and, if it saves, calls set_article again).
        self.before_restore: Callable[[], bool] = lambda: True

        self.revisions = RevisionTableModel(self._zone, self)
        self.revisions_view = QTableView(self)
        self.revisions_view.setObjectName("revisionsView")
        self.revisions_view.setModel(self.revisions)
        self.revisions_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.revisions_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.revisions_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.revisions_view.verticalHeader().hide()
        row_height = self.fontMetrics().height() + 8
        self.revisions_view.verticalHeader().setDefaultSectionSize(row_height)
        # Room for the header and four versions before the splitter shrinks it.
        self.revisions_view.setMinimumHeight(row_height * 5 + 4)
        self.revisions_view.setWordWrap(False)
        header = self.revisions_view.horizontalHeader()
        header.setSectionResizeMode(RevisionColumn.AUTHOR, QHeaderView.ResizeMode.Stretch)
        for column in (RevisionColumn.VERSION, RevisionColumn.SAVED, RevisionColumn.NOTE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.revisions_view.setToolTip(
            translate(
                "HistoryPanel",
                "Select one version to see what it changed, or two (Ctrl+click) to compare them.",
            )
        )

        self.compare_approved_button = QPushButton(
            translate("HistoryPanel", "Compare with &Approved"), self
        )
        self.compare_approved_button.setObjectName("compareApprovedButton")
        self.compare_approved_button.setToolTip(
            translate("HistoryPanel", "What changed since the reviewer last approved the article")
        )
        self.restore_button = QPushButton(translate("HistoryPanel", "&Restore This Version…"), self)
        self.restore_button.setObjectName("restoreButton")

        self.diff_view = QTextBrowser(self)
        self.diff_view.setObjectName("diffView")
        self.diff_view.setOpenLinks(False)  # article text is not navigation
        self.diff_view.setReadOnly(True)

        self.audit = AuditTableModel(self._zone, self)
        self.audit_view = QTableView(self)
        self.audit_view.setObjectName("auditView")
        self.audit_view.setModel(self.audit)
        self.audit_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.audit_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.audit_view.verticalHeader().hide()
        # The panel is narrow and a reviewer's reason is what matters most: names
        # and status changes wrap in fixed columns, the reason takes the rest.
        self.audit_view.setWordWrap(True)
        self.audit_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        audit_header = self.audit_view.horizontalHeader()
        audit_header.setSectionResizeMode(AuditColumn.WHEN, QHeaderView.ResizeMode.ResizeToContents)
        em = self.fontMetrics().horizontalAdvance("M")
        for audit_column, width in ((AuditColumn.WHO, 11 * em), (AuditColumn.CHANGE, 12 * em)):
            audit_header.setSectionResizeMode(audit_column, QHeaderView.ResizeMode.Interactive)
            audit_header.resizeSection(audit_column, width)
        audit_header.setSectionResizeMode(AuditColumn.REASON, QHeaderView.ResizeMode.Stretch)
        audit_header.setMinimumSectionSize(4 * em)

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        versions_label = _bold_label(translate("HistoryPanel", "&Versions"), top)
        versions_label.setBuddy(self.revisions_view)
        top_layout.addWidget(versions_label)
        top_layout.addWidget(self.revisions_view, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.compare_approved_button)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        top_layout.addLayout(buttons)

        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        audit_label = _bold_label(translate("HistoryPanel", "Status &changes"), bottom)
        audit_label.setBuddy(self.audit_view)
        bottom_layout.addWidget(audit_label)
        bottom_layout.addWidget(self.audit_view, 1)
        # Provenance: every export of this article, and whether it changed since.
        self.export_status_label = QLabel(bottom)
        self.export_status_label.setObjectName("exportStatus")
        self.export_status_label.setWordWrap(True)
        self.exports_list = QListWidget(bottom)
        self.exports_list.setObjectName("exportsList")
        self.exports_list.setWordWrap(True)
        exports_label = _bold_label(translate("HistoryPanel", "E&xports"), bottom)
        exports_label.setBuddy(self.exports_list)
        bottom_layout.addWidget(exports_label)
        bottom_layout.addWidget(self.export_status_label)
        bottom_layout.addWidget(self.exports_list, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("historySplitter")
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.diff_view)
        self.splitter.addWidget(bottom)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setStretchFactor(2, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.splitter)

        self.revisions_view.selectionModel().selectionChanged.connect(self._on_selection)
        self.compare_approved_button.clicked.connect(self.compare_with_approved)
        self.restore_button.clicked.connect(self.restore_selected)
        self._update_buttons()
        self._show_message(translate("HistoryPanel", "No article is open."))

    # --- wiring -----------------------------------------------------------------

    def attach(self, ops: ReviewOperations) -> None:
        self._ops = ops
        self.set_zone(ops.zone)

    def set_zone(self, zone: tzinfo) -> None:
        self._zone = zone
        self.revisions.set_zone(zone)
        self.audit.set_zone(zone)

    def set_article(self, article: ArticleSnapshot | None) -> None:
        """Show the history of `article` (None: nothing). Call it again after every
        save or step, so the newest version and status change are listed."""
        self._article = article
        self.reload()

    def article(self) -> ArticleSnapshot | None:
        return self._article

    def reload(self) -> None:
        self._view = None
        self._generation += 1  # whatever diff was on its way is for the old lists
        view: HistoryView | None = None
        if self._article is not None and self._ops is not None:
            try:
                view = self._ops.history_view(self._article.id)
            except EditorialError as error:
                self._clear()
                self._show_message(review_message_for(error).text)
                return
        self._view = view
        if view is None:
            self._clear()
            self._show_message(translate("HistoryPanel", "No article is open."))
            return
        self.revisions.set_revisions(view.history.revisions)
        self.audit.set_entries(view.history.audit)
        if self.audit.rowCount():
            self.audit_view.scrollToBottom()  # the latest change is what matters now
        self._show_exports(view)
        self._show_default()

    def _show_exports(self, view: HistoryView | None) -> None:
        from editorial_desk.ui.export_messages import export_status_text, format_name

        self.exports_list.clear()
        if view is None or view.export_status is None:
            self.export_status_label.clear()
            return
        self.export_status_label.setText(export_status_text(view.export_status, self._zone))
        for record in view.exports:
            self.exports_list.addItem(
                translate("HistoryPanel", "{when} · {format} · {user}\n{path}").format(
                    when=format_local(record.created_at, self._zone),
                    format=format_name(record.format),
                    user=record.user_name,
                    path=record.path,
                )
            )

    def _clear(self) -> None:
        self.revisions.set_revisions(())
        self.audit.set_entries(())
        self._show_exports(None)
        self._update_buttons()

    def _show_default(self) -> None:
        """What a reader wants first: the changes since the last approval when
        there are some (a reviewer re-reading an edited article), else what the
        newest version changed."""
        assert self._view is not None
        newest = self.revisions.revisions()[:1]
        approved_ids = {a.revision_id for a in self._view.history.approvals}
        if approved_ids and newest and newest[0].id not in approved_ids:
            self.compare_with_approved()
        elif newest:
            self.select_revisions([newest[0].id])
        else:
            self._update_buttons()

    # --- selection and diffs ----------------------------------------------------

    def selected_revisions(self) -> list[RevisionInfo]:
        """The selected versions, oldest first."""
        rows = {index.row() for index in self.revisions_view.selectionModel().selectedRows()}
        return sorted((self.revisions.revision(r) for r in rows), key=lambda r: r.number)

    def select_revisions(self, revision_ids: list[int]) -> None:
        """Select these versions (as the user would) and show their diff."""
        wanted = QItemSelection()
        for revision_id in revision_ids:
            row = self.revisions.row_of(revision_id)
            if row is not None:
                wanted.select(
                    self.revisions.index(row, 0),
                    self.revisions.index(row, self.revisions.columnCount() - 1),
                )
        selection = self.revisions_view.selectionModel()
        before = selection.selection()
        # One change, so one diff is computed (not one per row on the way).
        selection.select(wanted, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if wanted.isEmpty() and before.isEmpty():
            self._on_selection()  # nothing changed, but the caller wants the message

    def _on_selection(self, *_args: object) -> None:
        self._update_buttons()
        if self._ops is None or self._view is None:
            return
        chosen = self.selected_revisions()
        if not chosen:
            self._show_message(
                translate(
                    "HistoryPanel",
                    "Select one version to see what it changed, or two to compare them.",
                )
            )
        elif len(chosen) > 2:
            self._show_message(translate("HistoryPanel", "Select at most two versions."))
        elif len(chosen) == 2:
            first, last = chosen
            self._compute(lambda ops: ops.diff_revisions(first.id, last.id), against_approved=False)
        else:
            (new,) = chosen
            old = self.revisions.previous_of(new)
            if old is None:
                self._show_message(
                    translate(
                        "HistoryPanel",
                        "Version {number} is the first one: there is nothing before it.",
                    ).format(number=new.number)
                )
                return
            self._compute(lambda ops: ops.diff_revisions(old.id, new.id), against_approved=False)

    def compare_with_approved(self) -> None:
        if self._ops is None or self._article is None:
            return
        article_id = self._article.id
        # The lists stay; the selection is cleared so it does not claim to be shown.
        selection = self.revisions_view.selectionModel()
        selection.blockSignals(True)
        selection.clearSelection()
        selection.blockSignals(False)
        self.revisions_view.viewport().update()
        self._update_buttons()
        self._compute(lambda ops: ops.diff_against_approved(article_id), against_approved=True)

    def _compute(
        self, work: Callable[[ReviewOperations], RevisionDiff | None], *, against_approved: bool
    ) -> None:
        assert self._ops is not None
        ops = self._ops
        self._generation += 1
        generation = self._generation
        self._show_message(translate("HistoryPanel", "Computing the differences…"), done=False)
        task: BackgroundTask | None = None

        def finished(result: Any, failed: bool) -> None:
            if task in self._tasks:
                self._tasks.remove(task)
            # The panel may be gone, or the user asked for another diff meanwhile.
            if not isValid(self) or generation != self._generation:
                return
            if failed:
                error = result
                text = (
                    review_message_for(error).text
                    if isinstance(error, EditorialError)
                    else translate("HistoryPanel", "The differences could not be computed.")
                )
                self._show_message(text)
            elif result is None:
                self._show_message(translate("HistoryPanel", "The article was never approved."))
            else:
                html = diff_html(result, self._zone, against_approved=against_approved)
                self.diff_view.setHtml(html)
                self.diffShown.emit()

        task = run_in_background(
            lambda: work(ops),
            lambda result: finished(result, False),
            lambda error: finished(error, True),
        )
        self._tasks.append(task)

    def is_computing(self) -> bool:
        return bool(self._tasks)

    def _show_message(self, text: str, *, done: bool = True) -> None:
        self.diff_view.setHtml(message_html(text))
        if done:
            self.diffShown.emit()

    # --- restore ----------------------------------------------------------------

    def _restorable(self) -> RevisionInfo | None:
        """The one selected version, if restoring it would change something."""
        if self._view is None or not self._view.can_restore:
            return None
        chosen = self.selected_revisions()
        newest = self.revisions.revisions()[:1]
        if len(chosen) != 1 or not newest or chosen[0].id == newest[0].id:
            return None
        return chosen[0]

    def _update_buttons(self) -> None:
        view = self._view
        self.compare_approved_button.setEnabled(bool(view and view.history.approvals))
        self.restore_button.setEnabled(self._restorable() is not None)
        if view is not None and not view.can_restore and view.restore_denial is not None:
            self.restore_button.setToolTip(denial_text(view.restore_denial))
        else:
            self.restore_button.setToolTip(
                translate(
                    "HistoryPanel",
                    "Make the selected version the current text (saved as a new version)",
                )
            )

    def restore_selected(self) -> ArticleSnapshot | None:
        revision = self._restorable()
        if revision is None or self._ops is None or self._article is None:
            return None
        if not confirm(
            self,
            translate("HistoryPanel", "Restore a Version"),
            translate("HistoryPanel", "Restore version {number}?").format(number=revision.number),
            translate(
                "HistoryPanel",
                "Its title, lead and text become the current ones, saved as a new version; "
                "nothing is deleted from the history. An approved article goes back to review.",
            ),
        ):
            return None
        if not self.before_restore():
            return None
        article = self._article  # before_restore may have saved a newer version
        if article is None:
            return None
        try:
            restored = self._ops.restore_revision(article.id, revision.id, article.version)
        except EditorialError as error:
            show_review_error(self, error)
            self.reload()
            return None
        self.statusMessage.emit(
            translate("HistoryPanel", "Version {number} was restored.").format(
                number=revision.number
            )
        )
        self.set_article(restored)
        self.articleChanged.emit(restored)
        return restored
