"""What a review letter says on the five seeds: identity, verdict, each failed rule with evidence and suggestion."""

from __future__ import annotations

import re

import pytest

from fazhi.letters.quotes import flat
from fazhi.letters.typeset import typeset
from tests.letters.conftest import NAMES, markdown, short

SEEDS = pytest.mark.parametrize("name", NAMES, ids=short)


def failed(analysis: dict) -> list[dict]:
    return [f for f in analysis["findings"] if f["status"] == "failed"]


@SEEDS
def test_letter_names_the_jurisdiction_year_and_file(name, analyses, written) -> None:
    analysis, _ = analyses[name]
    md = markdown(written, name)
    assert analysis["jurisdiction"]["name"] in md
    assert f"{analysis['report_year']}年" in md
    assert analysis["sha256"][:12] in md


@SEEDS
def test_letter_gives_the_title_or_says_there_is_none(name, analyses, written) -> None:
    title = analyses[name][0]["title"]
    md = markdown(written, name)
    assert (" ".join(title.split()) in md) if title else ("未载明标题" in md)


def test_letter_gives_the_document_number_and_publication_date_when_known(analyses, written) -> None:
    name = next(n for n in NAMES if n.startswith("001"))
    assert "鞍委〔2024〕17号" in markdown(written, name)
    assert "2024年3月15日" in markdown(written, name)


@SEEDS
def test_verdict_states_label_and_score_out_of_100(name, analyses, letters, written) -> None:
    verdict = letters[name].verdict
    md = markdown(written, name)
    assert verdict.label in ("合格", "基本合格", "需修改")
    assert f"审核结论:{verdict.label}".replace(":", "\uff1a") in md
    assert f"得分{analyses[name][0]['score']['total']:.1f}分" in md and "满分100分" in md


def test_a_report_missing_a_required_part_and_its_causes_needs_revision(letters) -> None:
    ansan = letters[next(n for n in NAMES if n.startswith("001"))]
    assert ansan.verdict.label == "需修改"
    assert "不足的原因" in ansan.verdict.summary


@SEEDS
def test_every_failed_rule_is_named_with_its_basis(name, analyses, written) -> None:
    md = markdown(written, name)
    for finding in failed(analyses[name][0]):
        assert typeset(finding["title"]) in md
        assert typeset(finding["basis"]) in md


@SEEDS
def test_every_failed_rule_quotes_its_evidence_or_says_what_was_not_found(name, analyses, written) -> None:
    analysis, text = analyses[name]
    md = markdown(written, name)
    for finding in failed(analysis):
        shown = []
        if finding["evidence"]:
            first = finding["evidence"][0]
            shown.append(flat(text[first["offset"] : first["offset"] + first["length"]])[:20])
        if finding["looked_for"]:
            shown.append("未找到\uff1a" + typeset(finding["looked_for"]))
        assert shown and any(s in md for s in shown), finding["rule"]


@SEEDS
def test_every_quote_is_the_report_verbatim(name, analyses, letters) -> None:
    text = flat(analyses[name][1])
    for item in letters[name].items:
        for quote in item.quotes:
            for piece in quote.marked.split("…"):
                assert piece in text
            assert quote.before + quote.marked in text or "…" in quote.marked


@SEEDS
def test_every_failed_rule_gets_a_suggestion(name, letters, written) -> None:
    md = markdown(written, name)
    items = [i for i in letters[name].items if i.kind == "failed"]
    assert items
    for item in items:
        assert item.suggestion and "{" not in item.suggestion
        assert "修改建议\uff1a" + item.suggestion in md


def test_heading_that_promises_causes_is_quoted_with_what_was_missing(written) -> None:
    md = markdown(written, next(n for n in NAMES if n.startswith("004")))
    section = md.split("不足的原因(需修改)".replace("(", "\uff08").replace(")", "\uff09"))[1].split("###")[0]
    assert "三、存在的不足和原因" in section
    assert "未找到" in section and "原因" in section


@SEEDS
def test_passed_rules_are_listed_by_title_only(name, analyses, written) -> None:
    md = markdown(written, name)
    full = [f for f in analyses[name][0]["findings"] if f["status"] == "passed" and f["credit"] >= 1]
    for finding in full:
        assert f"“{typeset(finding['title'])}”" in md
        # Briefly: what is fine is named by title, and at most once more among the strengths.
        assert md.count(typeset(finding["message"])) <= 1


@SEEDS
def test_letter_uses_full_width_punctuation_in_its_own_sentences(name, letters) -> None:
    from fazhi.letters.layout import blocks

    for block in blocks(letters[name]):
        for run in block.runs:
            if run.style not in ("quote", "mark"):  # the report's own words stay as written
                assert not re.search(r"[\u4e00-\u9fff][,;:()]|[,;:()][\u4e00-\u9fff]", run.text), run.text


def test_letter_is_signed_off_by_the_reviewer_and_dated(written) -> None:
    md = markdown(written, NAMES[0])
    assert "经审核人王审核复核" in md
    assert "2025年3月20日" in md
    assert "初审稿" not in md


def test_a_report_that_could_not_be_analysed_still_gets_a_letter_saying_so(tmp_path) -> None:
    from fazhi.core.errors import CorruptFile
    from fazhi.letters import build_letter, write_letter
    from fazhi.pipeline import failure_json

    analysis = failure_json("broken.pdf", CorruptFile("无法打开"), sha256=None)
    letter = build_letter(analysis, "")
    paths = write_letter(letter, tmp_path, "broken")
    assert letter.verdict.label == "无法评定" and letter.verdict.score is None
    assert "无法评定" in paths["md"].read_text(encoding="utf-8")
