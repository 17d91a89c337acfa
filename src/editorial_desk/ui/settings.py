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


class AppSettings:
    LANGUAGE_KEY = "ui/language"
    LIST_FILTER_KEY = "list/filter"

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
        raw = self._qs.value(self.LIST_FILTER_KEY, "")
        try:
            data = json.loads(str(raw)) if raw else {}
        except ValueError:
            return {}
        if not isinstance(data, dict):
            return {}
        return {str(k): str(v) for k, v in data.items() if isinstance(v, str)}

    @list_filter.setter
    def list_filter(self, value: dict[str, str]) -> None:
        self._qs.setValue(self.LIST_FILTER_KEY, json.dumps(value, ensure_ascii=False))

    # --- window layout (Qt's own opaque state blobs) ---------------------------------

    def layout_state(self, name: str) -> QByteArray | None:
        value = self._qs.value(f"layout/{name}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_layout_state(self, name: str, state: QByteArray) -> None:
        self._qs.setValue(f"layout/{name}", state)

    def sync(self) -> None:
        self._qs.sync()
