"""Floors only go up, unless a commit says why one went down.

For every metric in tests/corpus/baseline/*.json, the highest floor ever
committed is found in git history; the current floor may be lower only when
the metric is listed under "lowered" with a reason. That entry is the
explicit flag a lowering needs, and it shows in review.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.corpus.gate import BASELINE_DIR

ROOT = Path(__file__).resolve().parents[2]


def _git(*args: str) -> str:
    result = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, f"git {' '.join(args)} failed: {result.stderr.strip()} (the floor check needs the git history)"
    return result.stdout


def _history(path: Path) -> list[dict]:
    relative = path.relative_to(ROOT).as_posix()
    versions = []
    for commit in _git("log", "--format=%H", "--", relative).split():
        try:
            versions.append(json.loads(_git("show", f"{commit}:{relative}")))
        except (AssertionError, json.JSONDecodeError):
            continue  # the file did not exist or was broken at that commit
    return versions


@pytest.mark.parametrize("path", sorted(BASELINE_DIR.glob("*.json")), ids=lambda p: p.stem)
def test_floors_never_drop_silently(path: Path) -> None:
    current = json.loads(path.read_text(encoding="utf-8"))
    lowered = current.get("lowered", {})
    for past in _history(path):
        for metric, floor in past.get("floors", {}).items():
            now = current["floors"].get(metric)
            if metric in lowered:
                assert lowered[metric].strip(), f"{metric}: say why the floor was lowered"
                continue
            assert now is not None, f"{metric} was removed from {path.name}; list it under 'lowered' with a reason"
            assert now + 1e-9 >= floor, (
                f"{metric} floor went from {floor} down to {now}; list it under 'lowered' with a reason"
            )


@pytest.mark.parametrize("path", sorted(BASELINE_DIR.glob("*.json")), ids=lambda p: p.stem)
def test_baseline_files_are_well_formed(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert set(data) <= {"floors", "lowered"} and "floors" in data
    assert all(0 <= v <= 1 or metric.endswith(("_per_kchar", "_count")) for metric, v in data["floors"].items())
