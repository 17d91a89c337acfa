"""The article editor on the right of the main window.

It holds one article (or a new, unsaved one) and knows what the user changed
since it was loaded or saved; it never talks to the database (the window feeds it
the rubric and tag choices and the current user's name). The body editor
converts to and from the canonical body format through `ui.body_convert`.

`contentChanged` fires on every user change of any field (not while loading):
the autosave listens to it. It is emitted per keystroke, so nothing attached to
it may do work proportional to the article's size."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QModelIndex,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
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
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editorial_desk.domain.article import ArticleChanges, ArticleSnapshot
from editorial_desk.domain.statuses import Status
from editorial_desk.domain.timeutil import office_zone
from editorial_desk.domain.workflow import date_is_fixed, status_after_planning
from editorial_desk.ui.editor import ArticleEditor
from editorial_desk.ui.labels import from_local_qdatetime, status_label, to_local_qdatetime

if TYPE_CHECKING:
    from editorial_desk.store.recovery import RecoveryEntry

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


def parse_tags(text: str) -> tuple[str, ...]:
    """«парки, Скверы ,  ПАРКИ,» -> ("парки", "Скверы"): comma-separated, trimmed,
    inner spaces collapsed, repeats dropped ignoring case (the first spelling wins)."""
    seen: dict[str, str] = {}
    for part in text.split(","):
        tag = " ".join(part.split())
        if tag:
            seen.setdefault(tag.casefold(), tag)
    return tuple(seen.values())


def format_tags(tags: Iterable[str]) -> str:
    return ", ".join(tags)


def differs_only_in_date(old: ArticleSnapshot, new: ArticleSnapshot) -> bool:
    """Whether `new` (a later version of the same article) differs from `old` in
    nothing the form edits but the planned date: a calendar drag. Title, lead,
    body, rubric and tags must be equal. The status must be equal too, except for
    the Approved <-> Scheduled switch that setting or clearing the date itself
    makes (`status_after_planning`): the form only shows the status, but any other
    status change (an approval, a return) is a review step the user should see as
    a conflict, not have their save slip past. Equal dates also count (nothing
    but the version changed)."""
    if old.id != new.id:
        return False
    same_fields = (old.title, old.lead, old.body, old.rubric, old.tags) == (
        new.title,
        new.lead,
        new.body,
        new.rubric,
        new.tags,
    )
    planned_status = status_after_planning(old.status, dated=new.planned_at is not None)
    return same_fields and new.status in (old.status, planned_status)


@dataclass(frozen=True, slots=True)
class FormValues:
    """Everything the form holds, body already in the canonical format."""

    title: str
    lead: str
    body: str
    rubric: str
    planned_at: datetime | None
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class FormDraft:
    """The form's state for the recovery journal, cheap to take on the UI thread:
    every field as plain values, the body as a private copy of its document
    (`QTextDocument.clone()`), converted to the canonical format later, off the
    UI thread. Nobody else holds `body`, so a worker may read it."""

    article_id: int | None
    base_version: int | None
    title: str
    lead: str
    rubric: str
    tags: tuple[str, ...]
    planned_at: datetime | None
    body: QTextDocument


class TagCompleter(QCompleter):
    """Completes the tag being typed after the last comma, keeping the ones before."""

    def splitPath(self, path: str) -> list[str]:
        return [path.rsplit(",", 1)[-1].strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        chosen = str(index.data(Qt.ItemDataRole.EditRole) or "")
        widget = self.widget()
        typed = widget.text() if isinstance(widget, QLineEdit) else ""
        before = typed.rsplit(",", 1)[0] if "," in typed else ""
        return f"{before.rstrip()}, {chosen}, " if before.strip() else f"{chosen}, "


class PlannedEdit(QWidget):
    """A planned publication date-time that may be left empty (= unscheduled).

    The editor shows wall-clock time in the office zone; `value()` is aware UTC.
    Until the user changes the editor, `value()` is exactly what `set_value` got:
    the editor works in minutes, and a wall-clock time in the hour that repeats
    when clocks go back names two instants, so converting back from the editor
    could differ from the stored date by seconds or by that hour (a spurious
    "modified", and an unasked-for date change on save)."""

    changed = Signal()

    def __init__(self, zone: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._zone = zone
        self._set_value: datetime | None = None  # the last set_value ...
        self._set_shown: tuple[QDate, QTime] | None = None  # ... as the editor shows it
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
        shown = self.editor.dateTime()
        # wall clock compared, not QDateTime ==, which compares instants in the
        # system's zone, not the office's
        if self._set_value is not None and (shown.date(), shown.time()) == self._set_shown:
            return self._set_value
        return from_local_qdatetime(shown, self._zone)

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
            shown = self.editor.dateTime()
            self._set_value = value
            self._set_shown = (shown.date(), shown.time())
            self.editor.setVisible(value is not None)
            self.hint.setVisible(value is None)
        finally:
            self.blockSignals(False)


class ArticleForm(QWidget):
    """Title, lead, a «Properties» section (rubric, tags, author, status, planned
    date), body and a Save button.

    `is_modified()` is derived, not remembered: the line edits and the date are
    compared with what was loaded, the two text documents use their own modified
    flags (so undoing back to the loaded text clears it)."""

    modifiedChanged = Signal(bool)
    titleChanged = Signal(str)
    saveRequested = Signal()
    contentChanged = Signal()  # any user edit of any field; per keystroke: keep slots cheap
    propertiesToggled = Signal(bool)  # the «Properties» section was shown or hidden

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
        # False after restore_from paired today's stored text with the older version
        # the unsaved work started from: `_article` then is not that version as
        # stored, so it cannot tell what a later version changed (see can_rebase).
        self._article_as_stored = True
        self._base_title = ""
        self._base_rubric = ""
        self._base_tags: tuple[str, ...] = ()
        self._base_planned: datetime | None = None
        self._current_user_name = ""
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
        self.properties_toggle = QToolButton(self)
        self.properties_toggle.setObjectName("propertiesToggle")
        self.properties_toggle.setText(translate("ArticleForm", "Properties"))
        # not checkable: a checked tool button looks pressed, this is a fold arrow
        self._properties_expanded = True
        self.properties_toggle.setAutoRaise(True)
        self.properties_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.properties_toggle.setArrowType(Qt.ArrowType.DownArrow)
        self.properties_summary = QLabel(self)
        self.properties_summary.setObjectName("propertiesSummary")
        self.properties_summary.setEnabled(False)
        self.properties_summary.setVisible(False)
        self.properties = QWidget(self)
        self.properties.setObjectName("properties")
        self.rubric_edit = QComboBox(self.properties)
        self.rubric_edit.setObjectName("rubricEdit")
        self.rubric_edit.setEditable(True)
        # a typed rubric stays text until the article is saved (then the list learns it)
        self.rubric_edit.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.rubric_edit.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.rubric_edit.setMinimumContentsLength(14)
        self.rubric_edit.lineEdit().setPlaceholderText(translate("ArticleForm", "no rubric"))
        self.tags_edit = QLineEdit(self.properties)
        self.tags_edit.setObjectName("tagsEdit")
        self.tags_edit.setPlaceholderText(translate("ArticleForm", "tags, separated by commas"))
        self._tag_model = QStringListModel(self)
        self.tag_completer = TagCompleter(self._tag_model, self.tags_edit)
        self.tag_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tag_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.tags_edit.setCompleter(self.tag_completer)
        self.author_label = QLabel(self.properties)
        self.author_label.setObjectName("authorLabel")
        self.author_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_value = QLabel(self.properties)
        self.status_value.setObjectName("statusLabel")
        self.planned_edit = PlannedEdit(self._zone, self.properties)
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

        self._build_properties()
        grid = QGridLayout(self)
        grid.addWidget(self.info, 0, 1)
        self._add_row(grid, 1, translate("ArticleForm", "&Title:"), self.title_edit)
        self._add_row(grid, 2, translate("ArticleForm", "&Lead:"), self.lead_edit)
        toggle_row = QHBoxLayout()
        toggle_row.setContentsMargins(0, 0, 0, 0)
        toggle_row.addWidget(self.properties_toggle)
        toggle_row.addWidget(self.properties_summary, 1)
        toggle_row.addStretch(0)  # keeps the arrow on the left while the summary is hidden
        grid.addLayout(toggle_row, 3, 1)
        grid.addWidget(self.properties, 4, 1)
        self._add_row(grid, 5, translate("ArticleForm", "&Body:"), self.editor)
        grid.setRowStretch(5, 1)  # the body takes the height
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        grid.addLayout(buttons, 6, 1)

        self.title_edit.textChanged.connect(self._on_title_changed)
        self.rubric_edit.editTextChanged.connect(self._on_meta_changed)
        self.tags_edit.textChanged.connect(self._on_meta_changed)
        self.lead_edit.document().modificationChanged.connect(self._update_modified)
        self.editor.modificationChanged.connect(self._update_modified)
        self.planned_edit.changed.connect(self._on_meta_changed)
        # contentsChanged is per keystroke: the slots only emit, nothing else
        self.lead_edit.document().contentsChanged.connect(self._emit_content_changed)
        self.body_edit.document().contentsChanged.connect(self._emit_content_changed)
        self.properties_toggle.clicked.connect(
            lambda: self.set_properties_expanded(not self._properties_expanded)
        )
        self.save_button.clicked.connect(self.saveRequested)
        self.start_new()

    def _add_row(self, grid: QGridLayout, row: int, text: str, field: QWidget) -> None:
        label = QLabel(text, self)
        label.setBuddy(_buddy_of(field))
        if isinstance(field, QPlainTextEdit | ArticleEditor):  # multi-line: label on top
            label.setContentsMargins(0, 4, 0, 0)
            grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
        else:
            grid.addWidget(label, row, 0)
        grid.addWidget(field, row, 1)

    def _build_properties(self) -> None:
        """Two columns under the lead: rubric | tags, author | status, planned."""
        outer = QVBoxLayout(self.properties)
        outer.setContentsMargins(0, 0, 0, 0)
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(grid)
        cells: tuple[tuple[int, int, str, QWidget], ...] = (
            (0, 0, translate("ArticleForm", "&Rubric:"), self.rubric_edit),
            (0, 2, translate("ArticleForm", "T&ags:"), self.tags_edit),
            (1, 0, translate("ArticleForm", "Author:"), self.author_label),
            (1, 2, translate("ArticleForm", "Status:"), self.status_value),
        )
        for row, column, text, field in cells:
            label = QLabel(text, self.properties)
            if not isinstance(field, QLabel):
                label.setBuddy(field)
            grid.addWidget(label, row, column)
            grid.addWidget(field, row, column + 1)
        planned_label = QLabel(translate("ArticleForm", "&Planned:"), self.properties)
        planned_label.setBuddy(_buddy_of(self.planned_edit))
        grid.addWidget(planned_label, 2, 0)
        grid.addWidget(self.planned_edit, 2, 1, 1, 3)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(3, 3)
        grid.setColumnMinimumWidth(2, 0)

    # --- properties section ----------------------------------------------------

    def set_properties_expanded(self, expanded: bool) -> None:
        """Show or fold the «Properties» section (a folded one shows a summary)."""
        changed = expanded != self._properties_expanded
        self._properties_expanded = expanded
        self.properties_toggle.setArrowType(
            Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow
        )
        self.properties.setVisible(expanded)
        self.properties_summary.setVisible(not expanded)
        self._update_summary()
        if changed:
            self.propertiesToggled.emit(expanded)

    def properties_expanded(self) -> bool:
        return self._properties_expanded

    def _update_summary(self) -> None:
        if self._properties_expanded:
            return  # the fields themselves are on show
        parts = [self.rubric_edit.currentText().strip(), format_tags(self.tags())]
        parts.append(self.author_label.text())
        self.properties_summary.setText(" · ".join(part for part in parts if part))

    # --- choices fed by the window ----------------------------------------------

    def set_rubric_choices(self, names: list[str]) -> None:
        """The office's rubric list (`services.rubrics.list_rubrics`). The typed or
        loaded rubric stays as it is, on the list or not."""
        current = self.rubric_edit.currentText()
        self.rubric_edit.blockSignals(True)
        try:
            self.rubric_edit.clear()
            self.rubric_edit.addItems(names)
            self.rubric_edit.setCurrentIndex(-1)
            self.rubric_edit.setEditText(current)
        finally:
            self.rubric_edit.blockSignals(False)

    def rubric_choices(self) -> list[str]:
        return [self.rubric_edit.itemText(i) for i in range(self.rubric_edit.count())]

    def set_tag_choices(self, names: list[str]) -> None:
        """Tags to complete from (e.g. every tag used so far)."""
        self._tag_model.setStringList(names)

    def set_current_user_name(self, name: str) -> None:
        """Shown as the author of a new article."""
        self._current_user_name = name
        if self._article is None:
            self._update_info()

    # --- state ------------------------------------------------------------------

    def set_zone(self, zone: tzinfo) -> None:
        """The office zone changed: the planned date is shown in `zone`. The base
        date is an instant, the same in every zone, so it stays: a date the user
        had changed is still a change (and saved), an untouched one still is not."""
        self._zone = zone
        self._loading = True
        try:
            self.planned_edit.set_zone(zone)
        finally:
            self._loading = False
        self._update_modified()

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
                or self.rubric_edit.currentText().strip()
                or self.tags()
                or self.lead_edit.document().isModified()
                or self.body_edit.document().isModified()
                or self.planned_edit.value() != self._base_planned
            )
        return (
            self.title_edit.text() != self._base_title
            or self.rubric_edit.currentText() != self._base_rubric
            or self.tags() != self._base_tags
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

    def tags(self) -> tuple[str, ...]:
        """The tags as typed, parsed (see `parse_tags`)."""
        return parse_tags(self.tags_edit.text())

    def values(self) -> FormValues:
        return FormValues(
            title=self.title_edit.text(),
            lead=self.lead_edit.toPlainText(),
            body=self.editor.body(),
            rubric=self.rubric_edit.currentText(),
            planned_at=self.planned_edit.value(),
            tags=self.tags(),
        )

    def draft(self) -> FormDraft:
        """A snapshot for the recovery journal: cheap (no conversion of the body,
        a document clone instead), to be taken on the UI thread."""
        return FormDraft(
            article_id=self.article_id(),
            base_version=self.base_version(),
            title=self.title_edit.text(),
            lead=self.lead_edit.toPlainText(),
            rubric=self.rubric_edit.currentText(),
            tags=self.tags(),
            planned_at=self.planned_edit.value(),
            body=self.body_edit.document().clone(),
        )

    def changes(self) -> ArticleChanges:
        """Only what the user changed, so an untouched body is not re-saved."""
        title = self.title_edit.text()
        rubric = self.rubric_edit.currentText()
        tags = self.tags()
        planned = self.planned_edit.value()
        lead_doc, body_doc = self.lead_edit.document(), self.body_edit.document()
        return ArticleChanges(
            title=title if title != self._base_title else None,
            lead=self.lead_edit.toPlainText() if lead_doc.isModified() else None,
            body=self.editor.body() if body_doc.isModified() else None,
            rubric=rubric if rubric != self._base_rubric else None,
            tags=tags if tags != self._base_tags else None,
            planned_at=planned,
            change_planned_at=planned != self._base_planned,
        )

    # --- loading ----------------------------------------------------------------

    def start_new(self, planned_at: datetime | None = None) -> None:
        """An empty form for an article that does not exist yet, maybe already
        planned (the calendar's "New article on this day"). The date alone is
        not unsaved work: closing such a form does not ask."""
        self._fill(None)
        if planned_at is not None:
            self._loading = True
            try:
                self.planned_edit.set_value(planned_at)
                self._set_base()
            finally:
                self._loading = False
            self._update_modified()

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

    def restore_from(
        self,
        entry: RecoveryEntry,
        article: ArticleSnapshot | None = None,
        images: Mapping[str, bytes] | None = None,
    ) -> None:
        """Show the unsaved work `entry` from the recovery journal, as modified.

        `article` is the stored article the entry belongs to (None for an entry of a
        never-saved article), as loaded now; `images` the pictures the body uses.
        The form's base version stays the one the edits started from
        (`entry.base_version`), so if somebody saved a newer version meanwhile the
        next save is refused as a conflict and both texts are shown."""
        if (article.id if article else None) != entry.article_id:
            raise ValueError(f"entry {entry.key} is not for article {article and article.id}")
        as_stored = True
        if article is not None and entry.base_version is not None:
            as_stored = article.version == entry.base_version
            article = replace(article, version=entry.base_version)
        self._fill(article, images)
        self._article_as_stored = as_stored
        self._loading = True
        try:
            self.title_edit.setText(entry.title)
            self.rubric_edit.setEditText(entry.rubric)
            self.tags_edit.setText(format_tags(entry.tags))
            lead_differs = entry.lead != (article.lead if article else "")
            body_differs = entry.body != (article.body if article else "")
            if lead_differs:
                self.lead_edit.setPlainText(entry.lead)
            if body_differs:
                self.editor.set_body(entry.body, images)
                self.body_edit.document().clearUndoRedoStacks()
            self.lead_edit.document().setModified(lead_differs)
            self.body_edit.document().setModified(body_differs)
            self.body_edit.moveCursor(QTextCursor.MoveOperation.Start)
            self.planned_edit.set_value(entry.planned_datetime)
        finally:
            self._loading = False
        self._update_summary()
        self._update_modified()
        self.titleChanged.emit(self.display_title())

    def can_rebase(self, article: ArticleSnapshot) -> bool:
        """Whether `rebase(article)` applies: `article` is the same stored article,
        not older than the form's, and differs from it only in the planned date
        (`differs_only_in_date`). False for a new article, and after `restore_from`
        when the stored article had moved on from the version the unsaved work
        started from (what changed in between is unknown: the save must meet the
        conflict check)."""
        current = self._article
        return (
            current is not None
            and self._article_as_stored
            and article.id == current.id
            and article.version >= current.version
            and differs_only_in_date(current, article)
        )

    def rebase(self, article: ArticleSnapshot) -> None:
        """The stored article changed only in its planned date (a calendar drag)
        while the form may hold unsaved edits: continue from `article`.

        The form's stored article and base version become `article`'s, so the next
        save is not a conflict; the base planned date becomes `article.planned_at`.
        A planned date the user had not changed now shows the new one; one they
        had changed stays (and is still a change, unless it equals the new date).
        Title, lead, body, rubric and tags keep the user's edits, their modified
        state and their undo history. Emits `contentChanged` (the recovery journal
        must record the new base version) and `modifiedChanged` if that changed.

        Raises ValueError if `can_rebase(article)` is False: then the stored
        article changed in more than the date and the save must meet the
        conflict check."""
        if not self.can_rebase(article):
            raise ValueError(
                f"article {article.id} v{article.version} is not a date-only change "
                f"of the form's article {self.article_id()} v{self.base_version()}"
            )
        date_untouched = self.planned_edit.value() == self._base_planned
        self._loading = True
        try:
            self._article = article
            self._article_as_stored = True
            if date_untouched:
                self.planned_edit.set_value(article.planned_at)
            self._base_planned = article.planned_at
            self._update_info()  # version and status
        finally:
            self._loading = False
        self._update_modified()
        self.contentChanged.emit()

    def set_read_only(self, read_only: bool) -> None:
        """Lock or unlock the fields (the text stays as it is) and the Save button."""
        self._read_only = read_only
        for edit in (self.title_edit, self.tags_edit):
            edit.setReadOnly(read_only)
        self.rubric_edit.setEnabled(not read_only)
        self.lead_edit.setReadOnly(read_only)
        self._update_planned_enabled()
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
            self._article_as_stored = True
            if self.title_edit.text() != article.title:
                self.title_edit.setText(article.title)
            if self.rubric_edit.currentText() != article.rubric:
                self.rubric_edit.setEditText(article.rubric)
            if self.tags() != article.tags:
                self.tags_edit.setText(format_tags(article.tags))
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
            self._article_as_stored = True
            self.title_edit.setText(article.title if article else "")
            self.rubric_edit.setEditText(article.rubric if article else "")
            self.tags_edit.setText(format_tags(article.tags) if article else "")
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
        self._base_rubric = self.rubric_edit.currentText()
        self._base_tags = self.tags()
        self._base_planned = self.planned_edit.value()
        self.lead_edit.document().setModified(False)
        self.body_edit.document().setModified(False)
        self._update_info()

    def _update_planned_enabled(self) -> None:
        """A published article's date is the record of when it went out: the
        workflow refuses to change it, so the field says so instead of failing
        at Save."""
        status = self._article.status if self._article is not None else None
        fixed = status is not None and date_is_fixed(status)
        self.planned_edit.setEnabled(not self._read_only and not fixed)
        self.planned_edit.setToolTip(
            translate("ArticleForm", "A published article keeps the date it went out on.")
            if status is Status.PUBLISHED
            else ""
        )

    def _update_info(self) -> None:
        article = self._article
        self._update_planned_enabled()
        self.author_label.setText(article.author_name if article else self._current_user_name)
        self.status_value.setText(
            status_label(article.status)
            if article
            else translate("ArticleForm", "new, not saved yet")
        )
        self._update_summary()
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
            self.contentChanged.emit()
        self._update_modified()

    def _on_meta_changed(self, *_args: object) -> None:
        if self._loading:
            return
        self._update_summary()
        self.contentChanged.emit()
        self._update_modified()

    def _emit_content_changed(self) -> None:
        if not self._loading:
            self.contentChanged.emit()

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
