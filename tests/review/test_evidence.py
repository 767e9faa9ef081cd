"""Coverage of the 纲要 areas, evidence density, stock phrases, figure consistency."""

from __future__ import annotations

from tests.review.helpers import LEADERS, finding, report, run

THIN_MEASURES = (
    "一、主要举措和成效\n"
    "(一)深化“放管服”改革。持续优化营商环境,不断提升服务水平。\n"
    "(二)严格规范公正文明执法。深入推进执法规范化建设。\n"
)


def test_a_report_covering_every_area_passes_with_full_credit():
    f = finding(run(report()), "coverage.areas")
    assert f.status == "passed" and f.credit == 1.0
    assert f.details["missing_ids"] == []
    assert f.looked_for is None


def test_areas_not_mentioned_are_named_and_looked_for():
    f = finding(run(report(measures=THIN_MEASURES)), "coverage.areas")
    assert f.status == "failed"
    assert "突发事件应对" in f.message and "数字法治政府" in f.message
    assert "突发事件应对" in f.looked_for
    assert "emergencies" in f.details["missing_ids"]
    # Leadership is covered by the leaders' part, as the rule file says.
    assert "leadership" not in f.details["missing_ids"]
    assert 0 < f.credit < 1


def test_figures_per_thousand_characters():
    assert finding(run(report()), "evidence.figures").status == "passed"
    f = finding(run(report(measures=THIN_MEASURES, leaders=LEADERS.split("。")[0] + "。\n",
                           plans="四、2025年工作安排\n持续推进法治政府建设。\n",
                           shortcomings="三、存在的问题\n执法水平不高,主要原因是培训不够。\n")),
                "evidence.figures")
    assert f.status == "failed"
    assert f.details["count"] <= 2


def test_named_documents_are_counted_once_each():
    text = report().replace("印发《示例县规范性文件管理办法》", "再次落实《示例县优化营商环境十条措施》")
    f = finding(run(text), "evidence.documents")
    assert f.details["count"] == 2
    assert [s.surface for s in f.evidence].count("《示例县优化营商环境十条措施》") == 1


def test_no_named_document_fails_and_says_what_was_looked_for():
    f = finding(run(report(measures=THIN_MEASURES)), "evidence.documents")
    assert f.status == "failed"
    assert f.looked_for and "《》" in f.looked_for


def test_year_on_year_comparisons_of_core_indicators_pass():
    f = finding(run(report()), "evidence.comparisons")
    assert f.status == "passed"
    assert "出庭应诉率" in f.details["compared"] and "败诉率" in f.details["compared"]


def test_a_comparison_of_any_other_figure_is_not_a_core_comparison():
    text = report().replace("较上年提高15个百分点", "").replace("较上年下降2个百分点", "")
    f = finding(run(text), "evidence.comparisons")
    # `处罚案件较上年下降12%`, `同比增长8%` remain: they are not core indicators.
    assert f.status == "failed" and f.details["count"] == 0


def test_no_comparison_fails():
    f = finding(run(report(measures=THIN_MEASURES)), "evidence.comparisons")
    assert f.status == "failed" and f.details["count"] == 0
    assert f.looked_for


def test_a_report_made_of_stock_phrases_fails():
    measures = (
        "一、主要举措和成效\n"
        "法治政府建设取得积极成效。各项工作迈上新台阶。依法行政水平显著提升。"
        "执法规范化走深走实。普法工作蔚然成风。决策机制更加完善。制度体系更加健全。"
        "监督合力不断增强。各项任务落地落实。政务服务提质增效。审核规范性文件35件。\n"
    )
    f = finding(run(report(measures=measures)), "language.stock_phrases")
    assert f.status == "failed"
    assert "取得积极成效" in [s.surface for s in f.evidence]
    assert f.details["with_stock"] >= 4


def test_plain_facts_pass_the_stock_phrase_check():
    f = finding(run(report()), "language.stock_phrases")
    assert f.status == "passed" and f.details["phrases"] == 0
    assert f.looked_for


def test_consistent_figures_pass_and_say_what_was_checked():
    f = finding(run(report()), "figures.consistent")
    assert f.status == "passed" and f.looked_for and not f.evidence


def test_a_rate_above_100_percent_fails_with_the_figure_as_evidence():
    text = report().replace("调解成功率98%", "调解成功率108%")
    f = finding(run(text), "figures.consistent")
    assert f.status == "failed"
    assert "108%" in [s.surface for s in f.evidence]
    assert "108%" in f.message
