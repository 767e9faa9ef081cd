"""Quality floors that cannot drop silently.

Each gate measures a figure (precision, recall, agreement...) and compares it
with the floor pinned in ``tests/corpus/baseline/<area>.json``::

    {"floors": {"figures.precision.all": 0.99, ...},
     "lowered": {"figures.recall.004": "why this floor had to go down"}}

Raising a floor is an ordinary commit. Lowering one is refused by
``test_floors_never_drop_silently`` unless the metric is named under
``lowered`` with a reason: that is the explicit flag.
"""

from __future__ import annotations

import json
from pathlib import Path

BASELINE_DIR = Path(__file__).parent / "baseline"


def load_floors(area: str) -> dict[str, float]:
    data = json.loads((BASELINE_DIR / f"{area}.json").read_text(encoding="utf-8"))
    return data["floors"]


def check_floor(area: str, metric: str, measured: float) -> None:
    """Fail when ``measured`` is below the pinned floor for ``metric``."""
    floors = load_floors(area)
    assert metric in floors, f"no floor pinned for {metric} in baseline/{area}.json: add one"
    floor = floors[metric]
    assert measured + 1e-9 >= floor, f"{metric} = {measured:.4f} fell below its floor {floor:.4f}"
