"""What counts as one named problem in the shortcomings part."""

from __future__ import annotations

from tests.review.helpers import finding, report, run


def _specific(*sentences: str):
    """shortcomings.specific on the fictional report with these sentences as its shortcomings."""
    return finding(run(report(shortcomings="三、存在的不足和原因\n" + "".join(sentences) + "\n")),
                   "shortcomings.specific")


def test_a_general_lead_in_before_the_colon_is_not_part_of_the_first_problem():
    found = [s.surface for s in _specific(
        "工作中还存在一些差距和不足:规范性文件备案审查不够及时;基层普法针对性不强。",
        "主要原因是基层执法人员中具有法律专业背景的不足三成。",
    ).evidence]
    assert found[0] == "规范性文件备案审查不够及时;"
    assert len(found) == 2


def test_the_subject_of_a_causes_sentence_is_not_a_further_problem():
    f = _specific("主要问题是:行政执法监督机制还不够健全,难以及时纠正违法执法行为。",
                  "存在问题的原因是:执法监督制度滞后,法治专业人才短缺。")
    assert f.details["items"] == 1 and f.details["specific"] == 1


def test_one_specific_problem_fails_as_too_few_not_as_vague():
    f = _specific("行政执法监督机制还不够健全,难以及时纠正违法执法行为。",
                  "主要原因是执法监督制度滞后,法治专业人才短缺。")
    assert f.status == "failed" and "只写了1项具体问题" in f.message and "只有1项" not in f.message
