"""The letter as Markdown: for e-mail, issue trackers and plain-text review."""

from __future__ import annotations

import re
from itertools import groupby

from fazhi.letters.layout import Block, Run, blocks
from fazhi.letters.model import Letter

# Characters Markdown would read as markup; the report's text may contain any of them.
_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
_BOLD = ("strong", "verdict", "mark")
_PREFIX = {"title": "# ", "heading1": "## ", "heading2": "### ", "detail": "- "}


def render_markdown(letter: Letter) -> str:
    laid = blocks(letter)
    lines: list[str] = []
    for block in laid:
        if block.kind == "blank":
            continue
        text = _runs(block.runs).replace("\n", "")  # the title's line break is for the page only
        if block.kind == "signature":
            text += "  "  # a hard line break: the date goes right under the signature
        lines.append(_PREFIX.get(block.kind, "") + text)
    return _join(lines, laid) + "\n"


def _runs(runs: tuple[Run, ...]) -> str:
    # Adjacent bold runs become one **…**: Markdown cannot open one right after closing another.
    out: list[str] = []
    for bold, group in groupby(runs, key=lambda r: r.style in _BOLD):
        text = "".join(_SPECIAL.sub(r"\\\1", r.text) for r in group)
        out.append(f"**{text}**" if bold else text)
    return "".join(out)


def _join(lines: list[str], laid: tuple[Block, ...]) -> str:
    # Details of one item form a list: no blank line between them.
    kinds = [b.kind for b in laid if b.kind != "blank"]
    out: list[str] = []
    for i, line in enumerate(lines):
        if (
            i
            and not (kinds[i] == "detail" and kinds[i - 1] == "detail")
            and not (kinds[i] == "date" and kinds[i - 1] == "signature")
        ):
            out.append("")
        out.append(line)
    return "\n".join(out)
