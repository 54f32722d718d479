"""Handwritten signatures across revisions: carried while what they confirmed is unchanged,
lapsed (said per signer) when a result or finding they confirmed changed; the same after the
office's 退回 and after reopening a signed inspection; the carry-over in the audit trail."""
import json

import pytest

from inspection.model import SignerRole, Status
from inspection.signers import missing_signers

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 16


def _sign_all(store, inspection):
    store.save_answer(inspection.id, "000", "1-1-1", result="pass")
    store.save_answer(inspection.id, "000", "1-1-2", result="fail")
    store.add_finding(inspection.id, "000", "1-1-2", requirement="补齐台账")
    for name in inspection.inspectors:
        store.set_signature(inspection.id, SignerRole.INSPECTOR, name, image_png=PNG)
    store.set_signature(inspection.id, SignerRole.PARK_REPRESENTATIVE, "王五", image_png=PNG,
                        title="园区主任")


def _returned(store, inspection):
    """Completed, then the office's 退回 (as a sync's pull leaves it), then 重新打开修改…"""
    store.set_status(inspection.id, Status.COMPLETED)
    store.db.execute("INSERT INTO hub_reviews VALUES ('hub', 'r1', ?, 1, 'returned', '补照片', '[]',"
                     " '审核', '2026-11-21T10:00:00+08:00', '2026-11-21T10:00:00+08:00', NULL, NULL)",
                     [inspection.id])
    return store.reopen_returned(inspection.id)


def _signed_then_reopened(store, inspection):
    store.mark_signed(inspection.id, path="reports/r1.pdf", sha256="a" * 64, signer="张三",
                      updated_at=store.inspection(inspection.id).updated_at)
    return store.reopen(inspection.id, reason="补照片")


REOPENINGS = {"returned": _returned, "signed": _signed_then_reopened}


@pytest.mark.parametrize("reopen", REOPENINGS)
def test_signatures_carry_into_the_new_revision_when_results_and_findings_are_unchanged(
        store, inspection, reopen):
    _sign_all(store, inspection)
    given = {s.name: s.signed_at for s in store.signatures(inspection.id)}
    reopened = REOPENINGS[reopen](store, inspection)
    assert reopened.revision == 2
    # a note (or a photo) is evidence, not what was signed:
    store.save_answer(inspection.id, "000", "1-1-1", result="pass", note="现场补拍照片")
    held, lapsed = store.signature_standing(inspection.id)
    assert lapsed == []
    assert {(s.role, s.name, s.carried_from, s.signed_at) for s in held} == {
        (SignerRole.INSPECTOR, "张三", 1, given["张三"]), (SignerRole.INSPECTOR, "李四", 1, given["李四"]),
        (SignerRole.PARK_REPRESENTATIVE, "王五", 1, given["王五"])}
    assert missing_signers(reopened, held) == []
    assert store.snapshot(inspection.id).signatures == tuple(held)


@pytest.mark.parametrize("reopen", REOPENINGS)
def test_a_changed_result_lapses_every_carried_signature_and_says_what_changed(
        store, inspection, reopen):
    _sign_all(store, inspection)
    REOPENINGS[reopen](store, inspection)
    store.save_answer(inspection.id, "000", "1-1-1", result="partial")
    held, lapsed = store.signature_standing(inspection.id)
    assert held == []
    assert [g.signature.name for g in lapsed] == ["张三", "李四", "王五"]
    assert lapsed[0].reason().text("zh_CN") == "1-1-1 的结果由“符合”改为“基本符合”"
    assert lapsed[0].reason().text("en") == "the result of 1-1-1 changed from “符合” to “基本符合”"
    assert [label for _, label in missing_signers(store.inspection(inspection.id), held)] == [
        "张三", "李四", ""]
    # the inspector signs again: theirs holds, given in this revision; the others stay lapsed
    store.set_signature(inspection.id, SignerRole.INSPECTOR, "张三", image_png=PNG)
    held, lapsed = store.signature_standing(inspection.id)
    assert [(s.name, s.carried_from, s.revision) for s in held] == [("张三", None, 2)]
    assert [g.signature.name for g in lapsed] == ["李四", "王五"]
    # changed back: what they confirmed is what stands again
    store.save_answer(inspection.id, "000", "1-1-1", result="pass")
    assert {s.name for s in store.signature_standing(inspection.id)[0]} == {"张三", "李四", "王五"}


