"""Identity that survives many laptops: UUIDs, the device id, per-device audit chains, version
vectors and tombstones (migration m003), and the park registry's local side."""
from __future__ import annotations

import hashlib
import json
import re
import uuid
from pathlib import Path

import pytest

from checklists.errors import InvalidInput
from inspection.model import SignerRole
from inspection.signing.keys import create_signing_key
from inspection.signing.verify import verify_pdf
from inspection.store import RegistryState, open_store
from inspection.store.audit import GENESIS, row_hash, verify_device_chains
from tests.inspection.old_folder import EARLIER, INSPECTION, make_old_folder
from tests.inspection.report_data import signature_png

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
PASSWORD = "正确的密码-2026"


@pytest.fixture(scope="module")
def key_file(tmp_path_factory) -> Path:
    return create_signing_key(name="张三", organisation="金山区经济委员会", password=PASSWORD,
                              out=tmp_path_factory.mktemp("keys") / "zhangsan.p12")


def column(store, sql, params=()):
    return [r[0] for r in store.db.execute(sql, params).fetchall()]


def vv(store, table, where, params):
    return json.loads(store.db.execute(f"SELECT vv FROM {table} WHERE {where}", params).fetchone()[0])


def test_a_folder_made_before_m003_keeps_everything_through_the_migration(tmp_path, key_file):
    root = tmp_path / "old"
    old = make_old_folder(root, key_file=key_file, password=PASSWORD)
    files_before = {p.relative_to(root): hashlib.sha256(p.read_bytes()).hexdigest()
                    for p in (root / "media").rglob("*") if p.is_file()}
    with open_store(root, actor="张三") as store:
        assert "m003_identity" in store.applied_migrations
        assert UUID.match(store.device_id)
        report = store.check()
        assert report.ok, report.problems
        assert report.checked["audit_rows"] == len(old["audit"])
        # every row that travels has a UUID, all different
        uids = []
        for table in ("parks", "answers", "findings", "photos", "signatures", "reports"):
            found = column(store, f"SELECT uid FROM {table}")
            assert found and all(UUID.match(u) for u in found), table
            uids += found
        assert len(set(uids)) == len(uids)
        # the records are all there, as they were
        answers = store.answers(INSPECTION)
        assert {k[1]: (a.result, a.note) for k, a in answers.items()} == {
            "1-1-1": ("pass", ""), "1-1-5": ("fail", "消防栓被遮挡"), "1-1-2": ("partial", "东侧路灯不亮")}
        finding = store.findings(INSPECTION)[0]
        assert finding.carried_from == 1 and finding.requirement == "清理消防栓周边货物"
        carried = store.db.execute("SELECT carried_from_uid FROM findings WHERE id = 2").fetchone()[0]
        assert carried == store.db.execute("SELECT uid FROM findings WHERE id = 1").fetchone()[0]
        assert store.inspection(INSPECTION).revisit_of == EARLIER
        photos = store.photos(INSPECTION)
        assert [p.sha256 for p in photos] == old["photos"] and len(photos[0].annotations) == 4
        signatures = store.signatures(INSPECTION)
        assert {s.name: hashlib.sha256(s.image_png).hexdigest() for s in signatures} == old["signatures"]
        record = store.reports(INSPECTION)[0]
        assert record.sha256 == old["report_sha"]
        assert store.inspection(INSPECTION).locked
        # the audit rows: the same hashes, now said to be this device's
        rows = store.audit_entries()
        assert [r["hash"] for r in rows] == old["audit"]
        assert {r["device_id"] for r in rows} == {store.device_id}
        # and the next edit continues this device's chain
        store.save_answer(EARLIER, "000", "1-1-1", result="pass")
        assert store.audit_entries()[-1]["prev_hash"] == old["audit"][-1]
        assert store.check().ok
    files_after = {p.relative_to(root): hashlib.sha256(p.read_bytes()).hexdigest()
                   for p in (root / "media").rglob("*") if p.is_file()}
    assert files_after == files_before
    assert hashlib.sha256(old["report"].read_bytes()).hexdigest() == old["report_sha"]
    verification = verify_pdf(old["report"], trusted_dir=key_file.parent)
    assert verification.ok and verification.signer == "张三"


def test_every_new_record_gets_a_uuid_and_each_folder_its_own_device(tmp_path, store, inspection):
    store.save_answer(inspection.id, "000", "1-1-1", result="pass")
    finding = store.add_finding(inspection.id, "000", "1-1-1", requirement="整改").finding
    store.set_signature(inspection.id, SignerRole.INSPECTOR, "张三", image_png=signature_png("张三"))
    park = store.park(inspection.park_id)
    assert UUID.match(park.uid)
    for table in ("answers", "findings", "signatures"):
        assert all(UUID.match(u) for u in column(store, f"SELECT uid FROM {table}"))
    assert UUID.match(column(store, "SELECT uid FROM findings WHERE id = ?", [finding.id])[0])
    with open_store(tmp_path / "other") as other:
        assert other.device_id != store.device_id
        assert other.add_park("另一个园区", "service").uid != park.uid


