"""The summary sheet: one row per reviewed report, as CSV (UTF-8 with BOM) and XLSX."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import astuple, dataclass
from pathlib import Path, PurePath
from typing import Any

from fazhi.core.levels import LEVEL_NAMES
from fazhi.letters.data import LetterData, packaged_letter_data
from fazhi.letters.typeset import display_width, typeset
from fazhi.letters.verdict import failed_findings, label_of, score_of

STEM = "summary"
MAX_WIDTH = 60  # characters: longer cells wrap in Excel rather than widen the column
MIN_WIDTH = 8


@dataclass(frozen=True, slots=True)
class Row:
    file: str
    jurisdiction: str
    level: str
    province: str
    year: int | None
    published: dt.date | None
    score: float | None
    verdict: str
    failed_rules: str
    failed_titles: str
    figures: int


HEADERS = {
    "file": "文件",
    "jurisdiction": "报告单位",
    "level": "层级",
    "province": "省份",
    "year": "报告年度",
    "published": "发布日期",
    "score": "得分",
    "verdict": "审核结论",
    "failed_rules": "未通过规则",
    "failed_titles": "未通过事项",
    "figures": "数字个数",
}


def summary_rows(analyses: Sequence[Mapping[str, Any]], data: LetterData | None = None) -> list[Row]:
    data = data or packaged_letter_data()
    return [_row(a, data) for a in analyses]


def write_summary(rows: list[dict], out_dir: Path) -> dict[str, Path]:
    """Write ``summary.csv`` and ``summary.xlsx`` for these analysis dicts into ``out_dir``."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    records = summary_rows(rows)
    return {"csv": _write_csv(records, out_dir / f"{STEM}.csv"), "xlsx": _write_xlsx(records, out_dir / f"{STEM}.xlsx")}


def _row(analysis: Mapping[str, Any], data: LetterData) -> Row:
    place = analysis.get("jurisdiction") or {}
    failed = failed_findings(analysis)
    figures = analysis.get("figures")
    published = analysis.get("published")
    try:
        day = dt.date.fromisoformat(str(published)[:10]) if published else None
    except ValueError:
        day = None
    return Row(
        file=PurePath(str(analysis.get("source") or "")).name,
        jurisdiction=place.get("name") or "",
        level=LEVEL_NAMES.get(place.get("level") or "", ""),
        province=place.get("province") or "",
        year=analysis.get("report_year"),
        published=day,
        score=score_of(analysis),
        verdict=label_of(analysis, data),
        failed_rules="; ".join(str(f.get("rule")) for f in failed),
        failed_titles="、".join(typeset(str(f.get("title") or f.get("rule"))) for f in failed),
        # The JSON carries the figures themselves; a store row may carry only their count.
        figures=len(figures) if isinstance(figures, list) else int(figures or 0),
    )


# A cell starting with one of these is a formula to Excel and LibreOffice, in
# CSV as in XLSX: a file named "=HYPERLINK(...)" must stay a name.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any, csv: bool = True) -> Any:
    """A value safe in a spreadsheet: no control characters (XLSX cannot hold them), no formula.

    CSV has no cell types, so a formula is neutralised by Excel's own text
    marker, a leading apostrophe; XLSX keeps the text exact as a string cell.
    """
    if not isinstance(value, str):
        return value
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
    return "'" + value if csv and value.startswith(_FORMULA_START) else value


def _write_csv(records: list[Row], path: Path) -> Path:
    # The BOM is what makes Excel on Chinese Windows read the file as UTF-8, not GBK.
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADERS.values())
        for record in records:
            writer.writerow(
                "" if v is None else v.isoformat() if isinstance(v, dt.date) else _cell(v) for v in astuple(record)
            )
    return path


def _write_xlsx(records: list[Row], path: Path) -> Path:
    from openpyxl import Workbook  # loaded only when a sheet is written
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = "审核汇总"
    sheet.append(list(HEADERS.values()))
    for record in records:
        sheet.append([_cell(v, csv=False) for v in astuple(record)])
        for cell in sheet[sheet.max_row]:
            if cell.data_type == "f":  # openpyxl reads a leading "=" as a formula
                cell.data_type = "s"
    header_font, header_fill = Font(bold=True), PatternFill("solid", fgColor="DDE4EE")
    for cell in sheet[1]:
        cell.font, cell.fill = header_font, header_fill
        cell.alignment = Alignment(horizontal="center", vertical="center")
    names = list(HEADERS)
    for column, name in enumerate(names, start=1):
        letter = get_column_letter(column)
        values = [HEADERS[name]] + [_shown(getattr(r, name)) for r in records]
        # Excel counts widths in digits; a Chinese character takes two, the filter button about three.
        sheet.column_dimensions[letter].width = min(
            MAX_WIDTH, max(MIN_WIDTH, 3 + max(display_width(v) * 2 for v in values))
        )
        for cell in sheet[letter][1:]:
            if name == "published":
                cell.number_format = "yyyy-mm-dd"
            elif name == "score":
                cell.number_format = "0.0"
            elif name == "failed_titles":
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "B2"  # the header row and the file column stay in view
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(names))}{len(records) + 1}"
    book.save(path)
    return path


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
