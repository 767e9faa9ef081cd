"""Character spans into a document's source text.

Every fact fazhi extracts points back at the exact characters it came from.
Offsets are Python ``str`` indices into ``Document.text`` and never shift:
noise is marked with spans, never cut out of the text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from fazhi.core.errors import SpanError


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open interval ``[start, end)`` of the source text with the text it covers."""

    start: int
    end: int
    surface: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """Cut a span out of ``text``; the surface is taken, never retyped."""
        if not 0 <= start <= end <= len(text):
            raise SpanError(f"区间 [{start}, {end}) 超出文本长度 {len(text)}")
        return cls(start, end, text[start:end])

    @property
    def length(self) -> int:
        return self.end - self.start

    def check(self, text: str) -> None:
        """Raise unless this span still matches ``text`` (the grounding invariant)."""
        if text[self.start : self.end] != self.surface:
            raise SpanError(
                f"区间 [{self.start}, {self.end}) 的原文与记录不符: "
                f"{text[self.start:self.end]!r} != {self.surface!r}"
            )

    def to_json(self) -> dict[str, int]:
        return {"offset": self.start, "length": self.length}


@dataclass(frozen=True, slots=True)
class NoiseSpan:
    """Page furniture inside the text (breadcrumb, metadata bar, page footer...).

    ``kind`` says what it is so that a reader of the JSON can tell a page number
    from a share widget; downstream stages treat all kinds alike: not report text.
    """

    span: Span
    kind: str

    @property
    def start(self) -> int:
        return self.span.start

    @property
    def end(self) -> int:
        return self.span.end

    def to_json(self) -> dict[str, object]:
        return {**self.span.to_json(), "kind": self.kind}


def mask(text: str, spans: "tuple[NoiseSpan, ...] | list[NoiseSpan]") -> str:
    """The text with every noise span blanked by spaces, so offsets stay valid.

    Downstream stages (identity, figures, outline) read this instead of the raw
    text so that a breadcrumb or a page number never becomes a fact.
    """
    if not spans:
        return text
    chars = list(text)
    for noise in spans:
        for i in range(noise.start, noise.end):
            if chars[i] not in "\n\f":
                chars[i] = " "
    return "".join(chars)


def line_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-blank line's content, surrounding whitespace excluded."""
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        stripped = body.strip()
        if stripped:
            lead = len(body) - len(body.lstrip())
            yield pos + lead, pos + lead + len(stripped)
        pos += len(raw)
