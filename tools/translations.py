"""Keep the Russian translation in step with the code.

    uv run python tools/translations.py          # update the .ts from the sources, build the .qm
    uv run python tools/translations.py --check  # fail if anything is missing or stale

`pyside6-lupdate` collects every `QCoreApplication.translate(...)`, `tr(...)` and
`QT_TRANSLATE_NOOP(...)` string under src/editorial_desk/ui into
resources/translations/editorial_desk_ru.ts (translate it there, e.g. with
`pyside6-linguist`); `pyside6-lrelease` compiles it to the .qm the app loads. The
.qm is committed so an installed app (and `uv run editorial-desk`) has it without a
build step; the test suite checks it is not stale.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI_DIR = ROOT / "src" / "editorial_desk" / "ui"
TRANSLATIONS = ROOT / "src" / "editorial_desk" / "resources" / "translations"
LANGUAGES = ("ru",)


def _tool(name: str) -> str:
    candidate = Path(sys.executable).with_name(f"pyside6-{name}")
    return str(candidate) if candidate.exists() else f"pyside6-{name}"


def ts_path(lang: str) -> Path:
    return TRANSLATIONS / f"editorial_desk_{lang}.ts"


def qm_path(lang: str) -> Path:
    return TRANSLATIONS / f"editorial_desk_{lang}.qm"


def run_lupdate(ts: Path) -> None:
    sources = sorted(str(p) for p in UI_DIR.rglob("*.py"))
    subprocess.run(
        [
            _tool("lupdate"),
            "-silent",
            "-no-obsolete",
            "-locations",
            "none",
            *sources,
            "-ts",
            str(ts),
        ],
        check=True,
    )


def run_lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def problems_in(ts: Path) -> list[str]:
    """Every message without a finished translation (new, unfinished, or empty)."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if translation is None:
                found.append(f"{name}: {source!r} has no translation")
                continue
            kind = translation.get("type")
            numerus = translation.findall("numerusform")
            text = "".join(n.text or "" for n in numerus) if numerus else translation.text
            if kind in ("unfinished", "vanished", "obsolete") or not (text or "").strip():
                found.append(f"{name}: {source!r} is {kind or 'empty'}")
    return found


def check(lang: str) -> list[str]:
    """Run lupdate on a copy: anything new or changed in the code shows up unfinished.
    Then compile the copy and compare with the committed .qm."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / ts_path(lang).name
        shutil.copy(ts_path(lang), copy)
        run_lupdate(copy)
        problems = problems_in(copy)
        built = Path(tmp) / qm_path(lang).name
        run_lrelease(copy, built)
        if not qm_path(lang).exists() or built.read_bytes() != qm_path(lang).read_bytes():
            problems.append(f"{qm_path(lang).name} is stale: run tools/translations.py")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="report problems, change nothing")
    args = parser.parse_args()
    status = 0
    for lang in LANGUAGES:
        if args.check:
            problems = check(lang)
        else:
            run_lupdate(ts_path(lang))
            run_lrelease(ts_path(lang), qm_path(lang))
            problems = problems_in(ts_path(lang))
        for problem in problems:
            print(f"{lang}: {problem}")
        status |= bool(problems)
    return status


if __name__ == "__main__":
    sys.exit(main())
