"""The composition root, in-process: start-up imports, translators, building the
window on a store, and turning start-up errors into messages."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from editorial_desk.domain.errors import StoreCorruptError
from editorial_desk.ui import app as app_module
from editorial_desk.ui.app import build_main_window, install_translators, open_context

HEAVY = (
    "sqlalchemy",
    "alembic",
    "docx",
    "qtawesome",
    "editorial_desk.store",
    "editorial_desk.services",
)


def test_start_up_modules_do_not_import_heavy_packages() -> None:
    """ui.app and ui.main_window must stay light: the store and its SQLAlchemy load
    only after the window is shown."""
    code = (
        "import json, sys\n"
        "import editorial_desk.ui.app, editorial_desk.ui.main_window\n"
        f"heavy = {HEAVY!r}\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith(heavy))))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []


def test_russian_locale_installs_qt_translations(qapp) -> None:
    translators = install_translators(
        qapp, QLocale(QLocale.Language.Russian, QLocale.Country.Russia)
    )
    try:
        assert translators, "qtbase_ru.qm was not found"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Отмена"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_english_locale_installs_nothing_of_qt(qapp) -> None:
    translators = install_translators(qapp, QLocale(QLocale.Language.English))
    for translator in translators:
        qapp.removeTranslator(translator)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_open_context_registers_the_os_user(qapp, db_path) -> None:
    context = open_context(str(db_path))
    try:
        assert context.user.login == "editor1"
        assert context.store.location.sqlite_path == db_path
    finally:
        context.store.close()


def test_open_context_raises_store_errors_and_leaves_the_file(db_path) -> None:
    db_path.write_bytes(b"not a database at all" * 100)
    with pytest.raises(StoreCorruptError) as caught:
        open_context(str(db_path))
    assert caught.value.location == str(db_path)
    assert db_path.read_bytes() == b"not a database at all" * 100


def test_build_main_window_lists_existing_articles(qtbot, store, actor) -> None:
    from editorial_desk.services.articles import create_article

    with store.session() as session:
        create_article(session, actor, title="Уже есть")
    window = build_main_window(store, actor)
    qtbot.addWidget(window)
    assert [row.title for row in window.model.rows()] == ["Уже есть"]
    assert window.windowTitle() == "Editorial Desk"


def test_quit_after_shown_flag_parsing(monkeypatch) -> None:
    for value, expected in (("1", True), ("yes", True), ("0", False), ("", False)):
        monkeypatch.setenv(app_module.QUIT_AFTER_SHOWN_ENV, value)
        assert app_module._flag(app_module.QUIT_AFTER_SHOWN_ENV) is expected


class _FakeApp:
    """Stands in for QApplication.exit/quit so the start-up can run in-process."""

    def __init__(self) -> None:
        self.codes: list[int] = []

    def exit(self, code: int) -> None:
        self.codes.append(code)

    def quit(self) -> None:
        self.codes.append(0)


def test_start_up_error_shows_a_message_and_exits_non_zero(
    qtbot, db_path, message_boxes, capsys
) -> None:
    from editorial_desk.ui.main_window import MainWindow

    garbage = b"\x00\xffnot sqlite" * 500
    db_path.write_bytes(garbage)
    window = MainWindow()
    qtbot.addWidget(window)
    fake = _FakeApp()
    startup = app_module._Startup(fake, window, str(db_path), False)

    startup.open_store()
    assert window.operations is None  # opening runs in the background...
    qtbot.waitUntil(lambda: bool(fake.codes), timeout=10000)  # ...and reports back

    assert fake.codes == [app_module.EXIT_STORE_ERROR]
    ((title, text, _info),) = message_boxes.shown
    assert title == "Cannot open the database" and str(db_path) in text
    err = capsys.readouterr().err
    assert err.startswith("editorial-desk: error:") and err.count("\n") == 1
    assert db_path.read_bytes() == garbage
    assert window.operations is None


def test_start_up_attaches_the_window_then_quits_when_unattended(qtbot, db_path) -> None:
    from editorial_desk.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    fake = _FakeApp()
    startup = app_module._Startup(fake, window, str(db_path), True)
    startup.open_store()
    try:
        qtbot.waitUntil(lambda: window.operations is not None, timeout=10000)
        assert str(db_path) in window.db_label.text()
        qtbot.waitUntil(lambda: fake.codes == [0])
    finally:
        assert startup.context is not None
        startup.context.store.close()
