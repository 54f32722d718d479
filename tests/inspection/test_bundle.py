"""Bundles between two data folders: the round trip, the same revision again, supersede, and
an unsigned inspection edited on two laptops merged item by item (with and without conflicts)."""
from __future__ import annotations

import hashlib
import json

import pytest

from inspection.bundle import BundleRefused, export_bundle, import_bundle
from inspection.bundle.format import content_sha256
from inspection.model import SignerRole, Status
from inspection.signing.issue import issue_report
from inspection.signing.verify import verify_pdf
from inspection.store import open_store
from tests.inspection.bundle_data import (
    PASSWORD,
    make_key,
    media_files,
    members,
    open_key,
    signed_inspection,
    trust,
)
from tests.inspection.report_data import ANNOTATIONS


@pytest.fixture(scope="module")
def keys(tmp_path_factory):
    folder = tmp_path_factory.mktemp("keys")
    return {"张三": make_key(folder, "张三"), "李四": make_key(folder, "李四")}


@pytest.fixture
def laptops(tmp_path):
    a = open_store(tmp_path / "a", actor="张三")
    b = open_store(tmp_path / "b", actor="李四")
    yield a, b
    a.close()
    b.close()


def state(store, inspection_id):
    """What an inspection says, comparable between folders."""
    return content_sha256(store.exchange_rows(inspection_id).rows)


def test_a_signed_inspection_moves_whole_and_byte_identical(tmp_path, laptops, keys):
    a, b = laptops
    iid = signed_inspection(a, keys["张三"], photos=6)
    assert any(p.annotations for p in a.photos(iid))
    pib = export_bundle(a, iid, tmp_path / "r1.pib")
    assert pib.signed and pib.from_seal  # sealed when the report was signed: no key needed now
    trust(b, keys["张三"])
    result = import_bundle(b, tmp_path / "r1.pib")
    assert (result.action, result.inspection_id, result.signed) == ("create", iid, True)
    # every photo original, report-size copy and signed report, byte for byte
    theirs, mine = media_files(b), media_files(a)
    assert {k: v for k, v in theirs.items() if k.startswith("media/")} == \
        {k: v for k, v in mine.items() if k.startswith("media/")}
    assert sorted(theirs.values()) == sorted(mine.values())
    # rows: answers, findings, photos with annotations and thumbnails, signatures, report
    assert state(b, iid) == state(a, iid)
    assert [p.annotations for p in b.photos(iid)] == [p.annotations for p in a.photos(iid)]
    assert [b.thumbnail(p.id) for p in b.photos(iid)] == [a.thumbnail(p.id) for p in a.photos(iid)]
    assert [(s.name, s.image_png) for s in b.signatures(iid)] == \
        [(s.name, s.image_png) for s in a.signatures(iid)]
    assert b.inspection(iid).status is Status.SIGNED and b.inspection(iid).locked
    report = b.reports(iid)[0]
    assert report.sha256 == a.reports(iid)[0].sha256
    verification = verify_pdf(report.file(b.data_dir), trusted_dir=b.data_dir.keys)
    assert verification.ok and verification.trusted and verification.signer == "张三"
    assert b.check().ok, b.check().problems
    # the audit rows came along, A's chain checked as A's, B's own chain whole
    a_rows = {r["hash"] for r in a.audit_entries(iid) if r["action"] != "seal_revision"}
    assert a_rows <= {r["hash"] for r in b.audit_entries(iid)}
    assert b.audit_entries(iid)[-1]["action"] == "import_bundle"
    # exported again from B: the very same bytes (the seal travelled with it)
    again = export_bundle(b, iid, tmp_path / "again.pib")
    assert again.from_seal
    assert (tmp_path / "again.pib").read_bytes() == (tmp_path / "r1.pib").read_bytes()


def test_the_same_revision_again_changes_nothing(tmp_path, laptops, keys):
    a, b = laptops
    iid = signed_inspection(a, keys["张三"])
    export_bundle(a, iid, tmp_path / "r1.pib")
    trust(b, keys["张三"])
    import_bundle(b, tmp_path / "r1.pib")
    before = (b.audit_entries(), media_files(b), b.inspection(iid))
    result = import_bundle(b, tmp_path / "r1.pib")
    assert result.action == "nothing" and result.files_written == 0
    assert (b.audit_entries(), media_files(b), b.inspection(iid)) == before


