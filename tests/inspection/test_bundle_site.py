"""What issue 14 added to an inspection travels in bundles (format 2): the park's location and
the reasons given at signing for items that break an evidence rule. Bundles of format 1 (made
before) are still imported; a reason recorded later on one laptop merges into the other's copy
of an unsigned inspection."""
from __future__ import annotations

import json

import pytest

from inspection.bundle import BundleRefused, export_bundle, import_bundle
from inspection.bundle.format import FORMAT, MANIFEST, content_sha256
from inspection.report import build_report
from inspection.signing.issue import issue_report
from inspection.store import Store, open_store
from tests.inspection.bundle_data import PASSWORD, make_key, members, open_key, rebuild, trust
from tests.inspection.report_text import stream_text

LOCATION = (30.82, 121.25)
REASON = "保密车间禁止拍照，园区已出具书面说明"


@pytest.fixture
def laptops(tmp_path):
    a = open_store(tmp_path / "a", actor="张三")
    b = open_store(tmp_path / "b", actor="李四")
    yield a, b
    a.close()
    b.close()


@pytest.fixture(scope="module")
def key(tmp_path_factory):
    return make_key(tmp_path_factory.mktemp("keys"), "张三")


def inspection_with_a_reason(store: Store) -> str:
    park = store.add_park("星河智造小微企业园", "manufacturing", address="林宝路 88 号")
    store.set_park_location(park.id, LOCATION)
    inspection = store.new_inspection(park.id, ["000"], inspectors=["张三"], date="2026-11-20",
                                      organisation="金山区经委")
    store.save_answer(inspection.id, "000", "1-1-1", result="fail", note="保密车间")  # no photo
    store.record_evidence_reasons(inspection.id, {("000", "1-1-1"): REASON})
    return inspection.id


def test_the_location_and_the_reasons_move_with_a_signed_inspection(tmp_path, laptops, key):
    a, b = laptops
    iid = inspection_with_a_reason(a)
    issue_report(a, iid, key_path=key, password=PASSWORD)
    pib = export_bundle(a, iid, tmp_path / "r1.pib")
    manifest = json.loads(members(pib.path)[MANIFEST])
    assert manifest["format"] == FORMAT
    trust(b, key)
    assert import_bundle(b, pib.path).action == "create"
    assert b.snapshot(iid).park.location == LOCATION
    assert b.evidence_reasons(iid) == {("000", "1-1-1"): REASON}
    # the office's printout of it says why, as the signed one does
    out = build_report(b.snapshot(iid), tmp_path / "copy.pdf", data_dir=b.data_dir)
    assert f"理由：{REASON}" in "".join(stream_text(out))
    assert import_bundle(b, pib.path).action == "nothing"


def test_a_park_here_without_a_location_learns_it_and_one_with_keeps_its_own(tmp_path,
                                                                             laptops, key):
    a, b = laptops
    iid = inspection_with_a_reason(a)
    pib = export_bundle(a, iid, tmp_path / "d.pib")
    here = b.add_park("星河智造小微企业园", "manufacturing")  # the same park, known by name here
    import_bundle(b, pib.path, allow_unsigned=True)
    assert b.park(here.id).location == LOCATION
    c = open_store(tmp_path / "c", actor="王五")
    own = c.add_park("星河智造小微企业园", "manufacturing")
    c.set_park_location(own.id, (30.9, 121.3))
    import_bundle(c, pib.path, allow_unsigned=True)
    assert c.park(own.id).location == (30.9, 121.3)  # never overwritten by a bundle
    c.close()


def test_a_bundle_of_format_1_is_still_imported(tmp_path, laptops, key):
    a, b = laptops
    iid = inspection_with_a_reason(a)
    issue_report(a, iid, key_path=key, password=PASSWORD)
    pib = export_bundle(a, iid, tmp_path / "r1.pib")

    def as_format_1(rows, files, manifest):  # what a program before format 2 wrote
        del rows["park"]["location"]
        del rows["evidence_reasons"]
        manifest["format"] = "park-inspector-bundle/1"

    old = rebuild(pib.path, tmp_path / "old.pib", as_format_1, key=open_key(key))
    trust(b, key)
    result = import_bundle(b, old)
    assert result.action == "create" and result.signed
    assert b.snapshot(iid).park.location is None and b.evidence_reasons(iid) == {}
    assert content_sha256(b.exchange_rows(iid).rows) == content_sha256(a.exchange_rows(iid).rows)
    # the same revision in format 2 afterwards: the same content, nothing to do
    assert import_bundle(b, pib.path).action == "nothing"


@pytest.mark.parametrize("change, where", [
    ("format 1 with a reason", "rows"),
    ("format 2 without reasons", "rows"),
    ("reason for another template", "evidence_reasons[0].template_id"),
    ("empty reason", "evidence_reasons[0].reason"),
    ("location out of range", "park.location"),
])
def test_a_bundle_whose_new_fields_are_wrong_is_refused(tmp_path, laptops, key, change, where):
    a, b = laptops
    iid = inspection_with_a_reason(a)
    pib = export_bundle(a, iid, tmp_path / "d.pib")

    def alter(rows, files, manifest):
        if change == "format 1 with a reason":
            manifest["format"] = "park-inspector-bundle/1"
        elif change == "format 2 without reasons":
            del rows["evidence_reasons"]
        elif change == "reason for another template":
            rows["evidence_reasons"][0]["template_id"] = "004"
        elif change == "empty reason":
            rows["evidence_reasons"][0]["reason"] = "  "
        else:
            rows["park"]["location"] = [130.0, 121.25]

    forged = rebuild(pib.path, tmp_path / "forged.pib", alter, key=open_key(key))
    trust(b, key)
    with pytest.raises(BundleRefused) as refused:
        import_bundle(b, forged)
    assert refused.value.code in ("bundle.bad_rows", "bundle.bad_manifest")
    assert where in refused.value.text()
    assert not b.has_inspection(iid)


def test_a_reason_recorded_later_merges_into_the_other_laptops_copy(tmp_path, laptops):
    a, b = laptops
    iid = inspection_with_a_reason(a)
    import_bundle(b, export_bundle(a, iid, tmp_path / "1.pib").path, allow_unsigned=True)
    a.record_evidence_reasons(iid, {("000", "1-1-1"): REASON + "（补充：见书面说明第 2 页）"})
    a.save_answer(iid, "000", "1-1-2", result="partial")  # a draft of 基本符合: needs a note
    a.record_evidence_reasons(iid, {("000", "1-1-2"): "负责人不在场，下次复查"})
    result = import_bundle(b, export_bundle(a, iid, tmp_path / "2.pib").path,
                           allow_unsigned=True)
    assert result.action == "merge"
    assert b.evidence_reasons(iid) == a.evidence_reasons(iid)
    # only a newer wording replaces: the older bundle again changes nothing
    assert import_bundle(b, tmp_path / "1.pib", allow_unsigned=True).action == "nothing"
    assert b.evidence_reasons(iid) == a.evidence_reasons(iid)
