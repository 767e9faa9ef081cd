#!/usr/bin/env python3
"""Set up and run fazhi with nothing but Python installed.

    python3 dev.py demo   # make .venv, install fazhi, ingest and review the bundled examples, print the table,
                          # then start the web workspace with a demo admin (--no-serve: stop after the table)
    python3 dev.py test   # make .venv, install fazhi with test tools, check system packages, run every test

Standard library only: this file runs before anything is installed.
"""

from __future__ import annotations

import glob
import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")

# Debian packages the tests use: a PostgreSQL server (the store is tested on a
# real one), a CJK font (tests render reports to PDF) and LibreOffice (review
# letters are converted to PDF to prove they open).
SYSTEM_PACKAGES = {
    "postgresql": "PostgreSQL server (initdb)",
    "fontconfig": "fc-list, to find fonts",
    "fonts-wqy-microhei": "CJK font for PDF tests",
    "libreoffice-writer-nogui": "LibreOffice, to open the DOCX review letters",
    "poppler-utils": "pdftoppm, the first page of a rendered letter and season summary as PNG",
    "chromium": "Chromium, driven by Playwright in the browser tests (the system one; nothing is downloaded)",
}


def run(*args: str | os.PathLike, **kwargs) -> None:
    print("+", " ".join(str(a) for a in args), flush=True)
    subprocess.run([str(a) for a in args], check=True, cwd=ROOT, **kwargs)


def ensure_venv(extras: str) -> None:
    if sys.version_info < (3, 11):
        sys.exit(f"fazhi needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    if not PYTHON.exists():
        print(f"creating {VENV.relative_to(ROOT)}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / f".fazhi-installed-{extras or 'base'}"
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == wanted:
        return
    run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    target = f".[{extras}]" if extras else "."
    run(PYTHON, "-m", "pip", "install", "--quiet", "-e", target)
    stamp.write_text(wanted)


def missing_system_packages() -> list[str]:
    missing = []
    has_initdb = shutil.which("initdb") or glob.glob("/usr/lib/postgresql/*/bin/initdb")
    if not has_initdb:
        missing.append("postgresql")
    if not shutil.which("fc-list"):
        missing += ["fontconfig", "fonts-wqy-microhei"]
    elif not subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True).stdout.strip():
        missing.append("fonts-wqy-microhei")
    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        missing.append("libreoffice-writer-nogui")
    if not shutil.which("pdftoppm"):
        missing.append("poppler-utils")
    if not os.path.exists("/usr/bin/chromium"):
        missing.append("chromium")
    return missing


def ensure_system_packages() -> None:
    missing = missing_system_packages()
    if not missing:
        return
    can_install = shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0
    if not can_install:
        print("warning: missing system packages, some tests will fail until they are installed:")
        for name in missing:
            print(f"  {name}: {SYSTEM_PACKAGES[name]}")
        print("  (Debian/Ubuntu: sudo apt-get install " + " ".join(missing) + ")")
        return
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    run("apt-get", "update", "-qq", env=env)
    run("apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing, env=env)


def demo(serve: bool = True) -> None:
    ensure_venv("")
    fazhi = BIN / "fazhi"
    run(fazhi, "ingest", "examples")
    run(fazhi, "review", "examples", "--out", "review-letters")
    run(fazhi, "summary", "--out", "review-letters")
    run(fazhi, "list")
    if not serve:
        return
    # A demo account with a fresh random password, printed once; running the
    # demo again resets it. Real accounts are made with `fazhi user add`.
    run(fazhi, "user", "add", "demo", "--role", "admin", "--generate")
    print("\n网页工作台:浏览器打开下面的地址,用户名 demo,密码见上一行(演示管理员,每次运行 demo 重新生成)。", flush=True)
    try:
        run(fazhi, "serve")
    except KeyboardInterrupt:
        pass


def test(pytest_args: list[str]) -> None:
    ensure_venv("test")
    ensure_system_packages()
    run(PYTHON, "-m", "pytest", *pytest_args)


def main(argv: list[str]) -> None:
    if not argv or argv[0] not in ("demo", "test"):
        sys.exit(__doc__)
    try:
        if argv[0] == "demo":
            demo(serve="--no-serve" not in argv[1:])
        else:
            test(argv[1:])
    except subprocess.CalledProcessError as exc:
        sys.exit(exc.returncode)


if __name__ == "__main__":
    main(sys.argv[1:])
