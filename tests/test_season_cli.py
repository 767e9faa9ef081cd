"""`fazhi season` and `fazhi rules stats` as users run them: real processes, a real SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import seed_paths
from tests.test_cli import fazhi
from tests.workflow.conftest import SEED_UNITS, SILENT_UNIT


@pytest.fixture(scope="module")
def season_dir(tmp_path_factory) -> tuple[Path, dict]:
    base = tmp_path_factory.mktemp("season-cli")
    env = {"FAZHI_DATA_DIR": str(base / "data")}
    assert fazhi("ingest", "-q", *seed_paths(), env=env).returncode == 0
    made = fazhi("season", "create", "2024年度审核", "--year", "2024", "--submit-by", "2025-03-01",
                 "--publish-by", "2025-03-31", "--user", "管理员", env=env)
    assert made.returncode == 0, made.stderr.decode()
    roster = base / "roster.csv"
    roster.write_text("单位名称,层级\n" + "".join(f"{n},县级\n" for n in (*SEED_UNITS, SILENT_UNIT)),
                      encoding="utf-8-sig")
    assert fazhi("season", "roster", "1", roster, env=env).returncode == 0
    assert fazhi("season", "add", "1", "1", "2", "3", "4", "--received", "2025-02-20", env=env).returncode == 0
    assert fazhi("season", "add", "1", "5", "--received", "2025-03-05", env=env).returncode == 0
    return base, env


def test_roster_import_names_bad_rows_by_line_and_exits_1(season_dir) -> None:
    base, env = season_dir
    bad = base / "bad.csv"
    bad.write_text("单位名称,层级\n新增县,县级\n,县级\n某区,火星级\n", encoding="utf-8")
    fazhi("season", "create", "另一批次", "--year", "2024", "--submit-by", "2025-03-01",
          "--publish-by", "2025-03-31", env=env)
    result = fazhi("season", "roster", "另一批次", bad, env=env)
    assert result.returncode == 1
    assert "bad.csv 第3行: 单位名称为空" in result.stderr.decode() and "第4行" in result.stderr.decode()
    assert "导入 1 个单位" in result.stdout.decode()


def test_status_shows_five_of_six_and_the_missing_and_late_units(season_dir) -> None:
    base, env = season_dir
    result = fazhi("season", "status", "2024年度审核", "--export", base / "status.xlsx", env=env)
    shown = result.stdout.decode()
    assert result.returncode == 0, result.stderr.decode()
    assert "报送率 5/" in shown and f"未报送:{SILENT_UNIT}" in shown and "逾期报送:海原县人民政府" in shown
    assert (base / "status.xlsx").stat().st_size > 0


def test_summary_writes_the_docx_and_the_html(season_dir) -> None:
    base, env = season_dir
    result = fazhi("season", "summary", "1", "--out", base / "up", env=env)
    assert result.returncode == 0, result.stderr.decode()
    html = (base / "up" / "审核情况报告.html").read_text(encoding="utf-8")
    assert "报送率83.3%" in html and SILENT_UNIT in html and "<svg" in html
    assert (base / "up" / "审核情况报告.docx").stat().st_size > 0


def test_an_unknown_season_is_one_line_with_the_way_out(season_dir) -> None:
    _, env = season_dir
    result = fazhi("season", "status", "没有这个批次", env=env)
    assert result.returncode == 2 and "fazhi season list" in result.stderr.decode()
    assert "Traceback" not in result.stderr.decode()


def test_rules_stats_runs_on_a_season_without_decisions(season_dir) -> None:
    _, env = season_dir
    result = fazhi("rules", "stats", "--season", "1", env=env)
    assert result.returncode == 0 and "尚无审定记录" in result.stdout.decode()


def test_reanalyse_keeps_standing_decisions_and_lists_changes(season_dir) -> None:
    _, env = season_dir
    result = fazhi("season", "reanalyse", "1", env=env)
    shown = result.stdout.decode()
    assert result.returncode == 0, result.stderr.decode()
    # Same rulebook, same text: every finding stands, nothing to decide again.
    assert shown.count("变化的要点 0 条") == 5
