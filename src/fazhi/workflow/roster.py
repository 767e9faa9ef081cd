"""The roster from a CSV or XLSX file: one unit a row, bad rows reported by line, the rest kept."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from fazhi.core.errors import InputError
from fazhi.core.levels import LEVEL_NAMES, LEVELS
from fazhi.workflow.model import Unit

# Header names officials write, mapped to fields. The first row must name the
# unit column; the others are optional and may come in any order.
COLUMNS = {
    "name": ("单位名称", "单位", "名称", "name", "unit"),
    "level": ("层级", "级别", "level"),
    "parent": ("上级单位", "上级", "parent"),
    "contact": ("联系人", "联系方式", "contact"),
}
# Levels as offices write them: the Chinese names, the codes, and common variants.
_LEVEL_WORDS = {**{v: k for k, v in LEVEL_NAMES.items()}, **{k: k for k in LEVELS},
                "省": "province", "市": "city", "地市": "city", "县": "county", "县区": "county",
                "区": "district", "开发区": "zone", "乡镇街道": "township", "街道": "township"}


@dataclass(frozen=True, slots=True)
class RosterProblem:
    line: int  # 1-based, the header is line 1
    message: str

    def one_line(self, source: str) -> str:
        return f"{source} 第{self.line}行: {self.message}"


@dataclass(frozen=True, slots=True)
class Roster:
    units: tuple[Unit, ...]
    problems: tuple[RosterProblem, ...]


def read_roster(path: Path) -> Roster:
    """Read a roster file; a file that is not a table at all is an InputError, a bad row is a problem."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"无法读取名单文件: {exc.strerror}", source=str(path), hint="检查文件路径") from None
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return parse_roster(_xlsx_rows(data, str(path)))
    if suffix in (".csv", ".txt"):
        return parse_roster(csv.reader(io.StringIO(_decode(data))))
    raise InputError("名单文件须为 CSV 或 XLSX", source=str(path), hint="在 Excel 中另存为 .xlsx 或 .csv")


def _decode(data: bytes) -> str:
    # Excel on Chinese Windows saves CSV as GBK unless told otherwise.
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def _xlsx_rows(data: bytes, source: str) -> list[list[str]]:
    from openpyxl import load_workbook  # loaded only when a workbook is read

    try:
        sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds for a damaged file
        raise InputError("无法打开 XLSX 名单", source=source, hint="在 Excel 中打开并另存为 .xlsx 后重试") from None
    return [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]


def parse_roster(rows: Iterable[Sequence[str]]) -> Roster:
    rows = iter(rows)
    header = next(rows, None)
    if header is None:
        return Roster((), (RosterProblem(1, "文件为空,应有表头行(单位名称、层级、上级单位、联系人)"),))
    index = _header(header)
    if "name" not in index:
        return Roster((), (RosterProblem(1, "表头中没有“单位名称”列"),))
    units: list[Unit] = []
    problems: list[RosterProblem] = []
    seen: dict[str, int] = {}
    for line, row in enumerate(rows, start=2):
        cells = {field: _cell(row, col) for field, col in index.items()}
        if not any(cell.strip() for cell in row if cell):
            continue  # blank lines between blocks are common in offices' sheets
        name = cells["name"]
        if not name:
            problems.append(RosterProblem(line, "单位名称为空"))
            continue
        if name in seen:
            problems.append(RosterProblem(line, f"“{name}”与第{seen[name]}行重复"))
            continue
        level_text = cells.get("level") or ""
        level = _LEVEL_WORDS.get(level_text) if level_text else None
        if level_text and level is None:
            known = "、".join(LEVEL_NAMES.values())
            problems.append(RosterProblem(line, f"层级“{level_text}”无法识别(可填:{known})"))
            continue
        seen[name] = line
        units.append(Unit(name=name, level=level, parent=cells.get("parent") or None,
                          contact=cells.get("contact") or None))
    return Roster(tuple(units), tuple(problems))


def _header(header: Sequence[str]) -> dict[str, int]:
    index: dict[str, int] = {}
    for col, title in enumerate(header):
        title = (title or "").strip().lower()
        for field, names in COLUMNS.items():
            if title in names and field not in index:
                index[field] = col
    return index


def _cell(row: Sequence[str], col: int) -> str:
    return (row[col] or "").strip() if col < len(row) else ""
