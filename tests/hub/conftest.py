"""A real PostgreSQL for the hub tests, started by the suite itself (no mock of the database).

``pg_server`` (session): one throwaway cluster in a temporary folder, on a local socket and a
TLS port on 127.0.0.1 (self-made CA). ``hub_template`` (session): a database initialised with
the hub schema once. ``hub`` (each test): a fresh copy of it, with helpers to add users and
connect as them; dropped afterwards with its users.

The tests skip, saying why, only when PostgreSQL's binaries are absent; scripts/test.sh
installs Debian's postgresql package first, and in CI (``CI`` set) absence is a failure.
"""
from __future__ import annotations

import itertools
import os
import signal
from dataclasses import dataclass, field

import pytest

from tests.hub.pg_server import ADMIN, PostgresServer, find_bin_dir

psycopg = pytest.importorskip("psycopg")

_databases = itertools.count(1)
CERT_USER = "tls_cert_user"


@pytest.fixture(scope="session")
def pg_server():
    bin_dir = find_bin_dir()
    if bin_dir is None:
        reason = ("PostgreSQL 15 or newer is not installed (Debian: apt-get install postgresql;"
                  " scripts/test.sh installs it)")
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    server = PostgresServer(bin_dir, cert_users=(CERT_USER,))
    # A run stopped with SIGTERM (a CI timeout, kill) still stops its server: as Ctrl+C would.
    previous = signal.signal(signal.SIGTERM, _interrupt)
    server.start()
    try:
        yield server
    finally:
        server.remove()
        signal.signal(signal.SIGTERM, previous)


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def _admin(server: PostgresServer, database: str = "postgres"):
    return psycopg.connect(server.admin_url(database), autocommit=True)


@pytest.fixture(scope="session")
def hub_template(pg_server):
    from inspection.hub.admin import init_hub

    with _admin(pg_server) as conn:
        conn.execute("CREATE DATABASE hub_template")
    init_hub(pg_server.admin_url("hub_template"))
    return "hub_template"


@dataclass
class HubForTests:
    """One test's hub database on the session's server, and the users made for it."""

    server: PostgresServer
    database: str
    passwords: dict[str, str] = field(default_factory=dict)
    _names: itertools.count = field(default_factory=lambda: itertools.count(1))

    @property
    def admin_url(self) -> str:
        return self.server.admin_url(self.database)

    def url(self, user: str) -> str:
        """The hub's address for *user*, without a password (as a data folder keeps it)."""
        return self.server.url(user, self.database)

    def add_user(self, role: str, name: str | None = None, password: str | None = None) -> str:
        from inspection.hub.admin import add_user
        from inspection.hub.connection import HubAddress, open_hub

        name = name or f"{role}{next(self._names)}_{self.database}"
        password = password or f"pw-{name}"
        with open_hub(HubAddress.parse(self.server.url(ADMIN, self.database))[0],
                      password=self.server.password) as session:
            add_user(session, name, role, password)
        self.passwords[name] = password
        return name

    def connect(self, user: str, **options):
        """A plain psycopg connection as *user* (for SQL of the test's own)."""
        return psycopg.connect(self.url(user), password=self.passwords[user], **options)

    def session(self, user: str):
        from inspection.hub.connection import HubAddress, open_hub

        return open_hub(HubAddress.parse(self.url(user))[0], password=self.passwords[user])

    def admin(self):
        return _admin(self.server, self.database)


@pytest.fixture
def hub(pg_server, hub_template):
    from inspection.hub.admin import init_hub

    name = f"hub_{os.getpid()}_{next(_databases)}"
    with _admin(pg_server) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE hub_template')
    init_hub(pg_server.admin_url(name))  # the database's own grants (not copied from a template)
    with _admin(pg_server, name) as conn:
        conn.execute("UPDATE hub.info SET hub_id = gen_random_uuid()")
    test_hub = HubForTests(pg_server, name)
    yield test_hub
    with _admin(pg_server) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        for user in test_hub.passwords:
            conn.execute(f'DROP ROLE IF EXISTS "{user}"')
