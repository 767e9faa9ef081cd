"""The DOCX letters open in LibreOffice: all five converted to PDF in one soffice call."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from fazhi.core.settings import Settings
from fazhi.ingest import read_path
from tests.letters.conftest import NAMES, short

PACKAGE = "libreoffice-writer-nogui"
SEEDS = pytest.mark.parametrize("name", NAMES, ids=short)


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    # Not a skip: the letters must open in LibreOffice, and CI installs it.
    assert found, f"LibreOffice is missing: apt-get install {PACKAGE}"
    return found


def test_libreoffice_is_installed() -> None:
    soffice()


@pytest.fixture(scope="module")
def pdfs(written, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out_dir = tmp_path_factory.mktemp("pdf")
    # A fresh profile: a user's running LibreOffice or a stale profile would block or slow the conversion.
    profile = (out_dir / "profile").as_uri()
    docs = [str(written[name]["docx"]) for name in NAMES]
    command = [
        soffice(),
        f"-env:UserInstallation={profile}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(out_dir),
        *docs,
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=240, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return {name: out_dir / f"{short(name)}.pdf" for name in NAMES}


@SEEDS
def test_docx_converts_to_a_pdf(name, pdfs) -> None:
    assert pdfs[name].is_file() and pdfs[name].read_bytes().startswith(b"%PDF")


@SEEDS
def test_pdf_has_a_text_layer_with_the_jurisdiction(name, pdfs, letters) -> None:
    document = read_path(pdfs[name], Settings())
    text = "".join(document.text.split())
    assert letters[name].identity.jurisdiction in text
    assert "审核意见" in text
