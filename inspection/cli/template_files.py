"""``template export``, ``template import``, ``template retire`` / ``restore``: checklists an
office brings (Excel both ways, Word in, template data for bundles and the hub)."""
from __future__ import annotations

import argparse
from pathlib import Path

from checklists.errors import Message, messages
from checklists.library import builtin_templates
from inspection.cli.common import (
    Commands,
    add_json_flag,
    data_root,
    print_json,
    require_suffix,
    store_for,
)
from inspection.cli.words import say
from inspection.paths import DataDir
from inspection.store import Installed, TemplateRecord
from inspection.template_files import (
    export_template_data,
    export_template_xlsx,
    read_template,
    read_template_data,
)

EXIT_BAD_INPUT = 2
MESSAGES = messages({
    "cli.template.can_import": ("可以导入：{title}（{rows} 行）", "Can be imported: {title} ({rows} rows)"),
    "cli.template.present": ("模板已在数据文件夹中，未重复导入：{title}",
                             "The template is in the data folder already; not imported again: {title}"),
    "cli.template.imported": ("已导入：{title}（{items} 项）", "Imported: {title} ({items} items)"),
    "cli.template.retired": ("已停用：{title}（新检查不再提供，已有检查照常使用）",
                             "Retired: {title} (no longer offered for new inspections; those that use"
                             " it go on as before)"),
    "cli.template.restored": ("已重新启用：{title}", "In use again: {title}"),
})
HELP = messages({
    "cli.help.template.export": ("把模板导出为 Excel 或模板数据", "export a template as Excel or as template data"),
    "cli.help.template.export_id": ("模板编号", "the template's id"),
    "cli.help.template.xlsx": ("导出为 Excel 工作簿（.xlsx）", "as an Excel workbook (.xlsx)"),
    "cli.help.template.data": ("导出为模板数据（.json，检查包和中心库使用的格式）",
                               "as template data (.json, what bundles and the hub carry)"),
    "cli.help.template.import": ("导入 Excel（.xlsx）、Word（.docx）或模板数据（.json）",
                                 "import Excel (.xlsx), Word (.docx) or template data (.json)"),
    "cli.help.template.check": ("只读取并报告识别结果和问题，不导入",
                                "only read it and say what was recognised and what is wrong; import nothing"),
    "cli.help.template.retire": ("停用模板：新检查不再提供，已有检查照常使用",
                                 "retire a template: no longer offered for new inspections; those that"
                                 " use it go on as before"),
    "cli.help.template.reason": ("停用原因", "why it is retired"),
    "cli.help.template.restore": ("重新启用已停用的模板", "bring a retired template back into use"),
})


def register(sub: Commands, common: argparse.ArgumentParser) -> None:
    export = sub.add_parser("export", parents=[common], help=say("cli.help.template.export"))
    export.add_argument("id", help=say("cli.help.template.export_id"))
    target = export.add_mutually_exclusive_group(required=True)
    target.add_argument("--xlsx", type=Path, metavar="FILE", help=say("cli.help.template.xlsx"))
    target.add_argument("--data", type=Path, metavar="FILE", help=say("cli.help.template.data"))
    export.set_defaults(handler=export_template)

    imports = sub.add_parser("import", parents=[common], help=say("cli.help.template.import"))
    imports.add_argument("file", type=Path)
    imports.add_argument("--check", action="store_true", help=say("cli.help.template.check"))
    add_json_flag(imports)
    imports.set_defaults(handler=import_template)

    retire = sub.add_parser("retire", parents=[common], help=say("cli.help.template.retire"))
    retire.add_argument("id")
    retire.add_argument("--reason", default="", help=say("cli.help.template.reason"))
    retire.set_defaults(handler=retire_template)
    restore = sub.add_parser("restore", parents=[common], help=say("cli.help.template.restore"))
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
    if args.xlsx:
        require_suffix(args.xlsx, "--xlsx", ".xlsx")
    else:
        require_suffix(args.data, "--data", ".json")
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
        print(Message("cli.template.can_import", title=template.title, rows=len(outcome.outline)))
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
        print(Message("cli.template.present", title=template.title))
    else:
        print(Message("cli.template.imported", title=template.title,
                      items=sum(1 for _ in template.items())))
    print(installed.id)
    return 0


def retire_template(args: argparse.Namespace) -> int:
    with store_for(args) as store:
        record = store.retire_template(args.id, reason=args.reason)
    print(Message("cli.template.retired", title=record.template.title))
    return 0


def restore_template(args: argparse.Namespace) -> int:
    with store_for(args) as store:
        record = store.restore_template(args.id)
    print(Message("cli.template.restored", title=record.template.title))
    return 0
