"""check-db: is the data folder whole? (Backup: ``store.backup``; restore: ``store.restore``.)

Every part is checked even when another part is damaged: a damaged page in one table must not
hide a modified photo, and each finding says what is damaged and what to do about it.
"""
from __future__ import annotations

import functools
import re
import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from checklists.errors import SEPARATORS, language, messages, say
from inspection.files import sha256_file
from inspection.paths import DataDir
from inspection.store.audit_check import check_audit_log
from inspection.store.schema_check import schema_problems

# What check-db finds, in the process's language (the command line's, or the window's).
MESSAGES = messages({
    # What to do about a damaged database, said once after the damage found.
    "check.advice": ("处理办法：从最近的备份恢复（restore 备份文件.zip --replace；原数据会移到旁边保存）；"
                     "如没有可用的备份，先用 backup 复制出仍可读取的数据和全部照片、报告，再联系技术支持。",
                     "What to do: restore the latest backup (restore BACKUP.zip --replace; the data there"
                     " is moved aside and kept); without a usable backup, first copy out what can still be"
                     " read and every photo and report with backup, then call for technical support."),
    "check.section.integrity": ("完整性", "integrity"),
    "check.section.schema": ("数据库结构", "the database's structure"),
    "check.section.foreign_keys": ("外键", "foreign keys"),
    "check.section.audit": ("审计日志", "the audit log"),
    "check.section.media": ("照片文件", "the photo files"),
    "check.section.signed_reports": ("签署的报告", "the signed reports"),
    "check.schema": ("数据库结构：{problem}", "The database's structure: {problem}"),
    "check.foreign_key": ("外键：{table} 第 {row} 行引用的 {parent} 记录不存在",
                          "Foreign keys: row {row} of {table} refers to a {parent} record that does not exist"),
    "check.unreadable": ("{what}：无法读取（{error}）", "{what}: cannot be read ({error})"),
    "check.no_structure": ("数据库已损坏，连其结构都无法读取（{error}）",
                           "The database is damaged: not even its structure can be read ({error})"),
    "check.table": ("数据库已损坏：表 {table}{what} 的数据无法完整读出",
                    "The database is damaged: the table {table}{what} cannot be read whole"),
    "check.table_what": ("（{name}）", " ({name})"),
    "check.indexes": ("数据库索引与数据不一致：{indexes}（数据本身可读；索引可以重建）",
                      "The database's indexes do not match its data: {indexes} (the data itself can be"
                      " read; the indexes can be rebuilt)"),
    "check.damaged": ("数据库已损坏（SQLite 完整性检查未通过）",
                      "The database is damaged (SQLite's integrity check fails)"),
    "check.sqlite": ("SQLite 完整性检查：{details}", "SQLite's integrity check: {details}"),
    "check.original_missing": ("照片原件缺失：{path}", "A photo's original is missing: {path}"),
    "check.original_changed": ("照片原件已被改动（SHA-256 不符）：{path}",
                               "A photo's original was changed (its SHA-256 does not match): {path}"),
    "check.original_size": ("照片原件大小不符（记录 {recorded} 字节，实有 {actual} 字节）：{path}",
                            "A photo's original has another size ({recorded} bytes recorded, {actual}"
                            " bytes there): {path}"),
    "check.derivative_missing": ("报告用照片缺失：{path}", "A photo's report copy is missing: {path}"),
    "check.derivative_damaged": ("报告用照片已损坏（{problem}）：{path}",
                                 "A photo's report copy is damaged ({problem}): {path}"),
    "check.unregistered": ("照片 {id} 没有登记的原件（{sha}）", "Photo {id} has no registered original ({sha})"),
    "check.report_missing": ("签署的报告缺失：{path}", "A signed report is missing: {path}"),
    "check.report_changed": ("签署的报告已被改动（SHA-256 不符）：{path}",
                             "A signed report was changed (its SHA-256 does not match): {path}"),
    "check.table.inspections": ("检查", "inspections"),
    "check.table.answers": ("检查结果", "results"),
    "check.table.findings": ("整改项", "findings"),
    "check.table.photos": ("照片", "photos"),
    "check.table.parks": ("园区", "parks"),
    "check.table.signatures": ("签名", "signatures"),
    "check.table.reports": ("签署的报告", "signed reports"),
    "check.table.audit_log": ("审计日志", "the audit log"),
    "check.table.media_files": ("照片文件登记", "the register of photo files"),
    "check.table.inspection_templates": ("检查模板", "templates"),
})
TABLE_NAMES = {code.rsplit(".", 1)[1]: words["zh_CN"] for code, words in MESSAGES.items()
               if code.startswith("check.table.")}


