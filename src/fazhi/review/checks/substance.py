"""What the parts say, not only that they are there.

A reviewer reads the shortcomings for real problems, looks for the remedy of
each and for the plan that answers it, checks that the core indicators every
government reports are there (and compared with last year), that the leaders'
part is not the measures again, and that each area reports results, not only
activities. Each check here is one of those readings; the rule file holds the
word lists and limits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated

from pydantic import Field

from fazhi.core.spans import Span
from fazhi.review.checks.base import CheckSpec, Outcome, Params, Patterns, failed, not_applicable, passed
from fazhi.review.checks.plans import plan_items, plan_regions
from fazhi.review.context import Context
from fazhi.review.similar import overlap, similarity_matrix

_CLAUSE = re.compile(r"[^。；;！!？?\n]+[。；;！!？?]?")
_SENTENCE = re.compile(r"[^。！!？?\n]+[。！!？?]?")


# -- the shortcomings and where they are -----------------------------------


def shortcoming_spans(ctx: Context) -> list[Span]:
    """The shortcomings' text, without the plans a combined section also holds."""
    plans = plan_regions(ctx) if ctx.need_outline().marks_for("plans") else []
    spans = []
    for region in ctx.region("shortcomings"):
        end = min([p.start for p in plans if region.start < p.start < region.end] or [region.end])
        if end > region.start:
            spans.append(ctx.span(region.start, end))
    return spans


def _clauses(ctx: Context, spans: list[Span], pattern: re.Pattern[str] = _CLAUSE) -> list[Span]:
    found = []
    for span in spans:
        for m in pattern.finditer(ctx.text, span.start, span.end):
            start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
            if ctx.text[start : m.end()].strip(" \t\u3000。；;"):
                found.append(ctx.span(start, m.end()))
    return found


def shortcoming_items(ctx: Context, p: ShortcomingParams) -> list[Span]:
    """Each problem the report names: its 一是 items, else its clauses that state a problem."""
    spans = shortcoming_spans(ctx)
    o = ctx.need_outline()
    items = [i.span for i in o.items for s in spans if s.start <= i.span.start and i.span.end <= s.end]
    if len(items) < 2:
        subs = [sec.span for sec in o.sections if sec.parent is not None
                for s in spans if s.start <= sec.span.start and sec.span.end <= s.end]
        items = subs if len(subs) >= 2 else []
    if len(items) < 2:
        problem = [re.compile(x) for x in p.problem_words]
        remedy = [re.compile(x) for x in p.remedy_words]
        cause = [re.compile(x) for x in p.cause_words]
        items, in_causes = [], False
        for c in _clauses(ctx, spans, _SENTENCE):
            text = ctx.read(c)
            if any(x.search(text) for x in remedy):
                in_causes = False
                continue
            # Once a sentence opens the causes, the sentences after it explain too (同时,…人才短缺)
            # until a remedy: they are not further problems.
            if not in_causes:
                # The part of the sentence before its first cause word may still state problems.
                hits = [m.start() for x in cause for m in [x.search(text)] if m]
                cut = c.start + min(hits) if hits else c.end
                # Back to the pause before the cause word: `…等,主要原因是` keeps `…等,`.
                pauses = [i for i in (ctx.text.rfind(m, c.start, cut) for m in ",，:：") if i >= 0]
                head = ctx.span(c.start, max(pauses) + 1 if pauses and hits else cut)
                items += [k for k in _clauses(ctx, [head])
                          if any(x.search(ctx.read(k)) for x in problem) and _says_something(ctx.read(k), problem)]
            in_causes = in_causes or any(x.search(text) for x in cause)
    words = [re.compile(w) for w in p.specific_words]
    return [_after_lead_in(ctx, i, words) for i in items]


_LEAD_IN = re.compile(r"[:：]")
_FILLER = re.compile(r"[的是了和与及等主要方面上中]|工作|我们|我[市县区镇局]|年度?|\d")


