"""Messages for the errors the review workflow adds: a denied step says *why* in
the user's language (from the structured `Denial`, not the English text), and a
changed article says what happened. Everything else goes to the app's
`error_messages.message_for`."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from editorial_desk.domain.errors import EditorialError
from editorial_desk.domain.review import VersionChangedError
from editorial_desk.domain.workflow import ActionDeniedError
from editorial_desk.ui.dialogs import show_message
from editorial_desk.ui.error_messages import ErrorMessage, message_for
from editorial_desk.ui.review.labels import denial_text

translate = QCoreApplication.translate


def review_message_for(error: EditorialError) -> ErrorMessage:
    if isinstance(error, ActionDeniedError):
        return ErrorMessage(translate("ReviewMessages", "Not allowed"), denial_text(error.denial))
    if isinstance(error, VersionChangedError):
        return ErrorMessage(
            translate("ReviewMessages", "The article has changed"),
            translate(
                "ReviewMessages",
                "Someone saved the article (now version {current}) after you opened "
                "version {seen}. Nothing was done. Look at the current text, then try again.",
            ).format(current=error.current, seen=error.seen),
        )
    return message_for(error)


def show_review_error(parent: QWidget | None, error: EditorialError) -> None:
    show_message(parent, review_message_for(error))


def confirm(
    parent: QWidget | None,
    title: str,
    text: str,
    informative: str = "",
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
) -> bool:
    """A Yes/No question, No the default (every confirmation here guards a change)."""
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    if informative:
        box.setInformativeText(informative)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return QMessageBox.StandardButton(box.exec()) == QMessageBox.StandardButton.Yes