def test_a_newer_revision_supersedes_and_the_older_stays_readable(tmp_path, laptops, keys):
    a, b = laptops
    trust(b, keys["张三"])
    iid = signed_inspection(a, keys["张三"])
    export_bundle(a, iid, tmp_path / "r1.pib")
    import_bundle(b, tmp_path / "r1.pib")
    a.reopen(iid, reason="补充照片说明")
    a.save_answer(iid, "000", "1-1-1", result="fail", note="复查发现积水")
    issue_report(a, iid, key_path=keys["张三"], password=PASSWORD)
    export_bundle(a, iid, tmp_path / "r2.pib")
    result = import_bundle(b, tmp_path / "r2.pib")
    assert result.action == "replace" and result.revision == 2
    assert b.inspection(iid).revision == 2 and b.answer(iid, "000", "1-1-1").result == "fail"
    assert state(b, iid) == state(a, iid)
    kept = b.revisions(iid)
    assert [(r.revision, r.kind) for r in kept] == [(1, "sealed"), (2, "sealed")]
    old = b.revision_rows(kept[0].id)
    assert old["inspection"]["revision"] == 1
    assert [r.revision for r in b.reports(iid)] == [1, 2]
    for report in b.reports(iid):
        assert verify_pdf(report.file(b.data_dir)).ok
    # r1 arriving late changes nothing: it is kept already
    assert import_bundle(b, tmp_path / "r1.pib").action == "nothing"
    assert b.check().ok


def test_an_older_signed_revision_arriving_later_is_kept_readable(tmp_path, laptops, keys):
    a, b = laptops
    trust(b, keys["张三"])
    iid = signed_inspection(a, keys["张三"])
    export_bundle(a, iid, tmp_path / "r1.pib")
    a.reopen(iid)
    issue_report(a, iid, key_path=keys["张三"], password=PASSWORD)
    export_bundle(a, iid, tmp_path / "r2.pib")
    assert import_bundle(b, tmp_path / "r2.pib").action == "create"
    result = import_bundle(b, tmp_path / "r1.pib")
    assert result.action == "archive"
    assert b.inspection(iid).revision == 2
    assert [(r.revision, r.kind) for r in b.revisions(iid)] == [(1, "superseded"), (2, "sealed")]
    assert import_bundle(b, tmp_path / "r1.pib").action == "nothing"


def test_different_content_for_a_signed_revision_is_refused(tmp_path, laptops, keys):
    """As ODK Central answers 409: a signed revision never changes."""
    from tests.inspection.bundle_data import rebuild

    a, b = laptops
    trust(b, keys["张三"])
    iid = signed_inspection(a, keys["张三"])
    export_bundle(a, iid, tmp_path / "r1.pib")
    import_bundle(b, tmp_path / "r1.pib")

    def other_note(rows, files, manifest):
        rows["answers"][0]["note"] = "签署后改过的备注"

    rebuild(tmp_path / "r1.pib", tmp_path / "forged.pib", other_note, key=open_key(keys["张三"]))
    before = (b.audit_entries(), state(b, iid))
    with pytest.raises(BundleRefused) as refused:
        import_bundle(b, tmp_path / "forged.pib")
    assert refused.value.code == "bundle.signed_differs"
    assert (b.audit_entries(), state(b, iid)) == before


def draft_on_two_laptops(tmp_path, a, b):
    """A draft started on A, handed to B unsigned: both now hold the same draft."""
    park = a.add_park("星河智造小微企业园", "manufacturing")
    iid = a.new_inspection(park.id, ["000"], inspectors=["张三", "李四"], date="2026-11-20").id
    a.save_answer(iid, "000", "1-1-1", result="pass")
    a.add_finding(iid, "000", "1-1-5", requirement="清理消防栓周边货物", severity="major")
    export_bundle(a, iid, tmp_path / "start.pib")
    assert import_bundle(b, tmp_path / "start.pib", allow_unsigned=True).action == "create"
    return iid


def exchange(tmp_path, source, target, iid, name):
    export_bundle(source, iid, tmp_path / name)
    return import_bundle(target, tmp_path / name, allow_unsigned=True)


def test_two_laptops_merge_item_by_item_where_only_one_changed_an_item(tmp_path, laptops):
    a, b = laptops
    iid = draft_on_two_laptops(tmp_path, a, b)
    a.save_answer(iid, "000", "1-1-2", result="partial", note="东侧路灯不亮")
    a.add_finding(iid, "000", "1-1-2", requirement="修复路灯")
    b.save_answer(iid, "000", "1-1-3", result="fail", note="标牌缺失")
    b.save_answer(iid, "000", "1-1-1", note="现场核实")  # A did not touch it again
    finding = b.findings(iid)[0]
    b.set_finding_status(finding.id, "closed", note="已整改")
    b.save_answer(iid, "000", "1-1-4", result="pass")
    b.save_answer(iid, "000", "1-1-4", note="")  # touched and left as answered
    result = exchange(tmp_path, a, b, iid, "a1.pib")
    assert (result.action, result.conflicts) == ("merge", 0)
    answers = b.answers(iid)
    assert answers[("000", "1-1-2")].note == "东侧路灯不亮"  # A's
    assert answers[("000", "1-1-3")].result == "fail"  # B's, kept
    assert answers[("000", "1-1-1")].note == "现场核实"  # B changed it, A did not
    assert {f.requirement: f.status.value for f in b.findings(iid)} == {
        "清理消防栓周边货物": "closed", "修复路灯": "open"}
    back = exchange(tmp_path, b, a, iid, "b1.pib")
    assert (back.action, back.conflicts) == ("merge", 0)
    assert state(a, iid) == state(b, iid)  # both laptops hold the same inspection now
    assert exchange(tmp_path, a, b, iid, "a2.pib").action == "nothing"
    assert a.check().ok and b.check().ok


