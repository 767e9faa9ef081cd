"""Reading many files for analyze and review: in worker processes, under the per-file limits.

The same pool as ``fazhi ingest`` (fazhi.ingest.pool): a file that hangs or
eats memory gets its one line and the batch goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from fazhi.core.errors import FazhiError
from fazhi.core.settings import Settings


@dataclass(frozen=True, slots=True)
class Read:
    source: str
    analysis: dict | None = None  # Analysis.to_json()
    text: str | None = None
    error: FazhiError | None = None


def analyze_task(source: str, settings: Settings, _shared: object) -> tuple[dict, str]:
    """In a worker: the analysis JSON and the text (plain values cross processes cheaply)."""
    from fazhi.pipeline import analyze_path

    analysis = analyze_path(source, settings)
    return analysis.to_json(), analysis.document.text


def analyze_files(sources: Iterable[str], settings: Settings, workers: int | None = None) -> Iterator[Read]:
    from fazhi.ingest.pool import run_files
    from fazhi.ingest.registry import shown_path

    for done in run_files(
        analyze_task, sources, settings, workers=workers or settings.worker_count(), source_of=shown_path
    ):
        if done.error is not None:
            yield Read(done.source, error=done.error)
        else:
            yield Read(done.source, *done.result)
