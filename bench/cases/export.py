"""Export to DOCX and HTML, with pandoc side by side as the reference.

Our cases and pandoc's convert the *same* bodies: the seeded 450- and
20,000-word bodies are generated once per run (`ctx.shared`) and used by both,
with the same headline and lead around them, and pandoc gets our Word template
as its `--reference-doc`. Our figures are in-process calls of the exporters
(what the app and a batch do per item); pandoc's are a whole process per
conversion, which is how anyone would use it. pandoc cases are n/a when pandoc is
not on PATH.

`export.docx_batch_100` is the whole service, as the UI and the CLI run it: a
date-range query over the benchmark store selecting a day of 100 approved
450-word items (added to the working copy for this case), each read, rendered,
written atomically (fsync, rename) into an empty folder and logged, in one unit
of work.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Final

from bench.context import Context
from bench.registry import Budget, NotAvailable, Samples, case

if TYPE_CHECKING:
    from bench.textgen import Body
    from editorial_desk.domain.article import ArticleSnapshot

_TITLE: Final = "Мэрия подвела итоги благоустройства дворов"
_LEAD: Final = "Работы завершены в 48 дворах, ещё 12 доделают весной - к 1 мая."
_SIGNATURE: Final = "Информационный отдел администрации города"
_BATCH: Final = 100


def _body(ctx: Context, words: int) -> Body:
    """The run's sample body of `words` words, the same one for every case."""
    return ctx.shared(f"export.body.{words}", lambda: ctx.text.body_of_words(words))


def _article(ctx: Context, words: int) -> ArticleSnapshot:
    from editorial_desk.domain.article import ArticleSnapshot
    from editorial_desk.domain.statuses import Status

    body = _body(ctx, words)
    now = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    return ArticleSnapshot(
        id=1,
        version=1,
        title=_TITLE,
        lead=_LEAD,
        body=body.html,
        rubric="Благоустройство",
        tags=("дворы", "благоустройство"),
        status=Status.APPROVED,
        author_login="a.ivanova",
        author_name="Анна Иванова",
        planned_at=now,
        created_at=now,
        updated_at=now,
        word_count=body.words,
    )


def _options():  # type: ignore[no-untyped-def]
    from editorial_desk.export import ExportOptions

    # The office defaults: typography on, dateline on, a signature line.
    return ExportOptions(signature=_SIGNATURE, time_zone="Europe/Moscow")


def _docx(ctx: Context, words: int) -> Samples:
    from editorial_desk.export import docx_bytes

    article = _article(ctx, words)
    options = _options()
    size = len(docx_bytes(article, {}, options))
    samples = ctx.time_calls(lambda: docx_bytes(article, {}, options), warmup=2)
    return Samples(samples, {"words": article.word_count, "bytes": size})


@case("export.docx_450", budget=Budget(0.010), description="DOCX of a 450-word item")
def docx_450(ctx: Context) -> Samples:
    return _docx(ctx, 450)


