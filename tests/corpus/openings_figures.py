"""Figures on the development corpus of real report openings (tests/corpus/openings), through the pipeline.

    .venv/bin/python -m tests.corpus.openings_figures dev        # or: holdout, holdout2; -v lists every miss

Scored with the held-out corpus's matching (``evaluate._figures``): a gold
figure is found when a predicted figure's span overlaps it with an equal value
(either end of a range). Tune on ``dev`` only; ``holdout`` and ``holdout2`` are for measuring.
"""

from __future__ import annotations

import json
import sys
from functools import lru_cache
from pathlib import Path

from fazhi.core.settings import Settings
from fazhi.pipeline import analyze_path
from tests.corpus.evaluate import Report, Tally, _figures, _overlaps, dice, overall, same_unit

OPENINGS = Path(__file__).parent / "openings"
METRICS = ("precision", "recall", "label", "unit")


def _pairs(split: str) -> list[tuple[Path, Path]]:
    folder = OPENINGS / split
    return [(folder / "texts" / f"{g.stem}.txt", g) for g in sorted((folder / "gold").glob("*.json"))]


@lru_cache(maxsize=4)
def readings(split: str) -> tuple[tuple[str, dict, list[dict]], ...]:
    """(name, gold, predicted figures as JSON) for every opening of ``split``."""
    out = []
    for text, gold in _pairs(split):
        figs = analyze_path(text, Settings()).to_json()["figures"]
        out.append((text.stem, json.loads(gold.read_text(encoding="utf-8")), figs))
    return tuple(out)


def scores(split: str) -> dict[str, Tally]:
    reports = []
    for name, gold, figs in readings(split):
        report = Report(name)
        _figures(report, {"figures": figs}, gold)
        reports.append(report)
    return overall(tuple(reports))


def misses(split: str) -> list[str]:
    """One line per wrong figure, missed gold figure, or disagreeing label/unit."""
    out = []
    for name, gold, figs in readings(split):
        for f in figs:
            if not any(_overlaps(f, g) for g in gold["figures"]):
                out.append(f"{name}  EXTRA  {f['text']} = {f['value']} {f['unit']}  [{f['label']}]")
        for g in gold["figures"]:
            hit = next((f for f in figs if _overlaps(f, g)), None)
            if hit is None:
                out.append(f"{name}  MISSED {g['text']} = {g['value']} {g['unit']}  [{g['what']}]")
                continue
            if not same_unit(hit["unit"], g["unit"]):
                out.append(f"{name}  UNIT   {g['text']}: {hit['unit']!r} vs gold {g['unit']!r}")
            if dice(hit["label"] or "", g["what"]) < 0.5:
                out.append(f"{name}  LABEL  {g['text']}: {hit['label']!r} vs gold {g['what']!r}")
    return out


def main(split: str, verbose: bool) -> None:
    s = scores(split)
    for metric in METRICS:
        t = s[f"figures.{metric}"]
        print(f"{split} {metric:<10} {t.ratio:.3f} ({t.hits}/{t.total})")
    if verbose:
        print("\n".join(misses(split)))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("-") else "dev", "-v" in sys.argv)
