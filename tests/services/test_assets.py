"""Assets are content-addressed and validated."""

from __future__ import annotations

import pytest

from editorial_desk.domain.assets import sha_from_src
from editorial_desk.domain.errors import NotFoundError, ValidationError
from editorial_desk.services.assets import get_asset, get_assets, store_asset

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def test_same_bytes_are_stored_once(store):
    with store.session() as session:
        first = store_asset(session, PNG, "image/png", "photo.png")
        again = store_asset(session, PNG, "image/png", "copy.png")
    assert first.sha256 == again.sha256
    assert again.filename == "photo.png"
    assert sha_from_src(first.src) == first.sha256
    with store.session() as session:
        assert get_asset(session, first.sha256).data == PNG
        assert set(get_assets(session, [first.sha256, "0" * 64])) == {first.sha256}


def test_bad_assets_are_refused(store):
    with store.session() as session:
        with pytest.raises(ValidationError):
            store_asset(session, PNG, "application/x-msdownload")
        with pytest.raises(ValidationError):
            store_asset(session, b"", "image/png")
        with pytest.raises(NotFoundError):
            get_asset(session, "f" * 64)


def test_only_well_formed_asset_sources_are_recognised():
    assert sha_from_src("asset:" + "a" * 64) == "a" * 64
    assert sha_from_src("asset:" + "A" * 64) is None
    assert sha_from_src("https://example.org/x.png") is None
    assert sha_from_src("asset:123") is None
