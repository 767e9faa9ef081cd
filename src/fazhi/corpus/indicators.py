"""Indicator tables: reports × catalog indicators, one column per comparable quantity.

A column holds one indicator in one unit and one measure (a level, a base
year's level, or a change). 出庭应诉率 95% beside 出庭应诉 12件, or 增长20% beside
a level, would compare apples with pears: they go to separate columns, never
silently into one.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from fazhi.corpus.model import ReportRecord

MEASURES = {None: "level", "to": "level", "from": "base", "increase": "change", "decrease": "change"}
MEASURE_NAMES = {"level": "", "base": "(基期)", "change": "(增减)"}


@dataclass(frozen=True, slots=True)
class Column:
    indicator: str
    unit: str
    measure: str  # level | base | change

    def title(self, names: Mapping[str, str]) -> str:
        unit = f"({self.unit})" if self.unit else ""
        return f"{names.get(self.indicator, self.indicator)}{MEASURE_NAMES[self.measure]}{unit}"


@dataclass(frozen=True, slots=True)
class Cell:
    value: Decimal
    approx: bool
    unit: str
    compare: str | None
    surface: str
    start: int
    end: int
    label: str | None
    others: int = 0  # further figures of the same column in the report (the first is shown)

    @property
    def shown(self) -> str:
        sign = "-" if self.compare == "decrease" else ""
        mark = "≈" if self.approx else ""
        more = f" (另{self.others}处)" if self.others else ""
        return f"{mark}{sign}{_plain(self.value)}{more}"


@dataclass(frozen=True, slots=True)
class Row:
    report: ReportRecord
    cells: Mapping[Column, Cell]


@dataclass(frozen=True, slots=True)
class ColumnSummary:
    column: Column
    reports: int
    median: Decimal | None
    q1: Decimal | None
    q3: Decimal | None


@dataclass(frozen=True, slots=True)
class IndicatorTable:
    indicators: tuple[str, ...]
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    summaries: tuple[ColumnSummary, ...]

    def ranking(self, column: Column, descending: bool = True) -> list[tuple[int, Row]]:
        """Rows that have the column, best first, with their rank (ties share one)."""
        have = [r for r in self.rows if column in r.cells]
        have.sort(key=lambda r: r.cells[column].value, reverse=descending)
        out: list[tuple[int, Row]] = []
        for i, row in enumerate(have):
            same = out and out[-1][1].cells[column].value == row.cells[column].value
            out.append((out[-1][0] if same else i + 1, row))
        return out


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


def to_decimal(value: Any) -> Decimal:
    # Through str: a float from JSON (0.1) must not carry binary noise into the table.
    return Decimal(str(value))


def figure_cells(record: ReportRecord, wanted: frozenset[str]) -> Iterable[tuple[Column, Cell]]:
    for f in record.analysis.get("figures") or ():
        ind = f.get("indicator")
        if ind not in wanted or f.get("value") is None:
            continue
        start = f["offset"]
        end = start + len(f["text"])
        measure = MEASURES.get(f.get("compare"), "level")
        yield Column(ind, f.get("unit") or "", measure), Cell(
            to_decimal(f["value"]), bool(f.get("approx")), f.get("unit") or "", f.get("compare"),
            f["text"], start, end, f.get("label"),
        )


def indicator_table(reports: Sequence[ReportRecord], indicators: Sequence[str]) -> IndicatorTable:
    wanted = frozenset(indicators)
    rows: list[Row] = []
    for record in reports:
        cells: dict[Column, Cell] = {}
        for column, cell in figure_cells(record, wanted):
            if column in cells:
                first = cells[column]
                cells[column] = Cell(**{**_fields(first), "others": first.others + 1})
            else:
                cells[column] = cell
        if cells:
            rows.append(Row(record, cells))
    order = {ind: i for i, ind in enumerate(indicators)}
    columns = sorted({c for r in rows for c in r.cells},
                     key=lambda c: (order[c.indicator], list(MEASURE_NAMES).index(c.measure), c.unit))
    summaries = tuple(_summary(c, [r.cells[c].value for r in rows if c in r.cells]) for c in columns)
    return IndicatorTable(tuple(indicators), tuple(columns), tuple(rows), summaries)


def _fields(cell: Cell) -> dict[str, Any]:
    return {name: getattr(cell, name) for name in Cell.__slots__}


def _summary(column: Column, values: list[Decimal]) -> ColumnSummary:
    if not values:
        return ColumnSummary(column, 0, None, None, None)
    if len(values) == 1:
        return ColumnSummary(column, 1, values[0], values[0], values[0])
    q1, q2, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return ColumnSummary(column, len(values), Decimal(q2), Decimal(q1), Decimal(q3))


def indicators_named(query: str, catalog_items: Iterable[tuple[str, str]]) -> list[str]:
    """Catalog ids whose id or Chinese name holds ``query`` (行政复议 → every 复议 indicator)."""
    return [i for i, name in catalog_items if query == i or query in name]
