"""Approve, then sign (hub schema 0008), against the real PostgreSQL: the office approves a
completed, unsigned revision; the inspector signs it on the laptop and the next sync pushes the
signed revision. Its results are the approved ones: the approval carries over (the office's
list, the ranking, the laptop all say 已通过, and the history names the decision it carries).
Its results changed before signing: it is 待审核 on both sides and the sync says why."""
import psycopg
import pytest

from checklists.library import get_template
from inspection.cli import main
from inspection.hub.listing import inspections
from inspection.hub.office import ranking_entries
from inspection.hub.office_list import OfficeFilter, office_inspections
from inspection.hub.review import record_review, review_history
from inspection.hub.settings import load_settings
from inspection.hub.sync import sync_folder
from inspection.model import Status
from tests.hub.folders import filled_inspection, folder, sign

CODES = [n.code for n in get_template("000").items()]


def _run(capsys, *argv):
    capsys.readouterr()
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def _standing(store, root, inspection_id):
    return store.hub_standings(load_settings(root).hub_id)[inspection_id]


def _office_review(hub, user, inspection_id):
    with hub.session(user) as session:
        rows, _ = office_inspections(session, OfficeFilter())
        listed = {r["id"]: r["review"] for r in inspections(session)}
    return next(r["review"] for r in rows if r["id"] == inspection_id), listed[inspection_id]


@pytest.fixture
def approved(hub, tmp_path):
    """Alice's completed inspection, pushed and approved by Rita; Alice's laptop synced since."""
    alice, rita = hub.add_user("inspector"), hub.add_user("reviewer")
    root_a, store_a = folder(tmp_path, "alice", hub, alice)
    root_r, _ = folder(tmp_path, "rita", hub, rita)
    inspection_id = filled_inspection(store_a)
    assert sync_folder(store_a, root_a).outcome == "done"
    with hub.session(rita) as session:
        record_review(session, inspection_id, "approve", comment="同意", items=[(CODES[0], "照片清楚")])
    sync_folder(store_a, root_a)
    assert _standing(store_a, root_a, inspection_id).state == "approved"
    return hub, (alice, root_a, store_a), (rita, root_r), inspection_id


def test_signing_the_approved_results_keeps_the_approval_on_both_sides(approved, capsys):
    hub, (alice, root_a, store_a), (rita, root_r), inspection_id = approved
    sign(store_a, inspection_id)
    assert _standing(store_a, root_a, inspection_id).state == "waiting"  # 待上传 until pushed

    report = sync_folder(store_a, root_a)
    assert report.outcome == "done"
    [pushed] = report.pushed
    assert pushed["status"] == "signed" and pushed["review"]["outcome"] == "carried"
    assert any("沿用" in line and rita in line for line in report.lines())

    assert _office_review(hub, rita, inspection_id) == ("approved", "approved")
    assert _office_review(hub, alice, inspection_id)[1] == "approved"
    standing = _standing(store_a, root_a, inspection_id)
    assert standing.state == "approved" and not standing.approval_lapsed
    assert standing.decision.carried and standing.decision.reviewer == rita
    assert standing.decision.carried_from_revision == 1  # the approval it carries, pulled with it
    assert [d.carried_from_revision for d in store_a.review_decisions(inspection_id)] == [None, 1]
    assert standing.decision.comment == "同意" and standing.decision.comment_on("000", CODES[0]) == "照片清楚"

    with hub.session(rita) as session:
        history = review_history(session, inspection_id)
        _, entries, waiting = ranking_entries(session, "000")
    first, carried = history["reviews"]
    assert (first["revision"], first["status"], first["carried_from"]) == (1, "completed", None)
    assert (carried["revision"], carried["status"], carried["decision"]) == (1, "signed", "approved")
    assert carried["carried_from"] == first["id"] and carried["reviewer"] == rita
    assert [e.inspection_id for e in entries] == [inspection_id] and waiting == []
    code, out, _ = _run(capsys, "hub", "reviews", inspection_id[:8], "--data-dir", root_r)
    assert code == 0 and "沿用第 1 版已完成时的审核：结果相同" in out

    assert sync_folder(store_a, root_a).pushed == []  # said once; nothing more to send


