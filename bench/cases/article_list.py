"""Loading and filtering the article list through the service the UI uses.

Each sample is one `list_articles` call in its own session (one user action),
after one unmeasured warm-up call (SQLAlchemy's statement cache, SQLite's page
cache)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING

from bench.context import Context
from bench.registry import Samples, case
from bench.storegen import TODAY

if TYPE_CHECKING:
    from editorial_desk.domain.article import ArticleOrder, ArticleQuery

# What the article list in the window fetches at a time (ui.article_table_model).
UI_PAGE = 200


def _measure(
    ctx: Context,
    make_query: Callable[[], ArticleQuery],
    order: ArticleOrder | None = None,
    *,
    limit: int | None = None,
    offset: int = 0,
) -> Samples:
    from editorial_desk.services.articles import list_articles

    query = make_query()
    rows = 0
    with ctx.open_store() as store:

        def call() -> None:
            nonlocal rows
            with store.session() as session:
                rows = len(list_articles(session, query, order, limit=limit, offset=offset))

        samples = ctx.time_calls(call, warmup=1)
    return Samples(samples, {"rows": rows})


@case("list.all", description="list_articles(ArticleQuery()): every item but the trash")
def list_all(ctx: Context) -> Samples:
    from editorial_desk.domain.article import ArticleQuery

    return _measure(ctx, ArticleQuery)


@case("list.by_status", description="filter by status: draft + in review + returned")
def list_by_status(ctx: Context) -> Samples:
    from editorial_desk.domain.article import ArticleQuery
    from editorial_desk.domain.statuses import Status

    return _measure(
        ctx,
        lambda: ArticleQuery(statuses=(Status.DRAFT, Status.IN_REVIEW, Status.RETURNED)),
    )


@case("list.by_rubric", description="filter by rubric «Транспорт»")
def list_by_rubric(ctx: Context) -> Samples:
    from editorial_desk.domain.article import ArticleQuery

    return _measure(ctx, lambda: ArticleQuery(rubric="Транспорт"))


@case("list.by_month", description="filter by date range: the data set's current month")
def list_by_month(ctx: Context) -> Samples:
    from editorial_desk.domain.article import ArticleQuery

    month_start = TODAY.replace(day=1, hour=0, minute=0)
    next_month = (month_start + timedelta(days=32)).replace(day=1)
    return _measure(ctx, lambda: ArticleQuery(date_from=month_start, date_to=next_month))


@case("list.ui_first_page", description="what the window shows first: 200 rows, default order")
def list_ui_first_page(ctx: Context) -> Samples:
    from editorial_desk.domain.article import ArticleQuery

    return _measure(ctx, ArticleQuery, limit=UI_PAGE)


@case("list.ui_sort_by_title", description="header click on Title: first 200 rows re-sorted")
def list_ui_sort_by_title(ctx: Context) -> Samples:
    from editorial_desk.domain.article import ArticleOrder, ArticleQuery, SortKey

    return _measure(ctx, ArticleQuery, ArticleOrder(SortKey.TITLE, descending=False), limit=UI_PAGE)


@case("list.ui_deep_page", description="scrolled far down: the 200 rows at offset 40,000")
def list_ui_deep_page(ctx: Context) -> Samples:
    from editorial_desk.domain.article import ArticleQuery

    offset = min(40_000, max(ctx.store.info.items - UI_PAGE, 0))
    return _measure(ctx, ArticleQuery, limit=UI_PAGE, offset=offset)


@case("list.ui_title_filter", description="quick filter «город» (Cyrillic case folded), 200 rows")
def list_ui_title_filter(ctx: Context) -> Samples:
    from editorial_desk.domain.article import ArticleQuery

    return _measure(ctx, lambda: ArticleQuery(title_contains="ГОРОД"), limit=UI_PAGE)
