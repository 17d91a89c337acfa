"""Export to DOCX and HTML (exporters not built yet), and pandoc as a reference.

The pandoc cases are real measurements of `pandoc -f html -t docx` (a whole process
per conversion) over the same sample bodies our exporter will get; they are n/a
when pandoc is not on PATH. Sample bodies come from `ctx.text.body_of_words(n)`.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Final

from bench.context import Context
from bench.probe import pending
from bench.registry import Budget, NotAvailable, Samples, case

_DOCX: Final = ("editorial_desk.export.docx",)
_HTML: Final = ("editorial_desk.export.html",)


@case("export.docx_450", budget=Budget(0.010), description="DOCX of a 450-word item")
def docx_450(ctx: Context) -> list[float]:
    pending("the DOCX exporter", _DOCX, "export")


@case("export.docx_batch_100", budget=Budget(1.0), description="DOCX of a day's batch of 100")
def docx_batch_100(ctx: Context) -> list[float]:
    pending("the DOCX exporter", _DOCX, "export")


@case("export.docx_20k", budget=Budget(0.150), description="DOCX of a 20,000-word item")
def docx_20k(ctx: Context) -> list[float]:
    pending("the DOCX exporter", _DOCX, "export")


@case("export.html_fragment", budget=Budget(0.001), description="clean HTML fragment of an item")
def html_fragment(ctx: Context) -> list[float]:
    pending("the HTML exporter", _HTML, "export")


def _pandoc_docx(ctx: Context, words: int) -> Samples:
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        raise NotAvailable("pandoc not on PATH")
    version = subprocess.run(
        [pandoc, "--version"], capture_output=True, text=True, check=True
    ).stdout.splitlines()[0]
    body = ctx.text.body_of_words(words)
    source = ctx.work_dir / f"pandoc-{words}.html"
    source.write_text(
        f'<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>Новость</title>'
        f"</head><body>{body.html}</body></html>",
        encoding="utf-8",
    )
    target = Path(ctx.work_dir / f"pandoc-{words}.docx")
    argv = [pandoc, "-f", "html", "-t", "docx", "-o", str(target), str(source)]
    samples = ctx.time_calls(lambda: subprocess.run(argv, check=True), warmup=1)
    return Samples(samples, {"pandoc": version, "words": body.words})


@case("export.pandoc_docx_450", description="reference: pandoc HTML to DOCX, 450 words (process)")
def pandoc_docx_450(ctx: Context) -> Samples:
    return _pandoc_docx(ctx, 450)


@case("export.pandoc_docx_20k", description="reference: pandoc HTML to DOCX, 20,000 words")
def pandoc_docx_20k(ctx: Context) -> Samples:
    return _pandoc_docx(ctx, 20_000)
