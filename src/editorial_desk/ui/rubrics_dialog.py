"""Settings → Rubrics…: the office's rubric list (`services.rubrics`).

Everybody sees the list; editors and admins may add, only admins rename, remove
and reorder (the service checks too; the dialog only hides what would be refused).
Adding and renaming happen in place (an entry line, editing the item), so the
dialog needs no nested modal input boxes; removing asks first.

The dialog talks to a `RubricSource`; `StoreRubricSource(context)` is the real one,
one store session per change."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editorial_desk.domain.errors import EditorialError
from editorial_desk.domain.roles import Role
from editorial_desk.ui.context import AppContext
from editorial_desk.ui.dialogs import show_error

translate = QCoreApplication.translate


class RubricSource(Protocol):
    """Where the rubric list lives. Every change returns the new list."""

    def may_add(self) -> bool: ...
    def may_manage(self) -> bool: ...  # rename, remove, reorder
    def rubrics(self) -> list[str]: ...
    def add(self, name: str) -> list[str]: ...
    def rename(self, old: str, new: str) -> list[str]: ...
    def remove(self, name: str) -> list[str]: ...
    def move(self, name: str, index: int) -> list[str]: ...


class StoreRubricSource:
    """The rubric list in the open store, as the context's user."""

    def __init__(self, context: AppContext) -> None:
        self._context = context

    def may_add(self) -> bool:
        return self._context.user.role in (Role.EDITOR, Role.ADMIN)

    def may_manage(self) -> bool:
        return self._context.user.role is Role.ADMIN

    def rubrics(self) -> list[str]:
        from editorial_desk.services.rubrics import list_rubrics

        with self._context.store.session() as session:
            return list_rubrics(session)

    def add(self, name: str) -> list[str]:
        from editorial_desk.services.rubrics import add_rubric

        with self._context.store.session() as session:
            return add_rubric(session, self._context.user, name)

    def rename(self, old: str, new: str) -> list[str]:
        from editorial_desk.services.rubrics import rename_rubric

        with self._context.store.session() as session:
            return rename_rubric(session, self._context.user, old, new)

    def remove(self, name: str) -> list[str]:
        from editorial_desk.services.rubrics import remove_rubric

        with self._context.store.session() as session:
            return remove_rubric(session, self._context.user, name)

    def move(self, name: str, index: int) -> list[str]:
        from editorial_desk.services.rubrics import move_rubric

        with self._context.store.session() as session:
            return move_rubric(session, self._context.user, name, index)


