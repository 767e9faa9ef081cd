"""Identity on real report openings at every level, dev and holdout measured apart.

Floors live in baseline/openings.json under ``identity.openings.*``; every split has its own
(a split without floors fails: it would otherwise be measured and never held). A level
that a split has no opening of is not measured there. When a floor fails, fix
the general rule and add a unit test in tests/identity; never fit a word list
to a holdout file.
"""

from __future__ import annotations

import pytest

from tests.corpus.gate import check_floor, load_floors
from tests.corpus.openings_identity import SPLITS, accuracy


@pytest.mark.parametrize("split", SPLITS)
def test_identity_on_openings_stays_above_its_floors(split: str) -> None:
    measured = accuracy(split)
    assert measured, f"no labelled openings in tests/corpus/openings/{split}"
    pinned = any(key.startswith(f"identity.openings.{split}.") for key in load_floors("openings"))
    assert pinned, f"no identity floors pinned for openings split {split} in baseline/openings.json"
    for metric, (hits, total) in sorted(measured.items()):
        check_floor("openings", metric, hits / total)
