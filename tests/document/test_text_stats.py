"""Word and character counts for Russian press texts."""

from __future__ import annotations

import dataclasses

import pytest

from editorial_desk.document import TextStats, body_stats, count_text


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", 0),
        ("   \n\t ", 0),
        ("Администрация города", 2),
        ("ёлка Ёж ещё", 3),
        ("северо-западный", 1),
        ("из-за дождя", 2),
        ("кое-что изменилось", 2),
        ("Ростов-на-Дону", 1),
        ("1 787", 1),
        ("1\u00a0787", 1),
        ("1\u202f787", 1),
        ("12 500 000", 1),
        ("12\u00a0500\u00a0000 рублей", 2),
        ("1 787,5", 1),
        ("1 787,5 тонны", 2),
        ("(1 500)", 1),
        ("около 5 000 человек", 3),
        ("В 2024 году 150 человек", 5),
        ("123 45", 2),
        ("1234 567", 2),
        ("Москва — столица", 2),
        ("Москва - столица", 2),
        ("—", 0),
        ("-", 0),
        ("– … « »", 0),
        ("и т. д.", 3),
        ("т. д.", 2),
        ("т.д.", 1),
        ("press@example.ru", 1),
        ("Пишите на press@example.ru или звоните", 5),
        ("https://example.ru/news?id=1&page=2", 1),
        ("№ 5", 1),  # a symbol alone, like a dash, is not a word
        ("«Привет», — сказал он.", 3),
        ("слово,слово", 1),
        ("строка\nстрока", 2),
        ("_", 0),
    ],
)
def test_word_count(text: str, words: int) -> None:
    assert count_text(text).words == words


@pytest.mark.parametrize(
    ("text", "with_spaces", "without_spaces"),
    [
        ("", 0, 0),
        ("Привет, мир!", 12, 11),
        ("а\nб", 2, 2),
        ("а\r\nб", 2, 2),
        ("а\n\nб", 2, 2),
        ("1\u00a0787", 5, 4),
        ("1\u202f787", 5, 4),
        ("а\tб", 3, 2),
        ("  а  ", 5, 1),
        ("ёЁ", 2, 2),
        ("а\u2028б", 2, 2),
    ],
)
def test_character_counts(text: str, with_spaces: int, without_spaces: int) -> None:
    stats = count_text(text)
    assert stats.chars_with_spaces == with_spaces
    assert stats.chars_without_spaces == without_spaces


def test_stats_are_immutable_values() -> None:
    stats = count_text("два слова")
    assert stats == TextStats(words=2, chars_with_spaces=9, chars_without_spaces=8)
    with pytest.raises(dataclasses.FrozenInstanceError):
        stats.words = 3  # type: ignore[misc]


def test_body_stats_count_visible_text_only() -> None:
    body = (
        "<h2>Благоустройство</h2>"
        "<p>Работы на <strong>северо-западной</strong> набережной начнутся в мае.</p>"
        '<figure><img src="asset:' + "0" * 64 + '" alt="Набережная до ремонта">'
        "<figcaption>Фото: пресс-служба</figcaption></figure>"
        "<ul><li>Бюджет — 12&nbsp;500&nbsp;000 рублей</li><li>Срок&nbsp;— 1 787 дней</li></ul>"
    )
    stats = body_stats(body)
    # Благоустройство | Работы на северо-западной набережной начнутся в мае. |
    # Фото: пресс-служба | Бюджет 12 500 000 рублей | Срок 1 787 дней
    assert stats.words == 1 + 7 + 2 + 3 + 3
    text = (
        "Благоустройство\nРаботы на северо-западной набережной начнутся в мае.\n"
        "Фото: пресс-служба\nБюджет — 12\u00a0500\u00a0000 рублей\nСрок\u00a0— 1 787 дней"
    )
    assert stats == count_text(text)
    assert stats.chars_with_spaces == len(text) - text.count("\n")


def test_body_stats_of_empty_body() -> None:
    assert body_stats("") == TextStats(0, 0, 0)
