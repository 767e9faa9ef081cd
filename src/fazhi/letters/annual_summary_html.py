"""The annual summary as one self-contained HTML page: the letters' CSS, tables, charts inlined as SVG."""

from __future__ import annotations

from html import escape

from fazhi.letters.annual_summary import ChartBlock, SummaryInput, TableBlock, blocks, summary_title
from fazhi.letters.html import _CSS, _block

_EXTRA_CSS = """
table { border-collapse: collapse; margin: 8pt auto 16pt; font-size: 10.5pt; line-height: 15pt; }
th, td { border: 0.75pt solid #333; padding: 2pt 5pt; text-indent: 0; }
th { font-weight: bold; }
figure { margin: 8pt 0 16pt; text-align: center; text-indent: 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 12pt; }
"""


def render_summary_html(data: SummaryInput) -> str:
    parts = []
    for block in blocks(data):
        if isinstance(block, TableBlock):
            head = "".join(f"<th>{escape(h)}</th>" for h in block.header)
            rows = "".join("<tr>" + "".join(f"<td>{escape(str(v))}</td>" for v in row) + "</tr>" for row in block.rows)
            parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
        elif isinstance(block, ChartBlock):
            svg = block.svg.read_text(encoding="utf-8") if block.svg else ""
            svg = svg[svg.find("<svg"):] if "<svg" in svg else ""
            parts.append(f"<figure>{svg}<figcaption>{escape(block.caption)}</figcaption></figure>")
        else:
            parts.append(_block(block))
    title = escape("".join(summary_title(data)))
    return (
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
        f"<title>{title}</title><style>{_CSS}{_EXTRA_CSS}</style></head><body>\n"
        + "\n".join(parts) + "\n</body></html>\n"
    )
