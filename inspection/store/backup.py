"""Backing up a data folder into one zip file, checking what is copied as it is copied.

The database is copied with SQLite's backup API (consistent while the program writes) and the
copy's integrity is checked; every photo and signed report is hashed while it is written into
the zip and compared with what the database recorded (an original is named by its SHA-256),
and every report-size image is decoded. A damaged folder still gets the best copy there is:
the damage is listed in the manifest (``missing``, ``damaged``, ``database_problems``) and the
caller is told (the command line exits 1), so a backup never hides damage it copied.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import shutil
import sqlite3
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path

from checklists.errors import messages, render
from inspection.appinfo import APP_VERSION
from inspection.files import atomic_target, check_output_path, sha256_file
from inspection.paths import DataDir
from inspection.store.maintenance import describe_damage, integrity_lines

BACKUP_FORMAT = "park-inspector-backup/1"
_BLOCK = 1 << 20
# What a backup found damaged (said by backup and kept in its manifest), in the process's language.
MESSAGES = messages({
    "backup.problem.copied_as_is": ("数据库无法正常复制（{error}），已按原样复制数据库文件",
                                    "The database could not be copied normally ({error}); its file is"
                                    " copied as it is"),
    "backup.problem.unlisted": ("数据库无法列出照片和报告（{error}），已备份 media 和 reports 中的全部文件",
                                "The database cannot list its photos and reports ({error}); every file in"
                                " media and reports is backed up"),
    "backup.problem.original": ("照片原件已被改动或不完整（SHA-256 不符）：{name}",
                                "A photo's original was changed or is incomplete (its SHA-256 does not"
                                " match): {name}"),
    "backup.problem.report": ("签署的报告已被改动（SHA-256 不符）：{name}",
                              "A signed report was changed (its SHA-256 does not match): {name}"),
    "backup.problem.derivative": ("报告用照片已损坏（{problem}）：{name}",
                                  "A photo's report copy is damaged ({problem}): {name}"),
})


def backup_to(conn: sqlite3.Connection, data_dir: DataDir, out: Path) -> dict:
    """Write the database and its photos and reports into the zip file *out*; returns the
    manifest. *out* may not be in a data folder, over a signed report or onto a device."""
    recorded = _recorded_reports(conn, data_dir)
    out = check_output_path(out, data_dir=data_dir.root, protected=recorded, kind="zip")
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out.parent, prefix=".backup-", suffix=".tmp") as tmp:
        copy = Path(tmp) / "inspections.db"
        database_problems = _copy_database(conn, data_dir, copy)
        expected = _expected_files(conn, data_dir, database_problems)
        files: dict[str, str] = {}
        missing: set[str] = set()
        damaged: dict[str, str] = {}
        with atomic_target(out) as partial, \
                zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_STORED) as archive:
            archive.write(copy, "inspections.db")
            for name, want in expected.items():
                path = data_dir.root / name
                if not path.is_file():
                    missing.add(name)
                    continue
                files[name] = _write_hashed(archive, path, name)
                problem = _file_problem(path, name, want, files[name])
                if problem is not None:
                    damaged[name] = problem
            manifest = {"format": BACKUP_FORMAT, "app_version": APP_VERSION,
                        "created_at": datetime.now().astimezone().isoformat(timespec="seconds"),
                        "database_sha256": sha256_file(copy), "files": files,
                        "missing": sorted(missing), "damaged": dict(sorted(damaged.items())),
                        "database_problems": database_problems}
            archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
    return manifest


def backup_is_whole(manifest: dict) -> bool:
    """True when the backup holds everything, undamaged (nothing missing, damaged or broken)."""
    return not (manifest.get("missing") or manifest.get("damaged")
                or manifest.get("database_problems"))


def _copy_database(conn: sqlite3.Connection, data_dir: DataDir, copy: Path) -> list[str]:
    """Copy the database to *copy*; returns what is wrong with the copy (empty when whole)."""
    problems: list[str] = []
    target = sqlite3.connect(copy)
    try:
        conn.backup(target)  # a consistent copy even while the program writes
    except sqlite3.DatabaseError as exc:
        target.close()
        copy.unlink(missing_ok=True)
        # The backup API could not read it: the file as it is is the best copy there is.
        shutil.copyfile(data_dir.database, copy)
        problems.append(render("backup.problem.copied_as_is", {"error": exc}))
        target = sqlite3.connect(copy)
    try:
        lines = integrity_lines(target)
        if lines != ["ok"]:
            problems += describe_damage(target, lines)
    finally:
        target.close()
    return problems


def _expected_files(conn: sqlite3.Connection, data_dir: DataDir,
                    problems: list[str]) -> dict[str, tuple[str, str | None]]:
    """The files a backup holds, by name in the folder → (kind, SHA-256 recorded or None).

    When the database cannot say which files it names, every file in media/ and reports/ is
    taken: a damaged database must not cost the photos their backup.
    """
    expected: dict[str, tuple[str, str | None]] = {}
    try:
        for sha, ext in conn.execute("SELECT sha256, ext FROM media_files ORDER BY sha256"):
            expected[data_dir.relative(data_dir.original(sha, ext))] = ("original", sha)
            expected[data_dir.relative(data_dir.report_image(sha))] = ("report_image", None)
        for recorded, sha in conn.execute("SELECT path, sha256 FROM reports ORDER BY id"):
            path = data_dir.resolve(recorded)
            if data_dir.reports in path.parents:
                expected[data_dir.relative(path)] = ("report", sha)
    except sqlite3.DatabaseError as exc:
        problems.append(render("backup.problem.unlisted", {"error": exc}))
        for folder in (data_dir.media, data_dir.reports):
            for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
                if path.is_file() and not path.name.startswith("."):
                    expected.setdefault(data_dir.relative(path), ("unknown", None))
    return expected


def _write_hashed(archive: zipfile.ZipFile, path: Path, name: str) -> str:
    """Copy *path* into the archive as *name*, hashing the bytes as they are written."""
    digest = hashlib.sha256()
    info = zipfile.ZipInfo.from_file(path, name)
    with open(path, "rb") as source, archive.open(info, "w") as target:
        for block in iter(lambda: source.read(_BLOCK), b""):
            digest.update(block)
            target.write(block)
    return digest.hexdigest()


def _file_problem(path: Path, name: str, want: tuple[str, str | None], got: str) -> str | None:
    kind, sha = want
    if kind == "original" and got != sha:
        return render("backup.problem.original", {"name": name})
    if kind == "report" and got != sha:
        return render("backup.problem.report", {"name": name})
    if kind == "report_image":
        from inspection.photos.image_file import report_image_problem
        problem = report_image_problem(path)
        if problem is not None:
            return render("backup.problem.derivative", {"problem": problem, "name": name})
    return None


def _recorded_reports(conn: sqlite3.Connection, data_dir: DataDir) -> list[Path]:
    with contextlib.suppress(sqlite3.DatabaseError):
        return [data_dir.resolve(row[0]) for row in conn.execute("SELECT path FROM reports")]
    return []
