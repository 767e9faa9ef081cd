"""Corpus benchmarks on a synthetic corpus: time and peak memory of each stage, and how each grows.

    .venv/bin/python bench/bench_corpus.py --reports 1000 [--db URL] [--workers 2] [--work DIR]

Builds the corpus with bench/synth_corpus.py (planted copies, known plan
follow-through), ingests it into a fresh store (SQLite by default), indexes
it for comparison, then times: the indicator table for one indicator, plan
follow-through for every year pair, reuse for one new report (ingested
after the rest), and corpus-wide reuse, with recall and precision of the
planted copies. Each run appends one JSON line to DIR/results.jsonl;
``--growth`` prints the table and growth ratios of the runs there.
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from synth_corpus import generate  # noqa: E402

INDICATOR = "disputes.court_appearance_rate"


def peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def _index_job(item: tuple[int, str, dict]) -> tuple[int, dict]:
    from fazhi.store.corpus_index import index_rows

    rid, text, analysis = item
    return rid, index_rows(rid, text, analysis)


def run(n: int, work: Path, db: str | None, workers: int, again: bool = False) -> dict:
    from fazhi.core.settings import Settings
    from fazhi.corpus.indicators import indicator_table
    from fazhi.corpus.years import follow_through
    from fazhi.store import open_store
    from fazhi.store.corpus_index import corpus_copies, index_pending, indicator_records, load_records, reuse_for
    from fazhi.store.ingest_run import ingest_paths

    folder = work / f"synth-{n}"
    manifest_path = folder / "manifest.json"
    manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else generate(folder, n)
    new_name = manifest["copies"][-1]["target"]  # held back, then ingested as "the new report"
    dbfile = work / f"corpus-{n}.sqlite3"
    if db is None and dbfile.exists() and not again:
        dbfile.unlink()
    settings = Settings(data_dir=work, database_url=db or f"sqlite:///{dbfile}")
    store = open_store(settings)
    result: dict = {"reports": n, "db": store.engine.dialect.name}

    if again:  # the query stages only, on the store a previous run left
        result.update(_previous_run(work, n, result["db"]))
    else:
        files = sorted(p for p in folder.glob("*.txt") if p.name != new_name)
        t = time.perf_counter()
        outcomes = list(ingest_paths(files, store, settings))
        result["ingest_s"] = time.perf_counter() - t
        result["ingest_failed"] = sum(o.status == "failed" for o in outcomes)
        result["ingest_peak_mb"] = peak_mb()

        t = time.perf_counter()
        with ProcessPoolExecutor(workers) as pool:
            index_pending(store, compute=lambda items: pool.map(_index_job, list(items), chunksize=8))
        result["index_s"] = time.perf_counter() - t
        result["index_peak_mb"] = peak_mb()

    times = []
    for _ in range(3):  # the first run reads cold pages; the next ones are what a busy office sees
        t = time.perf_counter()
        table = indicator_table(indicator_records(store, [INDICATOR]), [INDICATOR])
        times.append(time.perf_counter() - t)
    result["table_first_s"], result["table_s"] = times[0], statistics.median(times)
    result["table_rows"] = len(table.rows)

    by_source = {Path(r["source"]).name: r["id"] for r in store.list_reports(limit=n + 10)}
    t = time.perf_counter()
    right = total = 0
    for pair in manifest["followups"]:
        if pair["earlier"] not in by_source or pair["later"] not in by_source:
            continue
        earlier, later = load_records(store, ids=[by_source[pair["earlier"]], by_source[pair["later"]]])
        for check in follow_through(earlier, later):
            expected = next((done for plan, done in pair["plans"].items() if plan in check.plan.text), None)
            if expected is not None:
                total += 1
                right += (check.verdict == "落实") == expected
    result["followup_s"] = time.perf_counter() - t
    result["followup_accuracy"] = right / total if total else None

    outcome = list(ingest_paths([folder / new_name], store, settings))[0]
    index_pending(store)
    t = time.perf_counter()
    reuse = reuse_for(store, outcome.report_id)  # a duplicate on a second run: the same report id
    result["reuse_one_s"] = time.perf_counter() - t
    result["reuse_one_copies"] = len(reuse.copies)

    t = time.perf_counter()
    copies = corpus_copies(store)
    result["reuse_all_s"] = time.perf_counter() - t
    result["reuse_peak_mb"] = peak_mb()
    by_source[new_name] = outcome.report_id
    planted = {frozenset((by_source[c["target"]], by_source[c["source"]])) for c in manifest["copies"]}
    # Two reports that received the same paragraph share it with each other too: that is planted copying.
    same_paragraph: dict[tuple[str, int], list[str]] = {}
    for c in manifest["copies"]:
        same_paragraph.setdefault((c["source"], c["source_offset"]), []).append(c["target"])
    for targets in same_paragraph.values():
        planted |= {frozenset((by_source[a], by_source[b])) for a in targets for b in targets if a < b}
    found = {frozenset((s.report, s.other)) for s in copies}
    result["copies_planted"] = len(planted)
    result["copies_found"] = len(found)
    result["recall"] = len(planted & found) / len(planted) if planted else None
    result["precision"] = len(planted & found) / len(found) if found else None
    result["peak_mb"] = peak_mb()
    return result


def _previous_run(work: Path, n: int, db: str) -> dict:
    """Ingest and index figures of the last full run of this size, kept when only the queries are re-run."""
    path = work / "results.jsonl"
    runs = [json.loads(line) for line in path.read_text().splitlines() if line.strip()] if path.exists() else []
    full = [r for r in runs if r["reports"] == n and r["db"] == db and r.get("ingest_s") is not None]
    keep = ("ingest_s", "ingest_failed", "ingest_peak_mb", "index_s", "index_peak_mb")
    return {k: full[-1].get(k) for k in keep} if full else dict.fromkeys(keep)


def growth(path: Path) -> None:
    runs = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    latest: dict[tuple[int, str], dict] = {}
    for r in runs:  # the last run of each size and database
        latest[(r["reports"], r["db"])] = r
    runs = sorted(latest.values(), key=lambda r: (r["db"], r["reports"]))
    keys = ("ingest_s", "index_s", "table_first_s", "table_s", "followup_s", "reuse_one_s", "reuse_all_s", "peak_mb")
    print("| reports | db | " + " | ".join(keys) + " | recall | precision | follow-through acc. |")
    print("|---" * (len(keys) + 5) + "|")
    for r in runs:
        cells = " | ".join(f"{r[k]:.2f}" if r.get(k) is not None else "—" for k in keys)
        print(f"| {r['reports']} | {r['db']} | {cells} | {r['recall']:.3f} | {r['precision']:.3f} | "
              f"{r['followup_accuracy']:.3f} |")
    for db in sorted({r["db"] for r in runs}):
        mine = sorted((r for r in runs if r["db"] == db), key=lambda r: r["reports"])
        if len(mine) < 2:
            continue
        a, b = mine[0], mine[-1]
        ratio_n = b["reports"] / a["reports"]
        nlogn = ratio_n * math.log(b["reports"]) / math.log(a["reports"])
        print(f"\n{db}: {a['reports']} -> {b['reports']} reports (x{ratio_n:.0f}; n·log n grows x{nlogn:.1f})")
        for k in keys[:-1]:
            if a.get(k) and b.get(k):
                print(f"  {k:14s} x{b[k] / a[k]:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--db", help="database URL (default: a fresh SQLite file in --work)")
    parser.add_argument("--workers", type=int, default=2, help="processes that compute the index")
    parser.add_argument("--work", type=Path, default=Path("/tmp/fazhi-corpus-bench"))
    parser.add_argument("--growth", action="store_true", help="print the table of the runs in --work")
    parser.add_argument("--again", action="store_true", help="re-run the query stages on the store of a previous run")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    if args.growth:
        growth(args.work / "results.jsonl")
        return
    result = run(args.reports, args.work, args.db, args.workers, args.again)
    print(json.dumps(result, ensure_ascii=False))
    with open(args.work / "results.jsonl", "a", encoding="utf-8") as fh:
        fh.write(json.dumps(result, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
