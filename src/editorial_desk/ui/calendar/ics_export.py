"""File → Export Plan to iCalendar: a range of days (the shown month by default)
and a file name; the file is written atomically by the window's operations.
Outlook and Thunderbird import the result as one event per planned item."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

translate = QCoreApplication.translate

FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2999, 12, 31)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class IcsExportDialog(QDialog):
    """Asks for the first and last day (both included) and the target file."""

    def __init__(
        self, first: date, last: date, suggested: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("icsExportDialog")
        self.setWindowTitle(translate("IcsExportDialog", "Export Plan to iCalendar"))
        self.from_edit = QDateEdit(_qdate(first), self)
        self.to_edit = QDateEdit(_qdate(last), self)
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDateRange(_qdate(FIRST_DAY), _qdate(LAST_DAY))  # a plan, not all of time
            edit.dateChanged.connect(self._update_ok)
        self.path_edit = QLineEdit(str(suggested), self)
        self.path_edit.setObjectName("icsPath")
        self.path_edit.textChanged.connect(self._update_ok)
        browse = QPushButton(translate("IcsExportDialog", "Choose…"), self)
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            translate("IcsExportDialog", "Export")
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(translate("IcsExportDialog", "&From:"), self.from_edit)
        form.addRow(translate("IcsExportDialog", "&To:"), self.to_edit)
        form.addRow(translate("IcsExportDialog", "&File:"), path_row)
        form.addRow(self.buttons)
        self._update_ok()

    def first(self) -> date:
        return _pydate(self.from_edit.date())

    def last(self) -> date:
        return _pydate(self.to_edit.date())

    def path(self) -> Path:
        return Path(self.path_edit.text().strip())

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            translate("IcsExportDialog", "Save the Plan As"),
            self.path_edit.text(),
            translate("IcsExportDialog", "iCalendar files (*.ics)"),
        )
        if chosen:
            self.path_edit.setText(chosen if chosen.endswith(".ics") else chosen + ".ics")

    def _update_ok(self) -> None:
        ok = self.first() <= self.last() and bool(self.path_edit.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
