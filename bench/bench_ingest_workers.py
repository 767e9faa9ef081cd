"""`fazhi ingest` of one folder with 1 worker and with N: files/s, peak RSS, speedup.

    .venv/bin/python bench/bench_ingest_workers.py FOLDER [--workers N]

Each run is a real `fazhi ingest` into a fresh SQLite database in a temporary
folder; the peak RSS is that run's (its workers included: they are its
children and it waits for them).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.measured import run_fazhi  # noqa: E402


def count_files(folder: Path) -> int:
    from fazhi.ingest import is_report_file

    return sum(1 for p in folder.rglob("*") if p.is_file() and is_report_file(p))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    opts = parser.parse_args()
    files = count_files(opts.folder)
    print(f"{files} report files in {opts.folder}; {os.cpu_count()} cores")
    rates = {}
    for workers in sorted({1, opts.workers}):
        with tempfile.TemporaryDirectory() as data:
            run = run_fazhi("ingest", "-q", "--workers", str(workers), opts.folder,
                            env={"FAZHI_DATA_DIR": data}, timeout=3600)
        rates[workers] = files / run.seconds
        print(f"workers={workers:3d}  exit={run.returncode}  {run.seconds:7.1f} s  {rates[workers]:7.1f} files/s"
              f"  peak RSS {run.peak_mb:6.0f} MB")
    if opts.workers != 1:
        print(f"speedup with {opts.workers} workers: {rates[opts.workers] / rates[1]:.2f}x")


if __name__ == "__main__":
    main()
