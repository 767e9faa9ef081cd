"""The current list view as CSV or XLSX, for offices that work in Excel."""

from __future__ import annotations

import csv
import io

from fazhi.core.levels import LEVEL_NAMES

COLUMNS = [("id", "编号"), ("jurisdiction", "地区"), ("level", "级别"), ("province", "省份"), ("city", "地级市"),
           ("report_year", "年度"), ("published", "发布日期"), ("score", "得分"), ("title", "标题")]


def _cells(row: dict) -> list:
    values = []
    for key, _ in COLUMNS:
        value = row.get(key)
        if key == "level":
            value = LEVEL_NAMES.get(value or "", value)
        elif key == "published" and value is not None:
            value = value.isoformat()
        values.append(value)
    return values


def to_csv(rows: list[dict]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([name for _, name in COLUMNS])
    for row in rows:
        writer.writerow(["" if v is None else v for v in _cells(row)])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # the BOM makes Excel read it as UTF-8


def to_xlsx(rows: list[dict]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "报告列表"
    sheet.append([name for _, name in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        # A text cell starting with = would be a formula in Excel: keep it text.
        sheet.append([("'" + v) if isinstance(v, str) and v[:1] in "=+-@" else v for v in _cells(row)])
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for letter, width in zip("ABCDEFGHI", (6, 16, 8, 10, 12, 6, 12, 6, 60), strict=True):
        sheet.column_dimensions[letter].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
