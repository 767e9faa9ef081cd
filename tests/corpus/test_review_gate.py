"""Review gate: the rules' verdicts on the seed reports against the hand-made gold.

Agreement is the share of (seed, rule) verdicts that match the gold:
a statutory part rule passes exactly where the gold has a level-1 heading for
that part, and the causes rule passes exactly where the gold says causes are
given (``reasons_given``). Grounding and the absence of broken checks are
measured too. Floors are pinned in ``baseline/review.json``.
"""

from __future__ import annotations

import pytest

from tests.corpus.gate import check_floor
from tests.review.seeds import NAMES, gold, gold_has_part, seed_input, seed_review, short, status

pytestmark = pytest.mark.skipif(not NAMES, reason="seed reports not found under ../shared/seeds")

PART_RULES = {"measures": "parts.measures", "shortcomings": "parts.shortcomings",
              "leaders": "parts.leaders", "plans": "parts.plans"}


def _agreement(pairs: list[tuple[bool, bool]]) -> float:
    return sum(p == g for p, g in pairs) / len(pairs) if pairs else 1.0


def _parts(names: list[str]) -> dict[str, list[tuple[bool, bool]]]:
    found: dict[str, list[tuple[bool, bool]]] = {part: [] for part in PART_RULES}
    for name in names:
        for part, rule in PART_RULES.items():
            found[part].append((status(name, rule) == "passed", gold_has_part(name, part)))
    return found


def _causes(names: list[str]) -> list[tuple[bool, bool]]:
    return [(status(n, "parts.reasons") == "passed", bool(gold(n)["reasons_given"])) for n in names]


def _grounded(names: list[str]) -> float:
    ok = total = 0
    for name in names:
        source = seed_input(name).source
        for f in seed_review(name).findings:
            total += 1
            inside = all(source[s.start : s.end] == s.surface for s in f.evidence)
            ok += inside and bool(f.evidence or f.looked_for)
    return ok / total


def _runs(names: list[str]) -> float:
    findings = [f for n in names for f in seed_review(n).findings]
    return sum(f.status != "error" for f in findings) / len(findings)


def measures(names: list[str]) -> dict[str, float]:
    parts = _parts(names)
    return {
        **{f"review.parts.{part}.agreement": _agreement(pairs) for part, pairs in parts.items()},
        "review.parts.agreement": _agreement([p for pairs in parts.values() for p in pairs]),
        "review.causes.agreement": _agreement(_causes(names)),
        "review.findings.grounded": _grounded(names),
        "review.findings.ran": _runs(names),
    }


@pytest.mark.parametrize("name", NAMES, ids=short)
def test_review_floors_per_seed(name: str):
    for metric, value in measures([name]).items():
        check_floor("review", f"{metric}.{short(name)}", value)


def test_review_floors_overall():
    for metric, value in measures(NAMES).items():
        check_floor("review", f"{metric}.all", value)