def test_a_changed_finding_lapses_carried_signatures(store, inspection):
    _sign_all(store, inspection)
    _returned(store, inspection)
    finding = store.findings(inspection.id)[0]
    store.update_finding(finding.id, requirement="补齐台账并公示")
    lapsed = store.signature_standing(inspection.id)[1]
    assert len(lapsed) == 3
    assert lapsed[2].reason().text("zh_CN") == "1-1-2 的整改项改了"


def test_signing_keeps_the_carried_signatures_that_hold_and_the_audit_says_so(store, inspection):
    _sign_all(store, inspection)
    _signed_then_reopened(store, inspection)
    store.save_answer(inspection.id, "000", "1-1-2", result="partial")
    store.set_signature(inspection.id, SignerRole.INSPECTOR, "张三", image_png=PNG)
    store.set_signature(inspection.id, SignerRole.INSPECTOR, "李四", image_png=PNG)
    store.save_answer(inspection.id, "000", "1-1-2", result="fail")  # back: 王五's holds again
    store.save_answer(inspection.id, "000", "1-1-3", result="pass")  # new: every carried one lapses
    store.mark_signed(inspection.id, path="reports/r2.pdf", sha256="b" * 64, signer="张三",
                      updated_at=store.inspection(inspection.id).updated_at)
    kept = store.signatures(inspection.id, revision=2)
    assert [(s.name, s.carried_from) for s in kept] == [("张三", None), ("李四", None)]
    audit = [e for e in store.audit_entries(inspection.id) if e["action"] in ("reopen", "sign_report")]
    details = [json.loads(e["detail"]) for e in audit]
    assert details[1]["carried_signatures"] == [
        {"role": "inspector", "name": "张三", "from_revision": 1},
        {"role": "inspector", "name": "李四", "from_revision": 1},
        {"role": "park_representative", "name": "王五", "from_revision": 1}]
    assert details[2]["carried_signatures"] == []
    assert details[2]["lapsed_signatures"] == [
        {"role": "park_representative", "name": "王五", "from_revision": 1}]
    # the first revision's signatures are as they were
    assert [s.name for s in store.signatures(inspection.id, revision=1)] == ["张三", "李四", "王五"]


def test_a_signature_carried_twice_names_the_revision_it_was_given_in(store, inspection):
    _sign_all(store, inspection)
    _signed_then_reopened(store, inspection)
    _signed_then_reopened(store, inspection)
    held = store.signatures(inspection.id)
    assert store.inspection(inspection.id).revision == 3
    assert {(s.name, s.carried_from) for s in held} == {("张三", 1), ("李四", 1), ("王五", 1)}


def _real_png(text_seed: int = 0) -> bytes:
    from io import BytesIO

    from PIL import Image, ImageDraw
    image = Image.new("RGBA", (300, 100), (255, 255, 255, 0))
    ImageDraw.Draw(image).line([(10, 80), (90, 20 + text_seed), (200, 70), (290, 30)],
                               fill=(20, 20, 60, 255), width=5)
    buffer = BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def test_the_reports_signature_block_says_which_revision_a_carried_signature_was_given_in(
        store, inspection, tmp_path):
    from inspection.signing.issue import export_report
    from tests.inspection.report_text import stream_text
    _sign_all(store, inspection)
    for name in inspection.inspectors:
        store.set_signature(inspection.id, SignerRole.INSPECTOR, name, image_png=_real_png())
    _returned(store, inspection)
    store.set_signature(inspection.id, SignerRole.INSPECTOR, "李四", image_png=_real_png(20))
    given = {s.name: s.signed_at for s in store.signatures(inspection.id)}
    pdf = export_report(store, inspection.id, out=tmp_path / "r2.pdf")
    page = next(t for t in stream_text(pdf) if "签字确认" in t)
    zhang = given["张三"][:16].replace("T", "")
    assert f"签于第1版{zhang}" in page  # (whitespace removed by stream_text)
    assert "签于第1版" in page.split("王五")[1]
    assert page.count("签于第1版") == 2  # 张三 and 王五; 李四 signed again in revision 2
    assert "其后签名人所确认的检查结果和整改项均未改动" in page and "沿用至本版（第2版）" in page
