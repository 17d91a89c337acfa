"""The main window's office time zone: choosing it (admins) and showing every
date in it from then on."""

from __future__ import annotations

import os
from datetime import tzinfo

from PySide6.QtCore import QCoreApplication

from editorial_desk.domain.errors import EditorialError
from editorial_desk.domain.timeutil import ZONE_ENV_VAR
from editorial_desk.ui.dialogs import show_error

translate = QCoreApplication.translate


class OfficeZoneMixin:
    """`MainWindow`'s time zone. Uses the window's `_ops`, `_review_ops`, `_zone`,
    `model`, `calendar`, `comments_panel`, `history_panel`, `queues_panel`,
    `open_tabs()`, `current_tab()` and `_show_status()`."""

    def choose_office_zone(self) -> None:
        """Settings → Office Time Zone (admins): stored for the whole office; every
        view shows dates in it from now on."""
        if self._ops is None:
            return
        from editorial_desk.ui.office_zone_dialog import OfficeZoneDialog

        try:
            current = self._ops.office_zone_name()
        except EditorialError as error:
            show_error(self, error)
            return
        dialog = OfficeZoneDialog(current, self)
        try:
            accepted, name = dialog.choose()
        finally:
            dialog.deleteLater()
        if not accepted or name == current:
            return
        try:
            zone = self._ops.set_office_zone(name, os.environ.get(ZONE_ENV_VAR))
        except EditorialError as error:
            show_error(self, error)
            return
        self.apply_zone(zone)

    def apply_zone(self, zone: tzinfo) -> None:
        """Show every date in `zone` from now on (the office's zone changed)."""
        assert self._ops is not None
        self._zone = zone
        self._ops.set_zone(zone)
        self.model.set_zone(zone)
        for tab in self.open_tabs():
            tab.set_zone(zone)
        if self._review_ops is not None:
            self._review_ops.set_zone(zone)
            for part in (self.comments_panel, self.history_panel, self.queues_panel):
                part.attach(self._review_ops)
            if (tab := self.current_tab()) is not None:
                self.comments_panel.set_article(tab.form.article())
                self.history_panel.set_article(tab.form.article())
        if self.calendar is not None:
            self.calendar.set_zone(zone)
        self._show_status(
            translate("MainWindow", "Dates are now shown in the office's time zone: {zone}").format(
                zone=getattr(zone, "key", None) or translate("MainWindow", "the system's zone")
            )
        )
