"""The season pages over HTTP on SQLite and PostgreSQL: rates, decisions, the letter, sign-off, security."""

from __future__ import annotations

from fazhi.store import seasons as ss
from fazhi.workflow.model import Actor
from tests.season_web.conftest import csrf
from tests.workflow.conftest import SILENT_UNIT


def _failed(got) -> list[dict]:
    return [f for f in got.analysis["findings"] if f["status"] == "failed"]


def test_the_season_page_shows_five_of_six_and_the_missing_unit(season_web) -> None:
    page = season_web.client("viewer").get(f"/seasons/{season_web.season.id}")
    assert page.status_code == 200
    assert "<strong>5/6</strong>" in page.text and f'<span class="unit missing">{SILENT_UNIT}</span>' in page.text


def test_struck_and_edited_findings_change_the_letter_on_the_page(season_web) -> None:
    client = season_web.client("reviewer")
    got = season_web.received[0]
    base = f"/seasons/{season_web.season.id}/reports/{got.id}"
    struck, edited = _failed(got)[0], _failed(got)[1]
    token = csrf(client, base)
    client.post(f"{base}/decide", data={"csrf_token": token, "action": "strike", "finding": struck["rule"],
                                        "reason": "原文已写明"})
    client.post(f"{base}/decide", data={"csrf_token": token, "action": "edit", "finding": edited["rule"],
                                        "message": "请逐项写明完成时限。"})
    letter = client.get(base).text.split('id="letter"')[1]
    assert "请逐项写明完成时限。" in letter and struck["title"] + "(需修改)" not in letter.replace("（", "(").replace("）", ")")


def test_a_viewer_can_neither_decide_nor_sign(season_web) -> None:
    client = season_web.client("viewer")
    got = season_web.received[0]
    base = f"/seasons/{season_web.season.id}/reports/{got.id}"
    token = csrf(client, base)
    decided = client.post(f"{base}/decide", data={"csrf_token": token, "action": "confirm",
                                                  "finding": _failed(got)[0]["rule"]})
    signed = client.post(f"{base}/sign", data={"csrf_token": token})
    assert (decided.status_code, signed.status_code) == (403, 403)
    assert ss.decision_log(season_web.store, got.id) == []


def test_one_reviewer_cannot_sign_as_another(season_web) -> None:
    client = season_web.client("reviewer2")
    got = season_web.received[1]
    base = f"/seasons/{season_web.season.id}/reports/{got.id}"
    token = csrf(client, base)
    # Whatever name the form carries, the signature is the signed-in reviewer's.
    client.post(f"{base}/sign", data={"csrf_token": token, "actor": "reviewer", "signer": "reviewer"})
    client.post(f"{base}/decide", data={"csrf_token": token, "action": "sign", "actor": "reviewer"})
    assert {d.actor for d in ss.decision_log(season_web.store, got.id)} == {"reviewer2"}
    assert ss.decided(season_web.store, got.id).signed_by == "reviewer2"


def test_no_route_edits_the_audit_trail(season_web) -> None:
    store, got = season_web.store, season_web.received[2]
    ss.sign(store, got.id, Actor("reviewer", "reviewer"))
    before = [(e.actor, e.action, e.detail, e.at) for e in ss.audit_trail(store, season_web.season.id)]
    client = season_web.client("admin")
    token = csrf(client)
    for route in season_web.app.routes:
        methods = getattr(route, "methods", set()) or set()
        assert not methods & {"PUT", "PATCH", "DELETE"} or "season" not in route.path
        if "POST" in methods and "{" in route.path and "season" in route.path:
            path = route.path.replace("{season_id}", str(season_web.season.id)).replace(
                "{season_report_id}", str(got.id))
            client.post(path, data={"csrf_token": token, "action": "delete", "finding": "*"})
    after = [(e.actor, e.action, e.detail, e.at) for e in ss.audit_trail(store, season_web.season.id)]
    assert after[: len(before)] == before


