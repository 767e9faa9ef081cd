"""Find a CJK font that fpdf2 can embed, for tests that draw Chinese PDFs."""

from __future__ import annotations

import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

# Debian package that CI installs; WenQuanYi Micro Hei covers every character
# of the seed reports, including the no-break and em spaces that Zen Hei lacks.
FONT_PACKAGE = "fonts-wqy-microhei"

# Known locations first (fast, no subprocess); the first face of each file is
# the proportional regular face, which is what fpdf2 loads by default.
_KNOWN = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "/usr/share/fonts/truetype/arphic/ukai.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "C:/Windows/Fonts/simhei.ttf",
    "C:/Windows/Fonts/simsun.ttc",
)


@lru_cache(maxsize=1)
def find_cjk_font() -> Path:
    """Path of a TrueType/OpenType font with Chinese glyphs, or fail the test."""
    for candidate in _KNOWN:
        if _usable(Path(candidate)):
            return Path(candidate)
    found = _from_fontconfig()
    if found is not None:
        return found
    raise AssertionError(f"install a CJK font: apt-get install {FONT_PACKAGE} (or fonts-wqy-zenhei)")


def _from_fontconfig() -> Path | None:
    if shutil.which("fc-list") is None:
        return None
    try:
        listing = subprocess.run(
            ["fc-list", ":lang=zh", "file"], capture_output=True, text=True, timeout=20, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    for line in sorted(listing.splitlines()):
        path = Path(line.split(":")[0].strip())
        if _usable(path):
            return path
    return None


def _usable(path: Path) -> bool:
    """A file whose first face has TrueType outlines: fpdf2 cannot subset CFF ones (Noto CJK)."""
    if not path.is_file() or path.suffix.lower() not in (".ttf", ".ttc", ".otf"):
        return False
    from fontTools.ttLib import TTCollection, TTFont

    try:
        if path.suffix.lower() == ".ttc":
            face = TTCollection(str(path), lazy=True).fonts[0]
        else:
            face = TTFont(str(path), lazy=True)
        return "glyf" in face and 0x6C49 in (face.getBestCmap() or {})  # 汉
    except Exception:  # a broken font file is simply not a candidate
        return False
