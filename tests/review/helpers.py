"""Build review inputs the way the pipeline does, from short fictional 示例县 reports."""

from __future__ import annotations

from fazhi.core.settings import Settings
from fazhi.figures import check_consistency, extract_figures
from fazhi.identity import identify
from fazhi.ingest import read_bytes
from fazhi.review import Finding, Review, ReviewInput, Rulebook, review
from fazhi.structure import outline

TITLE = "示例县2024年度法治政府建设情况报告"
OPENING = "2024年,示例县坚持以习近平法治思想为指导,全面推进法治政府建设,现将有关情况报告如下。"
MEASURES = (
    "一、推进法治政府建设的主要举措和成效\n"
    "(一)深化“放管服”改革。全年办理政务服务事项12万件,同比增长8%,"
    "制定《示例县优化营商环境十条措施》。\n"
    "(二)加强规范性文件管理。审核规范性文件35件,备案率100%,印发《示例县规范性文件管理办法》。\n"
    "(三)规范重大行政决策。2024年公布重大行政决策事项6项,聘请法律顾问12名,修订《示例县重大行政决策程序规定》,决策事项合法性审查率100%。\n"
    "(四)严格规范公正文明执法。开展案卷评查2次,评查案卷320卷,行政处罚案件较上年下降12%。\n"
    "(五)健全突发事件应对体系。修订应急预案18件,开展应急演练40次,突发事件处置及时率100%。\n"
    "(六)化解矛盾纠纷。办理行政复议案件56件,复议纠错率12%,调解矛盾纠纷1200件,调解成功率98%。"
    "行政机关负责人出庭应诉率100%,较上年提高15个百分点;行政诉讼败诉率3%,较上年下降2个百分点。\n"
    "(七)强化权力制约监督。办理人大代表建议85件、政协提案102件,主动公开政府信息3000条,建议提案办复率100%。\n"
    "(八)建设数字政府。建成数据共享平台,归集数据500万条,实现部门数据共享。\n"
    "(九)推进政务诚信建设。开展失信政府机构清理,完成信用修复30家,政务失信案件实现清零。\n"
)
LEADERS = (
    "二、党政主要负责人履行推进法治建设第一责任人职责情况\n"
    "县委、县政府主要负责人认真履行推进法治建设第一责任人职责,主持召开县委全面依法治县委员会会议2次。"
    "县政府常务会议会前学法12次,主要负责人带头述法。"
    "主要负责人对重大行政决策事项严格把关,全年审议重大决策6项。"
    "县长带头出庭应诉3次,并督促各部门整改法治督察发现的问题。"
    "县委书记在全县领导干部大会上专题讲授习近平法治思想,部署法治示范创建工作,对12个乡镇党委书记开展述法点评。"
    "县长主持研究县乡综合执法改革、行政复议体制改革等事项5次,逐项明确牵头领导、完成时限和责任单位。"
    "主要负责人带队开展法治督察2次,对督察发现的18个问题逐一交办、跟踪整改,已全部办结。"
    "县委常委会每季度听取一次法治政府建设工作汇报,研究解决执法力量配备、法律顾问经费保障等问题。"
    "县委、县政府主要负责人还带头旁听行政案件庭审,现场点评行政机关负责人出庭应诉和答辩情况,推动应诉能力提升。"
    "主要负责人将法治建设成效纳入乡镇和部门年度考核,考核权重提高到6%,考核结果与干部评先评优挂钩。"
    "县委主要负责人在全县法治政府建设推进会上逐一点评各乡镇和部门的年度任务完成情况,对落后单位进行约谈。\n"
)
SHORTCOMINGS = (
    "三、存在的不足和原因\n"
    "一是行政执法队伍专业化水平不高;二是基层普法不够深入;三是行政复议案件办理周期较长。"
    "主要原因是基层执法人员中具有法律专业背景的不足三成,培训经费不足。\n"
)
PLANS = (
    "四、2025年工作安排\n"
    "(一)深化行政执法规范化建设。年内开展执法培训不少于4期。\n"
    "(二)缩短行政复议案件办理周期。6月底前完成行政复议案件办理流程再造。\n"
    "(三)推进基层普法工作。全年开展基层普法活动200场以上。\n"
    "(四)提升行政执法队伍专业化水平。年内组织执法人员专业化培训4期。\n"
)


def report(*, title: str | None = TITLE, measures: str = MEASURES, leaders: str = LEADERS,
           shortcomings: str = SHORTCOMINGS, plans: str = PLANS, furniture: str = "") -> str:
    """A complete fictional report; pass a part as "" to leave it out."""
    head = (title + "\n") if title else ""
    return furniture + head + OPENING + "\n" + measures + leaders + shortcomings + plans


def review_input(text: str, **missing: bool) -> ReviewInput:
    """Run the earlier stages as the pipeline does; ``outline=False`` etc. leaves a stage out."""
    doc = read_bytes(text.encode("utf-8"), "示例县.txt", Settings())
    masked = doc.masked()
    figs = extract_figures(masked)
    stages = {
        "identity": identify(doc),
        "outline": outline(masked, source=doc.text),
        "figures": figs,
        "consistency": check_consistency(figs, masked),
    }
    for name, keep in missing.items():
        if not keep:
            stages[name] = None
    return ReviewInput(text=masked, raw_text=doc.text, **stages)


def run(text: str, rulebook: Rulebook | None = None, **missing: bool) -> Review:
    inp = review_input(text, **missing)
    result = review(inp, rulebook)
    check_grounded(result, inp)
    return result


def check_grounded(result: Review, inp: ReviewInput) -> None:
    """Every finding quotes the source exactly, or says what it looked for."""
    for f in result.findings:
        for span in f.evidence:
            span.check(inp.source)
        assert f.evidence or f.looked_for or f.status == "error", f


def finding(result: Review, rule: str) -> Finding:
    (found,) = [f for f in result.findings if f.rule == rule]
    return found
