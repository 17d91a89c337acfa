"""Settings → Office Time Zone: the zone in which the calendar, the lists and the
exports put items on their days.

The list starts with «the system's zone» (each PC's own, the default), then the
zones of Russia from west to east, named with their city, then every other IANA
zone the zone database knows. Each shows its current UTC offset. A filter line
narrows the list by zone name, city or offset («влад», "+10")."""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, available_timezones

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from editorial_desk.domain.article import text_search_key

translate = QCoreApplication.translate
TR_CONTEXT = "OfficeZoneDialog"

ZONE_NAME_ROLE = Qt.ItemDataRole.UserRole + 1  # the IANA name; None for the system zone
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2  # what the filter matches against
IS_HEADING_ROLE = Qt.ItemDataRole.UserRole + 3
_SYSTEM = "__system__"  # ZONE_NAME_ROLE of the system row (None is "no data" in Qt)

# Russia's zones west to east, each with the city it is named after (or the
# region's main city: Asia/Kamchatka is Petropavlovsk-Kamchatsky).
RUSSIAN_ZONES: dict[str, str] = {
    "Europe/Kaliningrad": QT_TRANSLATE_NOOP("OfficeZoneDialog", "Kaliningrad"),
    "Europe/Moscow": QT_TRANSLATE_NOOP("OfficeZoneDialog", "Moscow"),
    "Europe/Samara": QT_TRANSLATE_NOOP("OfficeZoneDialog", "Samara"),
    "Asia/Yekaterinburg": QT_TRANSLATE_NOOP("OfficeZoneDialog", "Yekaterinburg"),
    "Asia/Omsk": QT_TRANSLATE_NOOP("OfficeZoneDialog", "Omsk"),
    "Asia/Novosibirsk": QT_TRANSLATE_NOOP("OfficeZoneDialog", "Novosibirsk"),
    "Asia/Krasnoyarsk": QT_TRANSLATE_NOOP("OfficeZoneDialog", "Krasnoyarsk"),
    "Asia/Irkutsk": QT_TRANSLATE_NOOP("OfficeZoneDialog", "Irkutsk"),
    "Asia/Yakutsk": QT_TRANSLATE_NOOP("OfficeZoneDialog", "Yakutsk"),
    "Asia/Vladivostok": QT_TRANSLATE_NOOP("OfficeZoneDialog", "Vladivostok"),
    "Asia/Magadan": QT_TRANSLATE_NOOP("OfficeZoneDialog", "Magadan"),
    "Asia/Kamchatka": QT_TRANSLATE_NOOP("OfficeZoneDialog", "Petropavlovsk-Kamchatsky"),
}

# Not offered: the zone database's aliases and oddities (POSIX-style names, the
# "Etc/GMT+3" zones whose sign is the reverse of what they read as).
_HIDDEN_PREFIXES = ("Etc/", "SystemV/", "posix/", "right/")


def offered_zone_names() -> list[str]:
    """Every IANA zone the list offers besides Russia's, sorted."""
    names = {
        name
        for name in available_timezones()
        if "/" in name and not name.startswith(_HIDDEN_PREFIXES)
    }
    names.add("UTC")
    names.difference_update(RUSSIAN_ZONES)
    return sorted(names)


def utc_offset_text(offset: timedelta | None) -> str:
    """«UTC+10», «UTC+05:30», «UTC−03» (a real minus sign)."""
    if offset is None:
        return "UTC"
    minutes = round(offset.total_seconds() / 60)
    sign = "+" if minutes >= 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}" + (f":{rest:02d}" if rest else "")


def system_zone_name() -> str | None:
    """The IANA name of this computer's zone when it can be told (TZ, the
    /etc/localtime link, /etc/timezone); None otherwise (e.g. on Windows)."""
    env = os.environ.get("TZ", "").lstrip(":")
    if env and "/" in env and not env.startswith("/"):
        return env
    try:
        target = str(Path("/etc/localtime").resolve())
    except OSError:
        target = ""
    if "zoneinfo/" in target:
        return target.split("zoneinfo/", 1)[1]
    try:
        name = Path("/etc/timezone").read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return name or None


def system_zone_text(now: datetime | None = None) -> str:
    """«System time zone (UTC+03, Europe/Moscow)»."""
    moment = now if now is not None else datetime.now(UTC)
    offset = utc_offset_text(moment.astimezone().utcoffset())
    name = system_zone_name() or time.tzname[0]
    detail = f"{offset}, {name}" if name and name != offset else offset
    return translate("OfficeZoneDialog", "System time zone ({zone})").format(zone=detail)


def zone_text(name: str, now: datetime | None = None) -> str:
    """«UTC+10 — Asia/Vladivostok (Владивосток)»; the city only for Russia's
    zones, and only when it says more than the zone's own name."""
    moment = now if now is not None else datetime.now(UTC)
    offset = utc_offset_text(moment.astimezone(ZoneInfo(name)).utcoffset())
    text = f"{offset} — {name}"
    source = RUSSIAN_ZONES.get(name)
    if source:
        city = translate(TR_CONTEXT, source)
        if city.replace(" ", "_") != name.rsplit("/", 1)[-1]:
            text += f" ({city})"
    return text


