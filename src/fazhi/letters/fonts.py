"""Which fonts the DOCX names for each role of an official document (GB/T 9704).

A DOCX names one font per run; Word and LibreOffice substitute silently when
it is missing, often with a sans face for everything. So the letter names the
first font of each role's chain that this machine has, and the official font
(仿宋_GB2312 …) when there is no fontconfig to ask, as on the Windows desktops
of the offices that receive the letters.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

# The true 小标宋 faces are heavy by design; any fallback needs bold to look like one.
XIAOBIAOSONG = ("方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S")
_SERIF = ("Noto Serif CJK SC", "Source Han Serif SC", "AR PL UMing CN")
_SANS = ("WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Noto Sans CJK SC")
CHAINS: dict[str, tuple[str, ...]] = {
    "title": XIAOBIAOSONG + ("华文中宋", "STZhongsong", "宋体", "SimSun") + _SERIF + _SANS,
    "body": ("仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "华文仿宋", "STFangsong") + _SERIF + _SANS,
    "heading1": ("黑体", "SimHei", "华文黑体", "STHeiti", "Noto Sans CJK SC", "Source Han Sans SC") + _SANS,
    "heading2": ("楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "华文楷体", "STKaiti", "AR PL UKai CN")
    + _SERIF
    + _SANS,
    "page": ("宋体", "SimSun") + _SERIF + _SANS,
}


@dataclass(frozen=True, slots=True)
class FontSet:
    title: str
    title_bold: bool
    body: str
    heading1: str  # 黑体 role
    heading2: str  # 楷体 role, also for quotes of the report
    page: str  # 宋体 role, page numbers


def choose_fonts(installed: Iterable[str] | None = None) -> FontSet:
    """The first font of each chain found in ``installed`` (default: ask fontconfig)."""
    have = frozenset(installed) if installed is not None else installed_families()
    chosen = {role: _first(chain, have) for role, chain in CHAINS.items()}
    return FontSet(
        title=chosen["title"],
        title_bold=chosen["title"] not in XIAOBIAOSONG,
        body=chosen["body"],
        heading1=chosen["heading1"],
        heading2=chosen["heading2"],
        page=chosen["page"],
    )


def _first(chain: tuple[str, ...], have: frozenset[str] | None) -> str:
    if have is None:
        return chain[0]
    return next((name for name in chain if name in have), chain[0])


@lru_cache(maxsize=1)
def installed_families() -> frozenset[str] | None:
    """Every family name fontconfig knows (localized names too), or None without fontconfig."""
    if shutil.which("fc-list") is None:
        return None
    try:
        listing = subprocess.run(
            ["fc-list", ":", "family"], capture_output=True, text=True, timeout=30, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    names = {name.strip() for line in listing.splitlines() for name in line.split(",")}
    names.discard("")
    return frozenset(names) or None