def _says_something(text: str, problem: list[re.Pattern[str]]) -> bool:
    """A clause that names what is wrong, not only that something is (`存在问题的` before `原因是`)."""
    for x in problem:
        text = x.sub("", text)
    return len(re.findall(r"[\u4e00-\u9fff]", _FILLER.sub("", text))) >= 2


def _after_lead_in(ctx: Context, item: Span, words: list[re.Pattern[str]]) -> Span:
    """The item without a general lead-in that announces the list (`…还存在一些差距和不足:`).

    The lead-in names no area or unit; left in, its stock words would be read as
    part of the first problem and blur what the plans are compared with.
    """
    text = ctx.read(item)
    m = _LEAD_IN.search(text)
    if m is None or not text[m.end():].strip(" 。；;"):
        return item
    lead = ctx.span(item.start, item.start + m.start())
    if _specific(ctx, lead, words):
        return item
    return ctx.span(item.start + m.end(), item.end)


# The default word lists of the shortcomings checks (a rule file may replace them).
PROBLEM_WORDS = (
    "不足", "不够", "不到位", "不高", "不强", "不严", "不细", "不实", "不畅", "不均", "不全", "不一",
    "不规范", "不完善", "不健全", "不平衡", "不充分", "不及时", "薄弱", "短缺", "短板", "差距", "欠缺",
    "缺乏", "滞后", "偏低", "偏高", "偏少", "较少", "较弱", "有待", "仍需", "还需", "尚需", "问题",
    "困难", "失误", "参差不齐", "落后", "存在",
)
SPECIFIC_WORDS = (
    "部门", "单位", "乡镇", "街道", "基层", "村", "社区", "队伍", "人员", "干部", "企业", "窗口", "案件",
    "案卷", "文件", "程序", "审核", "审查", "普法", "人才", "执法", "决策", "复议", "诉讼", "败诉", "公开",
    "征地", "拆迁", "考核", "培训", "经费", "编制",
)
CAUSE_WORDS = ("原因", "根源", "源于", "在于", "由于", "之所以", "因为", "归因于", "一方面")
REMEDY_WORDS = (
    "^[^。]{0,12}(?:针对|对此|为此|下一步|今后|整改)",
    "(?:将|要|拟)(?:在|进一步|持续|继续|加强|加大|采取|完善|健全|建立|推动|推进|强化|开展|组织)",
    "整改措施",
)


@dataclass(frozen=True, slots=True, kw_only=True)
class ShortcomingParams(Params):
    # A clause states a problem when it holds one of these.
    problem_words: Patterns = PROBLEM_WORDS
    # A problem is specific when it also names one of these (a unit, a field, a concrete failing),
    # or an area term of the structure rules, or a figure.
    specific_words: Patterns = SPECIFIC_WORDS
    # Clauses that promise action rather than state a problem.
    remedy_words: Patterns = REMEDY_WORDS
    # A sentence that explains the problems (and the sentences after it) states no further problem.
    cause_words: Patterns = CAUSE_WORDS
    min_specific: Annotated[int, Field(ge=1)] = 2
    # Full credit from this many specific problems: one or two named problems is a thin account.
    full_specific: Annotated[int, Field(ge=1)] = 2


def _specific(ctx: Context, span: Span, words: list[re.Pattern[str]]) -> bool:
    text = ctx.read(span)
    if any(w.search(text) for w in words) or ctx.figures_in(span):
        return True
    return any(t.weight >= 2 and t.pattern.search(text) for t in ctx.need_outline().rules.terms)


def shortcomings_specific(ctx: Context, p: ShortcomingParams) -> Outcome:
    if not ctx.need_outline().marks_for("shortcomings"):
        return failed(looked_for="存在的不足部分", variant="absent", details={"items": 0, "specific": 0, "vague": 0})
    words = [re.compile(w) for w in p.specific_words]
    items = shortcoming_items(ctx, p)
    specific = [i for i in items if _specific(ctx, i, words)]
    details = {"items": len(items), "specific": len(specific), "vague": len(items) - len(specific)}
    credit = min(1.0, len(specific) / max(p.full_specific, p.min_specific))
    if len(specific) >= p.min_specific:
        return passed(credit, evidence=specific, looked_for="指明领域、单位或具体表现的问题", details=details)
    # All the problems named are specific, there are just too few of them.
    variant = "stock" if not specific else ("few" if len(specific) == len(items) else None)
    return failed(credit, evidence=[i for i in items if i not in specific] or shortcoming_spans(ctx),
                  looked_for="指明领域、单位或具体表现的问题", variant=variant, details=details)


