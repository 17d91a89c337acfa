"""Links: which addresses are allowed, the Link dialog, and finding the link
under the cursor.

An address is accepted exactly when the stored body would keep it: the check
runs the body sanitizer itself (``http``, ``https``, ``mailto`` and ``tel``
only), so the dialog can never accept a link that saving would then silently
drop. Like a browser's address bar, a bare ``example.ru/news`` becomes
``https://…``, an e-mail address ``mailto:…`` and a phone number ``tel:…``.
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editorial_desk.document import sanitize_body

translate = QCoreApplication.translate

_SCHEME_RE: Final = re.compile(r"([A-Za-z][A-Za-z0-9+\-]*):")  # a dot means a host:port
_EMAIL_RE: Final = re.compile(r"[^@\s/:]+@[^@\s/:]+\.[^@\s/:]+")
_PHONE_RE: Final = re.compile(r"\+?[\d\s()\-]{5,}")
_HOST_RE: Final = re.compile(r"[\w\-]+(?:\.[\w\-]+)+(?::\d+)?(?:[/?#].*)?")
_PROBE_RE: Final = re.compile(r'<p><a href="([^"]*)">x</a></p>')


def normalize_link(text: str) -> str | None:
    """The address as it will be stored, or None if the body format refuses it."""
    url = text.strip()
    if not url:
        return None
    if _SCHEME_RE.match(url) is None:
        if _EMAIL_RE.fullmatch(url):
            url = "mailto:" + url
        elif _PHONE_RE.fullmatch(url) and sum(c.isdigit() for c in url) >= 5:
            url = "tel:" + re.sub(r"[^\d+]", "", url)
        elif _HOST_RE.fullmatch(url):
            url = "https://" + url
    attribute = html_lib.escape(url, quote=True)
    match = _PROBE_RE.fullmatch(sanitize_body(f'<p><a href="{attribute}">x</a></p>'))
    return html_lib.unescape(match[1]) if match else None


def link_range(cursor: QTextCursor) -> tuple[int, int, str] | None:
    """(start, end, href) of the link the cursor is in or selects the start of:
    the adjacent fragments of its block with the same address."""
    position = cursor.selectionStart()
    block = cursor.document().findBlock(position)
    fragments = []
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        it += 1
        if fragment.isValid():
            fragments.append(fragment)
    for index, fragment in enumerate(fragments):
        start, end = fragment.position(), fragment.position() + fragment.length()
        inside = start <= position < end or (position == end and not cursor.hasSelection())
        fmt = fragment.charFormat()
        if not (inside and fmt.isAnchor() and fmt.anchorHref()):
            continue
        href = fmt.anchorHref()
        lo = index
        while lo > 0 and fragments[lo - 1].charFormat().anchorHref() == href:
            lo -= 1
        hi = index
        while hi + 1 < len(fragments) and fragments[hi + 1].charFormat().anchorHref() == href:
            hi += 1
        return (
            fragments[lo].position(),
            fragments[hi].position() + fragments[hi].length(),
            href,
        )
    return None


@dataclass(frozen=True, slots=True)
class LinkChoice:
    """What the dialog was closed with: an address (and, for a new link, its
    text), or `remove` to unlink."""

    href: str = ""
    text: str = ""
    remove: bool = False


class LinkDialog(QDialog):
    """Address (and text, when there is no selection to link). OK checks the
    address and, if the body format would refuse it, says so under the field and
    stays open. The editor `open()`s it (window-modal, never `exec()`) and acts on
    `accepted`; tests set the fields and press the buttons."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        href: str = "",
        text: str = "",
        ask_text: bool = False,
        editing: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("linkDialog")
        self.setWindowTitle(
            translate("LinkDialog", "Edit Link") if editing else translate("LinkDialog", "Link")
        )
        self._choice: LinkChoice | None = None
        self.url_edit = QLineEdit(href, self)
        self.url_edit.setObjectName("linkUrl")
        self.url_edit.setPlaceholderText("https://")
        self.url_edit.setMinimumWidth(self.fontMetrics().averageCharWidth() * 48)
        self.text_edit = QLineEdit(text, self)
        self.text_edit.setObjectName("linkText")
        self.text_edit.setPlaceholderText(translate("LinkDialog", "the address itself"))
        self.error = QLabel(self)
        self.error.setObjectName("linkError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")  # an error red readable on light and dark
        self.error.hide()

        form = QFormLayout()
        form.addRow(translate("LinkDialog", "&Address:"), self.url_edit)
        form.addRow("", self.error)
        if ask_text:
            form.addRow(translate("LinkDialog", "&Text:"), self.text_edit)
        else:
            self.text_edit.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.remove_button: QPushButton | None = None
        if editing:
            self.remove_button = buttons.addButton(
                translate("LinkDialog", "&Remove Link"), QDialogButtonBox.ButtonRole.ResetRole
            )
            self.remove_button.setObjectName("linkRemove")
            self.remove_button.clicked.connect(self.remove)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.url_edit.textEdited.connect(lambda _text: self.error.hide())
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def accept(self) -> None:
        href = normalize_link(self.url_edit.text())
        if href is None:
            if self.url_edit.text().strip():
                message = translate(
                    "LinkDialog",
                    "This address cannot be used. A link must start with http://, "
                    "https://, mailto: or tel: (for example https://example.ru).",
                )
            else:
                message = translate("LinkDialog", "Enter the address the link leads to.")
            self.error.setText(message)
            self.error.show()
            self.url_edit.setFocus()
            self.url_edit.selectAll()
            return
        self._choice = LinkChoice(href=href, text=self.text_edit.text().strip() or href)
        super().accept()

    def remove(self) -> None:
        self._choice = LinkChoice(remove=True)
        super().accept()

    def choice(self) -> LinkChoice | None:
        """What to do, once accepted (None if cancelled)."""
        return self._choice
