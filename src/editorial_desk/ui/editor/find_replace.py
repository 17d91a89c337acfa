"""The find and replace bar: a strip inside the editor, not a dialog, so the text
stays in view and editable while searching (as in a browser).

Searching uses ``QTextDocument.find``: C++ over the document, Unicode case
folding for "match case" off (so «Город», «город» and «ГОРОД» match, as do «Ё» and
«ё»), and Qt's letter-or-digit word boundaries for "whole words" (Cyrillic
included). Replace All is one edit block, so one Ctrl+Z undoes it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextEdit,
    QToolButton,
    QWidget,
)

from editorial_desk.ui.editor.icons import editor_icon

translate = QCoreApplication.translate

_FindFlag = QTextDocument.FindFlag


class FindReplaceBar(QWidget):
    """Find (Ctrl+F) or find and replace (Ctrl+H) in `editor`'s document."""

    def __init__(
        self, editor: QTextEdit, parent: QWidget | None = None, *, load_icons: bool = True
    ) -> None:
        super().__init__(parent)
        self.setObjectName("findReplaceBar")
        self._editor = editor
        self._read_only = False

        self.find_edit = QLineEdit(self)
        self.find_edit.setObjectName("findText")
        self.find_edit.setPlaceholderText(translate("FindReplace", "Find"))
        self.find_edit.setClearButtonEnabled(True)
        self.replace_edit = QLineEdit(self)
        self.replace_edit.setObjectName("replaceText")
        self.replace_edit.setPlaceholderText(translate("FindReplace", "Replace with"))
        self.case_box = QCheckBox(translate("FindReplace", "Match &case"), self)
        self.case_box.setObjectName("findMatchCase")
        self.words_box = QCheckBox(translate("FindReplace", "&Whole words"), self)
        self.words_box.setObjectName("findWholeWords")
        self.previous_button = self._tool_button(
            "up",
            translate("FindReplace", "Previous"),
            translate("FindReplace", "Find previous (Shift+F3)"),
        )
        self.next_button = self._tool_button(
            "down", translate("FindReplace", "Next"), translate("FindReplace", "Find next (F3)")
        )
        self.close_button = self._tool_button(
            "close", "×", translate("FindReplace", "Close the find bar (Esc)")
        )
        if load_icons:
            self.load_icons()
        self.replace_button = QPushButton(translate("FindReplace", "&Replace"), self)
        self.replace_button.setObjectName("replaceOne")
        self.replace_all_button = QPushButton(translate("FindReplace", "Replace &All"), self)
        self.replace_all_button.setObjectName("replaceAll")
        self.status = QLabel(self)
        self.status.setObjectName("findStatus")
        self.status.setMinimumWidth(self.fontMetrics().averageCharWidth() * 18)

        find_row = QHBoxLayout()
        find_row.addWidget(self.find_edit, 1)
        find_row.addWidget(self.previous_button)
        find_row.addWidget(self.next_button)
        find_row.addWidget(self.case_box)
        find_row.addWidget(self.words_box)
        find_row.addWidget(self.status)
        find_row.addWidget(self.close_button)
        self._replace_row = QWidget(self)
        replace_row = QHBoxLayout(self._replace_row)
        replace_row.setContentsMargins(0, 0, 0, 0)
        replace_row.addWidget(self.replace_edit, 1)
        replace_row.addWidget(self.replace_button)
        replace_row.addWidget(self.replace_all_button)
        replace_row.addStretch(0)
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 2, 4, 2)
        grid.setVerticalSpacing(2)
        grid.addLayout(find_row, 0, 0)
        grid.addWidget(self._replace_row, 1, 0)

        self.find_edit.textEdited.connect(self._find_as_you_type)
        self.find_edit.returnPressed.connect(self.find_next)
        self.replace_edit.returnPressed.connect(self.replace_one)
        self.case_box.toggled.connect(lambda _on: self.status.clear())
        self.words_box.toggled.connect(lambda _on: self.status.clear())
        self.previous_button.clicked.connect(self.find_previous)
        self.next_button.clicked.connect(self.find_next)
        self.replace_button.clicked.connect(self.replace_one)
        self.replace_all_button.clicked.connect(self.replace_all)
        self.close_button.clicked.connect(self.close_bar)
        self.find_edit.installEventFilter(self)
        self.replace_edit.installEventFilter(self)
        self.hide()

    def load_icons(self) -> None:
        self.previous_button.setIcon(editor_icon("up"))
        self.next_button.setIcon(editor_icon("down"))
        self.close_button.setIcon(editor_icon("close"))

    def _tool_button(self, name: str, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(f"find.{name}")
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        return button

    # -- showing -----------------------------------------------------------------

    def show_find(self) -> None:
        self._open(replace=False)

    def show_replace(self) -> None:
        self._open(replace=not self._read_only)

    def _open(self, *, replace: bool) -> None:
        selected = self._editor.textCursor().selectedText()
        if selected and "\u2029" not in selected and "\u2028" not in selected:
            self.find_edit.setText(selected)  # what the user selected is what they look for
        self._replace_row.setVisible(replace)
        self.status.clear()
        self.show()
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self._editor.setFocus()

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.replace_edit.setEnabled(not read_only)
        self.replace_button.setEnabled(not read_only)
        self.replace_all_button.setEnabled(not read_only)
        if read_only:
            self._replace_row.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if (
                watched is self.find_edit
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            ):
                self.find_previous()
                return True
        return super().eventFilter(watched, event)

    # -- finding -----------------------------------------------------------------

    def _flags(self, backward: bool = False) -> QTextDocument.FindFlag:
        flags = QTextDocument.FindFlag(0)
        if self.case_box.isChecked():
            flags |= _FindFlag.FindCaseSensitively
        if self.words_box.isChecked():
            flags |= _FindFlag.FindWholeWords
        if backward:
            flags |= _FindFlag.FindBackward
        return flags

    def _say(self, text: str, *, problem: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #b3261e;" if problem else "")

    def _search(self, start: QTextCursor, backward: bool) -> bool:
        """Select the next match from `start` (wrapping around once)."""
        query = self.find_edit.text()
        if not query:
            self.status.clear()
            return False
        document = self._editor.document()
        found = document.find(query, start, self._flags(backward))
        wrapped = False
        if found.isNull():
            edge = QTextCursor(document)
            if backward:
                edge.movePosition(QTextCursor.MoveOperation.End)
            found = document.find(query, edge, self._flags(backward))
            wrapped = True
        if found.isNull():
            self._say(translate("FindReplace", "Not found"), problem=True)
            return False
        self._editor.setTextCursor(found)
        self._editor.ensureCursorVisible()
        if wrapped:
            self._say(
                translate("FindReplace", "Continued from the bottom")
                if backward
                else translate("FindReplace", "Continued from the top")
            )
        else:
            self.status.clear()
        return True

    def find_next(self) -> bool:
        if not self.find_edit.text():
            self.show_find()
            return False
        return self._search(self._editor.textCursor(), backward=False)

    def find_previous(self) -> bool:
        if not self.find_edit.text():
            self.show_find()
            return False
        cursor = self._editor.textCursor()
        cursor.setPosition(cursor.selectionStart())  # not the match that is selected now
        return self._search(cursor, backward=True)

    def _find_as_you_type(self, _text: str) -> None:
        cursor = self._editor.textCursor()
        cursor.setPosition(cursor.selectionStart())  # extend the current match if it grows
        self._search(cursor, backward=False)

    def _selection_is_match(self) -> bool:
        cursor = self._editor.textCursor()
        if not cursor.hasSelection() or not self.find_edit.text():
            return False
        at = QTextCursor(cursor)
        at.setPosition(cursor.selectionStart())
        found = self._editor.document().find(self.find_edit.text(), at, self._flags())
        return (
            not found.isNull()
            and found.selectionStart() == cursor.selectionStart()
            and found.selectionEnd() == cursor.selectionEnd()
        )

    # -- replacing -------------------------------------------------------------------

    def replace_one(self) -> bool:
        """Replace the selected match, then select the next one."""
        if self._read_only or not self.find_edit.text():
            return False
        replaced = False
        if self._selection_is_match():
            cursor = self._editor.textCursor()
            cursor.insertText(self.replace_edit.text())
            self._editor.setTextCursor(cursor)
            replaced = True
        self._search(self._editor.textCursor(), backward=False)
        return replaced

    def replace_all(self) -> int:
        """Replace every match as one undo step; returns how many."""
        query = self.find_edit.text()
        if self._read_only or not query:
            return 0
        document = self._editor.document()
        replacement = self.replace_edit.text()
        flags = self._flags()
        count = 0
        group = QTextCursor(document)
        group.beginEditBlock()
        try:
            found = document.find(query, 0, flags)
            while not found.isNull():
                found.insertText(replacement)
                count += 1
                found = document.find(query, found.position(), flags)
        finally:
            group.endEditBlock()
        if count:
            # "Replaced: N" rather than a plural form: pyside6-lupdate does not mark
            # translate(..., n) as numerus unless n is a literal, and «Заменено: 5»
            # reads naturally in Russian for every number.
            self._say(translate("FindReplace", "Replaced: {count}").format(count=count))
        else:
            self._say(translate("FindReplace", "Not found"), problem=True)
        return count
