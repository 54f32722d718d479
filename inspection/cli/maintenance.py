"""``check-db``, ``backup``, ``restore`` and ``demo``: looking after the data folder."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from checklists.errors import Message, language, messages
from inspection.cli.common import (
    Commands,
    add_json_flag,
    data_root,
    print_json,
    require_suffix,
    store_for,
)
from inspection.cli.words import say
from inspection.store import DamagedFolder, StoreError, backup_is_whole, restore

MESSAGES = messages({
    "cli.db.sound": ("数据库正常（{checked}）", "The database is sound ({checked})"),
    "cli.db.checked": ("已检查：{checked}", "Checked: {checked}"),
    "cli.backup.missing": ("警告：数据文件夹中缺少 {name}，备份中也没有它",
                           "Warning: {name} is missing from the data folder, and from the backup"),
    "cli.backup.damaged": ("警告：{problem}（已按原样备份）", "Warning: {problem} (backed up as it is)"),
    "cli.backup.done": ("已备份到 {out}（照片和报告 {files} 个文件）",
                        "Backed up to {out} ({files} photo and report files)"),
    "cli.backup.not_whole": ("备份已写出，但数据文件夹有损坏（见上）；请运行 check-db 查看",
                             "The backup is written, but the data folder is damaged (see above);"
                             " run check-db to see how"),
    "cli.restore.missing": ("警告：备份时已缺少 {name}，恢复后仍然缺少",
                            "Warning: {name} was missing when the backup was made, and still is"),
    "cli.restore.damaged": ("警告：备份时已损坏：{problem}（恢复后仍然如此）",
                            "Warning: damaged when the backup was made: {problem} (and still so)"),
    "cli.restore.aside": ("原有数据已移到 {folder}", "The data that was there is moved to {folder}"),
    "cli.restore.done": ("已从 {file} 恢复（{made} 的备份，{files} 个文件）到 {folder}",
                         "Restored from {file} (the backup of {made}, {files} files) into {folder}"),
    "cli.demo.other": ("另一个示例检查（行动方案事项）：{id}", "Another demo inspection (action plan items): {id}"),
})
HELP = messages({
    "cli.help.check_db": ("检查数据库完整性、外键、审计日志链和照片文件",
                          "check the database's integrity, its foreign keys, the audit log's chain"
                          " and the photo files"),
    "cli.help.backup": ("把数据库和照片备份到一个文件", "back up the database and the photos into one file"),
    "cli.help.backup.out": ("备份文件（.zip）", "the backup file (.zip)"),
    "cli.help.restore": ("从备份文件恢复数据", "restore the data from a backup file"),
    "cli.help.restore.replace": ("数据文件夹已有数据时替换它（原数据移到旁边的文件夹保存）",
                                 "replace the data the folder holds (it is moved aside into a folder"
                                 " beside it and kept)"),
    "cli.help.demo": ("建一个填写好的示例检查（含照片），最后一行输出其编号",
                      "make a filled-in demo inspection (with photos); prints its id on the last line"),
})


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    check = commands.add_parser("check-db", parents=[common],
                                help=say("cli.help.check_db"))
    add_json_flag(check)
    check.set_defaults(handler=check_db)

    backup = commands.add_parser("backup", parents=[common], help=say("cli.help.backup"))
    backup.add_argument("--out", required=True, type=Path, help=say("cli.help.backup.out"))
    backup.set_defaults(handler=backup_db)

    rest = commands.add_parser("restore", parents=[common], help=say("cli.help.restore"))
    rest.add_argument("file", type=Path)
    rest.add_argument("--replace", action="store_true",
                      help=say("cli.help.restore.replace"))
    rest.set_defaults(handler=restore_db)

    demo = commands.add_parser("demo", parents=[common],
                               help=say("cli.help.demo"))
    demo.set_defaults(handler=make_demo)


def check_db(args: argparse.Namespace) -> int:
    try:
        with store_for(args) as store:
            report = store.check()
    except (DamagedFolder, StoreError) as exc:  # a folder that cannot even be opened
        text = exc.text(language())
        if args.json:
            print_json({"ok": False, "problems": [text], "checked": {}, "missing": [],
                        "damaged": [], "notes": []})
        else:
            print(Message("cli.problem", text=exc))
        return 1
    if args.json:
        print_json(report.to_dict())
    else:
        checked = say("cli.comma").join(f"{k} {v}" for k, v in report.checked.items())
        if report.ok:
            print(Message("cli.db.sound", checked=checked))
        for problem in report.problems:
            print(Message("cli.problem", text=problem))
        for note in report.notes:
            print(Message("cli.note", text=note))
        if not report.ok and checked:
            print(Message("cli.db.checked", checked=checked))
    return 0 if report.ok else 1


def backup_db(args: argparse.Namespace) -> int:
    require_suffix(args.out, "--out", ".zip")
    with store_for(args) as store:
        manifest = store.backup(args.out)
    # The backup is written even from a damaged folder (the best copy there is), but the
    # damage is said, one line each, and the exit status is 1.
    for name in manifest["missing"]:
        print(Message("cli.backup.missing", name=name), file=sys.stderr)
    for problem in manifest["damaged"].values():
        print(Message("cli.backup.damaged", problem=problem), file=sys.stderr)
    for problem in manifest["database_problems"]:
        print(Message("cli.warning", text=problem), file=sys.stderr)
    print(Message("cli.backup.done", out=args.out, files=len(manifest["files"])))
    if not backup_is_whole(manifest):
        print(Message("cli.backup.not_whole"), file=sys.stderr)
        return 1
    return 0


def restore_db(args: argparse.Namespace) -> int:
    manifest = restore(args.file, data_root(args), replace=args.replace)
    if manifest.get("recovered"):
        print(Message("cli.note", text=manifest["recovered"]), file=sys.stderr)
    for name in manifest["missing"]:
        print(Message("cli.restore.missing", name=name), file=sys.stderr)
    for problem in manifest["damaged"].values():
        print(Message("cli.restore.damaged", problem=problem), file=sys.stderr)
    if manifest.get("aside"):
        print(Message("cli.restore.aside", folder=manifest["aside"]), file=sys.stderr)
    print(Message("cli.restore.done", file=args.file, made=manifest["created_at"],
                  files=len(manifest["files"]), folder=data_root(args)))
    return 0


def make_demo(args: argparse.Namespace) -> int:
    from inspection.demo.demo_inspection import create_demo

    def progress(message: str) -> None:
        print(message, file=sys.stderr)

    with store_for(args, actor="王建国", create=True) as store:
        ids = create_demo(store, progress=progress)
    print(Message("cli.demo.other", id=ids.action_plan), file=sys.stderr)
    print(ids.main)
    return 0
