"""Faults of the hub, each a clear message with nothing half-stored on either side, and the next
sync completes the work: a wrong password, the hub killed mid-sync, a hub schema older or newer
than the program, a role without the right, a cancelled sync, a file tampered with."""
import hashlib

import psycopg
import pytest

from inspection.hub.admin import add_user, init_hub
from inspection.hub.connection import HubAddress, open_hub
from inspection.hub.errors import HubAuthFailed
from inspection.hub.folder import connect_folder
from inspection.hub.migrations import program_schema_version
from inspection.hub.settings import load_settings
from inspection.hub.sync import sync_folder
from tests.hub.folders import filled_inspection, folder
from tests.hub.pg_server import PostgresServer, find_bin_dir


def _revisions(hub_or_server, database=None):
    url = hub_or_server.admin_url if database is None else hub_or_server.admin_url(database)
    with psycopg.connect(url) as conn:
        return conn.execute("SELECT count(*) FROM hub.revisions").fetchone()[0]


def test_a_wrong_password_is_said_and_nothing_is_saved(hub, tmp_path):
    alice = hub.add_user("inspector")
    root = tmp_path / "a"
    with pytest.raises(HubAuthFailed) as caught:
        connect_folder(root, hub.url(alice), password="wrong")
    assert caught.value.code == "hub.bad_password"
    assert alice in caught.value.text("en") and "password" in caught.value.text("en")
    assert not load_settings(root).configured and not (root / "hub" / "pgpass").exists()


def test_a_password_changed_on_the_hub_fails_the_sync_and_keeps_the_work_waiting(hub, tmp_path):
    alice = hub.add_user("inspector")
    root, store = folder(tmp_path, "a", hub, alice)
    filled_inspection(store)
    with hub.admin() as conn:
        conn.execute(f'ALTER ROLE "{alice}" PASSWORD \'changed\'')
    report = sync_folder(store, root)
    assert report.outcome == "failed" and "密码" in report.message
    assert store.last_hub_sync().outcome == "failed"
    assert len(store.hub_pending(load_settings(root).hub_id)) == 1
    assert _revisions(hub) == 0


def test_the_pgpass_file_is_private_and_settings_hold_no_password(hub, tmp_path):
    alice = hub.add_user("inspector")
    root, _ = folder(tmp_path, "a", hub, alice)
    pgpass = root / "hub" / "pgpass"
    assert pgpass.stat().st_mode & 0o077 == 0
    assert hub.passwords[alice] in pgpass.read_text()
    assert hub.passwords[alice] not in (root / "hub" / "settings.json").read_text()
    for log in (root / "logs").glob("*"):
        assert hub.passwords[alice] not in log.read_text(errors="replace")


@pytest.fixture
def own_server():
    """A server of the test's own, to kill without disturbing the others."""
    server = PostgresServer(find_bin_dir(), tls=False)
    server.start()
    with psycopg.connect(server.admin_url(), autocommit=True) as conn:
        conn.execute("CREATE DATABASE hub")
    init_hub(server.admin_url("hub"))
    with open_hub(HubAddress.parse(server.url("admin", "hub"))[0], password=server.password) as session:
        add_user(session, "killtest", "inspector", "pw")
    yield server
    server.remove()


def test_the_hub_killed_mid_sync_leaves_nothing_half_stored_and_the_next_sync_completes(
        own_server, tmp_path, monkeypatch):
    monkeypatch.setattr("inspection.hub.push.BATCH_BYTES", 200_000)  # a file or two per transaction
    root = tmp_path / "a"
    connect_folder(root, own_server.url("killtest", "hub"), password="pw").close()
    _, store = folder(tmp_path, "a")
    inspection_id = filled_inspection(store, photos=4, photo_size=(2400, 1800))
    killed = []
    from inspection.hub import push

    def send_then_kill(conn, batch, **options):
        push_batch(conn, batch, **options)
        if not killed:  # one batch is on the hub (committed); the server dies before the next
            own_server.kill()
            killed.append(len(batch))

    push_batch = push.upload_batch
    monkeypatch.setattr(push, "upload_batch", send_then_kill)
    report = sync_folder(store, root)
    monkeypatch.setattr(push, "upload_batch", push_batch)
    assert killed and report.outcome == "failed"
    assert "中断" in report.message or "无法连接" in report.message, report.message
    assert store.hub_last_push(load_settings(root).hub_id, inspection_id) is None
    own_server.start()
    assert _revisions(own_server, "hub") == 0
    with psycopg.connect(own_server.admin_url("hub")) as conn:
        blobs_before = conn.execute("SELECT count(*) FROM hub.blobs").fetchone()[0]
        assert conn.execute("SELECT count(*) FROM hub.blob_chunks c WHERE NOT EXISTS"
                            " (SELECT 1 FROM hub.blobs b WHERE b.sha256 = c.sha256)").fetchone()[0] == 0

    assert blobs_before > 0
    report = sync_folder(store, root)
    assert report.outcome == "done", report
    assert _revisions(own_server, "hub") == 1
    with psycopg.connect(own_server.admin_url("hub")) as conn:
        files = conn.execute("SELECT count(DISTINCT sha256) FROM hub.revision_files").fetchone()[0]
    assert report.pushed[0]["files"]["sent"] == files - blobs_before  # what arrived before the cut stays
    assert sync_folder(store, root).pushed == []


