"""Opening the database, and the one way an edit is written: a transaction plus an audit row."""
from __future__ import annotations

import itertools
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any, Self

from checklists.errors import UserError, messages
from inspection.changes import Change
from inspection.model import Answer, Finding, Inspection, ParkType, Photo, Status
from inspection.paths import DataDir
from inspection.store.audit import GENESIS, row_hash
from inspection.store.opening import BUSY_TIMEOUT_MS, StoreError, connect, open_database, release

__all__ = ["BUSY_TIMEOUT_MS", "StoreError", "connect"]  # opened in inspection.store.opening
Params = Sequence[Any] | dict[str, Any]  # the parameters of one SQL statement

MESSAGES = messages({
    "store.no_inspection": ("没有这个检查：{id}", "No such inspection: {id}"),
    "store.gone": ("该记录已不存在（可能刚在另一个窗口或命令行中删除）",
                   "The record no longer exists (it may have just been deleted in another window or"
                   " on the command line)"),
    "store.locked": ("该检查已签署（第 {revision} 版），不能再修改；如需修改，请先“重新打开”生成新的修订版。",
                     "This inspection is signed (revision {revision}) and cannot be changed; to"
                     " change it, reopen it first, which makes a new revision."),
})
_savepoints = itertools.count(1)  # unique savepoint names


class NotFound(UserError):
    """No record has that id."""


class InspectionLocked(UserError):
    """The inspection is signed; edits are refused until it is reopened."""


INSPECTION_SELECT = """
    SELECT i.*, p.name AS park_name, p.park_type AS park_type,
           (SELECT json_group_array(template_id) FROM
               (SELECT template_id FROM inspection_templates t
                WHERE t.inspection_id = i.id ORDER BY position)) AS template_ids
    FROM inspections i JOIN parks p ON p.id = i.park_id
"""
# The last hash of this device's audit chain (each data folder is one device; rows of other
# devices arrive with bundles and have chains of their own: inspection.store.audit).
LAST_HASH_SELECT = ("SELECT hash FROM audit_log WHERE device_id = (SELECT id FROM local_device)"
                    " ORDER BY id DESC LIMIT 1")
# An edit's first statement: the inspection as above, and the audit chain's last hash.
EDIT_STATE_SELECT = INSPECTION_SELECT.replace(
    "FROM inspections i", f", ({LAST_HASH_SELECT}) AS last_hash"
    "\n    FROM inspections i", 1)


def inspection_from_row(row: dict) -> Inspection:
    return Inspection(
        id=row["id"], park_id=row["park_id"], park_name=row["park_name"],
        park_type=ParkType(row["park_type"]), template_ids=tuple(json.loads(row["template_ids"])),
        date=row["date"], inspectors=tuple(json.loads(row["inspectors"])),
        organisation=row["organisation"], status=Status(row["status"]),
        revision=row["revision"], created_at=row["created_at"], updated_at=row["updated_at"],
        report_number=row["report_number"], revisit_of=row["revisit_of"],
    )


class Edit:
    """What the block of one :meth:`StoreBase._edit` fills in: the records it wrote and the
    audit row's ``detail``. ``state`` is the inspection's row as read at the start (None for an
    edit of no inspection, or of one it creates)."""

    def __init__(self, state: dict | None, detail: dict, *, starts: bool = False,
                 author: str = "") -> None:
        self.state = state
        self.author = author  # who made the edit (see StoreBase.author_of)
        self.detail = detail
        self.starts = starts  # a draft becomes in progress (the block may decide it does not)
        self.answers: dict[tuple[str, str], Answer | None] = {}
        self.answered: dict[tuple[str, str], bool] = {}
        self.photos: list[Photo] = []
        self.findings: list[Finding] = []
        self.removed_findings: list[int] = []
        self.signatures = False
        self.inspection: Inspection | None = None
        self.done = False

    @property
    def inspection_row(self) -> dict[str, Any]:
        """``state`` of an edit of an inspection that ``_edit`` found (it checks the lock)."""
        if self.state is None:
            raise RuntimeError("the edit has no inspection row")
        return self.state

    @property
    def template_ids(self) -> tuple[str, ...]:
        return tuple(json.loads(self.state["template_ids"])) if self.state else ()

    @property
    def park_type(self) -> ParkType | None:
        return ParkType(self.state["park_type"]) if self.state else None

    @property
    def change(self) -> Change:
        """The change, once the edit is committed."""
        if not self.done:
            raise RuntimeError("the edit is not committed yet")
        return Change(inspection=self.inspection, answers=dict(self.answers),
                      answered=dict(self.answered), photos=tuple(self.photos),
                      findings=tuple(self.findings),
                      removed_findings=tuple(self.removed_findings), signatures=self.signatures)


