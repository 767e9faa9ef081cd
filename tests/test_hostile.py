"""Issue 7's hostile inputs, each built here, each run through `fazhi` as a user would.

Every case asserts its one line, that the batch went on (a good file after the
bad one is stored or read), and for the heavy ones the child's peak memory and
a time bound set by the per-file limit.
"""

from __future__ import annotations

import csv
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.support import hostile
from tests.support.measured import run_fazhi

# The per-file limit the heavy cases run under: a refusal must come well
# within it (the whole run, interpreter start included, on a busy CI machine).
LIMIT_S = 20
SLACK_S = 25
PEAK_MB = 700


def _env(tmp_path: Path, **extra: str) -> dict:
    return {"FAZHI_DATA_DIR": str(tmp_path / "data"), "FAZHI_MAX_SECONDS_PER_FILE": str(LIMIT_S), **extra}


def _stored(tmp_path: Path) -> list[str]:
    with sqlite3.connect(tmp_path / "data" / "fazhi.sqlite3") as db:
        return [row[0] for row in db.execute("SELECT source FROM reports ORDER BY id")]


def _rows(tmp_path: Path) -> list[tuple]:
    with sqlite3.connect(tmp_path / "data" / "fazhi.sqlite3") as db:
        rows = db.execute("SELECT r.id, r.sha256, r.text, r.analysis, o.content FROM reports r "
                          "JOIN originals o ON o.sha256 = r.sha256 ORDER BY r.id").fetchall()
    return rows


def _only_lines(run, *needles: str) -> None:
    """No traceback, and each needle on exactly one line of stderr."""
    assert "Traceback" not in run.stderr, run.stderr
    for needle in needles:
        assert sum(needle in line for line in run.lines()) == 1, (needle, run.stderr)


