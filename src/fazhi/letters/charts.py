"""Charts as SVG and PNG, drawn by matplotlib's Agg backend: no browser, no display, no network.

Chinese labels need a CJK font; it is looked up through fontconfig (the same
fonts the letters use) and given to matplotlib by file, so nothing depends on
matplotlib's own font cache knowing it. SVG text is drawn as paths, so the
chart looks the same where the font is missing.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

COLOR = "#8c1c13"  # the dark red of official documents' headers
CJK_FAMILIES = ("Noto Sans CJK SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Noto Serif CJK SC")


@lru_cache(maxsize=1)
def cjk_font_file() -> str | None:
    if shutil.which("fc-match") is None:
        return None
    for family in CJK_FAMILIES:
        try:
            found = subprocess.run(["fc-match", "-f", "%{file}\n%{family}", f"{family}:lang=zh-cn"],
                                   capture_output=True, text=True, timeout=30, check=False).stdout
        except (OSError, subprocess.SubprocessError):
            return None
        path, _, families = found.partition("\n")
        if path and family in families:
            return path
    return None


def _pyplot():
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt
    from matplotlib import font_manager

    font = cjk_font_file()
    if font:
        font_manager.fontManager.addfont(font)
        plt.rcParams["font.family"] = font_manager.FontProperties(fname=font).get_name()
    plt.rcParams["axes.unicode_minus"] = False  # the CJK font may lack U+2212
    plt.rcParams["svg.fonttype"] = "path"
    plt.rcParams["svg.hashsalt"] = "fazhi"  # the same chart gives the same file
    return plt


def bar_chart(path: Path, title: str, labels: Sequence[str], values: Sequence[float], unit: str = "") -> Path:
    """An indicator across jurisdictions, largest first."""
    plt = _pyplot()
    pairs = sorted(zip(labels, values), key=lambda p: p[1], reverse=True)
    height = max(2.5, 0.35 * len(pairs) + 1.2)
    fig, ax = plt.subplots(figsize=(7.0, height), dpi=150)
    ax.barh([p[0] for p in pairs][::-1], [p[1] for p in pairs][::-1], color=COLOR)
    ax.set_xlabel(unit)
    return _save(fig, ax, title, path, plt)


def line_chart(path: Path, title: str, years: Sequence[int], values: Sequence[float], unit: str = "") -> Path:
    """One indicator of one jurisdiction across years."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(6.0, 3.2), dpi=150)
    ax.plot(list(years), list(values), marker="o", color=COLOR)
    ax.set_xticks(list(years), [f"{y}年" for y in years])
    ax.set_ylabel(unit)
    return _save(fig, ax, title, path, plt)


def _save(fig, ax, title: str, path: Path, plt) -> Path:  # noqa: ANN001
    ax.set_title(title, fontsize=12)
    for spine in ("top", "right"):
        ax.spines[spine].set_visible(False)
    fig.tight_layout()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fmt = "svg" if path.suffix.lower() == ".svg" else "png"
    fig.savefig(path, format=fmt, metadata={"Date": None} if fmt == "svg" else None)
    plt.close(fig)
    return path
