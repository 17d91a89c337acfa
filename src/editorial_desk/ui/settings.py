"""The app's settings, in one place: a typed wrapper over QSettings.

Nothing else in the app calls QSettings directly. Tests pass their own instance
(an INI file in tmp), so no test touches the user's real settings."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QByteArray, QLocale, QSettings


class Language(StrEnum):
    SYSTEM = "system"
    RUSSIAN = "ru"
    ENGLISH = "en"


class CalendarView(StrEnum):
    MONTH = "month"
    WEEK = "week"
    AGENDA = "agenda"


class AppSettings:
    LANGUAGE_KEY = "ui/language"
    LIST_FILTER_KEY = "list/filter"
    EXPORT_DIR_KEY = "export/last_dir"
    EXPORT_FORMAT_KEY = "export/format"
    EXPORT_TYPOGRAPHY_KEY = "export/typography"
    EXPORT_SIGNATURE_KEY = "export/signature"
    EXPORT_TEMPLATE_KEY = "export/reference_docx"
    IMPORT_DIR_KEY = "import/last_dir"
    CALENDAR_FILTER_KEY = "calendar/filter"
    CALENDAR_VIEW_KEY = "calendar/view"

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._qs = qsettings or QSettings()

    @classmethod
    def in_file(cls, path: Path) -> AppSettings:
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    @property
    def language(self) -> Language:
        raw = str(self._qs.value(self.LANGUAGE_KEY, Language.SYSTEM.value))
        try:
            return Language(raw)
        except ValueError:
            return Language.SYSTEM

    @language.setter
    def language(self, value: Language) -> None:
        self._qs.setValue(self.LANGUAGE_KEY, value.value)
        self._qs.sync()

    def ui_locale(self) -> QLocale:
        """The locale the interface speaks and formats dates/numbers in."""
        match self.language:
            case Language.RUSSIAN:
                return QLocale(QLocale.Language.Russian, QLocale.Country.Russia)
            case Language.ENGLISH:
                return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
            case _:
                return QLocale.system()

    # --- the article list's filters (a small JSON object) -------------------------

    @property
    def list_filter(self) -> dict[str, str]:
        return self._json_dict(self.LIST_FILTER_KEY)

    @list_filter.setter
    def list_filter(self, value: dict[str, str]) -> None:
        self._set_json_dict(self.LIST_FILTER_KEY, value)

    def _json_dict(self, key: str) -> dict[str, str]:
        """A small JSON object of strings; anything unreadable counts as empty."""
        raw = self._qs.value(key, "")
        try:
            data = json.loads(str(raw)) if raw else {}
        except ValueError:
            return {}
        if not isinstance(data, dict):
            return {}
        return {str(k): str(v) for k, v in data.items() if isinstance(v, str)}

    def _set_json_dict(self, key: str, value: dict[str, str]) -> None:
        self._qs.setValue(key, json.dumps(value, ensure_ascii=False))

    # --- export and import: what the dialogs remember between uses ---------------

    @property
    def last_export_dir(self) -> Path | None:
        return self._path(self.EXPORT_DIR_KEY)

    @last_export_dir.setter
    def last_export_dir(self, value: Path | None) -> None:
        self._qs.setValue(self.EXPORT_DIR_KEY, str(value) if value else "")

    @property
    def last_import_dir(self) -> Path | None:
        return self._path(self.IMPORT_DIR_KEY)

    @last_import_dir.setter
    def last_import_dir(self, value: Path | None) -> None:
        self._qs.setValue(self.IMPORT_DIR_KEY, str(value) if value else "")

    @property
    def last_export_format(self) -> str:
        """An ExportFormat value ("docx", "html", ...); "" before the first export.
        Kept as text so the settings do not import the exporters."""
        return str(self._qs.value(self.EXPORT_FORMAT_KEY, "") or "")

    @last_export_format.setter
    def last_export_format(self, value: str) -> None:
        self._qs.setValue(self.EXPORT_FORMAT_KEY, value)

    @property
    def export_typography(self) -> bool:
        # An INI file gives back "true"/"false" strings, the registry real booleans.
        raw = self._qs.value(self.EXPORT_TYPOGRAPHY_KEY, True)
        if isinstance(raw, str):
            return raw.strip().lower() not in ("false", "0", "no", "off")
        return bool(raw)

    @export_typography.setter
    def export_typography(self, value: bool) -> None:
        self._qs.setValue(self.EXPORT_TYPOGRAPHY_KEY, bool(value))

    @property
    def export_signature(self) -> str:
        return str(self._qs.value(self.EXPORT_SIGNATURE_KEY, "") or "")

    @export_signature.setter
    def export_signature(self, value: str) -> None:
        self._qs.setValue(self.EXPORT_SIGNATURE_KEY, value)

    @property
    def export_reference_docx(self) -> Path | None:
        """The office's own Word template (letterhead, styles); None = the built-in one."""
        return self._path(self.EXPORT_TEMPLATE_KEY)

    @export_reference_docx.setter
    def export_reference_docx(self, value: Path | None) -> None:
        self._qs.setValue(self.EXPORT_TEMPLATE_KEY, str(value) if value else "")

    # --- open article tabs ------------------------------------------------------------

    @property
    def open_articles(self) -> list[int]:
        """The ids of the articles open in tabs at the last close, in tab order."""
        raw = str(self._qs.value("tabs/open", "") or "")
        return [int(part) for part in raw.split(",") if part.strip().isdigit()]

    @open_articles.setter
    def open_articles(self, ids: list[int]) -> None:
        self._qs.setValue("tabs/open", ",".join(str(article_id) for article_id in ids))

    @property
    def current_article(self) -> int | None:
        raw = str(self._qs.value("tabs/current", "") or "")
        return int(raw) if raw.isdigit() else None

    @current_article.setter
    def current_article(self, article_id: int | None) -> None:
        self._qs.setValue("tabs/current", "" if article_id is None else str(article_id))

    @property
    def calendar_shown(self) -> bool:
        """Was the calendar (not the articles) on screen when the app last closed?"""
        return str(self._qs.value("view/calendar", "false")).lower() == "true"

    @calendar_shown.setter
    def calendar_shown(self, shown: bool) -> None:
        self._qs.setValue("view/calendar", "true" if shown else "false")

    def _path(self, key: str) -> Path | None:
        raw = str(self._qs.value(key, "") or "")
        return Path(raw) if raw else None

    # --- the calendar: its filters and which view (month / week / agenda) -----------

    @property
    def calendar_filter(self) -> dict[str, str]:
        """{"status": ..., "rubric": ..., "author": ...}; "" or missing = any."""
        return self._json_dict(self.CALENDAR_FILTER_KEY)

    @calendar_filter.setter
    def calendar_filter(self, value: dict[str, str]) -> None:
        self._set_json_dict(self.CALENDAR_FILTER_KEY, value)

    @property
    def calendar_view(self) -> CalendarView:
        raw = str(self._qs.value(self.CALENDAR_VIEW_KEY, CalendarView.MONTH.value) or "")
        try:
            return CalendarView(raw)
        except ValueError:
            return CalendarView.MONTH

    @calendar_view.setter
    def calendar_view(self, value: CalendarView) -> None:
        self._qs.setValue(self.CALENDAR_VIEW_KEY, value.value)

    # --- window layout (Qt's own opaque state blobs) ---------------------------------

    def layout_state(self, name: str) -> QByteArray | None:
        value = self._qs.value(f"layout/{name}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_layout_state(self, name: str, state: QByteArray) -> None:
        self._qs.setValue(f"layout/{name}", state)

    def sync(self) -> None:
        self._qs.sync()
