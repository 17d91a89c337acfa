"""File names: date + transliterated slug, safe on Windows, at most 100 characters."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from export_samples import PHOTO, make_article
from hypothesis import given
from hypothesis import strategies as st

from editorial_desk.export.filenames import (
    MAX_NAME_LENGTH,
    article_stem,
    image_file_name,
    safe_file_name,
    slugify,
    transliterate,
    with_suffix_number,
)

_WINDOWS_FORBIDDEN = set('<>:"/\\|?*') | {chr(c) for c in range(32)}


def test_transliteration_table():
    assert transliterate("Щукино, Хабаровск, Цимлянск, Йошкар-Ола, Объезд, Юрьев, Ёлка") == (
        "Shchukino, Khabarovsk, Tsimlyansk, Yoshkar-Ola, Obezd, Yurev, Yolka"
    )
    assert transliterate("Café") == "Cafe"


def test_slug_is_lowercase_ascii_cut_at_a_word():
    assert slugify("В парке «Дружба» откроется зимняя площадка!") == (
        "v-parke-druzhba-otkroetsya-zimnyaya-ploshchadka"
    )
    long = slugify("Очень " * 40)
    assert len(long) <= 60 and not long.endswith("-") and set(long) <= set("ochenj-")


def test_article_stem_uses_the_planned_date_in_the_office_zone():
    article = make_article(planned_at=datetime(2026, 12, 4, 22, 0, tzinfo=UTC))
    assert article_stem(article, ZoneInfo("Europe/Moscow")) == (
        "2026-12-05_v-parke-druzhba-otkroetsya-zimnyaya-ploshchadka"
    )
    assert article_stem(article, ZoneInfo("UTC")).startswith("2026-12-04_")
    unscheduled = make_article(planned_at=None, title="!!!")
    assert article_stem(unscheduled, ZoneInfo("UTC")) == "2026-11-20_article-42"


@pytest.mark.parametrize("name", ["CON", "con.docx", "Nul.html", "COM1.zip", "lpt9", "COM¹.txt"])
def test_reserved_windows_names_are_avoided(name: str):
    safe = safe_file_name(name)
    assert safe.split(".")[0].lower() not in {"con", "nul", "com1", "lpt9", "com¹"}


def test_forbidden_characters_and_trailing_dots_are_removed():
    assert safe_file_name('a<b>c:d"e/f\\g|h?i*j\x01.docx') == "a_b_c_d_e_f_g_h_i_j_.docx"
    assert safe_file_name("отчёт. . .") == "отчёт"


@given(st.text(max_size=300), st.integers(min_value=1, max_value=9999))
def test_any_title_gives_a_safe_name_within_the_limit(title: str, number: int):
    article = make_article(title=title or "x")
    name = with_suffix_number(article_stem(article, ZoneInfo("UTC")), number, ".page.html")
    assert len(name) <= MAX_NAME_LENGTH
    assert not set(name) & _WINDOWS_FORBIDDEN
    assert name.endswith(".page.html") and not name.startswith(".")
    assert name == safe_file_name(name)


def test_suffix_numbers():
    assert with_suffix_number("2026-12-05_news", 1, ".docx") == "2026-12-05_news.docx"
    assert with_suffix_number("2026-12-05_news", 2, ".docx") == "2026-12-05_news-2.docx"
    assert len(with_suffix_number("x" * 200, 12, ".docx")) == MAX_NAME_LENGTH


def test_image_names_come_from_the_original_name_and_the_hash():
    assert image_file_name(PHOTO) == f"katok-v-parke-{PHOTO.sha256[:12]}.png"
