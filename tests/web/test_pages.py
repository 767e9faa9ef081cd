"""The HTML pages, rendered from real databases."""

from __future__ import annotations

import html
import re

from fazhi.web.report_view import pieces


def test_the_home_page_sends_an_anonymous_visitor_to_the_login_form(seeded) -> None:
    response = seeded.client().get("/", follow_redirects=True)
    assert response.url.path == "/login" and "登录" in response.text


def test_the_report_list_shows_the_reports_and_their_facets(seeded) -> None:
    page = seeded.client("viewer").get("/reports").text
    for name in ("孝义市", "鞍山市", "开封市示范区", "绵阳市", "海原县"):
        assert name in page
    assert "未通过的规则" in page and "得分" in page
    assert "导出当前结果" not in page  # a viewer does not export


def test_a_facet_link_narrows_the_list(seeded) -> None:
    client = seeded.client("reviewer")
    page = client.get("/reports").text
    link = html.unescape(re.search(r'href="(\?[^"]*year=2023[^"]*)"', page).group(1))
    narrowed = client.get("/reports" + link).text
    assert "海原县" in narrowed and "孝义市" not in narrowed
    assert "/reports/export.xlsx?year=2023" in html.unescape(narrowed)


def test_the_report_page_marks_evidence_for_each_finding_it_lists(seeded) -> None:
    client = seeded.client("viewer")
    page = client.get("/reports/5").text
    analysis = client.get("/api/reports/5").json()
    for i, finding in enumerate(analysis["findings"]):
        if finding["evidence"]:
            assert f'data-finding="{i}"' in page
            assert re.search(rf'data-ev="(\d+ )*{i}( \d+)*"', page), finding["rule"]


def test_the_report_page_shows_the_whole_text_once(seeded) -> None:
    client = seeded.client("viewer")
    page = client.get("/reports/2").text
    text = client.get("/api/reports/2").json()["text"]
    body = re.search(r'<div class="body">(.*?)</div>', page, re.S).group(1)
    assert html.unescape(re.sub(r"<[^>]+>", "", body)) == text


def test_pieces_cover_the_text_and_carry_every_mark() -> None:
    text = "一、总体情况\n办理复议案件12件。"
    analysis = {
        "sections": [{"level": 1, "heading": "一、总体情况", "offset": 0, "length": len(text)}],
        "figures": [{"text": "12件", "offset": text.index("12件")}],
        "noise": [],
        "findings": [{"evidence": [{"offset": text.index("复议"), "length": 6}]}],
    }
    parts = pieces(analysis, text)
    assert "".join(p.text for p in parts) == text
    assert "".join(p.text for p in parts if "figure" in p.classes) == "12件"
    assert "".join(p.text for p in parts if p.evidence == "0") == "复议案件12"
    assert parts[0].anchor == "s0" and "heading" in parts[0].classes


def test_the_search_page_highlights_the_word(seeded) -> None:
    page = seeded.client("viewer").get("/search", params={"q": "复议"}).text
    assert page.count("<mark>复议</mark>") >= 5
    assert 'href="/reports/' in page


def test_the_upload_form_works_without_javascript(web) -> None:
    from tests.conftest import seed_paths
    from tests.web.conftest import csrf_of

    client = web.client("reviewer")
    seed = seed_paths()[0]
    page = client.post("/upload", data={"csrf_token": csrf_of(client)},
                       files=[("files", (seed.name, seed.read_bytes(), "text/plain"))]).text
    assert "新入库" in page and "孝义市" in page


def test_snippets_do_not_overlap_and_mark_every_match_inside() -> None:
    from fazhi.store.search import snippets

    text = "甲" * 100 + "复议复议" + "乙" * 30 + "复议" + "丙" * 200 + "复议" + "丁" * 10
    found = snippets(text, ("复议",))
    ends = [s.start + len(s.text) for s in found]
    assert all(ends[i] <= found[i + 1].start for i in range(len(found) - 1))
    assert [text[a:b] for s in found for a, b in s.matches] == ["复议复议", "复议", "复议"]
    assert all("".join(p for p, _ in s.segments()) == s.text for s in found)
