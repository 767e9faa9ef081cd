"""Score fazhi against a labelled corpus (the seeds, or the held-out set) through the whole pipeline.

    .venv/bin/python -m tests.corpus.evaluate heldout      # or: seeds

Prints per-report and overall figures for identity, figures, headings,
statutory parts, areas and the causes check; the held-out gate pins floors
on the same numbers.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from fazhi.core.settings import Settings
from fazhi.pipeline import analyze_path

ROOT = Path(__file__).resolve().parents[2]
CORPORA = {"seeds": ROOT.parent / "shared" / "seeds", "heldout": Path(__file__).parent / "heldout"}
IDENTITY = ("title", "jurisdiction", "level", "report_year", "published", "issuer", "doc_number")
LABEL_AGREEMENT = 0.5


def dice(a: str, b: str) -> float:
    """Character overlap of two labels, punctuation ignored (how alike 'what it counts' reads)."""
    a, b = (re.sub(r"[^\w]", "", s) for s in (a, b))
    if not a or not b:
        return 0.0
    common = sum(min(a.count(c), b.count(c)) for c in set(a))
    return 2 * common / (len(a) + len(b))


@dataclass
class Tally:
    hits: int = 0
    total: int = 0

    def add(self, hit: bool) -> None:
        self.hits += bool(hit)
        self.total += 1

    @property
    def ratio(self) -> float:
        return self.hits / self.total if self.total else 1.0


@dataclass
class Report:
    name: str
    tallies: dict[str, Tally] = field(default_factory=dict)

    def tally(self, metric: str) -> Tally:
        return self.tallies.setdefault(metric, Tally())


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def same_unit(got: str | None, gold: str | None) -> bool:
    """Units agree up to traditional characters: labels keep 項 as printed, fazhi reports 项 so that one
    indicator column holds one unit across simplified reports and traditional mirrors."""
    if got == gold:
        return True
    return got is not None and gold is not None and _t2s().convert(got) == _t2s().convert(gold)


def _same_value(fig: dict, gold: dict) -> bool:
    """Equal values; for a range (3至5次) either end, since labellers differ on which is 'the' value
    and fazhi records both (value = low end, plus low and high)."""
    wanted = Decimal(str(gold["value"]))
    ends = [fig["value"]] + ([fig["low"], fig["high"]] if fig.get("high") is not None else [])
    return any(end is not None and Decimal(str(end)) == wanted for end in ends)


def _overlaps(fig: dict, gold: dict) -> bool:
    g_end = gold["offset"] + len(gold["text"])
    f_end = fig["offset"] + len(fig["text"])
    return fig["offset"] < g_end and gold["offset"] < f_end and _same_value(fig, gold)


def _figures(report: Report, got: dict, gold: dict) -> None:
    figs, golds = got["figures"], gold["figures"]
    for fig in figs:
        report.tally("figures.precision").add(any(_overlaps(fig, g) for g in golds))
    for g in golds:
        hit = next((f for f in figs if _overlaps(f, g)), None)
        report.tally("figures.recall").add(hit is not None)
        if hit is None:
            continue
        report.tally("figures.approx").add(hit["approx"] == g["approx"])
        report.tally("figures.compare").add(hit["compare"] == g["compare"])
        report.tally("figures.unit").add(same_unit(hit["unit"], g["unit"]))
        report.tally("figures.label").add(dice(hit["label"] or "", g["what"]) >= LABEL_AGREEMENT)
        report.tally("figures.mapped").add(hit["indicator"] is not None)


def _parts(entry) -> set[str]:
    part = entry.get("part")
    return set(part) if isinstance(part, list) else {part} if part else set()


def _structure(report: Report, got: dict, gold: dict) -> None:
    for level in (1, 2):
        predicted = {s["heading"]: s for s in got["sections"] if s["level"] == level and s["heading"]}
        wanted = {s["heading"]: s for s in gold["sections"] if s["level"] == level}
        for heading in predicted:
            report.tally(f"headings.L{level}.precision").add(heading in wanted)
        for heading, entry in wanted.items():
            report.tally(f"headings.L{level}.recall").add(heading in predicted)
            if heading not in predicted:
                continue
            if level == 1:
                report.tally("parts.L1.accuracy").add(set(predicted[heading]["parts"]) == _parts(entry))
            elif entry.get("area"):
                report.tally("areas.L2.accuracy").add(predicted[heading]["area"] == entry["area"])


def _identity(report: Report, got: dict, gold: dict) -> None:
    j = got["jurisdiction"] or {}
    values = {**got, "jurisdiction": j.get("name"), "level": j.get("level")}
    for name in IDENTITY:
        report.tally(f"identity.{name}").add(values[name] == gold[name])


def _review(report: Report, got: dict, gold: dict) -> None:
    causes = next((f for f in got["findings"] if f["rule"] == "parts.reasons"), None)
    report.tally("review.causes_agree").add(causes is not None and (causes["status"] == "passed") == gold["reasons_given"])


def evaluate_report(text_path: Path, gold_path: Path) -> Report:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    got = analyze_path(text_path, Settings()).to_json()
    report = Report(text_path.stem)
    for part in (_identity, _figures, _structure, _review):
        part(report, got, gold)
    return report


@lru_cache(maxsize=4)
def evaluate(corpus: str) -> tuple[Report, ...]:
    folder = CORPORA[corpus]
    pairs = [(p, folder / "gold" / f"{p.stem}.json") for p in sorted(folder.glob("*.txt"))]
    assert pairs and all(g.exists() for _, g in pairs), f"no labelled reports in {folder}"
    return tuple(evaluate_report(t, g) for t, g in pairs)


def overall(reports: tuple[Report, ...]) -> dict[str, Tally]:
    total: dict[str, Tally] = {}
    for report in reports:
        for metric, tally in report.tallies.items():
            t = total.setdefault(metric, Tally())
            t.hits += tally.hits
            t.total += tally.total
    return total


def main(corpus: str) -> None:
    reports = evaluate(corpus)
    metrics = sorted({m for r in reports for m in r.tallies})
    names = [r.name[:14] for r in reports]
    print(f"{'metric':<26}" + "".join(f"{n:>16}" for n in names) + f"{'all':>16}")
    for metric in metrics:
        cells = []
        for r in reports:
            t = r.tallies.get(metric)
            cells.append(f"{t.ratio:.3f} ({t.hits}/{t.total})" if t else "—")
        t = overall(reports)[metric]
        print(f"{metric:<26}" + "".join(f"{c:>16}" for c in cells) + f"{t.ratio:.3f} ({t.hits}/{t.total})".rjust(16))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "heldout")
