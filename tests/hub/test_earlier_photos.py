"""整改前后对照 for a revisit of another inspector's visit, against the real PostgreSQL (hub schema
0009, migration m011): sync fetches the photos of the carried finding's item at that visit (their
report-size copies, checked by hash); before it has, the report still builds and says the
"before" is not downloaded yet; the hub gives them only for findings the caller may continue."""
from __future__ import annotations

import hashlib
import uuid

import psycopg
import pytest
from docx import Document

from checklists.library import get_template
from inspection.hub.sync import sync_folder
from inspection.model import FindingStatus, Status
from inspection.report.pdf import build_report
from inspection.report.word import build_docx
from tests.hub.folders import PARK, filled_inspection, folder
from tests.inspection.report_data import add_photo
from tests.inspection.report_text import stream_text

CODES = [n.code for n in get_template("000").items()]


@pytest.fixture
def revisit(hub, tmp_path):
    """Alice's completed visit (two findings; two photos of the first finding's item, none of the
    second's), on the hub; Carol's revisit of the park carrying both, made before her next sync."""
    alice, carol = hub.add_user("inspector"), hub.add_user("inspector")
    root_a, store_a = folder(tmp_path, "alice", hub, alice)
    first = filled_inspection(store_a, findings=2, photos=2, seed=5)
    assert sync_folder(store_a, root_a).outcome == "done"
    root_c, store_c = folder(tmp_path, "carol", hub, carol)
    assert sync_folder(store_c, root_c).pulled["earlier_photos"] == 0  # nothing carried yet
    park = store_c.find_park(PARK)
    visit = store_c.revisit_from_hub(park.id, inspectors=["王五"], date="2026-09-01")
    return hub, (alice, store_a, first), (carol, root_c, store_c), visit.id


def _close_first_with_a_photo(store, inspection_id):
    finding = next(f for f in store.findings(inspection_id) if f.item_code == CODES[0])
    store.set_finding_status(finding.id, FindingStatus.CLOSED, note="已整改")
    add_photo(store, inspection_id, seed=77, template_id="000", item_code=CODES[0])
    return finding


def test_sync_fetches_the_before_photo_of_another_inspectors_visit_and_the_report_pairs_it(revisit, tmp_path):
    hub, (alice, store_a, first), (carol, root_c, store_c), visit = revisit
    finding = _close_first_with_a_photo(store_c, visit)
    other = next(f for f in store_c.findings(visit) if f.item_code == CODES[1])

    # Offline, before any sync: the report builds, and says the "before" is not here yet.
    evidence = store_c.snapshot(visit).earlier_evidence
    assert evidence[finding.id].from_hub and not evidence[finding.id].fetched
    pdf = build_report(store_c.snapshot(visit), tmp_path / "before-sync.pdf", data_dir=store_c.data_dir)
    text = "".join(stream_text(pdf))
    assert "附件整改前后对照（共1项）" in text and "照片在生成本报告时尚未从中心下载" in text

    report = sync_folder(store_c, root_c)
    assert report.outcome == "done" and report.pulled["earlier_photos"] == 2
    evidence = store_c.snapshot(visit).earlier_evidence
    earlier = evidence[finding.id]
    assert earlier.fetched and (earlier.inspection_id, earlier.date) == (first, "2026-03-01")
    theirs = [p for p in store_a.snapshot(first).photos if p.item_code == CODES[0]]
    for photo in earlier.photos:  # alice's report-size copies, to the byte, kept apart
        data = store_c.data_dir.earlier_image(photo.sha256).read_bytes()
        assert hashlib.sha256(data).hexdigest() == photo.sha256
    assert sorted(store_a.data_dir.report_image(p.sha256).read_bytes() for p in theirs) == sorted(
        store_c.data_dir.earlier_image(p.sha256).read_bytes() for p in earlier.photos)
    assert evidence[other.id].fetched and evidence[other.id].photos == ()  # her item had no photo

    pdf = build_report(store_c.snapshot(visit), tmp_path / "after-sync.pdf", data_dir=store_c.data_dir)
    text = "".join(stream_text(pdf))
    assert "整改前：2026年3月1日检查" in text and "整改后：本次复查（照片1）" in text
    assert "尚未从中心下载" not in text
    docx = build_docx(store_c.snapshot(visit), tmp_path / "after-sync.docx", data_dir=store_c.data_dir)
    [pair] = [t for t in Document(str(docx)).tables if "整改后" in t.rows[0].cells[1].text]
    assert "整改前：2026年3月1日检查" in pair.rows[0].cells[0].text
    assert len(pair._tbl.xpath(".//pic:pic")) == 2

    assert sync_folder(store_c, root_c).pulled["earlier_photos"] == 0  # asked once
    store_c.data_dir.earlier_image(earlier.photos[0].sha256).unlink()  # a backup restored, say
    assert sync_folder(store_c, root_c).pulled["earlier_photos"] == 1
    assert len(store_c.snapshot(visit).earlier_evidence[finding.id].photos) == 2


