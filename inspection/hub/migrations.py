"""The hub's schema, created and upgraded by the program's own migrations.

Each migration is an SQL file ``schema/NNNN_name.sql``, applied in order, each in its own
transaction together with its row in ``hub.schema_migrations`` (version, name, SHA-256 of the
file). Never edit an applied migration: add one. A hub that recorded a version this program
does not know is newer than the program; one missing a version is older; one whose recorded
checksum differs from the file was changed by hand. Each is a clear message, never a guess.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import psycopg

from inspection.hub.errors import HubSchemaMismatch, sql_error
from inspection.hub.rows import one_row

SCHEMA_DIR = Path(__file__).resolve().parent / "schema"
_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")

CREATE_MIGRATIONS_TABLE = """
CREATE TABLE IF NOT EXISTS hub.schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    checksum text NOT NULL,
    program_version text NOT NULL DEFAULT '',
    applied_by text NOT NULL DEFAULT session_user,
    applied_at timestamptz NOT NULL DEFAULT now()
)"""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str
    checksum: str


def known_migrations() -> list[Migration]:
    """The program's migrations, in order."""
    found = []
    for path in sorted(SCHEMA_DIR.glob("*.sql")):
        match = _NAME.match(path.name)
        if not match:
            continue
        data = path.read_bytes()
        found.append(Migration(int(match.group(1)), match.group(2), data.decode("utf-8"),
                               hashlib.sha256(data).hexdigest()))
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise RuntimeError(f"hub migrations are not numbered 1..n: {versions}")
    return found


def program_schema_version() -> int:
    return len(known_migrations())


def applied_migrations(conn: psycopg.Connection) -> list[tuple[int, str, str]] | None:
    """(version, name, checksum) recorded by the hub, or None when it has no hub schema."""
    try:
        if one_row(conn.execute("SELECT to_regclass('hub.schema_migrations')"))[0] is None:
            return None
        return [tuple(row) for row in conn.execute(
            "SELECT version, name, checksum FROM hub.schema_migrations ORDER BY version")]
    except psycopg.Error as exc:
        raise sql_error(exc) from None


def compare(applied: list[tuple[int, str, str]], known: list[Migration]) -> list[Migration]:
    """The known migrations the hub lacks; refuses a newer or hand-changed hub schema."""
    by_version = {m.version: m for m in known}
    hub_version = max((v for v, _, _ in applied), default=0)
    if hub_version > len(known) or any(v not in by_version for v, _, _ in applied):
        raise HubSchemaMismatch("hub.schema_newer", hub=hub_version, program=len(known))
    for version, name, checksum in applied:
        if by_version[version].checksum != checksum:
            raise HubSchemaMismatch("hub.schema_changed", version=version, name=name)
    done = {v for v, _, _ in applied}
    return [m for m in known if m.version not in done]


def check_schema(conn: psycopg.Connection) -> None:
    """Refuse to work with a hub whose schema is not exactly this program's."""
    applied = applied_migrations(conn)
    database = conn.info.dbname
    if not applied:
        raise HubSchemaMismatch("hub.not_initialised", database=database)
    pending = compare(applied, known_migrations())
    if pending:
        raise HubSchemaMismatch("hub.schema_older", hub=max(v for v, _, _ in applied),
                                program=program_schema_version())


def apply_pending(conn: psycopg.Connection, *, program_version: str,
                  upto: int | None = None) -> list[str]:
    """Apply the migrations the hub lacks (as the schema's owner); returns their names.

    *upto* stops after that version (tests make an older hub with it).
    """
    with conn.transaction():
        conn.execute(CREATE_MIGRATIONS_TABLE)
    pending = compare(applied_migrations(conn) or [], known_migrations())
    done = []
    for migration in pending:
        if upto is not None and migration.version > upto:
            break
        with conn.transaction():
            conn.execute(migration.sql)
            conn.execute("INSERT INTO hub.schema_migrations (version, name, checksum, program_version)"
                         " VALUES (%s, %s, %s, %s)",
                         [migration.version, migration.name, migration.checksum, program_version])
        done.append(f"{migration.version:04d}_{migration.name}")
    return done
