"""Look at the app's source tree without importing it (and so without importing Qt):
does a module exist yet, does the source mention a name."""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import NoReturn

from bench.registry import NotAvailable


@cache
def package_root() -> Path:
    spec = importlib.util.find_spec("editorial_desk")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("editorial_desk is not importable; run through `uv run`")
    return Path(next(iter(spec.submodule_search_locations)))


def module_path(dotted: str) -> Path | None:
    """The source file of `editorial_desk.x.y`, or None when it does not exist."""
    parts = dotted.split(".")
    if parts[0] != "editorial_desk":
        raise ValueError(f"not an app module: {dotted}")
    base = package_root().joinpath(*parts[1:])
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def source_mentions(package: str, text: str) -> list[Path]:
    """Source files under the app package `package` that contain `text`."""
    path = module_path(package)
    if path is None:
        return []
    root = path.parent if path.name == "__init__.py" else path
    files = sorted(root.rglob("*.py")) if root.is_dir() else [root]
    return [f for f in files if text in f.read_text(encoding="utf-8", errors="replace")]


def pending(feature: str, modules: Sequence[str], case_module: str) -> NoReturn:
    """Raise the right `NotAvailable` for a case whose feature is not measured yet."""
    present = [m for m in modules if module_path(m) is not None]
    if present:
        raise NotAvailable(
            f"{present[0]} exists, but this case is not written yet (bench/cases/{case_module}.py)"
        )
    raise NotAvailable(f"{feature} not built yet")
