"""The article editor on the right of the main window.

It holds one article (or a new, unsaved one) and knows what the user changed
since it was loaded or saved; it never talks to the database. The body editor
converts to and from the canonical body format through `ui.body_convert`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, tzinfo

from PySide6.QtCore import QCoreApplication, QDateTime, Qt, QTime, Signal
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStyle,
    QTextEdit,
    QWidget,
)

from editorial_desk.domain.article import ArticleChanges, ArticleSnapshot
from editorial_desk.domain.timeutil import office_zone
from editorial_desk.ui.editor import ArticleEditor
from editorial_desk.ui.labels import from_local_qdatetime, status_label, to_local_qdatetime

# Explicit translation contexts: self.tr() in PySide6 takes the runtime class name,
# which breaks for subclasses; and lupdate only finds literal translate() calls.
translate = QCoreApplication.translate


def canonical_to_document(html: str, document: QTextDocument) -> None:
    from editorial_desk.ui.body_convert import canonical_to_document as convert

    convert(html, document)


def document_to_canonical(document: QTextDocument) -> str:
    from editorial_desk.ui.body_convert import document_to_canonical as convert

    return convert(document)


def _buddy_of(field: QWidget) -> QWidget:
    if isinstance(field, PlannedEdit):
        return field.scheduled
    if isinstance(field, ArticleEditor):
        return field.text_edit()
    return field


@dataclass(frozen=True, slots=True)
class FormValues:
    """Everything the form holds, body already in the canonical format."""

    title: str
    lead: str
    body: str
    rubric: str
    planned_at: datetime | None


class PlannedEdit(QWidget):
    """A planned publication date-time that may be left empty (= unscheduled).

    The editor shows wall-clock time in the office zone; `value()` is aware UTC."""

    changed = Signal()

    def __init__(self, zone: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._zone = zone
        self.scheduled = QCheckBox(translate("ArticleForm", "Scheduled for"), self)
        self.scheduled.setObjectName("plannedScheduled")
        self.editor = QDateTimeEdit(self)
        self.editor.setObjectName("plannedEditor")
        self.editor.setCalendarPopup(True)
        self.editor.setEnabled(False)
        self.editor.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.editor.setMinimumWidth(self.editor.sizeHint().width() + 24)
        self.hint = QLabel(translate("ArticleForm", "not scheduled"), self)
        self.hint.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scheduled)
        layout.addWidget(self.editor)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        self.scheduled.toggled.connect(self._on_toggled)
        self.editor.dateTimeChanged.connect(lambda _value: self.changed.emit())

    def set_zone(self, zone: tzinfo) -> None:
        current = self.value()
        self._zone = zone
        self.set_value(current)

    def _on_toggled(self, checked: bool) -> None:
        if checked and not self.editor.isEnabled():
            # a sensible proposal: tomorrow, 10:00
            tomorrow = QDateTime.currentDateTime().addDays(1)
            tomorrow.setTime(QTime(10, 0))
            self.editor.blockSignals(True)
            self.editor.setDateTime(tomorrow)
            self.editor.blockSignals(False)
        self.editor.setEnabled(checked)
        self.editor.setVisible(checked)
        self.hint.setVisible(not checked)
        self.changed.emit()

    def value(self) -> datetime | None:
        if not self.scheduled.isChecked():
            return None
        return from_local_qdatetime(self.editor.dateTime(), self._zone)

    def set_value(self, value: datetime | None) -> None:
        self.blockSignals(True)
        try:
            if value is None:
                self.scheduled.setChecked(False)
                self.editor.setEnabled(False)
            else:
                self.editor.setDateTime(to_local_qdatetime(value, self._zone))
                self.editor.setEnabled(True)
                self.scheduled.setChecked(True)
            self.editor.setVisible(value is not None)
            self.hint.setVisible(value is None)
        finally:
            self.blockSignals(False)


class ArticleForm(QWidget):
    """Title, lead, rubric, planned date, body and a Save button.

    `is_modified()` is derived, not remembered: the line edits and the date are
    compared with what was loaded, the two text documents use their own modified
    flags (so undoing back to the loaded text clears it)."""

    modifiedChanged = Signal(bool)
    titleChanged = Signal(str)
    saveRequested = Signal()

    def __init__(
        self,
        zone: tzinfo | None = None,
        parent: QWidget | None = None,
        *,
        load_icons: bool = True,
    ) -> None:
        super().__init__(parent)
        self._zone = zone or office_zone(None)
        self._article: ArticleSnapshot | None = None
        self._base_title = ""
        self._base_rubric = ""
        self._base_planned: datetime | None = None
        self._loading = False
        self._modified = False
        self._read_only = False

        self.info = QLabel(self)
        self.info.setObjectName("articleInfo")
        self.info.setEnabled(False)
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("titleEdit")
        self.title_edit.setPlaceholderText(translate("ArticleForm", "Headline"))
        self.lead_edit = QPlainTextEdit(self)
        self.lead_edit.setObjectName("leadEdit")
        self.lead_edit.setTabChangesFocus(True)
        self.lead_edit.setPlaceholderText(
            translate("ArticleForm", "One or two sentences: the gist of the news")
        )
        line = self.lead_edit.fontMetrics().lineSpacing()
        self.lead_edit.setFixedHeight(line * 4 + 12)
        self.rubric_edit = QLineEdit(self)
        self.rubric_edit.setObjectName("rubricEdit")
        self.planned_edit = PlannedEdit(self._zone, self)
        self.planned_edit.setObjectName("plannedEdit")
        self.editor = ArticleEditor(self, load_icons=load_icons)
        self.body_edit: QTextEdit = self.editor.text_edit()
        self.body_edit.setObjectName("bodyEdit")
        self.body_edit.setPlaceholderText(translate("ArticleForm", "Text of the article"))
        self.save_button = QPushButton(
            self.style().standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton),
            translate("ArticleForm", "Save"),
            self,
        )
        self.save_button.setObjectName("saveButton")

        grid = QGridLayout(self)
        rows: tuple[tuple[str, QWidget], ...] = (
            (translate("ArticleForm", "&Title:"), self.title_edit),
            (translate("ArticleForm", "&Lead:"), self.lead_edit),
            (translate("ArticleForm", "&Rubric:"), self.rubric_edit),
            (translate("ArticleForm", "&Planned:"), self.planned_edit),
            (translate("ArticleForm", "&Body:"), self.editor),
        )
        grid.addWidget(self.info, 0, 1)
        for number, (text, field) in enumerate(rows, start=1):
            label = QLabel(text, self)
            label.setBuddy(_buddy_of(field))
            if isinstance(field, QPlainTextEdit | ArticleEditor):  # multi-line: label on top
                label.setContentsMargins(0, 4, 0, 0)
                grid.addWidget(label, number, 0, Qt.AlignmentFlag.AlignTop)
            else:
                grid.addWidget(label, number, 0)
            grid.addWidget(field, number, 1)
        grid.setRowStretch(len(rows), 1)  # the body takes the height
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        grid.addLayout(buttons, len(rows) + 1, 1)

        self.title_edit.textChanged.connect(self._on_title_changed)
        self.rubric_edit.textChanged.connect(self._update_modified)
        self.lead_edit.document().modificationChanged.connect(self._update_modified)
        self.editor.modificationChanged.connect(self._update_modified)
        self.planned_edit.changed.connect(self._update_modified)
        self.save_button.clicked.connect(self.saveRequested)
        self.start_new()

    # --- state ------------------------------------------------------------------

    def set_zone(self, zone: tzinfo) -> None:
        self._zone = zone
        self._loading = True
        try:
            self.planned_edit.set_zone(zone)
            self._base_planned = self.planned_edit.value()
        finally:
            self._loading = False

    def article(self) -> ArticleSnapshot | None:
        """The stored article the form was loaded from (None for a new one)."""
        return self._article

    def article_id(self) -> int | None:
        return self._article.id if self._article else None

    def base_version(self) -> int | None:
        return self._article.version if self._article else None

    def is_new(self) -> bool:
        return self._article is None

    def is_modified(self) -> bool:
        if self._article is None:
            # a new article counts as modified once anything is typed
            return bool(
                self.title_edit.text().strip()
                or self.rubric_edit.text().strip()
                or self.lead_edit.document().isModified()
                or self.body_edit.document().isModified()
                or self.planned_edit.value() is not None
            )
        return (
            self.title_edit.text() != self._base_title
            or self.rubric_edit.text() != self._base_rubric
            or self.planned_edit.value() != self._base_planned
            or self.lead_edit.document().isModified()
            or self.body_edit.document().isModified()
        )

    def display_title(self) -> str:
        title = " ".join(self.title_edit.text().split())
        if title:
            return title
        return (
            translate("ArticleForm", "New article")
            if self._article is None
            else translate("ArticleForm", "Untitled")
        )

    def values(self) -> FormValues:
        return FormValues(
            title=self.title_edit.text(),
            lead=self.lead_edit.toPlainText(),
            body=self.editor.body(),
            rubric=self.rubric_edit.text(),
            planned_at=self.planned_edit.value(),
        )

    def changes(self) -> ArticleChanges:
        """Only what the user changed, so an untouched body is not re-saved."""
        title = self.title_edit.text()
        rubric = self.rubric_edit.text()
        planned = self.planned_edit.value()
        lead_doc, body_doc = self.lead_edit.document(), self.body_edit.document()
        return ArticleChanges(
            title=title if title != self._base_title else None,
            lead=self.lead_edit.toPlainText() if lead_doc.isModified() else None,
            body=self.editor.body() if body_doc.isModified() else None,
            rubric=rubric if rubric != self._base_rubric else None,
            planned_at=planned,
            change_planned_at=planned != self._base_planned,
        )

    # --- loading ----------------------------------------------------------------

    def start_new(self) -> None:
        """An empty form for an article that does not exist yet."""
        self._fill(None)

    def start_from(self, title: str, lead: str, body: str) -> None:
        """A new, not yet saved article that starts with this content (e.g. the
        sample article); Save creates it. It counts as unsaved work like anything
        typed into a new article, so leaving it asks first."""
        self._fill(None)
        self._loading = True
        try:
            self.title_edit.setText(title)
            self.lead_edit.setPlainText(lead)
            self.editor.set_body(body)
            self.body_edit.moveCursor(QTextCursor.MoveOperation.Start)
            self._set_base()
        finally:
            self._loading = False
        self._update_modified()
        self.titleChanged.emit(self.display_title())

    def load(self, article: ArticleSnapshot, images: Mapping[str, bytes] | None = None) -> None:
        """Show `article`; `images` (sha256 -> bytes) are the body's pictures."""
        self._fill(article, images)

    def set_read_only(self, read_only: bool) -> None:
        """Lock or unlock the fields (the text stays as it is) and the Save button."""
        self._read_only = read_only
        for edit in (self.title_edit, self.rubric_edit):
            edit.setReadOnly(read_only)
        self.lead_edit.setReadOnly(read_only)
        self.planned_edit.setEnabled(not read_only)
        self.editor.set_read_only(read_only)
        self.save_button.setEnabled(not read_only)

    def is_read_only(self) -> bool:
        return self._read_only

    def mark_saved(self, article: ArticleSnapshot, sent_body: str | None = None) -> None:
        """The form's content was just stored as `article`: make it the new base.

        What the user sees stays put (cursor included) unless the store normalised
        it, in which case the stored text is shown."""
        self._loading = True
        try:
            self._article = article
            if self.title_edit.text() != article.title:
                self.title_edit.setText(article.title)
            if self.rubric_edit.text() != article.rubric:
                self.rubric_edit.setText(article.rubric)
            if self.lead_edit.toPlainText() != article.lead:
                self.lead_edit.setPlainText(article.lead)
            body_doc = self.body_edit.document()
            current_body = sent_body if sent_body is not None else document_to_canonical(body_doc)
            if current_body != article.body:
                position = self.body_edit.textCursor().position()
                canonical_to_document(article.body, body_doc)
                cursor = QTextCursor(body_doc)
                cursor.setPosition(min(position, max(0, body_doc.characterCount() - 1)))
                self.body_edit.setTextCursor(cursor)
            if self.planned_edit.value() != article.planned_at:
                self.planned_edit.set_value(article.planned_at)
            self._set_base()
        finally:
            self._loading = False
        self._update_modified()

    def _fill(
        self, article: ArticleSnapshot | None, images: Mapping[str, bytes] | None = None
    ) -> None:
        self._loading = True
        try:
            self._article = article
            self.title_edit.setText(article.title if article else "")
            self.rubric_edit.setText(article.rubric if article else "")
            self.lead_edit.setPlainText(article.lead if article else "")
            self.editor.set_body(article.body if article else "", images)
            body_doc = self.body_edit.document()
            body_doc.clearUndoRedoStacks()
            self.lead_edit.document().clearUndoRedoStacks()
            self.body_edit.moveCursor(QTextCursor.MoveOperation.Start)
            self.planned_edit.set_value(article.planned_at if article else None)
            self._set_base()
        finally:
            self._loading = False
        self._update_modified()
        self.titleChanged.emit(self.display_title())

    def _set_base(self) -> None:
        self._base_title = self.title_edit.text()
        self._base_rubric = self.rubric_edit.text()
        self._base_planned = self.planned_edit.value()
        self.lead_edit.document().setModified(False)
        self.body_edit.document().setModified(False)
        self._update_info()

    def _update_info(self) -> None:
        article = self._article
        if article is None:
            self.info.setText(translate("ArticleForm", "New article — not saved yet"))
            return
        self.info.setText(
            translate(
                "ArticleForm", "{status} · version {version} · {author} · {words} words"
            ).format(
                status=status_label(article.status),
                version=article.version,
                author=article.author_name,
                words=article.word_count,
            )
        )

    # --- signals ----------------------------------------------------------------

    def _on_title_changed(self, _text: str) -> None:
        if not self._loading:
            self.titleChanged.emit(self.display_title())
        self._update_modified()

    def _update_modified(self, *_args: object) -> None:
        if self._loading:
            return
        modified = self.is_modified()
        if modified != self._modified:
            self._modified = modified
            self.modifiedChanged.emit(modified)

    def focus_title(self) -> None:
        self.title_edit.setFocus()
        self.title_edit.selectAll()