def test_a_deletion_on_one_laptop_travels(tmp_path, laptops):
    a, b = laptops
    iid = draft_on_two_laptops(tmp_path, a, b)
    a.save_answer(iid, "000", "1-1-1", result=None)  # cleared on A
    finding = a.findings(iid)[0]
    a.delete_finding(finding.id)
    exchange(tmp_path, a, b, iid, "a1.pib")
    assert b.answer(iid, "000", "1-1-1") is None and b.findings(iid) == []
    # and importing B's older bundle on A later does not bring them back
    export_bundle(b, iid, tmp_path / "b-old.pib")
    assert import_bundle(a, tmp_path / "b-old.pib", allow_unsigned=True).action == "nothing"
    assert a.answer(iid, "000", "1-1-1") is None


def test_an_item_both_changed_keeps_both_and_waits_for_the_lead(tmp_path, laptops, keys):
    a, b = laptops
    iid = draft_on_two_laptops(tmp_path, a, b)
    a.save_answer(iid, "000", "1-1-1", result="fail", note="A：积水")
    b.save_answer(iid, "000", "1-1-1", result="partial", note="B：少量积水")
    b.save_answer(iid, "000", "1-1-6", result="pass")
    result = exchange(tmp_path, a, b, iid, "a1.pib")
    assert (result.action, result.conflicts) == ("merge", 1)
    assert b.answer(iid, "000", "1-1-1").note == "B：少量积水"  # ours stays in place
    (conflict,) = b.conflicts(iid)
    assert conflict.item == ("000", "1-1-1") and conflict.entity == "answer"
    assert conflict.theirs["record"]["note"] == "A：积水"
    assert b.conflicted_items(iid) == {("000", "1-1-1")}
    # the same bundle again: still one conflict
    assert import_bundle(b, tmp_path / "a1.pib", allow_unsigned=True).action == "nothing"
    assert len(b.conflicts(iid)) == 1
    # signing waits
    with pytest.raises(BundleRefused, match="冲突待核"):
        issue_report(b, iid, key_path=keys["李四"], password=PASSWORD)
    # A, receiving B's bundle, sees the same conflict from its side
    assert exchange(tmp_path, b, a, iid, "b1.pib").conflicts == 1
    # the lead picks on B; undo and pick again
    b.resolve_conflict(conflict.id, "theirs")
    assert b.answer(iid, "000", "1-1-1").note == "A：积水" and b.conflicts(iid) == []
    b.reopen_conflict(conflict.id)
    assert b.answer(iid, "000", "1-1-1").note == "B：少量积水" and len(b.conflicts(iid)) == 1
    b.resolve_conflict(conflict.id, "theirs")
    # the choice travels: A takes it and its own conflict closes
    back = exchange(tmp_path, b, a, iid, "b2.pib")
    assert back.conflicts == 0 and a.conflicts(iid) == []
    assert a.answer(iid, "000", "1-1-1").note == "A：积水"
    assert state(a, iid) == state(b, iid)
    issue_report(b, iid, key_path=keys["李四"], password=PASSWORD)  # no conflict left
    assert b.check().ok and a.check().ok


def test_a_signed_revision_replaces_the_draft_and_sets_aside_what_it_lacks(tmp_path, laptops,
                                                                          keys):
    a, b = laptops
    iid = draft_on_two_laptops(tmp_path, a, b)
    b.save_answer(iid, "000", "1-2-1", result="fail", note="B 上未交回的修改")
    issue_report(a, iid, key_path=keys["张三"], password=PASSWORD)
    export_bundle(a, iid, tmp_path / "signed.pib")
    trust(b, keys["张三"])
    result = import_bundle(b, tmp_path / "signed.pib")
    assert result.action == "replace" and result.archived == ("set_aside",)
    assert b.inspection(iid).locked and b.answer(iid, "000", "1-2-1") is None
    (aside,) = [r for r in b.revisions(iid) if r.kind == "set_aside"]
    kept = b.revision_rows(aside.id)
    assert any(x["item_code"] == "1-2-1" for x in kept["answers"])  # nothing lost
    assert state(b, iid) == state(a, iid)


