"""Whether the plans (and remedies) answer each named shortcoming."""

from __future__ import annotations

from tests.review.helpers import finding, report, run

SHORTCOMINGS = (
    "三、存在的不足和原因\n"
    "一是规范性文件备案审查不够及时;二是基层普法针对性不强。"
    "主要原因是基层法治工作人员不足,培训经费不足。\n"
)
LONG_ITEM = (
    "四、2025年工作安排\n"
    "(一)持续优化法治化营商环境。深入开展营商环境提效年活动,统筹涉企行政检查,减少入企检查频次,"
    "杜绝随意检查,强化涉企行政复议案件跟踪问效,做细涉企公共法律服务,助力企业合规经营,"
    "推动惠企政策直达快享,全年兑现惠企资金不少于1亿元。深化“一件事一次办”改革,推行容缺受理和告知承诺制,"
    "压缩工程建设项目审批时限,完善中小微企业纾困帮扶机制,建立民营企业诉求协调解决工作专班。"
    "开展涉企法律服务进园区活动,组织律师为企业开展法治体检,编制企业合规经营指引。"
    "对规范性文件及时备案审查,年内备案率100%。\n"
    "(二)深化基层普法。年内开展基层普法活动200场,针对群众需求编印普法读本。\n"
)


def test_one_sentence_of_a_long_plan_item_answers_a_shortcoming():
    f = finding(run(report(shortcomings=SHORTCOMINGS, plans=LONG_ITEM)), "plans.answer")
    assert f.status == "passed"
    assert f.details["items"] == 2 and f.details["unanswered"] == 0


def test_a_shortcoming_is_not_its_own_answer_in_a_merged_part():
    merged = (
        "三、存在的问题和下一步工作打算\n"
        "一是规范性文件备案审查不够及时;二是基层普法针对性不强。"
        "2025年,我县将坚持以习近平法治思想为指导,全面落实法治政府建设各项部署,确保如期完成各项任务。\n"
    )
    f = finding(run(report(shortcomings=merged, plans="")), "plans.answer")
    assert f.status == "failed" and f.details["answered"] == 0
