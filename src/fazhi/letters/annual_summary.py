"""The office's annual summary of a set of reports, as content blocks shared by the DOCX and the HTML.

It reads stored analyses through fazhi.corpus results only (no re-reading of
originals): how many reports, published on time or not, parts missing, the
score distribution, the strongest and weakest with reasons, indicator tables
with charts, promises not followed up, and copied passages.
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from fazhi.corpus.indicators import IndicatorTable
from fazhi.corpus.model import ReportRecord
from fazhi.corpus.reuse import Shared
from fazhi.corpus.years import PlanCheck
from fazhi.letters.layout import NUMERALS, Block, Run
from fazhi.letters.typeset import cn_date, typeset

LEVELS = {"province": "省级", "city": "地市级", "county": "县级", "district": "市辖区", "zone": "开发区",
          "department": "部门", "township": "乡镇"}
PART_NAMES = {"parts.measures": "主要举措和成效", "parts.shortcomings": "存在的不足", "parts.reasons": "不足的原因",
              "parts.leaders": "第一责任人履职情况", "parts.plans": "下一年度安排"}
BANDS = ((90, "90分以上"), (80, "80至90分"), (60, "60至80分"), (0, "60分以下"))
SHOWN = 3  # strongest and weakest reports named
QUOTE = 60  # characters of a copied passage quoted


@dataclass(frozen=True, slots=True)
class TableBlock:
    kind = "table"
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...] = ()  # relative column widths; empty: equal


@dataclass(frozen=True, slots=True)
class ChartBlock:
    kind = "chart"
    png: Path
    svg: Path | None
    caption: str


@dataclass(frozen=True, slots=True)
class FollowUp:
    earlier: ReportRecord
    later: ReportRecord
    checks: tuple[PlanCheck, ...]


@dataclass(frozen=True, slots=True)
class SummaryInput:
    reports: Sequence[ReportRecord]
    tables: Sequence[tuple[IndicatorTable, Mapping[str, str]]] = ()
    charts: Sequence[ChartBlock] = ()
    followups: Sequence[FollowUp] = ()
    copies: Sequence[Shared] = ()
    scope: str = ""  # 本市、XX省 … ; empty: the reports in the store
    date: dt.date = field(default_factory=dt.date.today)
    issuer: str = ""


def _p(*runs: Run | str, kind: str = "para") -> Block:
    return Block(kind, tuple(r if isinstance(r, Run) else Run(r) for r in runs if (r.text if isinstance(r, Run) else r)))


def summary_title(data: SummaryInput) -> tuple[str, ...]:
    years = sorted({r.report_year for r in data.reports if r.report_year})
    span = f"{years[0]}年度" if len(years) == 1 else (f"{years[0]}—{years[-1]}年度" if years else "")
    return (f"{data.scope}{span}法治政府建设", "年度报告汇总分析")


def blocks(data: SummaryInput) -> list[Block | TableBlock | ChartBlock]:
    out: list[Block | TableBlock | ChartBlock] = [_p("\n".join(summary_title(data)), kind="title")]
    out.append(_p(typeset(
        f"本汇总依据入库的{len(data.reports)}份法治政府建设年度报告,逐份核对了报告要素、公开情况和数据,"
        "并对各报告的主要指标、上年工作安排落实情况和文字雷同情况作了比较。现将有关情况汇总如下。")))
    sections = [("总体情况", _overview(data)), ("得分情况", _scores(data)), ("主要指标对比", _indicators(data)),
                ("上年工作安排落实情况", _followups(data)), ("文字雷同情况", _copies(data))]
    for n, (title, body) in enumerate(sections):
        out.append(_p(f"{NUMERALS[n]}、{title}", kind="heading1"))
        out += body
    out.append(_p(kind="blank"))
    out.append(_p(typeset(data.issuer or "(汇总单位)"), kind="signature"))
    out.append(_p(cn_date(data.date), kind="date"))
    out.append(_p(typeset("(本汇总由 fazhi 根据入库报告的分析结果自动生成,数值均可按“位置”回查原文;"
                          "雷同与落实判断为文字相似度比对结果,请结合原文复核。)"), kind="note"))
    return out


def _overview(data: SummaryInput) -> list:
    reports = data.reports
    levels = Counter(LEVELS.get(r.level or "", "未识别级别") for r in reports)
    level_text = "、".join(f"{name}{n}份" for name, n in levels.most_common())
    published = Counter(_published(r) for r in reports)
    missing: Counter[str] = Counter()
    for r in reports:
        for rule in r.failed_rules():
            if rule in PART_NAMES:
                missing[PART_NAMES[rule]] += 1
    parts = "、".join(f"缺少“{name}”的{n}份" for name, n in missing.most_common()) or "各报告均具备规定的五个部分"
    return [
        _p(typeset(f"共{len(reports)}份报告,其中{level_text}。")),
        _p(typeset(f"按期公开的{published['passed']}份,逾期公开的{published['failed']}份,"
                   f"无法确定公开日期的{published['unknown']}份。")),
        _p(typeset(f"报告要素方面,{parts}。")),
    ]


def _published(r: ReportRecord) -> str:
    for f in r.analysis.get("findings") or ():
        if f.get("rule") == "form.published" and f.get("status") in ("passed", "failed"):
            return f["status"]
    return "unknown"


def _scores(data: SummaryInput) -> list:
    scored = [r for r in data.reports if r.score is not None]
    if not scored:
        return [_p("各报告均无得分。")]
    values = [r.score for r in scored]
    counts = Counter(next(name for floor, name in BANDS if v >= floor) for v in values)
    dist = "、".join(f"{name}{counts[name]}份" for _, name in BANDS if counts[name])
    out: list = [_p(typeset(f"平均得分{statistics.mean(values):.1f}分,中位数{statistics.median(values):.1f}分;{dist}。"))]
    ranked = sorted(scored, key=lambda r: r.score, reverse=True)
    strong, weak = ranked[:SHOWN], ranked[::-1][:SHOWN]
    rows = [("较好", r.label, f"{r.score:.1f}", _reasons(r, good=True)) for r in strong]
    rows += [("较弱", r.label, f"{r.score:.1f}", _reasons(r, good=False)) for r in weak if r not in strong]
    out.append(TableBlock(("类别", "报告", "得分", "主要原因"), tuple(rows), (2, 4, 2, 10)))
    return out


def _reasons(r: ReportRecord, good: bool) -> str:
    """Two findings that explain the rank: for the strongest, passed points beyond the five
    statutory parts (which nearly every report has); for the weakest, failed points, gravest first."""
    status = "passed" if good else "failed"
    findings = [f for f in r.analysis.get("findings") or ()
                if f.get("status") == status and not (good and f.get("rule", "").startswith("parts."))]
    rank = {"error": 0, "warning": 1, "info": 2}
    findings.sort(key=lambda f: (rank.get(f.get("severity"), 3) if not good else -rank.get(f.get("severity"), 3)))
    text = ";".join(re.split("[\u3002\uff1b;]", typeset(f["message"]))[0] for f in findings[:2])
    return text or ("各项要点均符合要求" if good else "无未通过的要点")


def _indicators(data: SummaryInput) -> list:
    out: list = []
    for table, names in data.tables:
        if not table.rows:
            continue
        header = ("报告",) + tuple(c.title(names) for c in table.columns)
        rows = tuple((row.report.label,) + tuple(row.cells[c].shown if c in row.cells else "—" for c in table.columns)
                     for row in table.rows)
        stated = "、".join(f"{s.column.title(names)}{s.reports}份" for s in table.summaries)
        out.append(_p(typeset(f"载明有关指标的报告:{stated}。不同单位或口径的数值分列,不作合并。")))
        out.append(TableBlock(header, rows))
    out += list(data.charts)
    return out or [_p("所选报告均未载明所比较的指标。")]


def _followups(data: SummaryInput) -> list:
    if not data.followups:
        return [_p("库中没有同一地区相邻两个年度的报告,未作比对。")]
    out: list = []
    for f in data.followups:
        dropped = [c for c in f.checks if c.verdict == "未见落实"]
        out.append(_p(typeset(f"{f.later.label}报告对{f.earlier.report_year}年所列{len(f.checks)}项工作安排,"
                              f"见到落实的{len(f.checks) - len(dropped)}项,未见落实的{len(dropped)}项"
                              + (":" if dropped else "。"))))
        for c in dropped:
            out.append(_p(Run("“"), Run(c.plan.text.split("\n")[0][:QUOTE], "quote"), Run("”。")))
    return out


def _copies(data: SummaryInput) -> list:
    if not data.copies:
        return [_p("未发现不同单位之间雷同的段落(各报告共有的套话不计)。")]
    labels = {r.id: r.label for r in data.reports}
    rows = tuple(
        (labels.get(c.report, f"报告#{c.report}"), labels.get(c.other, f"报告#{c.other}"), str(c.chars),
         c.text[:QUOTE] + ("…" if len(c.text) > QUOTE else ""))
        for c in data.copies
    )
    return [_p(typeset(f"发现不同单位报告之间雷同的段落{len(data.copies)}处(每处均已逐字比对):")),
            TableBlock(("报告", "雷同来源", "相同字数", "雷同文字"), rows, (4, 4, 2, 10))]


def chart_blocks(table: IndicatorTable, names: Mapping[str, str], folder: Path, most: int = 2) -> list[ChartBlock]:
    """Bar charts (PNG for the DOCX, SVG for the page) of the columns most reports state."""
    from fazhi.letters.charts import bar_chart

    out = []
    for n, s in enumerate(sorted(table.summaries, key=lambda s: -s.reports)[:most]):
        if s.reports < 2:
            continue
        rows = [r for r in table.rows if s.column in r.cells]
        args = (s.column.title(names), [r.report.label for r in rows], [float(r.cells[s.column].value) for r in rows],
                s.column.unit)
        png = bar_chart(folder / f"chart-{n + 1}.png", *args)
        svg = bar_chart(folder / f"chart-{n + 1}.svg", *args)
        out.append(ChartBlock(png, svg, f"图{n + 1} {s.column.title(names)}"))
    return out
