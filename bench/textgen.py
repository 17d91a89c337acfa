"""Reproducible Russian news text: titles, leads and bodies in the canonical HTML subset.

Bodies are assembled from *blocks* (a paragraph, a heading, a list, a quote). Each
reusable block is sanitized and word-counted once, with the app's own
`sanitize_body` / `body_stats`, when the pool is built; only the item-specific
intro paragraph is counted per item, as plain text. Word counts add up block by
block because blocks are separate lines of plain text, so `Body.words` equals
`body_stats(Body.html).words` without parsing 50,000 bodies (the store generator
re-checks a sample of items to prove it).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Final

from bench import corpus
from bench.corpus import Event, Official, Topic

# --- the app's counting and sanitizing, with fallbacks while they are being written --


def load_body_counter() -> tuple[str, Callable[[str], int]]:
    try:
        from editorial_desk.document import body_stats
    except ImportError:
        try:
            from editorial_desk.document.text import body_stats
        except ImportError:
            return "bench-fallback", _fallback_body_words
    return "editorial_desk.document.body_stats", lambda html: body_stats(html).words


def load_text_counter() -> Callable[[str], int]:
    try:
        from editorial_desk.document import count_text
    except ImportError:
        try:
            from editorial_desk.document.text import count_text
        except ImportError:
            return _fallback_text_words
    return lambda text: count_text(text).words


def load_sanitizer() -> tuple[str, Callable[[str], str]]:
    try:
        from editorial_desk.document import sanitize_body
    except ImportError:
        try:
            from editorial_desk.document.sanitize import sanitize_body
        except ImportError:
            return "none", lambda html: html
    return "editorial_desk.document.sanitize_body", sanitize_body


_TAG_RE: Final = re.compile(r"<[^>]+>")
_WORDLIKE_RE: Final = re.compile(r"[^\W_]")


def _fallback_text_words(text: str) -> int:
    return sum(1 for token in text.split() if _WORDLIKE_RE.search(token))


def _fallback_body_words(html: str) -> int:
    return _fallback_text_words(_TAG_RE.sub(" ", html))


@dataclass(frozen=True, slots=True)
class Block:
    html: str
    words: int
    size: int  # UTF-8 bytes


@dataclass(frozen=True, slots=True)
class Body:
    blocks: tuple[Block, ...]

    @property
    def html(self) -> str:
        return "".join(block.html for block in self.blocks)

    @property
    def words(self) -> int:
        return sum(block.words for block in self.blocks)

    def prefix(self, fraction: float) -> str:
        """An earlier draft: the first part of the body (at least one block)."""
        count = max(1, round(len(self.blocks) * fraction))
        return "".join(block.html for block in self.blocks[:count])


@dataclass(frozen=True, slots=True)
class Story:
    """Title, lead and body about one event."""

    topic: Topic
    title: str
    lead: str
    body: Body
    tags: tuple[str, ...]


# --- slot filling -------------------------------------------------------------------


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _group(number: int) -> str:
    return f"{number:,}".replace(",", " ")


class _Slots(dict[str, str]):
    """`str.format_map` mapping that invents a value the first time a slot is used."""

    def __init__(self, gen: TextGenerator, topic: Topic, year: int) -> None:
        super().__init__()
        self._gen = gen
        self._topic = topic
        self._year = year

    def __missing__(self, key: str) -> str:
        value = self._gen.slot_value(key, self._topic, self._year)
        self[key] = value
        return value


_PAST_STATUS: Final = (
    "подведены итоги",
    "что важно знать",
    "работы выполнены на {p} %",
    "первые результаты",
)
_PLAN_STATUS: Final = ("сроки и подробности", "что изменится", "начало работ", "график работ")
_LIST_INTROS: Final = (
    "В перечень работ вошли:",
    "Программа включает:",
    "Основные направления:",
    "Среди главных задач:",
    "Что предусмотрено:",
)
_SAY_VERBS: Final = (
    ("отметил", "отметила"),
    ("подчеркнул", "подчеркнула"),
    ("сказал", "сказала"),
    ("пояснил", "пояснила"),
)
_LINK_SENTENCES: Final = (
    'Подробная информация опубликована на <a href="{url}">{anchor}</a>.',
    'Ознакомиться с документом можно на <a href="{url}">{anchor}</a>.',
    'Следите за новостями на <a href="{url}">{anchor}</a>.',
)


@dataclass
class _Pool:
    paragraphs: list[Block] = field(default_factory=list)
    lists: list[Block] = field(default_factory=list)
    quotes: list[Block] = field(default_factory=list)
    links: list[Block] = field(default_factory=list)
    headings: list[Block] = field(default_factory=list)
    subheadings: list[Block] = field(default_factory=list)


class TextGenerator:
    """All randomness comes from one `random.Random(seed)`: same seed, same text."""

    PARAGRAPHS_PER_TOPIC: Final = 160
    LISTS_PER_TOPIC: Final = 40
    QUOTES_PER_TOPIC: Final = 24
    LINKS_PER_TOPIC: Final = 12

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.counter_name, self._body_words = load_body_counter()
        self._text_words = load_text_counter()
        self.sanitizer_name, self._sanitize = load_sanitizer()
        self._topics = corpus.TOPICS
        self._topic_weights = [topic.weight for topic in self._topics]
        self._pools = {topic.rubric: self._build_pool(topic) for topic in self._topics}
        self._signatures = [self._block(f"<p><strong>{s}</strong></p>") for s in corpus.SIGNATURES]

    @property
    def topics(self) -> tuple[Topic, ...]:
        return self._topics

    # -- slots

    def slot_value(self, key: str, topic: Topic, year: int) -> str:
        rng = self.rng
        if key[:1].isupper():
            return _cap(self.slot_value(key[:1].lower() + key[1:], topic, year))
        match key:
            case "n":
                roll = rng.random()
                if roll < 0.75:
                    return str(rng.randrange(20, 300, 10))
                if roll < 0.95:
                    return str(rng.randrange(300, 1000, 10))
                return _group(rng.randrange(1000, 25_000, 10))
            case "money":
                whole = rng.randrange(12, 990)
                unit = rng.choice(("млн рублей", "млн рублей", "тыс. рублей", "млрд рублей"))
                if unit == "млрд рублей":
                    whole = rng.randrange(11, 60)
                return f"{whole // 10},{whole % 10} {unit}"
            case "p":
                return str(rng.randrange(15, 99))
            case "date":
                return f"{rng.randrange(1, 29)} {rng.choice(corpus.MONTHS_GENITIVE)}"
            case "year":
                return str(year)
            case "no":
                return str(rng.randrange(1, 64))
            case "route":
                return str(rng.randrange(2, 99))
            case "phone":
                return f"8 (4852) {rng.randrange(20, 80)}-{rng.randrange(10, 100)}-" + str(
                    rng.randrange(10, 100)
                )
            case "program":
                return rng.choice(corpus.PROGRAMS)
            case "company":
                return rng.choice(corpus.COMPANIES)
            case "exhibition":
                return rng.choice(corpus.EXHIBITIONS)
            case "festival":
                return rng.choice(corpus.FESTIVALS)
            case "contest":
                return rng.choice(corpus.CONTESTS)
            case "stadium":
                return rng.choice(corpus.STADIUMS)
            case "forum":
                return rng.choice(corpus.FORUMS)
            case "dept":
                return topic.dept
            case "place":
                return self._place(topic, year)
            case _:
                raise KeyError(f"unknown template slot {key!r}")

    def _place(self, topic: Topic, year: int) -> str:
        roll = self.rng.random()
        if roll < 0.4:
            return self.rng.choice(corpus.DISTRICTS)
        if roll < 0.7:
            kind = self.rng.choice(corpus.STREET_KINDS)
            return f"{kind} {self.rng.choice(corpus.STREET_NAMES)}"
        return self.rng.choice(topic.places).format_map(_Slots(self, topic, year))

    def fill(self, template: str, topic: Topic, year: int) -> str:
        return template.format_map(_Slots(self, topic, year))

    # -- blocks

    def _block(self, html: str) -> Block:
        clean = self._sanitize(html)
        return Block(clean, self._body_words(clean), len(clean.encode()))

    def _plain_paragraph(self, text: str) -> Block:
        # Corpus text has no characters HTML would escape, so this is canonical as is.
        html = f"<p>{text}</p>"
        return Block(html, self._text_words(text), len(html.encode()))

    def _facts(self, topic: Topic, year: int, count: int) -> list[str]:
        own = self.rng.sample(topic.facts, min(len(topic.facts), count))
        generic = self.rng.sample(corpus.GENERIC_FACTS, count)
        chosen = [own.pop() if own and self.rng.random() < 0.6 else generic.pop()]
        while len(chosen) < count:
            chosen.append(own.pop() if own and self.rng.random() < 0.6 else generic.pop())
        return [self.fill(fact, topic, year) for fact in chosen]

    def _quote(self, topic: Topic, year: int) -> str:
        roll = self.rng.random()
        official: Official = (
            topic.official
            if roll < 0.7
            else corpus.HEAD_OF_CITY
            if roll < 0.9
            else corpus.DEPUTY_HEAD
        )
        quote = self.rng.choice(topic.quotes + corpus.GENERIC_QUOTES)
        verb = self.rng.choice(_SAY_VERBS)[1 if official.female else 0]
        return f"«{quote}», — {verb} {official.position} {official.name}."

    def _build_pool(self, topic: Topic) -> _Pool:
        rng = self.rng
        pool = _Pool()
        for _ in range(self.PARAGRAPHS_PER_TOPIC):
            year = rng.randrange(2021, 2027)
            sentences = self._facts(topic, year, rng.randrange(2, 5))
            if rng.random() < 0.25:
                i = rng.randrange(len(sentences))
                sentences[i] = f"<strong>{sentences[i]}</strong>"
            pool.paragraphs.append(self._block(f"<p>{' '.join(sentences)}</p>"))
        items = topic.list_items + corpus.GENERIC_LIST_ITEMS
        for _ in range(self.LISTS_PER_TOPIC):
            year = rng.randrange(2021, 2027)
            chosen = rng.sample(items, rng.randrange(3, 6))
            lis = "".join(f"<li>{self.fill(item, topic, year)}</li>" for item in chosen)
            pool.lists.append(self._block(f"<p>{rng.choice(_LIST_INTROS)}</p><ul>{lis}</ul>"))
        for _ in range(self.QUOTES_PER_TOPIC):
            pool.quotes.append(self._block(f"<p>{self._quote(topic, 2024)}</p>"))
        for _ in range(self.LINKS_PER_TOPIC):
            url, anchor = rng.choice(corpus.LINKS)
            if url.endswith("/news/"):
                url += str(rng.randrange(1000, 99999))
            sentence = rng.choice(_LINK_SENTENCES).format(url=url, anchor=anchor)
            pool.links.append(self._block(f"<p>{sentence}</p>"))
        headings = topic.headings + corpus.GENERIC_HEADINGS
        pool.headings = [self._block(f"<h2>{h}</h2>") for h in headings]
        pool.subheadings = [self._block(f"<h3>{h}</h3>") for h in headings]
        return pool

    # -- stories

    def pick_topic(self) -> Topic:
        return self.rng.choices(self._topics, self._topic_weights)[0]

    def story(self, *, year: int, past: bool, target_bytes: int) -> Story:
        """One news item about one event; `past` picks the tense (done vs planned)."""
        rng = self.rng
        topic = self.pick_topic()
        event: Event = rng.choice(topic.events)
        slots = _Slots(self, topic, year)
        done = event.done.format_map(slots)
        plan = event.plan.format_map(slots)
        noun = event.noun.format_map(slots)
        place = self._place(topic, year)
        date = self.slot_value("date", topic, year)
        if past:
            title = rng.choice(
                (
                    f"{_cap(place)} {done}",
                    f"{_cap(place)} {done}",
                    f"{_cap(done)} {place}",
                    f"{_cap(noun)} {place}: " + self.fill(rng.choice(_PAST_STATUS), topic, year),
                )
            )
            headline_clause = f"{_cap(place)} {done}."
        else:
            title = rng.choice(
                (
                    f"{_cap(place)} {plan}",
                    f"{_cap(place)} {plan} до {date}",
                    f"До {date} {place} {plan}",
                    f"{_cap(noun)} {place}: {rng.choice(_PLAN_STATUS)}",
                )
            )
            headline_clause = f"{_cap(place)} {plan} до {date}."
        lead = " ".join([headline_clause, *self._facts(topic, year, rng.randrange(1, 3))])
        intro = " ".join(
            [
                f"Как сообщили {topic.dept}, {place} {done if past else plan}.",
                *self._facts(topic, year, rng.randrange(1, 3)),
            ]
        )
        tags = tuple(rng.sample(topic.tags, rng.randrange(0, min(3, len(topic.tags)) + 1)))
        return Story(topic, title, lead, self._body(topic, intro, target_bytes), tags)

    def _body(self, topic: Topic, intro: str, target_bytes: int) -> Body:
        rng = self.rng
        pool = self._pools[topic.rubric]
        blocks = [self._plain_paragraph(intro)]
        if rng.random() < 0.5:
            blocks.append(rng.choice(pool.quotes))
        size = sum(block.size for block in blocks)
        while size < target_bytes:
            section: list[Block] = []
            if rng.random() < 0.7:
                section.append(rng.choice(pool.headings))
            section.append(rng.choice(pool.paragraphs))
            if rng.random() < 0.45:
                section.append(rng.choice(pool.lists))
            elif rng.random() < 0.3:
                section.append(rng.choice(pool.quotes))
            blocks.extend(section)
            size += sum(block.size for block in section)
        if rng.random() < 0.4:
            blocks.append(rng.choice(pool.links))
        if rng.random() < 0.6:
            blocks.append(rng.choice(self._signatures))
        return Body(tuple(blocks))

    def huge_story(self, *, year: int, min_words: int) -> Story:
        """A long report (20,000 words and more) touching every topic."""
        rng = self.rng
        title = self.fill(rng.choice(corpus.HUGE_TITLES), self._topics[-1], year)
        lead = f"Публикуем полный текст документа. {self.fill('{Program}.', self._topics[0], year)}"
        blocks = [self._plain_paragraph(f"{title}. Документ подготовлен администрацией города.")]
        words = blocks[0].words
        per_topic = min_words // len(self._topics) + 1
        while words < min_words:
            for topic in self._topics:
                pool = self._pools[topic.rubric]
                section = [self._block(f"<h2>{topic.rubric}</h2>")]
                section_words = section[0].words
                while section_words < per_topic:
                    chunk = [rng.choice(pool.subheadings)]
                    chunk += rng.sample(pool.paragraphs, 3)
                    chunk.append(rng.choice(pool.lists if rng.random() < 0.6 else pool.quotes))
                    section.extend(chunk)
                    section_words += sum(block.words for block in chunk)
                blocks.extend(section)
                words += section_words
        blocks.append(self._signatures[0])
        return Story(self._topics[-1], title, lead, Body(tuple(blocks)), ("отчёт", "документы"))

    def body_of_words(self, words: int, *, rubric: str | None = None) -> Body:
        """A body of about `words` words (at least that many), e.g. for export benchmarks."""
        topic = next((t for t in self._topics if t.rubric == rubric), self._topics[0])
        pool = self._pools[topic.rubric]
        blocks: list[Block] = [self.rng.choice(pool.headings)]
        while sum(block.words for block in blocks) < words:
            blocks.append(self.rng.choice(pool.paragraphs))
            if self.rng.random() < 0.3:
                blocks.append(self.rng.choice(pool.lists))
        return Body(tuple(blocks))

    def returned_reason(self) -> str:
        return self.rng.choice(RETURN_REASONS)


RETURN_REASONS: Final[Sequence[str]] = (
    "Уточните сроки работ.",
    "Нужен комментарий профильного управления.",
    "Проверьте цифры, они расходятся с данными управления.",
    "Заголовок слишком длинный, сократите.",
    "Добавьте фотографии с объекта.",
    "Не хватает подписи пресс-службы.",
)
