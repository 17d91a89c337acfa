"""What an office can set about exports, and what an exporter is told about the
export it is part of. Plain values only: the UI keeps them in its settings, the
CLI builds them from flags, the services pass them through."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path


class ExportFormat(StrEnum):
    """The stable identifiers the CLI, the UI and the provenance log use."""

    DOCX = "docx"  # Word document from the office's reference template
    HTML = "html"  # clean fragment for the web CMS, images in images/ beside it
    PAGE = "page"  # standalone HTML5 page, images embedded: preview and e-mail (.page.html)
    ZIP = "zip"  # article.html (the fragment) + images/ + metadata.json

    @property
    def extension(self) -> str:
        # The page gets a two-part extension so it never takes the fragment's name.
        return {"docx": ".docx", "html": ".html", "page": ".page.html", "zip": ".zip"}[self.value]

    @classmethod
    def parse(cls, value: str) -> ExportFormat:
        from editorial_desk.domain.errors import ValidationError

        try:
            return cls(value.strip().lower())
        except ValueError:
            known = ", ".join(f.value for f in cls)
            raise ValidationError(f"unknown export format {value!r} (known: {known})") from None


class OnExisting(StrEnum):
    """What to do when a target file already exists. Nothing is ever overwritten
    unless the user said so: the UI asks first, the CLI needs `--overwrite`."""

    SUFFIX = "suffix"  # write "name-2.docx" beside it
    OVERWRITE = "overwrite"  # replace it (atomically)
    SKIP = "skip"  # leave it, export nothing for that article


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """Office settings for exports. The defaults are what a new office gets."""

    typography: bool = True
    """Russian typography (quotes, dashes, no-break spaces): see export/typography.py."""

    header_block: bool = True
    """A dateline (planned date · rubric) above the title in DOCX and the page."""

    signature: str = ""
    """The department's signature line, appended unless the body already ends with it."""

    reference_docx: Path | None = None
    """The office's own template (letterhead, fonts); None = the bundled one."""

    time_zone: str | None = None
    """IANA zone for dates in file names and datelines; None = the system's zone."""


@dataclass(frozen=True, slots=True)
class ExportContext:
    """Facts about one export that exporters write into the file's metadata."""

    revision_id: int | None = None
    exported_at: datetime | None = None
    exported_by: str = ""
