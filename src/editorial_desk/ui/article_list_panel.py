"""The left side of the main window: filters above the article list.

The panel only turns the user's choices into an `ArticleQuery`; the window's page
source runs it against the database (the model pages through the result)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from editorial_desk.domain.article import ArticleQuery
from editorial_desk.domain.statuses import Status
from editorial_desk.ui.article_table_model import ArticleTableModel
from editorial_desk.ui.filter_state import ALL, filter_state, restore_filter_state
from editorial_desk.ui.labels import status_label

translate = QCoreApplication.translate

TRASH = "trash"
QUICK_FILTER_DELAY_MS = 250  # typing pauses this long before the list re-queries


class ArticleListPanel(QWidget):
    queryChanged = Signal()

    def __init__(self, model: ArticleTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleListPanel")
        self.model = model

        self.search = QLineEdit(self)
        self.search.setObjectName("quickFilter")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(translate("ArticleListPanel", "Search in titles"))

        self.status_combo = QComboBox(self)
        self.status_combo.setObjectName("statusFilter")
        self.status_combo.addItem(translate("ArticleListPanel", "All statuses"), ALL)
        for status in Status:
            if status is not Status.TRASH:
                self.status_combo.addItem(status_label(status), status.value)
        self.status_combo.addItem(translate("ArticleListPanel", "Trash"), TRASH)

        self.rubric_combo = QComboBox(self)
        self.rubric_combo.setObjectName("rubricFilter")
        self.author_combo = QComboBox(self)
        self.author_combo.setObjectName("authorFilter")
        self.set_rubrics([])
        self.set_authors([])

        self.table = QTableView(self)
        self.table.setObjectName("articleTable")
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.verticalHeader().setVisible(False)

        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.status_combo)
        filters.addWidget(self.rubric_combo)
        filters.addWidget(self.author_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(QUICK_FILTER_DELAY_MS)
        self._search_timer.timeout.connect(self.queryChanged.emit)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        for combo in (self.status_combo, self.rubric_combo, self.author_combo):
            combo.currentIndexChanged.connect(lambda _index: self.queryChanged.emit())

    # --- choices ------------------------------------------------------------------

    def set_rubrics(self, rubrics: list[str]) -> None:
        self._refill(
            self.rubric_combo,
            translate("ArticleListPanel", "All rubrics"),
            [(name, name) for name in rubrics],
        )

    def set_authors(self, authors: list[tuple[str, str]]) -> None:
        self._refill(
            self.author_combo,
            translate("ArticleListPanel", "All authors"),
            [(name, login) for login, name in authors],
        )

    def _refill(self, combo: QComboBox, all_text: str, items: list[tuple[str, str]]) -> None:
        current = combo.currentData() or ALL
        combo.blockSignals(True)
        try:
            combo.clear()
            combo.addItem(all_text, ALL)
            for text, data in items:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(combo.findData(current), 0))
        finally:
            combo.blockSignals(False)

    # --- state --------------------------------------------------------------------

    def query(self) -> ArticleQuery:
        status = self.status_combo.currentData() or ALL
        return ArticleQuery(
            statuses=(Status(status),) if status else (),
            rubric=self.rubric_combo.currentData() or None,
            author_login=self.author_combo.currentData() or None,
            title_contains=self.search.text(),
        )

    def _filter_combos(self) -> dict[str, QComboBox]:
        return {
            "status": self.status_combo,
            "rubric": self.rubric_combo,
            "author": self.author_combo,
        }

    def filter_state(self) -> dict[str, str]:
        """What is remembered between runs (not the search text: a fresh start
        with a forgotten search looks like lost articles)."""
        return filter_state(self._filter_combos())

    def restore_filter_state(self, state: dict[str, str]) -> None:
        restore_filter_state(self._filter_combos(), state)

    def flush_pending_search(self) -> None:
        """Apply a search still waiting for its typing pause (tests, Enter key)."""
        if self._search_timer.isActive():
            self._search_timer.stop()
            self.queryChanged.emit()
