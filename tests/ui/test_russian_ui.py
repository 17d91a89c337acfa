"""The interface in Russian: every menu, action, toolbar button, label, dialog and
message is translated, Qt's own strings too, and dates read the Russian way."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from editorial_desk.domain import errors
from editorial_desk.domain.article import ArticleSnapshot
from editorial_desk.domain.statuses import Status
from editorial_desk.ui.app import build_main_window, install_translators
from editorial_desk.ui.conflict_dialog import ConflictDialog
from editorial_desk.ui.dialogs import ask_unsaved_changes, show_about
from editorial_desk.ui.error_messages import message_for, unexpected_error_message
from editorial_desk.ui.labels import format_local_long, status_label
from editorial_desk.ui.language_dialog import LanguageDialog
from editorial_desk.ui.settings import AppSettings, Language

MOSCOW = ZoneInfo("Europe/Moscow")
RUSSIAN = QLocale(QLocale.Language.Russian, QLocale.Country.Russia)

# Proper names and format names that stay as they are in a Russian interface, and
# "OK", which Qt's own Russian translation (qtbase_ru) keeps as is.
# Key names in shortcut hints («Полужирный (Ctrl+B)») stay Latin, as on the keyboard.
ALLOWED_LATIN = (
    "Editorial Desk",
    "DOCX",
    "HTML",
    "PDF",
    "SQLite",
    "PostgreSQL",
    "OK",
    "iCalendar",
    ".ics",
    "Outlook",
)
# what is printed on the keys
KEY_NAMES = re.compile(r"\b(?:Ctrl|Shift|Alt|Esc|Tab|Page Up|Page Down|Home|Enter)\b")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


@pytest.fixture
def russian(qapp):
    previous = QLocale()
    QLocale.setDefault(RUSSIAN)
    translators = install_translators(qapp, RUSSIAN)
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(previous)


def untranslated(text: str, *dynamic: str) -> list[str]:
    text = re.sub(r"<[^>]+>", " ", text)  # rich-text markup is not user text
    text = KEY_NAMES.sub(" ", text)
    for allowed in (*ALLOWED_LATIN, *dynamic):
        text = text.replace(allowed, " ")
    return LATIN_WORD.findall(text)


def widget_texts(root: QWidget) -> list[str]:
    texts = [root.windowTitle()]
    for label in root.findChildren(QLabel):
        texts.append(label.text())
    for button in root.findChildren(QAbstractButton):
        texts += [button.text(), button.toolTip()]
    for edit in root.findChildren(QLineEdit):
        texts.append(edit.placeholderText())
    for edit in [*root.findChildren(QPlainTextEdit), *root.findChildren(QTextEdit)]:
        texts.append(edit.placeholderText())
    for box in root.findChildren(QGroupBox):
        texts.append(box.title())
    for tabs in root.findChildren(QTabWidget):
        texts += [tabs.tabText(i) for i in range(tabs.count())]
    return [t for t in texts if t]


def _snapshot(version: int, body: str) -> ArticleSnapshot:
    when = datetime(2026, 11, 27, 11, 30, tzinfo=UTC)
    return ArticleSnapshot(
        id=1,
        version=version,
        title="Сквер",
        lead="",
        body=body,
        rubric="Город",
        tags=(),
        status=Status.DRAFT,
        author_login="editor1",
        author_name="Анна",
        planned_at=None,
        created_at=when,
        updated_at=when,
        word_count=1,
    )


def test_every_visible_string_of_the_main_window_is_russian(
    russian, qtbot, store, actor, db_path, tmp_path
):
    window = build_main_window(
        store, actor, MOSCOW, settings=AppSettings.in_file(tmp_path / "s.ini")
    )
    qtbot.addWidget(window)
    window.show()
    window.new_article()  # the form, not the placeholder
    window.show_calendar()  # and the calendar (its toolbar, views and tray)
    assert window.calendar is not None

    dynamic = (actor.login, actor.display_name, str(db_path))
    found: dict[str, list[str]] = {}

    def check(where: str, text: str) -> None:
        if bad := untranslated(text, *dynamic):
            found[f"{where}: {text!r}"] = bad

    for menu_action in window.menuBar().actions():
        check("menu", menu_action.text())
        for action in menu_action.menu().actions():
            if not action.isSeparator():
                for text in (action.text(), action.statusTip(), action.toolTip()):
                    check(f"action {action.objectName()}", text)
    for text in widget_texts(window):
        check("window", text)
    for page in (window.calendar.week_view, window.calendar.agenda_view, window.calendar.tray):
        for text in widget_texts(page):
            check("calendar", text)
    for column in range(window.model.columnCount()):
        check("list header", window.model.headerData(column, Qt.Orientation.Horizontal))
    for status in Status:
        check("status", status_label(status))
    assert window.menuBar().actions(), "no menus found"
    assert found == {}, "\n".join(found)


def test_dialogs_and_messages_are_russian(russian, qapp, message_boxes):
    texts: list[str] = []
    conflict = ConflictDialog(_snapshot(1, "<p>Мой</p>"), _snapshot(2, "<p>Их</p>"), MOSCOW)
    texts += widget_texts(conflict)
    language = LanguageDialog(Language.SYSTEM)
    texts += widget_texts(language)
    texts += [language.combo.itemText(i) for i in range(language.combo.count())]

    message_boxes.answers.append(QMessageBox.StandardButton.Cancel)
    ask_unsaved_changes(None, "Сквер")
    show_about(None)
    texts += [part for shown in message_boxes.shown for part in shown]
    texts += [part for shown in message_boxes.about for part in shown]

    samples = [
        errors.StoreLockedError("/data/db.sqlite3"),
        errors.StoreCorruptError("/data/db.sqlite3", "file is not a database"),
        errors.StoreTooNewError("/data/db.sqlite3", "0099"),
        errors.NotOurStoreError("/data/db.sqlite3", "other tables"),
        errors.StoreUnavailableError("/data/db.sqlite3", "refused"),
        errors.StoreError("/data/db.sqlite3", "read-only"),
        errors.ValidationError("bad date"),
        errors.NotFoundError("article", 5),
        errors.PermissionDeniedError("no"),
        errors.ConflictError(_snapshot(1, ""), _snapshot(2, "")),
    ]
    for error in samples:
        message = message_for(error)
        texts += [message.title, message.text]  # details are technical, in English
    unexpected = unexpected_error_message(RuntimeError("boom"))
    texts += [unexpected.title, unexpected.text]

    bad = {text: untranslated(text, "/data/db.sqlite3", "English") for text in texts}
    assert {text: words for text, words in bad.items() if words} == {}
    conflict.deleteLater()
    language.deleteLater()


def test_qt_own_strings_are_russian(russian):
    assert QCoreApplication.translate("QPlatformTheme", "Save") == "Сохранить"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Отмена"


def test_dates_and_numbers_are_formatted_the_russian_way(russian):
    moment = datetime(2026, 11, 27, 11, 30, tzinfo=UTC)  # 14:30 in Moscow
    # Qt puts a narrow no-break space before «г.», as Russian typography wants
    assert format_local_long(moment, MOSCOW) == "27 ноября 2026\u202fг., 14:30"
    assert QLocale().toString(1787000) == "1\u00a0787\u00a0000"
    assert QLocale().standaloneMonthName(11) == "ноябрь"


def test_language_setting_chooses_the_locale(tmp_path):
    settings = AppSettings.in_file(tmp_path / "settings.ini")
    assert settings.language is Language.SYSTEM
    settings.language = Language.RUSSIAN
    again = AppSettings.in_file(tmp_path / "settings.ini")
    assert again.language is Language.RUSSIAN
    assert again.ui_locale().language() == QLocale.Language.Russian
    again.language = Language.ENGLISH
    assert again.ui_locale().language() == QLocale.Language.English


def test_language_action_stores_the_choice(qtbot, store, actor, tmp_path, monkeypatch):
    settings = AppSettings.in_file(tmp_path / "settings.ini")
    window = build_main_window(store, actor, MOSCOW, settings=settings)
    qtbot.addWidget(window)
    monkeypatch.setattr(LanguageDialog, "choose", lambda self: Language.RUSSIAN)
    from editorial_desk.ui.actions import ActionId

    window.action(ActionId.LANGUAGE).trigger()
    assert AppSettings.in_file(tmp_path / "settings.ini").language is Language.RUSSIAN


# File-format names and URL schemes that a Russian interface shows as they are.
FORMAT_WORDS = (
    ".page.html",
    ".docx",
    ".html",
    ".htm",
    ".txt",
    ".zip",
    "images/",
    "ZIP",
    "Word",
    "LibreOffice",
    "http://",
    "https://",
    "mailto:",
    "tel:",
    "example.ru",
    "ivanova",
    "Ctrl",
    "Shift",
    "Tab",
    "Enter",
    "Esc",
)


def _recovery_dialogs():
    from editorial_desk.store.recovery import RecoveryEntry
    from editorial_desk.ui.recovery_dialog import RecoveryDialog

    entries = [
        RecoveryEntry(
            "new-1", None, None, "", "", "<p>Текст</p>", "", None, "2026-11-27T10:00:00+00:00"
        ),
        RecoveryEntry(
            "article-2", 2, 1, "Сквер", "", "", "Город", None, "2026-11-27T10:00:00+00:00"
        ),
    ]
    return [RecoveryDialog(entries, MOSCOW)]


def test_feature_dialogs_are_russian(russian, qtbot, store, actor, tmp_path):
    """Export, review, users, link, table and image dialogs: titles, labels, buttons."""
    from editorial_desk.ui.calendar.ics_export import IcsExportDialog
    from editorial_desk.ui.context import AppContext
    from editorial_desk.ui.editor.images import ImageDialog
    from editorial_desk.ui.editor.links import LinkDialog
    from editorial_desk.ui.editor.tables import InsertTableDialog
    from editorial_desk.ui.export_dialog import ExportDialog
    from editorial_desk.ui.office_zone_dialog import OfficeZoneDialog
    from editorial_desk.ui.review.operations import ReviewOperations
    from editorial_desk.ui.review.reason_dialog import ReasonDialog
    from editorial_desk.ui.review.users_dialog import UsersDialog
    from editorial_desk.ui.rubrics_dialog import RubricsDialog, StoreRubricSource

    settings = AppSettings.in_file(tmp_path / "s.ini")
    context = AppContext(store, actor, MOSCOW)
    ops = ReviewOperations(AppContext(store, actor, MOSCOW))
    dialogs = [
        ExportDialog(settings, MOSCOW, [1], None, selected_title="Сквер"),
        ExportDialog(settings, MOSCOW, [], None),
        ReasonDialog("Сквер"),
        UsersDialog(ops),
        LinkDialog(None, href="https://example.ru", text="сайт", ask_text=True),
        ImageDialog(str(tmp_path / "photo.png")),
        InsertTableDialog(),
        RubricsDialog(StoreRubricSource(context)),
        IcsExportDialog(date(2026, 12, 1), date(2026, 12, 31), tmp_path / "plan.ics"),
        OfficeZoneDialog("Asia/Vladivostok"),
        *_recovery_dialogs(),
    ]
    found = {}
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        assert dialog.windowTitle(), type(dialog).__name__
        for text in widget_texts(dialog):
            bad = untranslated(text, *FORMAT_WORDS, actor.login, str(tmp_path))
            if bad:
                found[f"{type(dialog).__name__}: {text!r}"] = bad
    assert found == {}
