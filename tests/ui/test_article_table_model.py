from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt

from editorial_desk.domain.article import ArticleOrder, ArticleSummary, SortKey
from editorial_desk.domain.statuses import Status
from editorial_desk.ui.article_table_model import (
    ARTICLE_ID_ROLE,
    SORT_ROLE,
    ArticleTableModel,
    Column,
    sort_summaries,
)

VLADIVOSTOK = ZoneInfo("Asia/Vladivostok")


def _summary(
    article_id: int,
    title: str,
    planned: datetime | None,
    status: Status = Status.DRAFT,
    author: str = "Анна Редакторова",
) -> ArticleSummary:
    return ArticleSummary(
        id=article_id,
        title=title,
        status=status,
        rubric="Город",
        author_name=author,
        planned_at=planned,
        updated_at=datetime(2024, 5, 1, 9, 0, tzinfo=UTC),
        word_count=10,
    )


ROWS = [
    _summary(1, "Субботник в парке", datetime(2024, 5, 3, 23, 30, tzinfo=UTC)),
    _summary(2, "Ёлка на площади", None, Status.APPROVED, "Борис"),
    _summary(3, "Автобусы по новому расписанию", datetime(2024, 5, 10, 1, 0, tzinfo=UTC)),
    _summary(4, "Ремонт дорог", datetime(2024, 4, 30, 14, 0, tzinfo=UTC), Status.IN_REVIEW),
]


@pytest.fixture
def model(qapp) -> ArticleTableModel:
    model = ArticleTableModel(VLADIVOSTOK)
    model.set_rows(ROWS)
    return model


def _ids(model: ArticleTableModel) -> list[int]:
    return [model.index(row, 0).data(ARTICLE_ID_ROLE) for row in range(model.rowCount())]


def test_model_passes_qtmodeltester(qtmodeltester, model: ArticleTableModel) -> None:
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)


def test_default_order_is_newest_plan_first_unscheduled_last(model: ArticleTableModel) -> None:
    assert _ids(model) == [3, 1, 4, 2]


def test_changes_keep_the_model_consistent(qtmodeltester, model: ArticleTableModel) -> None:
    qtmodeltester.check(model)
    model.upsert(_summary(5, "Новая статья", None))
    model.upsert(_summary(1, "Субботник перенесён", None))
    assert model.remove(3)
    assert not model.remove(999)
    assert [s.id for s in model.rows()] == [5, 1, 4, 2]  # a new row goes on top
    assert model.summary(1).title == "Субботник перенесён"
    model.set_rows([])
    assert model.rowCount() == 0


def test_planned_date_is_shown_in_the_office_zone(model: ArticleTableModel) -> None:
    # 23:30 UTC on 3 May is 09:30 on 4 May in Vladivostok (UTC+10)
    text = model.index(model.row_of(1), Column.PLANNED).data()
    assert "09:30" in text or "9:30" in text
    assert "4" in text
    assert model.index(model.row_of(2), Column.PLANNED).data() == ""


def test_rows_carry_ids_and_translated_statuses(model: ArticleTableModel) -> None:
    row = model.row_of(2)
    assert model.index(row, Column.TITLE).data(ARTICLE_ID_ROLE) == 2
    assert model.index(row, Column.STATUS).data() == "Approved"
    assert model.index(row, Column.AUTHOR).data() == "Борис"
    assert model.headerData(Column.PLANNED, Qt.Orientation.Horizontal) == "Planned"
    assert isinstance(model.index(0, Column.PLANNED).data(SORT_ROLE), float)


def test_header_sort_by_planned_keeps_unscheduled_last(model: ArticleTableModel) -> None:
    model.sort(Column.PLANNED, Qt.SortOrder.AscendingOrder)
    assert _ids(model) == [4, 1, 3, 2]
    model.sort(Column.PLANNED, Qt.SortOrder.DescendingOrder)
    assert _ids(model) == [3, 1, 4, 2]


def test_header_sort_by_title_and_status(model: ArticleTableModel) -> None:
    model.sort(Column.TITLE, Qt.SortOrder.AscendingOrder)
    assert _ids(model) == [3, 2, 4, 1]  # А, Ё, Р, С: Ё sorts with Е, before Р
    assert model.order == ArticleOrder(SortKey.TITLE, descending=False)
    model.sort(Column.STATUS, Qt.SortOrder.AscendingOrder)
    assert _ids(model)[0] == 1  # drafts first (workflow order), then review, approved
    assert _ids(model)[-1] == 2


def test_every_column_sorts_and_a_key_without_a_column_fails_loudly(
    model: ArticleTableModel,
) -> None:
    """Each header sorts by its own key (author too, not a fallback), and a key no
    column maps to (SortKey.UPDATED: the calendar tray's, sorted by the database)
    raises instead of quietly sorting by some other column."""
    model.sort(Column.AUTHOR, Qt.SortOrder.AscendingOrder)
    assert model.order == ArticleOrder(SortKey.AUTHOR, descending=False)
    assert _ids(model)[-1] == 2  # «Анна…» before «Борис»
    assert {model.index(r, Column.AUTHOR).data(SORT_ROLE) for r in range(4)} == {
        "Анна Редакторова",
        "Борис",
    }
    mapped = {model.order.key}
    for column in Column:
        model.sort(column, Qt.SortOrder.DescendingOrder)
        mapped.add(model.order.key)
        assert model.rowCount() == len(ROWS)
    assert mapped == {SortKey.TITLE, SortKey.STATUS, SortKey.PLANNED, SortKey.AUTHOR}
    for key in set(SortKey) - mapped:
        with pytest.raises(ValueError, match=key.value):
            sort_summaries(ROWS, ArticleOrder(key))
    assert SortKey.UPDATED not in mapped


class CountingSource:
    """A page source over a long list that records what the model asked for."""

    def __init__(self, count: int) -> None:
        self.rows = [
            _summary(i, f"Новость {i}", datetime(2024, 1, 1, tzinfo=UTC).replace(minute=i % 60))
            for i in range(1, count + 1)
        ]
        self.calls: list[tuple[ArticleOrder, int, int]] = []

    def __call__(self, order: ArticleOrder, offset: int, limit: int) -> list[ArticleSummary]:
        self.calls.append((order, offset, limit))
        return sort_summaries(self.rows, order)[offset : offset + limit]


def test_long_list_is_fetched_page_by_page(qapp, qtmodeltester) -> None:
    source = CountingSource(450)
    model = ArticleTableModel(VLADIVOSTOK)
    model.page_size = 200
    model.set_source(source)
    assert model.rowCount() == 200
    assert [offset for _order, offset, _limit in source.calls] == [0]
    assert model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 450
    assert not model.canFetchMore()
    assert [offset for _order, offset, _limit in source.calls] == [0, 200, 400]
    assert len({s.id for s in model.rows()}) == 450
    qtmodeltester.check(model)


def test_sorting_a_paged_list_requeries_from_the_first_page(qapp) -> None:
    source = CountingSource(450)
    model = ArticleTableModel(VLADIVOSTOK)
    model.set_source(source)
    model.fetchMore()
    model.sort(Column.TITLE, Qt.SortOrder.DescendingOrder)
    order, offset, _limit = source.calls[-1]
    assert (order, offset) == (ArticleOrder(SortKey.TITLE, descending=True), 0)
    assert model.rowCount() == model.page_size
