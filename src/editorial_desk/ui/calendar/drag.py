"""What travels in a calendar drag: article ids, as ASCII "12,13", under the app's
own MIME type, so no other program's drop is taken for ours and ours is not
pasted as text. The week view (`week_view.encode_article_ids`) writes the same
format, so items travel between every calendar view and the tray.

Where an item comes from does not matter to a drop: on a day, a dated item keeps
its local time and an undated one gets DEFAULT_PLAN_TIME (the service decides,
`services.calendar.move_to_day`); on the tray, the date goes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from PySide6.QtCore import QByteArray, QMimeData

MIME_TYPE: Final = "application/x-editorial-desk-article-ids"


def encode(ids: Iterable[int]) -> QMimeData:
    unique = dict.fromkeys(int(i) for i in ids)  # once each, in order
    mime = QMimeData()
    mime.setData(MIME_TYPE, QByteArray(",".join(map(str, unique)).encode("ascii")))
    return mime


def decode(mime: QMimeData | None) -> list[int]:
    """The ids in `mime`; empty when it is not (a well-formed) one of ours."""
    if mime is None or not mime.hasFormat(MIME_TYPE):
        return []
    raw = bytes(mime.data(MIME_TYPE).data()).decode("ascii", errors="replace")
    try:
        return list(dict.fromkeys(int(part) for part in raw.split(",") if part.strip()))
    except ValueError:
        return []
