"""Store and fetch assets (images). Content-addressed: the same bytes are stored once."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from editorial_desk.domain.assets import IMAGE_MIME_TYPES, AssetData, sha256_of
from editorial_desk.domain.errors import NotFoundError, ValidationError
from editorial_desk.domain.timeutil import utc_now
from editorial_desk.store.models import Asset

MAX_ASSET_BYTES = 25 * 1024 * 1024


def store_asset(session: Session, data: bytes, mime_type: str, filename: str = "") -> AssetData:
    """Keep `data` (an image) and return it with its sha256; stores nothing new if
    the same bytes are already there."""
    if mime_type not in IMAGE_MIME_TYPES:
        raise ValidationError(f"unsupported image type {mime_type!r}")
    if not data:
        raise ValidationError("the image is empty")
    if len(data) > MAX_ASSET_BYTES:
        raise ValidationError(f"the image is larger than {MAX_ASSET_BYTES // 2**20} MB")
    digest = sha256_of(data)
    existing = session.scalar(select(Asset).where(Asset.sha256 == digest))
    if existing is None:
        session.add(
            Asset(
                sha256=digest,
                mime_type=mime_type,
                size=len(data),
                filename=filename[:255],
                data=data,
                created_at=utc_now(),
            )
        )
        session.flush()
        return AssetData(digest, mime_type, filename, data)
    return AssetData(existing.sha256, existing.mime_type, existing.filename, existing.data)


def get_asset(session: Session, sha256: str) -> AssetData:
    asset = session.scalar(select(Asset).where(Asset.sha256 == sha256))
    if asset is None:
        raise NotFoundError("image", sha256[:12])
    return AssetData(asset.sha256, asset.mime_type, asset.filename, asset.data)


def get_assets(session: Session, hashes: Iterable[str]) -> dict[str, AssetData]:
    """Every asset of `hashes` that exists, by hash (one query)."""
    wanted = set(hashes)
    if not wanted:
        return {}
    rows = session.scalars(select(Asset).where(Asset.sha256.in_(wanted)))
    return {a.sha256: AssetData(a.sha256, a.mime_type, a.filename, a.data) for a in rows}
