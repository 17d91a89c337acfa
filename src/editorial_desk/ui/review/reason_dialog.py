"""Asks why an article goes back to its author. The reason is required (the
workflow refuses a return without one), so OK stays disabled until something
other than spaces is typed; several lines are fine (Enter makes a new line,
Ctrl+Enter accepts).

Tests fill `reason_edit` and call `accept()`; `ask()` is the only `exec()`."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

translate = QCoreApplication.translate

MAX_REASON_LENGTH = 2000


class ReasonDialog(QDialog):
    def __init__(self, article_title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reasonDialog")
        self.setWindowTitle(translate("ReasonDialog", "Return for Revision"))
        prompt = QLabel(
            translate(
                "ReasonDialog",
                "Why does “{title}” go back to its author? The author sees this reason.",
            ).format(title=article_title),
            self,
        )
        prompt.setWordWrap(True)
        prompt.setTextFormat(Qt.TextFormat.PlainText)
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setObjectName("reasonEdit")
        self.reason_edit.setPlaceholderText(
            translate("ReasonDialog", "For example: check the figures in the second paragraph")
        )
        self.reason_edit.setTabChangesFocus(True)
        prompt.setBuddy(self.reason_edit)
        self.hint = QLabel(translate("ReasonDialog", "A reason is required."), self)
        self.hint.setEnabled(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(translate("ReasonDialog", "&Return"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        # Enter belongs to the text; Ctrl+Enter is how multi-line dialogs accept.
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addWidget(self.reason_edit, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.reason_edit.textChanged.connect(self._update)
        self.resize(480, 260)
        self._update()

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    def _update(self) -> None:
        text = self.reason()
        ok = bool(text) and len(text) <= MAX_REASON_LENGTH
        self.ok_button.setEnabled(ok)
        if len(text) > MAX_REASON_LENGTH:
            self.hint.setText(
                translate(
                    "ReasonDialog", "The reason is too long (at most {count} characters)."
                ).format(count=MAX_REASON_LENGTH)
            )
        else:
            self.hint.setText(translate("ReasonDialog", "A reason is required."))
        self.hint.setVisible(not ok)

    def accept(self) -> None:
        # The OK button is disabled without a reason, but Ctrl+Enter is not.
        if self.ok_button.isEnabled():
            super().accept()

    def ask(self) -> str | None:
        """Show modally; the reason, or None when cancelled."""
        return self.reason() if self.exec() == QDialog.DialogCode.Accepted else None
