"""The text identity reads: simplified characters, look-alikes folded, mirror annotations cut out.

Reports reach users through mirrors as well as through the issuing site:
traditional-character copies (陸渡街道辦事處) and mirrors that print the
pinyin of some characters after them (內(nèi)蒙古自治區(qū)). Division names
and organ patterns are simplified, so identity reads a cleaned copy and maps
every span it finds back to the original characters (``origin``); the
evidence a user sees is always the text as printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from fazhi.core.fold import fold
from fazhi.core.spans import Span

# A pinyin reading in ASCII brackets right after an ideograph: 內(nèi), 區(qū).
_PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,6}\)")
# Characters that are simplified too and must never be converted (乾县, 乾安县).
_KEEP = frozenset("乾")
# A text is read as traditional when this many of its characters change.
_TRADITIONAL_MIN = 8


@lru_cache(maxsize=1)
def _converter():
    import opencc  # loaded only when a traditional text is met

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=8192)
def _simplified_char(char: str) -> str:
    if char in _KEEP:
        return char
    out = _converter().convert(char)
    return out if len(out) == 1 else char


def _to_simplified(text: str) -> str:
    """One character for one character, so offsets are kept."""
    han = {c for c in text if "\u4e00" <= c <= "\u9fff"}
    table = {ord(c): s for c in han if (s := _simplified_char(c)) != c}
    if not table or sum(text.count(chr(o)) for o in table) < _TRADITIONAL_MIN:
        return text
    return text.translate(table)


@dataclass(frozen=True, slots=True)
class Reading:
    """``clean`` is what patterns read; ``origin[i]`` is the offset in the source of ``clean[i]``."""

    clean: str
    origin: tuple[int, ...] | None  # None when nothing was cut: offsets are equal

    @classmethod
    def of(cls, text: str) -> Reading:
        simple = _to_simplified(fold(text))
        cuts = list(_PINYIN.finditer(simple))
        if not cuts:
            return cls(simple, None)
        keep: list[int] = []
        last = 0
        for cut in cuts:
            keep.extend(range(last, cut.start()))
            last = cut.end()
        keep.extend(range(last, len(simple)))
        return cls("".join(simple[i] for i in keep), tuple(keep))

    def source_offsets(self, start: int, end: int) -> tuple[int, int]:
        if self.origin is None:
            return start, end
        if start == end:
            at = self.origin[start] if start < len(self.origin) else (self.origin[-1] + 1 if self.origin else 0)
            return at, at
        # A reading cut out after the last character belongs to it: 區(qū), not 區.
        stop = self.origin[end] if end < len(self.origin) else self.origin[end - 1] + 1
        return self.origin[start], stop

    def span(self, source: str, start: int, end: int) -> Span:
        """The span of ``source`` that ``clean[start:end]`` was read from."""
        return Span.of(source, *self.source_offsets(start, end))
