"""No figure on the seeds or the held-out corpus is read differently unless the change is explained.

The snapshot was pinned before the number grammar learnt ranges with a shared
multiplier, fractions, signs and traditional numerals; every line that differs
now must appear in ``baseline/figures_changes.toml`` with a reason.
"""

from __future__ import annotations

import tomllib

from tests.corpus.figures_snapshot import HERE, SNAPSHOT, lines

CHANGES = HERE / "baseline" / "figures_changes.toml"


def _changed() -> tuple[set[str], set[str]]:
    before, after = set(SNAPSHOT.read_text(encoding="utf-8").splitlines()), set(lines())
    return before - after, after - before


def test_every_changed_figure_is_explained() -> None:
    gone, new = _changed()
    explained = tomllib.loads(CHANGES.read_text(encoding="utf-8")).get("change", [])
    allowed_gone = {c["before"] for c in explained if c["before"]}
    allowed_new = {c["after"] for c in explained if c["after"]}
    assert all(c["why"].strip() for c in explained), "every change needs a reason"
    assert gone <= allowed_gone and new <= allowed_new, (sorted(gone - allowed_gone), sorted(new - allowed_new))
