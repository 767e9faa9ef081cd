"""`fazhi compare`: indicator tables, series, plan follow-through and copied text across stored reports."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from fazhi.cli.common import ConfigOption, DbOption, app, err, out, settings_from
from fazhi.core.errors import InputError

compare_app = typer.Typer(no_args_is_help=True, help="比较已入库的报告:指标对比、年度序列、工作安排落实、文字雷同。")
app.add_typer(compare_app, name="compare")

CsvOption = Annotated[Optional[Path], typer.Option("--csv", help="同时写出 CSV 文件")]
XlsxOption = Annotated[Optional[Path], typer.Option("--xlsx", help="同时写出 Excel 文件")]
JsonOption = Annotated[bool, typer.Option("--json", help="每行一个 JSON 对象,不打印表格")]
ChartOption = Annotated[Optional[Path], typer.Option("--chart", help="画图:.svg 或 .png")]


def open_indexed(config: Path | None, db: str | None):  # noqa: ANN201 - a Store
    """The store, with every report not yet indexed for comparison indexed now."""
    from fazhi.store import open_store
    from fazhi.store.corpus_index import index_pending, pending_ids

    store = open_store(settings_from(config, db))
    waiting = len(pending_ids(store))
    if waiting:
        err.print(f"正在为 {waiting} 份新入库的报告建立比较索引……")
        index_pending(store)
    return store


def resolve_indicators(queries: list[str]) -> list[str]:
    from fazhi.corpus.indicators import indicators_named
    from fazhi.figures.catalog import catalog

    items = [(i.id, i.name) for i in catalog().indicators]
    found: list[str] = []
    for q in queries:
        hits = indicators_named(q, items)
        if not hits:
            raise InputError(f"指标目录中没有“{q}”", hint="用指标 id(如 disputes.court_appearance_rate)或其中文名称的一部分")
        found += [h for h in hits if h not in found]
    return found


def indicator_names() -> dict[str, str]:
    from fazhi.figures.catalog import catalog

    return catalog().names()


def _filter(province, city, level, year, jurisdiction, department, score_min, score_max, failed_rule):  # noqa: ANN001, ANN202
    from fazhi.corpus.model import ReportFilter

    return ReportFilter(province, city, level, year, jurisdiction, department, score_min, score_max, failed_rule)


@compare_app.command("table")
def table_cmd(
    indicators: Annotated[list[str], typer.Argument(help="指标 id 或中文名称(可写一部分,如 行政复议)")],
    province: Annotated[Optional[str], typer.Option(help="省份")] = None,
    city: Annotated[Optional[str], typer.Option(help="地级市")] = None,
    level: Annotated[Optional[str], typer.Option(help="级别:province/city/county/district/zone/department")] = None,
    year: Annotated[Optional[int], typer.Option(help="报告年度")] = None,
    jurisdiction: Annotated[Optional[str], typer.Option(help="地区或单位名称")] = None,
    department: Annotated[Optional[str], typer.Option(help="部门名称(部门报告)")] = None,
    score_min: Annotated[Optional[float], typer.Option(help="得分不低于")] = None,
    score_max: Annotated[Optional[float], typer.Option(help="得分低于")] = None,
    failed_rule: Annotated[Optional[str], typer.Option(help="未通过某条审查规则(规则 id)")] = None,
    csv_path: CsvOption = None, xlsx_path: XlsxOption = None, as_json: JsonOption = False,
    chart: ChartOption = None, config: ConfigOption = None, db: DbOption = None,
) -> None:
    """指标对比表:各报告 × 指标,单位或口径不同的数值分列,附原文位置、排名与中位数。"""
    from fazhi.cli.compare_out import print_sheet, write_outputs
    from fazhi.corpus.indicators import indicator_table
    from fazhi.corpus.tabular import ranking_sheet, summary_sheet, table_sheet
    from fazhi.store.corpus_index import indicator_records

    wanted = resolve_indicators(indicators)
    store = open_indexed(config, db)
    filt = _filter(province, city, level, year, jurisdiction, department, score_min, score_max, failed_rule)
    table = indicator_table(indicator_records(store, wanted, filt), wanted)
    names = indicator_names()
    sheets = [table_sheet(table, names), summary_sheet(table, names), ranking_sheet(table, names)]
    if not as_json:
        shown = ("报告", "地区", "年度") + tuple(c.title(names) for c in table.columns)
        print_sheet(sheets[0], shown)
        print_sheet(sheets[1])
    write_outputs(sheets, csv_path, xlsx_path, as_json)
    if chart and table.columns:
        from fazhi.letters.charts import bar_chart

        column = max(table.summaries, key=lambda s: s.reports).column
        rows = [r for r in table.rows if column in r.cells]
        bar_chart(chart, column.title(names), [r.report.label for r in rows],
                  [float(r.cells[column].value) for r in rows], column.unit)
        out.print(f"已画出 {chart}")


@compare_app.command("series")
def series_cmd(
    jurisdiction: Annotated[str, typer.Argument(help="地区或单位名称")],
    indicators: Annotated[list[str], typer.Argument(help="指标 id 或中文名称")],
    csv_path: CsvOption = None, xlsx_path: XlsxOption = None, as_json: JsonOption = False,
    chart: ChartOption = None, config: ConfigOption = None, db: DbOption = None,
) -> None:
    """一个地区历年的指标序列及其增减。"""
    from fazhi.cli.compare_out import print_sheet, write_outputs
    from fazhi.corpus.model import ReportFilter
    from fazhi.corpus.tabular import series_sheet
    from fazhi.corpus.years import series
    from fazhi.store.corpus_index import indicator_records

    wanted = resolve_indicators(indicators)
    store = open_indexed(config, db)
    made = series(indicator_records(store, wanted, ReportFilter(jurisdiction=jurisdiction)), wanted)
    sheet = series_sheet(made, indicator_names())
    if not as_json:
        print_sheet(sheet)
    write_outputs([sheet], csv_path, xlsx_path, as_json)
    if chart and made:
        from fazhi.letters.charts import line_chart

        longest = max(made, key=lambda s: len(s.points))
        line_chart(chart, f"{jurisdiction} {longest.column.title(indicator_names())}",
                   [p.year for p in longest.points], [float(p.cell.value) for p in longest.points], longest.column.unit)
        out.print(f"已画出 {chart}")


@compare_app.command("followup")
def followup_cmd(
    jurisdiction: Annotated[str, typer.Argument(help="地区或单位名称")],
    year: Annotated[Optional[int], typer.Option(help="核对哪一年落实上一年的安排(默认:最近一年)")] = None,
    csv_path: CsvOption = None, xlsx_path: XlsxOption = None, as_json: JsonOption = False,
    config: ConfigOption = None, db: DbOption = None,
) -> None:
    """上一年度工作安排的落实情况(落实 / 未见落实),以及再次出现的不足。"""
    from fazhi.cli.compare_out import print_sheet, write_outputs
    from fazhi.corpus.model import ReportFilter
    from fazhi.corpus.tabular import followup_sheet
    from fazhi.corpus.years import by_year, follow_through, repeated_shortcomings
    from fazhi.store.corpus_index import load_records

    store = open_indexed(config, db)
    years = by_year(load_records(store, ReportFilter(jurisdiction=jurisdiction)))
    later = next((r for r in reversed(years) if year is None or r.report_year == year), None)
    earlier = next((r for r in years if later and r.report_year == later.report_year - 1), None)
    if later is None or earlier is None:
        have = "、".join(str(r.report_year) for r in years) or "无"
        raise InputError(f"{jurisdiction}没有相邻两年的报告(已入库年度:{have})", hint="先入库上一年度的报告")
    sheet = followup_sheet(follow_through(earlier, later), repeated_shortcomings(earlier, later))
    if not as_json:
        out.print(f"{earlier.label} 的工作安排 → {later.label} 的落实情况")
        print_sheet(sheet, ("类别", "上年原文", "结论", "相似度", "本年原文"))
    write_outputs([sheet], csv_path, xlsx_path, as_json)


@compare_app.command("reuse")
def reuse_cmd(
    report_id: Annotated[int, typer.Argument(help="报告编号(fazhi list 中的编号)")],
    csv_path: CsvOption = None, xlsx_path: XlsxOption = None, as_json: JsonOption = False,
    config: ConfigOption = None, db: DbOption = None,
) -> None:
    """一份报告与其他报告的雷同段落(两边位置)、套话比例、沿用上年报告的比例。"""
    from fazhi.cli.compare_out import print_sheet, write_outputs
    from fazhi.corpus.tabular import reuse_sheet
    from fazhi.store.corpus_index import reuse_for

    store = open_indexed(config, db)
    if store.get_report(report_id) is None:
        raise InputError(f"没有编号为 {report_id} 的报告", hint="用 fazhi list 查看编号")
    result = reuse_for(store, report_id)
    sheet = reuse_sheet(result)
    if not as_json:
        prev = f",沿用上年报告(#{result.previous}){result.previous_share:.0%}" if result.previous else ""
        out.print(f"报告#{report_id}:套话约占 {result.boilerplate_share:.0%}{prev},"
                  f"与其他单位雷同的段落 {len(result.copies)} 处")
        print_sheet(sheet)
    write_outputs([sheet], csv_path, xlsx_path, as_json)
