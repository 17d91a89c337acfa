"""File → Export…, the question: what to export (the selection, or a batch by
planned date and status), in which format, into which folder, with which options.
The answer is an :class:`ExportRequest`; ``export_ui.ExportRunner`` carries it out.

Nothing here imports the services or the exporters at module level: the window
imports it at start-up (tests/ui/test_app.py keeps start-up light)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from editorial_desk.domain.article import ArticleQuery
from editorial_desk.domain.statuses import Status
from editorial_desk.ui.labels import status_label
from editorial_desk.ui.settings import AppSettings

if TYPE_CHECKING:
    from editorial_desk.export.options import ExportFormat, ExportOptions

translate = QCoreApplication.translate

# Keyed by the ExportFormat values, so that building the dialog does not import
# the exporters (python-docx); the order is the order of the dialog's choices.
_FORMAT_CHOICES: dict[str, str] = {
    "docx": QT_TRANSLATE_NOOP("ExportUi", "Word document (.docx)"),
    "html": QT_TRANSLATE_NOOP(
        "ExportUi", "HTML fragment for the website (.html, pictures in images/)"
    ),
    "page": QT_TRANSLATE_NOOP("ExportUi", "HTML page for preview and e-mail (.page.html)"),
    "zip": QT_TRANSLATE_NOOP("ExportUi", "ZIP bundle for the web team (.zip)"),
}
# What a day's batch offers; approved and scheduled are ticked (services.exports.BATCH_STATUSES).
_BATCH_STATUSES = (Status.APPROVED, Status.SCHEDULED, Status.PUBLISHED)
_BATCH_DEFAULT = frozenset({Status.APPROVED, Status.SCHEDULED})

TITLE_WIDTH_PX = 360  # a headline in the dialog or the progress is elided beyond this
FOLDER_FIELD_MIN_PX = 320  # room for a typical "Documents/..." path


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """What the user asked for: everything the runner needs besides the store."""

    selection: tuple[int, ...] | ArticleQuery
    fmt: ExportFormat
    folder: Path
    options: ExportOptions
    days: tuple[date, date] | None = None
    """A batch's first and last day (inclusive, in the office zone), for messages."""


FolderChooser = Callable[[QWidget | None, Path | None], Path | None]


def ask_export_folder(parent: QWidget | None, start: Path | None) -> Path | None:
    """The native folder picker; None when cancelled."""
    chosen = QFileDialog.getExistingDirectory(
        parent, translate("ExportUi", "Export to Folder"), str(start or "")
    )
    return Path(chosen) if chosen else None


def default_export_folder(settings: AppSettings) -> Path:
    if (remembered := settings.last_export_dir) is not None:
        return remembered
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents or Path.home())


def _to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _day_start(day: date, zone: tzinfo) -> datetime:
    """Local midnight of `day` in the office zone, as aware UTC."""
    return datetime(day.year, day.month, day.day, tzinfo=zone).astimezone(UTC)


def elided(widget: QWidget, text: str, width: int = TITLE_WIDTH_PX) -> str:
    """`text` cut with "…" to `width` pixels: a headline may be 500 characters long,
    and a dialog must not grow with it."""
    return widget.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, width)


def zone_name(zone: tzinfo) -> str | None:
    """The IANA name the exporters want (file names, datelines), None = the
    system's zone, which is what the window's zone is when it has no name."""
    key = getattr(zone, "key", None)
    return key if isinstance(key, str) else None


