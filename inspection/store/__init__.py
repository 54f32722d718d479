"""The one place that touches SQLite (through sqlite-utils): ``Store`` and its maintenance.

Every edit is one transaction with its audit row, committed before the method returns
(WAL, ``synchronous=FULL``): an edit the program reported as saved survives a crash.
A Store belongs to the thread that opened it.
"""
from __future__ import annotations

from pathlib import Path

from inspection.paths import DataDir
from inspection.store.answers import UNSET, AnswersMixin
from inspection.store.base import InspectionLocked, NotFound, StoreError, now_iso
from inspection.store.conflicts import ConflictRecord, ConflictsMixin
from inspection.store.editions import EditionMove, EditionsMixin
from inspection.store.evidence import EvidenceMixin, InspectionChanged
from inspection.store.hub_state import HubStateMixin, HubSyncRecord, PendingPush
from inspection.store.identity import IdentityMixin, ParkRegistry, RegistryState
from inspection.store.inspections import DuplicatePark, InspectionsMixin, NotADraft
from inspection.store.listing import ListingMixin
from inspection.store.maintenance import BadBackup, CheckReport, backup_to, check_database, restore_from
from inspection.store.site import SiteMixin
from inspection.store.templates import Installed, TemplateRecord, TemplateRefused, TemplatesMixin

__all__ = ["Store", "open_store", "UNSET", "InspectionLocked", "NotFound", "StoreError",
           "DuplicatePark", "NotADraft", "InspectionChanged", "BadBackup", "CheckReport", "restore", "now_iso",
           "ParkRegistry", "RegistryState", "ConflictRecord", "EditionMove", "Installed",
           "TemplateRecord", "TemplateRefused", "PendingPush", "HubSyncRecord"]


class Store(EditionsMixin, InspectionsMixin, AnswersMixin, EvidenceMixin, IdentityMixin,
            ListingMixin, ConflictsMixin, SiteMixin, TemplatesMixin, HubStateMixin):
    """An inspector's records in one data folder."""

    def __init__(self, data_dir: DataDir, *, actor: str = "", reader: bool = False) -> None:
        super().__init__(data_dir, actor=actor, reader=reader)
        try:
            self.load_templates()  # the folder's imported templates, for get_template
        except BaseException:
            self.close()
            raise

    def check(self, *, hash_files: bool = True) -> CheckReport:
        """SQLite integrity, foreign keys, the audit chain, photo and report files and hashes."""
        return check_database(self.db.conn, self.data_dir, hash_files=hash_files)

    def backup(self, out: Path) -> dict:
        """A consistent copy of the database with its photos and reports, in one zip file."""
        return backup_to(self.db.conn, self.data_dir, Path(out))


def open_store(root: Path | str, *, actor: str = "", reader: bool = False) -> Store:
    """The store of the data folder *root*; a *reader* only reads (see StoreBase)."""
    return Store(DataDir(Path(root)), actor=actor, reader=reader)


def restore(backup: Path | str, root: Path | str, *, replace: bool = False) -> dict:
    """Restore a backup into the data folder *root* (no Store may be open on it)."""
    return restore_from(Path(backup), DataDir(Path(root)), replace=replace)
