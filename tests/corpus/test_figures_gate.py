"""Quality gate for figures against the hand-made gold labels of the seed reports.

A gold figure is found when a predicted figure's span overlaps it and the
values are equal. Precision, recall (per seed and overall), attribute agreement
on found figures and the mapped share are compared with the floors pinned in
``baseline/figures.json``. The seeds are read in place, never copied.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import pytest

from fazhi.figures import extract_figures
from fazhi.figures.model import Figure
from tests.corpus.gate import check_floor

SEEDS = Path(__file__).parents[2].parent / "shared" / "seeds"
GOLD = SEEDS / "gold"
LABEL_AGREEMENT = 0.5  # Dice over characters: "most of the same characters"
_PUNCT = set(" \u3000“”\"'‘’《》()（）、,，.。:：;；·-—")


def gold_files() -> list[Path]:
    return sorted(GOLD.glob("*.json"))


def dice(a: str, b: str) -> float:
    """Share of characters two labels have in common (punctuation ignored)."""
    ca = Counter(c for c in a if c not in _PUNCT)
    cb = Counter(c for c in b if c not in _PUNCT)
    total = sum(ca.values()) + sum(cb.values())
    return 2 * sum((ca & cb).values()) / total if total else 0.0


@dataclass
class Score:
    predicted: int = 0
    gold: int = 0
    found: int = 0  # gold figures matched
    correct: int = 0  # predicted figures that match some gold figure
    attrs: Counter = field(default_factory=Counter)
    pairs: list = field(default_factory=list)  # (gold, figure) for found gold figures

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    def add(self, other: Score) -> None:
        self.predicted += other.predicted
        self.gold += other.gold
        self.found += other.found
        self.correct += other.correct
        self.attrs.update(other.attrs)
        self.pairs += other.pairs


def _matches(f: Figure, g: dict) -> bool:
    g_end = g["offset"] + len(g["text"])
    return f.span.start < g_end and g["offset"] < f.span.end and f.value == Decimal(str(g["value"]))


def score_seed(gold_path: Path) -> tuple[Score, str, tuple[Figure, ...]]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = (SEEDS / gold["file"]).read_text(encoding="utf-8") if (SEEDS / gold["file"]).exists() \
        else (SEEDS / (gold_path.stem + ".txt")).read_text(encoding="utf-8")
    figs = extract_figures(text)
    s = Score(predicted=len(figs), gold=len(gold["figures"]))
    s.correct = sum(1 for f in figs if any(_matches(f, g) for g in gold["figures"]))
    for g in gold["figures"]:
        hit = next((f for f in figs if _matches(f, g)), None)
        if hit is None:
            continue
        s.found += 1
        s.pairs.append((g, hit))
        s.attrs["approx"] += hit.approx == g["approx"]
        s.attrs["compare"] += hit.compare == g["compare"]
        s.attrs["unit"] += hit.unit == g["unit"]
        s.attrs["label"] += dice(hit.label or "", g["what"]) >= LABEL_AGREEMENT
        s.attrs["mapped"] += hit.indicator is not None
    return s, text, figs


@lru_cache(maxsize=1)
def scores() -> dict[str, Score]:
    out: dict[str, Score] = {}
    total = Score()
    for path in gold_files():
        s, _, _ = score_seed(path)
        out[path.stem[:3]] = s
        total.add(s)
    out["all"] = total
    return out


pytestmark = pytest.mark.skipif(not GOLD.is_dir(), reason=f"no gold labels at {GOLD}")


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004", "all"])
def test_precision_and_recall(seed: str) -> None:
    s = scores()[seed]
    check_floor("figures", f"figures.precision.{seed}", s.precision)
    check_floor("figures", f"figures.recall.{seed}", s.recall)


@pytest.mark.parametrize("attr", ["approx", "compare", "unit", "label"])
def test_attribute_agreement(attr: str) -> None:
    s = scores()["all"]
    check_floor("figures", f"figures.agreement.{attr}", s.attrs[attr] / s.found)


def test_mapped_share() -> None:
    s = scores()["all"]
    check_floor("figures", "figures.mapped_share", s.attrs["mapped"] / s.gold)


def test_every_surface_is_grounded() -> None:
    for path in gold_files():
        _, text, figs = score_seed(path)
        for f in figs:
            f.span.check(text)
            assert f.span.surface == text[f.offset : f.offset + len(f.text)]
            if f.label_span is not None:
                f.label_span.check(text)


def test_no_slogan_is_a_figure() -> None:
    slogans = ["一件事一次办", "三重一大", "一规划两纲要", "八五", "十个百分百", "五个为零", "四所一庭",
               "一基准四清单", "1+1+3+6+N", "12345", "12348", "13710", "4·15", "三项制度", "双随机、一公开"]
    for path in gold_files():
        _, text, figs = score_seed(path)
        for f in figs:
            for s in slogans:
                at = text.find(s)
                while at != -1:
                    assert not (f.span.start < at + len(s) and at < f.span.end), (path.name, f.text, s)
                    at = text.find(s, at + 1)
