"""Every fact in the analysis JSON points at the exact source text it came from."""

from __future__ import annotations

import pytest

from fazhi.core.settings import Settings
from fazhi.pipeline import analyze_path
from tests.conftest import EXAMPLES, seed_paths

INPUTS = [*seed_paths(), *sorted(EXAMPLES.iterdir())]


@pytest.fixture(scope="module", params=INPUTS, ids=lambda p: p.name[:12])
def analyzed(request):
    analysis = analyze_path(request.param, Settings())
    return analysis.to_json(), analysis.document.text


def test_figures_are_grounded(analyzed) -> None:
    row, text = analyzed
    assert row["figures"]
    for fig in row["figures"]:
        assert text[fig["offset"] : fig["offset"] + len(fig["text"])] == fig["text"]


def test_sections_are_grounded(analyzed) -> None:
    row, text = analyzed
    for section in row["sections"]:
        body = text[section["offset"] : section["offset"] + section["length"]]
        assert len(body) == section["length"]
        if section["heading"]:
            assert section["heading"] in body


def test_evidence_lies_inside_the_text_or_says_what_was_looked_for(analyzed) -> None:
    row, text = analyzed
    for finding in row["findings"]:
        for ev in finding["evidence"]:
            assert 0 <= ev["offset"] and ev["offset"] + ev["length"] <= len(text)
        if not finding["evidence"] and finding["status"] == "failed":
            assert finding.get("looked_for"), finding["rule"]


def test_noise_and_identity_spans_are_inside_the_text(analyzed) -> None:
    row, text = analyzed
    spans = [*row["noise"], *[e for e in row["identity_evidence"].values() if "offset" in e]]
    for span in spans:
        assert 0 <= span["offset"] and span["offset"] + span["length"] <= len(text)
        assert text[span["offset"] : span["offset"] + span["length"]].strip()


def test_score_is_out_of_100_and_versions_are_recorded(analyzed) -> None:
    row, _ = analyzed
    assert 0 <= row["score"]["total"] <= 100
    assert set(row["versions"]) == {"fazhi", "indicator_catalog", "figures_data", "structure_rules", "rulebook", "division_table"}


def test_a_failed_file_has_the_same_keys_as_an_analyzed_one() -> None:
    from fazhi.core.errors import EmptyFile
    from fazhi.pipeline import RESULT_KEYS, failure_json

    analyzed = analyze_path(seed_paths()[0], Settings()).to_json()
    failed = failure_json("x.txt", EmptyFile("文件是空的", source="x.txt"))
    assert tuple(analyzed) == RESULT_KEYS
    assert tuple(failed) == RESULT_KEYS
