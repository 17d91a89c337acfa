"""One open article in the main window's tabs: its form, its edit lock and the
banner that says who else edits it.

Each tab holds its own lock (and heartbeat), so an editor with three articles
open keeps all three reserved, and closing a tab gives exactly that lock back.
The tab knows nothing about the database; the main window drives it."""

from __future__ import annotations

from datetime import tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QVBoxLayout, QWidget

from editorial_desk.ui.article_form import ArticleForm
from editorial_desk.ui.review.lock_banner import ArticleLock, LockBanner

if TYPE_CHECKING:
    from editorial_desk.ui.autosave import AutosaveController

translate = QCoreApplication.translate

UNSAVED_MARK = "*"
TAB_TITLE_CHARS = 28  # longer headlines are elided in the tab, shown whole in its tooltip


class ArticleTab(QWidget):
    def __init__(self, zone: tzinfo, parent: QWidget | None = None, *, load_icons: bool) -> None:
        super().__init__(parent)
        self.setObjectName("articleTab")
        self.form = ArticleForm(zone, self, load_icons=load_icons)
        self.lock = ArticleLock(self)
        self.banner = LockBanner(zone, self)
        self.banner.bind(self.lock)
        # A preview tab shows what was clicked in the list and is reused by the
        # next click; typing in it, or opening it on purpose, makes it stay.
        self.pinned = False
        # Set once the store is open: keeps the recovery journal in step with the form.
        self.autosave: AutosaveController | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.form, 1)

    def article_id(self) -> int | None:
        return self.form.article_id()

    def reusable(self) -> bool:
        """May the next article clicked in the list replace this one?"""
        return not self.pinned and not self.form.is_modified()

    def set_zone(self, zone: tzinfo) -> None:
        self.form.set_zone(zone)
        self.banner.set_zone(zone)

    def tab_text(self) -> str:
        title = self.form.display_title()
        if len(title) > TAB_TITLE_CHARS:
            title = title[: TAB_TITLE_CHARS - 1].rstrip() + "…"
        return title + (UNSAVED_MARK if self.form.is_modified() else "")

    def tab_tooltip(self) -> str:
        title = self.form.display_title()
        if self.form.is_modified():
            return translate("ArticleTab", "{title} — unsaved changes").format(title=title)
        return title
