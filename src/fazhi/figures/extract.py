"""The public entry point: every figure of a report, in text order."""

from __future__ import annotations

from fazhi.core.fold import fold
from fazhi.core.spans import Span
from fazhi.figures.blocked import block
from fazhi.figures.catalog import catalog
from fazhi.figures.clauses import compares, scoped_bounds, sentence_before
from fazhi.figures.filters import rejection
from fazhi.figures.grammar import Quantity, folded, scan
from fazhi.figures.labels import Label, label_all
from fazhi.figures.lexicon import exclusions, lexicon
from fazhi.figures.mapping import map_figure
from fazhi.figures.model import Figure


def quantities(text: str) -> list[Quantity]:
    """The grammar's matches that are figures (before labels and mapping).

    Read on ``folded(text)`` (⾏ as 行, ２０ as 20, 萬 as 万); offsets hold for ``text`` too.
    """
    lex, ex = lexicon(), exclusions()
    text = folded(text, lex)
    blocked = block(text, ex)
    kept = [q for q in scan(text, lex) if rejection(text, q, blocked, lex, ex) is None]
    return scoped_bounds(text, kept, lex)


def extract_figures(text: str) -> tuple[Figure, ...]:
    """Figures of ``text`` (pass ``Document.masked()``: offsets index ``Document.text``).

    Every figure's ``span.surface`` equals ``text[span.start:span.end]``; the
    values are exact decimals; each maps to at most one catalog indicator.
    Everything is read on ``folded(text)`` (PDF look-alikes such as ⾏政,
    full-width digits and traditional numerals folded, one character for one),
    so labels hold the look-alike-folded words, in the script the report was
    written in; spans are cut from ``text`` and keep what was written.
    """
    lex = lexicon()
    cat = catalog()
    plain = fold(text)
    reading = plain.translate(lex.traditional)
    qs = quantities(reading)
    kinds = compares(reading, qs, lex)
    labels = label_all(reading, qs, kinds, lex)
    figures = []
    for q, compare, lab in zip(qs, kinds, labels):
        label_span = Span.of(text, lab.start, lab.end) if lab.text else None
        context = sentence_before(reading, lab.start)
        after = reading[q.end : q.end + 12]
        match = map_figure(lab.topic, q.unit, compare, context, cat, after)
        if match and lab.part_of is not None and figures[lab.part_of].indicator == match.indicator:
            match = None  # 其中 parts never share their whole's column (刑事3016件 of 3721件)
        figures.append(
            Figure(
                span=Span.of(text, q.start, q.end),
                value=q.value,
                unit=q.unit,
                approx=q.approx,
                low=q.low,
                high=q.high,
                compare=compare,
                label=_as_written(lab, plain, reading),
                label_span=label_span,
                indicator=match.indicator if match else None,
                variant=match.variant if match else None,
                part_of=lab.part_of,
                fraction=q.fraction,
            )
        )
    return tuple(figures)


def _as_written(lab: Label, plain: str, reading: str) -> str | None:
    """The label in the report's own script: 辦理案件, not 办理案件, in a traditional text.

    Only the traditional characters the grammar folded are put back, from the
    stretch of text the label was read from.
    """
    if lab.text is None or plain is reading:
        return lab.text
    back = {reading[i]: plain[i] for i in range(lab.start, lab.end) if reading[i] != plain[i]}
    return lab.text.translate(str.maketrans(back)) if back else lab.text
