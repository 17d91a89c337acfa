"""The office time zone dialog: the system zone first, Russia's zones next with
their offsets and cities, every other IANA zone after, a filter, and the chosen
name (None for the system zone)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import available_timezones

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from editorial_desk.ui.office_zone_dialog import (
    IS_HEADING_ROLE,
    RUSSIAN_ZONES,
    ZONE_NAME_ROLE,
    OfficeZoneDialog,
    offered_zone_names,
    utc_offset_text,
    zone_text,
)

SUMMER = datetime(2026, 7, 1, 12, tzinfo=UTC)
WINTER = datetime(2026, 1, 15, 12, tzinfo=UTC)


class DictTranslator(QTranslator):
    """A translator from a dict: enough to see the dialog use its translations."""

    def __init__(self, texts: dict[tuple[str, str], str]):
        super().__init__()
        self._texts = texts

    def translate(self, context, source, disambiguation=None, n=-1):
        return self._texts.get((context, source), "")

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def cities(qapp):
    translator = DictTranslator(
        {
            ("OfficeZoneDialog", "Vladivostok"): "Владивосток",
            ("OfficeZoneDialog", "Petropavlovsk-Kamchatsky"): "Петропавловск-Камчатский",
            ("OfficeZoneDialog", "Moscow"): "Москва",
        }
    )
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


@pytest.fixture
def dialog(qtbot):
    widget = OfficeZoneDialog("Asia/Vladivostok")
    qtbot.addWidget(widget)
    return widget


def visible_names(dialog: OfficeZoneDialog) -> list[str | None]:
    names = []
    for row in range(dialog.proxy.rowCount()):
        index = dialog.proxy.index(row, 0)
        if not index.data(IS_HEADING_ROLE):
            name = index.data(ZONE_NAME_ROLE)
            names.append(None if name == "__system__" else name)
    return names


def ok_button(dialog: OfficeZoneDialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_offsets_read_like_utc_plus_or_minus():
    assert utc_offset_text(timedelta(hours=10)) == "UTC+10"
    assert utc_offset_text(timedelta(hours=5, minutes=30)) == "UTC+05:30"
    assert utc_offset_text(timedelta(hours=-3)) == "UTC−03"
    assert utc_offset_text(timedelta(0)) == "UTC+00"


def test_russian_zones_show_offset_name_and_russian_city(cities):
    assert zone_text("Asia/Vladivostok", WINTER) == "UTC+10 — Asia/Vladivostok (Владивосток)"
    assert zone_text("Europe/Moscow", SUMMER) == "UTC+03 — Europe/Moscow (Москва)"
    assert (
        zone_text("Asia/Kamchatka", WINTER) == "UTC+12 — Asia/Kamchatka (Петропавловск-Камчатский)"
    )
    # other zones: no city, the offset of the moment (DST counts)
    assert zone_text("Europe/Berlin", WINTER) == "UTC+01 — Europe/Berlin"
    assert zone_text("Europe/Berlin", SUMMER) == "UTC+02 — Europe/Berlin"


def test_in_english_the_city_is_not_repeated(qapp):
    assert zone_text("Asia/Vladivostok", WINTER) == "UTC+10 — Asia/Vladivostok"
    assert zone_text("Asia/Kamchatka", WINTER).endswith("(Petropavlovsk-Kamchatsky)")


def test_system_first_then_russia_west_to_east_then_all_other_zones(dialog):
    names = visible_names(dialog)
    assert names[0] is None
    assert names[1 : 1 + len(RUSSIAN_ZONES)] == list(RUSSIAN_ZONES)
    rest = names[1 + len(RUSSIAN_ZONES) :]
    assert rest == sorted(rest)
    assert {"Europe/Berlin", "America/New_York", "UTC", "Europe/Volgograd"} <= set(rest)
    assert not set(rest) & set(RUSSIAN_ZONES)
    assert "posixrules" not in rest and "Etc/GMT+3" not in rest
    # every real zone is offered
    hidden = ("Etc/", "SystemV/", "posix/", "right/")
    real = {n for n in available_timezones() if "/" in n and not n.startswith(hidden)}
    assert real <= set(names)
    assert offered_zone_names() == rest


def test_the_current_zone_is_preselected(dialog, qtbot):
    assert dialog.selected_name() == "Asia/Vladivostok"
    system = OfficeZoneDialog(None)
    qtbot.addWidget(system)
    assert system.selected_name() is None and system.has_choice()
    unknown = OfficeZoneDialog("Mars/Olympus_Mons")
    qtbot.addWidget(unknown)
    assert unknown.selected_name() is None


def test_filter_by_name_city_or_offset(dialog, qtbot, type_text):
    type_text(dialog.filter_edit, "vladi")
    assert visible_names(dialog) == ["Asia/Vladivostok"]
    dialog.filter_edit.clear()
    type_text(dialog.filter_edit, "kamchatsky")
    assert visible_names(dialog) == ["Asia/Kamchatka"]
    dialog.filter_edit.clear()
    type_text(dialog.filter_edit, "+10 asia")
    names = visible_names(dialog)
    assert "Asia/Vladivostok" in names
    assert all(name.startswith("Asia/") for name in names)
    # with the filter cleared, the headings come back and the choice stays
    dialog.filter_edit.clear()
    assert dialog.selected_name() == "Asia/Vladivostok"
    assert any(
        dialog.proxy.index(row, 0).data(IS_HEADING_ROLE) for row in range(dialog.proxy.rowCount())
    )


def test_filter_by_russian_city(cities, qtbot, type_text):
    dialog = OfficeZoneDialog(None)
    qtbot.addWidget(dialog)
    type_text(dialog.filter_edit, "влади")
    assert visible_names(dialog) == ["Asia/Vladivostok"]
    assert dialog.selected_name() == "Asia/Vladivostok"  # the only match is the choice


def test_nothing_matching_disables_ok(dialog, type_text):
    assert ok_button(dialog).isEnabled()
    type_text(dialog.filter_edit, "atlantis")
    assert visible_names(dialog) == []
    assert not ok_button(dialog).isEnabled()
    assert dialog.selected_name() is None and not dialog.has_choice()


def test_choosing_with_the_mouse_and_enter(dialog, qtbot, type_text):
    type_text(dialog.filter_edit, "Europe/Moscow")
    assert dialog.selected_name() == "Europe/Moscow"
    qtbot.keyClick(dialog.filter_edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    again = OfficeZoneDialog(None)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    index = next(
        again.proxy.index(row, 0)
        for row in range(again.proxy.rowCount())
        if again.proxy.index(row, 0).data(ZONE_NAME_ROLE) == "Asia/Omsk"
    )
    again.list_view.scrollTo(index)
    rect = again.list_view.visualRect(index)
    qtbot.mouseClick(again.list_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert again.selected_name() == "Asia/Omsk"
    qtbot.mouseDClick(again.list_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert again.result() == QDialog.DialogCode.Accepted


def test_headings_cannot_be_chosen(dialog):
    heading = next(
        dialog.proxy.index(row, 0)
        for row in range(dialog.proxy.rowCount())
        if dialog.proxy.index(row, 0).data(IS_HEADING_ROLE)
    )
    assert not dialog.proxy.flags(heading) & Qt.ItemFlag.ItemIsSelectable
