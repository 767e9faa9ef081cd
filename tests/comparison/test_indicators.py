"""Indicator tables on the five seeds and the examples: every report that states 行政复议 or
出庭应诉率 is listed, the values match the gold figures, and no column mixes units or measures."""

from __future__ import annotations

from decimal import Decimal

import pytest

from fazhi.corpus.indicators import MEASURES, indicator_table, indicators_named
from fazhi.figures.catalog import catalog
from tests.comparison.support import record_from_path
from tests.conftest import EXAMPLES, gold, seed_paths


@pytest.fixture(scope="module")
def table():
    paths = [*seed_paths(), *sorted(EXAMPLES.iterdir())]
    records = [record_from_path(p, i) for i, p in enumerate(paths, start=1)]
    items = [(i.id, i.name) for i in catalog().indicators]
    wanted = indicators_named("行政复议", items) + indicators_named("出庭应诉率", items)
    return indicator_table(records, wanted), paths


def _gold_figures(path, words: tuple[str, ...]) -> list[dict]:
    return [f for f in gold(path)["figures"] if any(w in f["what"] for w in words)]


@pytest.mark.parametrize("words", [("复议",), ("出庭",)])
def test_every_seed_that_states_the_indicator_is_listed(table, words) -> None:
    tab, paths = table
    listed = {r.report.id for r in tab.rows}
    for i, path in enumerate(seed_paths(), start=1):
        stated = [f for f in _gold_figures(path, words) if not (words == ("出庭",) and f["unit"] != "%")]
        if stated:
            assert i in listed, f"{path.name} states {stated[0]['text']} but is not in the table"


def test_every_cell_matches_the_gold_figure_at_its_offset(table) -> None:
    tab, paths = table
    checked = 0
    for row in tab.rows:
        path = paths[row.report.id - 1]
        if path.parent != seed_paths()[0].parent:
            continue
        by_offset = {f["offset"]: f for f in gold(path)["figures"]}
        for cell in row.cells.values():
            g = by_offset.get(cell.start)
            assert g is not None, f"{path.name}: {cell.surface} at {cell.start} is not a gold figure"
            assert g["text"] == cell.surface and Decimal(str(g["value"])) == cell.value
            checked += 1
    assert checked >= 15


def test_the_examples_that_state_them_are_listed_too(table) -> None:
    tab, paths = table
    names = {paths[r.report.id - 1].name for r in tab.rows}
    assert {"示例县2024年度法治政府建设情况报告.txt", "示例市司法局2024年法治政府建设年度报告.docx"} <= names


def test_no_column_mixes_units_or_measures(table) -> None:
    tab, _ = table
    for row in tab.rows:
        for column, cell in row.cells.items():
            assert cell.unit == column.unit
            assert MEASURES.get(cell.compare, "level") == column.measure
    rates = [c for c in tab.columns if c.indicator == "disputes.court_appearance_rate"]
    assert [c.unit for c in rates] == ["%"]


def test_ranking_puts_the_largest_first_and_ties_share_a_rank(table) -> None:
    tab, _ = table
    column = next(c for c in tab.columns if c.indicator == "disputes.court_appearance_rate")
    ranked = tab.ranking(column)
    values = [row.cells[column].value for _, row in ranked]
    assert values == sorted(values, reverse=True)
    assert [rank for rank, row in ranked if row.cells[column].value == values[0]] == [1] * values.count(values[0])


def test_filters_select_by_level_year_and_failed_rule(table) -> None:
    from fazhi.corpus.model import ReportFilter

    tab, _ = table
    records = [row.report for row in tab.rows]
    counties = [r for r in records if ReportFilter(level="county", year=2023).matches(r)]
    assert [r.jurisdiction for r in counties] == ["海原县"]
    failing = [r for r in records if ReportFilter(failed_rule="parts.reasons").matches(r)]
    assert failing and all("parts.reasons" in r.failed_rules() for r in failing)
