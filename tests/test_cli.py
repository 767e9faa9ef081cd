"""The CLI as users run it: real processes, real files, exit codes and output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import SEEDS, seed_paths

FAZHI = str(Path(sys.executable).with_name("fazhi"))
CONTRACT = {
    "source", "sha256", "format", "encoding", "title", "jurisdiction", "report_year", "published",
    "issuer", "doc_number", "noise", "error",
}


def fazhi(*args: str | Path, env: dict | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [FAZHI, *map(str, args)], capture_output=True, cwd=cwd,
        env={**os.environ, "COLUMNS": "200", **(env or {})},
    )


def test_analyze_json_gives_one_contract_object_per_input_line() -> None:
    result = fazhi("analyze", "--json", *seed_paths())
    assert result.returncode == 0, result.stderr.decode()
    lines = result.stdout.decode("utf-8").splitlines()
    assert len(lines) == 5
    for line, path in zip(lines, seed_paths()):
        row = json.loads(line)
        assert CONTRACT <= set(row)
        assert row["source"] == str(path) and row["error"] is None and row["format"] == "txt"
        for noise in row["noise"]:
            assert set(noise) >= {"offset", "length"}


def test_analyze_text_prints_exactly_the_text_offsets_index_into() -> None:
    path = SEEDS / "003_99cc702aae60f19d.txt"
    text_out = fazhi("analyze", "--text", path).stdout.decode("utf-8")
    assert text_out == path.read_text(encoding="utf-8")
    row = json.loads(fazhi("analyze", "--json", path).stdout)
    for noise in row["noise"]:
        assert text_out[noise["offset"] : noise["offset"] + noise["length"]].strip()
    ev = row["jurisdiction"]["evidence"]
    assert text_out[ev["offset"] : ev["offset"] + ev["length"]] == "绵阳市"


def test_a_bad_file_gets_an_error_object_and_the_others_are_analyzed(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    odd = tmp_path / "scan.jpg"
    odd.write_bytes(b"\xff\xd8\xff")
    paths = [seed_paths()[0], empty, odd, seed_paths()[1]]
    result = fazhi("analyze", "--json", *paths)
    assert result.returncode == 1
    rows = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [r["error"]["code"] if r["error"] else None for r in rows] == [None, "empty_file", "unsupported_format", None]
    assert all(CONTRACT <= set(r) for r in rows)
    assert rows[1]["error"]["message"].startswith(str(empty))
    assert b"Traceback" not in result.stderr


def test_analyze_table_is_chinese_and_lists_each_file() -> None:
    result = fazhi("analyze", *seed_paths())
    out = result.stdout.decode()
    assert result.returncode == 0
    for name in ("孝义市", "鞍山市", "开封市示范区", "绵阳市", "海原县", "功能区"):
        assert name in out


def test_ingest_list_show_round_trip(tmp_path: Path) -> None:
    env = {"FAZHI_DATA_DIR": str(tmp_path / "data")}
    first = fazhi("ingest", SEEDS, env=env)
    assert first.returncode == 0, first.stderr.decode()
    assert "新入库 5" in first.stdout.decode()
    again = fazhi("ingest", SEEDS, env=env)
    assert "已存在 5" in again.stdout.decode() and "内容相同" in again.stderr.decode()
    listing = fazhi("list", "--json", env=env)
    rows = [json.loads(line) for line in listing.stdout.decode().splitlines()]
    assert [r["jurisdiction"] for r in rows] == ["孝义市", "鞍山市", "开封市示范区", "绵阳市", "海原县"]
    shown = json.loads(fazhi("show", "2", "--json", env=env).stdout)
    assert shown["doc_number"] == "鞍委〔2024〕17号"
    text = fazhi("show", "2", "--text", env=env).stdout.decode()
    assert text == (SEEDS / "001_af86cdcbdf7cc7d9.txt").read_text(encoding="utf-8")


def test_ingest_exits_non_zero_when_a_file_failed_and_stores_the_rest(tmp_path: Path) -> None:
    env = {"FAZHI_DATA_DIR": str(tmp_path / "data")}
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.7 truncated")
    result = fazhi("ingest", bad, *seed_paths(), env=env)
    assert result.returncode == 1
    assert f"{bad}:" in result.stderr.decode()
    assert "新入库 5" in result.stdout.decode() and "失败 1" in result.stdout.decode()
    assert b"Traceback" not in result.stderr


def test_show_unknown_id_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    result = fazhi("show", "99", env={"FAZHI_DATA_DIR": str(tmp_path / "data")})
    assert result.returncode == 2
    assert "fazhi list" in result.stderr.decode() and b"Traceback" not in result.stderr


def test_unknown_setting_is_refused_with_the_known_ones(tmp_path: Path) -> None:
    config = tmp_path / "fazhi.toml"
    config.write_text('max_file_size = 10\n', encoding="utf-8")
    result = fazhi("list", "--config", config)
    assert result.returncode == 2
    err = result.stderr.decode()
    assert "max_file_size" in err and "max_file_mb" in err


def test_unreachable_database_is_one_line(tmp_path: Path) -> None:
    result = fazhi("list", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert result.returncode == 2
    assert "无法打开数据库" in result.stderr.decode() and b"Traceback" not in result.stderr


def test_a_folder_of_ten_thousand_files(tmp_path: Path) -> None:
    from fazhi.core.settings import Settings
    from fazhi.store import open_store
    from fazhi.store.ingest_run import ingest_paths

    folder = tmp_path / "inbox"
    for sub in range(10):
        (folder / f"d{sub}").mkdir(parents=True)
        for i in range(1000):
            name = folder / f"d{sub}" / f"r{i:04d}.txt"
            if i % 250 == 0:
                name.write_bytes(b"")  # a few broken ones among them
            else:
                name.write_text(f"示例县2023年度法治政府建设情况报告\n第{sub}-{i}份。", encoding="utf-8")
    settings = Settings(data_dir=tmp_path / "data")
    store = open_store(settings)
    outcomes = list(ingest_paths([folder], store, settings))
    assert len(outcomes) == 10_000
    failed = [o for o in outcomes if o.status == "failed"]
    assert len(failed) == 40 and all(o.error.code == "empty_file" for o in failed)
    assert store.count_reports() == 9_960


def test_review_writes_a_letter_per_report_and_a_summary(tmp_path: Path) -> None:
    out = tmp_path / "letters"
    result = fazhi("review", *seed_paths()[:2], "--out", out)
    assert result.returncode == 0, result.stderr.decode()
    table = result.stdout.decode()
    assert "孝义市" in table and "鞍山市" in table and "77.2" in table
    for path in seed_paths()[:2]:
        for suffix in ("md", "html", "docx"):
            assert (out / f"{path.stem}.审查意见.{suffix}").stat().st_size > 0
    assert (out / "summary.csv").exists() and (out / "summary.xlsx").exists()


def test_review_of_stored_reports_by_id_and_a_missing_id(tmp_path: Path) -> None:
    env = {"FAZHI_DATA_DIR": str(tmp_path / "data")}
    fazhi("ingest", seed_paths()[4], env=env)
    result = fazhi("review", "1", "7", "--out", tmp_path / "out", env=env)
    assert result.returncode == 1
    assert "没有编号为 7 的报告" in result.stderr.decode()
    markdown = (tmp_path / "out" / f"{seed_paths()[4].stem}.审查意见.md").read_text(encoding="utf-8")
    assert "海原县" in markdown and "原因" in markdown


def test_review_survives_control_characters_in_a_report(tmp_path: Path) -> None:
    report = tmp_path / "bell.txt"
    seed = seed_paths()[4].read_text(encoding="utf-8")
    report.write_text(seed.replace("法治政府建设", "法治政府建设\x07", 1), encoding="utf-8")
    result = fazhi("review", report, "--out", tmp_path / "out")
    assert result.returncode == 0, result.stderr.decode()
    assert (tmp_path / "out" / "bell.审查意见.docx").stat().st_size > 0


def test_review_out_onto_a_file_is_one_line(tmp_path: Path) -> None:
    target = tmp_path / "taken"
    target.write_text("x", encoding="utf-8")
    result = fazhi("review", seed_paths()[0], "--out", target)
    assert result.returncode == 2
    assert "无法写入输出目录" in result.stderr.decode() and b"Traceback" not in result.stderr


def test_letter_names_are_valid_on_windows(tmp_path: Path) -> None:
    from fazhi.cli.review import letter_stem

    taken: set[str] = set()
    assert letter_stem({"source": "CON.txt"}, taken) == "CON_.审查意见"
    assert letter_stem({"source": "a:b?.txt"}, taken) == "a_b_.审查意见"
    assert letter_stem({"source": "CON.txt"}, taken) == "CON_.审查意见-2"


def test_config_path_that_is_a_folder_is_one_line(tmp_path: Path) -> None:
    result = fazhi("list", "--config", tmp_path)
    assert result.returncode == 2
    assert "文件夹" in result.stderr.decode() and b"Traceback" not in result.stderr


def test_review_with_a_reviewer_signs_the_letter_off_and_without_one_marks_it_a_draft(tmp_path: Path) -> None:
    seed = seed_paths()[4]
    signed, draft = tmp_path / "signed", tmp_path / "draft"
    env = {"FAZHI_LETTER_OFFICE": "示例市依法治市办", "FAZHI_LETTER_DATE": "2025-03-20"}
    assert fazhi("review", seed, "--out", signed, "--reviewer", "王审核", env=env).returncode == 0
    assert fazhi("review", seed, "--out", draft).returncode == 0
    signed_md = (signed / f"{seed.stem}.审查意见.md").read_text(encoding="utf-8")
    draft_md = (draft / f"{seed.stem}.审查意见.md").read_text(encoding="utf-8")
    assert "初审稿" not in signed_md and "经审核人王审核复核" in signed_md
    assert "示例市依法治市办" in signed_md and "2025年3月20日" in signed_md
    assert draft_md.startswith("**初审稿（未经人工复核）**") and "（审核机关）" in draft_md
