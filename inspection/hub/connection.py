"""Reaching the hub: its address (a libpq connection string or ``postgresql://`` URL, never
holding the password), a connection with the password from the data folder's pgpass file, and
who we are there (role) once the schema is checked.

PostgreSQL does the authentication (SCRAM), TLS (``sslmode=verify-full`` with ``sslrootcert``,
client certificates with ``sslcert``/``sslkey``) and rights; the program only passes the address on.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import psycopg
from psycopg import conninfo as pg_conninfo
from psycopg.abc import Buffer
from psycopg.types.datetime import TimestamptzBinaryLoader, TimestamptzLoader

from inspection.hub.errors import HubError, connect_error, sql_error
from inspection.hub.rows import one_row

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 10
APPLICATION_NAME = "park-inspector"
ROLES = ("admin", "reviewer", "inspector")  # the strongest first


@dataclass(frozen=True)
class HubAddress:
    """Where the hub is and who connects, as a libpq connection string without a password."""

    conninfo: str

    @classmethod
    def parse(cls, url: str, *, user: str | None = None,
              allow_password: bool = False) -> tuple[HubAddress, str | None]:
        """The address in *url* (a libpq string or URL) and the password it held, if any.

        Only ``hub init`` (a one-off administrator's command) accepts a password inside the URL;
        anything kept for later must not hold one (*allow_password*).
        """
        try:
            params = pg_conninfo.conninfo_to_dict((url or "").strip())
        except psycopg.ProgrammingError as exc:
            raise HubError("hub.bad_url", reason=str(exc).strip()) from None
        if not params:
            raise HubError("hub.bad_url", reason=url)
        secret = params.pop("password", None)
        password = None if secret is None else str(secret)
        if password is not None and not allow_password:
            raise HubError("hub.url_has_password")
        if user:
            params["user"] = user
        return cls(pg_conninfo.make_conninfo(**{k: str(v) for k, v in params.items()})), password

    @property
    def params(self) -> dict[str, str]:
        return {k: str(v) for k, v in pg_conninfo.conninfo_to_dict(self.conninfo).items()}

    @property
    def user(self) -> str:
        return self.params.get("user", "")

    @property
    def host(self) -> str:
        return self.params.get("host", "") or self.params.get("hostaddr", "")

    @property
    def port(self) -> str:
        return self.params.get("port", "")

    @property
    def dbname(self) -> str:
        return self.params.get("dbname", "") or self.user

    def with_user(self, user: str) -> HubAddress:
        return HubAddress(pg_conninfo.make_conninfo(self.conninfo, user=user))

    @property
    def display(self) -> str:
        """``user@host:port/database``, for messages and the status bar (no secrets)."""
        host = self.host or "localhost"
        port = f":{self.port}" if self.port else ""
        user = f"{self.user}@" if self.user else ""
        return f"{user}{host}{port}/{self.dbname}"


def connect(address: HubAddress, *, password: str | None = None, passfile: Path | None = None,
            timeout: int = CONNECT_TIMEOUT_S, autocommit: bool = False) -> psycopg.Connection:
    """A connection to the hub, or a :class:`HubError` saying why not (offline is one)."""
    options: dict[str, Any] = {  # libpq connection parameters
        "connect_timeout": timeout, "application_name": APPLICATION_NAME,
        # A hub that vanishes mid-sync is noticed within about a minute, not two hours.
        "keepalives": 1, "keepalives_idle": 20, "keepalives_interval": 5, "keepalives_count": 4,
    }
    if password is not None:
        options["password"] = password
    elif passfile is not None:
        options["passfile"] = str(passfile)
    try:
        conn = psycopg.connect(address.conninfo, autocommit=autocommit, **options)
    except psycopg.Error as exc:
        log.info("hub %s: cannot connect (%s)", address.display, exc)
        raise connect_error(exc, hub=address.display, user=address.user) from None
    local_times(conn)
    return conn


class _LocalTimestamptz(TimestamptzLoader):
    def load(self, data: Buffer) -> datetime:
        return super().load(data).astimezone()


class _LocalTimestamptzBinary(TimestamptzBinaryLoader):
    def load(self, data: Buffer) -> datetime:
        return super().load(data).astimezone()


def local_times(conn: psycopg.Connection) -> None:
    """Times read from the hub in this computer's zone, as the data folder keeps its own.

    PostgreSQL gives a ``timestamptz`` in the session's TimeZone, the server's setting: a hub
    kept in UTC said a decision taken at 07:30 in Shanghai was taken at 23:30 the day before —
    in the inspector's page, the laptop's copy of the decisions, the office's history."""
    conn.adapters.register_loader("timestamptz", _LocalTimestamptz)
    conn.adapters.register_loader("timestamptz", _LocalTimestamptzBinary)


def role_of(conn: psycopg.Connection) -> str | None:
    """The user's strongest hub role (admin, reviewer, inspector), 'superuser', or None."""
    try:
        row = conn.execute(
            "SELECT rolsuper, pg_has_role(session_user, 'pi_admin', 'MEMBER'),"
            " pg_has_role(session_user, 'pi_reviewer', 'MEMBER'),"
            " pg_has_role(session_user, 'pi_inspector', 'MEMBER')"
            " FROM pg_roles WHERE rolname = session_user").fetchone()
    except psycopg.errors.UndefinedObject:  # the group roles do not exist: no hub here yet
        conn.rollback()
        return None
    except psycopg.Error as exc:
        raise sql_error(exc) from None
    if row is None:
        return None
    if row[0]:
        return "superuser"
    for role, member in zip(ROLES, row[1:]):
        if member:
            return role
    return None


class HubSession:
    """An open, checked connection to the hub: the schema matches the program's, the role is known."""

    def __init__(self, conn: psycopg.Connection, address: HubAddress) -> None:
        self.conn = conn
        self.address = address
        self.role = role_of(conn)
        self.hub_id = ""

    @property
    def user(self) -> str:
        return self.address.user

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> HubSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_hub(address: HubAddress, *, password: str | None = None, passfile: Path | None = None,
             timeout: int = CONNECT_TIMEOUT_S) -> HubSession:
    """Connect and check the hub's schema against this program's; the session knows our role."""
    from inspection.hub.migrations import check_schema

    conn = connect(address, password=password, passfile=passfile, timeout=timeout)
    try:
        check_schema(conn)
        session = HubSession(conn, address)
        session.hub_id = str(one_row(conn.execute("SELECT hub_id FROM hub.info"))[0])
        conn.commit()
    except HubError:
        conn.close()
        raise
    except psycopg.Error as exc:
        conn.close()
        raise sql_error(exc) from None
    return session
