"""The article editor (`editorial_desk.ui.editor.ArticleEditor`) on the store's
first 20,000-word item (`ctx.store.info.huge_article_ids`).

Qt runs in a child process (`ctx.run_in_child`), with the app's own measuring
functions from `editorial_desk.ui.editor.bench_support`; the body travels there
as a file, since 300 KB is too long for a command-line argument.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path
from typing import Any, Final

from bench.context import Context
from bench.registry import Budget, NotAvailable, Samples, case

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


@case(
    "editor.autosave",
    budget=Budget(0.010),
    description="autosave of an edited 20,000-word article: UI-thread time of one tick",
)
def autosave(ctx: Context) -> Samples:
    return ctx.run_in_child(
        "bench.cases.editor:child_autosave",
        body_file=str(_huge_body_file(ctx)),
        repeats=ctx.repeats,
    )


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


def child_autosave(body_file: str, repeats: int) -> dict[str, Any]:
    """One autosave tick's UI-thread part after a typed character, in a shown
    `ArticleForm` holding the body: `AutosaveController.save_now()`, which is what
    the debounce timer runs (the form's fields, a clone of the body document, the
    worker's start). The worker's part (canonical conversion and the atomic journal
    write) is waited for outside the sample; its duration is reported as extras."""
    import tempfile

    _app, body = _app_and_body(body_file)
    from PySide6.QtWidgets import QApplication

    from editorial_desk.store.recovery import RecoveryJournal
    from editorial_desk.ui.article_form import ArticleForm
    from editorial_desk.ui.autosave import AutosaveController, entry_from_draft
    from editorial_desk.ui.editor.bench_support import measure_keystrokes

    form = ArticleForm(load_icons=False)
    form.resize(1000, 760)
    form.show()
    form.start_from("Заголовок", "Лид", body)
    for _ in range(3):
        QApplication.processEvents()
    with tempfile.TemporaryDirectory() as folder:
        journal = RecoveryJournal(Path(folder))
        controller = AutosaveController(form, journal, "new-bench", debounce_ms=60_000)
        samples, worker = [], []
        for _ in range(repeats + 1):  # the first is a warm-up
            measure_keystrokes(form.editor, 1)
            started = time.perf_counter()
            controller.save_now()
            samples.append(time.perf_counter() - started)
            started = time.perf_counter()
            controller.wait()
            worker.append(time.perf_counter() - started)
        if not journal.has("new-bench"):
            raise RuntimeError("autosave wrote no entry")
        # the worker's two steps apart, on this thread (no GIL sharing)
        draft = controller.snapshot()
        started = time.perf_counter()
        entry = entry_from_draft(controller.key, draft)
        converted = time.perf_counter() - started
        started = time.perf_counter()
        journal.write(entry)
        written = time.perf_counter() - started
        controller.discard()
    return {
        "samples": samples[1:],
        "extra": {
            "words": form.editor.stats().words,
            "worker_s": statistics.median(worker[1:]),
            "convert_s": converted,
            "write_s": written,
            "entry_bytes": len(entry.body.encode("utf-8")),
        },
    }
