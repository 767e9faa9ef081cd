"""The Document: what every reader returns and every later stage reads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from fazhi.core.spans import NoiseSpan, Span, mask

FORMATS = ("txt", "html", "docx", "pdf")


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where the text came from, enough to find and verify the original bytes."""

    source: str  # the path as the user gave it
    format: str  # one of FORMATS
    encoding: str  # of the original bytes ("utf-8", "gb18030", ...; "binary" for docx/pdf)
    sha256: str
    size: int


@dataclass(frozen=True, slots=True)
class ReaderHints:
    """Metadata a reader found outside the text itself (HTML <meta>, DOCX core properties).

    Identity prefers the text; these fill gaps the text leaves.
    """

    published: dt.date | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """Source text, noise spans marking furniture, and provenance.

    ``text`` is exactly what ``fazhi analyze --text`` prints; every offset
    anywhere in fazhi indexes into it.
    """

    text: str
    provenance: Provenance
    noise: tuple[NoiseSpan, ...] = ()
    # PDF only: one span per page, in order, so a fact can be cited by page.
    pages: tuple[Span, ...] = ()
    hints: ReaderHints = field(default_factory=ReaderHints)

    def masked(self) -> str:
        """The text with noise blanked out; offsets unchanged."""
        return mask(self.text, self.noise)

    def page_of(self, offset: int) -> int | None:
        """1-based page number holding ``offset``, or None when the format has no pages."""
        for number, page in enumerate(self.pages, start=1):
            if page.start <= offset < page.end:
                return number
        return None
