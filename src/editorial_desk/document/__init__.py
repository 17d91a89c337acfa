"""The canonical article body format: sanitize, plain text, word counts.

Pure Python (stdlib + nh3): the editor, the store, importers and exporters all
depend on it, so it depends on nothing of theirs.
"""

from __future__ import annotations

from .sanitize import sanitize_body
from .text import TextStats, body_stats, count_text, paragraphs_from_plain_text, plain_text

__all__ = [
    "TextStats",
    "body_stats",
    "count_text",
    "paragraphs_from_plain_text",
    "plain_text",
    "sanitize_body",
]
