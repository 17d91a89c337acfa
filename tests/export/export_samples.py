"""Articles and images for exporter tests: real canonical bodies, real PNGs."""

from __future__ import annotations

import hashlib
import struct
import zlib
from dataclasses import replace
from datetime import UTC, datetime

from editorial_desk.document import body_stats, sanitize_body
from editorial_desk.domain.article import ArticleSnapshot
from editorial_desk.domain.assets import AssetData
from editorial_desk.domain.statuses import Status


def png_bytes(width: int, height: int, rgb: tuple[int, int, int] = (200, 30, 30)) -> bytes:
    """A valid PNG of the given size (python-docx and browsers read its header)."""
    row = b"\x00" + bytes(rgb) * width
    raw = row * height

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def asset_of(
    data: bytes, mime: str = "image/png", filename: str = "Каток в парке.png"
) -> AssetData:
    return AssetData(hashlib.sha256(data).hexdigest(), mime, filename, data)


PHOTO = asset_of(png_bytes(1600, 900))
SMALL = asset_of(png_bytes(120, 80, (20, 120, 20)), filename="icon.png")

BODY = (
    "<p>В субботу, 5 декабря, в городском парке «Дружба» откроется обновлённая зимняя "
    "площадка. Бюджет — <strong>12 500 000 рублей</strong>.</p>"
    "<h2>Что появилось в парке</h2>"
    "<p>Подрядчик завершил работы раньше срока. Для жителей подготовили:</p>"
    "<ul><li>каток площадью 1 800 м²;</li><li>прокат коньков;</li>"
    "<li>лыжную трассу:<ul><li>детский круг — 500 м;</li><li>взрослый круг — 2 км.</li></ul>"
    "</li></ul>"
    "<h3>Часы работы</h3>"
    '<ol start="3"><li>Будние дни — с 10:00 до 21:00.</li><li>Выходные — с 9:00 до 22:00.</li></ol>'
    "<ol><li>Первый пункт второго списка</li></ol>"
    "<blockquote><p>«Мы хотели, чтобы зимой в парк приходили всей семьёй», — отметил глава "
    "администрации И. И. Петров.</p></blockquote>"
    f'<figure><img src="{PHOTO.src}" alt="Каток">'
    "<figcaption>Фото: пресс-служба</figcaption></figure>"
    '<p>Вход <em>бесплатный</em>. Подробности — на <a href="https://example.org/park?a=1&amp;b=2">'
    'странице парка</a> и по телефону <a href="tel:+74950000000">+7 495 000-00-00</a>, '
    'почта <a href="mailto:press@example.org">press@example.org</a>.</p>'
    "<table><thead><tr><th>Услуга</th><th>Стоимость</th></tr></thead>"
    "<tbody><tr><td>Вход на каток</td><td>бесплатно</td></tr>"
    "<tr><td>Прокат коньков</td><td>150 ₽/час</td></tr></tbody></table>"
    "<hr>"
    "<p><em>Информационный отдел администрации города</em></p>"
)

NOW = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
PLANNED = datetime(2026, 12, 4, 22, 0, tzinfo=UTC)  # 5 December in Moscow


def make_article(**changes: object) -> ArticleSnapshot:
    body = sanitize_body(str(changes.pop("body", BODY)))
    article = ArticleSnapshot(
        id=42,
        version=3,
        title="В парке «Дружба» откроется зимняя площадка",
        lead="Каток, прокат и лыжная трасса - бесплатно для всех жителей.",
        body=body,
        rubric="Город",
        tags=("парк", "зима"),
        status=Status.APPROVED,
        author_login="a.ivanova",
        author_name="Анна Иванова",
        planned_at=PLANNED,
        created_at=NOW,
        updated_at=NOW,
        word_count=body_stats(body).words,
    )
    return replace(article, **changes)  # type: ignore[arg-type]
