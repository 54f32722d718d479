"""The one place that touches SQLite (through sqlite-utils): ``Store`` and its maintenance.

Every edit is one transaction with its audit row, committed before the method returns
(WAL, ``synchronous=FULL``): an edit the program reported as saved survives a crash.
A Store belongs to the thread that opened it.
"""
from __future__ import annotations

from pathlib import Path

from inspection.files import check_output_path
from inspection.paths import DataDir
from inspection.store.answers import UNSET, AnswersMixin, NoteChanged
from inspection.store.backup import backup_is_whole, backup_to
from inspection.store.base import InspectionLocked, NotFound, StoreError, now_iso
from inspection.store.conflicts import ConflictRecord, ConflictsMixin
from inspection.store.editions import EditionMove, EditionsMixin
from inspection.store.evidence import EvidenceMixin, InspectionChanged
from inspection.store.hub_state import HubRefusal, HubStateMixin, HubSyncRecord, PendingPush
from inspection.store.identity import IdentityMixin, ParkRegistry, RegistryState
from inspection.store.inspections import DuplicatePark, InspectionsMixin, NotADraft
from inspection.store.listing import ListingMixin
from inspection.store.maintenance import CheckReport, check_database
from inspection.store.opening import DamagedFolder, NoDatabase, explain_database_error, size_text, temp_files
from inspection.store.rectification import RectificationMixin
from inspection.store.restore import BadBackup, restore_from
from inspection.store.reviews import HubStanding, ReviewDecision, ReviewsMixin, SharedState
from inspection.store.site import SiteMixin
from inspection.store.swap import Notice
from inspection.store.templates import Installed, TemplateRecord, TemplateRefused, TemplatesMixin

__all__ = ["Store", "open_store", "UNSET", "InspectionLocked", "NotFound", "StoreError", "NoteChanged",
           "DuplicatePark", "NotADraft", "InspectionChanged", "BadBackup", "CheckReport", "restore", "now_iso",
           "ParkRegistry", "RegistryState", "ConflictRecord", "EditionMove", "Installed",
           "TemplateRecord", "TemplateRefused", "PendingPush", "HubSyncRecord", "HubRefusal", "DamagedFolder",
           "NoDatabase", "Notice", "backup_is_whole", "explain_database_error", "HubStanding",
           "ReviewDecision", "SharedState"]


class Store(EditionsMixin, InspectionsMixin, AnswersMixin, EvidenceMixin, IdentityMixin,
            ListingMixin, ConflictsMixin, SiteMixin, TemplatesMixin, HubStateMixin, ReviewsMixin,
            RectificationMixin):
    """An inspector's records in one data folder."""

    def __init__(self, data_dir: DataDir, *, actor: str = "", reader: bool = False,
                 create: bool = True) -> None:
        super().__init__(data_dir, actor=actor, reader=reader, create=create)
        try:
            self.load_templates()  # the folder's imported templates, for get_template
        except BaseException:
            self.close()
            raise

    def check(self, *, hash_files: bool = True) -> CheckReport:
        """SQLite integrity, foreign keys, the audit chain, photo and report files and hashes."""
        report = check_database(self.db.conn, self.data_dir, hash_files=hash_files)
        leftovers = temp_files(self.data_dir)
        if leftovers:  # not removed at opening: another process has the folder open
            size = sum(p.stat().st_size for p in leftovers if p.is_file())
            report.notes.append(
                f"数据文件夹中有 {len(leftovers)} 个临时文件（{size_text(size)}），可能属于正在运行的"
                "另一个窗口或命令；所有窗口和命令都关闭后，下次打开时会自动清除："
                + "、".join(self.data_dir.relative(p) for p in leftovers[:5]))
        return report

    def check_output(self, target: Path | str, *, kind: str | None = None) -> Path:
        """Where an output the user named may be written (files.check_output_path): never in
        this data folder (or another), never over a signed report it records, never onto a
        device, pipe or folder, never over an existing file of another *kind*. Returns the path
        with symlinks followed."""
        recorded = [self.data_dir.resolve(row[0])
                    for row in self.db.execute("SELECT path FROM reports").fetchall()]
        return check_output_path(target, data_dir=self.data_dir.root, protected=recorded, kind=kind)

    def backup(self, out: Path) -> dict:
        """A consistent copy of the database with its photos and reports, in one zip file."""
        return backup_to(self.db.conn, self.data_dir, Path(out))


def open_store(root: Path | str, *, actor: str = "", reader: bool = False,
               create: bool = True) -> Store:
    """The store of the data folder *root*; a *reader* only reads (see StoreBase); without
    *create* a folder with no database is refused (NoDatabase) instead of starting one."""
    return Store(DataDir(Path(root)), actor=actor, reader=reader, create=create)


def restore(backup: Path | str, root: Path | str, *, replace: bool = False) -> dict:
    """Restore a backup into the data folder *root* (no Store may be open on it)."""
    return restore_from(Path(backup), DataDir(Path(root)), replace=replace)