@dataclass(frozen=True, slots=True, kw_only=True)
class AnsweredParams(ShortcomingParams):
    # Where an answer may be: "remedy" (a remedy clause in the shortcomings part) and/or "plans".
    within: tuple[str, ...] = ("plans",)
    min_similarity: Annotated[float, Field(gt=0, le=1)] = 0.2
    min_share: Annotated[float, Field(ge=0, le=1)] = 0.6


def shortcomings_answered(ctx: Context, p: AnsweredParams) -> Outcome:
    """Each shortcoming against the remedies and plan items: the most similar, and whether it is close enough."""
    o = ctx.need_outline()
    if not o.marks_for("shortcomings"):
        return failed(looked_for="存在的不足部分", variant="absent", details={"items": 0, "answered": 0, "unanswered": 0})
    words = [re.compile(w) for w in p.specific_words]
    problems = [i for i in shortcoming_items(ctx, p) if _specific(ctx, i, words)]
    if not problems:
        return failed(looked_for="具体的不足", variant="absent", details={"items": 0, "answered": 0, "unanswered": 0})
    answers: list[Span] = []
    if "remedy" in p.within:
        remedy = [re.compile(x) for x in p.remedy_words]
        answers += [c for c in _clauses(ctx, shortcoming_spans(ctx), _SENTENCE)
                    if any(x.search(ctx.read(c)) for x in remedy)]
    if "plans" in p.within and o.marks_for("plans"):
        answers += [item for region in plan_regions(ctx) for item in plan_items(ctx, region)]
    # A problem is not its own answer: a merged 问题和下一步打算 part lists both in one region.
    answers = [a for a in answers if not any(a.start < q.end and q.start < a.end for q in problems)]
    if not answers:
        return failed(0.0, evidence=problems, looked_for="整改措施或下一年度安排",
                      details={"items": len(problems), "answered": 0, "unanswered": len(problems)})
    matrix = _answer_similarity(ctx, problems, answers)
    answered, unanswered = [], []
    for problem, row in zip(problems, matrix, strict=True):
        best = max(range(len(answers)), key=row.__getitem__)
        if row[best] >= p.min_similarity:
            answered += [problem, answers[best]]
        else:
            unanswered.append(problem)
    n = len(problems)
    share = (n - len(unanswered)) / n
    details = {"items": n, "answered": n - len(unanswered), "unanswered": len(unanswered)}
    credit = min(1.0, share / p.min_share) if p.min_share else 1.0
    if share >= p.min_share:
        return passed(credit, evidence=answered, looked_for="与各项不足相对应的整改措施或工作安排", details=details)
    return failed(credit, evidence=unanswered, looked_for="与这些不足相对应的整改措施或工作安排", details=details)


def _answer_similarity(ctx: Context, problems: list[Span], answers: list[Span]) -> list[list[float]]:
    """How closely each answer speaks of each problem: the item as a whole, or its closest sentence.

    A plan item is often a paragraph of several measures; one of them answering the
    problem is enough, and the item's other measures should not dilute it.
    """
    texts = [ctx.read(q) for q in problems]
    whole = similarity_matrix(texts, [ctx.read(a) for a in answers])
    owner = [(k, s) for k, a in enumerate(answers) for s in _clauses(ctx, [a], _SENTENCE)]
    parts = similarity_matrix(texts, [ctx.read(s) for _, s in owner]) if owner else [[] for _ in texts]
    for row, part_row in zip(whole, parts, strict=True):
        for (k, _), value in zip(owner, part_row, strict=True):
            row[k] = max(row[k], value)
    return whole


