"""Which grammatical quantities are figures.

A report is full of numerals that count nothing: years, dates, document
numbers, ordinals (第三批, 七届六次全会), slogans (一件事一次办) and tiers
(两级). The word lists live in ``exclusions.toml``; this module holds the few
rules that need more than a list, each returning the reason it fired so that a
miss can be explained.
"""

from __future__ import annotations

import re
from decimal import Decimal

from fazhi.figures.blocked import Blocked
from fazhi.figures.clauses import CLAUSE_END, clause_start
from fazhi.figures.grammar import GAP, Quantity
from fazhi.figures.lexicon import Exclusions, Lexicon
from fazhi.figures.units import base_unit

_HEAD_LIMIT = 60  # characters of clause before a figure that its filters look at
_BARE_BEFORE = ("均为", "均是", "为", "是", "达", "均达")
_BARE_CONTEXT = re.compile(r"率|数|量")
_YEARS = (Decimal(1900), Decimal(2100))
_PERFECTIVE = "了"  # 印发了三个文件


def rejection(text: str, q: Quantity, blocked: Blocked, lex: Lexicon, ex: Exclusions) -> str | None:
    """Why ``q`` is not a figure, or None when it is one."""
    reason = blocked.why(q.num_start, q.num_end)
    if reason:
        return reason
    head = text[max(0, q.start - 6) : q.start].rstrip(GAP)
    if any(head.endswith(w) for w in ex.before):
        return "ordinal_or_frame"
    if q.chinese and any(head.endswith(w) for w in ex.before_chinese_only):
        return "ordinal_or_frame"
    if any(text.startswith(w, q.end) for w in ex.after):
        return "ordinal_or_name"
    if _is_year(q):
        return "year"
    if not q.unit and not q.multiplied and not q.approx:
        return None if _bare_result(text, q) else "no_unit"
    if base_unit(q.unit) in lex.count_units and not q.multiplied and q.value != q.value.to_integral_value():
        return "fractional_count"
    if q.chinese and not _chinese_counts(text, q, lex, ex):
        return "chinese_name"
    return None


def _is_year(q: Quantity) -> bool:
    if q.unit not in ("年", "") or q.multiplied or q.chinese:
        return False
    lo, hi = _YEARS
    return lo <= q.value <= hi and q.value == q.value.to_integral_value()


def _bare_result(text: str, q: Quantity) -> bool:
    """``纠错率和败诉率均为0``: a unitless number closing a clause about a rate or count."""
    if q.num_end < len(text) and not CLAUSE_END.match(text, q.num_end):
        return False
    head = _clause_before(text, q.start)
    if not any(head.endswith(w) for w in _BARE_BEFORE):
        return False
    return bool(_BARE_CONTEXT.search(head))


def _clause_before(text: str, pos: int) -> str:
    return text[clause_start(text, pos, _HEAD_LIMIT) : pos]


def _chinese_counts(text: str, q: Quantity, lex: Lexicon, ex: Exclusions) -> bool:
    """Chinese numerals count only where the text is visibly counting (see exclusions.toml)."""
    rules = ex.chinese
    if q.unit in lex.percent_units or q.value >= rules.always_from or q.low is not None or q.approx:
        return True
    head = _clause_before(text, q.start)
    if any(head.endswith(w) for w in rules.count_after):
        return True
    # 印发三个文件, 举办了三场: a verb that makes or handles things counts them (一 is an article).
    if q.value >= 2 and any(head.removesuffix(_PERFECTIVE).endswith(w) for w in rules.count_after_verbs):
        return True
    if any(text.startswith(w, q.end) for w in rules.count_before):
        return True
    if q.unit in rules.count_units_closing and any(w in head for w in rules.per_period):
        return True
    closes = q.end == len(text) or CLAUSE_END.match(text, q.end) or any(text.startswith(w, q.end) for w in rules.closing_words)
    if q.value >= 2 and q.unit in rules.count_units_closing and closes:
        return True
    # "不予处罚、从轻处罚、减轻处罚、不予强制事项四张清单": as many items as the numeral says.
    separators = sum(head.count(s) for s in rules.enumeration_separators)
    return separators > 0 and separators + 1 == q.value
