"""At start-up, when the recovery journal holds unsaved work (the app crashed or
was killed): offer to restore it.

`RecoveryDialog(entries, zone, parent).ask()` returns a `RecoveryChoice`:

* RESTORE: open every entry as an unsaved tab (`ArticleForm.restore_from`);
* DISCARD: the user confirmed throwing it all away (`RecoveryJournal.discard`);
* LATER: keep the journal untouched and ask again next start (also what closing
  the dialog means: nothing is lost by a stray Escape).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import tzinfo
from enum import Enum

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editorial_desk.store.recovery import RecoveryEntry, RecoveryJournal
from editorial_desk.ui.labels import format_local_long

translate = QCoreApplication.translate


class RecoveryChoice(Enum):
    RESTORE = "restore"
    DISCARD = "discard"
    LATER = "later"


def entry_title(entry: RecoveryEntry) -> str:
    title = " ".join(entry.title.split())
    return title or translate("RecoveryDialog", "Untitled")


def entry_description(entry: RecoveryEntry, zone: tzinfo) -> str:
    """«изменено 27 ноября 2026 г., 14:30 · новая статья, ещё не сохранялась»."""
    when = translate("RecoveryDialog", "changed {when}").format(
        when=format_local_long(entry.saved_datetime, zone)
    )
    kind = (
        translate("RecoveryDialog", "new article, never saved")
        if entry.is_new
        else translate("RecoveryDialog", "changes to a saved article")
    )
    return f"{when} · {kind}"


def apply_choice(
    choice: RecoveryChoice, journal: RecoveryJournal, entries: Sequence[RecoveryEntry]
) -> list[RecoveryEntry]:
    """Carry out the journal side of `choice`; the entries to open as tabs.

    RESTORE keeps the files: each restored tab's autosave rewrites its own entry
    (same key), so a crash right after restoring still loses nothing. DISCARD
    removes them. LATER leaves them for the next start."""
    if choice is RecoveryChoice.DISCARD:
        for entry in entries:
            journal.discard(entry.key)
    return list(entries) if choice is RecoveryChoice.RESTORE else []


class RecoveryDialog(QDialog):
    def __init__(
        self,
        entries: Sequence[RecoveryEntry],
        zone: tzinfo,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryDialog")
        self.setWindowTitle(translate("RecoveryDialog", "Restore Unsaved Work"))
        self._entries = list(entries)
        self._choice = RecoveryChoice.LATER

        intro = QLabel(
            translate(
                "RecoveryDialog",
                "Editorial Desk was closed while these articles had unsaved changes. "
                "Restore them to keep working on them, then save.",
            ),
            self,
        )
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("recoveryList")
        self.list.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.list.setAlternatingRowColors(True)
        for entry in self._entries:
            self._add_row(entry, zone)

        buttons = QDialogButtonBox(self)
        self.restore_button = QPushButton(translate("RecoveryDialog", "&Restore All"), self)
        self.restore_button.setObjectName("recoveryRestore")
        self.discard_button = QPushButton(translate("RecoveryDialog", "&Discard…"), self)
        self.discard_button.setObjectName("recoveryDiscard")
        self.later_button = QPushButton(translate("RecoveryDialog", "&Later"), self)
        self.later_button.setObjectName("recoveryLater")
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.discard_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.later_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(self._restore)
        self.discard_button.clicked.connect(self._discard)
        self.later_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(560, 340)

    def _add_row(self, entry: RecoveryEntry, zone: tzinfo) -> None:
        """The title in bold, when and what below it in a smaller, quieter line."""
        title, description = entry_title(entry), entry_description(entry, zone)
        item = QListWidgetItem()
        item.setData(Qt.ItemDataRole.UserRole, entry.key)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{title}\n{description}")
        label = QLabel(
            f"<b>{html.escape(title)}</b><br><small>{html.escape(description)}</small>",
            self.list,
        )
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setContentsMargins(6, 4, 6, 4)
        item.setSizeHint(label.sizeHint())
        self.list.addItem(item)
        self.list.setItemWidget(item, label)

    def rows(self) -> list[str]:
        """Each entry's row as plain text: title, a line break, when and what."""
        return [
            self.list.item(row).data(Qt.ItemDataRole.AccessibleTextRole)
            for row in range(self.list.count())
        ]

    def entries(self) -> list[RecoveryEntry]:
        return list(self._entries)

    def choice(self) -> RecoveryChoice:
        """What the user chose (LATER until a choice is made)."""
        return self._choice

    def ask(self) -> RecoveryChoice:
        """Show modally and return the choice."""
        self.exec()
        return self._choice

    def _restore(self) -> None:
        self._choice = RecoveryChoice.RESTORE
        self.accept()

    def _discard(self) -> None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(translate("RecoveryDialog", "Discard Unsaved Work"))
        # "Articles: 3" rather than a plural form: the translations have no numerus
        box.setText(translate("RecoveryDialog", "Discard all unsaved changes?"))
        box.setInformativeText(
            translate("RecoveryDialog", "Articles: {count}. This cannot be undone.").format(
                count=len(self._entries)
            )
        )
        box.setStandardButtons(
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
        )
        box.button(QMessageBox.StandardButton.Discard).setText(
            translate("RecoveryDialog", "Discard")
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        if QMessageBox.StandardButton(box.exec()) == QMessageBox.StandardButton.Discard:
            self._choice = RecoveryChoice.DISCARD
            self.accept()

    def reject(self) -> None:  # Later, Escape, the window's close button
        self._choice = RecoveryChoice.LATER
        super().reject()
