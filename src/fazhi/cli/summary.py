"""`fazhi summary`: the office's annual summary of stored reports, as DOCX (公文 layout) and HTML."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Optional

import typer

from fazhi.cli.common import ConfigOption, DbOption, app, out


@app.command()
def summary(
    out_dir: Annotated[Path, typer.Option("--out", help="输出文件夹")] = Path("summary"),
    province: Annotated[Optional[str], typer.Option(help="省份")] = None,
    city: Annotated[Optional[str], typer.Option(help="地级市")] = None,
    level: Annotated[Optional[str], typer.Option(help="级别")] = None,
    year: Annotated[Optional[int], typer.Option(help="报告年度")] = None,
    scope: Annotated[str, typer.Option(help="标题中的范围,如“全市”")] = "",
    issuer: Annotated[str, typer.Option(help="落款单位,如“XX市依法治市办”")] = "",
    config: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """年度汇总:报告数量、按期公开、要素缺失、得分分布、好与弱、指标对比与图表、未落实的安排、雷同段落。"""
    from fazhi.cli.compare import indicator_names, open_indexed
    from fazhi.corpus.model import ReportFilter
    from fazhi.letters.annual_summary import FollowUp, SummaryInput, chart_blocks
    from fazhi.letters.annual_summary_docx import render_summary_docx
    from fazhi.letters.annual_summary_html import render_summary_html
    from fazhi.store.corpus_index import summary_material

    store = open_indexed(config, db)
    material = summary_material(store, ReportFilter(province=province, city=city, level=level, year=year))
    names = indicator_names()
    out_dir.mkdir(parents=True, exist_ok=True)
    data = SummaryInput(
        reports=material.reports, tables=[(material.table, names)],
        charts=chart_blocks(material.table, names, out_dir / "charts"),
        followups=[FollowUp(a, b, tuple(c)) for a, b, c in material.followups],
        copies=material.copies, scope=scope, date=dt.date.today(), issuer=issuer,
    )
    docx_path = render_summary_docx(data, out_dir / "年度汇总.docx")
    html_path = out_dir / "年度汇总.html"
    html_path.write_text(render_summary_html(data), encoding="utf-8")
    out.print(f"共 {len(material.reports)} 份报告;已写出 {docx_path} 和 {html_path}")
