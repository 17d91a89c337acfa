"""User roles. Stored as stable identifiers; display names are translated in the UI."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    EDITOR = "editor"
    REVIEWER = "reviewer"
    EXPORTER = "exporter"
    ADMIN = "admin"
