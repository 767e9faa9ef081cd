"""The review command: check, score, and write a letter per report."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from fazhi.cli.common import (
    MAX_ID,
    ConfigOption,
    DbOption,
    WorkersOption,
    app,
    clean_text,
    err,
    error_line,
    exit_for,
    line,
    make_table,
    out,
    settings_from,
    shown,
)
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
    workers: WorkersOption = None,
) -> None:
    """审查报告:逐项核对法定要求并打分,为每份报告写出审查意见书(Markdown、HTML、Word),并生成汇总表。"""
    from fazhi.cli.batch import analyze_files
    from fazhi.ingest import is_report_file
    from fazhi.ingest.files import iter_files
    from fazhi.letters import build_letter, write_letter, write_summary

    settings = settings_from(config, db)
    if reviewer is not None:
        reviewer = clean_text(reviewer)  # it goes into XML (DOCX) and HTML: no control characters
    store = None
    reviewed: list[tuple[dict, str]] = []
    failed: list[dict] = []
    sources: list[str] = []
    for target in targets:
        if target.isdigit() and not Path(target).exists():
            if store is None:
                from fazhi.store import open_store

                store = open_store(settings)
            row = store.get_report(int(target)) if int(target) <= MAX_ID else None
            if row is None:
                err.print(line(("✗", "red"), " 没有编号为 ", shown(target), " 的报告(用 fazhi list 查看已有的编号)"))
                failed.append({"error": {"code": "not_found"}})
                continue
            reviewed.append(({**row["analysis"], "id": row["id"]}, row["text"]))
            continue
        # A folder's stray files are not reports.
        sources += [source for source, explicit in iter_files([target]) if explicit or is_report_file(source)]
    for read in analyze_files(sources, settings, workers):
        if read.error is not None:
            error_line(read.error)
            failed.append({"error": read.error.to_json()})
        else:
            reviewed.append((read.analysis, read.text))
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FazhiError(f"无法写入输出目录: {exc.strerror}", source=str(out_dir), hint="用 --out 指定一个可写的文件夹") from None
    table = make_table(f"审查结果(共 {len(reviewed)} 份)", [("地区", 12), ("年度", 4), ("得分", 5), ("未通过的规则", 0)])
    stems: set[str] = set()
    for row, text in reviewed:
        stem = letter_stem(row, stems)
        try:
            letter = build_letter(row, text, reviewer=reviewer, date=settings.letter_date,
                                  office=settings.letter_office)
            write_letter(letter, out_dir, stem)
        except OSError as exc:
            # A full disk leaves a half-written letter: better none than an empty .md.
            for suffix in (".md", ".html", ".docx"):
                (out_dir / (stem + suffix)).unlink(missing_ok=True)
            err.print(line(("✗", "red"), " ", shown(out_dir / stem), f": 无法写入审查意见书({exc.strerror})"))
            failed.append({"error": {"code": "write_error"}})
        j = row.get("jurisdiction") or {}
        failed_rules = [f.get("title") or f["rule"] for f in row["findings"] if f["status"] == "failed"]
        table.add_row(
            shown(j.get("name") or "—"), str(row.get("report_year") or "—"),
            _score_text(row), "、".join(failed_rules) or "无",
        )
    out.print(table)
    if not reviewed and not failed:
        err.print("没有找到可审查的报告(支持 .txt .html .htm .docx .pdf)")
    if reviewed:
        try:
            summary = write_summary([row for row, _ in reviewed], out_dir)
        except OSError as exc:
            for name in ("summary.csv", "summary.xlsx"):
                (out_dir / name).unlink(missing_ok=True)
            raise FazhiError(f"无法写入汇总表: {exc.strerror}", source=str(out_dir), hint="腾出磁盘空间、关闭已打开的汇总表后重试") from None
        out.print(line("审查意见书已写入 ", shown(out_dir), "/(每份报告 .md .html .docx 各一份)"))
        out.print(line("汇总表: ", shown(summary["csv"]), "  ", shown(summary["xlsx"])))
    exit_for(failed)


def _score_text(row: dict) -> str:
    total = (row.get("score") or {}).get("total")
    return "—" if total is None else f"{total:.1f}"


# Bytes, not characters: file systems limit a name to 255 bytes, and a Chinese
# character is three of them in UTF-8. Room is left for "-NN" and ".docx".
_STEM_BYTES = 255 - len("-99.docx")
_SUFFIX = ".审查意见"


def letter_stem(row: dict, taken: set[str]) -> str:
    """A file name that says whose letter it is, unique within one run, valid on Windows too."""
    from pathvalidate import sanitize_filename

    base = Path(row["source"]).stem if row.get("source") else f"report-{row.get('id')}"
    room = _STEM_BYTES - len(_SUFFIX.encode("utf-8"))
    base = sanitize_filename(base, replacement_text="_", platform="universal", max_len=room) or "report"
    stem = base + _SUFFIX
    candidate, n = stem, 2
    while candidate in taken:
        candidate, n = f"{stem}-{n}", n + 1
    taken.add(candidate)
    return candidate

