"""Figures on real report openings nobody tuned the grammar on before (tests/corpus/openings).

Precision, recall, label and unit agreement on the ``dev`` split (tuned on)
and the ``holdout`` and ``holdout2`` splits (measured once, never tuned on),
through the whole pipeline as a user runs it, matched as for the held-out
corpus. Floors are the ``figures.<split>.<metric>`` keys of
``baseline/openings.json``.
"""

from __future__ import annotations

import pytest

from tests.corpus.gate import check_floor, load_floors
from tests.corpus.openings_figures import OPENINGS, readings, scores

FLOORS = sorted(m for m in load_floors("openings") if m.startswith("figures."))

pytestmark = pytest.mark.skipif(not (OPENINGS / "dev" / "gold").is_dir(), reason=f"no openings at {OPENINGS}")


@pytest.mark.parametrize("metric", FLOORS)
def test_openings_figure_metric_stays_above_its_floor(metric: str) -> None:
    _, split, name = metric.split(".")
    check_floor("openings", metric, scores(split)[f"figures.{name}"].ratio)


def test_every_split_and_metric_has_a_floor() -> None:
    splits = [p.name for p in OPENINGS.iterdir() if (p / "gold").is_dir()]
    wanted = {f"figures.{split}.{name}" for split in splits for name in ("precision", "recall", "label", "unit")}
    assert wanted <= set(FLOORS), sorted(wanted - set(FLOORS))


@pytest.mark.parametrize("split", ["dev", "holdout", "holdout2", "holdout3", "holdout4", "holdout5", "holdout6"])
def test_every_figure_on_the_openings_is_grounded(split: str) -> None:
    folder = OPENINGS / split / "texts"
    for name, _, figs in readings(split):
        text = (folder / f"{name}.txt").read_text(encoding="utf-8")
        for f in figs:
            assert text[f["offset"] : f["offset"] + len(f["text"])] == f["text"], (name, f["text"])
