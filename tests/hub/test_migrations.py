"""The hub's schema comes from the program's own ordered, checksummed migrations."""
import pytest

from inspection.hub.admin import init_hub
from inspection.hub.connection import HubAddress, open_hub
from inspection.hub.errors import HubSchemaMismatch
from inspection.hub.migrations import known_migrations, program_schema_version


def _fresh_database(pg_server, name):
    import psycopg
    with psycopg.connect(pg_server.admin_url(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return pg_server.admin_url(name)


def _open_as_admin(pg_server, database):
    return open_hub(HubAddress.parse(pg_server.url("admin", database))[0], password=pg_server.password)


def test_init_creates_every_migration_and_records_it(pg_server):
    url = _fresh_database(pg_server, "mig_fresh")
    done = init_hub(url)
    assert done == [f"{m.version:04d}_{m.name}" for m in known_migrations()]
    with _open_as_admin(pg_server, "mig_fresh") as session:
        rows = session.conn.execute("SELECT version, checksum FROM hub.schema_migrations ORDER BY 1").fetchall()
    assert rows == [(m.version, m.checksum) for m in known_migrations()]


def test_init_again_applies_nothing(hub):
    assert init_hub(hub.admin_url) == []


def test_an_older_hub_is_named_and_upgraded_by_init(pg_server):
    url = _fresh_database(pg_server, "mig_older")
    init_hub(url, upto=1)
    with pytest.raises(HubSchemaMismatch) as caught:
        _open_as_admin(pg_server, "mig_older")
    assert caught.value.code == "hub.schema_older"
    assert "hub init" in caught.value.text("en")
    assert init_hub(url) == [f"{m.version:04d}_{m.name}" for m in known_migrations()[1:]]
    _open_as_admin(pg_server, "mig_older").close()


def test_a_newer_hub_is_refused_with_its_version(hub):
    with hub.admin() as conn:
        conn.execute("INSERT INTO hub.schema_migrations (version, name, checksum)"
                     " VALUES (%s, 'from_the_future', 'x')", [program_schema_version() + 1])
    for attempt in (lambda: _open_as_admin(hub.server, hub.database), lambda: init_hub(hub.admin_url)):
        with pytest.raises(HubSchemaMismatch) as caught:
            attempt()
        assert caught.value.code == "hub.schema_newer"
        assert "upgrade this program" in caught.value.text("en")


def test_a_hand_changed_migration_is_refused(hub):
    with hub.admin() as conn:
        conn.execute("UPDATE hub.schema_migrations SET checksum = 'changed' WHERE version = 1")
    with pytest.raises(HubSchemaMismatch) as caught:
        _open_as_admin(hub.server, hub.database)
    assert caught.value.code == "hub.schema_changed"


def test_a_database_without_a_hub_says_so(pg_server):
    _fresh_database(pg_server, "mig_empty")
    with pytest.raises(HubSchemaMismatch) as caught:
        _open_as_admin(pg_server, "mig_empty")
    assert caught.value.code == "hub.not_initialised"
    assert "mig_empty" in str(caught.value)
