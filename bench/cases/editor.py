"""The article editor (`editorial_desk.ui.editor.ArticleEditor`) on the store's
first 20,000-word item (`ctx.store.info.huge_article_ids`).

Qt runs in a child process (`ctx.run_in_child`), with the app's own measuring
functions from `editorial_desk.ui.editor.bench_support`; the body travels there
as a file, since 300 KB is too long for a command-line argument.
"""

from __future__ import annotations

import statistics
from pathlib import Path
from typing import Any, Final

from bench.context import Context
from bench.probe import pending
from bench.registry import Budget, NotAvailable, Samples, case

_MODULES: Final = ("editorial_desk.ui.editor", "editorial_desk.ui.article_editor")
_KEYSTROKES_PER_REPEAT: Final = 100


def _huge_body_file(ctx: Context) -> Path:
    """The 20,000-word body, written once per run into the scratch directory."""

    def write() -> Path:
        ids = ctx.store.info.huge_article_ids
        if not ids:
            raise NotAvailable("the store has no 20,000-word item")
        from editorial_desk.services.articles import get_article

        with ctx.open_store() as store, store.session() as session:
            body = get_article(session, ids[0]).body
        path = ctx.work_dir / "editor-body-20k.html"
        path.write_text(body, encoding="utf-8")
        return path

    return ctx.shared("editor.body_20k", write)


@case(
    "editor.open_20k",
    budget=Budget(0.050),
    description="open a 20,000-word article in the editor",
)
def open_20k(ctx: Context) -> Samples:
    return ctx.run_in_child(
        "bench.cases.editor:child_open", body_file=str(_huge_body_file(ctx)), repeats=ctx.repeats
    )


@case("editor.keystroke", budget=Budget(0.001), description="one typed character, median")
def keystroke(ctx: Context) -> Samples:
    return ctx.run_in_child(
        "bench.cases.editor:child_keystrokes",
        body_file=str(_huge_body_file(ctx)),
        repeats=ctx.repeats,
        per_repeat=_KEYSTROKES_PER_REPEAT,
    )


@case("editor.autosave", budget=Budget(0.010), description="autosave of an edited article")
def autosave(ctx: Context) -> list[float]:
    pending("autosave in the editor", _MODULES, "editor")


# ---------------------------------------------------------------------------
# In the child process (a QApplication, offscreen)
# ---------------------------------------------------------------------------


def _app_and_body(body_file: str) -> tuple[Any, str]:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    return app, Path(body_file).read_text(encoding="utf-8")


def child_open(body_file: str, repeats: int) -> dict[str, Any]:
    """Open the body `repeats` times in one shown editor (as when switching
    articles), after one unmeasured warm-up open."""
    _app, body = _app_and_body(body_file)
    from editorial_desk.document import body_stats
    from editorial_desk.ui.editor.bench_support import measure_open, shown_editor

    editor = shown_editor()
    first = measure_open(body, editor)  # warm-up: caches, fonts, first layout code paths
    samples = [measure_open(body, editor) for _ in range(repeats)]
    return {
        "samples": samples,
        "extra": {"words": body_stats(body).words, "chars": len(body), "first_open_s": first},
    }


def child_keystrokes(body_file: str, repeats: int, per_repeat: int) -> dict[str, Any]:
    """Type `per_repeat` characters into the middle of the body per repeat; a sample
    is the median keystroke of its repeat."""
    _app, body = _app_and_body(body_file)
    from editorial_desk.ui.editor.bench_support import (
        measure_keystrokes,
        measure_open,
        shown_editor,
    )

    editor = shown_editor()
    measure_open(body, editor)
    measure_keystrokes(editor, 20)  # warm-up
    every: list[float] = []
    samples = []
    for _ in range(repeats):
        times = measure_keystrokes(editor, per_repeat)
        every.extend(times)
        samples.append(statistics.median(times))
    every.sort()
    return {
        "samples": samples,
        "extra": {
            "keystrokes": len(every),
            "p90_s": every[int(len(every) * 0.9)],
            "max_s": every[-1],
        },
    }
