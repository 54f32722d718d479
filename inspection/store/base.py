"""Opening the database, and the one way an edit is written: a transaction plus an audit row."""
from __future__ import annotations

import itertools
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any

from sqlite_utils import Database

from checklists.errors import UserError, messages
from inspection.paths import DataDir
from inspection.store.audit import GENESIS, row_hash
from inspection.store.migrations import migrate

BUSY_TIMEOUT_MS = 5000

MESSAGES = messages({
    "store.cannot_open": ("无法打开数据库 {path}：{reason}", "Cannot open the database {path}: {reason}"),
    "store.no_wal": ("数据库 {path} 无法切换到 WAL 模式（{mode}）",
                     "The database {path} cannot use write-ahead logging (mode {mode})"),
    "store.no_inspection": ("没有这个检查：{id}", "No such inspection: {id}"),
    "store.locked": ("该检查已签署（第 {revision} 版），不能再修改；如需修改，请先“重新打开”生成新的修订版。",
                     "This inspection is signed (revision {revision}) and cannot be changed; to"
                     " change it, reopen it first, which makes a new revision."),
})
_savepoints = itertools.count(1)  # unique savepoint names


class NotFound(UserError):
    """No record has that id."""


class InspectionLocked(UserError):
    """The inspection is signed; edits are refused until it is reopened."""


class StoreError(UserError):
    """The database could not be opened or used."""


def now_iso() -> str:
    """The local time with its UTC offset, to the millisecond."""
    return datetime.now().astimezone().isoformat(timespec="milliseconds")


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def connect(path) -> Database:
    """Open *path* with the settings that make an acknowledged edit survive a crash."""
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
        db = Database(conn)
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        db.execute("PRAGMA synchronous = FULL")  # fsync the WAL on every commit
        db.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as exc:
        raise StoreError("store.cannot_open", path=path, reason=exc) from exc
    if str(mode).lower() != "wal" and str(path) != ":memory:":
        raise StoreError("store.no_wal", path=path, mode=mode)
    return db


class StoreBase:
    """Holds the connection; every edit goes through :meth:`_edit`."""

    def __init__(self, data_dir: DataDir, *, actor: str = "") -> None:
        self.data_dir = data_dir.ensure()
        self.actor = actor
        self.db = connect(data_dir.database)
        try:
            self.applied_migrations = migrate(self.db)
        except BaseException:
            self.db.close()
            raise

    def close(self) -> None:
        self.db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
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
              check_lock: bool = True) -> Iterator[dict]:
        """One edit: a transaction that also appends the audit row, committed on exit.

        The caller may add to the yielded ``detail`` dict before the block ends. A signed
        inspection refuses edits (``check_lock``) inside the same transaction.
        """
        detail = dict(detail or {})
        with self._transaction():
            if inspection_id is not None and check_lock:
                self.require_unlocked(inspection_id)
            yield detail
            if inspection_id is not None:
                self._touch(inspection_id)
            self._append_audit(action, entity=entity, entity_id=entity_id,
                               inspection_id=inspection_id, detail=detail)

    def _touch(self, inspection_id: str) -> None:
        """Set updated_at to now, always later than before: it tells a signature whether the
        inspection changed since a snapshot, and two edits can fall in one millisecond."""
        row = self.db.execute("SELECT updated_at FROM inspections WHERE id = ?",
                              [inspection_id]).fetchone()
        now = datetime.now().astimezone()
        now = now.replace(microsecond=now.microsecond // 1000 * 1000)  # as stored
        try:
            previous = datetime.fromisoformat(row[0]) if row else None
        except (TypeError, ValueError):
            previous = None
        if previous is not None and previous.tzinfo is not None and now <= previous:
            now = previous + timedelta(milliseconds=1)
        self.db.execute("UPDATE inspections SET updated_at = ? WHERE id = ?",
                        [now.isoformat(timespec="milliseconds"), inspection_id])

    def _append_audit(self, action: str, *, entity: str, entity_id: Any,
                      inspection_id: str | None, detail: dict) -> None:
        last = self.db.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
        row = {
            "at": now_iso(),
            "actor": self.actor,
            "action": action,
            "inspection_id": inspection_id,
            "entity": entity,
            "entity_id": str(entity_id),
            "detail": dumps(detail),
        }
        prev_hash = last[0] if last else GENESIS
        row["prev_hash"] = prev_hash
        row["hash"] = row_hash(prev_hash, row)
        self.db.execute(
            "INSERT INTO audit_log (at, actor, action, inspection_id, entity, entity_id, detail,"
            " prev_hash, hash) VALUES (:at, :actor, :action, :inspection_id, :entity, :entity_id,"
            " :detail, :prev_hash, :hash)", row)

    def _mark_in_progress(self, inspection_id: str) -> None:
        """Within an edit: a draft becomes in progress once anything is recorded for it.

        A draft holds nothing of its own and may be deleted, so the first answer, photo,
        finding or signature moves it on. (A revisit's carried-over findings are copies of
        the earlier inspection's and leave it a draft.)
        """
        self.db.execute("UPDATE inspections SET status = 'in_progress' WHERE id = ? AND status = 'draft'",
                        [inspection_id])

    def require_unlocked(self, inspection_id: str) -> None:
        row = self.db.execute("SELECT status, revision FROM inspections WHERE id = ?",
                              [inspection_id]).fetchone()
        if row is None:
            raise NotFound("store.no_inspection", id=inspection_id)
        if row[0] == "signed":
            raise InspectionLocked("store.locked", revision=row[1])

    def _one(self, sql: str, params: list | dict = ()) -> dict | None:
        cursor = self.db.execute(sql, params)
        row = cursor.fetchone()
        if row is None:
            return None
        return dict(zip([c[0] for c in cursor.description], row))

    def _all(self, sql: str, params: list | dict = ()) -> list[dict]:
        cursor = self.db.execute(sql, params)
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def audit_entries(self, inspection_id: str | None = None) -> list[dict]:
        if inspection_id is None:
            return self._all("SELECT * FROM audit_log ORDER BY id")
        return self._all("SELECT * FROM audit_log WHERE inspection_id = ? ORDER BY id",
                         [inspection_id])
