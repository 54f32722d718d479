"""Attacks on the hub's roles with SQL of one's own, beyond tests/hub/test_roles.py: a reviewer
deciding what record_review would refuse, an admin writing who did something, an inspector
pushing what no bundle may hold, and the ways around row-level security PostgreSQL offers
(sequences, creating objects, other users' sessions, SET ROLE, SQL in arguments)."""
import json

import psycopg
import pytest

from inspection.hub.errors import HubRefused, sql_error
from inspection.hub.push import push_revision, store_revision
from tests.hub.payloads import make_revision


def _refused(conn, sql, params=None):
    with pytest.raises(psycopg.Error) as caught:
        conn.execute(sql, params)
    conn.rollback()
    return caught.value


@pytest.fixture
def pushed(hub):
    """Alice's draft, and her completed inspection pushed twice (revision 1, then 2)."""
    alice, rita = hub.add_user("inspector"), hub.add_user("reviewer")
    draft = make_revision(status="draft")
    first = make_revision(status="completed")
    second = make_revision(inspection_id=first.inspection_id, revision=2, status="completed",
                           park=first.payload["park"])
    with hub.connect(alice) as conn:
        for upload in (draft, first, second):
            push_revision(conn, upload)
    with hub.admin() as conn:
        ids = dict(conn.execute("SELECT revision, id FROM hub.revisions WHERE inspection_id = %s",
                                [first.inspection_id]).fetchall())
    return hub, alice, rita, draft, first, ids


def _review(conn, inspection_id, revision_id, decision="approved", comment="", items="[]"):
    conn.execute("INSERT INTO hub.reviews (inspection_id, revision_id, decision, comment, item_comments)"
                 " VALUES (%s, %s, %s, %s, %s)", [inspection_id, revision_id, decision, comment, items])


@pytest.mark.parametrize("case, code", [
    ("draft", "hub.review_not_ready"),
    ("old_revision", "hub.review_stale"),
    ("items_not_a_list", "hub.bad_payload"),
    ("item_without_comment", "hub.bad_payload"),
    ("item_of_another_shape", "hub.bad_payload"),
    ("return_without_reason", "hub.review_needs_reason"),
])
def test_a_reviewer_cannot_record_what_record_review_refuses(pushed, case, code):
    hub, alice, rita, draft, done, ids = pushed
    with hub.admin() as conn:
        draft_revision = conn.execute("SELECT current_revision FROM hub.inspections WHERE id = %s",
                                      [draft.inspection_id]).fetchone()[0]
    attempts = {
        "draft": (draft.inspection_id, draft_revision, "approved", "", "[]"),
        "old_revision": (done.inspection_id, ids[1], "approved", "", "[]"),
        "items_not_a_list": (done.inspection_id, ids[2], "returned", "x", '{"x": 1}'),
        "item_without_comment": (done.inspection_id, ids[2], "returned", "",
                                 json.dumps([{"template_id": "000", "item_code": "1", "comment": " "}])),
        "item_of_another_shape": (done.inspection_id, ids[2], "returned", "x",
                                  json.dumps([{"template_id": "000", "item_code": 1, "comment": "c"}])),
        "return_without_reason": (done.inspection_id, ids[2], "returned", " ", "[]"),
    }
    with hub.connect(rita) as conn:
        with pytest.raises(psycopg.Error) as caught:
            _review(conn, *attempts[case])
        assert caught.value.diag.message_primary == code
        assert sql_error(caught.value).text("en")  # a message the program can show
        conn.rollback()
        _review(conn, done.inspection_id, ids[2], "returned", "",
                json.dumps([{"template_id": "000", "item_code": "1", "comment": "请补拍"}]))
        conn.commit()
    with hub.connect(alice) as conn:
        assert conn.execute("SELECT decision, revision_id FROM hub.reviews").fetchall() == [
            ("returned", ids[2])]


def test_an_admin_cannot_write_who_made_a_park_a_template_or_a_decision(pushed):
    hub, alice, rita, draft, done, ids = pushed
    adam = hub.add_user("admin")
    with hub.connect(adam) as conn:
        conn.execute("INSERT INTO hub.parks (id, name, park_type, created_by, created_at)"
                     " VALUES (gen_random_uuid(), '新园区', 'service', %s, '2001-01-01')", [alice])
        conn.execute("INSERT INTO hub.templates (id, version, body, imported_by, imported_at)"
                     " VALUES ('custom', '1', '{}', %s, '2001-01-01')", [alice])
        conn.execute("UPDATE hub.parks SET created_by = %s, created_at = '2001-01-01', name = '改名'"
                     " WHERE name = '新园区'", [alice])
        conn.execute("UPDATE hub.templates SET imported_by = %s, title = 't'", [alice])
        conn.execute("UPDATE hub.park_proposals SET resolved_by = %s, resolved_at = '2001-01-01'", [alice])
        conn.commit()
        assert conn.execute("SELECT name, created_by, created_at > '2020-01-01' FROM hub.parks"
                            " WHERE name = '改名'").fetchone() == ("改名", adam, True)
        assert conn.execute("SELECT imported_by, imported_at > '2020-01-01' FROM hub.templates"
                            ).fetchone() == (adam, True)
        # A proposal names who resolved it only when its decision changes, and then truly.
        assert conn.execute("SELECT DISTINCT resolved_by FROM hub.park_proposals").fetchall() == [(None,)]
        conn.execute("UPDATE hub.park_proposals SET reason = 'checked', resolved_by = %s", [alice])
        conn.commit()
        assert conn.execute("SELECT DISTINCT resolved_by FROM hub.park_proposals").fetchall() == [(adam,)]


