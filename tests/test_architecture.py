"""The import rules of docs/architecture: shells on top, core at the bottom."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_error_fazhi_raises_has_the_one_root() -> None:
    import fazhi.core.errors as errors

    classes = [c for c in vars(errors).values() if isinstance(c, type) and issubclass(c, Exception)]
    assert all(issubclass(c, errors.FazhiError) for c in classes)
    codes = [c.code for c in classes]
    assert len(codes) == len(set(codes)), "each error class needs its own stable code"


def test_no_undefined_names_unused_imports_or_unsorted_imports() -> None:
    ruff = Path(sys.executable).with_name("ruff")
    result = subprocess.run(
        [str(ruff), "check", "--no-cache", "src", "tests", "bench", "scripts", "dev.py"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
