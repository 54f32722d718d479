"""What a data folder keeps about its hub: the address (never the password), whether drafts
are backed up too, and the password in a pgpass file readable only by the user, as
PostgreSQL's own clients keep it (libpq reads it through the ``passfile`` parameter).

No psycopg here: the window reads and writes these settings; the hub work itself runs in
inspection.hub through the task runner.
"""
from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from inspection.files import write_atomic

FOLDER = "hub"
SETTINGS_FILE = "settings.json"
PGPASS_FILE = "pgpass"


@dataclass(frozen=True)
class HubSettings:
    """The hub of one data folder; ``url`` is a libpq connection string without a password."""

    url: str = ""
    user: str = ""  # also inside url; kept apart for the settings dialog
    display: str = ""  # user@host:port/database, for the status bar
    hub_id: str = ""  # the hub's own id (hub.info), learnt when connecting
    backup_drafts: bool = False
    role: str = ""  # our role on the hub (inspector, reviewer, admin…), learnt when connecting

    @property
    def configured(self) -> bool:
        return bool(self.url.strip())

    @property
    def uploads(self) -> bool:
        """Whether this folder's syncs upload: only an inspector's login pushes its inspections.
        An office's folder (reviewer, admin) only pulls; a bundle it imported from an
        inspector is that inspector's to upload (or ``hub push FILE.pib``). Unknown (settings
        older than the role): as an inspector's."""
        return self.role in ("", "inspector")


def hub_folder(data_root: Path) -> Path:
    return Path(data_root) / FOLDER


def pgpass_path(data_root: Path) -> Path:
    return hub_folder(data_root) / PGPASS_FILE


def _private_folder(data_root: Path) -> Path:
    folder = hub_folder(data_root)
    folder.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        folder.chmod(0o700)
    return folder


def load_settings(data_root: Path) -> HubSettings:
    path = hub_folder(data_root) / SETTINGS_FILE
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return HubSettings()
    return HubSettings(url=str(raw.get("url", "")), user=str(raw.get("user", "")),
                       display=str(raw.get("display", "")), hub_id=str(raw.get("hub_id", "")),
                       backup_drafts=bool(raw.get("backup_drafts", False)),
                       role=str(raw.get("role", "") or ""))


def save_settings(data_root: Path, settings: HubSettings) -> None:
    folder = _private_folder(data_root)
    text = json.dumps(asdict(settings), ensure_ascii=False, indent=1) + "\n"
    write_atomic(folder / SETTINGS_FILE, text.encode("utf-8"))


def _escape(field: str) -> str:
    return field.replace("\\", "\\\\").replace(":", "\\:")


def pgpass_line(*, host: str, port: str, dbname: str, user: str, password: str) -> str:
    """One pgpass line (``host:port:database:user:password``, ``\\`` and ``:`` escaped)."""
    return ":".join(_escape(f) if f != "*" else f
                    for f in (host or "localhost", port or "*", dbname or "*", user, password))


def save_password(data_root: Path, *, host: str, port: str, dbname: str, user: str,
                  password: str) -> Path:
    """Keep *password* for this address in the folder's pgpass file (mode 0600), replacing any
    earlier one for the same host, port, database and user."""
    path = pgpass_path(data_root)
    key = pgpass_line(host=host, port=port, dbname=dbname, user=user, password="").rsplit(":", 1)[0]
    kept = []
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith(key + ":"):
                kept.append(line)
    kept.append(pgpass_line(host=host, port=port, dbname=dbname, user=user, password=password))
    _private_folder(data_root)
    write_atomic(path, ("\n".join(kept) + "\n").encode("utf-8"))
    if os.name == "posix":
        path.chmod(0o600)  # libpq ignores a pgpass file others may read
    return path


def forget_hub(data_root: Path) -> None:
    """This data folder no longer syncs with a hub: its address and password are removed."""
    pgpass_path(data_root).unlink(missing_ok=True)
    (hub_folder(data_root) / SETTINGS_FILE).unlink(missing_ok=True)
