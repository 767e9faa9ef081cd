"""Figures that cannot all be right as printed.

Reviewers ask whether a report's numbers hold together: a rate above 100%, a
part (其中) larger than its whole, a rate that its own numerator and
denominator contradict, 受理 ≠ 立案 + 不予受理. Each check is conservative: it
fires only when the text itself ties the figures together, because a false
alarm costs a reviewer more than a missed one.
"""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal

from fazhi.figures.clauses import SENTENCE_END
from fazhi.figures.grammar import folded
from fazhi.figures.model import CHANGES, Figure, Issue
from fazhi.figures.units import unit_family

_PERCENT = "%"  # units are NFKC-normalised by the grammar: ％ arrives as %
# Rounding and truncation in print: 1766/1781 = 99.158% is printed 99.15%.
TOLERANCE = Decimal("1")  # percentage points
_CHANGE_GAP = re.compile(r"^[,，、]?(?:降幅|增幅|下降|减少|增长|增加|提升|降低|缩减|压缩)(?:了|达|约|为)?$")
_TOTAL_WORDS = ("受理", "收到", "新收", "接收")
_YES_WORDS = ("立案", "作出", "准予", "予以")
_NO_WORDS = ("不予",)


def check_consistency(figs: tuple[Figure, ...] | list[Figure], text: str) -> tuple[Issue, ...]:
    """Issues found among ``figs`` (as returned by ``extract_figures(text)``), in text order.

    ``text`` is read folded, as ``extract_figures`` reads it (增⻓ as 增长).
    """
    figs = list(figs)
    text = folded(text)
    issues: list[Issue] = []
    issues += _rates_above_100(figs)
    issues += _parts_exceed_whole(figs)
    sentences = _by_sentence(figs, text)
    for members in sentences:
        issues += _rate_vs_counts(figs, members)
        issues += _change_vs_from_to(figs, members, text)
        issues += _accepted_split(figs, members)
    return tuple(sorted(issues, key=lambda i: (i.evidence[0].start, i.code)))


def _issue(code: str, message: str, figs: list[Figure], idx: list[int]) -> Issue:
    return Issue(code, message, tuple(idx), tuple(figs[i].span for i in idx))


def _is_rate(f: Figure) -> bool:
    return f.unit == _PERCENT and f.compare not in CHANGES and "率" in (f.label or "")


def _rates_above_100(figs: list[Figure]) -> list[Issue]:
    return [
        _issue("rate_above_100", f"比率“{f.label}”为 {f.text},超过 100%", figs, [i])
        for i, f in enumerate(figs)
        if _is_rate(f) and f.value > 100
    ]


def _parts_exceed_whole(figs: list[Figure]) -> list[Issue]:
    issues = []
    parts: dict[int, list[int]] = defaultdict(list)
    for i, f in enumerate(figs):
        if f.part_of is not None and unit_family(f.unit) == unit_family(figs[f.part_of].unit):
            parts[f.part_of].append(i)
    for whole, idx in parts.items():
        w = figs[whole]
        for i in idx:
            if figs[i].value > w.value and not w.approx:
                issues.append(_issue("part_exceeds_whole",
                                     f"其中“{figs[i].text}”大于总数“{w.text}”", figs, [whole, i]))
        total = sum((figs[i].value for i in idx), Decimal(0))
        if len(idx) > 1 and total > w.value and not w.approx and not any(figs[i].approx for i in idx):
            issues.append(_issue("parts_exceed_whole",
                                 f"各分项之和 {total} 大于总数“{w.text}”", figs, [whole, *idx]))
    return issues


def _by_sentence(figs: list[Figure], text: str) -> list[list[int]]:
    groups: list[list[int]] = []
    for i, f in enumerate(figs):
        if groups and not SENTENCE_END.search(text, figs[groups[-1][-1]].span.end, f.span.start):
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def _rate_vs_counts(figs: list[Figure], members: list[int]) -> list[Issue]:
    """受理X件,办结Y件,办结率Z%: Z must be Y/X (the rate's own verb names the numerator)."""
    issues = []
    for pos, r in enumerate(members):
        rate = figs[r]
        if not _is_rate(rate) or rate.approx:
            continue
        stem = rate.label.split("、")[-1].rstrip("率")[-2:] if rate.label else ""
        counts = [i for i in members[:pos] if figs[i].unit != _PERCENT and not figs[i].approx]
        pairs = [(a, b) for k, a in enumerate(counts) for b in counts[k + 1 :]
                 if unit_family(figs[a].unit) == unit_family(figs[b].unit) and 0 < figs[b].value <= figs[a].value]
        if not stem or not pairs:
            continue
        near_a, near_b = pairs[-1]
        if stem not in (figs[near_b].label or ""):
            continue
        if any(abs(figs[b].value / figs[a].value * 100 - rate.value) <= TOLERANCE for a, b in pairs):
            continue
        expected = (figs[near_b].value / figs[near_a].value * 100).quantize(Decimal("0.01"))
        issues.append(_issue("rate_contradicts_counts",
                             f"“{rate.label}”为 {rate.text},但 {figs[near_b].text}/{figs[near_a].text} = {expected}%",
                             figs, [near_a, near_b, r]))
    return issues


def _change_vs_from_to(figs: list[Figure], members: list[int], text: str) -> list[Issue]:
    """从1171户下降至679户,降幅42%: the change must match the pair it follows."""
    issues = []
    for a, b, c in zip(members, members[1:], members[2:]):
        fa, fb, fc = figs[a], figs[b], figs[c]
        if (fa.compare, fb.compare) != ("from", "to") or fc.compare not in CHANGES:
            continue
        if fc.unit != _PERCENT or fa.value == 0 or not _CHANGE_GAP.match(text[fb.span.end : fc.span.start]):
            continue
        expected = abs(fb.value - fa.value) / fa.value * 100
        if abs(expected - fc.value) > TOLERANCE and not fc.approx:
            issues.append(_issue("change_contradicts_pair",
                                 f"由 {fa.text} 到 {fb.text} 的变化为 {expected.quantize(Decimal('0.01'))}%,"
                                 f"报告写作 {fc.text}", figs, [a, b, c]))
    return issues


def _accepted_split(figs: list[Figure], members: list[int]) -> list[Issue]:
    """受理138件,立案受理135件,不予受理3件: 受理 must equal 立案 + 不予受理."""
    def find(words: tuple[str, ...], exclude: tuple[str, ...] = ()) -> int | None:
        for i in members:
            label = figs[i].label or ""
            if any(w in label for w in words) and not any(w in label for w in exclude):
                return i
        return None

    no = find(_NO_WORDS)
    yes = find(_YES_WORDS, _NO_WORDS)
    total = find(_TOTAL_WORDS, _NO_WORDS + _YES_WORDS)
    if None in (no, yes, total) or not total < min(yes, no):
        return []
    fam = {unit_family(figs[i].unit) for i in (total, yes, no)}
    if len(fam) != 1 or any(figs[i].approx for i in (total, yes, no)):
        return []
    if figs[total].value == figs[yes].value + figs[no].value:
        return []
    return [_issue("accepted_split_mismatch",
                   f"受理 {figs[total].text} ≠ 立案/作出 {figs[yes].text} + 不予 {figs[no].text}",
                   figs, [total, yes, no])]
