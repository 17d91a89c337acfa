"""Settings → Language: pick the interface language (applies on the next start)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from editorial_desk.ui.settings import Language

translate = QCoreApplication.translate


def language_name(language: Language) -> str:
    # Each language is named in itself, so a user who cannot read the current
    # interface language still finds their own.
    return {
        Language.SYSTEM: translate("LanguageDialog", "As in the system"),
        Language.RUSSIAN: "Русский",
        Language.ENGLISH: "English",
    }[language]


class LanguageDialog(QDialog):
    def __init__(self, current: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("languageDialog")
        self.setWindowTitle(translate("LanguageDialog", "Interface Language"))
        self.combo = QComboBox(self)
        for language in Language:
            self.combo.addItem(language_name(language), language.value)
        self.combo.setCurrentIndex(list(Language).index(current))
        note = QLabel(
            translate("LanguageDialog", "The new language is used after Editorial Desk restarts."),
            self,
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        layout.addRow(translate("LanguageDialog", "&Language:"), self.combo)
        layout.addRow(note)
        layout.addRow(buttons)

    def selected(self) -> Language:
        return Language(self.combo.currentData())

    def choose(self) -> Language | None:
        """Show modally; the chosen language, or None when cancelled."""
        return self.selected() if self.exec() == QDialog.DialogCode.Accepted else None
