"""Shown when a save was refused because someone else saved the article first.

It shows both texts side by side, the saved one ("theirs") and the user's
("yours"), and never writes anything itself. The user chooses:

- keep editing (default): the form keeps the user's text; copy what is needed;
- load the saved version: the form shows theirs (the user's text is dropped);
- save mine over theirs: an explicit, informed overwrite (the window retries the
  save against their version, which may conflict again)."""

from __future__ import annotations

from datetime import tzinfo
from enum import IntEnum

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from editorial_desk.domain.article import ArticleSnapshot
from editorial_desk.ui.labels import format_local_long

translate = QCoreApplication.translate


class ConflictChoice(IntEnum):
    KEEP_EDITING = 0  # == QDialog.Rejected: closing the window means this
    LOAD_THEIRS = 2
    OVERWRITE = 3


class _VersionPane(QWidget):
    def __init__(self, heading: str, article: ArticleSnapshot, parent: QWidget) -> None:
        super().__init__(parent)
        from editorial_desk.ui.article_form import canonical_to_document

        self.heading = QLabel(heading, self)
        font = QFont(self.heading.font())
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.title = QLineEdit(article.title, self)
        self.title.setReadOnly(True)
        self.lead = QPlainTextEdit(article.lead, self)
        self.lead.setReadOnly(True)
        self.lead.setMaximumHeight(self.lead.fontMetrics().lineSpacing() * 4 + 12)
        self.body = QTextEdit(self)
        self.body.setReadOnly(True)
        self.body.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        canonical_to_document(article.body, self.body.document())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.title)
        layout.addWidget(self.lead)
        layout.addWidget(self.body, 1)

    def texts(self) -> tuple[str, str, str]:
        return self.title.text(), self.lead.toPlainText(), self.body.toPlainText()


class ConflictDialog(QDialog):
    def __init__(
        self,
        mine: ArticleSnapshot,
        theirs: ArticleSnapshot,
        zone: tzinfo,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(translate("ConflictDialog", "Saved by someone else"))
        self.mine = mine
        self.theirs = theirs
        intro = QLabel(
            translate(
                "ConflictDialog",
                "Someone else saved “{title}” while you were editing it. "
                "Your changes were <b>not</b> saved and nothing was overwritten. "
                "Compare both versions below.",
            ).format(title=theirs.title),
            self,
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        self.theirs_pane = _VersionPane(
            translate("ConflictDialog", "Saved version {version} ({when})").format(
                version=theirs.version, when=format_local_long(theirs.updated_at, zone)
            ),
            theirs,
            self,
        )
        self.mine_pane = _VersionPane(
            translate("ConflictDialog", "Your text (based on version {version})").format(
                version=mine.version
            ),
            mine,
            self,
        )
        panes = QGridLayout()
        panes.addWidget(self.theirs_pane, 0, 0)
        panes.addWidget(self.mine_pane, 0, 1)

        buttons = QDialogButtonBox(self)
        self.keep_button = QPushButton(translate("ConflictDialog", "Keep Editing My Text"), self)
        self.load_button = QPushButton(translate("ConflictDialog", "Load Saved Version"), self)
        self.overwrite_button = QPushButton(
            translate("ConflictDialog", "Save Mine over Theirs"), self
        )
        buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.addButton(self.load_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.overwrite_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.keep_button.setDefault(True)
        self.keep_button.clicked.connect(lambda: self.done(ConflictChoice.KEEP_EDITING))
        self.load_button.clicked.connect(lambda: self.done(ConflictChoice.LOAD_THEIRS))
        self.overwrite_button.clicked.connect(lambda: self.done(ConflictChoice.OVERWRITE))

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(panes, 1)
        layout.addWidget(buttons)
        self.resize(900, 600)

    def choose(self) -> ConflictChoice:
        """Show the dialog modally and return what the user chose."""
        result = self.exec()
        try:
            return ConflictChoice(result)
        except ValueError:
            return ConflictChoice.KEEP_EDITING