def test_gbk_named_file_is_stored_under_a_readable_name(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    hostile.gbk_name(folder)
    hostile.good_txt(folder / "z.txt", "z")
    run = run_fazhi("ingest", folder, env=_env(tmp_path))
    assert run.returncode == 0, run.stderr
    assert sorted(Path(s).name for s in _stored(tmp_path)) == ["z.txt", "示例市法治报告.txt"]


def test_gbk_named_file_gets_a_whole_letter(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    hostile.gbk_name(folder)
    run = run_fazhi("review", folder, "--out", tmp_path / "out", env=_env(tmp_path))
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "out" / "示例市法治报告.审查意见.md").stat().st_size > 0


def test_page_with_an_unknown_charset_label_is_read(tmp_path: Path) -> None:
    page = hostile.unknown_charset_html(tmp_path / "u.html")
    run = run_fazhi("analyze", "--json", page, env=_env(tmp_path))
    assert run.returncode == 0, run.stderr
    assert '"error": null' in run.stdout and "2023" in run.stdout


@pytest.mark.parametrize(("start", "fmt"), [(10**11, "lowerLetter"), (10**15, "upperRoman")])
def test_list_numbering_far_beyond_word_is_written_in_digits(tmp_path: Path, start: int, fmt: str) -> None:
    doc = hostile.numbering_docx(tmp_path / "n.docx", start, fmt)
    run = run_fazhi("analyze", "--text", doc, env=_env(tmp_path))
    assert run.returncode == 0, run.stderr
    assert f"{start}.一、主要举措和成效" in run.stdout
    assert run.seconds < LIMIT_S and run.peak_mb < PEAK_MB


def test_fifo_and_device_links_are_refused_without_reading(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    hostile.fifo(folder / "fifo.txt")
    hostile.device_link(folder / "a.txt", "/dev/zero")
    hostile.device_link(folder / "b.pdf", "/dev/urandom")
    hostile.good_txt(folder / "z.txt")
    earlier = hostile.good_txt(tmp_path / "earlier.txt", "earlier")
    assert run_fazhi("ingest", earlier, env=_env(tmp_path)).returncode == 0
    before = _rows(tmp_path)
    run = run_fazhi("ingest", folder, env=_env(tmp_path), timeout=LIMIT_S + SLACK_S)
    assert run.returncode == 1
    _only_lines(run, "fifo.txt: 不是普通文件(命名管道)", "a.txt: 不是普通文件(字符设备)", "b.pdf: 不是普通文件(字符设备)")
    assert [Path(s).name for s in _stored(tmp_path)] == ["earlier.txt", "z.txt"]
    assert _rows(tmp_path)[: len(before)] == before  # nothing stored was touched
    assert run.seconds < LIMIT_S and run.peak_mb < PEAK_MB


def test_docx_whose_body_part_is_190_mb_is_refused_before_parsing(tmp_path: Path) -> None:
    doc = hostile.huge_xml_docx(tmp_path / "big.docx", 190)
    assert doc.stat().st_size < 50 * hostile.MB  # within max_file_mb, and within both zip limits
    run = run_fazhi("analyze", doc, hostile.good_txt(tmp_path / "z.txt"), env=_env(tmp_path))
    assert run.returncode == 1
    _only_lines(run, "部件 word/document.xml 解压后 190 MB,超过单个部件的上限 50 MB")
    assert "示例市人民政府" in run.stdout  # the good file after it was read
    assert run.seconds < LIMIT_S and run.peak_mb < PEAK_MB


@pytest.fixture(scope="module")
def huge_docx(tmp_path_factory) -> Path:
    return hostile.huge_xml_docx(tmp_path_factory.mktemp("huge") / "big.docx", 190)


def test_a_file_over_the_time_limit_is_stopped_and_the_batch_goes_on(tmp_path: Path, huge_docx: Path) -> None:
    # The part limit raised, so the parser (C code, lxml) really runs into the deadline.
    env = _env(tmp_path, FAZHI_MAX_PART_MB="300", FAZHI_MAX_SECONDS_PER_FILE="4", FAZHI_WORKERS="1")
    run = run_fazhi("analyze", huge_docx, hostile.good_txt(tmp_path / "z.txt"), env=env)
    assert run.returncode == 1
    _only_lines(run, "big.docx: 处理时间超过上限 4 秒")
    assert "示例市人民政府" in run.stdout
    assert run.seconds < 4 + SLACK_S


def test_a_file_over_the_memory_cap_is_stopped_and_the_batch_goes_on(tmp_path: Path) -> None:
    # The stream limits raised, so pdfminer really inflates the gigabyte.
    pdf = hostile.pdf_bomb(tmp_path / "bomb.pdf", 1024, 1)
    env = _env(tmp_path, FAZHI_MAX_PART_MB="4000", FAZHI_MAX_UNZIPPED_MB="4000", FAZHI_MAX_MEMORY_MB="700",
               FAZHI_WORKERS="1")
    run = run_fazhi("analyze", pdf, hostile.good_txt(tmp_path / "z.txt"), env=env)
    assert run.returncode == 1
    _only_lines(run, "bomb.pdf: 处理时所需内存超过上限 700 MB")
    assert "示例市人民政府" in run.stdout
    assert run.peak_mb < 800


@pytest.mark.parametrize("pages", [1, 4])
def test_pdf_stream_bomb_is_refused_within_the_limit(tmp_path: Path, pages: int) -> None:
    pdf = hostile.pdf_bomb(tmp_path / "bomb.pdf", 1024, pages)
    assert pdf.stat().st_size < 5 * hostile.MB
    run = run_fazhi("analyze", pdf, env=_env(tmp_path))
    assert run.returncode == 1
    _only_lines(run, "bomb.pdf: PDF 内的一个数据流解压后超过单个数据流的上限 50 MB")
    assert run.seconds < LIMIT_S and run.peak_mb < PEAK_MB


def test_text_file_far_longer_than_any_report_is_refused_quickly(tmp_path: Path) -> None:
    txt = hostile.big_txt(tmp_path / "big.txt", 49)
    run = run_fazhi("analyze", txt, env=_env(tmp_path))
    assert run.returncode == 1
    _only_lines(run, "big.txt: 读出的文字过多")
    assert run.seconds < LIMIT_S and run.peak_mb < PEAK_MB


def test_utf8_text_missing_its_last_byte_is_read_but_for_that_character(tmp_path: Path) -> None:
    cut = hostile.truncated_utf8(tmp_path / "cut.txt")
    run = run_fazhi("analyze", "--text", cut, env=_env(tmp_path))
    assert run.returncode == 0, run.stderr
    assert run.stdout == hostile.REPORT.rstrip("\n")[:-1]


@pytest.mark.parametrize("name", ["[red]x.txt", "[bogus].txt", "a\\[b.txt"])
def test_file_names_with_markup_are_shown_as_they_are(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / name).write_bytes(b"")  # an empty file: its failure line names it
    run = run_fazhi("ingest", folder, env=_env(tmp_path))
    _only_lines(run, f"{folder / name}: 文件是空的")


def test_escape_sequences_in_file_names_never_reach_the_terminal(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "\x1b[31mred.txt").write_bytes(b"")
    run = run_fazhi("ingest", folder, env=_env(tmp_path))
    assert "\x1b" not in run.stderr
    _only_lines(run, "\\x1b[31mred.txt: 文件是空的")


def test_error_lines_stay_whole_in_a_log_file(tmp_path: Path) -> None:
    folder = tmp_path / ("很长的文件夹名称" * 8)
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    run = run_fazhi("ingest", folder, env={**_env(tmp_path), "COLUMNS": ""})
    _only_lines(run, f"{folder / 'empty.txt'}: 文件是空的(确认文件已完整保存或下载)")


def test_a_name_of_80_chinese_characters_gets_its_letter(tmp_path: Path) -> None:
    report = hostile.good_txt(tmp_path / ("法" * 80 + ".txt"))
    run = run_fazhi("review", report, "--out", tmp_path / "out", env=_env(tmp_path))
    assert run.returncode == 0, run.stderr
    letters = sorted(p.name for p in (tmp_path / "out").glob("*.docx"))
    assert len(letters) == 1 and len(os.fsencode(letters[0])) <= 255 and letters[0].startswith("法" * 60)


def test_summary_cells_hold_no_formula_and_no_control_character(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    folder = tmp_path / "in"
    folder.mkdir()
    hostile.good_txt(folder / "=1+2.txt", "a")
    hostile.good_txt(folder / "a\x01b.txt", "b")
    run = run_fazhi("review", folder, "--out", tmp_path / "out", env=_env(tmp_path))
    assert run.returncode == 0, run.stderr
    sheet = load_workbook(tmp_path / "out" / "summary.xlsx").active
    cells = {sheet.cell(row, 1).value: sheet.cell(row, 1).data_type for row in (2, 3)}
    assert cells == {"=1+2.txt": "s", "a\ufffdb.txt": "s"}
    with (tmp_path / "out" / "summary.csv").open(encoding="utf-8-sig") as handle:
        names = {row[0] for row in list(csv.reader(handle))[1:]}
    assert "'=1+2.txt" in names


def test_an_id_beyond_64_bits_is_one_line(tmp_path: Path) -> None:
    run = run_fazhi("show", "99999999999999999999", env=_env(tmp_path))
    assert run.returncode == 2 and "Traceback" not in run.stderr and "9223372036854775807" in run.stderr


@pytest.mark.parametrize("how", ["toml", "env"])
def test_an_infinite_limit_is_one_line(tmp_path: Path, how: str) -> None:
    config = tmp_path / "fazhi.toml"
    config.write_text("max_file_mb = 1e400\n", encoding="utf-8")
    env = {"FAZHI_CONFIG": str(config)} if how == "toml" else {"FAZHI_MAX_FILE_MB": "inf"}
    run = run_fazhi("list", env={**_env(tmp_path), **env})
    assert run.returncode == 2
    _only_lines(run, "max_file_mb: 应为有限的数字")


def test_control_characters_in_the_reviewer_are_dropped(tmp_path: Path) -> None:
    report = hostile.good_txt(tmp_path / "r.txt")
    run = run_fazhi("review", report, "--reviewer", "示例\x01办", "--out", tmp_path / "out", env=_env(tmp_path))
    assert run.returncode == 0, run.stderr
    assert "示例办" in (tmp_path / "out" / "r.审查意见.md").read_text(encoding="utf-8")


def test_an_unsupported_database_says_which_are(tmp_path: Path) -> None:
    run = run_fazhi("list", "--db", "mysql://u@h/db", env=_env(tmp_path))
    assert run.returncode == 2
    _only_lines(run, "pip install 'fazhi[postgres]'")


def test_ctrl_c_says_what_was_kept(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(300):
        hostile.good_txt(folder / f"r{i:03d}.txt", str(i))
    def some_stored() -> bool:
        try:
            return len(_stored(tmp_path)) > 0
        except sqlite3.Error:  # not made yet, or being migrated
            return False

    run = run_fazhi("ingest", folder, env=_env(tmp_path), interrupt_when=some_stored)
    assert run.returncode == 130, run.stderr
    assert "Traceback" not in run.stderr and run.lines()[-1].startswith("已中断")
    assert 0 < len(_stored(tmp_path)) < 300


@pytest.fixture
def small_disk(tmp_path: Path):
    """A 2 MB file system of its own (tmpfs; the tests run as root, as CI does)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mount], check=True)
    yield mount
    subprocess.run(["umount", "-l", mount], check=True)


def test_a_full_disk_names_each_file_it_could_not_store(tmp_path: Path, small_disk: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(60):
        hostile.good_txt(folder / f"r{i:02d}.txt", "填充" * 4000 + str(i))
    run = run_fazhi("ingest", folder, env={"FAZHI_DATA_DIR": str(small_disk)})
    assert run.returncode == 1 and "Traceback" not in run.stderr
    failures = [line for line in run.lines() if line.startswith("✗ 失败")]
    assert failures and all(f"{folder}/r" in line and "disk is full" in line for line in failures)
    listed = run_fazhi("list", "--json", env={"FAZHI_DATA_DIR": str(small_disk)})
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) == 60 - len(failures)


def test_a_full_disk_leaves_no_empty_letters(tmp_path: Path, small_disk: Path) -> None:
    report = hostile.good_txt(tmp_path / "r.txt")
    (small_disk / "filler").write_bytes(b"x" * (2 * hostile.MB - 8192))
    run = run_fazhi("review", report, "--out", small_disk / "out", env=_env(tmp_path))
    assert run.returncode != 0 and "Traceback" not in run.stderr
    assert [p for p in (small_disk / "out").iterdir() if p.stat().st_size == 0] == []


def test_a_read_only_database_can_still_be_listed(tmp_path: Path, small_disk: Path) -> None:
    env = {"FAZHI_DATA_DIR": str(small_disk)}
    assert run_fazhi("ingest", hostile.good_txt(tmp_path / "r.txt"), env=env).returncode == 0
    subprocess.run(["mount", "-o", "remount,ro", small_disk], check=True)
    listed = run_fazhi("list", "--json", env=env)
    assert listed.returncode == 0, listed.stderr
    assert len(listed.stdout.splitlines()) == 1