class ExportDialog(QDialog):
    """What to export (the selection, or a batch by planned date and status), in
    which format, into which folder, with which options.

    `ask()` shows it modally. Tests (and scripted callers) fill the widgets and
    call `accept()`, then read `request`."""

    def __init__(
        self,
        settings: AppSettings,
        zone: tzinfo,
        selected_ids: Sequence[int] = (),
        parent: QWidget | None = None,
        *,
        selected_title: str = "",
        today: date | None = None,
        choose_folder: FolderChooser = ask_export_folder,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(translate("ExportUi", "Export Articles"))
        self._settings = settings
        self._zone = zone
        self._selected = tuple(dict.fromkeys(selected_ids))
        self._choose_folder = choose_folder
        self.request: ExportRequest | None = None

        # --- what -------------------------------------------------------------------
        if len(self._selected) == 1 and selected_title:
            # A headline may be 500 characters long: the dialog must not grow with it.
            title = elided(self, selected_title)
            selected_text = translate("ExportUi", "The selected article: “{title}”").format(
                title=title
            )
        elif not self._selected:
            selected_text = translate("ExportUi", "Selected articles: none")
        else:
            selected_text = translate("ExportUi", "Selected articles: {count}").format(
                count=len(self._selected)
            )
        self.selected_radio = QRadioButton(selected_text, self)
        self.batch_radio = QRadioButton(
            translate("ExportUi", "Articles planned for the days"), self
        )
        what_group = QButtonGroup(self)
        what_group.addButton(self.selected_radio)
        what_group.addButton(self.batch_radio)

        first_day = QDate(today.year, today.month, today.day) if today else QDate.currentDate()
        date_format = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
        if "yyyy" not in date_format:  # "12/5/26": show the year in full, it is easy to misread
            date_format = date_format.replace("yy", "yyyy")
        self.date_from = QDateEdit(first_day, self)
        self.date_to = QDateEdit(first_day, self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            if QLocale().language() != QLocale.Language.C:
                edit.setDisplayFormat(date_format)
        self.date_from.dateChanged.connect(self._keep_range_ordered)
        self.status_boxes: dict[Status, QCheckBox] = {}
        for status in _BATCH_STATUSES:
            box = QCheckBox(status_label(status), self)
            box.setChecked(status in _BATCH_DEFAULT)
            self.status_boxes[status] = box

        dates = QHBoxLayout()
        dates.addWidget(QLabel(translate("ExportUi", "from"), self))
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel(translate("ExportUi", "to"), self))
        dates.addWidget(self.date_to)
        dates.addStretch(1)
        statuses = QHBoxLayout()
        statuses.addWidget(QLabel(translate("ExportUi", "with the status:"), self))
        for box in self.status_boxes.values():
            statuses.addWidget(box)
        statuses.addStretch(1)
        self._batch_widgets = QWidget(self)
        batch_layout = QVBoxLayout(self._batch_widgets)
        batch_layout.setContentsMargins(24, 0, 0, 0)  # indented under its radio button
        batch_layout.addLayout(dates)
        batch_layout.addLayout(statuses)

        what_box = QGroupBox(translate("ExportUi", "Articles"), self)
        what_layout = QVBoxLayout(what_box)
        what_layout.addWidget(self.selected_radio)
        what_layout.addWidget(self.batch_radio)
        what_layout.addWidget(self._batch_widgets)

        # --- format -----------------------------------------------------------------
        format_box = QGroupBox(translate("ExportUi", "Format"), self)
        format_layout = QVBoxLayout(format_box)
        self.format_buttons: dict[str, QRadioButton] = {}
        format_group = QButtonGroup(self)
        for value, text in _FORMAT_CHOICES.items():
            button = QRadioButton(translate("ExportUi", text), format_box)
            format_group.addButton(button)
            format_layout.addWidget(button)
            self.format_buttons[value] = button
        remembered = settings.last_export_format
        self.format_buttons.get(remembered, self.format_buttons["docx"]).setChecked(True)

        # --- where and how ----------------------------------------------------------
        self.folder_edit = QLineEdit(str(default_export_folder(settings)), self)
        self.folder_edit.setObjectName("exportFolder")
        self.browse_button = QPushButton(translate("ExportUi", "Choose…"), self)
        self.browse_button.clicked.connect(self.browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.browse_button)
        self.typography_check = QCheckBox(
            translate("ExportUi", "Russian typography: «quotes», dashes, no-break spaces"), self
        )
        self.typography_check.setChecked(settings.export_typography)
        self.signature_edit = QLineEdit(settings.export_signature, self)
        self.signature_edit.setPlaceholderText(translate("ExportUi", "No signature line"))
        # The office's letterhead: a .docx whose styles Word exports use (like
        # pandoc's --reference-doc). Empty = the template that ships with the app.
        template = settings.export_reference_docx
        self.template_edit = QLineEdit(str(template) if template else "", self)
        self.template_edit.setObjectName("exportTemplate")
        self.template_edit.setPlaceholderText(translate("ExportUi", "The built-in template"))
        self.template_button = QPushButton(translate("ExportUi", "Choose…"), self)
        self.template_button.clicked.connect(self.browse_template)
        template_row = QHBoxLayout()
        template_row.addWidget(self.template_edit, 1)
        template_row.addWidget(self.template_button)
        template_label = QLabel(translate("ExportUi", "Word &template:"), self)
        template_label.setBuddy(self.template_edit)

        # The label is made here: QFormLayout gives a label a buddy (and so its
        # Alt+F mnemonic) only when the field is a widget, not a row layout.
        folder_label = QLabel(translate("ExportUi", "&Folder:"), self)
        folder_label.setBuddy(self.folder_edit)
        self.folder_edit.setMinimumWidth(FOLDER_FIELD_MIN_PX)
        options = QFormLayout()
        options.addRow(folder_label, folder_row)
        options.addRow(translate("ExportUi", "&Signature line:"), self.signature_edit)
        options.addRow(template_label, template_row)
        options.addRow(self.typography_check)

        self.error_label = QLabel(self)
        self.error_label.setObjectName("exportDialogError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c0392b; font-weight: bold;")
        self.error_label.hide()

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.export_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.export_button.setText(translate("ExportUi", "Export"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(what_box)
        layout.addWidget(format_box)
        layout.addLayout(options)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

        self.batch_radio.toggled.connect(self._batch_widgets.setEnabled)
        if self._selected:
            self.selected_radio.setChecked(True)
            self._batch_widgets.setEnabled(False)
        else:  # nothing selected: a batch is the only thing to export
            self.selected_radio.setEnabled(False)
            self.batch_radio.setChecked(True)

    # --- user actions -----------------------------------------------------------------

    def browse(self) -> None:
        current = Path(self.folder_edit.text().strip() or default_export_folder(self._settings))
        chosen = self._choose_folder(self, current)
        if chosen is not None:
            self.folder_edit.setText(str(chosen))

    def browse_template(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            translate("ExportUi", "Choose the Office's Word Template"),
            self.template_edit.text().strip(),
            translate("ExportUi", "Word documents (*.docx)"),
        )
        if chosen:
            self.template_edit.setText(chosen)

    def set_format(self, fmt: str) -> None:
        self.format_buttons[str(fmt)].setChecked(True)

    def set_batch(self, first: date, last: date, statuses: Sequence[Status] | None = None) -> None:
        """Choose a batch by planned date (tests and callers that know the days)."""
        self.batch_radio.setChecked(True)
        self.date_from.setDate(QDate(first.year, first.month, first.day))
        self.date_to.setDate(QDate(last.year, last.month, last.day))
        if statuses is not None:
            for status, box in self.status_boxes.items():
                box.setChecked(status in statuses)

    def accept(self) -> None:
        request = self._build_request()
        if request is None:
            return  # the error label says why; the dialog stays open
        self.request = request
        self._remember(request)
        super().accept()

    def ask(self) -> ExportRequest | None:
        """Show modally; the request, or None when cancelled."""
        self.request = None
        return self.request if self.exec() == QDialog.DialogCode.Accepted else None

    # --- internals --------------------------------------------------------------------

    def _keep_range_ordered(self, start: QDate) -> None:
        # Moving the start past the end drags the end along: a one-day batch is
        # the common case, and an inverted range would only produce an error.
        if self.date_to.date() < start:
            self.date_to.setDate(start)

    def _chosen_format(self) -> str:
        for value, button in self.format_buttons.items():
            if button.isChecked():
                return value
        return "docx"

    def _fail(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def _build_request(self) -> ExportRequest | None:
        from editorial_desk.export.options import ExportFormat, ExportOptions

        selection: tuple[int, ...] | ArticleQuery
        days: tuple[date, date] | None = None
        if self.batch_radio.isChecked():
            first, last = _to_date(self.date_from.date()), _to_date(self.date_to.date())
            statuses = tuple(s for s, box in self.status_boxes.items() if box.isChecked())
            if last < first:
                self._fail(translate("ExportUi", "The last day is before the first day."))
                return None
            if not statuses:
                self._fail(translate("ExportUi", "Tick at least one status."))
                return None
            selection = ArticleQuery(
                date_from=_day_start(first, self._zone),
                date_to=_day_start(last + timedelta(days=1), self._zone),
                statuses=statuses,
            )
            days = (first, last)
        else:
            selection = self._selected
        folder_text = self.folder_edit.text().strip()
        folder = Path(folder_text).expanduser() if folder_text else None
        if folder is None or not folder.is_absolute():
            self._fail(translate("ExportUi", "Choose the folder to export to."))
            return None
        if folder.exists() and not folder.is_dir():
            self._fail(
                translate("ExportUi", "“{path}” is a file, not a folder.").format(path=folder)
            )
            return None
        template_text = self.template_edit.text().strip()
        template = Path(template_text).expanduser() if template_text else None
        if template is not None and not template.is_file():
            self._fail(
                translate("ExportUi", "The Word template “{path}” does not exist.").format(
                    path=template
                )
            )
            return None
        options = ExportOptions(
            typography=self.typography_check.isChecked(),
            signature=self.signature_edit.text().strip(),
            reference_docx=template,
            time_zone=zone_name(self._zone),
        )
        self.error_label.hide()
        return ExportRequest(selection, ExportFormat(self._chosen_format()), folder, options, days)

    def _remember(self, request: ExportRequest) -> None:
        self._settings.last_export_dir = request.folder
        self._settings.last_export_format = request.fmt.value
        self._settings.export_typography = request.options.typography
        self._settings.export_signature = request.options.signature
        self._settings.export_reference_docx = request.options.reference_docx
        self._settings.sync()
