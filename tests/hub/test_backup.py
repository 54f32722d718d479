"""The hub's backups are PostgreSQL's (README: ``pg_dump -Fc`` nightly, ``pg_restore -d``): a
dump restored into a new database is a working hub — the signed revision comes back whole from
it, the roles' rights and row-level security still hold, the recorded migrations still match the
program (so ``hub init`` on it has nothing to do), and the laptops sync to it without sending
again what it already holds."""
from __future__ import annotations

import subprocess

import pytest

from inspection.bundle import import_bundle
from inspection.hub.admin import init_hub
from inspection.hub.sync import sync_folder
from inspection.hub.transfer import export_revision
from inspection.model import Status
from tests.hub.conftest import HubForTests, _admin
from tests.hub.folders import filled_inspection, folder
from tests.hub.pg_server import ADMIN
from tests.inspection.bundle_data import make_key, signed_inspection, trust

psycopg = pytest.importorskip("psycopg")


@pytest.fixture
def restored(hub, tmp_path):
    """*hub* with pushed work, dumped with pg_dump -Fc and restored with pg_restore into a new
    database of the same cluster (roles are the cluster's, as the README says)."""
    def restore() -> HubForTests:
        server = hub.server
        dump = tmp_path / "hub.dump"
        env = {"PGPASSWORD": server.password}
        subprocess.run([str(server.bin_dir / "pg_dump"), "-Fc", "-f", str(dump),
                        "-d", server.url(ADMIN, hub.database)], check=True, env=env)
        name = f"{hub.database}_restored"
        with _admin(server) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        subprocess.run([str(server.bin_dir / "pg_restore"), "--exit-on-error",
                        "-d", server.url(ADMIN, name), str(dump)], check=True, env=env)
        copy = HubForTests(server, name, passwords=hub.passwords)
        created.append(name)
        return copy

    created: list[str] = []
    yield restore
    with _admin(hub.server) as conn:
        for name in created:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_restored_dump_is_a_working_hub(hub, restored, tmp_path):
    alice, bob, rita = hub.add_user("inspector"), hub.add_user("inspector"), hub.add_user("reviewer")
    root_a, laptop_a = folder(tmp_path, "a", hub, alice)
    key = make_key(tmp_path / "keys", "张三")
    signed = signed_inspection(laptop_a, key, photos=2)
    draft = filled_inspection(laptop_a, park="乙园", photos=1, status=Status.IN_PROGRESS, seed=5)
    assert sync_folder(laptop_a, root_a).outcome == "done"

    copy = restored()
    with copy.admin() as conn:
        applied = conn.execute("SELECT count(*) FROM hub.schema_migrations").fetchone()[0]
    # The migrations recorded in the dump are the program's: init on it applies nothing.
    assert applied > 0 and init_hub(copy.admin_url) == []

    # The signed revision comes back whole (photos, the signed report) from the restored hub.
    with copy.session(rita) as session:
        pib = export_revision(session, signed, tmp_path / "from-restored.pib")
    _, other = folder(tmp_path, "other")
    trust(other, key)
    result = import_bundle(other, pib)
    assert result.signed and len(other.snapshot(signed).photos) == 2
    assert [r.sha256 for r in other.reports(signed)] == [r.sha256 for r in laptop_a.reports(signed)]

    # Row-level security survived: another inspector reads neither of alice's inspections' rows
    # nor may write as her; a reviewer reads them.
    with copy.connect(bob) as conn:
        for table in ("inspections", "revisions", "photos", "blob_chunks"):
            assert conn.execute(f"SELECT count(*) FROM hub.{table}").fetchone()[0] == 0, table
        with pytest.raises(psycopg.Error):
            conn.execute("UPDATE hub.inspections SET status = 'signed'")
    with copy.connect(alice) as conn:
        assert conn.execute("SELECT count(*) FROM hub.inspections").fetchone()[0] == 1  # the draft waits
        with pytest.raises(psycopg.Error):
            conn.execute("DELETE FROM hub.revisions")
    with copy.connect(rita) as conn:
        assert conn.execute("SELECT count(*) FROM hub.inspections WHERE id = %s",
                            [signed]).fetchone()[0] == 1

    # The laptop, pointed at the restored hub, has nothing to send again; a new edit goes there.
    from inspection.hub.folder import connect_folder
    connect_folder(root_a, copy.url(alice), password=copy.passwords[alice]).close()
    again = sync_folder(laptop_a, root_a)
    assert again.outcome == "done" and again.pushed == []
    laptop_a.set_status(draft, Status.COMPLETED)
    after = sync_folder(laptop_a, root_a)
    assert after.outcome == "done" and [p["id"] for p in after.pushed] == [draft]
