"""The article list as a Qt table model: a thin adapter over `list[ArticleSummary]`.

It never touches the database; the window controller hands it plain lists and
single updated rows. Sorting goes through a QSortFilterProxyModel on SORT_ROLE,
which gives real values (datetimes as timestamps), not the display strings."""

from __future__ import annotations

import math
from collections.abc import Sequence
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
    QSortFilterProxyModel,
    Qt,
)

from editorial_desk.domain.article import ArticleSnapshot, ArticleSummary
from editorial_desk.domain.timeutil import office_zone
from editorial_desk.ui.labels import STATUS_ORDER, format_local, status_label

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    TITLE = 0
    STATUS = 1
    PLANNED = 2
    AUTHOR = 3


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


def _text_key(text: str) -> str:
    """Case-insensitive, and Ё sorts with Е as in Russian dictionaries (whatever the
    system locale's collation does)."""
    return text.casefold().replace("ё", "е")


class ArticleTableModel(QAbstractTableModel):
    def __init__(self, zone: tzinfo | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ArticleSummary] = []
        self._zone = zone or office_zone(None)

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
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def upsert(self, summary: ArticleSummary) -> int:
        """Replace the row of this article, or append it. Returns its row."""
        row = self.row_of(summary.id)
        if row is None:
            row = len(self._rows)
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.append(summary)
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
        if column is Column.TITLE:
            return _text_key(summary.title)
        if column is Column.STATUS:
            return STATUS_ORDER[summary.status]
        if column is Column.PLANNED:  # unscheduled sorts after every date
            return summary.planned_at.timestamp() if summary.planned_at else math.inf
        return _text_key(summary.author_name)


class ArticleSortProxy(QSortFilterProxyModel):
    """Sorts on SORT_ROLE (real values), strings compared locale-aware (ё after е)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setSortLocaleAware(True)
        self.setDynamicSortFilter(True)
