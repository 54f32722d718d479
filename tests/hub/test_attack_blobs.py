"""Attacks on the hub's content-addressed blobs by an inspector with SQL of their own: a chunk
slipped into a blob someone else finishes, chunks of any size or number, and what stays out
of reach (another's half-finished upload, a blob claimed without its bytes)."""
import hashlib
import os
import threading

import psycopg
import pytest

from inspection.hub.admin import init_hub
from inspection.hub.blobs import BlobUpload, read_blob, upload_batch
from inspection.hub.errors import HubRefused
from inspection.hub.migrations import known_migrations
from inspection.hub.push import push_revision
from tests.hub.payloads import make_revision


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _chunks(hub, sha):
    with hub.admin() as conn:
        return conn.execute("SELECT seq, length(data) FROM hub.blob_chunks WHERE sha256 = %s"
                            " ORDER BY seq", [sha]).fetchall()


def test_a_chunk_held_open_never_joins_a_blob_someone_else_finishes(hub):
    """Bob starts an upload of the hash of Alice's photo (a chunk 1 of garbage) and keeps his
    transaction open; Alice sends her photo; Bob commits. The blob must stay Alice's bytes."""
    alice, bob = hub.add_user("inspector"), hub.add_user("inspector")
    data = os.urandom(3000)
    sha = _sha(data)
    with hub.connect(bob) as mallory:
        mallory.execute("SELECT hub.put_blob_chunk(%s, 1, 'garbage')", [sha])
        outcome = {}

        def alice_uploads():
            try:
                with hub.connect(alice) as conn:
                    upload_batch(conn, [BlobUpload(sha, len(data), data=data)])
                outcome["alice"] = "sent"
            except Exception as exc:  # the test says what happened, whatever it was
                outcome["alice"] = exc

        thread = threading.Thread(target=alice_uploads)
        thread.start()
        thread.join(2)  # she waits for the first sender of this hash, or is through already
        try:
            mallory.commit()
            outcome["bob"] = "committed"
        except psycopg.Error as exc:
            outcome["bob"] = exc.diag.message_primary
        thread.join(30)
    assert outcome["bob"] == "hub.blob_unfinished"
    assert outcome["alice"] == "sent"
    assert _chunks(hub, sha) == [(0, 3000)]
    with hub.connect(alice) as conn:
        assert read_blob(conn, sha) == data


def test_chunks_beyond_a_blob_left_by_that_hole_are_removed_by_the_upgrade(pg_server):
    version = next(m.version for m in known_migrations() if m.name == "hardening")
    with psycopg.connect(pg_server.admin_url(), autocommit=True) as conn:
        conn.execute('DROP DATABASE IF EXISTS "attack_repair" WITH (FORCE)')
        conn.execute('CREATE DATABASE "attack_repair"')
    url = pg_server.admin_url("attack_repair")
    init_hub(url, upto=version - 1)
    data = os.urandom(5000)
    with psycopg.connect(url) as conn:  # a blob as the hole left it: its chunk and a stranger
        conn.execute("INSERT INTO hub.blobs (sha256, size, chunks) VALUES (%s, 5000, 1)", [_sha(data)])
        conn.execute("INSERT INTO hub.blob_chunks VALUES (%s, 0, %s), (%s, 7, 'garbage')",
                     [_sha(data), data, _sha(data)])
    init_hub(url)
    with psycopg.connect(url, autocommit=True) as conn:
        assert conn.execute("SELECT seq FROM hub.blob_chunks").fetchall() == [(0,)]
    with psycopg.connect(pg_server.admin_url(), autocommit=True) as conn:
        conn.execute('DROP DATABASE "attack_repair" WITH (FORCE)')


@pytest.mark.parametrize("seq, size, code", [
    (0, (1 << 20) + 1, "hub.blob_too_big"),  # the program sends 1 MiB chunks
    (1024, 1, "hub.blob_too_big"),  # more than 1 GiB in all
    (-1, 1, "hub.blob_too_big"),
])
def test_chunks_too_big_or_too_many_are_refused_at_once(hub, seq, size, code):
    alice = hub.add_user("inspector")
    with hub.connect(alice) as conn:
        with pytest.raises(psycopg.Error) as caught:
            conn.execute("SELECT hub.put_blob_chunk(%s, %s, %s)", ["a" * 64, seq, b"x" * size])
        assert caught.value.diag.message_primary == code
        conn.rollback()
        with pytest.raises(psycopg.Error) as caught:
            conn.execute("SELECT hub.put_blob_chunk('../../etc', 0, 'x')")
        assert caught.value.diag.message_primary == "hub.bad_payload"


def test_anothers_half_finished_upload_is_invisible_and_cannot_be_finished_by_a_third(hub):
    """Alice's chunks, not yet finished, are hers alone: Bob cannot read them, and while her
    upload is open he can neither finish nor add to that hash (he waits for it to end)."""
    alice, bob = hub.add_user("inspector"), hub.add_user("inspector")
    data = os.urandom(2000)
    with hub.connect(alice) as a, hub.connect(bob) as b:
        a.execute("SELECT hub.put_blob_chunk(%s, 0, %s)", [_sha(data), data])
        assert b.execute("SELECT count(*) FROM hub.blob_chunks").fetchone()[0] == 0
        b.execute("SET lock_timeout = '300ms'")
        for attempt in ("SELECT hub.finish_blob(%s, %s)", "SELECT hub.put_blob_chunk(%s, 1, %s)"):
            with pytest.raises(psycopg.Error) as caught:  # he waits for her upload to end
                b.execute(attempt, [_sha(data), len(data) if "finish" in attempt else b"x"])
            assert caught.value.sqlstate == "55P03"  # lock_not_available
            b.rollback()
            b.execute("SET lock_timeout = '300ms'")
        a.rollback()  # Alice's upload is cut: nothing of it stays
    assert _chunks(hub, _sha(data)) == []


def test_a_blob_another_holds_is_not_released_to_a_revision_that_names_it(hub):
    """Bob knows the hash of Alice's photo but not its bytes: a revision of his naming it as
    one of his files is refused (he holds nothing), and he cannot read it."""
    alice, bob = hub.add_user("inspector"), hub.add_user("inspector")
    mine = make_revision(status="completed")
    with hub.connect(alice) as conn:
        push_revision(conn, mine)
    photo = next(f for f in mine.files if f.name == "media/photo0.jpg")
    theirs = make_revision(status="completed")
    theirs.files.append(photo.__class__(photo.name.replace("photo0", "stolen"), photo.sha256, photo.size))
    theirs.payload["photos"][0]["sha256"] = photo.sha256
    with hub.connect(bob) as conn:
        with pytest.raises(HubRefused) as caught:
            from inspection.hub.push import send_files, store_revision
            send_files(conn, [f for f in theirs.files if f.sha256 != photo.sha256])
            store_revision(conn, theirs)
        assert caught.value.code == "hub.missing_blob"
        with pytest.raises(HubRefused):
            read_blob(conn, photo.sha256)


def test_nobody_creates_large_objects_on_the_hub(hub):
    alice, rita, adam = hub.add_user("inspector"), hub.add_user("reviewer"), hub.add_user("admin")
    for who in (alice, rita, adam):
        with hub.connect(who) as conn:
            for statement in ("SELECT lo_create(0)", "SELECT lo_creat(-1)",
                              "SELECT lo_from_bytea(0, 'x')"):
                with pytest.raises(psycopg.Error) as caught:
                    conn.execute(statement)
                assert caught.value.sqlstate == "42501", statement
                conn.rollback()
