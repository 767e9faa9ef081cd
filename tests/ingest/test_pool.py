"""The worker pool: a file that hangs, eats memory or meets a bug costs one line, never the batch."""

from __future__ import annotations

import time

from fazhi.core.settings import Settings
from fazhi.ingest.pool import run_files
from tests.support.tasks import echo, misbehave


def _run(items, workers=2, **limits):
    settings = Settings(**{"max_seconds_per_file": 5, "max_memory_mb": 512, **limits})
    return list(run_files(misbehave, items, settings, workers=workers, source_of=str))


def test_results_come_in_input_order_whatever_the_workers() -> None:
    items = [f"f{i}" for i in range(12)]
    done = list(run_files(echo, items, Settings(), workers=3, source_of=str, shared="s"))
    assert [d.result for d in done] == [(item, "s") for item in items]


def test_a_bug_is_that_files_error_with_its_traceback_and_the_batch_goes_on() -> None:
    done = _run(["a", "bug", "b"])
    assert [d.result for d in done] == ["a", None, "b"]
    assert done[1].error.code == "internal_error" and "ValueError: a bug in a reader" in done[1].error.trace


def test_a_hanging_file_is_stopped_at_the_time_limit_and_its_worker_replaced() -> None:
    start = time.monotonic()
    done = _run(["hang", "a", "b", "c"], workers=1, max_seconds_per_file=1.5)
    assert time.monotonic() - start < 15
    assert done[0].error.code == "time_limit" and "1.5 秒" in done[0].error.one_line()
    assert [d.result for d in done[1:]] == ["a", "b", "c"]


def test_each_queued_file_has_its_own_time_limit() -> None:
    # Files wait in a worker's queue; the one before them does not eat their time.
    done = _run(["slow1", "slow2", "slow3"], workers=1, max_seconds_per_file=1.5)
    assert [d.result for d in done] == ["slow1", "slow2", "slow3"]


def test_a_caller_holding_results_back_hears_when_nothing_comes_for_a_while() -> None:
    # ingest stores results in batches: while a slow file is worked on, the batch must not wait for it.
    settings = Settings(max_seconds_per_file=5)
    done = list(run_files(misbehave, ["a", "slow"], settings, workers=1, source_of=str, idle_seconds=0.2))
    results = [d.result for d in done if d is not None]
    first = next(i for i, d in enumerate(done) if d is not None)
    assert results == ["a", "slow"] and None in done[first + 1:-1]


def test_a_file_eating_memory_is_stopped_at_the_memory_cap() -> None:
    done = _run(["hog", "a"], workers=1, max_memory_mb=400)
    assert done[0].error.code == "memory_limit" and "400 MB" in done[0].error.one_line()
    assert done[1].result == "a"
