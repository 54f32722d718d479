"""``check-db``, ``backup``, ``restore`` and ``demo``: looking after the data folder."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from inspection.cli.common import Commands, add_json_flag, data_root, print_json, store_for
from inspection.store import restore


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
    with store_for(args) as store:
        report = store.check()
    if args.json:
        print_json(report.to_dict())
    else:
        checked = "，".join(f"{k} {v}" for k, v in report.checked.items())
        if report.ok:
            print(f"数据库正常（{checked}）")
        for problem in report.problems:
            print(f"问题：{problem}")
    return 0 if report.ok else 1


def backup_db(args: argparse.Namespace) -> int:
    with store_for(args) as store:
        manifest = store.backup(args.out)
    # Still exit 0: from a damaged folder this backup is the best copy there is.
    for name in manifest["missing"]:
        print(f"警告：数据文件夹中缺少 {name}，备份中也没有它", file=sys.stderr)
    print(f"已备份到 {args.out}（照片和报告 {len(manifest['files'])} 个文件）")
    return 0


def restore_db(args: argparse.Namespace) -> int:
    manifest = restore(args.file, data_root(args), replace=args.replace)
    for name in manifest["missing"]:
        print(f"警告：备份时已缺少 {name}，恢复后仍然缺少", file=sys.stderr)
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
