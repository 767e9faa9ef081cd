"""Identity on the development corpus of real report openings (tests/corpus/openings/).

    .venv/bin/python -m tests.corpus.openings_identity dev      # or: holdout

Prints the accuracy of jurisdiction, level and report year, overall and per
level (the level of the gold label), and every miss. The openings gate pins
floors on the same figures. Tune rules on ``dev`` only; ``holdout`` is
measured, never read while a rule is being written.
"""

from __future__ import annotations

import json
import sys
from functools import lru_cache
from pathlib import Path

from fazhi.core.settings import Settings
from fazhi.identity import identify
from fazhi.ingest.registry import read_path

OPENINGS = Path(__file__).parent / "openings"
# holdout3, holdout4 and holdout5 were tuned on after their one measure; holdout6 is the untouched batch
# (openings/README.md).
SPLITS = ("dev", "holdout", "holdout2", "holdout3", "holdout4", "holdout5", "holdout6")
FIELDS = ("jurisdiction", "level", "report_year")


def _pairs(split: str) -> list[tuple[Path, Path]]:
    folder = OPENINGS / split
    return [(t, folder / "gold" / f"{t.stem}.json") for t in sorted((folder / "texts").glob("*.txt"))]


def _got(path: Path) -> dict:
    got = identify(read_path(path, Settings())).to_json()
    where = got["jurisdiction"] or {}
    return {"jurisdiction": where.get("name"), "level": where.get("level"), "report_year": got["report_year"]}


@lru_cache(maxsize=2)
def results(split: str) -> tuple[tuple[str, str, dict, dict], ...]:
    """(file stem, gold level, got, wanted) for every labelled opening of ``split``."""
    rows = []
    for text, gold_path in _pairs(split):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        rows.append((text.stem, gold["level"], _got(text), {f: gold[f] for f in FIELDS}))
    return tuple(rows)


def accuracy(split: str) -> dict[str, tuple[int, int]]:
    """``identity.openings.<split>.<field>.<level|all>`` -> (hits, total)."""
    tally: dict[str, list[int]] = {}
    for _, level, got, wanted in results(split):
        for field in FIELDS:
            for scope in ("all", level):
                cell = tally.setdefault(f"identity.openings.{split}.{field}.{scope}", [0, 0])
                cell[0] += got[field] == wanted[field]
                cell[1] += 1
    return {k: (h, n) for k, (h, n) in tally.items()}


def main(split: str) -> None:
    for stem, _, got, wanted in results(split):
        misses = [f"{f}: {got[f]!r} (gold {wanted[f]!r})" for f in FIELDS if got[f] != wanted[f]]
        if misses:
            print(f"{stem}: " + "; ".join(misses))
    cells = accuracy(split)
    levels = sorted({k.rsplit(".", 1)[1] for k in cells} - {"all"}) + ["all"]
    print(f"{'level':<12}" + "".join(f"{f:>22}" for f in FIELDS))
    for level in levels:
        row = []
        for field in FIELDS:
            hits, total = cells[f"identity.openings.{split}.{field}.{level}"]
            row.append(f"{hits / total:.3f} ({hits}/{total})")
        print(f"{level:<12}" + "".join(f"{c:>22}" for c in row))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "dev")
