"""The article list as a Qt table model: a thin adapter over pages of
`ArticleSummary`.

It never touches the database itself: the window gives it a `PageSource`, a
function that returns one page of rows for an order. The model asks for the
first page on reset and for the next one when the view scrolls to the end
(Qt's canFetchMore/fetchMore), so a 50,000-item store costs one page to show.
Sorting a header re-queries in that order (the database sorts, not Qt), because
sorting only the rows fetched so far would be wrong."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import tzinfo
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from editorial_desk.domain.article import (
    ArticleOrder,
    ArticleSnapshot,
    ArticleSummary,
    SortKey,
    text_search_key,
)
from editorial_desk.domain.timeutil import office_zone
from editorial_desk.ui.labels import STATUS_ORDER, format_local, status_label

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex

PAGE_SIZE = 200

# (order, offset, limit) -> that page of rows
PageSource = Callable[[ArticleOrder, int, int], list[ArticleSummary]]


class Column(IntEnum):
    TITLE = 0
    STATUS = 1
    PLANNED = 2
    AUTHOR = 3


_SORT_KEYS: dict[Column, SortKey] = {
    Column.TITLE: SortKey.TITLE,
    Column.STATUS: SortKey.STATUS,
    Column.PLANNED: SortKey.PLANNED,
    Column.AUTHOR: SortKey.AUTHOR,
}

_HEADERS: dict[Column, str] = {
    Column.TITLE: QT_TRANSLATE_NOOP("ArticleTableModel", "Title"),
    Column.STATUS: QT_TRANSLATE_NOOP("ArticleTableModel", "Status"),
    Column.PLANNED: QT_TRANSLATE_NOOP("ArticleTableModel", "Planned"),
    Column.AUTHOR: QT_TRANSLATE_NOOP("ArticleTableModel", "Author"),
}


def summary_of(article: ArticleSnapshot) -> ArticleSummary:
    """The list row for an article the services just returned."""
    return ArticleSummary(
        id=article.id,
        title=article.title,
        status=article.status,
        rubric=article.rubric,
        author_name=article.author_name,
        planned_at=article.planned_at,
        updated_at=article.updated_at,
        word_count=article.word_count,
    )


class ArticleTableModel(QAbstractTableModel):
    def __init__(self, zone: tzinfo | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ArticleSummary] = []
        self._zone = zone or office_zone(None)
        self._source: PageSource | None = None
        self._order = ArticleOrder()
        self._exhausted = True
        self.page_size = PAGE_SIZE

    # --- feeding it -------------------------------------------------------------

    def set_zone(self, zone: tzinfo) -> None:
        self._zone = zone
        if self._rows:
            self.dataChanged.emit(
                self.index(0, Column.PLANNED),
                self.index(len(self._rows) - 1, Column.PLANNED),
                [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole],
            )

    def set_rows(self, rows: Sequence[ArticleSummary]) -> None:
        """Show exactly these rows, sorted and paged here the way the database would."""
        fixed = list(rows)

        def source(order: ArticleOrder, offset: int, limit: int) -> list[ArticleSummary]:
            return sort_summaries(fixed, order)[offset : offset + limit]

        self.set_source(source)

    def set_source(self, source: PageSource) -> None:
        """Page rows from `source`; shows its first page at once."""
        self._source = source
        self.reload()

    def reload(self) -> None:
        """Start again from the first page (after a sort, a filter or outside changes).
        Errors from the source (domain errors) propagate; the model is then empty."""
        self.beginResetModel()
        self._rows = []
        self._exhausted = False
        try:
            self._rows = self._next_page()
        finally:
            self.endResetModel()

    @property
    def order(self) -> ArticleOrder:
        return self._order

    def upsert(self, summary: ArticleSummary) -> int:
        """Replace the row of this article, or put it on top (a new article stays
        visible where the user is looking until the next reload). Returns its row."""
        row = self.row_of(summary.id)
        if row is None:
            row = 0
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.insert(0, summary)
            self.endInsertRows()
        else:
            self._rows[row] = summary
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))
        return row

    def remove(self, article_id: int) -> bool:
        row = self.row_of(article_id)
        if row is None:
            return False
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()
        return True

    # --- reading it -------------------------------------------------------------

    def rows(self) -> tuple[ArticleSummary, ...]:
        return tuple(self._rows)

    def summary(self, row: int) -> ArticleSummary:
        return self._rows[row]

    def row_of(self, article_id: int) -> int | None:
        for row, summary in enumerate(self._rows):
            if summary.id == article_id:
                return row
        return None

    # --- paging and sorting ------------------------------------------------------

    def _next_page(self) -> list[ArticleSummary]:
        """The next page's rows not already shown (an upserted row may reappear)."""
        if self._source is None or self._exhausted:
            return []
        page = self._source(self._order, len(self._rows), self.page_size)
        self._exhausted = len(page) < self.page_size
        known = {summary.id for summary in self._rows}
        return [summary for summary in page if summary.id not in known]

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._source is not None and not self._exhausted

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        fresh = self._next_page()
        if fresh:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._rows.extend(fresh)
            self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Header click: the source re-queries in this order from the first page."""
        if not 0 <= column < len(Column):
            return
        self._order = ArticleOrder(
            _SORT_KEYS[Column(column)], descending=order == Qt.SortOrder.DescendingOrder
        )
        if self._source is not None:
            self.reload()

    # --- QAbstractTableModel ----------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        summary = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(summary, column)
        if role == SORT_ROLE:
            return self._sort_key(summary, column)
        if role == ARTICLE_ID_ROLE:
            return summary.id
        if role == Qt.ItemDataRole.ToolTipRole and column is Column.TITLE:
            return summary.title
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(Column)
        ):
            return QCoreApplication.translate("ArticleTableModel", _HEADERS[Column(section)])
        return super().headerData(section, orientation, role)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    # --- helpers ----------------------------------------------------------------

    def _display(self, summary: ArticleSummary, column: Column) -> str:
        if column is Column.TITLE:
            return summary.title
        if column is Column.STATUS:
            return status_label(summary.status)
        if column is Column.PLANNED:
            return format_local(summary.planned_at, self._zone)
        return summary.author_name

    @staticmethod
    def _sort_key(summary: ArticleSummary, column: Column) -> Any:
        return _sort_key(summary, _SORT_KEYS[column])


def _sort_key(summary: ArticleSummary, key: SortKey) -> Any:
    match key:
        case SortKey.TITLE:
            return text_search_key(summary.title)
        case SortKey.STATUS:
            return STATUS_ORDER[summary.status]
        case SortKey.PLANNED:
            return summary.planned_at.timestamp() if summary.planned_at else math.inf
        case SortKey.AUTHOR:
            return summary.author_name
    # Only the keys of list columns (_SORT_KEYS) reach here; others, such as
    # SortKey.UPDATED (the calendar tray's order, sorted by the database), have no
    # column. Falling back to some other key would sort quietly wrong.
    raise ValueError(f"the article list has no column sorted by {key!r}")


def sort_summaries(rows: Sequence[ArticleSummary], order: ArticleOrder) -> list[ArticleSummary]:
    """In-memory twin of the services' ORDER BY (unscheduled last, id breaks ties)."""
    ordered = sorted(rows, key=lambda s: s.id, reverse=order.descending)
    ordered.sort(key=lambda s: _sort_key(s, order.key), reverse=order.descending)
    if order.key is SortKey.PLANNED:
        ordered.sort(key=lambda s: s.planned_at is None)
    return ordered
