"""Small helpers shared by the figures tests."""

from __future__ import annotations

from decimal import Decimal

from fazhi.figures import extract_figures
from fazhi.figures.model import Figure


def figures(text: str) -> tuple[Figure, ...]:
    figs = extract_figures(text)
    for f in figs:
        f.span.check(text)  # the grounding invariant, everywhere
    return figs


def only(text: str) -> Figure:
    figs = figures(text)
    assert len(figs) == 1, [f.text for f in figs]
    return figs[0]


def texts(text: str) -> list[str]:
    return [f.text for f in figures(text)]


def d(value: str | int) -> Decimal:
    return Decimal(str(value))
