"""The letter as one self-contained HTML page: inline CSS, no scripts, fonts or images from elsewhere."""

from __future__ import annotations

from html import escape

from fazhi.letters.fonts import CHAINS
from fazhi.letters.layout import Block, Run, blocks, letter_title
from fazhi.letters.model import Letter

# Font stacks are the DOCX's fallback chains (fonts.CHAINS), so the page and
# the Word letter ask for the same faces. The title is bold because few
# readers have 小标宋 and its fallbacks are regular Song faces.
_CSS_TEMPLATE = """
@page {{ size: A4; margin: 37mm 26mm 35mm 28mm; }}
html {{ background: #eceff3; }}
body {{
  margin: 0 auto; max-width: 156mm; padding: 20mm 26mm 24mm 28mm; background: #fff;
  color: #111; font-size: 16pt; line-height: 28.95pt; text-align: justify;
  font-family: {body};
}}
h1 {{
  margin: 0 0 28.95pt; font-size: 22pt; line-height: 36pt; text-align: center; font-weight: bold;
  font-family: {title};
}}
h2, h3, p {{ margin: 0; font-size: 16pt; font-weight: normal; text-indent: 2em; }}
h2 {{ font-family: {heading1}; }}
h3 {{ font-family: {heading2}; }}
p.addressee, p.draft {{ text-indent: 0; }}
p.draft {{ font-family: {heading1}; }}
p.item strong {{ font-weight: bold; }}
.quote, .mark {{ font-family: {heading2}; }}
.mark {{ font-weight: bold; text-decoration: underline; text-decoration-color: #b00; text-underline-offset: 3pt; }}
p.blank {{ height: 28.95pt; }}
p.signature, p.date {{ text-align: right; text-indent: 0; padding-right: 2em; }}
p.note {{ margin-top: 28.95pt; font-size: 12pt; line-height: 20pt; color: #444; }}
.verdict {{ padding: 0 0.2em; border: 1.5pt solid currentColor; }}
.v-合格 {{ color: #17633a; }} .v-基本合格 {{ color: #8a5a00; }} .v-需修改 {{ color: #a1141b; }}
@media print {{
  html {{ background: none; }}
  body {{ max-width: none; padding: 0; }}
  h2, h3 {{ break-after: avoid; }}
  p.detail {{ break-inside: avoid; }}
}}
"""


def _stack(role: str, generic: str) -> str:
    return ", ".join([*(f'"{name}"' for name in CHAINS[role]), generic])


_CSS = _CSS_TEMPLATE.format(
    body=_stack("body", "serif"), title=_stack("title", "serif"),
    heading1=_stack("heading1", "sans-serif"), heading2=_stack("heading2", "serif"),
)
_TAGS = {"title": "h1", "heading1": "h2", "heading2": "h3"}


def render_html(letter: Letter) -> str:
    body = "\n".join(_block(b) for b in blocks(letter))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(letter_title(letter))}</title>\n<style>{_CSS}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )


def _block(block: Block) -> str:
    if block.kind == "blank":
        return '<p class="blank"></p>'
    tag = _TAGS.get(block.kind, "p")
    inner = "".join(_run(r) for r in block.runs)
    return f'<{tag} class="{block.kind}">{inner}</{tag}>'


def _run(run: Run) -> str:
    text = escape(run.text).replace("\n", "<br>")
    if run.style == "verdict":
        return f'<strong class="verdict v-{text}">{text}</strong>'
    if run.style == "strong":
        return f"<strong>{text}</strong>"
    if run.style in ("quote", "mark"):
        return f'<span class="{run.style}">{text}</span>'
    return text
