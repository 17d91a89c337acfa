"""The composition root: the one place that creates the QApplication, opens the
store, finds the current user and hands them to the main window.

Start-up order matters for the time to a visible window: Qt and our widgets are
imported at module level (cheap); the store, the services and SQLAlchemy/Alembic
behind them are imported in `open_context()`, which starts once the shown window
has been painted and runs in a worker thread, so the window stays responsive
while the database opens (and, after an update, migrates).

Test/benchmark hook, ``EDITORIAL_DESK_QUIT_AFTER_SHOWN`` in the environment:

- ``1``: quit by itself (exit 0) once the window is shown and painted AND the
  store is open and listed - a full start-up, used by the subprocess tests;
- ``painted``: quit right after the window's first paint, before the store is
  opened - for measuring the time to a visible window.

With either value the app prints ``shown-after-ms=NN`` (flushed, on stdout) once
the window has been painted, NN counted from the import of `editorial_desk.ui`
(the first thing the GUI path of `python -m editorial_desk` does after parsing
its arguments, so Qt's import is included). A start-up error then goes to stderr
only (no modal box), so the app runs unattended on the offscreen platform; the
exit code is then non-zero."""

from __future__ import annotations

import os
import sys
import time
import traceback
from collections.abc import Callable
from datetime import tzinfo
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, Qt, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from editorial_desk.domain.errors import EditorialError
from editorial_desk.domain.timeutil import ZONE_ENV_VAR, office_zone
from editorial_desk.domain.users import UserInfo
from editorial_desk.ui import UI_IMPORTED_AT
from editorial_desk.ui.background import run_in_background
from editorial_desk.ui.context import AppContext
from editorial_desk.ui.dialogs import show_message
from editorial_desk.ui.error_messages import (
    ErrorMessage,
    message_for,
    unexpected_error_message,
)
from editorial_desk.ui.icons import app_icon
from editorial_desk.ui.main_window import MainWindow
from editorial_desk.ui.settings import AppSettings

if TYPE_CHECKING:
    from editorial_desk.store.engine import Store

APP_NAME = "Editorial Desk"
ORGANIZATION_NAME = "Editorial Desk"
DESKTOP_FILE_NAME = "editorial-desk"
PROG = "editorial-desk"

QUIT_AFTER_SHOWN_ENV = "EDITORIAL_DESK_QUIT_AFTER_SHOWN"
DEBUG_ENV = "EDITORIAL_DESK_DEBUG"

EXIT_OK = 0
EXIT_STORE_ERROR = 1
EXIT_INTERNAL_ERROR = 2

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "translations"


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() not in ("", "0", "false", "no")


def _quit_after_painted() -> bool:
    return os.environ.get(QUIT_AFTER_SHOWN_ENV, "").strip().lower() == "painted"


def configure_application(app: QApplication) -> None:
    import editorial_desk

    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANIZATION_NAME)
    app.setApplicationVersion(editorial_desk.__version__)
    app.setDesktopFileName(DESKTOP_FILE_NAME)
    app.setWindowIcon(app_icon())


