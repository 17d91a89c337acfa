"""Word-level diff of Russian text: exactly the changed words are marked."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editorial_desk.document.diff import (
    QT_MARKUP,
    DiffKind,
    DiffSegment,
    diff_words,
    render_html,
    tokenize,
)

E, INS, D = DiffKind.EQUAL, DiffKind.INSERT, DiffKind.DELETE
NBSP, NNBSP = "\u00a0", "\u202f"


def segs(*pairs: tuple[DiffKind, str]) -> list[DiffSegment]:
    return [DiffSegment(kind, text) for kind, text in pairs]


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        (
            "Всё решено: ёлка — на площади.",
            ["Всё", "решено", ":", "ёлка", "—", "на", "площади", "."],
        ),
        (
            "Санкт-Петербург, из-за, кто-нибудь",
            ["Санкт-Петербург", ",", "из-за", ",", "кто-нибудь"],
        ),
        ("парк «Дружба»", ["парк", "«", "Дружба", "»"]),
        ("собрали 1 500 000 руб.", ["собрали", "1 500 000", "руб", "."]),
        (f"12{NBSP}500 и 1{NNBSP}787,5", [f"12{NBSP}500", "и", f"1{NNBSP}787,5"]),
        ("в 10:30, 01.12.2026, 3,5%", ["в", "10:30", ",", "01.12.2026", ",", "3,5", "%"]),
        ("в 2026 году 500 человек", ["в", "2026", "году", "500", "человек"]),
        ("строка\nстрока", ["строка", "\n", "строка"]),
        ("О’Нил и 90-е", ["О’Нил", "и", "90-е"]),
        ("е\u0308лка", ["е\u0308лка"]),  # «ёлка» typed with a combining diaeresis
    ],
)
def test_tokens(text: str, tokens: list[str]):
    assert [t.text for t in tokenize(text)] == tokens


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            "Ёлка установлена на площади",
            "Ёлка будет установлена на площади",
            segs((E, "Ёлка "), (INS, "будет "), (E, "установлена на площади")),
            id="inserted word",
        ),
        pytest.param(
            "Всё готово к открытию",
            "Все готово к открытию",
            segs((D, "Всё"), (INS, "Все"), (E, " готово к открытию")),
            id="ё to е is a change",
        ),
        pytest.param(
            "Зелёный сквер открыт",
            "Зелёный сквер закрыт",
            segs((E, "Зелёный сквер "), (D, "открыт"), (INS, "закрыт")),
            id="word with ё stays whole and equal",
        ),
        pytest.param(
            "Делегация из Санкт-Петербурга прибыла",
            "Делегация из Нижнего Новгорода прибыла",
            segs(
                (E, "Делегация из "),
                (D, "Санкт-Петербурга"),
                (INS, "Нижнего Новгорода"),
                (E, " прибыла"),
            ),
            id="hyphenated word replaced whole",
        ),
        pytest.param(
            "Матч перенесли из-за дождя",
            "Матч перенесли из-за снега",
            segs((E, "Матч перенесли из-за "), (D, "дождя"), (INS, "снега")),
            id="hyphenated word kept whole",
        ),
        pytest.param(
            "Кто-то оставил заявку",
            "Кто-нибудь оставил заявку",
            segs((D, "Кто-то"), (INS, "Кто-нибудь"), (E, " оставил заявку")),
            id="hyphenated word changed",
        ),
        pytest.param(
            "Парк «Дружба» открыт после ремонта",
            "Парк «Победа» открыт после ремонта",
            segs((E, "Парк «"), (D, "Дружба"), (INS, "Победа"), (E, "» открыт после ремонта")),
            id="word inside кавычки",
        ),
        pytest.param(
            'Парк "Дружба" открыт',
            "Парк «Дружба» открыт",
            segs(
                (E, "Парк "),
                (D, '"'),
                (INS, "«"),
                (E, "Дружба"),
                (D, '"'),
                (INS, "»"),
                (E, " открыт"),
            ),
            id="only the quotes changed",
        ),
        pytest.param(
            "На ремонт выделено 1 500 000 рублей",
            "На ремонт выделено 1 700 000 рублей",
            segs((E, "На ремонт выделено "), (D, "1 500 000"), (INS, "1 700 000"), (E, " рублей")),
            id="number with spaces is one token",
        ),
        pytest.param(
            f"Участников: 12{NBSP}500, бюджет 1{NNBSP}787,5 млн",
            f"Участников: 12{NBSP}500, бюджет 1{NNBSP}787,6 млн",
            segs(
                (E, f"Участников: 12{NBSP}500, бюджет "),
                (D, f"1{NNBSP}787,5"),
                (INS, f"1{NNBSP}787,6"),
                (E, " млн"),
            ),
            id="numbers grouped with no-break spaces",
        ),
        pytest.param(
            "Начало в 10:30 01.12.2026",
            "Начало в 11:30 01.12.2026",
            segs((E, "Начало в "), (D, "10:30"), (INS, "11:30"), (E, " 01.12.2026")),
            id="time is one token",
        ),
        pytest.param(
            "Итак, всё готово",
            "Итак всё готово",
            segs((E, "Итак"), (D, ","), (E, " всё готово")),
            id="deleted comma only",
        ),
        pytest.param(
            "в пятницу вечером",
            "в пятницу",
            segs((E, "в пятницу"), (D, " вечером")),
            id="deleted last word",
        ),
        pytest.param(
            "Первый абзац. Второй абзац.",
            "Первый абзац.\nВторой абзац.",
            segs((E, "Первый абзац."), (D, " "), (INS, "\n"), (E, "Второй абзац.")),
            id="paragraph split",
        ),
        pytest.param(
            "е\u0308лка и парк",
            "ёлка и сквер",
            segs((E, "ёлка и "), (D, "парк"), (INS, "сквер")),
            id="decomposed ё equals precomposed",
        ),
        pytest.param(
            "Ёлку поставят в пятницу.",
            "Ёлку поставят в пятницу.\nМонтаж начнётся в 9 утра.",
            segs((E, "Ёлку поставят в пятницу."), (INS, "\nМонтаж начнётся в 9 утра.")),
            id="added paragraph starts at the line break",
        ),
        pytest.param(
            "Раз.\nДва.\nТри.",
            "Раз.\nТри.",
            segs((E, "Раз.\n"), (D, "Два.\n"), (E, "Три.")),
            id="deleted paragraph",
        ),
        pytest.param("", "Новый текст", segs((INS, "Новый текст")), id="from empty"),
        pytest.param("Старый текст", "", segs((D, "Старый текст")), id="to empty"),
        pytest.param("Без изменений", "Без изменений", segs((E, "Без изменений")), id="same"),
    ],
)
def test_exactly_the_changed_words_are_marked(old, new, expected):
    assert diff_words(old, new) == expected


def test_changes_in_one_paragraph_of_many_stay_local():
    paragraphs = [f"Абзац номер {n}: в городе всё спокойно." for n in range(50)]
    changed = list(paragraphs)
    changed[20] = "Абзац номер 20: в городе всё ещё спокойно."
    result = diff_words("\n".join(paragraphs), "\n".join(changed))
    assert [s for s in result if s.kind is not E] == [DiffSegment(INS, "ещё ")]


def test_html_marks_insertions_and_deletions_and_escapes():
    segments = diff_words("Цена <5> & «старая»", "Цена <7> & «новая»\nконец")
    html = render_html(segments)
    assert html == (
        "Цена &lt;<del>5</del><ins>7</ins>&gt; &amp; «<del>старая</del><ins>новая</ins>»"
        "<ins>¶<br>конец</ins>"
    )
    assert "<script" not in render_html(diff_words("", "<script>alert(1)</script>"))
    qt = render_html(segments, QT_MARKUP)
    assert "<ins>" not in qt and "line-through" in qt and "underline" in qt


_russian = st.text(
    alphabet=st.sampled_from(list("абвгдеёжзий ЁЛКА-,.«»—0123456789\n\u00a0")), max_size=60
)


@settings(max_examples=300, deadline=None)
@given(_russian, _russian)
def test_segments_rebuild_the_new_text_and_the_old_words(old, new):
    segments = diff_words(old, new)
    assert "".join(s.text for s in segments if s.kind is not D) == new
    rebuilt_old = "".join(s.text for s in segments if s.kind is not INS)
    assert [t.text for t in tokenize(rebuilt_old)] == [t.text for t in tokenize(old)]
    assert all(s.text for s in segments)
    assert all(a.kind is not b.kind for a, b in itertools.pairwise(segments))
