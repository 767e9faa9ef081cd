"""Commands on the store: ingest, list, show."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from fazhi.cli.common import (
    EXIT_BUG,
    EXIT_FAILED,
    MAX_ID,
    STATUS_NAMES,
    ConfigOption,
    DbOption,
    WorkersOption,
    app,
    err,
    error_line,
    level_name,
    line,
    make_table,
    out,
    settings_from,
    shown,
)
from fazhi.core.errors import FazhiError, FileNotFound, StoreError
from fazhi.core.settings import Settings
from fazhi.ingest.registry import shown_path


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="文件或文件夹")],
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="只显示失败的文件")] = False,
    config: ConfigOption = None,
    db: DbOption = None,
    workers: WorkersOption = None,
) -> None:
    """入库:保存原件(按 sha256)与识别结果;重复的文件只记录不重存;出错的文件不影响其余文件。"""
    from fazhi.ingest.files import iter_files
    from fazhi.store import open_store
    from fazhi.store.ingest_run import ingest_files

    settings = settings_from(config, db)
    store = open_store(settings)
    if store.read_only:
        raise StoreError("数据库文件是只读的,无法入库", source=_db_label(settings),
                         hint="把数据库复制到可写的文件夹,或用 --db 指定另一个数据库;list、show、review 仍可读取")
    missing = [p for p in paths if not p.exists() and not p.is_symlink()]
    files = list(iter_files(p for p in paths if p not in missing))
    counts = {name: 0 for name in STATUS_NAMES}
    bugs = 0
    for p in missing:
        error = FileNotFound("路径不存在", source=shown_path(p), hint="检查路径是否正确")
        error_line(error, "✗ 失败")
        try:
            store.record(error.source, None, "failed", error_code=error.code, error_message=error.one_line())
        except StoreError:
            pass  # the line above is the record
        counts["failed"] += 1
    progress = Progress(
        TextColumn("入库中"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=err, transient=True,
    )
    with progress:
        task = progress.add_task("ingest", total=len(files))
        for outcome in ingest_files(files, store, settings, workers):
            counts[outcome.status] += 1
            bugs += outcome.error is not None and outcome.error.code == "internal_error"
            progress.advance(task)
            _print_outcome(progress.console, outcome, quiet)
    summary = "  ".join(f"{STATUS_NAMES[k]} {v}" for k, v in counts.items())
    out.print(line(f"共 {len(files) + len(missing)} 个文件:{summary}  (数据库: ", shown(_db_label(settings)), ")"),
              soft_wrap=True)
    if bugs:
        raise typer.Exit(EXIT_BUG)
    if counts["failed"]:
        raise typer.Exit(EXIT_FAILED)


def _print_outcome(console: Console, outcome, quiet: bool) -> None:
    if outcome.status == "failed":
        error_line(outcome.error, "✗ 失败", console)
    elif quiet:
        return
    elif outcome.status == "skipped":
        console.print(line(("- 跳过", "yellow"), " ", shown(outcome.error.one_line())))
    elif outcome.status == "duplicate":
        console.print(line(("= 已存在", "cyan"), f" #{outcome.report_id} ", shown(outcome.source), "(内容相同,未重复入库)"))
    else:
        where = " ".join(str(x) for x in (outcome.jurisdiction, outcome.report_year) if x) or "身份未识别"
        console.print(line(("✓ 新入库", "green"), f" #{outcome.report_id} ", shown(where), "  ", shown(outcome.source)))


def _db_label(settings: Settings) -> str:
    """The SQLite file path, or the server URL without its password."""
    import sqlalchemy as sa

    from fazhi.store.db import safe_url

    url = sa.engine.make_url(settings.resolved_database_url())
    if url.get_backend_name() == "sqlite":
        return str(url.database)
    return safe_url(settings.resolved_database_url())


@app.command("list")
def list_reports(
    limit: Annotated[int, typer.Option(min=0, max=MAX_ID, help="最多显示多少条")] = 100,
    offset: Annotated[int, typer.Option(min=0, max=MAX_ID, help="从第几条开始")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="每条一行 JSON")] = False,
    config: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """列出已入库的报告。"""
    from fazhi.store import open_store

    store = open_store(settings_from(config, db))
    rows = store.list_reports(limit=limit, offset=offset)
    if as_json:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        return
    total = store.count_reports()
    table = make_table(f"已入库的报告(共 {total} 份)", [("编号", 4), ("地区", 12), ("级别", 6),
                   ("所属", 10), ("代码", 6), ("年度", 4), ("发布日期", 10), ("得分", 5), ("标题", 0)])
    for r in rows:
        parent = " ".join(x for x in (r["province"], r["city"]) if x and x != r["jurisdiction"])
        table.add_row(
            str(r["id"]), shown(r["jurisdiction"] or "—"), level_name(r["level"]), shown(parent or "—"),
            r["division_code"] or "—", str(r["report_year"] or "—"),
            str(r["published"] or "—"), f"{r['score']:.1f}" if r["score"] is not None else "—",
            shown(r["title"] or "(无标题)"),
        )
    out.print(table)
    if total > offset + len(rows):
        out.print(f"还有 {total - offset - len(rows)} 份,用 --offset {offset + len(rows)} 查看后面的")


@app.command()
def show(
    report_id: Annotated[int, typer.Argument(metavar="ID", min=1, max=MAX_ID, help="报告编号(见 fazhi list)")],
    as_json: Annotated[bool, typer.Option("--json", help="输出完整的 JSON")] = False,
    text: Annotated[bool, typer.Option("--text", help="只输出原文")] = False,
    config: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """显示一份已入库报告的识别结果。"""
    from fazhi.store import open_store

    store = open_store(settings_from(config, db))
    row = store.get_report(report_id)
    if row is None:
        raise FazhiError(f"没有编号为 {report_id} 的报告", hint="用 fazhi list 查看已有的编号")
    if text:
        sys.stdout.buffer.write(row["text"].encode("utf-8"))
        return
    analysis = row["analysis"]
    if as_json:
        sys.stdout.write(json.dumps({"id": row["id"], **analysis}, ensure_ascii=False) + "\n")
        return
    j = analysis.get("jurisdiction") or {}
    table = Table(title=f"报告 #{row['id']}", show_header=False)
    table.add_column("项目", style="bold")
    table.add_column("内容", overflow="fold")
    for label, value in (
        ("标题", analysis.get("title") or "(无标题)"),
        ("地区", j.get("name")),
        ("级别", level_name(j.get("level"))),
        ("所属", " ".join(x for x in (j.get("province"), j.get("city"), j.get("county")) if x)),
        ("区划代码", j.get("code") or (f"(上级 {j['parent_code']})" if j.get("parent_code") else None)),
        ("报告年度", analysis.get("report_year")),
        ("发布日期", analysis.get("published")),
        ("发文机关", analysis.get("issuer")),
        ("文号", analysis.get("doc_number")),
        ("来源文件", row["source"]),
        ("格式/编码", f"{analysis.get('format')} / {analysis.get('encoding')}"),
        ("sha256", row["sha256"]),
        ("字数", str(len(row["text"]))),
        ("噪声片段", str(len(analysis.get("noise") or []))),
        ("入库时间", str(row["ingested_at"])),
    ):
        table.add_row(label, shown(value) if value not in (None, "") else "—")
    out.print(table)
