"""The Russian translation file is complete for every string in the code, and the
compiled .qm the app loads is built from it (tools/translations.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _tool():
    spec = importlib.util.spec_from_file_location("translations", ROOT / "tools/translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_russian_ts_has_a_finished_entry_for_every_string_and_qm_is_current():
    tool = _tool()
    assert tool.check("ru") == []


def test_check_notices_a_new_untranslated_string(tmp_path, monkeypatch):
    tool = _tool()
    ui = tmp_path / "ui"
    ui.mkdir()
    for source in tool.UI_DIR.glob("*.py"):
        (ui / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    (ui / "extra.py").write_text(
        "from PySide6.QtCore import QCoreApplication\n"
        "X = QCoreApplication.translate('Extra', 'A brand new string')\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(tool, "UI_DIR", ui)
    problems = tool.check("ru")
    assert any("A brand new string" in problem for problem in problems)


def test_translation_files_ship_inside_the_package():
    translations = ROOT / "src/editorial_desk/resources/translations"
    assert (translations / "editorial_desk_ru.qm").stat().st_size > 1000


def test_every_literal_string_is_translated_with_a_literal_context() -> None:
    """lupdate only sees translate("Context", "text") with both parts literal: a
    constant or variable as the context hides the string from the .ts (and so
    from the completeness check above). Dynamic texts go through QT_TRANSLATE_NOOP."""
    import ast

    hidden = []
    for path in sorted((ROOT / "src" / "editorial_desk" / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or len(node.args) < 2:
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            context, text = node.args[0], node.args[1]
            literal_text = isinstance(text, ast.Constant) and isinstance(text.value, str)
            if name == "translate" and literal_text and not isinstance(context, ast.Constant):
                hidden.append(f"{path.name}:{node.lineno} {text.value!r}")
    assert hidden == []