def test_the_revisit_pushed_before_its_first_sync_still_gets_the_before_photo(revisit):
    """Carol completes the revisit offline: her sync pushes it (the finding is no longer open on
    the hub) and then asks for the photos — the hub gives them: she continues that finding."""
    hub, _alice, (carol, root_c, store_c), visit = revisit
    finding = _close_first_with_a_photo(store_c, visit)
    store_c.set_status(visit, Status.COMPLETED)
    report = sync_folder(store_c, root_c)
    assert [p["outcome"] for p in report.pushed] == ["stored"] and report.pulled["earlier_photos"] == 2
    assert len(store_c.snapshot(visit).earlier_evidence[finding.id].photos) == 2


def test_the_hub_gives_earlier_photos_only_for_findings_one_may_continue(revisit):
    hub, (alice, store_a, first), (carol, root_c, store_c), visit = revisit
    bob = hub.add_user("inspector")
    uid = store_a._one("SELECT uid FROM findings WHERE inspection_id = ? AND item_code = ?",
                       [first, CODES[0]])["uid"]
    with hub.admin() as admin:  # another member of alice's revision (its rows, say)
        member = admin.execute("SELECT f.sha256 FROM hub.revision_files f JOIN hub.inspections i"
                               " ON i.current_revision = f.revision_id WHERE i.id = %s"
                               " AND f.name NOT LIKE 'photos/%%' LIMIT 1", [first]).fetchone()[0]

    def photos(user, finding):
        with hub.connect(user) as conn:
            return conn.execute("SELECT report_sha256 FROM hub.earlier_photos(%s::uuid[])"
                                " WHERE photo_id IS NOT NULL", [[finding]]).fetchall()

    def chunks(user, finding, sha):
        with hub.connect(user) as conn:
            return conn.execute("SELECT count(*) FROM hub.earlier_photo_chunks(%s, %s)", [finding, sha]).fetchone()[0]

    assert len(photos(bob, uid)) == 2  # open on the hub: whoever revisits the park may
    assert photos(bob, str(uuid.uuid4())) == []
    assert chunks(bob, uid, member) == 0  # only the report-size copies of the item's photos

    _close_first_with_a_photo(store_c, visit)
    store_c.set_status(visit, Status.COMPLETED)
    sync_folder(store_c, root_c)  # carol's revisit carries it: no longer open
    assert photos(bob, uid) == [] and len(photos(carol, uid)) == 2
    sha = photos(carol, uid)[0][0]
    assert chunks(carol, uid, sha) >= 1 and chunks(bob, uid, sha) == 0
    reviewer = hub.add_user("reviewer")
    with hub.connect(reviewer) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("SELECT * FROM hub.earlier_photos(%s::uuid[])", [[uid]])


def test_a_before_photo_that_does_not_arrive_whole_is_not_kept_and_asked_again(revisit):
    hub, (alice, store_a, first), (carol, root_c, store_c), visit = revisit
    finding = _close_first_with_a_photo(store_c, visit)
    with hub.admin() as admin:  # the hub's copy damaged (a fault, as a broken disk would)
        admin.execute("SET session_replication_role = replica")
        shas = [r[0] for r in admin.execute(
            "SELECT p.report_sha256 FROM hub.photos p JOIN hub.inspections i ON i.current_revision = p.revision_id"
            " WHERE i.id = %s AND p.item_code = %s", [first, CODES[0]]).fetchall()]
        admin.execute("UPDATE hub.blob_chunks SET data = 'damaged'::bytea WHERE sha256 = %s AND seq = 0", [shas[0]])
    report = sync_folder(store_c, root_c)
    assert report.outcome == "done" and report.pulled["earlier_photos"] == 1  # the whole one
    assert not store_c.data_dir.earlier_image(shas[0]).exists()
    evidence = store_c.snapshot(visit).earlier_evidence[finding.id]
    assert not evidence.fetched and evidence.photos == ()  # the finding is asked about again
    assert store_c.earlier_photos_wanted() != []
