"""The season summary as DOCX (GB/T 9704 page, the letter's styles) and as one HTML page."""

from __future__ import annotations

from html import escape
from pathlib import Path

from fazhi.letters.layout import Block
from fazhi.letters.season_layout import Grid, summary_blocks, summary_title
from fazhi.workflow.summary import SeasonSummary

TABLE_PT = 12.0  # 小四: a table of six columns does not fit in 3号


def render_summary_docx(summary: SeasonSummary, path: Path, signer: str | None = None) -> Path:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import Pt

    from fazhi.letters import docx_letter as dl
    from fazhi.letters.fonts import choose_fonts

    fonts = choose_fonts()
    document = docx.Document()
    dl._page(document)
    dl._styles(document, fonts)
    laid = summary_blocks(summary, signer)
    signature = next((b.text for b in laid if isinstance(b, Block) and b.kind == "signature"), "")
    date = next((b.text for b in laid if isinstance(b, Block) and b.kind == "date"), "")
    for item in laid:
        if isinstance(item, Block):
            dl._paragraph(document, item, fonts, signature, date)
            continue
        caption = document.add_paragraph(style=dl.STYLE_NAMES["title"])
        caption.paragraph_format.space_after = Pt(0)
        run = caption.add_run(dl.xml_safe(item.caption))
        run.font.size = Pt(dl.BODY_PT)
        dl.set_fonts(run._r, fonts.heading1)
        table = document.add_table(rows=1, cols=len(item.headers))
        table.style = document.styles["Table Grid"]
        table.autofit = not item.widths
        for row_cells, values, bold in [(table.rows[0].cells, item.headers, True)] + [
            (table.add_row().cells, row, False) for row in item.rows
        ]:
            for cell, value in zip(row_cells, values, strict=False):
                paragraph = cell.paragraphs[0]
                fmt = paragraph.paragraph_format
                fmt.first_line_indent = Pt(0)
                fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
                fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER if bold else WD_ALIGN_PARAGRAPH.LEFT
                out = paragraph.add_run(dl.xml_safe(str(value)))
                out.font.size = Pt(TABLE_PT)
                out.bold = bold
            if item.widths:
                from docx.shared import Mm

                text_mm = 210 - dl.MARGINS_MM["left"] - dl.MARGINS_MM["right"]
                for cell, share in zip(row_cells, item.widths, strict=False):
                    cell.width = Mm(text_mm * share)  # Word reads each cell's width
        if item.widths:
            for column, share in zip(table.columns, item.widths, strict=False):
                column.width = Mm(text_mm * share)  # LibreOffice reads the table grid's
    dl._page_numbers(document, fonts)
    props = document.core_properties
    props.title = summary_title(summary)
    props.subject = "法治政府建设年度报告审核情况"
    props.author = props.last_modified_by = signer or "fazhi"
    props.comments = ""
    document.save(str(path))
    return Path(path)


_CSS = """
html { background: #eceff3; }
body { margin: 0 auto; max-width: 170mm; padding: 16mm 20mm; background: #fff; color: #111;
  font-size: 14pt; line-height: 1.8; font-family: "FangSong", "FangSong_GB2312", "仿宋_GB2312", serif; }
h1 { text-align: center; font-size: 20pt; font-family: "SimSun", serif; }
h2 { font-size: 14pt; font-family: "SimHei", sans-serif; }
p { text-indent: 2em; margin: 0; }
p.signature, p.date { text-align: right; padding-right: 2em; }
table { border-collapse: collapse; margin: 0.6em 0 1em; width: 100%; font-size: 11pt; line-height: 1.5; }
caption { font-family: "SimHei", sans-serif; padding: 0.3em; }
th, td { border: 1px solid #666; padding: 2px 6px; text-align: left; }
th { background: #dde4ee; }
svg { display: block; margin: 0.5em auto; }
"""


def render_summary_html(summary: SeasonSummary, signer: str | None = None) -> str:
    parts = []
    for item in summary_blocks(summary, signer):
        if isinstance(item, Grid):
            head = "".join(f"<th>{escape(h)}</th>" for h in item.headers)
            rows = "".join("<tr>" + "".join(f"<td>{escape(str(v))}</td>" for v in r) + "</tr>" for r in item.rows)
            parts.append(f"<table><caption>{escape(item.caption)}</caption><tr>{head}</tr>{rows}</table>")
            if item.caption == "得分分布":
                parts.append(distribution_svg(summary.distribution))
            continue
        tag = {"title": "h1", "heading1": "h2"}.get(item.kind, "p")
        inner = "".join(
            f"<strong>{escape(r.text)}</strong>" if r.style == "strong" else escape(r.text) for r in item.runs
        ).replace("\n", "<br>")
        parts.append(f'<{tag} class="{item.kind}">{inner}</{tag}>')
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(summary_title(summary))}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        + "\n".join(parts) + "\n</body>\n</html>\n"
    )


def distribution_svg(rows: tuple[tuple[str, int], ...], width: int = 420, bar: int = 22) -> str:
    """The score distribution as horizontal bars, drawn on the server (no scripts, nothing fetched)."""
    top = max((n for _, n in rows), default=0) or 1
    label_w, gap = 90, 6
    height = len(rows) * (bar + gap) + gap
    items = []
    for i, (label, n) in enumerate(rows):
        y = gap + i * (bar + gap)
        w = (width - label_w - 40) * n / top
        items.append(
            f'<text x="{label_w - 6}" y="{y + bar * 0.72:.0f}" text-anchor="end" font-size="12">{escape(label)}</text>'
            f'<rect x="{label_w}" y="{y}" width="{w:.0f}" height="{bar}" fill="#4a6fa5"/>'
            f'<text x="{label_w + w + 4:.0f}" y="{y + bar * 0.72:.0f}" font-size="12">{n}</text>'
        )
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
            f'aria-label="得分分布">{"".join(items)}</svg>')


def write_grid(grid: Grid, path: Path) -> Path:
    """A table of the summary (the season's status table) as CSV (UTF-8 with BOM) or XLSX, by suffix."""
    import csv

    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        from openpyxl import Workbook
        from openpyxl.styles import Font

        book = Workbook()
        sheet = book.active
        sheet.title = grid.caption[:31]  # Excel's limit on sheet names
        sheet.append(list(grid.headers))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in grid.rows:
            # A roster's text starting with = would be a formula in Excel: keep it text.
            sheet.append([("'" + v) if isinstance(v, str) and v[:1] in "=+-@" else v for v in row])
        sheet.freeze_panes = "A2"
        book.save(path)
        return path
    # The BOM is what makes Excel on Chinese Windows read the file as UTF-8, not GBK.
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(grid.headers)
        writer.writerows(grid.rows)
    return path