class RubricsDialog(QDialog):
    """`rubricsChanged(names)` after every change made here (refresh the forms'
    rubric choices from it); `changed` says whether there was any."""

    rubricsChanged = Signal(list)

    def __init__(self, source: RubricSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rubricsDialog")
        self.setWindowTitle(translate("RubricsDialog", "Rubrics"))
        self._source = source
        self._may_manage = source.may_manage()
        self._filling = False
        self.changed = False  # the list was changed: refresh the rubric choices

        self.list = QListWidget(self)
        self.list.setObjectName("rubricList")
        self.new_edit = QLineEdit(self)
        self.new_edit.setObjectName("newRubricEdit")
        self.new_edit.setPlaceholderText(translate("RubricsDialog", "New rubric"))
        self.add_button = QPushButton(translate("RubricsDialog", "&Add"), self)
        self.rename_button = QPushButton(translate("RubricsDialog", "Re&name"), self)
        self.remove_button = QPushButton(translate("RubricsDialog", "&Remove…"), self)
        self.up_button = QPushButton(translate("RubricsDialog", "&Up"), self)
        self.down_button = QPushButton(translate("RubricsDialog", "&Down"), self)
        self.note = QLabel(self)
        self.note.setObjectName("rubricsNote")
        self.note.setWordWrap(True)
        if not source.may_add():
            self.note.setText(translate("RubricsDialog", "Only editors and admins change rubrics."))
        elif not self._may_manage:
            self.note.setText(
                translate("RubricsDialog", "Only an admin renames, removes and reorders rubrics.")
            )
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)

        side = QVBoxLayout()
        for button in (self.rename_button, self.remove_button, self.up_button, self.down_button):
            side.addWidget(button)
        side.addStretch(1)
        grid = QGridLayout(self)
        grid.addWidget(self.list, 0, 0)
        grid.addLayout(side, 0, 1)
        grid.addWidget(self.new_edit, 1, 0)
        grid.addWidget(self.add_button, 1, 1)
        grid.addWidget(self.note, 2, 0, 1, 2)
        grid.addWidget(close, 3, 0, 1, 2)

        self.new_edit.setEnabled(source.may_add())
        self.add_button.setEnabled(False)
        self.new_edit.textChanged.connect(
            lambda text: self.add_button.setEnabled(bool(text.strip()))
        )
        self.new_edit.returnPressed.connect(self.add)
        self.add_button.clicked.connect(self.add)
        self.rename_button.clicked.connect(self.start_rename)
        self.remove_button.clicked.connect(self.remove)
        self.up_button.clicked.connect(lambda: self.move_by(-1))
        self.down_button.clicked.connect(lambda: self.move_by(1))
        self.list.currentRowChanged.connect(self._update_buttons)
        self.list.itemChanged.connect(self._on_item_changed)
        self._refresh(None)
        self.resize(420, 380)

    # --- actions ----------------------------------------------------------------

    def rubrics(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())]

    def current(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def add(self) -> None:
        name = " ".join(self.new_edit.text().split())
        if not name or not self._source.may_add():
            return
        existing = next((r for r in self.rubrics() if r.casefold() == name.casefold()), None)
        if existing is not None:  # already there: show it rather than an error
            self._select(existing)
            self.new_edit.clear()
            return
        if self._run(lambda: self._source.add(name), select=name):
            self.new_edit.clear()

    def start_rename(self) -> None:
        item = self.list.currentItem()
        if item is not None and self._may_manage:
            self.list.editItem(item)

    def rename(self, old: str, new: str) -> None:
        new = " ".join(new.split())
        if not new or new == old:
            self._refresh(old)  # puts the old name back
            return
        self._run(lambda: self._source.rename(old, new), select=new)

    def remove(self) -> None:
        name = self.current()
        if name is None or not self._may_manage:
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(translate("RubricsDialog", "Remove Rubric"))
        box.setText(translate("RubricsDialog", "Remove the rubric “{name}”?").format(name=name))
        box.setInformativeText(
            translate(
                "RubricsDialog",
                "Articles that have it keep it; it is no longer offered for new ones.",
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Ok).setText(translate("RubricsDialog", "Remove"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        if QMessageBox.StandardButton(box.exec()) != QMessageBox.StandardButton.Ok:
            return
        row = self.list.currentRow()
        if self._run(lambda: self._source.remove(name), select=None) and self.list.count():
            self.list.setCurrentRow(min(row, self.list.count() - 1))

    def move_by(self, step: int) -> None:
        name, row = self.current(), self.list.currentRow()
        if name is None or not self._may_manage:
            return
        target = row + step
        if 0 <= target < self.list.count():
            self._run(lambda: self._source.move(name, target), select=name)

    # --- plumbing ---------------------------------------------------------------

    def _run(self, change: Callable[[], list[str]], select: str | None) -> bool:
        """Apply one change and show the list it returns; on a refusal, say why and
        show the list as stored. True if the change was made."""
        try:
            names = change()
        except EditorialError as error:
            show_error(self, error)
            self._refresh(self.current())
            return False
        self.changed = True
        self._fill(names, select)
        self.rubricsChanged.emit(names)
        return True

    def _refresh(self, select: str | None) -> None:
        try:
            names = self._source.rubrics()
        except EditorialError as error:
            show_error(self, error)
            return
        self._fill(names, select)

    def _fill(self, names: list[str], select: str | None) -> None:
        self._filling = True
        try:
            self.list.clear()
            for name in names:
                item = QListWidgetItem(name)
                item.setData(Qt.ItemDataRole.UserRole, name)  # the name before an edit
                if self._may_manage:
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                self.list.addItem(item)
        finally:
            self._filling = False
        if select is not None:
            self._select(select)
        self._update_buttons()

    def _select(self, name: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).text() == name:
                self.list.setCurrentRow(row)
                return

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        old, new = item.data(Qt.ItemDataRole.UserRole), item.text()
        if new != old:
            # later: renaming refills the list, which must not delete the item that
            # is emitting this signal
            QTimer.singleShot(0, self, lambda: self.rename(old, new))

    def _update_buttons(self, *_args: object) -> None:
        row = self.list.currentRow()
        chosen = row >= 0 and self._may_manage
        self.rename_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)
        self.up_button.setEnabled(chosen and row > 0)
        self.down_button.setEnabled(chosen and row < self.list.count() - 1)
