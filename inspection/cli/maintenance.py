"""``check-db``, ``backup``, ``restore`` and ``demo``: looking after the data folder."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from checklists.errors import language
from inspection.cli.common import Commands, add_json_flag, data_root, print_json, store_for
from inspection.store import DamagedFolder, StoreError, backup_is_whole, restore


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    check = commands.add_parser("check-db", parents=[common],
                                help="检查数据库完整性、外键、审计日志链和照片文件")
    add_json_flag(check)
    check.set_defaults(handler=check_db)

    backup = commands.add_parser("backup", parents=[common], help="把数据库和照片备份到一个文件")
    backup.add_argument("--out", required=True, type=Path, help="备份文件（.zip）")
    backup.set_defaults(handler=backup_db)

    rest = commands.add_parser("restore", parents=[common], help="从备份文件恢复数据")
    rest.add_argument("file", type=Path)
    rest.add_argument("--replace", action="store_true",
                      help="数据文件夹已有数据时替换它（原数据移到旁边的文件夹保存）")
    rest.set_defaults(handler=restore_db)

    demo = commands.add_parser("demo", parents=[common],
                               help="建一个填写好的示例检查（含照片），最后一行输出其编号")
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
            print(f"问题：{text}")
        return 1
    if args.json:
        print_json(report.to_dict())
    else:
        checked = "，".join(f"{k} {v}" for k, v in report.checked.items())
        if report.ok:
            print(f"数据库正常（{checked}）")
        for problem in report.problems:
            print(f"问题：{problem}")
        for note in report.notes:
            print(f"注意：{note}")
        if not report.ok and checked:
            print(f"已检查：{checked}")
    return 0 if report.ok else 1


def backup_db(args: argparse.Namespace) -> int:
    with store_for(args) as store:
        manifest = store.backup(args.out)
    # The backup is written even from a damaged folder (the best copy there is), but the
    # damage is said, one line each, and the exit status is 1.
    for name in manifest["missing"]:
        print(f"警告：数据文件夹中缺少 {name}，备份中也没有它", file=sys.stderr)
    for problem in manifest["damaged"].values():
        print(f"警告：{problem}（已按原样备份）", file=sys.stderr)
    for problem in manifest["database_problems"]:
        print(f"警告：{problem}", file=sys.stderr)
    print(f"已备份到 {args.out}（照片和报告 {len(manifest['files'])} 个文件）")
    if not backup_is_whole(manifest):
        print("备份已写出，但数据文件夹有损坏（见上）；请运行 check-db 查看", file=sys.stderr)
        return 1
    return 0


def restore_db(args: argparse.Namespace) -> int:
    manifest = restore(args.file, data_root(args), replace=args.replace)
    if manifest.get("recovered"):
        print(f"注意：{manifest['recovered']}", file=sys.stderr)
    for name in manifest["missing"]:
        print(f"警告：备份时已缺少 {name}，恢复后仍然缺少", file=sys.stderr)
    for problem in manifest["damaged"].values():
        print(f"警告：备份时已损坏：{problem}（恢复后仍然如此）", file=sys.stderr)
    if manifest.get("aside"):
        print(f"原有数据已移到 {manifest['aside']}", file=sys.stderr)
    print(f"已从 {args.file} 恢复（{manifest['created_at']} 的备份，"
          f"{len(manifest['files'])} 个文件）到 {data_root(args)}")
    return 0


def make_demo(args: argparse.Namespace) -> int:
    from inspection.demo.demo_inspection import create_demo

    def progress(message: str) -> None:
        print(message, file=sys.stderr)

    with store_for(args, actor="王建国", create=True) as store:
        ids = create_demo(store, progress=progress)
    print(f"另一个示例检查（行动方案事项）：{ids.action_plan}", file=sys.stderr)
    print(ids.main)
    return 0
