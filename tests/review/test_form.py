"""Form and timing: title, report year, publication date against the deadline."""

from __future__ import annotations

from tests.review.helpers import MEASURES, PLANS, finding, report, run

PUBLISHED = "发布日期: {}  来源: 示例县司法局\n"


def test_a_standard_title_passes_with_the_title_as_evidence():
    f = finding(run(report()), "form.title")
    assert f.status == "passed"
    assert [s.surface for s in f.evidence] == ["示例县2024年度法治政府建设情况报告"]


def test_a_work_summary_title_fails_naming_each_problem():
    f = finding(run(report(title="示例县2024年度法治政府建设工作总结")), "form.title")
    assert f.status == "failed"
    assert "“报告”结尾" in f.message and "工作总结" in f.message


def test_a_title_without_the_year_fails():
    f = finding(run(report(title="示例县法治政府建设情况报告")), "form.title")
    assert f.status == "failed" and "年度" in f.message


def test_no_title_in_the_text_is_not_judged_and_says_what_was_looked_for():
    # A copy that opens with the body says nothing about the report's own title:
    # "未找到标题" would be a claim about the copy, and it would cost the report points.
    f = finding(run(report(title=None)), "form.title")
    assert f.status == "not_applicable" and f.weight > 0 and not f.scored
    assert not f.evidence and "标题" in f.looked_for and "未能核对标题" in f.message


def test_the_report_year_passes_when_the_text_agrees():
    f = finding(run(report()), "form.year")
    assert f.status == "passed"
    assert f.details["year"] == 2024 and f.evidence[0].surface == "2024"


def test_a_plans_heading_for_the_wrong_year_is_a_conflict():
    plans = PLANS.replace("2025年工作安排", "2024年工作安排")
    f = finding(run(report(plans=plans)), "form.year")
    assert f.status == "failed"
    assert "应为2025年" in f.message
    assert "2024" in [s.surface for s in f.evidence[1:]]


def test_measures_about_another_year_are_a_conflict():
    measures = MEASURES.replace("2024年公布", "2023年公布") + "(十)2023年,全县开展执法检查30次。2023年完成复议50件。\n"
    text = report(measures=measures).replace("2024年,示例县坚持", "示例县坚持")
    f = finding(run(text), "form.year")
    assert f.status == "failed"
    assert "2023年" in f.message


def test_published_before_the_deadline_passes():
    f = finding(run(report(furniture=PUBLISHED.format("2025-03-20"))), "form.published")
    assert f.status == "passed"
    assert f.details["deadline"] == "2025-04-01"
    assert [s.surface for s in f.evidence] == ["2025-03-20"]


def test_published_on_the_deadline_day_is_on_time():
    f = finding(run(report(furniture=PUBLISHED.format("2025-04-01"))), "form.published")
    assert f.status == "passed"


def test_published_after_the_deadline_fails_with_the_days_late():
    f = finding(run(report(furniture=PUBLISHED.format("2025-04-15"))), "form.published")
    assert f.status == "failed"
    assert f.details["days_late"] == 14
    assert "逾期14天" in f.message


def test_an_unknown_publication_date_is_not_applicable_not_failed():
    f = finding(run(report()), "form.published")
    assert f.status == "not_applicable"
    assert "发布日期" in f.looked_for
    assert f.rule in run(report()).score.unscored


def test_reports_before_the_2019_rule_are_not_applicable():
    text = report(title="示例县2018年度法治政府建设情况报告", furniture=PUBLISHED.format("2019-05-20"))
    text = text.replace("2024年", "2018年").replace("2025年", "2019年")
    f = finding(run(text), "form.published")
    assert f.status == "not_applicable"
    assert "2018年度" in f.message


def test_a_heading_naming_this_year_and_next_is_no_conflict():
    shortcomings = "三、2024年存在的不足和原因及2025年工作安排\n执法水平不高,主要原因是培训不足。下一步,年内开展培训4期。\n"
    f = finding(run(report(shortcomings=shortcomings, plans="")), "form.year")
    assert f.status == "passed"
