"""Quality on reports nobody tuned fazhi on.

tests/corpus/heldout/ holds six reports written for this purpose, with gold
labels, by someone who never saw fazhi's rules (see its README). Rules and
word lists must never be fitted to them: when a floor here fails, fix the
general rule, and add a unit test for it, not a phrase from these files.
"""

from __future__ import annotations

import pytest

from tests.corpus.evaluate import evaluate, overall
from tests.corpus.gate import check_floor, load_floors


@pytest.mark.parametrize("metric", sorted(load_floors("heldout")))
def test_heldout_metric_stays_above_its_floor(metric: str) -> None:
    name, scope = metric.rsplit(".", 1)
    reports = evaluate("heldout")
    if scope == "all":
        value = overall(reports)[name].ratio
    else:
        value = min(r.tallies[name].ratio for r in reports if name in r.tallies)
    check_floor("heldout", metric, value)