@dataclass
class CheckReport:
    """What check-db found: problems (empty when all is well) and what was checked."""

    problems: list[str] = field(default_factory=list)
    checked: dict[str, int] = field(default_factory=dict)
    # Files the database names that are not there, by their name in the data folder
    # (media/ab/….jpg), with the problem said about each (also in problems).
    missing: dict[str, str] = field(default_factory=dict)
    # Files that are there but not what the database recorded (changed, truncated, undecodable).
    damaged: dict[str, str] = field(default_factory=dict)
    # Things worth knowing that are not damage (temporary files in use by another process …).
    notes: list[str] = field(default_factory=list)
    database_damaged: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    def file_missing(self, name: str, problem: str) -> None:
        self.problems.append(problem)
        self.missing[name] = problem

    def file_damaged(self, name: str, problem: str) -> None:
        self.problems.append(problem)
        self.damaged[name] = problem

    def to_dict(self) -> dict:
        return {"ok": self.ok, "problems": self.problems, "checked": self.checked,
                "missing": sorted(self.missing), "damaged": sorted(self.damaged),
                "notes": self.notes}


def check_database(conn: sqlite3.Connection, data_dir: DataDir, *, hash_files: bool = True,
                   file_hash: Callable[[str], str | None] | None = None,
                   decode_images: bool = True) -> CheckReport:
    """Integrity (what is damaged, and what to do), the schema object by object, foreign keys,
    the audit chain, and every photo file and signed report against its SHA-256.

    *file_hash* gives the hash of a file by its name in the folder when it is known already
    (a restore hashed every file while unpacking it); otherwise files are hashed when
    *hash_files*. Report-size images are decoded when *decode_images*.
    """
    report = CheckReport()
    _section(report, "integrity", lambda: _integrity(conn, report))
    _section(report, "schema", lambda: report.problems.extend(
        say("check.schema", problem=p) for p in schema_problems(conn)))
    _section(report, "foreign_keys", lambda: report.problems.extend(
        say("check.foreign_key", table=table, row=rowid, parent=parent)
        for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check")))
    _section(report, "audit", lambda: _audit(conn, report))
    if file_hash is None and hash_files:
        def file_hash(name: str) -> str | None:
            path = data_dir.root / name
            return sha256_file(path) if path.is_file() else None
    _section(report, "media", lambda: _media(conn, data_dir, report, file_hash, decode_images))
    _section(report, "signed_reports", lambda: _reports(conn, data_dir, report, file_hash))
    for table in ("inspections", "answers", "findings", "photos"):
        _section(report, table, functools.partial(_count, conn, report, table))
    if report.database_damaged:
        report.problems.append(say("check.advice"))
    return report


def _count(conn: sqlite3.Connection, report: CheckReport, table: str) -> None:
    report.checked[table] = int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def _section(report: CheckReport, what: str, check: Callable[[], object]) -> None:
    """Run one part of the check (*what*: check.section.* or a table's name); a damaged database
    stops that part only."""
    try:
        check()
    except sqlite3.DatabaseError as exc:
        report.database_damaged = True
        section = f"check.section.{what}"
        report.problems.append(say("check.unreadable", what=say(section) if section in MESSAGES else what,
                                    error=exc))


def _integrity(conn: sqlite3.Connection, report: CheckReport) -> None:
    lines = integrity_lines(conn)
    if lines == ["ok"]:
        return
    report.database_damaged = True
    report.problems += describe_damage(conn, lines)


def integrity_lines(conn: sqlite3.Connection) -> list[str]:
    """SQLite's integrity check, line by line (["ok"] when whole); damage bad enough to stop
    the check itself is one line."""
    try:
        return [line for row in conn.execute("PRAGMA integrity_check").fetchall()
                for line in str(row[0]).splitlines()]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]


def describe_damage(conn: sqlite3.Connection, lines: list[str]) -> list[str]:
    """What SQLite's integrity check found, said as which records are affected."""
    try:
        tables = [name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite!_%'"
            " ESCAPE '!' ORDER BY name")]
    except sqlite3.DatabaseError as exc:
        return [say("check.no_structure", error=exc)]
    unreadable = []
    for table in tables:
        try:
            for _ in conn.execute(f'SELECT * FROM "{table}"'):
                pass
        except sqlite3.DatabaseError:
            unreadable.append(table)
    indexes = sorted({m for line in lines for m in re.findall(r"index (\w+)", line)})
    said = []
    for table in unreadable:
        what = say("check.table_what", name=say(f"check.table.{table}")) if table in TABLE_NAMES else ""
        said.append(say("check.table", table=table, what=what))
    if indexes:
        said.append(say("check.indexes", indexes=indexes))
    if not said:
        said.append(say("check.damaged"))
    details = [line for line in lines if not line.startswith("***")][:5]
    said.append(say("check.sqlite", details=SEPARATORS.get(language(), "；").join(details)))
    return said