@dataclass(frozen=True, slots=True, kw_only=True)
class CompleteParams(Params):
    admissions: Patterns = ()  # what a clause of the measures says when it admits a problem
    min_similarity: Annotated[float, Field(gt=0, le=1)] = 0.12


def shortcomings_complete(ctx: Context, p: CompleteParams) -> Outcome:
    """Problems the measures admit that the shortcomings part does not name."""
    if not ctx.need_outline().marks_for("shortcomings"):
        return failed(looked_for="存在的不足部分", variant="absent", details={"count": 0, "admitted": ""})
    own = shortcoming_spans(ctx)
    elsewhere = [c for c in _clauses(ctx, [ctx.span(0, len(ctx.text))])
                 if not any(s.start <= c.start < s.end for s in own + plan_regions(ctx))]
    patterns = [re.compile(a) for a in p.admissions]
    admitted = [c for c in elsewhere if any(x.search(ctx.read(c)) for x in patterns)]
    details = {"count": 0, "admitted": ""}
    if not admitted:
        return passed(looked_for="正文中承认的问题(如“败诉率较高”“问题较为突出”)", details=details)
    listed = " ".join(ctx.read(s) for s in own)
    matrix = similarity_matrix([ctx.read(c) for c in admitted], [listed])
    missing = [c for c, row in zip(admitted, matrix, strict=True) if row[0] < p.min_similarity]
    details = {"count": len(missing), "admitted": ";".join(_around(ctx.read(c), patterns) for c in missing[:3])}
    if not missing:
        return passed(evidence=admitted, looked_for="正文中承认而不足部分未列的问题", details=details)
    return failed(evidence=missing, details=details)


def _around(text: str, patterns: list[re.Pattern[str]]) -> str:
    """The comma-clause of ``text`` that holds the admission."""
    for piece in re.split(r"[,，、]", text):
        if any(x.search(piece) for x in patterns):
            return piece.strip(" 。；;")
    return text.strip(" 。；;")


# -- core indicators --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CoreIndicator:
    label: str
    ids: tuple[str, ...]  # catalog indicator ids; any of them reports it
    terms: tuple[str, ...] = ()  # words naming it, for a figure the catalog did not map
    levels: tuple[str, ...] = ()  # empty: every level


@dataclass(frozen=True, slots=True, kw_only=True)
class CoreParams(Params):
    indicators: tuple[CoreIndicator, ...] = ()
    near: Annotated[int, Field(ge=0)] = 12  # characters from a term to its figure
    min_share: Annotated[float, Field(ge=0, le=1)] = 0.75


def _core_for_level(ctx: Context, p: CoreParams) -> list[CoreIndicator]:
    identity = ctx.input.identity
    level = identity.jurisdiction.level if identity is not None and identity.jurisdiction is not None else None
    return [c for c in p.indicators if not c.levels or level is None or level in c.levels]


def _core_figures(ctx: Context, c: CoreIndicator, near: int) -> list[Span]:
    """Figures that report ``c``: mapped to one of its ids, or right after one of its terms."""
    found = [f.span for f in ctx.need_figures() if f.indicator in c.ids]
    figures = ctx.need_figures()
    for term in (re.compile(t) for t in c.terms):
        for m in term.finditer(ctx.text):
            for f in figures:
                if m.end() <= f.span.start <= m.end() + near and "。" not in ctx.text[m.end() : f.span.start]:
                    found.append(f.span)
                    break
    return sorted({(s.start, s.end): s for s in found}.values(), key=lambda s: s.start)