@case("export.docx_batch_100", budget=Budget(1.0), description="DOCX of a day's batch of 100")
def docx_batch_100(ctx: Context) -> Samples:
    from editorial_desk.domain.statuses import Status
    from editorial_desk.services.articles import create_article
    from editorial_desk.services.exports import batch_query, export_articles
    from editorial_desk.services.users import ensure_user
    from editorial_desk.store.models import Article

    options = _options()
    # A day's batch of 450-word items, added to the working copy of the store (the
    # generated items are shorter) on a day of their own, approved.
    day = datetime(2027, 3, 1, 6, 0, tzinfo=UTC)
    with ctx.open_store() as store:
        with store.session() as session:
            actor = ensure_user(session, ctx.store.info.app_login)
            words = 0
            for n in range(_BATCH):
                body = ctx.text.body_of_words(450)
                words += body.words
                article = create_article(
                    session, actor, title=f"{_TITLE} ({n + 1})", lead=_LEAD, body=body.html,
                    rubric="Благоустройство", planned_at=day,
                )  # fmt: skip
                session.get(Article, article.id).status = Status.APPROVED.value
        query = batch_query(day, day.replace(hour=7))
        folders: list[Path] = []

        def run() -> None:
            folder = Path(tempfile.mkdtemp(prefix="batch-", dir=ctx.work_dir))
            folders.append(folder)
            with store.session() as session:
                actor = ensure_user(session, ctx.store.info.app_login)
                results = export_articles(session, actor, query, "docx", folder, options)
            assert len(results) == _BATCH, len(results)

        samples = ctx.time_calls(run, warmup=1)
        written = sum(p.stat().st_size for p in folders[-1].iterdir())
        for folder in folders:
            shutil.rmtree(folder, ignore_errors=True)
    return Samples(
        samples,
        {"items": _BATCH, "words_mean": words // _BATCH, "bytes": written, "store": "50k + batch"},
    )


@case("export.docx_20k", budget=Budget(0.150), description="DOCX of a 20,000-word item")
def docx_20k(ctx: Context) -> Samples:
    return _docx(ctx, 20_000)


@case("export.html_fragment", budget=Budget(0.001), description="clean HTML fragment of an item")
def html_fragment(ctx: Context) -> Samples:
    from editorial_desk.export import html_fragment as fragment

    article = _article(ctx, 450)
    options = _options()
    size = len(fragment(article, {}, options).encode("utf-8"))
    samples = ctx.time_calls(lambda: fragment(article, {}, options), warmup=5, inner=50)
    return Samples(samples, {"words": article.word_count, "bytes": size, "typography": True})


def _pandoc() -> tuple[str, str]:
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        raise NotAvailable("pandoc not on PATH")
    version = subprocess.run(
        [pandoc, "--version"], capture_output=True, text=True, check=True
    ).stdout.splitlines()[0]
    return pandoc, version


def _pandoc_source(ctx: Context, words: int) -> Path:
    """The same item as our cases get, as the HTML page pandoc reads."""
    body = _body(ctx, words)
    source = ctx.work_dir / f"pandoc-{words}.html"
    source.write_text(
        f'<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>{_TITLE}</title>'
        f"</head><body><h1>{_TITLE}</h1><p>{_LEAD}</p>{body.html}<p>{_SIGNATURE}</p>"
        "</body></html>",
        encoding="utf-8",
    )
    return source


def _reference_doc() -> str:
    from importlib import resources

    path = resources.files("editorial_desk.resources").joinpath("templates/reference.docx")
    return str(path)


def _pandoc_docx(ctx: Context, words: int) -> Samples:
    pandoc, version = _pandoc()
    source = _pandoc_source(ctx, words)
    target = ctx.work_dir / f"pandoc-{words}.docx"
    argv = [pandoc, "-f", "html", "-t", "docx", f"--reference-doc={_reference_doc()}"]
    argv += ["-o", str(target), str(source)]
    samples = ctx.time_calls(lambda: subprocess.run(argv, check=True), warmup=1)
    return Samples(samples, {"pandoc": version, "words": _body(ctx, words).words})


@case("export.pandoc_docx_450", description="reference: pandoc HTML to DOCX, 450 words (process)")
def pandoc_docx_450(ctx: Context) -> Samples:
    return _pandoc_docx(ctx, 450)


@case(
    "export.pandoc_docx_batch_100",
    description="reference: pandoc, 100 × 450 words, one process each (1 repeat)",
)
def pandoc_docx_batch_100(ctx: Context) -> Samples:
    pandoc, version = _pandoc()
    if ctx.quick:
        raise NotAvailable("not run with --quick (100 pandoc processes)")
    source = _pandoc_source(ctx, 450)
    reference = _reference_doc()

    def run() -> None:
        for n in range(_BATCH):
            target = ctx.work_dir / f"pandoc-batch-{n}.docx"
            argv = [pandoc, "-f", "html", "-t", "docx", f"--reference-doc={reference}"]
            subprocess.run([*argv, "-o", str(target), str(source)], check=True)

    # One repeat: a sample is 100 processes (~15-30 s); more would add minutes.
    samples = ctx.time_calls(run, repeats=1, warmup=0)
    return Samples(samples, {"pandoc": version, "items": _BATCH, "repeats": 1})


@case("export.pandoc_docx_20k", description="reference: pandoc HTML to DOCX, 20,000 words")
def pandoc_docx_20k(ctx: Context) -> Samples:
    return _pandoc_docx(ctx, 20_000)