def _audit(conn: sqlite3.Connection, report: CheckReport) -> None:
    breaks, count = check_audit_log(conn)
    report.problems += [str(b) for b in breaks]
    report.checked["audit_rows"] = count


def _media(conn: sqlite3.Connection, data_dir: DataDir, report: CheckReport,
           file_hash: Callable[[str], str | None] | None, decode_images: bool) -> None:
    from inspection.photos.image_file import report_image_problem

    count = 0
    for sha, ext, size in conn.execute("SELECT sha256, ext, size FROM media_files ORDER BY sha256"):
        count += 1
        original = data_dir.original(sha, ext)
        name = data_dir.relative(original)
        if not original.is_file():
            report.file_missing(name, say("check.original_missing", path=original))
        elif file_hash is not None and file_hash(name) != sha:
            report.file_damaged(name, say("check.original_changed", path=original))
        elif original.stat().st_size != size:
            report.file_damaged(name, say("check.original_size", recorded=size,
                                           actual=original.stat().st_size, path=original))
        derivative = data_dir.report_image(sha)
        derivative_name = data_dir.relative(derivative)
        if not derivative.is_file():
            report.file_missing(derivative_name, say("check.derivative_missing", path=derivative))
        elif decode_images:
            problem = report_image_problem(derivative)
            if problem is not None:
                report.file_damaged(derivative_name, say("check.derivative_damaged", problem=problem,
                                                          path=derivative))
    for pid, sha in conn.execute("SELECT id, sha256 FROM photos WHERE sha256 NOT IN"
                                 " (SELECT sha256 FROM media_files)"):
        report.problems.append(say("check.unregistered", id=pid, sha=sha[:12]))
    report.checked["photo_files"] = count


def _reports(conn: sqlite3.Connection, data_dir: DataDir, report: CheckReport,
             file_hash: Callable[[str], str | None] | None) -> None:
    count = 0
    for recorded, sha in conn.execute("SELECT path, sha256 FROM reports ORDER BY id"):
        count += 1
        path = data_dir.resolve(recorded)
        name = data_dir.relative(path)
        if not path.is_file():
            report.file_missing(name, say("check.report_missing", path=path))
        elif file_hash is not None and _hash(file_hash, name, path) != sha:
            report.file_damaged(name, say("check.report_changed", path=path))
    report.checked["report_files"] = count


def _hash(file_hash: Callable[[str], str | None], name: str, path: Path) -> str | None:
    """A report outside the folder (an absolute record) is hashed where it is."""
    return file_hash(name) if not Path(name).is_absolute() else sha256_file(path)


def known_hashes(hashes: Mapping[str, str]) -> Callable[[str], str | None]:
    return hashes.get
