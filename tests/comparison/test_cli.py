"""`fazhi compare` and `fazhi summary` as users run them: real processes, a real SQLite store."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook

from tests.comparison.support import DATA
from tests.conftest import seed_paths
from tests.test_cli import fazhi


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    data = tmp_path_factory.mktemp("store")
    env = {"FAZHI_DATA_DIR": str(data)}
    result = fazhi("ingest", "-q", *seed_paths(), DATA, env=env)
    assert result.returncode == 0, result.stderr.decode()
    return env, data


def test_table_json_lists_each_report_with_its_span(env) -> None:
    env, _ = env
    result = fazhi("compare", "table", "出庭应诉率", "--json", env=env)
    assert result.returncode == 0, result.stderr.decode()
    rows = [json.loads(line) for line in result.stdout.decode().splitlines()]
    table = [r for r in rows if r["sheet"] == "指标对比表"]
    assert {r["地区"] for r in table} >= {"鞍山市", "开封市示范区", "绵阳市", "海原县"}
    assert all(r["行政机关负责人出庭应诉率(%)位置"] for r in table)


def test_table_writes_csv_xlsx_and_a_chart(env, tmp_path) -> None:
    env, _ = env
    result = fazhi("compare", "table", "行政复议", "--csv", tmp_path / "t.csv", "--xlsx", tmp_path / "t.xlsx",
                   "--chart", tmp_path / "c.svg", env=env)
    assert result.returncode == 0, result.stderr.decode()
    assert (tmp_path / "t.csv").read_text(encoding="utf-8-sig").count("\n") > 5
    assert load_workbook(tmp_path / "t.xlsx").sheetnames == ["指标对比表", "指标汇总", "指标排名"]
    assert (tmp_path / "c.svg").read_text().lstrip().startswith("<?xml")


def test_an_unknown_indicator_is_one_line_naming_it(env) -> None:
    env, _ = env
    result = fazhi("compare", "table", "不存在的指标", env=env)
    assert result.returncode == 2
    assert "不存在的指标" in result.stderr.decode() and "Traceback" not in result.stderr.decode()


def test_reuse_of_a_report_prints_its_boilerplate_share(env) -> None:
    env, _ = env
    result = fazhi("compare", "reuse", "1", env=env)
    assert result.returncode == 0, result.stderr.decode()
    assert "套话约占" in result.stdout.decode()


def test_summary_writes_docx_and_html(env, tmp_path) -> None:
    env, _ = env
    result = fazhi("summary", "--out", tmp_path, env=env)
    assert result.returncode == 0, result.stderr.decode()
    assert (tmp_path / "年度汇总.docx").stat().st_size > 10_000
    assert "<svg" in (tmp_path / "年度汇总.html").read_text(encoding="utf-8")
