"""Random bytes and random mutations of the examples, in every format, through analyze and ingest.

Whatever the bytes, the answer is an analysis or one FazhiError line: never
another exception (a traceback). The budget is fixed by the example counts
below (about a minute on a CI machine).
"""

from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fazhi.core.errors import FazhiError
from fazhi.core.settings import Settings
from fazhi.pipeline import analyze_bytes
from fazhi.store import open_store
from fazhi.store.ingest_run import ingest_files
from tests.conftest import EXAMPLES

SAMPLES = {path.suffix: path.read_bytes() for path in sorted(EXAMPLES.iterdir()) if path.is_file()}
SUFFIXES = sorted(SAMPLES)
# Modest limits keep a mutation that happens to inflate from slowing the run.
LIMITS = Settings(max_text_chars=200_000, max_part_mb=8, max_unzipped_mb=16, max_seconds_per_file=20)


@st.composite
def mutated(draw, suffix: str) -> bytes:
    """The example of this format with a few bytes flipped, a slice cut out or repeated, or cut short.

    A DOCX is mutated inside one of its parts and zipped again: mutating the
    zip itself only ever tests the CRC check.
    """
    if suffix == ".docx" and draw(st.booleans()):
        with zipfile.ZipFile(io.BytesIO(SAMPLES[suffix])) as archive:
            parts = {info.filename: archive.read(info) for info in archive.infolist()}
        name = draw(st.sampled_from(sorted(parts)))
        parts[name] = _mutate(draw, bytearray(parts[name]))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for part, data in parts.items():
                archive.writestr(part, data)
        return out.getvalue()
    return _mutate(draw, bytearray(SAMPLES[suffix]))


def _mutate(draw, data: bytearray) -> bytes:
    for _ in range(draw(st.integers(1, 4))):
        if not data:
            break
        kind = draw(st.sampled_from(["flip", "cut", "repeat", "truncate", "insert"]))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        size = draw(st.integers(1, 64))
        if kind == "flip":
            data[at] = draw(st.integers(0, 255))
        elif kind == "cut":
            del data[at : at + size]
        elif kind == "repeat":
            data[at:at] = data[at : at + size] * draw(st.integers(2, 50))
        elif kind == "truncate":
            del data[at:]
        else:
            data[at:at] = draw(st.binary(min_size=1, max_size=size))
    return bytes(data)


def inputs(suffix: str):
    return st.one_of(st.binary(max_size=2048), mutated(suffix))


def _analyze(data: bytes, suffix: str) -> None:
    try:
        analysis = analyze_bytes(data, f"fuzz{suffix}", LIMITS)
    except FazhiError:
        return
    for figure in analysis.figures:
        figure.span.check(analysis.document.text)


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_analyze_never_raises_anything_but_a_fazhi_error(suffix: str) -> None:
    @settings(max_examples=200, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(data=inputs(suffix))
    def check(data: bytes) -> None:
        _analyze(data, suffix)

    check()


def test_ingest_of_hostile_batches_reports_every_file_without_a_traceback(tmp_path_factory) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    settings_ = LIMITS.model_copy(update={"data_dir": folder / "data"})
    store = open_store(settings_)

    @settings(max_examples=4, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                     HealthCheck.function_scoped_fixture])
    @given(batch=st.lists(st.sampled_from(SUFFIXES).flatmap(lambda s: st.tuples(st.just(s), inputs(s))),
                          min_size=8, max_size=16))
    def check(batch: list[tuple[str, bytes]]) -> None:
        files = []
        for i, (suffix, data) in enumerate(batch):
            path = folder / f"f{i}{suffix}"
            path.write_bytes(data)
            files.append((str(path), True))
        outcomes = list(ingest_files(files, store, settings_, workers=2))
        assert len(outcomes) == len(files)
        bugs = [o.error.trace for o in outcomes if o.error is not None and o.error.code == "internal_error"]
        assert bugs == []

    check()
