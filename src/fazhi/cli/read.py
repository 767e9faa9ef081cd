"""Commands that read reports without storing them: analyze, figures."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from fazhi.cli.common import (
    ConfigOption,
    WorkersOption,
    analysis_table,
    app,
    err,
    error_line,
    exit_for,
    make_table,
    out,
    settings_from,
)
from fazhi.core.errors import FazhiError


@app.command()
def analyze(
    files: Annotated[list[Path], typer.Argument(help="报告文件(.txt .html .docx .pdf)或文件夹")],
    as_json: Annotated[bool, typer.Option("--json", help="每个文件输出一行 JSON")] = False,
    text: Annotated[bool, typer.Option("--text", help="只输出读取到的原文(所有偏移量都以它为准)")] = False,
    config: ConfigOption = None,
    workers: WorkersOption = None,
) -> None:
    """识别报告(不入库):地区、级别、年度、标题、发布日期、发文机关、文号。"""
    from fazhi.pipeline import failure_json

    settings = settings_from(config)
    if text:
        if len(files) != 1:
            raise FazhiError("--text 一次只能用于一个文件", hint="逐个文件运行")
        from fazhi.ingest import read_path

        document = read_path(files[0], settings)  # the text only: no need to run the analysis
        # Bytes, not print(): the output must be exactly the text offsets index into.
        sys.stdout.buffer.write(document.text.encode("utf-8"))
        sys.stdout.flush()
        return
    from fazhi.cli.batch import analyze_files
    from fazhi.ingest import is_report_file
    from fazhi.ingest.files import iter_files

    rows: list[dict] = []
    # A folder's stray files (images, .doc drafts) are not reports.
    sources = (path for path, explicit in iter_files(files) if explicit or is_report_file(path))
    for read in analyze_files(sources, settings, workers):
        if read.error is not None:
            row = failure_json(read.source, read.error)
            if not as_json:
                error_line(read.error)
        else:
            row = read.analysis
        rows.append(row)
        if as_json:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
            sys.stdout.flush()
    if not rows:
        err.print("没有找到可读取的报告(支持 .txt .html .htm .docx .pdf)")
    if not as_json:
        out.print(analysis_table(rows))
    exit_for(rows)


FIGURE_COLUMNS = ("text", "offset", "value", "unit", "approx", "low", "high", "compare", "label", "indicator")
COMPARE_NAMES = {"from": "由", "to": "到", "increase": "增", "decrease": "减"}


@app.command()
def figures(
    file: Annotated[Path, typer.Argument(help="报告文件")],
    csv_out: Annotated[bool, typer.Option("--csv", help="输出 CSV(UTF-8)")] = False,
    config: ConfigOption = None,
) -> None:
    """列出报告中的全部数据:数值、单位、约数/比较、所指事项和对应指标,及其在原文中的位置。"""
    from fazhi.figures.catalog import catalog
    from fazhi.pipeline import analyze_path

    analysis = analyze_path(file, settings_from(config))
    rows = [f.to_json() for f in analysis.figures]
    names = catalog().names()
    if csv_out:
        import csv

        writer = csv.DictWriter(sys.stdout, fieldnames=FIGURE_COLUMNS, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return
    table = make_table(f"{file.name}:共 {len(rows)} 项数据", [("位置", 6), ("原文", 14), ("数值", 12), ("单位", 4),
                   ("约", 2), ("比较", 4), ("指标", 22), ("所指", 0)])
    for row in rows:
        table.add_row(
            str(row["offset"]), row["text"], str(row["value"]), row["unit"], "约" if row["approx"] else "",
            COMPARE_NAMES.get(row["compare"] or "", ""), names.get(row["indicator"], "—"), row["label"] or "—",
        )
    out.print(table)
    for issue in analysis.consistency:
        out.print(f"[yellow]⚠ {issue.message}[/yellow]")