class _ZoneFilter(QSortFilterProxyModel):
    """Rows whose search text has every word typed; headings only unfiltered."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text_search_key(text.replace("−", "-")).split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Any) -> bool:
        index = self.sourceModel().index(source_row, 0, source_parent)
        if index.data(IS_HEADING_ROLE):
            return not self._words
        haystack = index.data(SEARCH_ROLE) or ""
        return all(word in haystack for word in self._words)


class OfficeZoneDialog(QDialog):
    """Choose the office's time zone; `selected_name()` is an IANA name, or None
    for each computer's own system zone."""

    def __init__(self, current_name: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("officeZoneDialog")
        self.setWindowTitle(translate("OfficeZoneDialog", "Office Time Zone"))
        now = datetime.now(UTC)

        self.source_model = QStandardItemModel(self)
        self._add_row(system_zone_text(now), None)
        self._add_heading(translate("OfficeZoneDialog", "Main time zones of Russia"))
        for name in RUSSIAN_ZONES:
            self._add_row(zone_text(name, now), name, extra=RUSSIAN_ZONES[name])
        self._add_heading(translate("OfficeZoneDialog", "Other time zones"))
        for name in offered_zone_names():
            self._add_row(zone_text(name, now), name)

        self.proxy = _ZoneFilter(self)
        self.proxy.setSourceModel(self.source_model)

        note = QLabel(
            translate(
                "OfficeZoneDialog",
                "The calendar, the article list and the exports put every item on its "
                "day in this zone, on every computer of the office.",
            ),
            self,
        )
        note.setWordWrap(True)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("officeZoneFilter")
        self.filter_edit.setPlaceholderText(translate("OfficeZoneDialog", "Find a zone or a city…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.list_view = QListView(self)
        self.list_view.setObjectName("officeZoneList")
        self.list_view.setModel(self.proxy)
        self.list_view.setUniformItemSizes(True)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setMinimumHeight(320)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.list_view, 1)
        layout.addWidget(self.buttons)
        self.resize(520, 560)

        self.filter_edit.textChanged.connect(self._filter)
        self.filter_edit.returnPressed.connect(self._accept_if_chosen)
        self.list_view.selectionModel().currentChanged.connect(self._update_ok)
        self.list_view.doubleClicked.connect(self._accept_if_chosen)
        self.select_name(current_name)
        self.filter_edit.setFocus()

    # --- building ---------------------------------------------------------------------

    def _add_row(self, text: str, name: str | None, extra: str = "") -> None:
        item = QStandardItem(text)
        item.setEditable(False)
        item.setData(_SYSTEM if name is None else name, ZONE_NAME_ROLE)
        city = translate(TR_CONTEXT, extra) if extra else ""
        ascii_offset = text.split(" ", 1)[0].replace("−", "-")
        item.setData(text_search_key(f"{text} {extra} {city} {ascii_offset}"), SEARCH_ROLE)
        self.source_model.appendRow(item)

    def _add_heading(self, text: str) -> None:
        item = QStandardItem(text)
        item.setEditable(False)
        item.setSelectable(False)
        item.setData(True, IS_HEADING_ROLE)
        font = QFont()
        font.setBold(True)
        item.setFont(font)
        self.source_model.appendRow(item)

    # --- API --------------------------------------------------------------------------

    def selected_name(self) -> str | None:
        """The chosen IANA name; None for the system zone (or nothing chosen)."""
        name = self.list_view.currentIndex().data(ZONE_NAME_ROLE)
        return None if name in (None, _SYSTEM) else str(name)

    def has_choice(self) -> bool:
        return self.list_view.currentIndex().data(ZONE_NAME_ROLE) is not None

    def select_name(self, name: str | None) -> bool:
        """Make `name` (None: the system zone) the current row; an unknown name
        selects the system zone and returns False."""
        wanted = name or _SYSTEM
        found = self._find(wanted)
        if found is None:
            found = self._find(_SYSTEM)
        if found is None:  # filtered out
            return False
        self._set_current(found)
        return found.data(ZONE_NAME_ROLE) == wanted

    def choose(self) -> tuple[bool, str | None]:
        """Show modally: (accepted, the chosen name or None for the system zone)."""
        accepted = self.exec() == QDialog.DialogCode.Accepted
        return accepted, self.selected_name() if accepted else None

    # --- behaviour ----------------------------------------------------------------------

    def _find(self, wanted: str) -> QModelIndex | None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ZONE_NAME_ROLE) == wanted:
                return index
        return None

    def _set_current(self, index: QModelIndex | QPersistentModelIndex) -> None:
        self.list_view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.list_view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self._update_ok()

    def _filter(self, text: str) -> None:
        before = self.list_view.currentIndex().data(ZONE_NAME_ROLE)
        self.proxy.set_text(text)
        kept = self._find(before) if before is not None else None
        if kept is not None:
            self._set_current(kept)
            return
        # the chosen row was filtered out: the first match becomes the choice
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ZONE_NAME_ROLE) is not None:
                self._set_current(index)
                return
        self.list_view.selectionModel().clearCurrentIndex()
        self.list_view.clearSelection()
        self._update_ok()

    def _update_ok(self, *_args: object) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.has_choice())

    def _accept_if_chosen(self, *_args: object) -> None:
        if self.has_choice():
            self.accept()
