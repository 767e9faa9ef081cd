"""Writing corpus sheets: console table, CSV (Excel-readable), XLSX, JSON lines."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from rich.cells import cell_len

from fazhi.cli.common import make_table, out
from fazhi.corpus.tabular import Sheet


def _shown(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.3f}".rstrip("0").rstrip(".")
    return str(value)


def print_sheet(sheet: Sheet, columns: Sequence[str] | None = None) -> None:
    """The sheet on the console; ``columns`` picks the ones that fit a terminal (the files get all)."""
    keep = [i for i, h in enumerate(sheet.header) if columns is None or h in columns]
    widths = [max(4, min(24, max([cell_len(sheet.header[i])] + [cell_len(_shown(r[i])) for r in sheet.rows])))
              for i in keep]
    widths[-1] = 0 if len(keep) > 1 else widths[-1]  # the last column takes what is left
    table = make_table(f"{sheet.title}(共 {len(sheet.rows)} 行)", [(sheet.header[i], w) for i, w in zip(keep, widths)])
    for row in sheet.rows:
        table.add_row(*(_shown(row[i]) for i in keep))
    out.print(table)


def write_outputs(sheets: Sequence[Sheet], csv_path: Path | None, xlsx_path: Path | None, as_json: bool) -> None:
    if csv_path:
        _csv(sheets, csv_path)
        out.print(f"已写出 {csv_path}")
    if xlsx_path:
        _xlsx(sheets, xlsx_path)
        out.print(f"已写出 {xlsx_path}")
    if as_json:
        for sheet in sheets:
            for record in sheet.records():
                sys.stdout.write(json.dumps({"sheet": sheet.title, **record}, ensure_ascii=False, default=str) + "\n")


def _csv(sheets: Sequence[Sheet], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # utf-8-sig: Excel on Chinese Windows opens it without mojibake.
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        for n, sheet in enumerate(sheets):
            if n:
                writer.writerow([])
            if len(sheets) > 1:
                writer.writerow([sheet.title])
            writer.writerow(sheet.header)
            writer.writerows(sheet.rows)


def _xlsx(sheets: Sequence[Sheet], path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    path.parent.mkdir(parents=True, exist_ok=True)
    book = Workbook()
    book.remove(book.active)
    for sheet in sheets:
        ws = book.create_sheet(sheet.title[:31])
        ws.append(list(sheet.header))
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for row in sheet.rows:
            ws.append(list(row))
        ws.freeze_panes = "B2"
        ws.auto_filter.ref = ws.dimensions
    book.save(path)