def test_results_changed_before_signing_go_back_to_review_and_the_sync_says_so(approved, capsys):
    hub, (alice, root_a, store_a), (rita, root_r), inspection_id = approved
    store_a.set_status(inspection_id, Status.IN_PROGRESS)  # same revision number: 1
    store_a.save_answer(inspection_id, "000", CODES[1], result="fail", note="签署前改为不符合")
    store_a.set_status(inspection_id, Status.COMPLETED)
    sign(store_a, inspection_id)
    assert store_a.inspection(inspection_id).revision == 1

    code, out, err = _run(capsys, "sync", "--data-dir", root_a)
    assert code == 0, err
    assert "结果与第 1 版已完成时审核通过的不同：需重新审核" in out
    assert _office_review(hub, rita, inspection_id) == ("pending", None)
    standing = _standing(store_a, root_a, inspection_id)
    assert standing.state == "pushed" and standing.approval_lapsed  # 待审核, as the office says

    with hub.session(rita) as session:
        record_review(session, inspection_id, "approve")
    sync_folder(store_a, root_a)
    standing = _standing(store_a, root_a, inspection_id)
    assert standing.state == "approved" and not standing.decision.carried


def test_a_completed_revision_changed_after_its_approval_is_not_said_approved(approved):
    """Without signing too: the laptop matched a decision by revision number alone."""
    hub, (alice, root_a, store_a), (rita, _), inspection_id = approved
    store_a.set_status(inspection_id, Status.IN_PROGRESS)
    store_a.save_answer(inspection_id, "000", CODES[2], result="fail", note="补充记录")
    store_a.set_status(inspection_id, Status.COMPLETED)
    report = sync_folder(store_a, root_a)
    assert report.pushed[0]["review"]["outcome"] == "lapsed"
    assert _standing(store_a, root_a, inspection_id).state == "pushed"
    assert _office_review(hub, rita, inspection_id) == ("pending", None)


def test_a_reviewer_cannot_record_a_carried_approval_of_their_own(approved):
    hub, (alice, root_a, store_a), (rita, _), inspection_id = approved
    sign(store_a, inspection_id)
    sync_folder(store_a, root_a)
    with hub.connect(rita) as conn:
        first, current = conn.execute(
            "SELECT (SELECT id FROM hub.reviews WHERE inspection_id = %(id)s AND carried_from IS NULL),"
            " current_revision FROM hub.inspections WHERE id = %(id)s", {"id": inspection_id}).fetchone()
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO hub.reviews (inspection_id, revision_id, decision, carried_from)"
                         " VALUES (%s, %s, 'approved', %s)", [inspection_id, current, first])


def _signed_copy(upload):
    """The same rows as *upload*, signed: another manifest (so another content hash)."""
    import copy
    import hashlib
    import json

    from inspection.hub.push import RevisionFile, RevisionUpload

    payload = copy.deepcopy(upload.payload)
    manifest = json.dumps({"signed": True, "members": [f.name for f in upload.files]}).encode()
    files = [f for f in upload.files if f.name != "manifest.json"]
    files.append(RevisionFile("manifest.json", hashlib.sha256(manifest).hexdigest(), len(manifest), data=manifest))
    payload["inspection"]["status"] = "signed"
    payload["base_sha256"] = payload["content_sha256"]
    payload["content_sha256"] = files[-1].sha256
    return RevisionUpload(payload, files)