def install_translators(app: QApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Qt's own strings (qtbase_xx.qm shipped with PySide6) and ours
    (resources/translations/editorial_desk_xx.qm), for the system's UI language.
    A missing file is fine: the English source strings are shown."""
    locale = locale or QLocale.system()
    installed: list[QTranslator] = []
    if locale.language() not in (QLocale.Language.English, QLocale.Language.C):
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt_translator = QTranslator(app)
        if qt_translator.load(locale, "qtbase", "_", qt_dir):
            app.installTranslator(qt_translator)
            installed.append(qt_translator)
    ours = QTranslator(app)
    if ours.load(locale, "editorial_desk", "_", str(TRANSLATIONS_DIR)):
        app.installTranslator(ours)
        installed.append(ours)
    return installed


def display_zone() -> tzinfo:
    """The office zone from EDITORIAL_DESK_TZ (as the CLI uses), else the system's."""
    try:
        return office_zone(os.environ.get(ZONE_ENV_VAR))
    except EditorialError as error:
        print(f"{PROG}: warning: {error}; using the system time zone", file=sys.stderr)
        return office_zone(None)


def open_context(db: str | None, zone: tzinfo | None = None) -> AppContext:
    """Open (create/migrate) the store and register the OS user. The heavy imports
    happen here. Raises StoreError subclasses with the file unchanged.

    The zone is `zone` if given, else the office's: EDITORIAL_DESK_TZ, else the
    zone stored in the database (Settings → Office Time Zone), else the system's."""
    from editorial_desk.services.office import resolve_office_zone
    from editorial_desk.services.users import ensure_user, os_login
    from editorial_desk.store.engine import open_store

    store = open_store(db)
    try:
        with store.session() as session:
            user = ensure_user(session, os_login())
            if zone is None:
                try:
                    zone = resolve_office_zone(session, os.environ.get(ZONE_ENV_VAR))
                except EditorialError as error:
                    print(f"{PROG}: warning: {error}; using the system time zone", file=sys.stderr)
                    zone = office_zone(None)
    except BaseException:
        store.close()
        raise
    return AppContext(store, user, zone)


def build_main_window(
    store: Store,
    user: UserInfo,
    zone: tzinfo | None = None,
    settings: AppSettings | None = None,
) -> MainWindow:
    """The main window attached to an open store (for tests and embedding; needs a
    QApplication). The caller owns the store and closes it."""
    zone = zone or display_zone()
    window = MainWindow(zone, settings=settings)
    window.attach(AppContext(store, user, zone))
    return window


class _AfterFirstPaint(QObject):
    """Calls `callback` once, from the event loop, right after the window's first
    paint. `QTimer.singleShot(0)` straight after `show()` is not enough on X11: the
    expose event arrives later, so the timer (and SQLAlchemy's import) would run
    before anything is on screen. A fallback timer covers platforms that never
    paint (e.g. minimal)."""

    FALLBACK_MS = 1000

    def __init__(self, window: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._callback = callback
        self._fired = False
        window.installEventFilter(self)
        QTimer.singleShot(self.FALLBACK_MS, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Paint:
            # the rest of this paint pass (the children) completes before a 0-timer
            QTimer.singleShot(0, self._fire)
        return False

    def _fire(self) -> None:
        if self._fired:
            return
        self._fired = True
        self._window.removeEventFilter(self)
        self._callback()


class _Startup:
    """Opens the store once the window has been painted."""

    def __init__(
        self, app: QApplication, window: MainWindow, db: str | None, unattended: bool
    ) -> None:
        self.app = app
        self.window = window
        self.db = db
        self.unattended = unattended
        self.context: AppContext | None = None
        self._task: object | None = None

    def open_store(self) -> None:
        if self.unattended:  # for the start-up benchmark (docs/benchmarks.md)
            shown_ms = (time.perf_counter() - UI_IMPORTED_AT) * 1000
            print(f"shown-after-ms={shown_ms:.1f}", flush=True)
        if self.unattended and _quit_after_painted():
            self.app.quit()
            return
        # Opening (imports, migration check, maybe a migration) runs off the UI
        # thread: the window stays responsive and the list fills in when ready.
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self._task = run_in_background(
            lambda: open_context(self.db), self._opened, self._open_failed, self.window
        )

    def _opened(self, context: AppContext) -> None:
        QApplication.restoreOverrideCursor()
        self.context = context
        try:
            self.window.attach(context)
        except EditorialError as error:
            self._fail(message_for(error), str(error), EXIT_STORE_ERROR)
            return
        if self.unattended:
            QTimer.singleShot(0, self.app.quit)

    def _open_failed(self, error: BaseException) -> None:
        QApplication.restoreOverrideCursor()
        if isinstance(error, EditorialError):
            self._fail(message_for(error), str(error), EXIT_STORE_ERROR)
            return
        if _flag(DEBUG_ENV):
            traceback.print_exception(error)
        self._fail(
            unexpected_error_message(error),
            f"internal error: {type(error).__name__}: {error}",
            EXIT_INTERNAL_ERROR,
        )

    def _fail(self, message: ErrorMessage, line: str, code: int) -> None:
        print(f"{PROG}: error: {line}", file=sys.stderr)
        if not self.unattended:
            show_message(self.window, message, QMessageBox.Icon.Critical)
        self.app.exit(code)


def _excepthook(
    window: MainWindow, app: QApplication, unattended: bool
) -> Callable[[type[BaseException], BaseException, TracebackType | None], None]:
    """Unexpected exceptions in slots: a clear message, not a console traceback
    (the traceback with EDITORIAL_DESK_DEBUG=1)."""

    def hook(exc_type: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if _flag(DEBUG_ENV):
            traceback.print_exception(exc_type, error, tb)
        else:
            print(f"{PROG}: internal error: {exc_type.__name__}: {error}", file=sys.stderr)
        if unattended:
            app.exit(EXIT_INTERNAL_ERROR)
        else:
            show_message(window, unexpected_error_message(error), QMessageBox.Icon.Critical)

    return hook


def run_app(db: str | None = None) -> int:
    """Start the desktop app; returns the process exit code."""
    unattended = _flag(QUIT_AFTER_SHOWN_ENV)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    configure_application(app)
    settings = AppSettings()
    locale = settings.ui_locale()
    QLocale.setDefault(locale)  # dates and numbers follow the interface language
    translators = install_translators(app, locale)
    zone = display_zone()

    window = MainWindow(zone, settings=settings)
    startup = _Startup(app, window, db, unattended)
    _AfterFirstPaint(window, startup.open_store)
    window.show()

    previous_hook = sys.excepthook
    sys.excepthook = _excepthook(window, app, unattended)
    try:
        return app.exec()
    finally:
        sys.excepthook = previous_hook
        window.hide()
        window.deleteLater()
        if startup.context is not None:
            startup.context.store.close()
        for translator in translators:
            app.removeTranslator(translator)
