"""Is a database's schema exactly what this program's migrations make? Object by object.

A backup could carry a planted trigger (one new answer then rewrites other records), a dropped
audit guard, a removed constraint, or no schema at all. The expected schema is not a copy kept
by hand: it is made by running the program's own migrations, up to the ones the database says
it has, on a scratch database in memory, and compared with the database's tables, indexes,
triggers and views by their definitions (whitespace aside).

The migrations table belongs to sqlite-utils, whose wording of it may change between its
versions: it is compared by its columns and its unique index instead.
"""
from __future__ import annotations

import re
import sqlite3
from functools import lru_cache

from sqlite_utils import Database

from checklists.errors import language, messages, say
from inspection.store.migrations import MIGRATION_SET, known_names, migrations

MIGRATIONS_TABLE = migrations.migrations_table
# SQLite's own objects: made by SQLite itself (AUTOINCREMENT, ANALYZE), never by a trigger.
SQLITE_INTERNAL = ("sqlite_sequence", "sqlite_stat1", "sqlite_stat4")
KINDS = {"table": ("表", "table"), "index": ("索引", "index"), "trigger": ("触发器", "trigger"),
         "view": ("视图", "view")}
Schema = dict[tuple[str, str], str]  # (type, name) → definition
# How a schema differs (check-db, a refused backup), in the process's language.
MESSAGES = messages({
    "schema.unreadable": ("无法读取数据库结构：{error}", "The database's structure cannot be read: {error}"),
    "schema.empty": ("数据库是空的：没有任何表（不是本程序的数据库）",
                     "The database is empty: it has no tables (it is not this program's database)"),
    "schema.foreign_migrations": ("数据库记录的结构变更（{applied}）不是本程序的",
                                  "The structure changes the database records ({applied}) are not this program's"),
    "schema.none": ("无", "none"),
    "schema.missing": ("缺少{label}（本程序的数据库应有它）", "{label} is missing (this program's database has it)"),
    "schema.extra": ("多出{label}：不是本程序建立的（{definition}）",
                     "an extra {label}: this program did not make it ({definition})"),
    "schema.different": ("{label}的定义与本程序的不同（{definition}）",
                         "{label} is defined otherwise than this program defines it ({definition})"),
    "schema.object": ("{kind} {name}", "the {kind} {name}"),
})


def schema_problems(conn: sqlite3.Connection) -> list[str]:
    """How the schema of *conn* differs from what the program's migrations make for the
    migrations it records (empty when it is exactly that), one line per object."""
    try:
        applied = applied_migrations(conn)
        actual = read_schema(conn)
    except sqlite3.DatabaseError as exc:
        return [say("schema.unreadable", error=exc)]
    if not actual:
        return [say("schema.empty")]
    if len(set(applied)) != len(applied) or not set(applied) <= set(known_names()):
        return [say("schema.foreign_migrations", applied=list(applied) or say("schema.none"))]
    expected = expected_schema(tuple(sorted(applied)))
    problems = []
    for key in sorted(expected.keys() | actual.keys()):
        kind, name = key
        words = KINDS.get(kind, (kind, kind))
        label = say("schema.object", kind=words[1] if language() == "en" else words[0], name=name)
        if key not in actual:
            problems.append(say("schema.missing", label=label))
        elif key not in expected:
            problems.append(say("schema.extra", label=label, definition=_short(actual[key])))
        elif actual[key] != expected[key]:
            problems.append(say("schema.different", label=label, definition=_short(actual[key])))
    return problems


def applied_migrations(conn: sqlite3.Connection) -> list[str]:
    """The program's migrations the database records, in the order they were applied."""
    exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                          [MIGRATIONS_TABLE]).fetchone()
    if not exists:
        return []
    return [row[0] for row in conn.execute(
        f'SELECT name FROM "{MIGRATIONS_TABLE}" WHERE migration_set = ? ORDER BY rowid',
        [MIGRATION_SET]).fetchall()]


def read_schema(conn: sqlite3.Connection) -> Schema:
    """Every schema object of *conn* by (type, name), its definition in one canonical form."""
    schema: Schema = {}
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    for kind, name, table, sql in rows:
        if name in SQLITE_INTERNAL:
            continue
        if table == MIGRATIONS_TABLE and kind in ("table", "index"):
            # Keyed by shape, not by sqlite-utils' name for its index.
            shape = _migrations_table_shape(conn, kind, name)
            schema[(kind, name if kind == "table" else f"{MIGRATIONS_TABLE} {shape}")] = shape
        else:
            schema[(kind, name)] = _canonical(sql)
    return schema


@lru_cache(maxsize=8)
def expected_schema(applied: tuple[str, ...]) -> Schema:
    """What the program's migrations named in *applied* make, run in the program's order."""
    scratch = Database(memory=True)
    try:
        if applied:
            migrations.ensure_migrations_table(scratch)
            for migration in migrations._migrations:
                if migration.name in applied:
                    with scratch.atomic():
                        migration.fn(scratch)
        return read_schema(scratch.conn)
    finally:
        scratch.close()


def _migrations_table_shape(conn: sqlite3.Connection, kind: str, name: str) -> str:
    if kind == "table":
        columns = conn.execute(f'PRAGMA table_info("{name}")').fetchall()
        return "columns " + ",".join(f"{c[1]}:{c[5]}" for c in columns)  # name: pk position
    info = conn.execute(f'PRAGMA index_info("{name}")').fetchall()
    unique = next((r[2] for r in conn.execute(f'PRAGMA index_list("{MIGRATIONS_TABLE}")')
                   if r[1] == name), 0)
    return f"index unique={unique} " + ",".join(r[2] for r in info)


def _canonical(sql: str | None) -> str:
    return re.sub(r"\s+", " ", sql or "").strip()


def _short(definition: str, limit: int = 100) -> str:
    return definition if len(definition) <= limit else definition[:limit] + "…"
