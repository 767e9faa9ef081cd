"""Every corpus result as a header and rows: one shape for the console, CSV, XLSX and JSON.

Headers are Chinese (what users read); each row keeps the spans, so a cell
can always be traced back to its place in the report.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from fazhi.corpus.indicators import IndicatorTable
from fazhi.corpus.reuse import ReuseReport, Shared
from fazhi.corpus.years import PlanCheck, Repeat, Series

KIND_NAMES = {"copy": "雷同", "stock": "套话"}


@dataclass(frozen=True, slots=True)
class Sheet:
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]

    def records(self) -> list[dict[str, object]]:
        return [dict(zip(self.header, row)) for row in self.rows]


def _num(value) -> object:  # noqa: ANN001 - Decimal or None
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def table_sheet(table: IndicatorTable, names: Mapping[str, str]) -> Sheet:
    header = ["报告", "地区", "年度", "级别"]
    for c in table.columns:
        header += [c.title(names), f"{c.title(names)}原文", f"{c.title(names)}位置"]
    rows = []
    for row in table.rows:
        r = row.report
        out: list[object] = [r.id, r.jurisdiction or "", r.report_year, r.level or ""]
        for c in table.columns:
            cell = row.cells.get(c)
            out += [cell.shown, cell.surface, f"{cell.start}-{cell.end}"] if cell else [None, None, None]
        rows.append(tuple(out))
    return Sheet("指标对比表", tuple(header), tuple(rows))


def summary_sheet(table: IndicatorTable, names: Mapping[str, str]) -> Sheet:
    rows = tuple((s.column.title(names), s.reports, _num(s.median), _num(s.q1), _num(s.q3)) for s in table.summaries)
    return Sheet("指标汇总", ("指标", "载明的报告数", "中位数", "下四分位数", "上四分位数"), rows)


def ranking_sheet(table: IndicatorTable, names: Mapping[str, str]) -> Sheet:
    """Each column's reports from the largest value down (ties share a rank)."""
    rows = []
    for column in table.columns:
        for rank, row in table.ranking(column):
            cell = row.cells[column]
            rows.append((column.title(names), rank, row.report.id, row.report.label, cell.shown, cell.surface))
    return Sheet("指标排名", ("指标", "名次", "报告", "地区年度", "数值", "原文"), tuple(rows))


def series_sheet(series: Sequence[Series], names: Mapping[str, str]) -> Sheet:
    rows = []
    for s in series:
        for p in s.points:
            rows.append((s.column.title(names), p.year, p.report_id, p.cell.shown,
                         _num(p.change) if p.change is not None else None, p.cell.surface, p.cell.start))
    return Sheet("指标年度序列", ("指标", "年度", "报告", "数值", "比上年增减", "原文", "位置"), tuple(rows))


def followup_sheet(checks: Sequence[PlanCheck], repeats: Sequence[Repeat]) -> Sheet:
    rows = [("上年工作安排", c.plan.text, c.plan.start, c.verdict, c.score,
             c.evidence.text if c.evidence and c.verdict == "落实" else f"未找到(查找范围:{c.searched})",
             c.evidence.start if c.evidence and c.verdict == "落实" else None) for c in checks]
    rows += [("重复出现的不足", r.earlier.text, r.earlier.start, "再次出现", r.score, r.later.text, r.later.start)
             for r in repeats]
    return Sheet("工作安排落实情况", ("类别", "上年原文", "上年位置", "结论", "相似度", "本年原文", "本年位置"),
                 tuple(rows))


def reuse_sheet(result: ReuseReport) -> Sheet:
    rows = tuple(_shared_row(s, result) for s in result.shared)
    return Sheet(f"报告#{result.report}的文字雷同", ("类别", "位置", "长度", "另一报告", "另一报告位置", "相同字数", "原文"), rows)


def _shared_row(s: Shared, result: ReuseReport) -> tuple[object, ...]:
    kind = "沿用上年" if s.other == result.previous and s.kind == "copy" else KIND_NAMES[s.kind]
    return (kind, s.start, s.end - s.start, s.other, s.other_start, s.chars, s.text)
