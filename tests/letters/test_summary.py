"""The summary sheet: one row per report, as CSV with a BOM and as XLSX with header, panes, widths and filter."""

from __future__ import annotations

import csv
import datetime as dt

import openpyxl
import pytest

from fazhi.letters import write_summary
from fazhi.letters.summary import HEADERS
from tests.letters.conftest import NAMES


@pytest.fixture(scope="module")
def sheets(analyses, tmp_path_factory: pytest.TempPathFactory):
    return write_summary([analyses[name][0] for name in NAMES], tmp_path_factory.mktemp("summary"))


@pytest.fixture(scope="module")
def csv_rows(sheets) -> list[dict[str, str]]:
    with sheets["csv"].open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_starts_with_a_bom_so_excel_reads_utf8(sheets) -> None:
    assert sheets["csv"].read_bytes().startswith(b"\xef\xbb\xbf")


def test_csv_has_one_row_per_report_with_the_headers(csv_rows) -> None:
    assert len(csv_rows) == len(NAMES)
    assert list(csv_rows[0]) == list(HEADERS.values())


def test_csv_rows_carry_identity_score_verdict_and_failed_rules(csv_rows, analyses, letters) -> None:
    for row, name in zip(csv_rows, NAMES, strict=True):
        analysis = analyses[name][0]
        failed = [f["rule"] for f in analysis["findings"] if f["status"] == "failed"]
        assert row["报告单位"] == analysis["jurisdiction"]["name"]
        assert row["报告年度"] == str(analysis["report_year"])
        assert float(row["得分"]) == analysis["score"]["total"]
        assert row["审核结论"] == letters[name].verdict.label
        assert sorted(row["未通过规则"].split("; ")) == sorted(failed)
        assert int(row["数字个数"]) == len(analysis["figures"])


def test_xlsx_reopens_with_one_row_per_report(sheets, analyses) -> None:
    sheet = openpyxl.load_workbook(sheets["xlsx"]).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == list(HEADERS.values())
    assert [r[1] for r in rows[1:]] == [analyses[n][0]["jurisdiction"]["name"] for n in NAMES]


def test_xlsx_keeps_numbers_and_dates_typed(sheets) -> None:
    sheet = openpyxl.load_workbook(sheets["xlsx"]).active
    columns = list(HEADERS)
    scores = [row[columns.index("score")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    dates = [row[columns.index("published")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    # A whole score (76.0) comes back from the sheet as 76: still a number, not text.
    assert all(isinstance(s, int | float) and not isinstance(s, bool) for s in scores)
    assert any(isinstance(d, dt.datetime) for d in dates)


def test_xlsx_has_frozen_header_widths_and_a_filter(sheets) -> None:
    sheet = openpyxl.load_workbook(sheets["xlsx"]).active
    assert sheet.freeze_panes == "B2"
    assert sheet.auto_filter.ref == f"A1:K{len(NAMES) + 1}"
    assert all(sheet.column_dimensions[c].width >= 8 for c in "ABCDEFGHIJK")


def test_a_failed_analysis_gets_a_row_that_says_so(tmp_path) -> None:
    paths = write_summary(
        [{"source": "bad.pdf", "error": {"code": "corrupt_file"}, "findings": [], "score": None}], tmp_path
    )
    with paths["csv"].open(encoding="utf-8-sig", newline="") as handle:
        (row,) = list(csv.DictReader(handle))
    assert row["文件"] == "bad.pdf" and row["审核结论"] == "无法评定" and row["得分"] == ""


def test_the_header_row_and_the_record_do_not_drift_apart() -> None:
    from dataclasses import fields

    from fazhi.letters.summary import Row

    assert list(HEADERS) == [f.name for f in fields(Row)]
