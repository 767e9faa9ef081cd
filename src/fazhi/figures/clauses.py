"""What the clause around a figure says about it: comparisons and bounds.

``由3天压缩到0.5天`` makes a from/to pair; ``同比增长146.57%`` an increase;
``至少组织开展2期培训和1次评查`` bounds both figures. These need the words
between figures, so they run after the grammar over the whole list.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fazhi.figures.grammar import Quantity
from fazhi.figures.lexicon import Lexicon
from fazhi.figures.model import CHANGES

CLAUSE_END = re.compile(r"[,，。;；:：!！?？\n]")
SENTENCE_END = re.compile(r"[。;；!！?？\n]")
# Between two figures of one enumeration: 分别下降28.2%、9.2%; 2期…和1次
_LIST_JOINERS = re.compile(r"^[、和及与]?$")
_PERCENT_GAP = 10  # 精简执法队伍数量30.2%: a verb may govern a short noun before a rate
_COUNT_GAP = 4  # 共减少事项36项: counts change only right after their verb
_RATE_WORD = "率"  # 提升…满意率100%: a rate after the verb is a level, not a change


def clause_start(text: str, pos: int, limit: int = 120) -> int:
    lo = max(0, pos - limit)
    last = lo
    for m in CLAUSE_END.finditer(text, lo, pos):
        last = m.end()
    return last


def compares(text: str, qs: list[Quantity], lex: Lexicon) -> list[str | None]:
    """``from``/``to``/``increase``/``decrease`` or None, one per quantity."""
    out: list[str | None] = [None] * len(qs)
    for i, q in enumerate(qs):
        head = _head(text, qs, i)
        if out[i] is None:
            out[i] = _from_to(text, qs, i, head, lex, out)
        if out[i] is None:
            out[i] = _change(text, q, head, lex)
        if out[i] is None and i and _same_list(text, qs[i - 1], q):
            inherited = out[i - 1]
            out[i] = inherited if inherited in CHANGES else None
    return out


def _head(text: str, qs: list[Quantity], i: int) -> str:
    """Clause text before quantity ``i``, not reaching back past the previous figure."""
    start = clause_start(text, qs[i].start)
    if i and qs[i - 1].end > start:
        start = qs[i - 1].end
    return text[start : qs[i].start]


def _same_list(text: str, a: Quantity, b: Quantity) -> bool:
    return a.end <= b.start and bool(_LIST_JOINERS.match(text[a.end : b.start]))


# 由2022年的60%提高到2023年的85%: a time phrase may sit between marker and figure.
_WHEN = re.compile(r"(?:[0-9０-９]{4}年(?:底|末|度)?|上年|去年|上一年度?|今年|年初|年底)的?$")


def _from_to(text: str, qs: list[Quantity], i: int, head: str, lex: Lexicon, out: list) -> str | None:
    c = lex.compare
    head = _WHEN.sub("", head)
    if any(head.endswith(m) for m in c.from_markers) and i + 1 < len(qs):
        nxt = qs[i + 1]
        between = _WHEN.sub("", text[qs[i].end : nxt.start])
        if not CLAUSE_END.search(between) and any(between.endswith(t) for t in c.to_markers):
            out[i + 1] = "to"
            return "from"
    verbs = c.increase + c.decrease
    for t in c.to_markers:
        if t != "为" and head.endswith(t) and any(head[: -len(t)].endswith(v) for v in verbs):
            return "to"  # 提高至5.5分
    return None


def _change(text: str, q: Quantity, head: str, lex: Lexicon) -> str | None:
    c = lex.compare
    best: tuple[int, str, str] | None = None  # (position, verb, direction)
    for direction, verbs in (("increase", c.increase + c.needs_base), ("decrease", c.decrease)):
        for verb in verbs:
            at = head.rfind(verb)
            if at < 0:
                continue
            key = (at + len(verb), len(verb))
            if best is None or key > (best[0] + len(best[1]), len(best[1])):
                best = (at, verb, direction)
    if best is None:
        return None
    at, verb, direction = best
    if verb in c.needs_base and not any(b in head[:at] for b in c.base):
        return None
    gap = head[at + len(verb) :]
    if any(gap.startswith(n) for n in c.verb_nouns):
        return None
    gap = _strip_fillers(gap, c.fillers)
    if len(verb) == 1:
        return direction if not gap else None  # 增3项, never 提交3份
    if q.unit in lex.percent_units:
        return direction if len(gap) <= _PERCENT_GAP and _RATE_WORD not in gap else None
    return direction if len(gap) <= _COUNT_GAP else None


def _strip_fillers(gap: str, fillers: list[str]) -> str:
    changed = True
    while changed and gap:
        changed = False
        for f in sorted(fillers, key=len, reverse=True):
            if gap.endswith(f):
                gap, changed = gap[: -len(f)], True
                break
            if gap.startswith(f):
                gap, changed = gap[len(f) :], True
                break
    return gap


def scoped_bounds(text: str, qs: list[Quantity], lex: Lexicon) -> list[Quantity]:
    """``至少组织开展2期培训和1次评查``: a bound word earlier in the clause covers its figures."""
    q_words = lex.qualifiers
    out = list(qs)
    for i, q in enumerate(qs):
        if q.approx:
            continue
        start = clause_start(text, q.start)
        head = text[start : q.start]
        for word in q_words.scoped_lower + q_words.scoped_upper:
            at = head.rfind(word)
            if at < 0 or any(start + at < p.start < q.start for p in out[:i] if not p.approx):
                continue
            lower = word in q_words.scoped_lower
            out[i] = replace(q, approx=True, low=q.value if lower else q.low,
                             high=None if lower else q.value)
            break
    return out


def sentence_before(text: str, pos: int, limit: int = 80) -> str:
    """The sentence up to ``pos`` (at most ``limit`` characters): context for elliptic labels."""
    lo = max(0, pos - limit)
    last = lo
    for m in SENTENCE_END.finditer(text, lo, pos):
        last = m.end()
    return text[last:pos]
