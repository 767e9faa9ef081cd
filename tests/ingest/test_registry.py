"""Bad input at the front door: each gets one line naming the file and what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from fazhi.core.errors import EmptyFile, FileNotFound, FileTooLarge, InputError, NotText, UnsupportedFormat
from fazhi.core.settings import Settings
from fazhi.ingest import read_path


def _one_line(exc: Exception, path: Path) -> str:
    line = exc.one_line()
    assert str(path) in line and "\n" not in line
    return line


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "空报告.txt"
    path.write_bytes(b"")
    with pytest.raises(EmptyFile) as info:
        read_path(path, Settings())
    assert "空" in _one_line(info.value, path)


def test_whitespace_only_file_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text("  \n\n\u3000\n", encoding="utf-8")
    with pytest.raises(EmptyFile):
        read_path(path, Settings())


def test_binary_file_named_txt(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    with pytest.raises(NotText) as info:
        read_path(path, Settings())
    _one_line(info.value, path)


@pytest.mark.parametrize("suffix", [".doc", ".wps", ".xls", ".jpg", ""])
def test_unsupported_extension_names_the_supported_ones(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"报告{suffix}"
    path.write_bytes(b"anything")
    with pytest.raises(UnsupportedFormat) as info:
        read_path(path, Settings())
    line = _one_line(info.value, path)
    assert ".docx" in line and ".pdf" in line


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:  # sparse: 3 MB on paper, nothing on disk
        handle.truncate(3 * 1024 * 1024)
    with pytest.raises(FileTooLarge) as info:
        read_path(path, Settings(max_file_mb=2))
    assert "max_file_mb" in _one_line(info.value, path)


def test_default_size_limit_is_50_mb() -> None:
    assert Settings().max_file_bytes == 50 * 1024 * 1024


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.txt"
    with pytest.raises(FileNotFound):
        read_path(path, Settings())


def test_folder_given_to_the_reader(tmp_path: Path) -> None:
    folder = tmp_path / "reports.txt"
    folder.mkdir()
    with pytest.raises(InputError) as info:
        read_path(folder, Settings())
    assert "文件夹" in _one_line(info.value, folder)