def now_iso() -> str:
    """The local time with its UTC offset, to the millisecond."""
    return datetime.now().astimezone().isoformat(timespec="milliseconds")


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


class StoreBase:
    """Holds the connection; every edit goes through :meth:`_edit`."""

    def __init__(self, data_dir: DataDir, *, actor: str = "", reader: bool = False,
                 create: bool = True) -> None:
        """Open the data folder's database (``inspection.store.opening``: the folder lock, an
        interrupted restore finished, read-only when the folder cannot be written); without
        *create* a folder with no database is refused. A *reader* only reads (``PRAGMA
        query_only``): a second connection beside the writer, for long reads that must not
        hold up edits (the inspections list); it expects the writer to have brought the schema
        up to date."""
        self.data_dir = data_dir
        self.actor = actor
        self.reader = reader
        opened = open_database(data_dir, create=create and not reader, reader=reader)
        self.db, self._folder_lock = opened.db, opened.lock
        self.read_only, self.notices = opened.read_only, opened.notices
        self.applied_migrations: list[str] = opened.applied
        try:
            self.device_id: str = self.db.execute("SELECT id FROM local_device").fetchone()[0]
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        release(self.db)  # (a read-only scratch copy goes with it)
        self._folder_lock.release()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- transactions ------------------------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """A write transaction that takes the write lock at once (BEGIN IMMEDIATE).

        A deferred BEGIN reads first and asks for the write lock later; if another process
        (the command line beside the program) wrote in between, SQLite cannot wait for it and
        fails at once with "database is locked". BEGIN IMMEDIATE waits up to the busy timeout
        instead. Inside an open transaction a savepoint nests, so edits may call edits.
        """
        if self.read_only:
            raise StoreError("store.read_only", folder=self.data_dir.root)
        conn = self.db.conn
        if conn.in_transaction:
            name = f"edit_{next(_savepoints)}"
            conn.execute(f"SAVEPOINT {name}")
            try:
                yield
            except BaseException:
                if conn.in_transaction:  # some errors end the whole transaction themselves
                    conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                    conn.execute(f"RELEASE SAVEPOINT {name}")
                raise
            conn.execute(f"RELEASE SAVEPOINT {name}")
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.rollback()
            raise

    @contextmanager
    def _edit(self, action: str, *, entity: str, entity_id: Any,
              inspection_id: str | None = None, detail: dict | None = None,
              check_lock: bool = True, starts: bool = False) -> Iterator[Edit]:
        """One edit: a transaction that reads the inspection once, writes, moves the
        inspection's ``updated_at`` (and a draft on to 检查中 when *starts*), appends the audit
        row and commits on exit. The block fills in the yielded :class:`Edit` (what it wrote,
        the audit ``detail``); ``edit.change`` is the :class:`Change` after the block.

        The rules of an edit live here, once: a signed inspection refuses edits
        (*check_lock*); a draft holds nothing of its own and may be deleted, so recording
        anything for it (*starts*: an answer, photo, finding or signature) makes it in progress.
        """
        with self._transaction():
            state = self._edit_state(inspection_id) if inspection_id is not None else None
            if inspection_id is not None and check_lock:
                if state is None:
                    raise NotFound("store.no_inspection", id=inspection_id)
                if state["status"] == "signed":
                    raise InspectionLocked("store.locked", revision=state["revision"])
            edit = Edit(state, dict(detail or {}), starts=starts, author=self.author_of(state))
            yield edit
            last_hash = state["last_hash"] if state is not None else None
            if inspection_id is not None:
                edit.inspection = self._touch(inspection_id, state, starts=edit.starts)
                if not edit.author and edit.inspection is not None and edit.inspection.inspectors:
                    edit.author = edit.inspection.inspectors[0]  # an inspection it created
            self._append_audit(action, entity=entity, entity_id=entity_id,
                               inspection_id=inspection_id, detail=edit.detail,
                               last_hash=last_hash, actor=edit.author)
        edit.done = True

    def author_of(self, state: dict | None) -> str:
        """Who an edit is recorded as — one rule for the window and the command line: the
        name this store was opened with (the window's profile name, the CLI's --by), else
        the inspection's first inspector. Never nobody while the inspection names someone."""
        if self.actor.strip():
            return self.actor.strip()
        inspectors = json.loads(state["inspectors"]) if state and state.get("inspectors") else []
        return inspectors[0] if inspectors else ""

    def _edit_state(self, inspection_id: str) -> dict | None:
        """The inspection (with its park and templates) and the audit chain's last hash, read
        in one statement at the start of an edit (under the write lock)."""
        return self._one(EDIT_STATE_SELECT + " WHERE i.id = ?", [inspection_id])

    def _touch(self, inspection_id: str, state: dict | None, *,
               starts: bool) -> Inspection | None:
        """Set updated_at to now, always later than before (it tells a signature whether the
        inspection changed since a snapshot, and two edits can fall in one millisecond); a
        draft that *starts* becomes in progress. Returns the inspection as it now is."""
        now = datetime.now().astimezone()
        now = now.replace(microsecond=now.microsecond // 1000 * 1000)  # as stored
        try:
            previous = datetime.fromisoformat(state["updated_at"]) if state else None
        except (TypeError, ValueError):
            previous = None
        if previous is not None and previous.tzinfo is not None and now <= previous:
            now = previous + timedelta(milliseconds=1)
        stamp = now.isoformat(timespec="milliseconds")
        if state is None:  # created (or changed whole) by this edit: read it again
            self.db.execute("UPDATE inspections SET updated_at = ? WHERE id = ?",
                            [stamp, inspection_id])
            created = self._one(INSPECTION_SELECT + " WHERE i.id = ?", [inspection_id])
            return inspection_from_row(created) if created else None
        row = self.db.execute(
            "UPDATE inspections SET updated_at = ?, status = CASE WHEN ? AND status = 'draft'"
            " THEN 'in_progress' ELSE status END WHERE id = ?"
            " RETURNING status, revision, updated_at",
            [stamp, 1 if starts else 0, inspection_id]).fetchone()
        if row is None:  # the edit deleted it
            return None
        status, revision, updated_at = row
        return inspection_from_row({**state, "status": status, "revision": revision,
                                    "updated_at": updated_at})

    def _append_audit(self, action: str, *, entity: str, entity_id: Any,
                      inspection_id: str | None, detail: dict,
                      last_hash: str | None = None, actor: str | None = None) -> None:
        if last_hash is None:
            last = self.db.execute(LAST_HASH_SELECT).fetchone()
            last_hash = last[0] if last else None
        row = {
            "at": now_iso(),
            "actor": self.actor if actor is None else actor,
            "action": action,
            "inspection_id": inspection_id,
            "entity": entity,
            "entity_id": str(entity_id),
            "detail": dumps(detail),
        }
        prev_hash = last_hash or GENESIS
        row["prev_hash"] = prev_hash
        row["hash"] = row_hash(prev_hash, row)
        row["device_id"] = self.device_id
        self.db.execute(
            "INSERT INTO audit_log (at, actor, action, inspection_id, entity, entity_id, detail,"
            " prev_hash, hash, device_id) VALUES (:at, :actor, :action, :inspection_id, :entity,"
            " :entity_id, :detail, :prev_hash, :hash, :device_id)", row)

    def require_unlocked(self, inspection_id: str) -> None:
        row = self.db.execute("SELECT status, revision FROM inspections WHERE id = ?",
                              [inspection_id]).fetchone()
        if row is None:
            raise NotFound("store.no_inspection", id=inspection_id)
        if row[0] == "signed":
            raise InspectionLocked("store.locked", revision=row[1])

    def _one(self, sql: str, params: Params = ()) -> dict[str, Any] | None:
        cursor = self.db.execute(sql, params)
        row = cursor.fetchone()
        if row is None:
            return None
        return dict(zip([c[0] for c in cursor.description], row))

    def _written(self, sql: str, params: Params = ()) -> dict[str, Any]:
        """The row an ``INSERT``/``UPDATE … RETURNING`` wrote; NotFound when an UPDATE found none
        (the record was deleted since it was read, e.g. by the command line beside the window)."""
        row = self._one(sql, params)
        if row is None:
            raise NotFound("store.gone")
        return row

    def _insert(self, table: str, record: dict[str, Any]) -> int:
        """Insert one row into *table* (a table with an integer id); the new row's id."""
        row_id = self.db.table(table).insert(record).last_pk
        if not isinstance(row_id, int):
            raise RuntimeError(f"{table} has no integer id")
        return row_id

    def _all(self, sql: str, params: Params = ()) -> list[dict[str, Any]]:
        cursor = self.db.execute(sql, params)
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def audit_entries(self, inspection_id: str | None = None) -> list[dict]:
        if inspection_id is None:
            return self._all("SELECT * FROM audit_log ORDER BY id")
        return self._all("SELECT * FROM audit_log WHERE inspection_id = ? ORDER BY id",
                         [inspection_id])
