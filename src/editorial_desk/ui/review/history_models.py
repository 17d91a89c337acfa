"""Table models of the history panel: thin adapters over the service's
`RevisionInfo` and `AuditEntry` tuples (replaced whole; nothing is edited here)."""

from __future__ import annotations

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
    Qt,
)
from PySide6.QtGui import QFont

from editorial_desk.domain.review import AuditEntry, RescheduleNote, RevisionInfo
from editorial_desk.ui.labels import format_local, format_local_long, status_label
from editorial_desk.ui.review.current_user import short_name
from editorial_desk.ui.review.labels import audit_reason_text

translate = QCoreApplication.translate

_Index = QModelIndex | QPersistentModelIndex

REVISION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
REVISION_NUMBER_ROLE = Qt.ItemDataRole.UserRole + 2


class RevisionColumn(IntEnum):
    VERSION = 0
    SAVED = 1
    AUTHOR = 2
    NOTE = 3


class AuditColumn(IntEnum):
    WHEN = 0
    WHO = 1
    CHANGE = 2
    REASON = 3


_REVISION_HEADERS: dict[RevisionColumn, str] = {
    RevisionColumn.VERSION: QT_TRANSLATE_NOOP("HistoryModels", "Version"),
    RevisionColumn.SAVED: QT_TRANSLATE_NOOP("HistoryModels", "Saved"),
    RevisionColumn.AUTHOR: QT_TRANSLATE_NOOP("HistoryModels", "Author"),
    RevisionColumn.NOTE: QT_TRANSLATE_NOOP("HistoryModels", "Note"),
}

_AUDIT_HEADERS: dict[AuditColumn, str] = {
    AuditColumn.WHEN: QT_TRANSLATE_NOOP("HistoryModels", "When"),
    AuditColumn.WHO: QT_TRANSLATE_NOOP("HistoryModels", "Who"),
    AuditColumn.CHANGE: QT_TRANSLATE_NOOP("HistoryModels", "Status"),
    AuditColumn.REASON: QT_TRANSLATE_NOOP("HistoryModels", "Reason"),
}


class _TupleTableModel(QAbstractTableModel):
    """Rows of one frozen dataclass type; subclasses say how a cell looks."""

    def __init__(self, zone: tzinfo, columns: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._zone = zone
        self._columns = columns
        self._rows: list[Any] = []

    def _reset(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def set_zone(self, zone: tzinfo) -> None:
        self.beginResetModel()
        self._zone = zone
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._columns

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def _row(self, index: _Index) -> Any | None:
        if not index.isValid() or index.parent().isValid():
            return None
        if not (0 <= index.row() < len(self._rows) and 0 <= index.column() < self._columns):
            return None
        return self._rows[index.row()]


class RevisionTableModel(_TupleTableModel):
    """Revisions, NEWEST first (what a reviewer looks at first)."""

    def __init__(self, zone: tzinfo, parent: QObject | None = None) -> None:
        super().__init__(zone, len(RevisionColumn), parent)

    def set_revisions(self, revisions: Sequence[RevisionInfo]) -> None:
        self._reset(sorted(revisions, key=lambda r: r.number, reverse=True))

    def revision(self, row: int) -> RevisionInfo:
        return self._rows[row]

    def revisions(self) -> list[RevisionInfo]:
        return list(self._rows)

    def row_of(self, revision_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == revision_id), None)

    def previous_of(self, revision: RevisionInfo) -> RevisionInfo | None:
        older = [r for r in self._rows if r.number < revision.number]
        return max(older, key=lambda r: r.number) if older else None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation is Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(RevisionColumn)
        ):
            return translate("HistoryModels", _REVISION_HEADERS[RevisionColumn(section)])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        revision: RevisionInfo | None = self._row(index)
        if revision is None:
            return None
        column = RevisionColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            match column:
                case RevisionColumn.VERSION:
                    return str(revision.number)
                case RevisionColumn.SAVED:
                    return format_local(revision.created_at, self._zone)
                case RevisionColumn.AUTHOR:
                    return revision.author_name or revision.author_login
                case RevisionColumn.NOTE:
                    return translate("HistoryModels", "approved") if revision.approved else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return translate("HistoryModels", "Version {number}: “{title}”, {when}").format(
                number=revision.number,
                title=revision.title,
                when=format_local_long(revision.created_at, self._zone),
            )
        if role == Qt.ItemDataRole.FontRole and revision.approved:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column is RevisionColumn.VERSION:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == REVISION_ID_ROLE:
            return revision.id
        if role == REVISION_NUMBER_ROLE:
            return revision.number
        return None


class AuditTableModel(_TupleTableModel):
    """Status changes, oldest first (it reads as a story)."""

    def __init__(self, zone: tzinfo, parent: QObject | None = None) -> None:
        super().__init__(zone, len(AuditColumn), parent)

    def set_entries(self, entries: Sequence[AuditEntry]) -> None:
        self._reset(entries)

    def entry(self, row: int) -> AuditEntry:
        return self._rows[row]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation is Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(AuditColumn)
        ):
            return translate("HistoryModels", _AUDIT_HEADERS[AuditColumn(section)])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry: AuditEntry | None = self._row(index)
        if entry is None:
            return None
        column = AuditColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            match column:
                case AuditColumn.WHEN:
                    if role == Qt.ItemDataRole.ToolTipRole:
                        return format_local_long(entry.created_at, self._zone)
                    return format_local(entry.created_at, self._zone)
                case AuditColumn.WHO:
                    if role == Qt.ItemDataRole.ToolTipRole:
                        return entry.user_name or entry.user_login
                    return short_name(entry.user_name) or entry.user_login
                case AuditColumn.CHANGE:
                    return self._change_text(entry)
                case AuditColumn.REASON:
                    return audit_reason_text(entry.reason, self._zone)
        return None

    @staticmethod
    def _change_text(entry: AuditEntry) -> str:
        if entry.from_status is None:
            return translate("HistoryModels", "created: {to}").format(
                to=status_label(entry.to_status)
            )
        # A calendar move keeps the status: «Черновик → Черновик» would read as a
        # step that went nowhere, so the row names the status once and says what
        # did change (the reason column has both dates).
        if entry.from_status == entry.to_status and RescheduleNote.parse(entry.reason):
            return translate("HistoryModels", "{status}, date moved").format(
                status=status_label(entry.to_status)
            )
        return translate("HistoryModels", "{old} → {new}").format(
            old=status_label(entry.from_status), new=status_label(entry.to_status)
        )
