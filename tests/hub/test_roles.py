"""Roles are enforced by PostgreSQL: an inspector tries, with SQL of their own, to read another
inspector's drafts and to change, delete or supersede their inspection, rows and blobs; the
database refuses each. A reviewer cannot push; an inspector cannot record a review."""
import psycopg
import pytest

from inspection.hub.errors import HubRefused
from inspection.hub.push import push_revision
from tests.hub.payloads import make_revision


@pytest.fixture
def two_inspectors(hub):
    alice, bob = hub.add_user("inspector"), hub.add_user("inspector")
    draft = make_revision(status="draft", findings=1)
    done = make_revision(status="completed", findings=2)
    with hub.connect(alice) as conn:
        push_revision(conn, draft)
        push_revision(conn, done)
    return hub, alice, bob, draft, done


def _count(conn, sql, params=()):
    return conn.execute(sql, params).fetchone()[0]


def _refused(conn, sql, params=()):
    """The statement fails with a privilege error (or is refused by the hub's own rules)."""
    with pytest.raises(psycopg.Error) as caught:
        conn.execute(sql, params)
    conn.rollback()
    return caught.value


def test_an_inspector_reads_only_their_own_inspections_and_rows(two_inspectors):
    hub, alice, bob, draft, done = two_inspectors
    with hub.connect(bob) as conn:
        for table in ("inspections", "revisions", "revision_files", "answers", "findings", "photos",
                      "signatures", "reports", "reviews", "blobs", "blob_chunks", "blob_holders",
                      "park_proposals"):
            assert _count(conn, f"SELECT count(*) FROM hub.{table}") == 0, table
        assert _count(conn, "SELECT count(*) FROM hub.inspections WHERE id = %s",
                      [draft.inspection_id]) == 0
        assert _count(conn, "SELECT count(*) FROM hub.users") == 1  # only bob himself
    with hub.connect(alice) as conn:
        assert _count(conn, "SELECT count(*) FROM hub.inspections") == 2
        assert _count(conn, "SELECT count(*) FROM hub.blob_chunks") > 0


def test_open_findings_of_every_park_are_shared_but_never_from_drafts(two_inspectors):
    hub, alice, bob, draft, done = two_inspectors
    with hub.connect(bob) as conn:
        rows = conn.execute("SELECT inspection_id::text, requirement FROM hub.open_findings").fetchall()
    assert {r[0] for r in rows} == {done.inspection_id}
    assert len(rows) == 2


@pytest.mark.parametrize("sql", [
    "UPDATE hub.inspections SET status = 'signed' WHERE id = %(id)s",
    "DELETE FROM hub.inspections WHERE id = %(id)s",
    "UPDATE hub.answers SET result = 'fail'",
    "DELETE FROM hub.answers",
    "UPDATE hub.findings SET status = 'closed'",
    "DELETE FROM hub.photos",
    "DELETE FROM hub.revisions",
    "UPDATE hub.revision_files SET sha256 = sha256",
    "INSERT INTO hub.revisions (inspection_id, owner, revision, status, content_sha256)"
    " VALUES (%(id)s, 'x', 2, 'signed', repeat('a', 64))",
    "INSERT INTO hub.answers (revision_id, owner, template_id, item_code) SELECT id, owner, '000', '99'"
    " FROM hub.revisions",
    "UPDATE hub.blob_chunks SET data = 'x'",
    "DELETE FROM hub.blob_chunks",
    "DELETE FROM hub.blobs",
    "INSERT INTO hub.blob_chunks VALUES (repeat('b', 64), 0, 'x')",
    "INSERT INTO hub.blob_holders SELECT sha256, session_user FROM hub.revision_files",
    "UPDATE hub.park_proposals SET state = 'pending'",
    "INSERT INTO hub.parks (id, name, park_type) VALUES (gen_random_uuid(), '另一个园区', 'service')",
    "INSERT INTO hub.reviews (inspection_id, revision_id, decision) SELECT id, current_revision,"
    " 'approved' FROM hub.inspections",
    "SET ROLE pi_owner",
    "SET ROLE pi_reviewer",
    "SELECT hub.propose_park('{}'::jsonb)",
    "SELECT hub.add_user('mallory', 'admin', 'SCRAM-SHA-256$x')",
])
def test_another_inspectors_sql_is_refused(two_inspectors, sql):
    hub, alice, bob, draft, done = two_inspectors
    for who in (bob, alice):  # nobody edits stored rows directly, not even their owner
        with hub.connect(who) as conn:
            error = _refused(conn, sql, {"id": done.inspection_id})
            assert error.sqlstate == "42501", (who, sql, error)
    with hub.admin() as conn:
        assert _count(conn, "SELECT count(*) FROM hub.inspections WHERE status = 'completed'") == 1
        assert _count(conn, "SELECT count(*) FROM hub.answers WHERE result = 'fail'") == 0


