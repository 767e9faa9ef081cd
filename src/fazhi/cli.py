"""The command line: parse, call one library function, format. Errors become one line here."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from fazhi import __version__
from fazhi.core.errors import FazhiError
from fazhi.core.settings import Settings, load_settings

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="fazhi:法治政府建设年度报告的阅读、核查与比较工具。",
)
out = Console(highlight=False)
err = Console(stderr=True, highlight=False)

LEVEL_NAMES = {
    "province": "省级", "city": "地级市", "county": "县级", "district": "市辖区",
    "zone": "功能区", "department": "部门", "township": "乡镇",
}
STATUS_NAMES = {"stored": "新入库", "duplicate": "已存在", "failed": "失败", "skipped": "跳过"}

ConfigOption = Annotated[
    Optional[Path], typer.Option("--config", help="设置文件(TOML);也可用环境变量 FAZHI_CONFIG")
]
DbOption = Annotated[
    Optional[str], typer.Option("--db", help="数据库地址,覆盖设置中的 database_url")
]


def _settings(config: Path | None, db: str | None = None) -> Settings:
    settings = load_settings(config)
    if db:
        settings = settings.model_copy(update={"database_url": db})
    return settings


def _level(level: str | None) -> str:
    return LEVEL_NAMES.get(level or "", level or "")


def _table(title: str, columns: list[tuple[str, int]]) -> Table:
    """A table that stays readable in an 80-column terminal.

    Short columns (year, level, code) never shrink below their width; the one
    with width 0 (the title) gives way first and ends in an ellipsis.
    """
    table = Table(title=title, box=None, header_style="bold", padding=(0, 1), pad_edge=False)
    # The flexible column is capped at what the others leave: a table wider
    # than the terminal makes rich drop narrow columns altogether.
    rest = max(10, out.width - sum(w + 1 for _, w in columns if w) - 2)
    for name, width in columns:
        size = width or rest
        table.add_column(name, no_wrap=True, overflow="ellipsis", min_width=min(size, width or 10), max_width=size)
    return table


def _unsupported(path: str) -> bool:
    from fazhi.ingest.registry import SUPPORTED_SUFFIXES

    return Path(path).suffix.lower() not in SUPPORTED_SUFFIXES


def _analysis_table(rows: list[dict]) -> Table:
    table = _table("报告识别结果", [("文件", 14), ("地区", 12), ("级别", 6), ("年度", 4),
                                 ("发布日期", 10), ("标题", 0)])
    for row in rows:
        j = row.get("jurisdiction") or {}
        name = Path(row["source"]).name
        if row.get("error"):
            table.add_row(name, "[red]读取失败[/red]", "", "", "", f"[red]{row['error']['message']}[/red]")
            continue
        table.add_row(
            name, j.get("name") or "—", _level(j.get("level")), str(row["report_year"] or "—"),
            row["published"] or "—", row["title"] or "(无标题)",
        )
    return table


@app.command()
def analyze(
    files: Annotated[list[Path], typer.Argument(help="报告文件(.txt .html .docx .pdf)或文件夹")],
    as_json: Annotated[bool, typer.Option("--json", help="每个文件输出一行 JSON")] = False,
    text: Annotated[bool, typer.Option("--text", help="只输出读取到的原文(所有偏移量都以它为准)")] = False,
    config: ConfigOption = None,
) -> None:
    """识别报告(不入库):地区、级别、年度、标题、发布日期、发文机关、文号。"""
    from fazhi.pipeline import analyze_path, failure_json

    settings = _settings(config)
    if text:
        if len(files) != 1:
            raise FazhiError("--text 一次只能用于一个文件", hint="逐个文件运行")
        document = analyze_path(files[0], settings).document
        # Bytes, not print(): the output must be exactly the text offsets index into.
        sys.stdout.buffer.write(document.text.encode("utf-8"))
        sys.stdout.flush()
        return
    from fazhi.ingest.files import iter_files

    rows: list[dict] = []
    for path, explicit in iter_files(files):
        if not explicit and _unsupported(path):
            continue  # a folder's stray files (images, .doc drafts) are not reports
        try:
            row = analyze_path(path, settings).to_json()
        except FazhiError as exc:
            row = failure_json(str(path), exc)
            if not as_json:
                err.print(f"[red]✗[/red] {exc.one_line()}")
        rows.append(row)
        if as_json:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
            sys.stdout.flush()
    if not as_json:
        out.print(_analysis_table(rows))
    if any(r["error"] for r in rows):
        raise typer.Exit(1)


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

    analysis = analyze_path(file, _settings(config))
    rows = [f.to_json() for f in analysis.figures]
    names = {ind.id: ind.name for ind in catalog().indicators}
    if csv_out:
        import csv

        writer = csv.DictWriter(sys.stdout, fieldnames=FIGURE_COLUMNS, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return
    table = _table(f"{file.name}:共 {len(rows)} 项数据", [("位置", 6), ("原文", 14), ("数值", 12), ("单位", 4),
                   ("约", 2), ("比较", 4), ("指标", 22), ("所指", 0)])
    for row in rows:
        table.add_row(
            str(row["offset"]), row["text"], str(row["value"]), row["unit"], "约" if row["approx"] else "",
            COMPARE_NAMES.get(row["compare"] or "", ""), names.get(row["indicator"], "—"), row["label"] or "—",
        )
    out.print(table)
    for issue in analysis.consistency:
        out.print(f"[yellow]⚠ {issue.message}[/yellow]")


@app.command()
def review(
    targets: Annotated[list[str], typer.Argument(help="报告文件、文件夹,或已入库报告的编号")],
    out_dir: Annotated[Path, typer.Option("--out", help="审查意见书与汇总表的输出目录")] = Path("review-letters"),
    reviewer: Annotated[Optional[str], typer.Option(help="落款单位,如 示例市依法治市办")] = None,
    config: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """审查报告:逐项核对法定要求并打分,为每份报告写出审查意见书(Markdown、HTML、Word),并生成汇总表。"""
    from fazhi.ingest.files import iter_files
    from fazhi.letters import build_letter, write_letter, write_summary
    from fazhi.pipeline import analyze_path

    settings = _settings(config, db)
    store = None
    reviewed: list[tuple[dict, str]] = []
    failed = 0
    for target in targets:
        if target.isdigit() and not Path(target).exists():
            if store is None:
                from fazhi.store import open_store

                store = open_store(settings)
            row = store.get_report(int(target))
            if row is None:
                err.print(f"[red]✗[/red] 没有编号为 {target} 的报告(用 fazhi list 查看已有的编号)")
                failed += 1
                continue
            reviewed.append(({**row["analysis"], "id": row["id"]}, row["text"]))
            continue
        for source, explicit in iter_files([target]):
            try:
                analysis = analyze_path(source, settings)
            except FazhiError as exc:
                if explicit or exc.code != "unsupported_format":
                    err.print(f"[red]✗[/red] {exc.one_line()}")
                    failed += 1
                continue
            reviewed.append((analysis.to_json(), analysis.document.text))
    out_dir.mkdir(parents=True, exist_ok=True)
    table = _table(f"审查结果(共 {len(reviewed)} 份)", [("地区", 12), ("年度", 4), ("得分", 5), ("未通过的规则", 0)])
    stems: set[str] = set()
    for row, text in reviewed:
        stem = _letter_stem(row, stems)
        write_letter(build_letter(row, text, reviewer=reviewer), out_dir, stem)
        j = row.get("jurisdiction") or {}
        failed_rules = [f.get("title") or f["rule"] for f in row["findings"] if f["status"] == "failed"]
        table.add_row(
            j.get("name") or "—", str(row.get("report_year") or "—"),
            f"{row['score']['total']:.1f}" if row.get("score") else "—", "、".join(failed_rules) or "无",
        )
    out.print(table)
    if reviewed:
        summary = write_summary([row for row, _ in reviewed], out_dir)
        out.print(f"审查意见书已写入 {out_dir}/(每份报告 .md .html .docx 各一份)")
        out.print(f"汇总表: {summary['csv']}  {summary['xlsx']}")
    if failed:
        raise typer.Exit(1)


def _letter_stem(row: dict, taken: set[str]) -> str:
    """A file name that says whose letter it is, unique within one run."""
    import re

    base = Path(row["source"]).stem if row.get("source") else f"report-{row.get('id')}"
    stem = re.sub(r"[\\/:*?\"<>|\s]+", "_", base)[:80] + ".审查意见"
    candidate, n = stem, 2
    while candidate in taken:
        candidate, n = f"{stem}-{n}", n + 1
    taken.add(candidate)
    return candidate


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="文件或文件夹")],
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="只显示失败的文件")] = False,
    config: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """入库:保存原件(按 sha256)与识别结果;重复的文件只记录不重存;出错的文件不影响其余文件。"""
    from fazhi.store import open_store
    from fazhi.ingest.files import iter_files
    from fazhi.store.ingest_run import ingest_one

    settings = _settings(config, db)
    store = open_store(settings)
    missing = [p for p in paths if not p.exists()]
    files = list(iter_files(p for p in paths if p.exists()))
    counts = {name: 0 for name in STATUS_NAMES}
    for p in missing:
        err.print(f"[red]✗ 失败[/red] {p}: 路径不存在(检查路径是否正确)")
        store.record(str(p), None, "failed", error_code="not_found", error_message=f"{p}: 路径不存在")
        counts["failed"] += 1
    progress = Progress(
        TextColumn("入库中"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=err, transient=True,
    )
    with progress:
        task = progress.add_task("ingest", total=len(files))
        for source, explicit in files:
            outcome = ingest_one(source, explicit, store, settings)
            counts[outcome.status] += 1
            progress.advance(task)
            _print_outcome(progress.console, outcome, quiet)
    summary = "  ".join(f"{STATUS_NAMES[k]} {v}" for k, v in counts.items())
    out.print(f"共 {len(files) + len(missing)} 个文件:{summary}  (数据库: {_db_label(settings)})")
    if counts["failed"]:
        raise typer.Exit(1)


def _print_outcome(console: Console, outcome, quiet: bool) -> None:
    if outcome.status == "failed":
        console.print(f"[red]✗ 失败[/red] {outcome.error.one_line()}")
    elif quiet:
        return
    elif outcome.status == "skipped":
        console.print(f"[yellow]- 跳过[/yellow] {outcome.error.one_line()}")
    elif outcome.status == "duplicate":
        console.print(f"[cyan]= 已存在[/cyan] #{outcome.report_id} {outcome.source}(内容相同,未重复入库)")
    else:
        where = " ".join(str(x) for x in (outcome.jurisdiction, outcome.report_year) if x) or "身份未识别"
        console.print(f"[green]✓ 新入库[/green] #{outcome.report_id} {where}  {outcome.source}")


def _db_label(settings: Settings) -> str:
    from fazhi.store.db import _safe

    return _safe(settings.resolved_database_url())


@app.command("list")
def list_reports(
    limit: Annotated[int, typer.Option(help="最多显示多少条")] = 100,
    offset: Annotated[int, typer.Option(help="从第几条开始")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="每条一行 JSON")] = False,
    config: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """列出已入库的报告。"""
    from fazhi.store import open_store

    store = open_store(_settings(config, db))
    rows = store.list_reports(limit=limit, offset=offset)
    if as_json:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        return
    total = store.count_reports()
    table = _table(f"已入库的报告(共 {total} 份)", [("编号", 4), ("地区", 12), ("级别", 6),
                   ("所属", 10), ("代码", 6), ("年度", 4), ("发布日期", 10), ("得分", 5), ("标题", 0)])
    for r in rows:
        parent = " ".join(x for x in (r["province"], r["city"]) if x and x != r["jurisdiction"])
        table.add_row(
            str(r["id"]), r["jurisdiction"] or "—", _level(r["level"]), parent or "—",
            r["division_code"] or "—", str(r["report_year"] or "—"),
            str(r["published"] or "—"), f"{r['score']:.1f}" if r["score"] is not None else "—",
            r["title"] or "(无标题)",
        )
    out.print(table)
    if total > offset + len(rows):
        out.print(f"还有 {total - offset - len(rows)} 份,用 --offset {offset + len(rows)} 查看后面的")


@app.command()
def show(
    report_id: Annotated[int, typer.Argument(metavar="ID", help="报告编号(见 fazhi list)")],
    as_json: Annotated[bool, typer.Option("--json", help="输出完整的 JSON")] = False,
    text: Annotated[bool, typer.Option("--text", help="只输出原文")] = False,
    config: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """显示一份已入库报告的识别结果。"""
    from fazhi.store import open_store

    store = open_store(_settings(config, db))
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
        ("级别", _level(j.get("level"))),
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
        table.add_row(label, str(value) if value not in (None, "") else "—")
    out.print(table)


@app.command()
def version() -> None:
    """显示版本。"""
    out.print(f"fazhi {__version__}")


def main() -> None:
    """Entry point: the one place where fazhi's errors become a message and an exit code."""
    try:
        app()
    except FazhiError as exc:
        err.print(f"[red]错误:[/red] {exc.one_line()}")
        sys.exit(2)
    except KeyboardInterrupt:
        err.print("已中断。已完成的文件都已保存,重新运行同一命令会继续处理其余文件。")
        sys.exit(130)


if __name__ == "__main__":
    main()