def test_a_revision_holding_more_rows_than_a_bundle_may_is_refused(hub):
    alice = hub.add_user("inspector")
    upload = make_revision(answers=1)
    upload.payload["answers"] = upload.payload["answers"] * 200_001
    with hub.connect(alice) as conn:
        with pytest.raises(HubRefused) as caught:
            store_revision(conn, upload)
        assert caught.value.code == "hub.payload_too_big"
        conn.rollback()
        upload.payload["answers"] = {"not": "a list"}
        with pytest.raises(HubRefused) as caught:
            store_revision(conn, upload)
        assert caught.value.code == "hub.bad_payload"
    with hub.admin() as conn:
        assert conn.execute("SELECT count(*) FROM hub.revisions").fetchone()[0] == 0


@pytest.mark.parametrize("sql", [
    "SELECT nextval('hub.revisions_id_seq')",
    "SELECT setval('hub.revisions_id_seq', 1)",
    "CREATE TABLE public.shadow (a int)",
    "CREATE FUNCTION public.lower(text) RETURNS text LANGUAGE sql AS 'SELECT $1'",
    "CREATE TEMP TABLE blobs (sha256 text)",
    "CREATE SCHEMA mine",
    "CREATE OPERATOR public.= (FUNCTION = texteq, LEFTARG = text, RIGHTARG = text)",
    "SET ROLE pi_admin",
    "SET SESSION AUTHORIZATION pi_owner",
    "GRANT pi_reviewer TO CURRENT_USER",
    "ALTER ROLE CURRENT_USER CREATEROLE",
    "SELECT hub.add_user('mallory', 'admin', 'SCRAM-SHA-256$x')",
    "SELECT hub.stamp_creator()",
    "SELECT hub.check_payload_size('{}')",
    "SELECT pg_read_file('postgresql.conf')",
    "COPY hub.answers FROM PROGRAM 'id'",
    "ALTER TABLE hub.inspections DISABLE ROW LEVEL SECURITY",
    "DROP POLICY inspector_own ON hub.inspections",
    "ALTER FUNCTION hub.push_revision(jsonb) SET search_path = public",
])
def test_an_inspector_cannot_get_around_row_level_security(hub, sql):
    alice = hub.add_user("inspector")
    with hub.connect(alice) as conn:
        error = _refused(conn, sql)
    assert error.sqlstate in ("42501", "42883"), (sql, error)  # no right (or nothing to call)


def test_sql_in_a_functions_arguments_is_data(hub):
    """Quotes, semicolons and the like in every text a definer function takes are stored as
    text (the functions use no dynamic SQL but add_user's, which quotes)."""
    alice, adam = hub.add_user("inspector"), hub.add_user("admin")
    hostile = "x'); DROP TABLE hub.inspections; --"
    upload = make_revision(note=hostile)
    upload.payload["park"]["name"] = hostile
    upload.payload["inspection"]["report_number"] = hostile
    with hub.connect(alice) as conn:
        push_revision(conn, upload)
        assert conn.execute("SELECT report_number FROM hub.inspections").fetchone() == (hostile,)
    name = 'm"; DROP ROLE pi_owner; --'
    with hub.connect(adam) as conn:
        conn.execute("SELECT hub.add_user(%s, 'inspector', 'SCRAM-SHA-256$4096:x$y:z', %s)", [name, hostile])
        conn.commit()
        assert conn.execute("SELECT display_name FROM hub.users WHERE name = %s", [name]).fetchone() == (hostile,)
        assert conn.execute("SELECT count(*) FROM pg_roles WHERE rolname = 'pi_owner'").fetchone() == (1,)
    with hub.admin() as conn:
        conn.execute(f'DROP ROLE "{name.replace(chr(34), chr(34) * 2)}"')


def test_other_users_sessions_show_no_query_text(hub):
    """pg_stat_activity lists every session, but an inspector sees no other user's statements
    (what a push sends is not readable that way)."""
    alice, bob = hub.add_user("inspector"), hub.add_user("inspector")
    with hub.connect(alice) as a, hub.connect(bob) as b:
        a.execute("SELECT 'alice-secret' WHERE pg_sleep(0) IS NOT NULL")
        queries = [q for (q,) in b.execute("SELECT query FROM pg_stat_activity WHERE usename = %s",
                                            [alice]).fetchall()]
    assert queries and all("alice-secret" not in (q or "") for q in queries)
