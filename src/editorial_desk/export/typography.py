"""Russian typography for exported text, after the ru rule set of the typograf
JavaScript library (written here in Python, one rule per regex or function):

* quotes: «ёлочки» outside, „лапки“ inside (straight and English quotes, and
  existing ones re-nested);
* dash: a hyphen, en dash or `--` between spaces becomes an em dash with a
  no-break space before it; a dash opening a paragraph gets one after it;
* no-break space after one- and two-letter words («в городе», «и т. д.»);
* no-break space between a number and its unit («1 800 м²», «150 рублей», «2026 г.»);
* no-break space after № and §;
* no-break spaces inside initials and between initials and the surname
  («И. И. Петров», «Петров И. И.»);
* no-break space inside «т. д.», «т. п.», «т. е.» and their kin;
* digit grouping: numbers of five digits and more are grouped in threes by a
  narrow no-break space (U+202F); a number the author grouped with ordinary spaces
  keeps its grouping, made unbreakable. Codes are left alone: numbers after №,
  ИНН, ОГРН, КПП, БИК, индекс, тел. and the like, and numbers starting with 0;
* three dots become «…».

URLs and e-mail addresses in the text are never changed, and nothing here sees an
attribute (`href`), because exporters hand over text nodes only.

Text arrives as *pieces*: the text nodes of a body in reading order, so that a
rule sees «в <strong>городе</strong>» as one sentence while each change lands in
the node it belongs to. Separators between blocks (U+2029), line breaks ("\\n")
and inline images (U+FFFC) are pieces of their own that no rule may change.
Every rule is idempotent, so typographing twice changes nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Final

from editorial_desk.document.tree import Element, Node
from editorial_desk.document.vocabulary import BLOCK_TAGS

NBSP: Final = "\u00a0"
NNBSP: Final = "\u202f"  # narrow no-break space: digit groups
ELLIPSIS: Final = "…"
EM_DASH: Final = "—"

BLOCK_BREAK: Final = "\u2029"
LINE_BREAK: Final = "\n"
OBJECT: Final = "\ufffc"
SEPARATORS: Final = frozenset({BLOCK_BREAK, LINE_BREAK, OBJECT})
"""Pieces that stand for structure, never for text: rules leave them alone."""

# -- protected spans ----------------------------------------------------------

_URL_RE: Final = re.compile(
    r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>«»\"“”„]*[^\s<>«»\"“”„.,;:!?)\]…]"
    r"|\b(?:mailto:)?[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+"
)


def _may_have_urls(text: str) -> bool:
    # Cheap substring tests first: scanning for URLs costs as much as three rules.
    return "://" in text or "www." in text or "@" in text


def _protected_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _URL_RE.finditer(text)]


# -- the rules ------------------------------------------------------------------

Edit = tuple[int, int, str]


@dataclass(frozen=True, slots=True)
class _Rule:
    """A regex whose match (or match group `group`) is replaced."""

    name: str
    pattern: re.Pattern[str]
    replacement: str | Callable[[re.Match[str]], str | None]
    group: int = 0
    needles: tuple[str, ...] = ()
    """If given, the rule can only match where one of these substrings occurs."""
    gate: Callable[[str], bool] | None = None
    """If given, a cheaper test that must pass for the rule to match."""

    def edits(self, text: str) -> list[Edit]:
        out: list[Edit] = []
        if self.needles and not any(needle in text for needle in self.needles):
            return out
        if self.gate is not None and not self.gate(text):
            return out
        replacement = self.replacement
        for match in self.pattern.finditer(text):
            new = replacement if isinstance(replacement, str) else replacement(match)
            start, end = match.span(self.group)
            if new is not None and new != text[start:end]:
                out.append((start, end, new))
        return out


# Speed matters (the HTML fragment of a 450-word item has a 1 ms budget), so every
# pattern starts with a literal or a rare character - Python's regex engine then
# skips ahead quickly - instead of with a lookbehind, which it would try at every
# position. A fixed-width lookbehind placed after the first character does the
# same job. The text always starts with a separator (see typograph_pieces), so no
# rule needs `^`.

_SPACE: Final = f"[ {NBSP}]"
_SPACES: Final = f"{_SPACE}+"


_SPACE_CHARS: Final = f" {NBSP}"
_DASH_FORMS: Final = frozenset({"-", "--", "---", "–", "—"})


def _dashes(text: str) -> list[tuple[int, int]]:
    """(start, end) of every dash followed by a space, in order. str.find is many
    times faster than a regex scan for three rare characters."""
    found = []
    for char in "-–—":
        position = text.find(char)
        while position != -1:
            end = position + 1
            while end < len(text) and text[end] in "-–—":
                end += 1
            if end < len(text) and text[end] in _SPACE_CHARS and text[position:end] in _DASH_FORMS:
                found.append((position, end))
            position = text.find(char, end)
    found.sort()
    return found


def _dash_edits(text: str) -> list[Edit]:
    """A dash with spaces around it becomes «NBSP— »; one opening a paragraph or
    line (dialogue, a quoted speaker) becomes «—NBSP». Found from the dash itself,
    which is rarer than the spaces around it."""
    edits: list[Edit] = []
    length = len(text)
    taken = 0  # end of the last edit: edits must not overlap
    for start, after in _dashes(text):
        if start < taken:
            continue
        while after < length and text[after] in _SPACE_CHARS:
            after += 1
        if after == length or text[after].isspace():
            continue  # nothing follows on this line
        before = start
        while before > taken and text[before - 1] in _SPACE_CHARS:
            before -= 1
        left = text[before - 1]
        if before == start:
            if left in (LINE_BREAK, BLOCK_BREAK):
                edits.append((start, after, f"{EM_DASH}{NBSP}"))
                taken = after
            continue  # else a hyphen inside a word («из-за», «2020-2025»)
        if left.isspace() or left in "-–—":
            continue
        if left.isdigit() and text[after].isdigit():
            continue  # «2020 - 2025» is a range, not a dash of prose
        edits.append((before, after, f"{NBSP}{EM_DASH} "))
        taken = after
    return edits


_ELLIPSIS_RULE: Final = _Rule(
    "ellipsis", re.compile(r"\.\.\.(?<!\.\.\.\.)(?!\.)"), ELLIPSIS, needles=("...",)
)

# After a one- or two-letter word: the word must follow a space, bracket or quote
# (not a hyphen: «из-за»), and the spaces are captured inside the lookahead so the
# next short word can use the same space as its left edge («и в городе»). Split
# in two because a pattern starting with a plain space is scanned much faster.
_SHORT_WORD: Final = r"[а-яёА-ЯЁ]{1,2}(?=( +)[^\s\-–—])"
_SHORT_WORD_RULE: Final = _Rule("short_word", re.compile(" " + _SHORT_WORD), NBSP, group=1)
_SHORT_WORD_AFTER_MARK_RULE: Final = _Rule(
    "short_word",
    re.compile(rf"[(«„\"“/{NBSP}{NNBSP}\n{BLOCK_BREAK}]" + _SHORT_WORD),
    NBSP,
    group=1,
)

_UNITS: Final = (
    # length, area, volume, mass
    r"мм|см|дм|м|км|м²|м³|км²|кв\.\s?м|куб\.\s?м|га|сот\.|мг|г|кг|ц|т|мл|л"
    # time, speed, power, data
    r"|сек|мин|ч|сут\.|км/ч|м/с|кВт|МВт|кВт·ч|Гкал|ГБ|МБ|ТБ"
    # money and counts
    r"|руб\.|руб|рубл(?:ь|я|ей|ям|ями|ях)|₽|коп\.|копе(?:йка|йки|ек)|тыс\.|млн|млрд|трлн|шт\."
    r"|%|‰|°C|°С|°"
)
_UNIT_RULE: Final = _Rule(
    "unit",
    re.compile(rf"\d( +)(?:{_UNITS})(?!\w)"),
    NBSP,
    group=1,
)

_NUMBER_SIGN_RULE: Final = _Rule(
    "number_sign",
    re.compile(r"([№§]+) *(?=[\w(])"),
    lambda m: m[1] + NBSP,
    needles=("№", "§"),
)

_CAPITAL: Final = "[А-ЯЁ]"


def _has_initial(text: str) -> bool:
    """A capital letter followed by a dot somewhere (most texts have no initials):
    a walk over the dots, much cheaper than a regex scan of the whole text."""
    dot = text.find(".", 1)
    while dot != -1:
        if "А" <= text[dot - 1] <= "Я" or text[dot - 1] == "Ё":
            return True
        dot = text.find(".", dot + 1)
    return False


_INITIALS_BEFORE_RULE: Final = _Rule(
    "initials",
    re.compile(
        rf"({_CAPITAL}(?<![\w.]{_CAPITAL})\.)[ {NBSP}]*(?:({_CAPITAL}\.)[ {NBSP}]*)?"
        rf"(?={_CAPITAL}[а-яё])"
    ),
    lambda m: m[1] + NBSP + (m[2] + NBSP if m[2] else ""),
    gate=_has_initial,
)
# «Петров И. И.»; not «Выступил И. И. Петров», whose initials precede a surname.
_INITIALS_AFTER_RULE: Final = _Rule(
    "initials",
    re.compile(
        rf"({_CAPITAL}(?<![\w.]{_CAPITAL})[а-яё]+(?:-{_CAPITAL}[а-яё]+)?) +({_CAPITAL}\.)"
        rf"(?:[ {NBSP}]*({_CAPITAL}\.))?(?!\w)(?![ {NBSP}]*{_CAPITAL}[а-яё.])"
    ),
    lambda m: m[1] + NBSP + m[2] + (NBSP + m[3] if m[3] else ""),
    gate=_has_initial,
)

_ABBREVIATIONS: Final = frozenset(
    {"тд", "тп", "те", "тк", "тн", "то", "тч", "ио", "нэ", "сг"}
)  # т. д., т. п., т. е., т. к., т. н., т. о., в т. ч., и. о., н. э., с. г.


def _abbreviation(match: re.Match[str]) -> str | None:
    first = match.string[match.start() - 1]
    return f".{NBSP}{match[1]}." if (first + match[1]) in _ABBREVIATIONS else None


# Starts at the first dot; the lookbehind checks the letter before it stands alone.
_ABBREVIATION_RULE: Final = _Rule(
    "abbreviation",
    re.compile(rf"\.(?<=[^\w.][а-яё]\.)[ {NBSP}]?([а-яё])\.(?!\w)"),
    _abbreviation,
)

# Numbers that are codes, not quantities: never grouped.
_CODE_BEFORE_RE: Final = re.compile(
    r"(?:№|#|ИНН|ОГРНИП|ОГРН|КПП|БИК|ОКПО|ОКТМО|ОКАТО|ОКВЭД|СНИЛС|индекс|тел\.?|факс"
    r"|телефон|р/с|к/с|л/с|код|артикул|ISBN|ISSN)[:\s" + NBSP + r"]*$",
    re.IGNORECASE,
)
_GROUP_SEPARATORS: Final = f" {NBSP}\u2009{NNBSP}"


def _is_code(text: str, start: int) -> bool:
    return _CODE_BEFORE_RE.search(text, max(0, start - 16), start) is not None


def _group_digits(match: re.Match[str]) -> str | None:
    number = match[0]
    if number.startswith("0") or _is_code(match.string, match.start()):
        return None
    digits = "".join(c for c in number if c.isdigit())
    if len(digits) < 5 and not any(c in _GROUP_SEPARATORS for c in number):
        return None
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return NNBSP.join(groups)


# A number not inside a word, a decimal, a date, a phone number or a longer group:
# either grouped already (1-3 digits, then groups of three) or five digits and more.
_DIGITS_RULE: Final = _Rule(
    "digit_grouping",
    re.compile(
        r"\d(?<![\w.,:/\-+#№]\d)(?<!\d[" + _GROUP_SEPARATORS + r"]\d)"
        r"(?:\d{0,2}(?:[" + _GROUP_SEPARATORS + r"]\d{3})+|\d{4,})"
        r"(?![\d" + _GROUP_SEPARATORS + r"]\d|-\d|[.,:/]\d{3}|\w)"
    ),
    _group_digits,
)

# -- quotes -----------------------------------------------------------------------

_OPENING_QUOTES: Final = ("«", "„")  # by nesting level: even, odd
_CLOSING_QUOTES: Final = ("»", "“")
_QUOTE_RE: Final = re.compile('["«»„“”]')
# Quote marks count as both kinds of context, so that a mark's decision does not
# change when a neighbouring mark is converted (which keeps the rule idempotent).
_QUOTE_MARKS: Final = '"«»„“”'
_BEFORE_OPENING: Final = frozenset(" \t\n\u2029\u00a0([{/-–—" + NNBSP + _QUOTE_MARKS)
_AFTER_CLOSING: Final = frozenset(" \t\n\u2029\u00a0)]}.,;:!?…-–—" + NNBSP + _QUOTE_MARKS)


def _quote_edits(text: str) -> list[Edit]:
    """Every quote mark re-chosen for its nesting level; nesting restarts per block.

    « and „ always open, » and ” always close; a straight " (and “, which opens in
    English and closes in Russian) is decided by its neighbours, and by the
    nesting depth when they do not tell."""
    edits: list[Edit] = []
    depth = 0
    last_block = 0
    for match in _QUOTE_RE.finditer(text):
        position = match.start()
        if text.find(BLOCK_BREAK, last_block, position) != -1:
            depth = 0
            last_block = position
        mark = match[0]
        if mark in "«„":
            opening = True
        elif mark in "»”" or (mark == "“" and depth and depth % 2 == 0):
            opening = False  # “ closes what „ opened (and is what we write for that)
        else:
            before = text[position - 1] if position else "\n"
            after = text[position + 1] if position + 1 < len(text) else "\n"
            may_open = before in _BEFORE_OPENING and after not in " \t\n\u2029\u00a0"
            may_close = after in _AFTER_CLOSING and before not in " \t\n\u2029\u00a0"
            # Neighbours decide when they agree; otherwise the nesting does.
            opening = may_open if may_open != may_close else depth == 0
            if not opening and depth == 0:
                continue  # a stray mark (inches, a typo): no pair to close
        if opening:
            new = _OPENING_QUOTES[depth % 2]
            depth += 1
        else:
            depth -= 1 if depth else 0
            new = _CLOSING_QUOTES[depth % 2]
        if new != mark:
            edits.append((position, position + 1, new))
    return edits


# -- the engine ---------------------------------------------------------------------

_RULES: Final[tuple[_Rule | Callable[[str], list[Edit]], ...]] = (
    _quote_edits,
    _ELLIPSIS_RULE,
    _dash_edits,
    _ABBREVIATION_RULE,
    _INITIALS_BEFORE_RULE,
    _INITIALS_AFTER_RULE,
    _NUMBER_SIGN_RULE,
    _DIGITS_RULE,
    _UNIT_RULE,
    _SHORT_WORD_RULE,
    _SHORT_WORD_AFTER_MARK_RULE,
)


def _outside(edits: list[Edit], protected: list[tuple[int, int]]) -> list[Edit]:
    return [
        edit
        for edit in edits
        if not any(start < edit[1] and edit[0] < end for start, end in protected)
    ]


def _apply(pieces: list[str], frozen: Sequence[bool], edits: list[Edit]) -> None:
    """Apply non-overlapping edits to the pieces they fall in. An edit spanning
    pieces leaves its replacement in the first one; one touching a separator is
    dropped, so structure never changes."""
    starts = [0, *accumulate(len(p) for p in pieces)][:-1]
    for start, end, new in reversed(edits):
        first = bisect_right(starts, start) - 1
        last = bisect_right(starts, max(end - 1, start)) - 1
        if any(frozen[i] for i in range(first, last + 1)):
            continue
        head = pieces[first][: start - starts[first]]
        if first == last:
            pieces[first] = head + new + pieces[first][end - starts[first] :]
        else:
            pieces[first] = head + new
            for i in range(first + 1, last):
                pieces[i] = ""
            pieces[last] = pieces[last][end - starts[last] :]


def typograph_pieces(pieces: Sequence[str]) -> list[str]:
    """The pieces with every rule applied (see the module's docstring)."""
    # A leading separator gives every rule a left edge to match against.
    out = [BLOCK_BREAK, *pieces]
    frozen = [p in SEPARATORS for p in out]
    urls = _may_have_urls("".join(out))
    for rule in _RULES:
        text = "".join(out)
        edits = rule.edits(text) if isinstance(rule, _Rule) else rule(text)
        if not edits:
            continue
        if urls and (protected := _protected_spans(text)):
            edits = _outside(edits, protected)
        _apply(out, frozen, edits)
    return out[1:]


def typograph(text: str) -> str:
    """One run of plain text (a title, a lead) with Russian typography applied."""
    if not text:
        return text
    return typograph_pieces([text])[0]


def typograph_tree(root: Element) -> None:
    """Apply the rules to every text node of a body tree, in place. Blocks are
    separated (quotes never pair across paragraphs), inline elements are not."""
    pieces: list[str] = []
    slots: list[tuple[list[Node], int] | None] = []

    def walk(element: Element) -> None:
        for index, child in enumerate(element.children):
            if isinstance(child, str):
                pieces.append(child)
                slots.append((element.children, index))
            elif child.tag == "br":
                pieces.append(LINE_BREAK)
                slots.append(None)
            elif child.tag == "img":
                pieces.append(OBJECT)
                slots.append(None)
            elif child.tag in BLOCK_TAGS:
                pieces.append(BLOCK_BREAK)
                slots.append(None)
                walk(child)
                pieces.append(BLOCK_BREAK)
                slots.append(None)
            else:
                walk(child)

    walk(root)
    for slot, text in zip(slots, typograph_pieces(pieces), strict=True):
        if slot is not None:
            children, index = slot
            children[index] = text
