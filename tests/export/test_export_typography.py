"""Russian typography: one test per rule, on Russian sentences; URLs and e-mail
addresses are never touched; the rules are idempotent and see across inline
elements but never across paragraphs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editorial_desk.document.tree import read_body
from editorial_desk.export.typography import (
    BLOCK_BREAK,
    LINE_BREAK,
    NBSP,
    NNBSP,
    typograph,
    typograph_pieces,
    typograph_tree,
)

_ = NBSP
__ = NNBSP


def test_quotes_become_guillemets_with_low_quotes_inside():
    assert typograph('Проект "Зелёный "Город" 2030" одобрен.') == (
        "Проект «Зелёный „Город“ 2030» одобрен."
    )
    assert typograph("Он сказал: “Мы открыты”.") == "Он\u00a0сказал: «Мы\u00a0открыты»."
    # Existing «ёлочки» nested inside «ёлочки» are re-nested too.
    assert typograph("«Газета «Вечер» пишет»") == "«Газета „Вечер“ пишет»"
    # An unpaired straight quote (inches, a typo) is left as typed.
    assert typograph('экран 27" хорош') == 'экран 27" хорош'


def test_dash_gets_a_no_break_space_before_it():
    assert typograph("Москва - столица России.") == f"Москва{_}— столица России."
    assert typograph("Погода -- отличная, — сказал он.") == (f"Погода{_}— отличная,{_}— сказал он.")
    # A dash opening a paragraph (dialogue) is followed by a no-break space.
    assert typograph("- Вы куда? - спросил он.") == f"—{_}Вы{_}куда?{_}— спросил он."
    # Hyphens in words and number ranges stay hyphens.
    assert (
        typograph("северо-западный район, 2020-2025 гг.") == "северо-западный район, 2020-2025 гг."
    )
    assert typograph("в 2020 - 2025 годах") == f"в{_}2020 - 2025 годах"


def test_no_break_space_after_one_and_two_letter_words():
    assert typograph("Мы идём в парк и на каток.") == f"Мы{_}идём в{_}парк и{_}на{_}каток."
    assert typograph("из-за ремонта") == "из-за ремонта"  # «за» follows a hyphen


def test_no_break_space_before_units():
    assert typograph("Площадь 450 м², трасса 2,5 км, масса 12 кг.") == (
        f"Площадь 450{_}м², трасса 2,5{_}км, масса 12{_}кг."
    )
    assert typograph("Стоимость 150 рублей, 300 ₽, рост 15 %, к 2026 г.") == (
        f"Стоимость 150{_}рублей, 300{_}₽, рост 15{_}%, к{_}2026{_}г."
    )
    assert typograph("Выделено 5 тысяч") == "Выделено 5 тысяч"  # «т» only as a unit


def test_no_break_space_after_number_sign():
    assert typograph("Постановление № 15 и приказ №7") == (f"Постановление №{_}15 и{_}приказ №{_}7")


def test_no_break_spaces_inside_initials():
    assert typograph("Выступил И.И. Петров.") == f"Выступил И.{_}И.{_}Петров."
    assert typograph("Выступил Петров И. И., глава.") == f"Выступил Петров{_}И.{_}И., глава."
    assert typograph("Слово взял А. Сидоров") == f"Слово взял А.{_}Сидоров"


def test_no_break_space_inside_abbreviations():
    assert typograph("Скамейки, урны и т.д.") == f"Скамейки, урны и{_}т.{_}д."
    assert typograph("Деревья, кусты и т. п., т. е. всё") == (
        f"Деревья, кусты и{_}т.{_}п., т.{_}е. всё"
    )


def test_digit_grouping_with_narrow_no_break_space():
    assert typograph("Бюджет 12500000 рублей") == f"Бюджет 12{__}500{__}000{_}рублей"
    assert typograph("Пришли 15000 человек") == f"Пришли 15{__}000 человек"
    # Four digits stay as they are; the author's own grouping is made unbreakable.
    assert typograph("В 2026 году 1500 мест") == f"В{_}2026 году 1500 мест"
    assert typograph("площадь 1 800 и 1 787,5 гектара") == (
        f"площадь 1{__}800 и{_}1{__}787,5 гектара"
    )
    # Codes, phone numbers and decimals are not quantities.
    for code in (
        "ИНН 7701234567",
        "тел. 123456",
        "индекс 690091",
        "№ 123456",
        "+7 495 000-00-00",
        "код 00123",
        "3,14159",
    ):
        assert typograph(code).replace(_, " ") == code


def test_three_dots_become_an_ellipsis():
    assert typograph("И вот... Наконец-то....") == f"И{_}вот… Наконец-то...."


@pytest.mark.parametrize(
    "url",
    [
        "https://example.ru/news/v-parke-i-na-katke...html?a=1&b=2 - 3",
        "http://город.рф/т.д/№5",
        "www.example.ru/12500000",
        "press-sluzhba@example.ru",
        "mailto:a.b@example.ru",
    ],
)
def test_urls_and_addresses_are_never_touched(url: str):
    text = f'Подробности на "{url}" и в соцсетях...'
    result = typograph(text)
    assert url.split(" ")[0] in result
    assert result.startswith(f"Подробности на{_}«")
    assert result.endswith(f"в{_}соцсетях…")


def test_rules_see_across_inline_elements_but_not_across_paragraphs():
    root = read_body('<p>Он сказал: "<strong>в</strong> парке"</p><p>"второй абзац"</p>')
    typograph_tree(root)
    first, second = root.children
    assert first.children[1].children == ["в"]
    assert first.text() == f"Он{_}сказал: «в{_}парке»"
    assert second.text() == "«второй абзац»"


def test_separators_are_never_changed():
    pieces = ["текст", LINE_BREAK, "- реплика", BLOCK_BREAK, '"начало', BLOCK_BREAK, 'конец"']
    result = typograph_pieces(pieces)
    assert result[1] == LINE_BREAK and result[3] == BLOCK_BREAK and result[5] == BLOCK_BREAK
    assert result[2] == f"—{_}реплика"
    assert result[4].startswith("«")  # a quote left open does not pair with the next block


_russian = st.text(
    alphabet=st.sampled_from(list('абвгдеёжзийклмнопрстуфхцчшщыьэюяАИПТ .,-—"«»„“”№0123456789')),
    max_size=80,
)


@settings(max_examples=1000, deadline=None)
@given(_russian)
def test_typography_is_idempotent_and_keeps_letters_and_digits(text: str):
    once = typograph(text)
    assert typograph(once) == once
    keep = [c for c in text if c.isalnum()]
    assert [c for c in once if c.isalnum()] == keep
