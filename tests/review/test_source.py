"""Evidence quotes the source text: full-width digits are read, furniture inside a part is quoted as printed."""

from __future__ import annotations

import hashlib

from fazhi.core.document import Document, Provenance
from fazhi.core.spans import NoiseSpan, Span
from fazhi.figures import check_consistency, extract_figures
from fazhi.identity import identify
from fazhi.review import ReviewInput, review
from fazhi.structure import outline
from tests.review.helpers import LEADERS, PLANS, check_grounded, finding, report, run

FULL = str.maketrans("0123456789", "０１２３４５６７８９")
FOOTER = "第3页 共5页"


def test_a_full_width_plans_year_that_is_wrong_is_a_conflict():
    plans = PLANS.replace("2025年工作安排", "２０２４年工作安排")
    f = finding(run(report(plans=plans)), "form.year")
    assert f.status == "failed" and "应为2025年" in f.message
    assert "２０２４" in [s.surface for s in f.evidence]


def test_a_full_width_plans_year_that_is_right_is_no_conflict():
    plans = PLANS.replace("2025年工作安排", "２０２５年工作安排")
    assert finding(run(report(plans=plans)), "form.year").status == "passed"


def test_a_full_width_year_in_the_title_is_a_year():
    f = finding(run(report(title="示例县２０２４年度法治政府建设情况报告")), "form.title")
    assert f.status == "passed", f.message


def test_a_full_width_deadline_in_the_plans_is_a_time_limit():
    plans = "四、2025年工作安排\n(一)完成执法规范化建设,２０２５年底前建成执法监督平台。\n"
    f = finding(run(report(plans=plans)), "plans.specific")
    assert f.status == "passed"
    assert "２０２５年底前" in [s.surface for s in f.evidence]


def _with_footer_in_the_leaders_part(*, quote_source: bool = True) -> ReviewInput:
    """A page footer inside the leaders' part, marked as noise as the PDF reader marks it."""
    leaders = LEADERS.replace("县政府常务会议", f"\n{FOOTER}\n县政府常务会议", 1)
    text = report(leaders=leaders)
    start = text.index(FOOTER)
    data = text.encode("utf-8")
    doc = Document(
        text=text,
        provenance=Provenance("示例县.txt", "txt", "utf-8", hashlib.sha256(data).hexdigest(), len(data)),
        noise=(NoiseSpan(Span.of(text, start, start + len(FOOTER)), "page_number"),),
    )
    masked = doc.masked()
    figs = extract_figures(masked)
    return ReviewInput(
        text=masked,
        raw_text=doc.text,
        identity=identify(doc),
        outline=outline(masked, source=doc.text) if quote_source else outline(masked),
        figures=figs,
        consistency=check_consistency(figs, masked),
    )


def test_evidence_across_furniture_quotes_the_source_and_counts_only_report_text():
    inp = _with_footer_in_the_leaders_part()
    result = review(inp)
    check_grounded(result, inp)
    f = finding(result, "leaders.substantive")
    (region,) = f.evidence
    assert FOOTER in region.surface == inp.raw_text[region.start : region.end]
    assert f.details["chars"] == sum(1 for ch in inp.text[region.start : region.end] if not ch.isspace())


def test_an_outline_read_without_the_source_still_gives_evidence_quoting_the_source():
    quoted, plain = _with_footer_in_the_leaders_part(), _with_footer_in_the_leaders_part(quote_source=False)
    a, b = review(quoted), review(plain)
    check_grounded(b, plain)
    assert [f.evidence for f in a.findings] == [f.evidence for f in b.findings]
    assert a.score == b.score