def core_indicators(ctx: Context, p: CoreParams) -> Outcome:
    wanted = _core_for_level(ctx, p)
    if not wanted:
        return not_applicable("规则未给本级列出核心指标", looked_for="本级的核心指标")
    plans = plan_regions(ctx) if ctx.need_outline().marks_for("plans") else []
    in_plans = lambda s: any(r.start <= s.start < r.end for r in plans)  # noqa: E731
    reported, missing, targets, evidence, target_spans = [], [], [], [], []
    for c in wanted:
        spans = _core_figures(ctx, c, p.near)
        this_year = [s for s in spans if not in_plans(s)]
        if this_year:
            reported.append(c.label)
            evidence += this_year[:2]
        else:
            missing.append(c.label)
            if spans:
                targets.append(c.label)
                target_spans += spans[:1]
    share = len(reported) / len(wanted)
    found = ctx.input.identity.report_year if ctx.input.identity is not None else None
    year = found.value if found is not None else None
    details = {
        "total": len(wanted),
        "reported": len(reported),
        "reported_names": "、".join(reported),
        "missing": "、".join(missing),
        "targets": "、".join(targets),
        "target_note": (f";其中{'、'.join(targets)}只在下一年度安排中作为目标出现,未报告本年度的实际数值"
                        if targets else ""),
        "year": year or "",
    }
    looked_for = (f"{'、'.join(missing)}的本年度数值(检索了全文的数字及其指标,以及这些指标的名称)"
                  if missing else None)
    credit = min(1.0, share / p.min_share) if p.min_share else 1.0
    evidence.sort(key=lambda s: s.start)
    if share >= p.min_share:
        return passed(credit, evidence=evidence + target_spans, looked_for=looked_for, details=details)
    # A failure quotes what is wrong (a target with no figure for the year), not what is right.
    return failed(credit, evidence=target_spans, looked_for=looked_for, details=details)


@dataclass(frozen=True, slots=True, kw_only=True)
class CoreComparisonParams(CoreParams):
    words: Patterns = ()  # comparing words (同比, 较上年) that make a nearby core figure a comparison
    min_count: Annotated[int, Field(ge=1)] = 1


def core_comparisons(ctx: Context, p: CoreComparisonParams) -> Outcome:
    """Year-on-year change of a core indicator, not of any percentage."""
    wanted = _core_for_level(ctx, p)
    if not wanted:
        return not_applicable("规则未给本级列出核心指标", looked_for="本级的核心指标")
    figures = {f.span.start: f for f in ctx.need_figures()}
    words = [re.compile(w) for w in p.words]
    found, names = [], []
    for c in wanted:
        for span in _core_figures(ctx, c, p.near):
            f = figures.get(span.start)
            window = ctx.text[max(0, span.start - 20) : span.end + 8]
            if (f is not None and f.compare in ("increase", "decrease", "from", "to")) or any(
                w.search(window) for w in words
            ):
                found.append(span)
                names.append(c.label)
    names = list(dict.fromkeys(names))
    details = {"count": len(found), "compared": "、".join(names),
               "core": "、".join(c.label for c in wanted)}
    credit = min(1.0, len(found) / p.min_count)
    if len(found) >= p.min_count:
        return passed(credit, evidence=found, looked_for="核心指标与上年的比较", details=details)
    return failed(credit, looked_for=f"{details['core']}与上年的比较(同比、较上年、从…到…)", details=details)


# -- the leaders' part, and results per area --------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class CopyParams(Params):
    min_overlap: Annotated[float, Field(gt=0, le=1)] = 0.7  # a sentence this much inside a measures sentence is a copy
    max_share: Annotated[float, Field(ge=0, le=1)] = 0.5


def leaders_not_copy(ctx: Context, p: CopyParams) -> Outcome:
    leaders = ctx.region("leaders")
    if not leaders:
        # Nothing to copy: the missing part is scored by its own rule and its content rule.
        return not_applicable("报告没有党政主要负责人履职部分", looked_for="党政主要负责人履职部分",
                              details={"sentences": 0, "copied": 0, "percent": "0%"})
    measures = [s for s in ctx.region("measures") if not any(s.start <= r.start < s.end for r in leaders)]
    theirs = [ctx.read(s) for s in _clauses(ctx, measures, _SENTENCE)]
    mine = [s for s in _clauses(ctx, leaders, _SENTENCE) if len(ctx.read(s).strip()) >= 10]
    copied = [s for s in mine if any(overlap(ctx.read(s), t) >= p.min_overlap for t in theirs)]
    share = len(copied) / len(mine) if mine else 0.0
    details = {"sentences": len(mine), "copied": len(copied), "percent": f"{share * 100:.0f}%"}
    if share <= p.max_share:
        return passed(1.0, evidence=copied, looked_for="与工作举措部分表述基本相同的句子", details=details)
    return failed(max(0.0, 1 - share), evidence=copied, details=details)


