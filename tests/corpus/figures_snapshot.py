"""Every figure fazhi reads on the seeds and the held-out corpus, as one line each, to diff versions.

    .venv/bin/python -m tests.corpus.figures_snapshot > after.txt      # then: diff before.txt after.txt

``test_figures_snapshot.py`` compares the current reading with the pinned
``baseline/figures_snapshot.txt``: a change in any figure's surface, value,
unit, bounds or comparison must be listed in ``baseline/figures_changes.toml``
with the reason the old reading was wrong.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fazhi.figures import extract_figures
from fazhi.figures.model import json_number

HERE = Path(__file__).parent
CORPORA = {"seeds": HERE.parents[1].parent / "shared" / "seeds", "heldout": HERE / "heldout"}
SNAPSHOT = HERE / "baseline" / "figures_snapshot.txt"


def lines() -> list[str]:
    """``corpus/file@offset<TAB>surface<TAB>value unit [low,high] approx compare`` for every figure."""
    out = []
    for corpus, folder in CORPORA.items():
        for path in sorted(folder.glob("*.txt")):
            for f in extract_figures(path.read_text(encoding="utf-8")):
                reading = (f"{json_number(f.value)} {f.unit} [{json_number(f.low)},{json_number(f.high)}]"
                           f" approx={f.approx} compare={f.compare}")
                out.append(f"{corpus}/{path.stem[:3]}@{f.offset}\t{f.text}\t{reading}")
    return out


if __name__ == "__main__":
    sys.stdout.write("\n".join(lines()) + "\n")
