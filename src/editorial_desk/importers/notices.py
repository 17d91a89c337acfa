"""What an import could not carry over, as data: a stable key and its parameters.

The importers used to say this in English sentences that the UI matched with
regular expressions to translate; a reworded sentence then silently stayed in
English.  Now a warning is an :class:`ImportNotice` (``kind`` + ``params``): the
UI translates by ``kind`` (``ui.import_ui``), the CLI and logs print
:func:`english_text` from the one table below.  Both tables are keyed by
:class:`ImportWarningKind`, and tests check that each has every kind and that the
placeholders agree.

A notice is plain data (a ``StrEnum`` and a dict of ``str``/``int``): it crosses
the conversion worker's pipe as a pickle, and :meth:`ImportNotice.to_json` /
:meth:`ImportNotice.from_json` carry it anywhere else.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Final


class ImportWarningKind(StrEnum):
    """Stable keys of import warnings (their values are stored nowhere, but keep
    them stable anyway: they are what a log or a JSON report shows)."""

    PICTURES_LINKED = "pictures_linked"  # {count}: DOCX pictures linked to outside files
    PICTURES_TOO_LARGE = "pictures_too_large"  # {count}, {size}: the limit in MB
    PICTURES_UNSUPPORTED = "pictures_unsupported"  # {count}, {format}: e.g. image/x-emf
    PICTURES_ON_WEB = "pictures_on_web"  # {count}: <img src="https://...">, never fetched
    PICTURES_OUTSIDE_FILE = "pictures_outside_file"  # {count}: file:, relative, cid: ...
    UNKNOWN_CHARSET = "unknown_charset"  # {charset} declared, {codec} used instead
    FALSE_UTF8 = "false_utf8"  # {codec}: declared UTF-8 but is not
    DOCUMENT_WITHOUT_TITLE = "document_without_title"  # DOCX: the file name was used
    PAGE_WITHOUT_TITLE = "page_without_title"  # HTML: the file name was used
    TEXT_WITHOUT_HEADLINE = "text_without_headline"  # plain text: the file name was used
    TITLE_CUT = "title_cut"  # {limit}: characters


# The English the CLI prints (after "warning: FILE: "), worded as before the keys.
ENGLISH_TEXTS: Final[Mapping[ImportWarningKind, str]] = {
    ImportWarningKind.PICTURES_LINKED: "{count} picture(s) linked to files outside the document",
    ImportWarningKind.PICTURES_TOO_LARGE: (
        "{count} picture(s) larger than {size} MB were left out"
    ),
    ImportWarningKind.PICTURES_UNSUPPORTED: (
        "{count} picture(s) in the {format} format were left out"
    ),
    ImportWarningKind.PICTURES_ON_WEB: "{count} picture(s) on the web were not downloaded",
    ImportWarningKind.PICTURES_OUTSIDE_FILE: (
        "{count} picture(s) stored outside the file were left out"
    ),
    ImportWarningKind.UNKNOWN_CHARSET: (
        "the page declares an unknown character set '{charset}'; read as {codec}"
    ),
    ImportWarningKind.FALSE_UTF8: "the page says UTF-8 but is not; read as {codec}",
    ImportWarningKind.DOCUMENT_WITHOUT_TITLE: (
        "the document has no title (Title style or a first heading); the file name was used"
    ),
    ImportWarningKind.PAGE_WITHOUT_TITLE: (
        "the page has no title (h1 or <title>); the file name was used"
    ),
    ImportWarningKind.TEXT_WITHOUT_HEADLINE: (
        "the text has no headline line; the file name was used"
    ),
    ImportWarningKind.TITLE_CUT: "the title was longer than {limit} characters and was cut",
}


def placeholders(template: str) -> frozenset[str]:
    """The ``{names}`` a ``str.format`` template fills."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


@dataclass(frozen=True, slots=True)
class ImportNotice:
    """One thing an import could not carry over (or had to guess)."""

    kind: ImportWarningKind
    params: Mapping[str, str | int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Catch a converter passing the wrong parameters where it happens, not
        # when a translated template fails to format in the UI.
        kind = ImportWarningKind(self.kind)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "params", dict(self.params))
        expected = placeholders(ENGLISH_TEXTS[kind])
        if set(self.params) != expected:
            raise ValueError(f"{kind} takes {sorted(expected)}, got {sorted(self.params)}")

    @classmethod
    def of(cls, kind: ImportWarningKind, /, **params: str | int) -> ImportNotice:
        return cls(kind, params)

    def __hash__(self) -> int:
        return hash((self.kind, tuple(sorted(self.params.items()))))

    def __str__(self) -> str:
        return english_text(self)

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "params": dict(self.params)}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ImportNotice:
        return cls(ImportWarningKind(data["kind"]), data.get("params", {}))


def english_text(notice: ImportNotice) -> str:
    """The English sentence for ``notice`` (the CLI's, and the logs')."""
    return ENGLISH_TEXTS[notice.kind].format(**notice.params)