def test_an_approval_given_before_the_upgrade_carries_to_the_signed_revision_after_it(pg_server):
    """Hub schema 0008 gives the revisions current at the upgrade their results digest: an
    approval waiting for its signature when the office upgraded still carries over."""
    import os

    from inspection.hub.admin import init_hub
    from inspection.hub.push import push_revision
    from tests.hub.payloads import make_revision

    database = f"carry_{os.getpid()}"
    names = {"inspector": f"carry_i_{os.getpid()}", "reviewer": f"carry_r_{os.getpid()}"}
    with psycopg.connect(pg_server.admin_url(), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{database}"')
    url = pg_server.admin_url(database)
    try:
        init_hub(url, upto=7)
        with psycopg.connect(url, autocommit=True) as admin:
            for role, name in names.items():
                verifier = admin.pgconn.encrypt_password(b"pw", name.encode(), b"scram-sha-256")
                admin.execute("SELECT hub.add_user(%s, %s, %s)", [name, role, verifier.decode()])
        completed = make_revision()
        with psycopg.connect(pg_server.url(names["inspector"], database, password="pw")) as conn:
            push_revision(conn, completed)
        with psycopg.connect(pg_server.url(names["reviewer"], database, password="pw")) as conn:
            conn.execute("INSERT INTO hub.reviews (inspection_id, revision_id, decision)"
                         " SELECT id, current_revision, 'approved' FROM hub.inspections")

        assert init_hub(url, upto=8) == ["0008_approval_carries"]
        with psycopg.connect(pg_server.url(names["inspector"], database, password="pw")) as conn:
            result = push_revision(conn, _signed_copy(completed))
        assert result["outcome"] == "stored" and result["review"]["outcome"] == "carried"
        assert result["review"]["reviewer"] == names["reviewer"]
        with psycopg.connect(url) as admin:
            rows = admin.execute("SELECT v.status, r.reviewer, r.carried_from IS NOT NULL FROM hub.reviews r"
                                 " JOIN hub.revisions v ON v.id = r.revision_id ORDER BY r.decided_at").fetchall()
        assert rows == [("completed", names["reviewer"], False), ("signed", names["reviewer"], True)]
    finally:
        with psycopg.connect(pg_server.admin_url(), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
            for name in names.values():
                admin.execute(f'DROP ROLE IF EXISTS "{name}"')


def test_an_approved_inspection_taken_back_to_in_progress_is_not_said_approved_while_edited(approved):
    """继续检查 on an approved, completed revision (the same revision number): the approval is of
    the results before; completed again unchanged, it is the approved content again."""
    hub, (alice, root_a, store_a), (rita, _), inspection_id = approved
    store_a.reopen(inspection_id)  # 重新打开（继续检查）: back to 检查中, revision 1
    assert store_a.inspection(inspection_id).revision == 1
    standing = _standing(store_a, root_a, inspection_id)
    assert (standing.state, standing.editing) == ("waiting", True)
    assert standing.approval_pending and not standing.approval_lapsed
    assert standing.decision.decision == "approved" and standing.decision.revision == 1
    assert sync_folder(store_a, root_a).pushed == []  # nothing to review while it is edited
    assert _office_review(hub, rita, inspection_id) == ("approved", "approved")  # the hub's results

    store_a.set_status(inspection_id, Status.COMPLETED)  # unchanged
    standing = _standing(store_a, root_a, inspection_id)
    assert (standing.state, standing.editing, standing.approval_pending) == ("waiting", False, True)
    [pushed] = sync_folder(store_a, root_a).pushed
    assert pushed["outcome"] == "present"  # the content the office approved, to the byte
    standing = _standing(store_a, root_a, inspection_id)
    assert standing.state == "approved" and not standing.decision.carried
    assert _office_review(hub, rita, inspection_id) == ("approved", "approved")


def test_a_returned_revision_taken_back_to_in_progress_stays_returned(approved):
    hub, (alice, root_a, store_a), (rita, _), inspection_id = approved
    store_a.reopen(inspection_id)
    store_a.save_answer(inspection_id, "000", CODES[3], result="fail", note="改")
    store_a.set_status(inspection_id, Status.COMPLETED)
    sync_folder(store_a, root_a)
    with hub.session(rita) as session:
        record_review(session, inspection_id, "return", comment="再核")
    sync_folder(store_a, root_a)
    store_a.reopen(inspection_id)
    standing = _standing(store_a, root_a, inspection_id)
    assert (standing.state, standing.editing) == ("returned", True) and not standing.approval_pending
