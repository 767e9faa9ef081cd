"""The statutory parts: present or missing, causes stated or only promised, leaders' part substantive."""

from __future__ import annotations

import pytest

from tests.review.helpers import LEADERS, PLANS, finding, report, run


def test_a_complete_report_passes_every_part():
    result = run(report())
    for rule in ("parts.measures", "parts.shortcomings", "parts.reasons", "parts.leaders", "parts.plans"):
        assert finding(result, rule).status == "passed", rule
        assert finding(result, rule).evidence


@pytest.mark.parametrize(
    "left_out, rule",
    [
        ({"leaders": ""}, "parts.leaders"),
        ({"plans": ""}, "parts.plans"),
        ({"shortcomings": ""}, "parts.shortcomings"),
    ],
)
def test_a_missing_part_fails_and_says_what_was_looked_for(left_out, rule):
    f = finding(run(report(**left_out)), rule)
    assert f.status == "failed"
    assert f.severity == "error"
    assert not f.evidence and f.looked_for
    assert "缺少" in f.message


def test_measures_found_by_position_count():
    measures = "一、坚持党的领导,统筹推进法治建设\n召开专题会议5次,印发《示例县法治建设要点》。\n"
    assert finding(run(report(measures=measures)), "parts.measures").status == "passed"


def test_a_passing_mention_of_the_leaders_in_the_measures_is_not_the_part():
    measures = "一、主要举措和成效\n党政主要负责人年度述法工作实现全覆盖,全年开展执法检查30次。\n"
    assert finding(run(report(measures=measures, leaders="")), "parts.leaders").status == "failed"


def test_the_leaders_part_as_a_subsection_of_the_measures_counts():
    measures = (
        "一、主要举措和成效\n(一)党政主要负责人切实履行推进法治建设第一责任人职责。"
        "主持召开专题会议4次,带头学法述法。\n(二)严格规范执法。开展执法检查30次。\n"
    )
    assert finding(run(report(measures=measures, leaders="")), "parts.leaders").status == "passed"


def test_causes_stated_in_the_text_pass_with_their_words_as_evidence():
    f = finding(run(report()), "parts.reasons")
    assert f.status == "passed"
    assert [s.surface for s in f.evidence] == ["主要原因是"]


def test_a_heading_that_promises_causes_the_text_does_not_give_fails_saying_so():
    shortcomings = "三、存在的不足和原因\n一是行政执法队伍专业化水平不高;二是基层普法不够深入。\n"
    f = finding(run(report(shortcomings=shortcomings)), "parts.reasons")
    assert f.status == "failed"
    assert "三、存在的不足和原因" in f.message
    assert "承诺说明原因" in f.message and "没有给出原因" in f.message
    assert [s.surface for s in f.evidence] == ["三、存在的不足和原因"]
    assert f.looked_for


def test_shortcomings_without_causes_fail_without_blaming_a_heading():
    shortcomings = "三、存在的问题\n一是行政执法队伍专业化水平不高;二是基层普法不够深入。\n"
    f = finding(run(report(shortcomings=shortcomings)), "parts.reasons")
    assert f.status == "failed"
    assert "承诺" not in f.message and "没有分析" in f.message


def test_no_shortcomings_means_no_causes_either():
    f = finding(run(report(shortcomings="")), "parts.reasons")
    assert f.status == "failed"
    assert "没有列出存在的不足" in f.message


def test_a_cause_in_other_words_from_the_rule_file_counts():
    shortcomings = "三、存在的问题\n基层普法不够深入,这是由于普法经费长期不足。\n"
    f = finding(run(report(shortcomings=shortcomings)), "parts.reasons")
    assert f.status == "passed"
    assert [s.surface for s in f.evidence] == ["这是由于"]


def test_a_substantive_leaders_part_passes():
    f = finding(run(report()), "leaders.substantive")
    assert f.status == "passed"
    assert f.details["sentences"] >= 3
    assert LEADERS.splitlines()[1][:10] in f.evidence[0].surface


def test_a_one_sentence_leaders_part_fails():
    leaders = "二、党政主要负责人履行推进法治建设第一责任人职责情况\n主要负责人认真履行第一责任人职责。\n"
    f = finding(run(report(leaders=leaders)), "leaders.substantive")
    assert f.status == "failed"
    assert f.details["sentences"] == 1
    assert "过于简略" in f.message


def test_leaders_substance_scores_nothing_when_the_part_is_missing():
    # Failed, not left out: a missing part must not lift the score by dropping its rules.
    f = finding(run(report(leaders="")), "leaders.substantive")
    assert f.status == "failed" and f.credit == 0
    assert "本项不得分" in f.message and f.looked_for



def test_a_section_of_its_own_for_the_causes_states_them():
    shortcomings = "三、存在的不足\n执法队伍专业化水平不高。\n四、原因分析\n基层执法人员少,培训经费长期不足。\n"
    f = finding(run(report(shortcomings=shortcomings, plans=PLANS.replace("四、", "五、"))), "parts.reasons")
    assert f.status == "passed"
    assert [s.surface for s in f.evidence] == ["基层执法人员少,培训经费长期不足。"]


def test_a_causes_line_inside_the_shortcomings_section_states_them():
    shortcomings = "三、存在的问题\n执法队伍专业化水平不高。\n原因分析\n基层执法人员少,培训经费长期不足。\n"
    f = finding(run(report(shortcomings=shortcomings)), "parts.reasons")
    assert f.status == "passed"
    assert [s.surface for s in f.evidence] == ["基层执法人员少,培训经费长期不足。"]
