"""Seed reports edited so that the right verdict is known by construction.

Each test takes a real seed, changes one thing a reviewer would judge (causes
added in one of many wordings, the leaders' part removed or added, plans made
specific, the shortcomings reduced to one stock sentence, a late publication,
a rate above 100%, plans that answer nothing) and checks that the review says
what that change means, down to the verdict.
"""

from __future__ import annotations

from functools import lru_cache

import pytest

from fazhi.core.settings import Settings
from fazhi.pipeline import analyze_bytes
from tests.review.seeds import SEEDS

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="seed reports not found under ../shared/seeds")

XIAOYI, ANSHAN, HAIYUAN = "000_7dcfd6d23ada2a9f", "001_af86cdcbdf7cc7d9", "004_5e9a88d8f644b03d"


@lru_cache(maxsize=None)
def seed_text(name: str) -> str:
    return (SEEDS / f"{name}.txt").read_text(encoding="utf-8")


def analyze(text: str) -> dict:
    return analyze_bytes(text.encode("utf-8"), "edited.txt", Settings()).to_json()


def finding(analysis: dict, rule: str) -> dict:
    return next(f for f in analysis["findings"] if f["rule"] == rule)


def verdict(analysis: dict) -> str:
    return analysis["score"]["verdict"]["label"]


def edited(name: str, old: str, new: str) -> str:
    text = seed_text(name)
    assert old in text, f"{old[:20]}… not in seed {name}"
    return text.replace(old, new, 1)


# -- causes, in many wordings ------------------------------------------------

# 孝义 000 names its problems and no cause; each of these sentences gives one.
XIAOYI_PROBLEMS_END = "行政执法规范化建设还有待进一步提升。"
CAUSES = [
    "究其原因,主要是基层执法人员编制不足、培训经费投入不够。",
    "产生这些问题的根源在于执法协调机制不健全。",
    "这些问题源于基层法治工作力量薄弱、专业人才短缺。",
    "问题的症结在于考核机制还不完善。",
    "之所以出现上述问题,是因为部分单位制度执行不严、执法人员配备不足。",
    "一方面,基层执法队伍专业人才短缺;另一方面,执法协调机制尚未健全。",
    "由于乡镇执法人员数量不足,执法衔接不够顺畅。",
    "上述问题受制于基层执法力量和经费保障不足。",
    "主要原因是部分部门执法人员配备不足。",
]


def test_the_unedited_seed_gives_no_cause():
    assert finding(analyze(seed_text(XIAOYI)), "parts.reasons")["status"] == "failed"


@pytest.mark.parametrize("cause", CAUSES, ids=range(len(CAUSES)))
def test_a_cause_in_any_ordinary_wording_is_recognised(cause):
    result = analyze(edited(XIAOYI, XIAOYI_PROBLEMS_END, XIAOYI_PROBLEMS_END + cause))
    f = finding(result, "parts.reasons")
    assert f["status"] == "passed" and f["credit"] == 1.0, f["message"]
    # No cap for missing causes any more: the verdict is the score's.
    assert all(c["rule"] != "parts.reasons" for c in result["score"]["verdict"]["caps"])


def test_a_cause_that_is_only_awareness_earns_half():
    cause = "主要原因是部分干部法治意识不够强,法治素养有待提高。"
    f = finding(analyze(edited(XIAOYI, XIAOYI_PROBLEMS_END, XIAOYI_PROBLEMS_END + cause)), "parts.reasons")
    assert f["status"] == "passed" and f["credit"] == 0.5


# -- the leaders' part -------------------------------------------------------


def test_removing_the_leaders_part_caps_the_verdict():
    text = seed_text(HAIYUAN)
    start = text.index("二、党政主要负责人履行推进法治建设第一责任人职责情况")
    end = text.index("三、存在的不足和原因")
    result = analyze(text[:start] + text[end:])
    assert finding(result, "parts.leaders")["status"] == "failed"
    assert finding(result, "leaders.substantive")["credit"] == 0
    assert verdict(result) == "需修改"
    assert any(c["rule"] == "parts.leaders" for c in result["score"]["verdict"]["caps"])


LEADERS = (
    "    二、党政主要负责人履行推进法治建设第一责任人职责情况\n"
    "    市委书记、市长认真履行推进法治建设第一责任人职责,主持召开市委全面依法治市委员会会议2次,"
    "专题研究行政执法体制改革、基层法治建设等重大事项。市长主持市政府常务会议会前学法12次,"
    "带头出庭应诉1次,对法治督察发现的23个问题逐一交办,已全部整改。"
    "市委、市政府主要负责人在全市领导干部述法评议会上现场述法,推动41个部门主要负责人述法全覆盖。\n"
)