def test_a_change_here_counts_one_more_for_this_device_and_only_a_change(store, inspection):
    key = "inspection_id = ? AND item_code = '1-1-1'", [inspection.id]
    store.save_answer(inspection.id, "000", "1-1-1", result="pass")
    assert vv(store, "answers", *key) == {store.device_id: 1}
    store.save_answer(inspection.id, "000", "1-1-1", result="pass")  # the same again
    assert vv(store, "answers", *key) == {store.device_id: 1}
    store.save_answer(inspection.id, "000", "1-1-1", note="积水")
    assert vv(store, "answers", *key) == {store.device_id: 2}


def test_a_deletion_leaves_a_tombstone_that_a_new_answer_continues(store, inspection):
    store.save_answer(inspection.id, "000", "1-1-1", note="积水")
    uid = column(store, "SELECT uid FROM answers")[0]
    store.save_answer(inspection.id, "000", "1-1-1", note="")  # cleared: the row is deleted
    (entity, key, tomb_uid, tomb_vv), = store.db.execute(
        "SELECT entity, key, uid, vv FROM tombstones").fetchall()
    assert (entity, json.loads(key), tomb_uid) == ("answer", ["000", "1-1-1"], uid)
    deleted = json.loads(tomb_vv)[store.device_id]
    assert deleted >= 2  # later than the answer it removed
    store.save_answer(inspection.id, "000", "1-1-1", result="fail")
    assert column(store, "SELECT uid FROM answers") == [uid]  # the same answer, again
    assert vv(store, "answers", "uid = ?", [uid]) == {store.device_id: deleted + 1}
    assert column(store, "SELECT COUNT(*) FROM tombstones") == [0]


def test_deleting_a_draft_with_carried_findings_leaves_no_tombstones(store, inspection):
    store.add_finding(inspection.id, "000", "1-1-1", requirement="整改")
    revisit = store.new_revisit(inspection.id)
    assert len(store.findings(revisit.id)) == 1
    store.delete_inspection(revisit.id)
    assert column(store, "SELECT COUNT(*) FROM tombstones WHERE inspection_id = ?",
                  [revisit.id]) == [0]
    assert store.check().ok


def row(prev, n, device="dev-b"):
    data = {"id": n, "at": f"t{n}", "actor": "李四", "action": "answer", "inspection_id": "x",
            "entity": "answer", "entity_id": str(n), "detail": "{}", "device_id": device,
            "prev_hash": prev}
    data["hash"] = row_hash(prev, data)
    return data


def test_other_devices_chains_may_have_gaps_but_no_forks_or_altered_rows():
    a = row(GENESIS, 1)
    b = row(a["hash"], 2)
    c = row(b["hash"], 3)
    assert verify_device_chains([a, c], "dev-a") == []  # b belongs to another inspection: a gap
    fork = row(a["hash"], 4)
    assert [x.row_id for x in verify_device_chains([a, b, fork], "dev-a")] == [4]
    altered = dict(c, detail='{"result":"pass"}')
    assert [x.row_id for x in verify_device_chains([a, altered], "dev-a")] == [3]
    mine = row(GENESIS, 5, device="dev-a")
    assert verify_device_chains([a, mine, c], "dev-a") == []
    # this device's own chain must be whole: a missing row is found
    assert [x.row_id for x in verify_device_chains([row(a["hash"], 6, device="dev-a")],
                                                   "dev-a")] == [6]


def test_a_park_is_local_until_the_hub_matches_or_flags_it(store, park):
    assert store.park_registry_state(park.id).state is RegistryState.LOCAL
    assert store.propose_park(park.id).state is RegistryState.PROPOSED
    assert [p.park_id for p in store.park_registry("proposed")] == [park.id]
    matched = store.match_park(park.id, "hub-park-17")
    assert (matched.state, matched.hub_park_id) == (RegistryState.MATCHED, "hub-park-17")
    assert store.park_by_hub_id("hub-park-17").id == park.id
    assert store.park_by_uid(park.uid).id == park.id
    other = store.add_park("同名不同地的园区", "service")
    with pytest.raises(InvalidInput, match="hub-park-17"):
        store.match_park(other.id, "hub-park-17")
    flagged = store.flag_park(other.id, "名称与中心登记的两个园区相近")
    assert flagged.state is RegistryState.FLAGGED and flagged.note.startswith("名称")
    actions = [e["action"] for e in store.audit_entries()]
    assert actions.count("park_registry") == 3
    assert store.check().ok


def test_uuid_made_by_sqlite_is_a_version_4_uuid(store):
    for _ in range(50):
        value = store.db.execute(
            "SELECT " + __import__("inspection.store.migration_identity",
                                   fromlist=["NEW_UUID"]).NEW_UUID).fetchone()[0]
        assert UUID.match(value) and uuid.UUID(value).version == 4
