"""The layer rules of docs/design: Qt only in ui/, arrows point down only."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_linter_contracts_hold():
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Qt stays in ui/ KEPT" in result.stdout
    assert "Layers point down only KEPT" in result.stdout


def test_headless_layers_load_no_qt_at_run_time():
    code = (
        "import sys, editorial_desk.cli, editorial_desk.services.articles, "
        "editorial_desk.store.engine, editorial_desk.document;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'PySide6', 'shiboken6', 'qtawesome', 'qtpy'} or m.startswith('editorial_desk.ui')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
