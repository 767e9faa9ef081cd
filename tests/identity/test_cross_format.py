"""The seeds converted to GBK text, DOCX, PDF and a government web page keep their identity and text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fazhi.core.settings import Settings
from fazhi.pipeline import analyze_bytes
from tests.conftest import gold, seed_paths
from tests.support.fonts import find_cjk_font
from tests.support.html_page import report_to_html
from tests.support.office import text_to_docx, text_to_pdf

FIELDS = ("title", "report_year", "published", "issuer", "doc_number")
# GBK has no em space or no-break space; an editor saving as GBK writes these.
_GBK_FALLBACK = str.maketrans({"\u2003": "\u3000", "\xa0": " "})


def to_gbk(text: str, folder: Path, stem: str) -> tuple[str, bytes]:
    return f"{stem}.txt", text.translate(_GBK_FALLBACK).encode("gbk")


def to_docx(text: str, folder: Path, stem: str) -> tuple[str, bytes]:
    return f"{stem}.docx", text_to_docx(text, folder / f"{stem}.docx", with_table=True).read_bytes()


def to_pdf(text: str, folder: Path, stem: str) -> tuple[str, bytes]:
    return f"{stem}.pdf", text_to_pdf(text, folder / f"{stem}.pdf", font=find_cjk_font()).read_bytes()


def to_html(text: str, folder: Path, stem: str, labels: dict) -> tuple[str, bytes]:
    """A web page as the site would publish it: title in the heading, furniture around the article."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    furniture = set(labels["noise"])
    body = [line for line in lines if line not in furniture]
    title = labels["title"]
    if title:
        # The printed title may span lines; drop those lines from the article body.
        joined = ""
        while body and len(joined) < len(title) and title.startswith(joined + body[0]):
            joined += body.pop(0)
    page = report_to_html("\n".join(body), title=title, published=labels["published"], style="trs")
    return f"{stem}.html", page


CONVERTERS = {"gbk": to_gbk, "docx": to_docx, "pdf": to_pdf, "html": to_html}


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("converted")
    results = {}
    for path in seed_paths():
        labels = gold(path)
        text = path.read_text(encoding="utf-8")
        for fmt, convert in CONVERTERS.items():
            args = (text, folder, path.stem, labels) if fmt == "html" else (text, folder, path.stem)
            name, data = convert(*args)
            results[(path.stem, fmt)] = (analyze_bytes(data, name, Settings()), labels, text)
    return results


CASES = [(p.stem, fmt) for p in seed_paths() for fmt in CONVERTERS]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0][:3]}-{c[1]}")
def test_identity_survives_conversion(converted, case) -> None:
    analysis, labels, _ = converted[case]
    got = analysis.to_json()
    assert {f: got[f] for f in FIELDS} == {f: labels[f] for f in FIELDS}
    assert got["jurisdiction"]["name"] == labels["jurisdiction"]
    assert got["jurisdiction"]["level"] == labels["level"]


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0][:3]}-{c[1]}")
def test_every_paragraph_survives_in_order(converted, case) -> None:
    analysis, labels, text = converted[case]
    doc = analysis.document
    clean = _squeeze(doc.masked())
    furniture = set(labels["noise"]) | ({labels["title"]} if labels["title"] else set())
    position = 0
    for line in text.splitlines():
        line = line.strip()
        if not line or line in furniture or (labels["title"] and line in labels["title"]):
            continue
        wanted = _squeeze(line.translate(_GBK_FALLBACK))
        found = clean.find(wanted, position)
        assert found >= 0, f"lost or garbled paragraph: {line[:40]}"
        position = found + len(wanted)
