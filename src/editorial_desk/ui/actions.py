"""Every menu item, toolbar button and shortcut, declared once as data, and the one
builder that turns the declarations into QActions, menus and a toolbar.

The window supplies one handler per action id; the builder refuses a declaration
without a handler (and a handler without a declaration), so nothing is wired twice
or forgotten."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar, QWidget

from editorial_desk.ui.icons import themed_icon

TR_CONTEXT = "Actions"


class ActionId(StrEnum):
    NEW_ARTICLE = "article.new"
    SAVE_ARTICLE = "article.save"
    CLOSE_TAB = "article.close"
    EXPORT_PLAN = "calendar.export_ics"
    PRINT_PLAN = "calendar.print"
    SHOW_ARTICLES = "view.articles"
    SHOW_CALENDAR = "view.calendar"
    NEXT_TAB = "view.next_tab"
    PREVIOUS_TAB = "view.previous_tab"
    TRASH_ARTICLE = "article.trash"
    RESTORE_ARTICLE = "article.restore"
    IMPORT_DOCUMENTS = "article.import"
    EXPORT_ARTICLES = "article.export"
    DUPLICATE_ARTICLE = "article.duplicate"
    QUIT = "app.quit"
    LANGUAGE = "settings.language"
    USERS = "settings.users"
    RUBRICS = "settings.rubrics"
    OFFICE_ZONE = "settings.office_zone"
    SAMPLE_ARTICLE = "help.sample"
    ABOUT = "help.about"


class Scope(StrEnum):
    WINDOW = "window"  # the shortcut works anywhere in the main window
    LIST = "list"  # only while the article list has the focus (e.g. Delete)


@dataclass(frozen=True, slots=True)
class MenuSpec:
    id: str
    text: str  # English source text; translated in context "Actions"


@dataclass(frozen=True, slots=True)
class ActionSpec:
    id: ActionId
    text: str  # English source text with a mnemonic; translated in context "Actions"
    menu: str
    shortcut: QKeySequence.StandardKey | str | None = None
    icon: str | None = None  # freedesktop theme icon name
    fallback_icon: str | None = None  # QStyle.StandardPixmap name
    toolbar: bool = False
    tip: str = ""  # status-bar tip, English source text
    scope: Scope = Scope.WINDOW
    role: QAction.MenuRole = QAction.MenuRole.NoRole
    separator_before: bool = False


MENUS: tuple[MenuSpec, ...] = (
    MenuSpec("file", QT_TRANSLATE_NOOP("Actions", "&File")),
    MenuSpec("view", QT_TRANSLATE_NOOP("Actions", "&View")),
    MenuSpec("settings", QT_TRANSLATE_NOOP("Actions", "&Settings")),
    MenuSpec("help", QT_TRANSLATE_NOOP("Actions", "&Help")),
)

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        ActionId.NEW_ARTICLE,
        QT_TRANSLATE_NOOP("Actions", "&New Article"),
        "file",
        QKeySequence.StandardKey.New,
        "document-new",
        "SP_FileIcon",
        toolbar=True,
        tip=QT_TRANSLATE_NOOP("Actions", "Start a new article"),
    ),
    ActionSpec(
        ActionId.SAVE_ARTICLE,
        QT_TRANSLATE_NOOP("Actions", "&Save"),
        "file",
        QKeySequence.StandardKey.Save,
        "document-save",
        "SP_DialogSaveButton",
        toolbar=True,
        tip=QT_TRANSLATE_NOOP("Actions", "Save the article"),
    ),
    ActionSpec(
        ActionId.CLOSE_TAB,
        QT_TRANSLATE_NOOP("Actions", "&Close Article"),
        "file",
        "Ctrl+W",  # the platforms' "Close" key differs (Ctrl+F4 on some); Ctrl+W is everywhere
        "document-close",
        "SP_DialogCloseButton",
        tip=QT_TRANSLATE_NOOP("Actions", "Close the article's tab (asks about unsaved changes)"),
    ),
    ActionSpec(
        ActionId.TRASH_ARTICLE,
        QT_TRANSLATE_NOOP("Actions", "Move to &Trash"),
        "file",
        QKeySequence.StandardKey.Delete,
        "user-trash",
        "SP_TrashIcon",
        toolbar=True,
        tip=QT_TRANSLATE_NOOP("Actions", "Move the article to the trash (it can be restored)"),
        scope=Scope.LIST,
    ),
    ActionSpec(
        ActionId.RESTORE_ARTICLE,
        QT_TRANSLATE_NOOP("Actions", "&Restore from Trash"),
        "file",
        None,
        "edit-undo",
        "SP_BrowserReload",
        tip=QT_TRANSLATE_NOOP("Actions", "Bring the article back from the trash"),
    ),
    ActionSpec(
        ActionId.DUPLICATE_ARTICLE,
        QT_TRANSLATE_NOOP("Actions", "&Duplicate"),
        "file",
        None,  # Ctrl+D deletes a character in Qt's text fields on Linux
        "edit-copy",
        "SP_FileDialogNewFolder",
        tip=QT_TRANSLATE_NOOP("Actions", "Start a new draft with the same text"),
    ),
    ActionSpec(
        ActionId.IMPORT_DOCUMENTS,
        QT_TRANSLATE_NOOP("Actions", "&Import Documents…"),
        "file",
        # The app opens no files of its own, so Ctrl+O brings documents in.
        QKeySequence.StandardKey.Open,
        "document-import",
        "SP_DialogOpenButton",
        toolbar=True,
        tip=QT_TRANSLATE_NOOP("Actions", "Make drafts from Word, HTML or text files"),
        separator_before=True,
    ),
    ActionSpec(
        ActionId.EXPORT_ARTICLES,
        QT_TRANSLATE_NOOP("Actions", "&Export…"),
        "file",
        "Ctrl+E",
        "document-export",
        "SP_DriveFDIcon",
        toolbar=True,
        tip=QT_TRANSLATE_NOOP("Actions", "Save articles as Word or HTML files for the web team"),
    ),
    ActionSpec(
        ActionId.EXPORT_PLAN,
        QT_TRANSLATE_NOOP("Actions", "Export Plan to i&Calendar…"),
        "file",
        None,
        "x-office-calendar",
        "SP_FileDialogDetailedView",
        tip=QT_TRANSLATE_NOOP(
            "Actions", "Save the publication plan of some days as an .ics file for Outlook"
        ),
    ),
    ActionSpec(
        ActionId.PRINT_PLAN,
        QT_TRANSLATE_NOOP("Actions", "&Print Month Plan…"),
        "file",
        QKeySequence.StandardKey.Print,
        "document-print",
        "SP_FileDialogContentsView",
        tip=QT_TRANSLATE_NOOP("Actions", "Print the calendar's month or save it as PDF"),
    ),
    ActionSpec(
        ActionId.QUIT,
        QT_TRANSLATE_NOOP("Actions", "&Quit"),
        "file",
        "Ctrl+Q",
        "application-exit",
        "SP_DialogCloseButton",
        tip=QT_TRANSLATE_NOOP("Actions", "Close Editorial Desk"),
        role=QAction.MenuRole.QuitRole,
        separator_before=True,
    ),
    ActionSpec(
        ActionId.SHOW_ARTICLES,
        QT_TRANSLATE_NOOP("Actions", "&Articles"),
        "view",
        "Alt+1",
        "accessories-text-editor",
        "SP_FileDialogListView",
        tip=QT_TRANSLATE_NOOP("Actions", "The article list and the open articles"),
    ),
    ActionSpec(
        ActionId.SHOW_CALENDAR,
        QT_TRANSLATE_NOOP("Actions", "&Calendar"),
        "view",
        "Alt+2",
        "x-office-calendar",
        "SP_FileDialogInfoView",
        toolbar=True,
        tip=QT_TRANSLATE_NOOP(
            "Actions", "The publication plan: month, week and agenda; drag to reschedule"
        ),
    ),
    ActionSpec(
        ActionId.NEXT_TAB,
        QT_TRANSLATE_NOOP("Actions", "&Next Article Tab"),
        "view",
        "Ctrl+Tab",
        "go-next",
        "SP_ArrowRight",
        tip=QT_TRANSLATE_NOOP("Actions", "Show the next open article"),
    ),
    ActionSpec(
        ActionId.PREVIOUS_TAB,
        QT_TRANSLATE_NOOP("Actions", "&Previous Article Tab"),
        "view",
        "Ctrl+Shift+Tab",
        "go-previous",
        "SP_ArrowLeft",
        tip=QT_TRANSLATE_NOOP("Actions", "Show the previous open article"),
    ),
    ActionSpec(
        ActionId.LANGUAGE,
        QT_TRANSLATE_NOOP("Actions", "Interface &Language…"),
        "settings",
        None,
        "preferences-desktop-locale",
        "SP_ComputerIcon",
        tip=QT_TRANSLATE_NOOP("Actions", "Choose the language of the interface"),
    ),
    ActionSpec(
        ActionId.USERS,
        QT_TRANSLATE_NOOP("Actions", "&Users and Roles…"),
        "settings",
        None,
        "system-users",
        "SP_DirHomeIcon",
        tip=QT_TRANSLATE_NOOP("Actions", "Add colleagues and choose what each may do"),
    ),
    ActionSpec(
        ActionId.RUBRICS,
        QT_TRANSLATE_NOOP("Actions", "&Rubrics…"),
        "settings",
        None,
        "view-list-details",
        "SP_FileDialogListView",
        tip=QT_TRANSLATE_NOOP("Actions", "The office's list of rubrics for articles"),
    ),
    ActionSpec(
        ActionId.OFFICE_ZONE,
        QT_TRANSLATE_NOOP("Actions", "Office &Time Zone…"),
        "settings",
        None,
        "preferences-system-time",
        "SP_BrowserReload",
        tip=QT_TRANSLATE_NOOP("Actions", "The zone the office plans in: every date is shown in it"),
    ),
    ActionSpec(
        ActionId.SAMPLE_ARTICLE,
        QT_TRANSLATE_NOOP("Actions", "&Sample Article"),
        "help",
        None,
        "text-html",
        "SP_FileDialogContentsView",
        tip=QT_TRANSLATE_NOOP(
            "Actions", "Open an example article that shows every kind of formatting"
        ),
    ),
    ActionSpec(
        ActionId.ABOUT,
        QT_TRANSLATE_NOOP("Actions", "&About Editorial Desk"),
        "help",
        None,
        "help-about",
        "SP_MessageBoxInformation",
        role=QAction.MenuRole.AboutRole,
    ),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate(TR_CONTEXT, text)


def _strip_mnemonic(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def build_actions(
    window: QMainWindow,
    handlers: Mapping[ActionId, Callable[[], object]],
    *,
    scopes: Mapping[Scope, QWidget] | None = None,
    toolbar: QToolBar | None = None,
    specs: tuple[ActionSpec, ...] = ACTIONS,
    menus: tuple[MenuSpec, ...] = MENUS,
) -> dict[ActionId, QAction]:
    """Create one QAction per spec, put it in its menu (and the toolbar), give it its
    shortcut in its scope (a scope without a widget falls back to the whole window),
    and connect it to its handler. Returns the actions by id."""
    declared = {spec.id for spec in specs}
    if declared != set(handlers):
        missing = sorted(declared - set(handlers))
        extra = sorted(set(handlers) - declared)
        raise ValueError(f"actions without handler: {missing}; handlers without action: {extra}")
    scopes = dict(scopes or {})
    scopes.setdefault(Scope.WINDOW, window)
    menu_widgets: dict[str, QMenu] = {}
    for menu_spec in menus:
        menu = window.menuBar().addMenu(_tr(menu_spec.text))
        menu.setObjectName(f"menu.{menu_spec.id}")
        menu_widgets[menu_spec.id] = menu
    actions: dict[ActionId, QAction] = {}
    for spec in specs:
        text = _tr(spec.text)
        action = QAction(themed_icon(spec.icon, spec.fallback_icon), text, window)
        action.setObjectName(spec.id.value)
        action.setIconText(_strip_mnemonic(text))
        if spec.tip:
            action.setStatusTip(_tr(spec.tip))
        if spec.shortcut is not None:
            action.setShortcut(QKeySequence(spec.shortcut))
        action.setMenuRole(spec.role)
        if spec.scope is Scope.WINDOW:
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            window.addAction(action)
        else:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            scopes.get(spec.scope, window).addAction(action)
        menu = menu_widgets[spec.menu]
        if spec.separator_before:
            menu.addSeparator()
        menu.addAction(action)
        if spec.toolbar and toolbar is not None:
            toolbar.addAction(action)
        handler = handlers[spec.id]
        action.triggered.connect(lambda _checked=False, h=handler: h())
        actions[spec.id] = action
    return actions