@dataclass(frozen=True, slots=True, kw_only=True)
class ResultParams(Params):
    # Words that report an outcome rather than an activity (a figure always does).
    result_words: Patterns = ()
    min_share: Annotated[float, Field(ge=0, le=1)] = 0.7
    min_chars: Annotated[int, Field(ge=0)] = 60  # units shorter than this are headings in passing
    # Count only figures that report an outcome (rates, changes), not counts of activities.
    outcome_figures_only: bool = False


def _outcome_figures(ctx: Context, span: Span, p: ResultParams) -> list:
    """Figures that report an outcome: a rate, a change, or any figure when the rule says so.

    `举办培训3期` counts what was done; `办结率98%`, `下降12%` say what came of it.
    """
    figures = ctx.figures_in(span)
    if not p.outcome_figures_only:
        return figures
    return [f for f in figures if f.unit in ("%", "‰") or f.compare is not None]


def results_per_area(ctx: Context, p: ResultParams) -> Outcome:
    units = [u for u in ctx.need_outline().units if u.area != "other" and u.chars >= p.min_chars]
    if not units:
        return not_applicable("工作举措没有可按领域区分的段落", looked_for="按领域区分的工作举措段落",
                              details={"units": 0, "with_results": 0, "without": ""})
    words = [re.compile(w) for w in p.result_words]
    labels = ctx.need_outline().rules.area_labels
    without = []
    for u in units:
        if not _outcome_figures(ctx, u.span, p) and not any(w.search(ctx.text, u.span.start, u.span.end) for w in words):
            without.append(u)
    share = 1 - len(without) / len(units)
    details = {
        "units": len(units),
        "with_results": len(units) - len(without),
        "without": "、".join(dict.fromkeys(labels[u.area] for u in without)),
    }
    credit = min(1.0, share / p.min_share) if p.min_share else 1.0
    evidence = [ctx.span(u.span.start, min(u.span.end, u.span.start + 40)) for u in without]
    if share >= p.min_share:
        return passed(credit, evidence=evidence, looked_for="只写工作、不写结果的领域单元", details=details)
    return failed(credit, evidence=evidence, looked_for="这些领域的工作结果(数据、办结、获评等)", details=details)


CHECKS = (
    # 不足是否具体(指明领域、单位或具体表现),还是只有一句套话
    CheckSpec("shortcomings_specific", shortcomings_specific, ShortcomingParams,
              ("items", "specific", "vague"), ("failed.stock", "failed.few", "failed.absent")),
    # 每项不足是否有整改措施/下一年度安排与之对应(文本相似度)
    CheckSpec("shortcomings_answered", shortcomings_answered, AnsweredParams, ("items", "answered", "unanswered"),
              ("failed.absent",)),
    # 正文承认的问题是否列入了不足
    CheckSpec("shortcomings_complete", shortcomings_complete, CompleteParams, ("count", "admitted"), ("failed.absent",)),
    # 本级应报告的核心指标是否报告了本年度数值
    CheckSpec("core_indicators", core_indicators, CoreParams,
              ("total", "reported", "reported_names", "missing", "targets", "target_note", "year")),
    # 核心指标是否与上年比较
    CheckSpec("core_comparisons", core_comparisons, CoreComparisonParams, ("count", "compared", "core")),
    # 第一责任人部分是否照抄工作举措
    CheckSpec("leaders_not_copy", leaders_not_copy, CopyParams, ("sentences", "copied", "percent")),
    # 各领域是否写了结果,而不只是做了什么
    CheckSpec("results_per_area", results_per_area, ResultParams, ("units", "with_results", "without")),
)