def test_unsigned_changes_to_a_revision_signed_here_are_refused(tmp_path, laptops, keys):
    a, b = laptops
    iid = draft_on_two_laptops(tmp_path, a, b)
    b.save_answer(iid, "000", "1-1-8", result="pass")
    issue_report(a, iid, key_path=keys["张三"], password=PASSWORD)
    export_bundle(b, iid, tmp_path / "late-draft.pib")
    with pytest.raises(BundleRefused) as refused:
        import_bundle(a, tmp_path / "late-draft.pib", allow_unsigned=True)
    assert refused.value.code == "bundle.signed_here"


def test_a_draft_bundle_signed_with_a_key_says_who(tmp_path, laptops, keys):
    a, b = laptops
    park = a.add_park("星河智造小微企业园", "manufacturing")
    iid = a.new_inspection(park.id, ["000"], inspectors=["张三"], date="2026-11-20").id
    a.set_signature(iid, SignerRole.INSPECTOR, "张三", image_png=b"\x89PNG\r\n\x1a\n" + b"0" * 8)
    result = export_bundle(a, iid, tmp_path / "d.pib", key=open_key(keys["张三"]))
    assert result.signed and not result.from_seal
    trust(b, keys["张三"])
    imported = import_bundle(b, tmp_path / "d.pib")
    assert imported.signed and imported.signer["name"] == "张三"
    assert json.loads(members(tmp_path / "d.pib")["manifest.json"])["signed"] is True


def test_exporting_a_signed_revision_without_its_seal_needs_the_signers_key(tmp_path, laptops,
                                                                             keys):
    a, _ = laptops
    iid = signed_inspection(a, keys["张三"])
    a.db.execute("DELETE FROM revisions")  # as if signed before bundles existed
    with pytest.raises(BundleRefused) as refused:
        export_bundle(a, iid, tmp_path / "x.pib")
    assert refused.value.code == "bundle.needs_key"
    with pytest.raises(BundleRefused) as refused:
        export_bundle(a, iid, tmp_path / "x.pib", key=open_key(keys["李四"]))
    assert refused.value.code == "bundle.key_not_signer"
    first = export_bundle(a, iid, tmp_path / "x.pib", key=open_key(keys["张三"]))
    second = export_bundle(a, iid, tmp_path / "y.pib")  # sealed by the first
    assert not first.from_seal and second.from_seal
    assert hashlib.sha256((tmp_path / "x.pib").read_bytes()).digest() == \
        hashlib.sha256((tmp_path / "y.pib").read_bytes()).digest()


def test_annotations_travel_as_layers(tmp_path, laptops):
    a, b = laptops
    iid = draft_on_two_laptops(tmp_path, a, b)
    from tests.inspection.report_data import add_photo
    photo = add_photo(a, iid, seed=3, template_id="000", item_code="1-1-1", annotate=True)
    exchange(tmp_path, a, b, iid, "a1.pib")
    (theirs,) = b.photos(iid)
    assert theirs.sha256 == photo.sha256 and len(theirs.annotations) == len(ANNOTATIONS)
    layers = [n for n in members(tmp_path / "a1.pib") if n.startswith("annotations/")]
    assert len(layers) == 1


def test_parks_of_one_name_are_one_park_unless_the_hub_says_they_are_two(tmp_path, laptops):
    a, b = laptops
    here = b.add_park("星河智造小微企业园", "manufacturing")
    iid = draft_on_two_laptops(tmp_path, a, b)  # A's park has the same name, another uid
    assert b.inspection(iid).park_id == here.id
    # the hub matched A's park; B's same-named park was matched to another registered park
    b.match_park(here.id, "hub-park-2")
    other = a.add_park("东区产业园", "service")
    a.match_park(a.inspection(iid).park_id, "hub-park-1")
    second = a.new_inspection(a.inspection(iid).park_id, ["000"], inspectors=["张三"]).id
    export_bundle(a, second, tmp_path / "second.pib")
    import_bundle(b, tmp_path / "second.pib", allow_unsigned=True)
    park = b.park(b.inspection(second).park_id)
    registry = b.park_registry_state(park.id)
    assert park.id != here.id and registry.state.value == "flagged"
    assert registry.hub_park_id == "hub-park-1" and park.name.startswith("星河智造小微企业园（")
    # a park matched on the other laptop brings its match along to the same park here
    third = a.new_inspection(other.id, ["000"], inspectors=["张三"]).id
    export_bundle(a, third, tmp_path / "third.pib")
    import_bundle(b, tmp_path / "third.pib", allow_unsigned=True)
    a.match_park(other.id, "hub-park-3")
    a.save_answer(third, "000", "1-1-1", result="pass")
    export_bundle(a, third, tmp_path / "third2.pib")
    import_bundle(b, tmp_path / "third2.pib", allow_unsigned=True)
    assert b.park_registry_state(b.inspection(third).park_id).hub_park_id == "hub-park-3"
