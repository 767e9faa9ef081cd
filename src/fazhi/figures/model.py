"""The records this package hands to the rest of fazhi."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from fazhi.core.spans import Span

# ``Figure.compare`` is None, "from", "to" or one of these: a change, never a level.
CHANGES = ("increase", "decrease")


def json_number(value: Decimal | None) -> int | float | None:
    """Integral values as int (117000000, not 1.17e8); others as float for JSON."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value)


@dataclass(frozen=True, slots=True)
class Figure:
    """One quantitative claim: ``span.surface`` is exactly the source text at ``span.start``.

    ``value`` has 万/亿 applied and is exact; ``unit`` drops them (``1.17亿元`` ->
    117000000, ``元``). ``approx`` is set by 余/多/约/以上/不少于 and bounds;
    ``low``/``high`` hold a stated or implied range. ``part_of`` is the index (in
    the same tuple) of the whole a ``其中`` part belongs to. A fraction (三分之一)
    is a rate in % (33.33) with the exact ``fraction`` ("1/3") kept.
    """

    span: Span
    value: Decimal
    unit: str
    approx: bool = False
    low: Decimal | None = None
    high: Decimal | None = None
    compare: str | None = None
    label: str | None = None
    label_span: Span | None = None
    indicator: str | None = None
    variant: str | None = None
    part_of: int | None = None
    fraction: str | None = None  # 三分之一 -> "1/3": the exact share behind a rounded rate

    @property
    def text(self) -> str:
        return self.span.surface

    @property
    def offset(self) -> int:
        return self.span.start

    def to_json(self) -> dict[str, object]:
        return {
            "text": self.span.surface,
            "offset": self.span.start,
            "value": json_number(self.value),
            "unit": self.unit,
            "approx": self.approx,
            "low": json_number(self.low),
            "high": json_number(self.high),
            "compare": self.compare,
            "label": self.label,
            "indicator": self.indicator,
            "variant": self.variant,
            "part_of": self.part_of,
            "fraction": self.fraction,
        }


@dataclass(frozen=True, slots=True)
class Issue:
    """A figure that cannot be right as printed, with the figures that show it.

    ``code`` is stable (it feeds the review's rules); ``figures`` are indices into
    the tuple ``extract_figures`` returned; ``evidence`` their spans.
    """

    code: str
    message: str
    figures: tuple[int, ...]
    evidence: tuple[Span, ...]

    def to_json(self) -> dict[str, object]:
        return {
            "code": self.code,
            "message": self.message,
            "figures": list(self.figures),
            "evidence": [s.to_json() for s in self.evidence],
        }