def test_adding_a_leaders_part_lifts_the_cap():
    before = analyze(seed_text(ANSHAN))
    text = seed_text(ANSHAN).replace("    二、存在的问题", LEADERS + "    三、存在的问题", 1)
    text = text.replace("    三、2024年重点工作安排", "    四、2024年重点工作安排", 1)
    after = analyze(text)
    assert verdict(before) == "需修改"
    assert finding(after, "parts.leaders")["status"] == "passed"
    assert finding(after, "leaders.substantive")["status"] == "passed"
    assert all(c["rule"] != "parts.leaders" for c in after["score"]["verdict"]["caps"])
    assert after["score"]["total"] > before["score"]["total"]


# -- plans ------------------------------------------------------------------


SPECIFIC_PLANS = (
    "    (一)提升行政执法规范化水平\n"
    "    6月底前出台行政执法规范化建设实施方案,年内开展行政执法案卷评查2次,培训执法人员不少于500人次。\n"
    "    (二)夯实基层法治基础\n"
    "    年内为每个乡镇配备法治专干1名,基层法治工作经费增加20%,开展基层法治培训4期。\n"
    "    (三)落实重大行政决策制度\n"
    "    3月底前公布年度重大行政决策事项目录,重大行政决策合法性审查率达到100%,每季度通报一次决策执行情况。\n"
)


def _anshan_with_plans(plans: str) -> str:
    text = seed_text(ANSHAN)
    start = text.index("    (一)营造良好法治环境")
    return text[:start] + plans


def test_specific_plans_answering_each_shortcoming_pass_both_plan_rules():
    before = analyze(seed_text(ANSHAN))
    after = analyze(_anshan_with_plans(SPECIFIC_PLANS))
    assert finding(before, "plans.specific")["status"] == "failed"
    assert finding(after, "plans.specific")["status"] == "passed"
    assert finding(after, "plans.answer")["status"] == "passed"
    assert finding(after, "plans.answer")["details"]["unanswered"] == 0
    assert after["score"]["total"] > before["score"]["total"]


def test_plans_that_answer_no_shortcoming_fail():
    unrelated = (
        "(一)加快智慧城市建设。年内建成城市运行管理平台1个。\n"
        "(二)推进文化旅游融合发展。全年举办文旅活动20场。\n"
        "(三)抓好乡村振兴。年内完成高标准农田建设3万亩。\n"
    )
    text = seed_text(HAIYUAN)
    start = text.index("(一)坚持党对法治政府建设的全面领导。")
    result = analyze(text[:start] + unrelated)
    f = finding(result, "plans.answer")
    assert f["status"] == "failed" and f["details"]["answered"] == 0
    assert finding(analyze(text), "plans.answer")["status"] == "passed"


# -- shortcomings -----------------------------------------------------------


def test_shortcomings_replaced_by_one_stock_sentence_fail_and_cap_the_verdict():
    text = seed_text(HAIYUAN)
    start = text.index("三、存在的不足和原因\n") + len("三、存在的不足和原因\n")
    end = text.index("四、2024年度推进法治政府建设的主要安排")
    result = analyze(text[:start] + "2023年,全县法治政府建设取得了积极成效,但还存在一些差距和不足。\n" + text[end:])
    f = finding(result, "shortcomings.specific")
    assert f["status"] == "failed" and "没有指明任何具体问题" in f["message"]
    assert verdict(result) in ("基本合格", "需修改")
    assert any(c["rule"] == "shortcomings.specific" for c in result["score"]["verdict"]["caps"])
    assert result["score"]["total"] < analyze(text)["score"]["total"]


# -- form and figures -------------------------------------------------------


def test_a_late_publication_fails_and_caps_the_verdict():
    result = analyze(edited(ANSHAN, "时间:2024-03-15", "时间:2024-05-20"))
    f = finding(result, "form.published")
    assert f["status"] == "failed" and f["details"]["days_late"] == 49
    assert any(c["rule"] == "form.published" for c in result["score"]["verdict"]["caps"])


def test_a_rate_above_100_percent_is_a_contradiction():
    result = analyze(edited(HAIYUAN, "备案审查率100%", "备案审查率120%"))
    f = finding(result, "figures.consistent")
    assert f["status"] == "failed" and "120" in f["message"]
    assert finding(analyze(seed_text(HAIYUAN)), "figures.consistent")["status"] == "passed"


def test_a_count_above_the_stated_total_of_the_same_thing_is_a_contradiction():
    # 孝义 states its 16 townships as a whole (均聘请), then counts 18 township stations.
    text = edited(XIAOYI, "全市16个乡镇(街道)和政府各部门均聘请了法律顾问",
                  "全市16个乡镇(街道)均聘请了法律顾问,政府各部门也聘请了法律顾问")
    assert "16个乡镇(街道)法律服务站" in text
    text = text.replace("16个乡镇(街道)法律服务站", "18个乡镇(街道)法律服务站", 1)
    f = finding(analyze(text), "figures.consistent")
    assert f["status"] == "failed" and "“18个乡镇(街道)…”多于“全市16个乡镇(街道)”的总数" in f["message"]
    assert finding(analyze(seed_text(XIAOYI)), "figures.consistent")["status"] == "passed"
