"""Limits the importers repeat (they may not import the services) stay equal."""

from __future__ import annotations

from editorial_desk.importers import model
from editorial_desk.services import articles, assets


def test_importer_limits_match_the_services():
    assert model.MAX_IMAGE_BYTES == assets.MAX_ASSET_BYTES
    assert model.MAX_TITLE_LENGTH == articles.MAX_TITLE_LENGTH
