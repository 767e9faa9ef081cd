"""Which catalog indicator a figure reports, if any.

A figure maps when one of an indicator's variants occurs in its label and its
unit fits the indicator: a rate never lands in a count column, and a change
(同比增长31.4%, 平均减少20项) never in a level column. The longest match wins (ties: the
indicator with more matching variants, then catalog order); an indicator's
``exclude`` words veto it (涉企 for plain 行政复议收案). A label that leaves its
subject to the sentence (立案受理135件 after 收到复议申请138件) may borrow terms
from the words just before it, but one term at least must be its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from fazhi.figures.catalog import Catalog, Indicator
from fazhi.figures.lexicon import lexicon
from fazhi.figures.model import CHANGES
from fazhi.figures.units import base_unit

BORROW_REACH = 48  # characters back a borrowed term may lie; further is another topic
_AFTER_WINDOW = 8  # 33个行政执法领域: how far after a figure to look for what it counts
_DISTANCE_COST = 8  # characters of distance that cost a borrowed match one matched character


@dataclass(frozen=True, slots=True)
class Match:
    indicator: str
    variant: str
    borrowed: bool  # some terms came from the sentence, not the figure's own label


@lru_cache(maxsize=1)
def _kind_units() -> dict[str, frozenset[str]]:
    lex = lexicon()
    return {
        "count": lex.count_units | lex.word_units,
        "rate": lex.percent_units,
        "ratio": lex.percent_units | {"倍"},
        "amount": frozenset({"元"}),
        "duration": lex.time_units,
    }


def fits(ind: Indicator, unit: str, compare: str | None) -> bool:
    """Whether a figure with ``unit`` and ``compare`` can report indicator ``ind``."""
    if ind.kind == "ratio":
        if compare not in CHANGES and unit not in ("个百分点", "百分点", "倍"):
            return bool(ind.units) and unit in ind.units  # weights and scores (分), declared
    elif compare in CHANGES:
        return False  # a change (减少20项, 增长31.4%) is not a level
    allowed = frozenset(ind.units) if ind.units else _kind_units()[ind.kind]
    return unit in allowed or base_unit(unit) in allowed


def counts_a_category(after: str, cat: Catalog) -> bool:
    """``12个领域深入开展…``: the figure counts fields, not the indicator's things."""
    window = after[:_AFTER_WINDOW]
    for stop in "，,。;；、":
        window = window.split(stop)[0]
    return any(n in window for n in cat.category_nouns)


def map_figure(topic: str | None, unit: str, compare: str | None, context: str,
               cat: Catalog, after: str = "") -> Match | None:
    """The best indicator for a figure: from its label, failing that with its sentence's help."""
    if not topic or counts_a_category(after, cat):
        return None
    index = _index(cat)
    fitting = index.candidates(unit, compare)
    own = index.present(topic)
    best = _best(topic, own, set(), fitting, index)
    if best is not None or not context:
        return best
    context = context[-BORROW_REACH:]
    return _best(topic, own, index.present(context), fitting, index, context)


class _Index:
    """Per-catalog lookups: which indicators fit a unit, which variants a text can match."""

    def __init__(self, cat: Catalog) -> None:
        self.cat = cat
        self.order = {ind.id: n for n, ind in enumerate(cat.indicators)}
        # Equal scores go to the variant listed first, whatever order terms are found in.
        self.rank = {(ind.id, v): k for ind in cat.indicators for k, (v, _) in enumerate(ind.variants)}
        self._fitting: dict[tuple[str, str | None], frozenset[str]] = {}
        self._by_first: dict[str, set[str]] = {}
        self.by_term: dict[str, list[tuple[Indicator, str, tuple[str, ...]]]] = {}
        for ind in cat.indicators:
            for written, terms in ind.variants:
                for t in terms:
                    self._by_first.setdefault(t[0], set()).add(t)
                    self.by_term.setdefault(t, []).append((ind, written, terms))

    def candidates(self, unit: str, compare: str | None) -> frozenset[str]:
        key = (unit, compare)
        if key not in self._fitting:
            self._fitting[key] = frozenset(i.id for i in self.cat.indicators if fits(i, unit, compare))
        return self._fitting[key]

    def present(self, text: str) -> set[str]:
        """Catalog terms occurring in ``text`` (found by first character, not by scanning all)."""
        return {t for ch in set(text) for t in self._by_first.get(ch, ()) if t in text}


_INDEXES: dict[int, _Index] = {}


def _index(cat: Catalog) -> _Index:
    index = _INDEXES.get(id(cat))
    if index is None or index.cat is not cat:
        index = _INDEXES[id(cat)] = _Index(cat)
    return index


def _best(label: str, own: set[str], borrowed: set[str], fitting: frozenset[str],
          index: _Index, context: str = "") -> Match | None:
    scores: dict[str, tuple[float, int, str, Indicator]] = {}  # id -> (top, matches, variant, ind)
    seen: set[tuple[str, str]] = set()
    for term in sorted(own):
        for ind, written, terms in index.by_term[term]:
            if ind.id not in fitting or (ind.id, written) in seen:
                continue
            seen.add((ind.id, written))
            score = _score(terms, own, borrowed, context)
            if not score:
                continue
            top, n, variant, _ = scores.get(ind.id, (0, 0, "", ind))
            better = score > top or (score == top and index.rank[(ind.id, written)] < index.rank[(ind.id, variant)])
            scores[ind.id] = (max(top, score), n + 1, written if better else variant, ind)
    best = None
    for ind_id, (top, n, variant, ind) in scores.items():
        if any(w in label or w in context for w in ind.exclude):
            continue  # the sentence is about something the indicator is not
        key = (top, n, -index.order[ind_id])
        if best is None or key > best[0]:
            best = (key, Match(ind_id, variant, bool(borrowed)))
    return best[1] if best else None


def _score(terms: tuple[str, ...], own: set[str], borrowed: set[str], context: str = "") -> float:
    """Characters matched; 0 unless every term occurs (and one at least in the label itself).

    A borrowed term counts for less the further back it lies: in 对…规范性文件…进行公平竞争审查,
    全年审查16件 the nearer 公平竞争 names what was reviewed.
    """
    if not borrowed:
        return sum(len(t) for t in terms) if all(t in own for t in terms) else 0
    if not any(t in own for t in terms) or not all(t in own or t in borrowed for t in terms):
        return 0
    score = float(sum(len(t) for t in terms))
    far = max((len(context) - context.rfind(t) - len(t) for t in terms if t not in own), default=0)
    return max(score - far / _DISTANCE_COST, 0.1)
