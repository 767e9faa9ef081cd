"""Write one letter in every format."""

from __future__ import annotations

from pathlib import Path

from fazhi.letters.model import Letter


def write_letter(letter: Letter, out_dir: Path, stem: str) -> dict[str, Path]:
    """Write ``{stem}.md``, ``{stem}.html`` and ``{stem}.docx`` into ``out_dir`` (made if missing)."""
    from fazhi.letters.docx_letter import render_docx  # python-docx loads only when a letter is written
    from fazhi.letters.html import render_html
    from fazhi.letters.markdown import render_markdown

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {"md": out_dir / f"{stem}.md", "html": out_dir / f"{stem}.html", "docx": out_dir / f"{stem}.docx"}
    paths["md"].write_text(render_markdown(letter), encoding="utf-8")
    paths["html"].write_text(render_html(letter), encoding="utf-8")
    render_docx(letter, paths["docx"])
    return paths
