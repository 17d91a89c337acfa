"""The status / rubric / author filter combos the article list and the calendar
both have, and what of them is remembered between runs (a small dict of
strings kept by `AppSettings`)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QComboBox

from editorial_desk.domain.calendar import CalendarFilter
from editorial_desk.domain.statuses import Status

ALL = ""  # the combo data meaning "no filter"
STATUS = "status"


def filter_state(combos: Mapping[str, QComboBox]) -> dict[str, str]:
    """{"status": ..., "rubric": ..., "author": ...}; ALL for "any"."""
    return {key: combo.currentData() or ALL for key, combo in combos.items()}


def restore_filter_state(combos: Mapping[str, QComboBox], state: Mapping[str, str]) -> None:
    """Select the remembered values without emitting changes. A rubric or author
    the combo has not loaded yet is added as an item; an unknown status (from an
    older or newer app) means "all"."""
    for key, combo in combos.items():
        value = state.get(key, ALL)
        if value and combo.findData(value) < 0 and key != STATUS:
            combo.addItem(value, value)
        combo.blockSignals(True)
        combo.setCurrentIndex(max(combo.findData(value), 0))
        combo.blockSignals(False)


def calendar_filter_of(state: Mapping[str, str]) -> CalendarFilter:
    """The calendar's remembered filters as a query (for exports made before the
    calendar was opened in this run). An unknown status means "all"."""
    try:
        statuses = frozenset({Status(state[STATUS])}) if state.get(STATUS) else frozenset()
    except ValueError:
        statuses = frozenset()
    return CalendarFilter(
        statuses=statuses,
        rubric=state.get("rubric") or None,
        author_login=state.get("author") or None,
    )
