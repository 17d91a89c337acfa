"""Fixtures for exporter tests (the data itself is in export_samples.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from export_samples import PHOTO, SMALL, make_article

from editorial_desk.domain.article import ArticleSnapshot
from editorial_desk.domain.assets import AssetData


@pytest.fixture
def article() -> ArticleSnapshot:
    return make_article()


@pytest.fixture
def assets() -> dict[str, AssetData]:
    return {PHOTO.sha256: PHOTO, SMALL.sha256: SMALL}


@pytest.fixture
def article_factory() -> Callable[..., ArticleSnapshot]:
    return make_article