def test_the_season_json_twin_gives_the_rates(season_web) -> None:
    body = season_web.client("viewer").get(f"/api/seasons/{season_web.season.id}").json()
    assert body["rates"]["received"] == 5 and body["rates"]["units"] == 6 and body["missing"] == [SILENT_UNIT]


def test_the_signed_letter_downloads_without_the_draft_mark(season_web) -> None:
    client = season_web.client("reviewer")
    got = season_web.received[3]
    base = f"/seasons/{season_web.season.id}/reports/{got.id}"
    draft = client.get(f"{base}/letter.md").text
    client.post(f"{base}/sign", data={"csrf_token": csrf(client, base)})
    signed = client.get(f"{base}/letter.md")
    assert draft.startswith("**初审稿") and not signed.text.startswith("**初审稿")
    from urllib.parse import quote

    assert "审核人：reviewer" in signed.text
    assert signed.headers["content-disposition"].endswith(quote("审核意见.md"))


def test_an_own_finding_anchored_to_a_passage_reaches_the_letter(season_web) -> None:
    client = season_web.client("reviewer")
    got = season_web.received[4]
    base = f"/seasons/{season_web.season.id}/reports/{got.id}"
    start = next(i for i in range(len(got.text)) if got.text.startswith("法治", i) and "\n" not in got.text[i:i + 12])
    client.post(f"{base}/decide", data={"csrf_token": csrf(client, base), "action": "add", "start": str(start),
                                        "end": str(start + 12), "message": "此段未说明具体成效。"})
    letter = client.get(f"{base}/letter.md").text
    assert "此段未说明具体成效。" in letter and got.text[start:start + 12] in letter


def test_the_reviewers_verdict_is_the_letters(season_web) -> None:
    client = season_web.client("reviewer")
    got = season_web.received[3]
    base = f"/seasons/{season_web.season.id}/reports/{got.id}"
    client.post(f"{base}/decide", data={"csrf_token": csrf(client, base), "action": "verdict", "verdict": "需修改"})
    assert "审核结论：需修改" in client.get(f"{base}/letter.md").text.replace("*", "")


def test_the_admin_corrects_and_adds_roster_units_in_the_app(season_web) -> None:
    client = season_web.client("admin")
    units = ss.roster(season_web.store, season_web.season.id)
    token = csrf(client, f"/seasons/{season_web.season.id}")
    client.post(f"/seasons/{season_web.season.id}/units/{units[-1].id}",
                data={"csrf_token": token, "name": units[-1].name, "level": "county", "contact": "张三 0000-1234"})
    client.post(f"/seasons/{season_web.season.id}/units", data={"csrf_token": token, "name": "新增县人民政府"})
    after = {u.name: u for u in ss.roster(season_web.store, season_web.season.id)}
    assert after[SILENT_UNIT].contact == "张三 0000-1234" and after[SILENT_UNIT].level == "county"
    assert "新增县人民政府" in after


def test_a_reviewer_cannot_change_the_roster(season_web) -> None:
    client = season_web.client("reviewer")
    token = csrf(client, f"/seasons/{season_web.season.id}")
    response = client.post(f"/seasons/{season_web.season.id}/units", data={"csrf_token": token, "name": "某县"})
    assert response.status_code == 403


def test_publication_date_and_sending_move_the_unit_status(season_web) -> None:
    client = season_web.client("reviewer")
    got = season_web.received[0]
    base = f"/seasons/{season_web.season.id}/reports/{got.id}"
    token = csrf(client, base)
    client.post(f"{base}/dates", data={"csrf_token": token, "published": "2025-04-02"})
    refused = client.post(f"{base}/send", data={"csrf_token": token})
    client.post(f"{base}/sign", data={"csrf_token": token})
    client.post(f"{base}/send", data={"csrf_token": token})
    status = ss.season_view(season_web.store, season_web.season.id).statuses[0]
    assert refused.status_code == 400
    assert (status.published, status.stage) == ("late", "sent")
