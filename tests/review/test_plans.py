"""Plans: how many items carry a measurable target or a time limit."""

from __future__ import annotations

from tests.review.helpers import finding, report, run


def test_plans_with_targets_and_dates_pass_and_show_them():
    f = finding(run(report()), "plans.specific")
    assert f.status == "passed"
    assert f.details["items"] == 4 and f.details["specific"] == 4
    surfaces = [s.surface for s in f.evidence]
    assert "年内" in surfaces and "不少于4期" in surfaces and "6月底前" in surfaces


def test_one_generic_paragraph_is_flagged_unspecific():
    plans = "四、2025年工作安排\n下一步,我县将持续深入推进法治政府建设,不断提升依法行政水平,为经济社会发展提供法治保障。\n"
    f = finding(run(report(plans=plans)), "plans.specific")
    assert f.status == "failed"
    assert f.details == {"items": 1, "specific": 0, "share": 0.0}
    assert "一段笼统的表述" in f.message
    assert f.evidence[0].surface.startswith("下一步")


def test_items_without_targets_fail_and_are_quoted():
    plans = (
        "四、2025年工作安排\n(一)加强党的领导。持续深化法治建设。\n"
        "(二)优化营商环境。不断提升服务水平。\n(三)推进普法。年内开展普法活动200场。\n"
    )
    f = finding(run(report(plans=plans)), "plans.specific")
    assert f.status == "failed"
    assert (f.details["items"], f.details["specific"]) == (3, 1)
    assert [s.surface[:3] for s in f.evidence] == ["(一)", "(二)"]
    assert 0 < f.credit < 1


def test_yi_shi_items_are_counted_when_there_are_no_subsections():
    plans = "四、2025年工作安排\n一是加强执法培训,全年不少于4期。二是深化普法。三是完善复议机制,9月底前出台办法。\n"
    f = finding(run(report(plans=plans)), "plans.specific")
    assert (f.details["items"], f.details["specific"]) == (3, 2)
    assert f.status == "passed"


def test_a_year_inside_a_document_name_sets_no_time_limit():
    plans = "四、2025年工作安排\n(一)贯彻落实《示例县法治政府建设规划(2021—2025年)》,持续推进依法行政。\n"
    f = finding(run(report(plans=plans)), "plans.specific")
    assert f.details["specific"] == 0


def test_plans_in_a_combined_section_start_where_the_plans_open():
    combined = (
        "三、存在的不足和原因及2025年的主要安排\n"
        "执法规范化水平不高,主要原因是培训不足。\n"
        "下一步,我县将年内开展执法培训不少于4期,9月底前出台执法监督办法。\n"
    )
    text = report(shortcomings=combined, plans="")
    f = finding(run(text), "plans.specific")
    assert f.status == "passed"
    assert f.details["items"] == 1
    assert [s.surface for s in f.evidence] == ["年内", "不少于4期", "9月底前"]
    assert all(s.start > text.index("下一步") for s in f.evidence)


def test_no_plans_scores_nothing_here_and_fails_under_the_part_rule():
    result = run(report(plans=""))
    assert finding(result, "plans.specific").status == "failed"
    assert finding(result, "plans.specific").credit == 0
    assert finding(result, "parts.plans").status == "failed"
