"""Binary assets (images) an article body refers to as `asset:<sha256>`."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

ASSET_SCHEME = "asset:"

# What an office actually puts in news items; anything else is refused on import.
IMAGE_MIME_TYPES: dict[str, str] = {
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/gif": ".gif",
    "image/webp": ".webp",
}


@dataclass(frozen=True, slots=True)
class AssetData:
    sha256: str
    mime_type: str
    filename: str
    data: bytes

    @property
    def src(self) -> str:
        """What the body's `<img src>` says."""
        return f"{ASSET_SCHEME}{self.sha256}"

    @property
    def extension(self) -> str:
        return IMAGE_MIME_TYPES.get(self.mime_type, ".bin")


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha_from_src(src: str) -> str | None:
    """`asset:<64 hex>` -> the hash; None for anything else."""
    if not src.startswith(ASSET_SCHEME):
        return None
    digest = src[len(ASSET_SCHEME) :]
    if len(digest) == 64 and all(c in "0123456789abcdef" for c in digest):
        return digest
    return None
