"""``template export``, ``template import``, ``template retire`` / ``restore``: checklists an
office brings (Excel both ways, Word in, template data for bundles and the hub)."""
from __future__ import annotations

import argparse
from pathlib import Path

from checklists.library import builtin_templates
from inspection.cli.common import Commands, add_json_flag, data_root, print_json, store_for
from inspection.paths import DataDir
from inspection.store import Installed, TemplateRecord
from inspection.template_files import (
    export_template_data,
    export_template_xlsx,
    read_template,
    read_template_data,
)

EXIT_BAD_INPUT = 2


def register(sub: Commands, common: argparse.ArgumentParser) -> None:
    export = sub.add_parser("export", parents=[common], help="把模板导出为 Excel 或模板数据")
    export.add_argument("id", help="模板编号")
    target = export.add_mutually_exclusive_group(required=True)
    target.add_argument("--xlsx", type=Path, metavar="FILE", help="导出为 Excel 工作簿（.xlsx）")
    target.add_argument("--data", type=Path, metavar="FILE",
                        help="导出为模板数据（.json，检查包和中心库使用的格式）")
    export.set_defaults(handler=export_template)

    imports = sub.add_parser("import", parents=[common],
                             help="导入 Excel（.xlsx）、Word（.docx）或模板数据（.json）")
    imports.add_argument("file", type=Path)
    imports.add_argument("--check", action="store_true",
                         help="只读取并报告识别结果和问题，不导入")
    add_json_flag(imports)
    imports.set_defaults(handler=import_template)

    retire = sub.add_parser("retire", parents=[common],
                            help="停用模板：新检查不再提供，已有检查照常使用")
    retire.add_argument("id")
    retire.add_argument("--reason", default="", help="停用原因")
    retire.set_defaults(handler=retire_template)
    restore = sub.add_parser("restore", parents=[common], help="重新启用已停用的模板")
    restore.add_argument("id")
    restore.set_defaults(handler=restore_template)


def records(args: argparse.Namespace) -> list[TemplateRecord]:
    """Every template of the data folder (registering its imported ones); the built-ins
    alone when the folder holds no data yet (listing never creates one)."""
    if not DataDir(data_root(args)).database.is_file():
        return [TemplateRecord(t, True) for t in builtin_templates().values()]
    with store_for(args) as store:
        return store.template_records()


def export_template(args: argparse.Namespace) -> int:
    records(args)
    out = export_template_xlsx(args.id, args.xlsx) if args.xlsx \
        else export_template_data(args.id, args.data)
    print(out)
    return 0


def import_template(args: argparse.Namespace) -> int:
    if args.file.suffix.lower() == ".json":
        data = read_template_data(args.file)  # checked before any data folder is touched
        with store_for(args, create=True) as store:
            return _report(args, store.install_template_data(data))
    outcome = read_template(args.file)
    if args.json and (args.check or not outcome.ok):
        print_json({
            "ok": outcome.ok,
            "id": outcome.template.id if outcome.template else None,
            "outline": [{"row": r.row, "depth": r.depth, "code": r.code, "title": r.title,
                         "kind": r.kind.value, "problem": r.problem} for r in outcome.outline],
            "problems": [{"row": p.row, "sheet": p.sheet, "message": p.text()}
                         for p in outcome.problems],
        })
        return 0 if outcome.ok else EXIT_BAD_INPUT
    if args.check:
        for row in outcome.outline:
            mark = "✗ " if row.problem else ""
            print(f"{'  ' * row.depth}{mark}{row.code}  {row.title}")
    template = outcome.require()  # every problem, by row; nothing stored
    if args.check:
        print(f"可以导入：{template.title}（{len(outcome.outline)} 行）")
        return 0
    with store_for(args, create=True) as store:
        return _report(args, store.import_template(template))


def _report(args: argparse.Namespace, installed: Installed) -> int:
    if args.json:
        print_json({"id": installed.id, "installed": installed.installed,
                    "title": installed.template.title})
        return 0
    template = installed.template
    if not installed.installed:
        print(f"模板已在数据文件夹中，未重复导入：{template.title}")
    else:
        print(f"已导入：{template.title}（{sum(1 for _ in template.items())} 项）")
    print(installed.id)
    return 0


def retire_template(args: argparse.Namespace) -> int:
    with store_for(args) as store:
        record = store.retire_template(args.id, reason=args.reason)
    print(f"已停用：{record.template.title}（新检查不再提供，已有检查照常使用）")
    return 0


def restore_template(args: argparse.Namespace) -> int:
    with store_for(args) as store:
        record = store.restore_template(args.id)
    print(f"已重新启用：{record.template.title}")
    return 0
