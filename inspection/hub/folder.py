"""A data folder and its hub: connecting it once (``hub connect``: the address in the folder's
settings, the password in its pgpass file), then opening the hub unattended for every sync."""
from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path
from typing import Any

from inspection.hub.connection import CONNECT_TIMEOUT_S, HubAddress, HubSession, open_hub
from inspection.hub.errors import HubAuthFailed, HubError
from inspection.hub.migrations import program_schema_version
from inspection.hub.settings import HubSettings, load_settings, pgpass_path, save_password, save_settings

log = logging.getLogger(__name__)


def read_password_file(path: Path) -> str:
    """The password in *path* (its first line; the newline an editor adds is not part of it)."""
    text = Path(path).read_text(encoding="utf-8")
    password = text.splitlines()[0] if text else ""
    if not password:
        raise HubError("hub.empty_password", path=path)
    return password


def connect_folder(data_root: Path, url: str, *, user: str | None = None,
                   password: str | None = None, backup_drafts: bool | None = None) -> HubSession:
    """Check that the hub answers for this user, then remember it for this data folder.

    A password inside *url* is moved to the pgpass file; nothing is saved when the hub
    refuses (wrong password, older schema, unreachable).
    """
    address, url_password = HubAddress.parse(url, user=user, allow_password=True)
    password = password if password is not None else url_password
    session = open_hub(address, password=password, passfile=None if password else pgpass_path(data_root))
    try:
        current = load_settings(data_root)
        settings = HubSettings(url=address.conninfo, user=address.user, display=address.display,
                               hub_id=session.hub_id, role=session.role or "",
                               backup_drafts=current.backup_drafts if backup_drafts is None else backup_drafts)
        if password:
            save_password(data_root, host=address.host, port=address.port, dbname=address.dbname,
                          user=address.user, password=password)
        save_settings(data_root, settings)
    except BaseException:
        session.close()
        raise
    log.info("data folder connected to hub %s as %s (%s)", address.display, address.user, session.role)
    return session


def check_connection(data_root: Path, url: str, *, user: str | None = None,
                    password: str | None = None) -> dict[str, Any]:
    """Whether the hub answers for this user (nothing is saved): its address, our role, and the
    schema version; a :class:`HubError` says why not."""
    address, url_password = HubAddress.parse(url, user=user, allow_password=True)
    password = password if password is not None else url_password
    with open_hub(address, password=password,
                  passfile=None if password else pgpass_path(data_root)) as session:
        return {"hub": address.display, "role": session.role, "hub_id": session.hub_id,
                "schema_version": program_schema_version()}


def folder_address(data_root: Path) -> HubAddress:
    settings = load_settings(data_root)
    if not settings.configured:
        raise HubError("hub.not_connected")
    return HubAddress(settings.url)


def open_folder_hub(data_root: Path, *, timeout: int | None = None) -> HubSession:
    """The hub this data folder is connected to, with the password from its pgpass file."""
    address = folder_address(data_root)
    session = open_hub(address, passfile=pgpass_path(data_root),
                       timeout=timeout if timeout is not None else CONNECT_TIMEOUT_S)
    settings = load_settings(data_root)
    if settings.hub_id != session.hub_id or settings.role != (session.role or ""):
        save_settings(data_root, replace(settings, hub_id=session.hub_id, role=session.role or ""))
    return session


def open_address(url: str, *, password: str | None = None) -> HubSession:
    """A hub named on the command line (``--hub URL``): libpq's own ways of finding the
    password apply (the URL, PGPASSWORD, ~/.pgpass), or *password*."""
    address, url_password = HubAddress.parse(url, allow_password=True)
    try:
        return open_hub(address, password=password if password is not None else url_password)
    except HubAuthFailed as exc:
        if exc.code == "hub.no_password":  # the folder's settings play no part here: say how to give it
            raise HubAuthFailed("hub.no_password_address", hub=address.display) from None
        raise
