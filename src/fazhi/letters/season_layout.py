"""The season summary (the office's report upward) laid out as blocks and tables.

Same block kinds as a letter, so the DOCX goes through the letter's GB/T 9704
page and styles; tables are the one thing a letter does not have.
"""

from __future__ import annotations

from dataclasses import dataclass

from fazhi.core.levels import LEVEL_NAMES
from fazhi.letters.layout import Block, Run, _b
from fazhi.letters.typeset import cn_date, typeset
from fazhi.workflow.status import TIMING_NAMES
from fazhi.workflow.summary import SeasonSummary, Table

NUMERALS = "一二三四五六七八九十"


@dataclass(frozen=True, slots=True)
class Grid:
    """A table in the summary: a caption, a header row, rows of text."""

    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = ()  # shares of the text width, when some columns need more room


def _pct(part: int, whole: int) -> str:
    return f"{part / whole * 100:.1f}%" if whole else "—"


def summary_title(summary: SeasonSummary) -> str:
    return "".join(summary_title_lines(summary))


def summary_title_lines(summary: SeasonSummary) -> tuple[str, ...]:
    # Broken where the sense allows (GB/T 9704), not where the line happens to fill.
    return f"关于{summary.season.report_year}年度法治政府建设年度报告", "审核情况的报告"


def summary_blocks(summary: SeasonSummary, signer: str | None = None) -> tuple[Block | Grid, ...]:
    s, r = summary.season, summary.rates
    out: list[Block | Grid] = [_b("title", "\n".join(summary_title_lines(summary)))]
    out.append(_b("para", typeset(
        f"按照工作安排,我办对“{s.name}”名单内{r.units}个单位报送的{s.report_year}年度法治政府建设年度报告"
        f"进行了审核(报送截止{cn_date(s.submit_by)},公开截止{cn_date(s.publish_by)})。现将有关情况报告如下。"
    )))
    sections = [
        ("报送和公开情况", _submission(summary)),
        ("报告质量", _quality(summary)),
        ("常见问题", _defects(summary)),
        ("审核意见书签发情况", _signed(summary)),
        ("主要指标情况", _indicators(summary)),
    ]
    for n, (title, body) in enumerate(sections):
        out.append(_b("heading1", f"{NUMERALS[n]}、{title}"))
        out += body
    out.append(_b("blank"))
    out.append(_b("signature", typeset(f"报告人:{signer or chr(0x3000) * 4}")))
    out.append(_b("date", cn_date(summary.made_on)))
    return tuple(out)


def _names(units) -> str:  # noqa: ANN001 - a sequence of workflow Units
    return "、".join(u.name for u in units)


def _submission(summary: SeasonSummary) -> list[Block | Grid]:
    r = summary.rates
    out: list[Block | Grid] = [_b("para", typeset(
        f"名单内应报送单位{r.units}个,已报送{r.received}个,报送率{_pct(r.received, r.units)}"
        f"(按时报送{r.received_on_time}个);已公开{r.published}个,公开率{_pct(r.published, r.units)}"
        f"(按时公开{r.published_on_time}个)。"
    ))]
    out.append(_b("para", Run(typeset("未报送单位:"), "strong"), (_names(summary.missing) or "无") + "。"))
    out.append(_b("para", Run(typeset("逾期报送单位:"), "strong"), (_names(summary.late) or "无") + "。"))
    if summary.published_late:
        out.append(_b("para", Run(typeset("逾期公开单位:"), "strong"), _names(summary.published_late) + "。"))
    out.append(status_grid(summary.statuses))
    return out


def status_grid(statuses) -> Grid:  # noqa: ANN001 - a sequence of workflow UnitStatus
    """The season's table of units: the summary shows it, the season page and the CLI export it."""
    return Grid("各单位报送情况", ("单位", "层级", "报送", "公开", "得分", "进度"), tuple(
        (
            st.unit.name, LEVEL_NAMES.get(st.unit.level or "", ""),
            TIMING_NAMES.get(st.received or "", "未报送"), TIMING_NAMES.get(st.published or "", "未公开"),
            "—" if st.score is None else f"{st.score:.1f}", st.stage_name,
        )
        for st in statuses
    ), widths=(0.34, 0.12, 0.11, 0.11, 0.10, 0.22))


def _quality(summary: SeasonSummary) -> list[Block | Grid]:
    out: list[Block | Grid] = [
        Grid("得分分布", ("分数段", "报告数"), tuple((band, str(n)) for band, n in summary.distribution))
    ]
    for label, ranked in (("较好的报告", summary.strongest), ("较弱的报告", summary.weakest)):
        if ranked:
            named = ";".join(f"{x.unit}({x.score:.1f}分,{x.reason})" for x in ranked)
            out.append(_b("para", Run(typeset(f"{label}:"), "strong"), typeset(named) + "。"))
    if not summary.strongest:
        out.append(_b("para", "尚无已评分的报告。"))
    return out


def _defects(summary: SeasonSummary) -> list[Block | Grid]:
    if not summary.defects:
        return [_b("para", "审核人尚未确认任何问题。")]
    out: list[Block | Grid] = [_b("para", "经审核人确认,各报告中较为常见的问题如下。")]
    out.append(Grid("经确认的常见问题", ("问题", "报告数"), tuple((t, str(n)) for t, n in summary.defects)))
    struck = [s for s in summary.rule_stats if s.struck]
    if struck:
        named = "、".join(f"{s.rule}(删除{s.struck}次,共审定{s.decided}次)" for s in struck[:3])
        out.append(_b("para", typeset(f"机器初审中被审核人删除较多的要点:{named},有关规则需复核。")))
    return out


def _signed(summary: SeasonSummary) -> list[Block | Grid]:
    if not summary.signed:
        return [_b("para", "尚无已签发的审核意见书。")]
    return [
        _b("para", typeset(f"已签发审核意见书{len(summary.signed)}份。")),
        Grid("已签发的审核意见书", ("单位", "审核人", "签发日期"),
             tuple((unit, who, day.isoformat()) for unit, who, day in summary.signed)),
    ]


def _indicators(summary: SeasonSummary) -> list[Block | Grid]:
    tables: tuple[Table, ...] = summary.indicator_tables
    if not tables:
        return [_b("para", "本报告未附指标汇总表(语料分析模块提供后在此列出)。")]
    out: list[Block | Grid] = []
    for table in tables:
        out.append(Grid(table.title, table.headers, table.rows))
        if table.note:
            out.append(_b("note", table.note))
    return out
