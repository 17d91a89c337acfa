"""The window's modal questions and messages, kept in one place.

Each function builds a native QMessageBox and calls `exec()` on it (or the native
static about box), so tests can replace `QMessageBox.exec` instead of clicking."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout, QMessageBox, QSizePolicy, QSpacerItem, QWidget

import editorial_desk
from editorial_desk.domain.errors import EditorialError
from editorial_desk.ui.error_messages import ErrorMessage

translate = QCoreApplication.translate


class UnsavedChoice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_unsaved_changes(parent: QWidget | None, article_title: str) -> UnsavedChoice:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("Dialogs", "Unsaved changes"))
    box.setText(translate("Dialogs", "Save the changes to “{title}”?").format(title=article_title))
    box.setInformativeText(translate("Dialogs", "If you don't save, your changes will be lost."))
    box.setStandardButtons(
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)
    answer = QMessageBox.StandardButton(box.exec())
    if answer == QMessageBox.StandardButton.Save:
        return UnsavedChoice.SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return UnsavedChoice.DISCARD
    return UnsavedChoice.CANCEL


def show_message(
    parent: QWidget | None,
    message: ErrorMessage,
    icon: QMessageBox.Icon = QMessageBox.Icon.Warning,
) -> None:
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(message.title)
    box.setText(message.text)
    if message.details:
        box.setInformativeText(message.details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


def show_error(parent: QWidget | None, error: EditorialError) -> None:
    """The translated message for `error`; a denied workflow step says why (its
    `Denial`), through the review messages (imported here: they import this module)."""
    from editorial_desk.ui.review.messages import review_message_for

    show_message(parent, review_message_for(error))


def show_about(parent: QWidget | None) -> None:
    QMessageBox.about(
        parent,
        translate("Dialogs", "About Editorial Desk"),
        translate(
            "Dialogs",
            "<h3>Editorial Desk</h3><p>Version {version}</p>"
            "<p>Write, review, schedule and hand off the news of a press office.</p>",
        ).format(version=editorial_desk.__version__),
    )


def widen_message_box(box: QMessageBox, width: int) -> None:
    """Give a message box a minimum width (QMessageBox has no API for it: a spacer
    row in its grid), so that listed file names are not broken at their hyphens."""
    layout = box.layout()
    if isinstance(layout, QGridLayout):
        spacer = QSpacerItem(width, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Minimum)
        layout.addItem(spacer, layout.rowCount(), 0, 1, layout.columnCount())
