"""The hub carries what issue 14 added (schema 0005): a park's location and the reasons given
at signing for items that break an evidence rule. Pushed with the revision in its one
transaction, read by the office, hidden from other inspectors by PostgreSQL, written only
through push_revision; a park without a location learns it, on the hub and on laptops that
pull the registry — never overwriting one already there."""
import psycopg
import pytest

from inspection.hub.sync import sync_folder
from inspection.model import Status
from tests.hub.folders import ADDRESS, PARK, filled_inspection, folder

LOCATION = (30.82, 121.25)
REASON = "保密车间禁止拍照，园区已出具书面说明"


def with_a_reason(store) -> str:
    inspection_id = filled_inspection(store, photos=1, findings=0, answers=2,
                                      status=Status.IN_PROGRESS)
    park = store.find_park(PARK)
    store.set_park_location(park.id, LOCATION)
    store.save_answer(inspection_id, "000", "1-1-3", result="fail", note="保密车间")
    store.record_evidence_reasons(inspection_id, {("000", "1-1-3"): REASON})
    store.set_status(inspection_id, Status.COMPLETED)
    return inspection_id


def test_reasons_and_the_location_reach_the_office_and_not_other_inspectors(hub, tmp_path):
    alice, bob = hub.add_user("inspector"), hub.add_user("inspector")
    root, store = folder(tmp_path, "a", hub, alice)
    inspection_id = with_a_reason(store)
    report = sync_folder(store, root)
    assert [p["outcome"] for p in report.pushed] == ["stored"], report
    reviewer = hub.add_user("reviewer")
    with hub.connect(reviewer) as conn:
        rows = conn.execute(
            "SELECT e.template_id, e.item_code, e.reason, e.revision FROM hub.evidence_reasons e"
            " JOIN hub.revisions r ON r.id = e.revision_id WHERE r.inspection_id = %s",
            [inspection_id]).fetchall()
        assert rows == [("000", "1-1-3", REASON, 1)]
        located = conn.execute("SELECT latitude, longitude FROM hub.parks").fetchall()
        assert located == [LOCATION]
    with hub.connect(bob) as conn:
        assert conn.execute("SELECT count(*) FROM hub.evidence_reasons").fetchone()[0] == 0
    # a third folder pulls the registry: the park arrives with its location
    root_c, store_c = folder(tmp_path, "c", hub, bob)
    assert sync_folder(store_c, root_c).outcome == "done"
    assert store_c.find_park(PARK).location == LOCATION


def test_a_laptops_park_without_a_location_learns_it_and_one_with_keeps_its_own(hub, tmp_path):
    alice, bob = hub.add_user("inspector"), hub.add_user("inspector")
    root, store = folder(tmp_path, "a", hub, alice)
    with_a_reason(store)
    sync_folder(store, root)
    root_b, store_b = folder(tmp_path, "b", hub, bob)
    filled_inspection(store_b, photos=0, findings=0, answers=1, seed=2)  # same park, unlocated
    root_c, store_c = folder(tmp_path, "c", hub, bob)
    own = store_c.add_park(PARK, "manufacturing", address=ADDRESS)
    store_c.set_park_location(own.id, (30.9, 121.3))
    filled_inspection(store_c, photos=0, findings=0, answers=1, seed=3)
    for root_x, store_x in ((root_b, store_b), (root_c, store_c)):
        assert sync_folder(store_x, root_x).outcome == "done"
        sync_folder(store_x, root_x)  # pushed first, matched, then pulled
    assert store_b.find_park(PARK).location == LOCATION
    assert store_c.find_park(PARK).location == (30.9, 121.3)
    with hub.admin() as conn:  # and the registry keeps the first location it learnt
        assert conn.execute("SELECT latitude, longitude FROM hub.parks").fetchall() == [LOCATION]


@pytest.mark.parametrize("sql", [
    "INSERT INTO hub.evidence_reasons (revision_id, owner, revision, template_id, item_code,"
    " reason) SELECT id, owner, 1, '000', '1-1-1', '伪造' FROM hub.revisions LIMIT 1",
    "UPDATE hub.evidence_reasons SET reason = '改过'",
    "DELETE FROM hub.evidence_reasons",
    "UPDATE hub.parks SET latitude = 0, longitude = 0",
    "SELECT hub.push_revision_rows('{}'::jsonb)",
])
def test_an_inspector_writes_reasons_and_locations_only_by_pushing(hub, tmp_path, sql):
    alice = hub.add_user("inspector")
    root, store = folder(tmp_path, "a", hub, alice)
    with_a_reason(store)
    sync_folder(store, root)
    with hub.connect(alice) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute(sql)
    with hub.admin() as conn:
        assert conn.execute("SELECT reason FROM hub.evidence_reasons").fetchall() == [(REASON,)]
        assert conn.execute("SELECT latitude, longitude FROM hub.parks").fetchall() == [LOCATION]


def test_a_bad_reason_refuses_the_push_whole(hub, tmp_path):
    from inspection.hub.errors import HubRefused
    from inspection.hub.push import push_revision
    from inspection.hub.revision import upload_from_store

    alice = hub.add_user("inspector")
    root, store = folder(tmp_path, "a", hub, alice)
    inspection_id = with_a_reason(store)
    upload = upload_from_store(store, inspection_id)
    upload.payload["evidence_reasons"][0]["reason"] = "  "
    with hub.connect(alice) as conn, pytest.raises(HubRefused) as refused:
        push_revision(conn, upload)
    assert "evidence_reasons" in str(refused.value.arguments)
    with hub.admin() as conn:  # nothing of it stored: neither the revision nor its rows
        assert conn.execute("SELECT count(*) FROM hub.revisions").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM hub.evidence_reasons").fetchone()[0] == 0
