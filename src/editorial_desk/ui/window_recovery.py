"""The main window's crash recovery: unsaved work left in the journal by a crash
or a kill comes back, each piece in its own tab, as unsaved changes."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from editorial_desk.domain.errors import EditorialError, NotFoundError
from editorial_desk.ui.dialogs import show_error

if TYPE_CHECKING:  # the journal (and the store package) load after the first paint
    from editorial_desk.store.recovery import RecoveryEntry
    from editorial_desk.ui.recovery_dialog import RecoveryChoice

translate = QCoreApplication.translate


class RecoveryMixin:
    """`MainWindow`'s crash recovery. Uses the window's `_journal`,
    `_journal_session`, `_ops`, `_zone` and its tab methods (`tab_of`, `_add_tab`,
    `_rekey`, `_pin`, `_show_tab`, `_update_tab_label`, `_show_status`).
    `ask_recovery` is the one question asked; tests replace it on the instance."""

    def offer_recovery(self) -> None:
        """Unsaved work left in the journal by a crash or a kill: offer to bring
        every piece back, each into its own tab (as unsaved changes)."""
        from editorial_desk.ui.recovery_dialog import apply_choice

        if self._journal is None or self._journal_session is None or self._ops is None:
            return
        try:
            entries = self._journal_session.orphaned(self._journal.entries())
        except OSError as error:
            self._show_status(str(error))
            return
        if not entries:
            return
        choice = self.ask_recovery(entries)
        restored = 0
        for entry in apply_choice(choice, self._journal, entries):
            restored += self._restore_entry(entry)
        if restored:
            self._show_status(
                translate(
                    "MainWindow", "Unsaved changes restored: {count}. Save them to keep them."
                ).format(count=restored)
            )

    def ask_recovery(self, entries: list[RecoveryEntry]) -> RecoveryChoice:
        from editorial_desk.ui.recovery_dialog import RecoveryDialog

        dialog = RecoveryDialog(entries, self._zone, self)
        try:
            return dialog.ask()
        finally:
            dialog.deleteLater()

    def _restore_entry(self, entry: RecoveryEntry) -> bool:
        """Fill a tab from one journal entry. The entry stays in the journal (the
        tab's autosave owns it now) until the user saves or discards."""
        assert self._ops is not None
        article = None
        if entry.article_id is not None:
            try:
                article = self._ops.get(entry.article_id)
            except NotFoundError:  # deleted since: keep the text as a new article
                entry = replace(entry, article_id=None, base_version=None)
            except EditorialError as error:
                show_error(self, error)
                return False
        tab = self.tab_of(entry.article_id) if entry.article_id is not None else None
        if tab is None:
            tab = self._add_tab(pinned=True)
        try:
            images = self._ops.body_images(entry.body)
        except EditorialError:
            images = {}
        tab.form.restore_from(entry, article, images)
        self._rekey(tab, entry.key)
        self._pin(tab)
        self._show_tab(tab)
        self._update_tab_label(tab)
        return True