@pytest.mark.parametrize("change, code_words", [
    ("DELETE FROM hub.schema_migrations WHERE version = {last}", "older"),
    ("INSERT INTO hub.schema_migrations (version, name, checksum) VALUES ({next}, 'future', 'x')", "newer"),
])
def test_a_hub_schema_older_or_newer_than_the_program_is_said_before_anything_moves(
        hub, tmp_path, change, code_words):
    alice = hub.add_user("inspector")
    root, store = folder(tmp_path, "a", hub, alice)
    filled_inspection(store)
    with hub.admin() as conn:
        conn.execute(change.format(last=program_schema_version(), next=program_schema_version() + 1))
    report = sync_folder(store, root)
    assert report.outcome == "failed"
    assert ("旧" if code_words == "older" else "新") in report.message
    assert _revisions(hub) == 0 and report.pushed == []


def test_a_login_without_a_hub_role_is_told_it_has_no_right(hub, tmp_path):
    with hub.admin() as conn:
        conn.execute("CREATE ROLE stranger_x LOGIN PASSWORD 'pw'")
        conn.execute(f'GRANT CONNECT ON DATABASE "{hub.database}" TO stranger_x')
    hub.passwords["stranger_x"] = "pw"
    with pytest.raises(Exception) as caught:
        connect_folder(tmp_path / "s", hub.url("stranger_x"), password="pw")
    assert getattr(caught.value, "code", "") == "hub.no_right"


def test_a_reviewer_folder_syncs_without_pushing(hub, tmp_path):
    reviewer = hub.add_user("reviewer")
    root, store = folder(tmp_path, "r", hub, reviewer)
    filled_inspection(store)
    report = sync_folder(store, root)
    assert report.outcome == "done" and report.pushed == [] and report.role == "reviewer"
    assert _revisions(hub) == 0


def test_a_cancelled_sync_keeps_what_was_sent_and_the_next_one_finishes(hub, tmp_path):
    alice = hub.add_user("inspector")
    root, store = folder(tmp_path, "a", hub, alice)
    filled_inspection(store, photos=3)
    filled_inspection(store, photos=3, seed=4, date="2026-04-01")
    seen = []
    report = sync_folder(store, root, cancelled=lambda: len(seen) > 0,
                         progress=lambda p: seen.append(p) if p.phase == "push" and p.done else None)
    assert report.outcome == "cancelled" and "取消" in report.message
    assert _revisions(hub) == 0
    assert sync_folder(store, root).outcome == "done"
    assert _revisions(hub) == 2


def test_a_file_changed_after_it_was_recorded_is_refused_by_the_hub(hub, tmp_path):
    alice = hub.add_user("inspector")
    root, store = folder(tmp_path, "a", hub, alice)
    bad = filled_inspection(store, photos=1)
    good = filled_inspection(store, photos=1, seed=7, date="2026-04-01")
    photo = store.photos(bad)[0]
    original = store.data_dir.original(photo.sha256, photo.ext)
    original.write_bytes(original.read_bytes() + b"tampered")
    assert hashlib.sha256(original.read_bytes()).hexdigest() != photo.sha256
    report = sync_folder(store, root)
    assert report.outcome == "partly"
    assert [r["id"] for r in report.refused] == [bad] and report.refused[0]["code"] == "hub.blob_mismatch"
    assert [p["id"] for p in report.pushed] == [good]
    with hub.admin() as conn:
        assert conn.execute("SELECT count(*) FROM hub.blobs WHERE sha256 = %s", [photo.sha256]).fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM hub.inspections WHERE id = %s", [bad]).fetchone()[0] == 0


def test_a_park_whose_only_inspection_the_hub_refused_is_not_said_to_be_proposed(hub, tmp_path):
    """The park goes to the registry inside its inspection's push: refused (a photo changed on
    disk here), nothing reached the hub, and 已提交，待中心匹配 was not true — it stays 未提交中心
    until a push carries it, and is matched then."""
    from inspection.store.identity import RegistryState
    from tests.hub.folders import PARK

    alice = hub.add_user("inspector")
    root, store = folder(tmp_path, "a", hub, alice)
    bad = filled_inspection(store, photos=1)
    photo = store.photos(bad)[0]
    original = store.data_dir.original(photo.sha256, photo.ext)
    kept = original.read_bytes()
    original.write_bytes(kept + b"tampered")
    assert sync_folder(store, root).outcome == "partly"
    park = store.find_park(PARK)
    assert store.park_registry_state(park.id).state is RegistryState.LOCAL
    original.write_bytes(kept)
    assert sync_folder(store, root).outcome == "done"
    assert store.park_registry_state(park.id).state is RegistryState.MATCHED
