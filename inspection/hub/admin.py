"""Starting and keeping a hub: ``hub init`` (roles, schema, migrations) and its users.

Roles are PostgreSQL's: ``pi_owner`` (NOLOGIN, owns every object, acts only inside the
schema's definer functions and views), and the groups ``pi_inspector``, ``pi_reviewer`` and
``pi_admin``; each user is a login role in one group. Role names are cluster-wide: one
PostgreSQL cluster serves one hub (or its hubs share their users).
"""
from __future__ import annotations

import logging
from typing import Any

import psycopg
from psycopg import sql

from inspection.appinfo import APP_VERSION
from inspection.hub.connection import HubAddress, HubSession, connect
from inspection.hub.errors import HubError, HubRefused, sql_error
from inspection.hub.migrations import apply_pending
from inspection.hub.rows import one_row

log = logging.getLogger(__name__)

OWNER = "pi_owner"
GROUPS = {"inspector": "pi_inspector", "reviewer": "pi_reviewer", "admin": "pi_admin"}
INIT_LOCK = 0x70695F687562  # "pi_hub": one hub init at a time


def init_hub(url: str, *, password: str | None = None, upto: int | None = None) -> list[str]:
    """Create or upgrade the hub's schema in the database *url* names; returns what was applied.

    Run as a superuser, or as a user who owns the database and may create roles. Safe to run
    again: it only adds what is missing.
    """
    address, url_password = HubAddress.parse(url, allow_password=True)
    conn = connect(address, password=password or url_password, autocommit=True)
    try:
        return _init(conn, upto=upto)
    except psycopg.Error as exc:
        raise sql_error(exc, what="hub init") from None
    finally:
        conn.close()


def _init(conn: psycopg.Connection, *, upto: int | None) -> list[str]:
    superuser, createrole, owns_db, me, server = one_row(conn.execute(
        "SELECT r.rolsuper, r.rolcreaterole, d.datdba = r.oid, current_user,"
        " current_setting('server_version_num')::int"
        " FROM pg_roles r, pg_database d WHERE r.rolname = current_user"
        " AND d.datname = current_database()"))
    if not (superuser or (createrole and owns_db)):
        raise HubRefused("hub.init_needs_admin", user=me)
    conn.execute("SELECT pg_advisory_lock(%s)", [INIT_LOCK])
    try:
        _create_roles(conn, superuser=superuser, server=server)
        database = sql.Identifier(conn.info.dbname)
        conn.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS hub AUTHORIZATION {}").format(sql.Identifier(OWNER)))
        conn.execute(sql.SQL("REVOKE CONNECT, TEMPORARY ON DATABASE {} FROM PUBLIC").format(database))
        conn.execute(sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(
            database, sql.SQL(", ").join(sql.Identifier(g) for g in GROUPS.values())))
        _no_large_objects(conn, superuser=superuser)
        conn.execute(sql.SQL("SET ROLE {}").format(sql.Identifier(OWNER)))
        try:
            done = apply_pending(conn, program_version=APP_VERSION, upto=upto)
        finally:
            conn.execute("RESET ROLE")
    finally:
        conn.execute("SELECT pg_advisory_unlock(%s)", [INIT_LOCK])
    log.info("hub init on %s: applied %s", conn.info.dbname, done or "nothing")
    return done


# PostgreSQL lets every user create large objects: bytes the hub neither counts nor ever
# removes (its files are blobs, checked and owned). Nobody may create one in the hub's database.
LARGE_OBJECT_MAKERS = ("lo_creat(integer)", "lo_create(oid)", "lo_from_bytea(oid, bytea)",
                       "lo_import(text)", "lo_import(text, oid)")


def _no_large_objects(conn: psycopg.Connection, *, superuser: bool) -> None:
    if not superuser:  # the functions belong to the bootstrap superuser: only one can revoke
        log.warning("hub init as a non-superuser: hub users can still create large objects"
                    " (a superuser's hub init revokes that)")
        return
    conn.execute("REVOKE EXECUTE ON FUNCTION "
                 + ", ".join(f"pg_catalog.{f}" for f in LARGE_OBJECT_MAKERS) + " FROM PUBLIC")


def _create_roles(conn: psycopg.Connection, *, superuser: bool, server: int) -> None:
    existing = {row[0] for row in conn.execute(
        "SELECT rolname FROM pg_roles WHERE rolname = ANY(%s)", [[OWNER, *GROUPS.values()]])}
    if OWNER not in existing:
        conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN CREATEROLE").format(sql.Identifier(OWNER)))
    for group in GROUPS.values():
        if group not in existing:
            conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(group)))
        if server >= 160000:
            # Since PostgreSQL 16 granting a group needs ADMIN OPTION on it, not CREATEROLE alone.
            conn.execute(sql.SQL("GRANT {} TO {} WITH ADMIN OPTION, INHERIT FALSE, SET FALSE").format(
                sql.Identifier(group), sql.Identifier(OWNER)))
    if not superuser:  # the schema is created as the owner: the one running init must be able to
        conn.execute(sql.SQL("GRANT {} TO CURRENT_USER").format(sql.Identifier(OWNER)))


def add_user(session: HubSession, name: str, role: str, password: str, *, display_name: str = "") -> None:
    """A new hub user: a login role in the group of *role*. The password goes as a SCRAM verifier."""
    if role not in GROUPS:
        raise HubError("hub.bad_role", role=role)
    conn = session.conn
    verifier = conn.pgconn.encrypt_password(password.encode(), name.encode(), b"scram-sha-256")
    try:
        with conn.transaction():
            conn.execute("SELECT hub.add_user(%s, %s, %s, %s)",
                         [name, role, verifier.decode(), display_name])
    except psycopg.Error as exc:
        raise sql_error(exc, what="hub user add") from None
    log.info("hub user added: %s (%s)", name, role)


def users(session: HubSession) -> list[dict[str, Any]]:
    """The hub's users as the caller may see them (an inspector sees only themselves)."""
    rows = session.conn.execute(
        "SELECT name, role, display_name, created_at FROM hub.users ORDER BY role, name").fetchall()
    session.conn.commit()
    return [{"name": n, "role": r, "display_name": d, "created_at": c.isoformat()} for n, r, d, c in rows]
