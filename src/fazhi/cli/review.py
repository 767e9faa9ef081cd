"""The review command: check, score, and write a letter per report."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from fazhi.cli.common import ConfigOption, DbOption, app, err, make_table, out, settings_from
from fazhi.core.errors import FazhiError


@app.command()
def review(
    targets: Annotated[list[str], typer.Argument(help="报告文件、文件夹,或已入库报告的编号")],
    out_dir: Annotated[Path, typer.Option("--out", help="审查意见书与汇总表的输出目录")] = Path("review-letters"),
    reviewer: Annotated[
        Optional[str], typer.Option(help="复核意见书的审核人姓名;给出即视为已人工复核,不给则意见书标为“初审稿(未经人工复核)”")
    ] = None,
    config: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """审查报告:逐项核对法定要求并打分,为每份报告写出审查意见书(Markdown、HTML、Word),并生成汇总表。"""
    from fazhi.ingest import is_report_file
    from fazhi.ingest.files import iter_files
    from fazhi.letters import build_letter, write_letter, write_summary
    from fazhi.pipeline import analyze_path

    settings = settings_from(config, db)
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
            if not explicit and not is_report_file(source):
                continue  # a folder's stray files are not reports
            try:
                analysis = analyze_path(source, settings)
            except FazhiError as exc:
                err.print(f"[red]✗[/red] {exc.one_line()}")
                failed += 1
                continue
            reviewed.append((analysis.to_json(), analysis.document.text))
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FazhiError(f"无法写入输出目录: {exc.strerror}", source=str(out_dir), hint="用 --out 指定一个可写的文件夹") from None
    table = make_table(f"审查结果(共 {len(reviewed)} 份)", [("地区", 12), ("年度", 4), ("得分", 5), ("未通过的规则", 0)])
    stems: set[str] = set()
    for row, text in reviewed:
        stem = _letter_stem(row, stems)
        try:
            letter = build_letter(row, text, reviewer=reviewer, date=settings.letter_date,
                                  office=settings.letter_office)
            write_letter(letter, out_dir, stem)
        except OSError as exc:
            err.print(f"[red]✗[/red] {out_dir / stem}: 无法写入审查意见书({exc.strerror})")
            failed += 1
        j = row.get("jurisdiction") or {}
        failed_rules = [f.get("title") or f["rule"] for f in row["findings"] if f["status"] == "failed"]
        table.add_row(
            j.get("name") or "—", str(row.get("report_year") or "—"),
            _score_text(row), "、".join(failed_rules) or "无",
        )
    out.print(table)
    if not reviewed and not failed:
        err.print("没有找到可审查的报告(支持 .txt .html .htm .docx .pdf)")
    if reviewed:
        try:
            summary = write_summary([row for row, _ in reviewed], out_dir)
        except OSError as exc:
            raise FazhiError(f"无法写入汇总表: {exc.strerror}", source=str(out_dir), hint="关闭已打开的汇总表后重试") from None
        out.print(f"审查意见书已写入 {out_dir}/(每份报告 .md .html .docx 各一份)")
        out.print(f"汇总表: {summary['csv']}  {summary['xlsx']}")
    if failed:
        raise typer.Exit(1)


def _score_text(row: dict) -> str:
    total = (row.get("score") or {}).get("total")
    return "—" if total is None else f"{total:.1f}"


_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def _letter_stem(row: dict, taken: set[str]) -> str:
    """A file name that says whose letter it is, unique within one run, valid on Windows too."""
    import re

    base = Path(row["source"]).stem if row.get("source") else f"report-{row.get('id')}"
    base = re.sub(r'[\\/:*?"<>|\x00-\x1f\s]+', "_", base)[:80].rstrip(". ") or "report"
    if base.split(".")[0].upper() in _WINDOWS_RESERVED:
        base = f"_{base}"
    stem = base + ".审查意见"
    candidate, n = stem, 2
    while candidate in taken:
        candidate, n = f"{stem}-{n}", n + 1
    taken.add(candidate)
    return candidate