def test_an_inspector_cannot_supersede_anothers_inspection(two_inspectors):
    hub, alice, bob, draft, done = two_inspectors
    newer = make_revision(inspection_id=done.inspection_id, revision=2, status="signed",
                          park=done.payload["park"])
    with hub.connect(bob) as conn, pytest.raises(HubRefused) as caught:
        push_revision(conn, newer)
    assert caught.value.code == "hub.not_owner"
    assert alice in caught.value.text("en")
    with hub.admin() as conn:
        assert conn.execute("SELECT revision, status FROM hub.inspections WHERE id = %s",
                            [done.inspection_id]).fetchone() == (1, "completed")
        assert _count(conn, "SELECT count(*) FROM hub.revisions WHERE inspection_id = %s",
                      [done.inspection_id]) == 1


def test_an_inspector_cannot_overwrite_or_read_anothers_blob(two_inspectors):
    hub, alice, bob, draft, done = two_inspectors
    photo = next(f for f in done.files if f.name == "media/photo0.jpg")
    with hub.connect(bob) as conn:
        error = _refused(conn, "SELECT hub.put_blob_chunk(%s, 0, 'garbage')", [photo.sha256])
        assert error.diag.message_primary == "hub.blob_exists"
        error = _refused(conn, "SELECT hub.claim_blob(%s, 'garbage')", [photo.sha256])
        assert error.diag.message_primary == "hub.blob_mismatch"
        assert _count(conn, "SELECT count(*) FROM hub.blob_chunks WHERE sha256 = %s", [photo.sha256]) == 0
        # Sending the same bytes proves he has them: then (only then) he may read them too.
        conn.execute("SELECT hub.claim_blob(%s, %s)", [photo.sha256, photo.data])
        conn.commit()
        assert _count(conn, "SELECT count(*) FROM hub.blob_chunks WHERE sha256 = %s", [photo.sha256]) == 1
        assert _count(conn, "SELECT count(*) FROM hub.revision_files") == 0  # still not alice's rows


def test_a_reviewer_cannot_push(hub):
    reviewer = hub.add_user("reviewer")
    with hub.connect(reviewer) as conn:
        with pytest.raises(HubRefused) as caught:
            push_revision(conn, make_revision())
        assert caught.value.code == "hub.no_right_role" and caught.value.arguments["role_id"] == "inspector"
        error = _refused(conn, "SELECT hub.push_revision('{}'::jsonb)")
        assert error.sqlstate == "42501"
        error = _refused(conn, "SELECT hub.put_blob_chunk(repeat('a', 64), 0, 'x')")
        assert error.sqlstate == "42501"
    with hub.admin() as conn:
        assert _count(conn, "SELECT count(*) FROM hub.blobs") == 0


def test_a_reviewer_reads_everything_and_records_a_decision_the_owner_sees(two_inspectors):
    hub, alice, bob, draft, done = two_inspectors
    reviewer = hub.add_user("reviewer")
    with hub.connect(reviewer) as conn:
        assert _count(conn, "SELECT count(*) FROM hub.inspections") == 2  # drafts included
        revision_id = conn.execute("SELECT current_revision FROM hub.inspections WHERE id = %s",
                                   [done.inspection_id]).fetchone()[0]
        error = _refused(conn, "INSERT INTO hub.reviews (inspection_id, revision_id, decision, reviewer)"
                         " VALUES (%s, %s, 'approved', 'somebody_else')", [done.inspection_id, revision_id])
        assert error.sqlstate == "42501"  # who reviewed is not the reviewer's to say
        conn.execute("INSERT INTO hub.reviews (inspection_id, revision_id, decision, comment)"
                     " VALUES (%s, %s, 'returned', '照片不清晰')", [done.inspection_id, revision_id])
        conn.commit()
        error = _refused(conn, "UPDATE hub.reviews SET decision = 'approved'")
        assert error.sqlstate == "42501"
        error = _refused(conn, "DELETE FROM hub.inspections")
        assert error.sqlstate == "42501"
    with hub.connect(alice) as conn:
        assert conn.execute("SELECT decision, comment, reviewer FROM hub.reviews").fetchall() == [
            ("returned", "照片不清晰", reviewer)]
    with hub.connect(bob) as conn:
        assert _count(conn, "SELECT count(*) FROM hub.reviews") == 0


def test_an_admin_manages_parks_and_templates_but_does_not_push(hub):
    admin = hub.add_user("admin")
    with hub.connect(admin) as conn:
        conn.execute("INSERT INTO hub.parks (id, name, park_type) VALUES (gen_random_uuid(), '新园区', 'service')")
        conn.execute("INSERT INTO hub.templates (id, version, body) VALUES ('custom-1', '1', '{}')")
        conn.commit()
        error = _refused(conn, "SELECT hub.push_revision('{}'::jsonb)")
        assert error.sqlstate == "42501"
    inspector = hub.add_user("inspector")
    with hub.connect(inspector) as conn:
        assert conn.execute("SELECT name FROM hub.parks").fetchall() == [("新园区",)]
        assert _count(conn, "SELECT count(*) FROM hub.templates") == 1
        error = _refused(conn, "DELETE FROM hub.templates")
        assert error.sqlstate == "42501"
