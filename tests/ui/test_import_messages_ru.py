"""Refusals and warnings reach the user in Russian through the real import UI:
a real file, the real worker process, the summary box, the app's translators.
The messages are looked up by key (``RefusalReason``, ``ImportWarningKind``), so
these hold however the importers' English is worded."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QWidget

from editorial_desk.importers.model import RefusalReason
from editorial_desk.importers.notices import ImportNotice, ImportWarningKind
from editorial_desk.ui.app import install_translators
from editorial_desk.ui.context import AppContext
from editorial_desk.ui.import_ui import ImportController, ImportSummary

TESTS = Path(__file__).resolve().parents[1]
FIXTURES = TESTS / "fixtures" / "import"
MOSCOW = ZoneInfo("Europe/Moscow")
RUSSIAN = QLocale(QLocale.Language.Russian, QLocale.Country.Russia)

WRONG_FORMAT_RU = (
    "Содержимое файла не соответствует его имени: это не тот тип документа, на который "
    "указывает расширение (например, PDF или изображение, переименованные в .docx)."
)
DAMAGED_RU = "Файл повреждён или неполон, прочитать его не удаётся."
ZIP_BOMB_RU = (
    "При распаковке файл занял бы гораздо больше места, чем бывает у документа, поэтому "
    "из соображений безопасности он отклонён."
)


def _hostile_docx():
    """tests/importers/hostile_docx.py, the generator of the hostile fixtures
    (loaded by path: it is not a package and tests/ui is not its folder; the
    importers' tests may have loaded it already under the same name)."""
    if "hostile_docx" in sys.modules:
        return sys.modules["hostile_docx"]
    spec = importlib.util.spec_from_file_location(
        "hostile_docx", TESTS / "importers" / "hostile_docx.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def russian(qapp):
    previous = QLocale()
    QLocale.setDefault(RUSSIAN)
    translators = install_translators(qapp, RUSSIAN)
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(previous)


@pytest.fixture
def controller(qtbot, store, actor) -> ImportController:
    window = QWidget()
    qtbot.addWidget(window)
    return ImportController(AppContext(store, actor, MOSCOW), window)


def _import(qtbot, controller: ImportController, paths: list[Path]) -> ImportSummary:
    with qtbot.waitSignal(controller.finished, timeout=60000) as blocker:
        controller.import_files(paths)
    return blocker.args[0]


def _refused_alone(qtbot, controller, message_boxes, path: Path, reason: RefusalReason) -> str:
    summary = _import(qtbot, controller, [path])
    [failed] = summary.failed
    assert failed.error.reason == reason
    [(title, text, details)] = message_boxes.shown
    assert title == "Импорт не выполнен"
    assert text == f"Не удалось импортировать «{path.name}»."
    return details


def test_a_broken_word_file_is_refused_in_russian(
    qtbot, russian, controller, tmp_path, message_boxes
):
    broken = tmp_path / "отчёт за ноябрь.docx"
    broken.write_bytes(os.urandom(4096))
    details = _refused_alone(qtbot, controller, message_boxes, broken, RefusalReason.WRONG_FORMAT)
    assert details == WRONG_FORMAT_RU


def test_an_interrupted_download_is_refused_as_damaged_in_russian(
    qtbot, russian, controller, tmp_path, message_boxes
):
    data = (FIXTURES / "konkurs.pandoc.docx").read_bytes()
    cut = tmp_path / "конкурс.docx"
    cut.write_bytes(data[: len(data) // 2])
    details = _refused_alone(qtbot, controller, message_boxes, cut, RefusalReason.DAMAGED)
    assert details == DAMAGED_RU


def test_a_zip_bomb_is_refused_in_russian(qtbot, russian, controller, tmp_path, message_boxes):
    bomb = tmp_path / "сводка.docx"
    bomb.write_bytes(_hostile_docx().zip_bomb())
    details = _refused_alone(qtbot, controller, message_boxes, bomb, RefusalReason.ZIP_BOMB)
    assert details == ZIP_BOMB_RU


CP1251_PAGE = (
    "<html><head><meta charset='x-mac-klingon'><title>Письмо</title></head><body>"
    "<h1>Отключение воды 3 июля</h1>"
    "<p>В связи с ремонтом водовода жители улицы Садовой останутся без воды.</p>"
    "</body></html>"
)


def test_a_windows_1251_page_imports_and_its_warning_is_in_russian(
    qtbot, russian, controller, tmp_path, message_boxes
):
    page = tmp_path / "письмо.html"
    page.write_bytes(CP1251_PAGE.encode("cp1251"))

    summary = _import(qtbot, controller, [page])

    [item] = summary.imported
    assert item.article.title == "Отключение воды 3 июля"
    assert item.warnings == (
        ImportNotice.of(ImportWarningKind.UNKNOWN_CHARSET, charset="x-mac-klingon", codec="cp1251"),
    )
    [(title, text, details)] = message_boxes.shown
    assert title == "Импорт завершён"
    assert text == "Импортировано файлов: 1 из 1."
    assert details == (
        "Импортированы, но перенесено не всё:\n"
        "• письмо.html: На странице указана неизвестная кодировка «x-mac-klingon»; "
        "страница прочитана как cp1251."
    )


def test_a_windows_1251_page_renamed_to_docx_is_refused_in_russian(
    qtbot, russian, controller, tmp_path, message_boxes
):
    renamed = tmp_path / "письмо.docx"
    renamed.write_bytes(CP1251_PAGE.encode("cp1251"))
    details = _refused_alone(qtbot, controller, message_boxes, renamed, RefusalReason.WRONG_FORMAT)
    assert details == WRONG_FORMAT_RU
