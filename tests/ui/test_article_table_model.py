from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt

from editorial_desk.domain.article import ArticleSummary
from editorial_desk.domain.statuses import Status
from editorial_desk.ui.article_table_model import (
    ARTICLE_ID_ROLE,
    SORT_ROLE,
    ArticleSortProxy,
    ArticleTableModel,
    Column,
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


def test_model_passes_qtmodeltester(qtmodeltester, model: ArticleTableModel) -> None:
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)


def test_proxy_passes_qtmodeltester(qtmodeltester, model: ArticleTableModel) -> None:
    proxy = ArticleSortProxy()
    proxy.setSourceModel(model)
    proxy.sort(Column.PLANNED, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy)


def test_changes_keep_the_model_consistent(qtmodeltester, model: ArticleTableModel) -> None:
    qtmodeltester.check(model)
    model.upsert(_summary(5, "Новая статья", None))
    model.upsert(_summary(1, "Субботник перенесён", None))
    assert model.remove(3)
    assert not model.remove(999)
    assert [s.id for s in model.rows()] == [1, 2, 4, 5]
    assert model.summary(0).title == "Субботник перенесён"
    model.set_rows([])
    assert model.rowCount() == 0


def test_planned_date_is_shown_in_the_office_zone(model: ArticleTableModel) -> None:
    # 23:30 UTC on 3 May is 09:30 on 4 May in Vladivostok (UTC+10)
    text = model.index(0, Column.PLANNED).data()
    assert "09:30" in text or "9:30" in text
    assert "4" in text
    assert model.index(1, Column.PLANNED).data() == ""


def test_rows_carry_ids_and_translated_statuses(model: ArticleTableModel) -> None:
    assert model.index(2, Column.TITLE).data(ARTICLE_ID_ROLE) == 3
    assert model.index(1, Column.STATUS).data() == "Approved"
    assert model.index(1, Column.AUTHOR).data() == "Борис"
    assert model.headerData(Column.PLANNED, Qt.Orientation.Horizontal) == "Planned"


def _ids(proxy: ArticleSortProxy) -> list[int]:
    return [proxy.index(row, 0).data(ARTICLE_ID_ROLE) for row in range(proxy.rowCount())]


def test_sorting_by_planned_uses_the_real_datetime(model: ArticleTableModel) -> None:
    proxy = ArticleSortProxy()
    proxy.setSourceModel(model)
    proxy.sort(Column.PLANNED, Qt.SortOrder.AscendingOrder)
    assert _ids(proxy) == [4, 1, 3, 2]  # unscheduled last
    proxy.sort(Column.PLANNED, Qt.SortOrder.DescendingOrder)
    assert _ids(proxy) == [2, 3, 1, 4]
    assert isinstance(model.index(0, Column.PLANNED).data(SORT_ROLE), float)


def test_sorting_by_title_and_status(model: ArticleTableModel) -> None:
    proxy = ArticleSortProxy()
    proxy.setSourceModel(model)
    proxy.sort(Column.TITLE, Qt.SortOrder.AscendingOrder)
    assert _ids(proxy) == [3, 2, 4, 1]  # А, Ё, Р, С: Ё sorts with Е, before Р
    proxy.sort(Column.STATUS, Qt.SortOrder.AscendingOrder)
    assert _ids(proxy)[0] in (1, 3)  # drafts first (workflow order), then review, approved
    assert _ids(proxy)[-1] == 2
