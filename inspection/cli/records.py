"""``park``, ``inspection``, ``finding`` and ``photo`` commands: recording an inspection."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from checklists.errors import InvalidInput, Message, UserError, messages
from checklists.library import get_template
from checklists.model import Node, NodeKind, Template
from inspection.cli.common import Commands, add_json_flag, print_json, store_for
from inspection.model import Severity
from inspection.results import inspection_results
from inspection.results_data import format_inspection, inspection_dict
from inspection.store import Store

MESSAGES = messages({
    "cli.record.deadline_before_visit": (
        "注意：整改期限 {deadline} 早于检查日期 {date}；已按输入保存；如有误，请在程序窗口中修改该整改项",
        "Note: the deadline {deadline} is before the inspection date {date}; saved as typed;"
        " if it is a mistake, correct the finding in the window"),
    "cli.record.no_park": ("park：没有名为“{name}”的园区，请先用 park add 添加",
                           "park: no park is named \"{name}\"; add it first with park add"),
    "cli.record.template_not_applied": ("template：该检查未使用模板 {id}（已用：{applied}）",
                                        "template: the inspection does not use template {id} (it"
                                        " uses {applied})"),
    "cli.record.no_item": ("code：该检查的模板中没有条目“{code}”",
                           "code: the inspection's templates have no item \"{code}\""),
    "cli.record.item_in_several": ("code：条目“{code}”在模板 {templates} 中都有，请用 --template 指定",
                                   "code: item \"{code}\" is in templates {templates}; name one"
                                   " with --template"),
    "cli.record.no_item_in_template": ("code：模板 {template} 中没有条目“{code}”",
                                       "code: template {template} has no item \"{code}\""),
    "cli.record.bad_result": ("result：应为 {keys}，收到“{raw}”", "result: should be {keys}, got \"{raw}\""),
    "cli.record.nothing_to_measure": ("value：条目“{code} {title}”没有需要测量的数值",
                                      "value: item \"{code} {title}\" has no values to measure"),
    "cli.record.value_form": ("value：请写成 键=值，可用的键：{keys}",
                              "value: write key=value; the keys are {keys}"),
    "cli.record.no_such_measure": ("value：条目“{title}”没有测量项“{key}”（可用：{keys}）",
                                   "value: item \"{title}\" has no measure \"{key}\" (it has {keys})"),
    "cli.record.not_a_number": ("{key}：应为数字，收到“{text}”", "{key}: should be a number, got \"{text}\""),
    "cli.record.nothing_given": ("result：请至少给出 --result、--value 或 --note 之一",
                                 "result: give at least one of --result, --value or --note"),
    "cli.record.no_photos": ("没有找到可导入的照片（支持 JPEG、PNG、HEIC）",
                             "No photos to import were found (JPEG, PNG and HEIC are supported)"),
    "cli.record.not_imported": ("未导入：{path}：{reason}", "Not imported: {path}: {reason}"),
})


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    park = commands.add_parser("park", parents=[common], help="园区").add_subparsers(
        dest="park_command", required=True, metavar="add|list")
    add = park.add_parser("add", parents=[common], help="添加园区，输出其编号")
    add.add_argument("name")
    add.add_argument("--type", default="manufacturing", choices=["manufacturing", "service"],
                     help="manufacturing=生产制造类，service=生产性服务类等其他类")
    add.add_argument("--address", default="")
    add.set_defaults(handler=park_add)
    listing = park.add_parser("list", parents=[common], help="列出园区")
    add_json_flag(listing)
    listing.set_defaults(handler=park_list)

    insp = commands.add_parser("inspection", parents=[common], help="检查").add_subparsers(
        dest="inspection_command", required=True, metavar="new|list|show|answer|reopen")
    new = insp.add_parser("new", parents=[common], help="新建检查，输出其编号")
    new.add_argument("--park", required=True, help="园区名称（先用 park add 添加）")
    new.add_argument("--template", action="append", required=True, help="模板编号，可重复")
    new.add_argument("--inspector", action="append", required=True, help="检查人员，可重复")
    new.add_argument("--date", help="检查日期 YYYY-MM-DD（默认今天）")
    new.add_argument("--organisation", default="", help="检查单位")
    new.set_defaults(handler=inspection_new)
    listing = insp.add_parser("list", parents=[common], help="列出检查")
    listing.add_argument("--search", default="", help="按园区名称搜索")
    listing.add_argument("--status", choices=["draft", "in_progress", "completed", "signed"])
    add_json_flag(listing)
    listing.set_defaults(handler=inspection_list)
    show = insp.add_parser("show", parents=[common], help="显示检查的答案、得分、星级和事项状态")
    show.add_argument("id")
    add_json_flag(show)
    show.set_defaults(handler=inspection_show)
    answer = insp.add_parser("answer", parents=[common], help="记录一个条目的检查结果")
    answer.add_argument("id")
    answer.add_argument("code", help="条目编号，如 1-1-1")
    answer.add_argument("--template", help="条目编号在多个模板中出现时指定模板")
    answer.add_argument("--result", help="pass|partial|fail|na；行动事项 done|on_track|delayed|"
                                         "not_started|na；星级指标 0–5（评定的星级）")
    answer.add_argument("--value", action="append", default=[],
                        help="测量值，如 floor_area_m2=48000（可重复）")
    answer.add_argument("--note", help="备注")
    answer.add_argument("--by", help="记录人（默认：检查的第一位检查人员）")
    answer.set_defaults(handler=inspection_answer)
    reopen = insp.add_parser("reopen", parents=[common],
                             help="重新打开已签署的检查，生成新的修订版（已签署的报告保持不变）")
    reopen.add_argument("id")
    reopen.add_argument("--reason", default="", help="重新打开的原因（记入审计日志）")
    reopen.set_defaults(handler=inspection_reopen)

    finding = commands.add_parser("finding", parents=[common], help="整改项").add_subparsers(
        dest="finding_command", required=True, metavar="add")
    fadd = finding.add_parser("add", parents=[common], help="为条目添加整改要求，输出其编号")
    fadd.add_argument("id")
    fadd.add_argument("code")
    fadd.add_argument("--template")
    fadd.add_argument("--requirement", required=True, help="整改要求")
    fadd.add_argument("--severity", default="minor", choices=[s.value for s in Severity])
    fadd.add_argument("--deadline", help="整改期限 YYYY-MM-DD")
    fadd.add_argument("--responsible", default="", help="责任人")
    fadd.set_defaults(handler=finding_add)

    photo = commands.add_parser("photo", parents=[common], help="照片").add_subparsers(
        dest="photo_command", required=True, metavar="add")
    padd = photo.add_parser("add", parents=[common], help="导入照片（JPEG/PNG/HEIC 或文件夹）")
    padd.add_argument("id")
    padd.add_argument("files", nargs="+", type=Path)
    padd.add_argument("--item", help="照片所属条目编号（默认：整个检查）")
    padd.add_argument("--template")
    padd.add_argument("--caption", default="")
    padd.set_defaults(handler=photo_add)


def park_add(args: argparse.Namespace) -> int:
    with store_for(args, create=True) as store:
        park = store.add_park(args.name, args.type, address=args.address)
    print(f"已添加园区：{park.name}（{park.park_type.label}）")
    print(park.id)
    return 0


def park_list(args: argparse.Namespace) -> int:
    with store_for(args) as store:
        parks = store.parks()
    if args.json:
        print_json([{"id": p.id, "name": p.name, "type": p.park_type.value,
                     "address": p.address} for p in parks])
    for park in [] if args.json else parks:
        print(f"{park.id:>4}  {park.name}  {park.park_type.label}  {park.address}")
    return 0


def inspection_new(args: argparse.Namespace) -> int:
    with store_for(args, actor=args.inspector[0]) as store:
        park = store.find_park(args.park)
        if park is None:
            raise InvalidInput("cli.record.no_park", name=args.park)
        inspection = store.new_inspection(park.id, args.template, inspectors=args.inspector,
                                          date=args.date, organisation=args.organisation)
    print(f"已新建检查：{park.name} {inspection.date}（报告编号 {inspection.report_number}）")
    print(inspection.id)
    return 0


def inspection_list(args: argparse.Namespace) -> int:
    with store_for(args) as store:
        rows = store.inspections(search=args.search, status=args.status)
    if args.json:
        print_json([{"id": i.id, "park": i.park_name, "date": i.date, "status": i.status.value,
                     "templates": list(i.template_ids), "inspectors": list(i.inspectors),
                     "revision": i.revision, "report_number": i.report_number} for i in rows])
        return 0
    if not rows:
        print("还没有检查记录。")
    for i in rows:
        print(f"{i.short_id}  {i.date}  {i.status.label:<4}  {i.park_name}  "
              f"模板 {'+'.join(i.template_ids)}  {'、'.join(i.inspectors)}")
    return 0


def inspection_show(args: argparse.Namespace) -> int:
    with store_for(args) as store:
        snapshot = store.snapshot(store.resolve_inspection_id(args.id))
    results = inspection_results(snapshot)
    if args.json:
        print_json(inspection_dict(snapshot, results))
    else:
        print(format_inspection(snapshot, results))
    return 0


def _resolve_item(store: Store, inspection_id: str, code: str, template_id: str | None) -> tuple[Template, Node]:
    applied = store.inspection(inspection_id).template_ids
    if template_id:
        if template_id not in applied:
            raise InvalidInput("cli.record.template_not_applied", id=template_id,
                               applied=list(applied))
        candidates = [template_id]
    else:
        candidates = [t for t in applied if get_template(t).has(code)
                      and get_template(t).find(code).kind is not NodeKind.GROUP]
    if not candidates:
        raise InvalidInput("cli.record.no_item", code=code)
    if len(candidates) > 1:
        raise InvalidInput("cli.record.item_in_several", code=code, templates=candidates)
    template = get_template(candidates[0])
    if not template.has(code):
        raise InvalidInput("cli.record.no_item_in_template", template=template.id, code=code)
    return template, template.find(code)


def _result_key(template: Template, raw: str) -> str:
    for option in template.result_scale:
        if raw in (option.key, option.label):
            return option.key
    keys = "/".join(o.key for o in template.result_scale)
    raise InvalidInput("cli.record.bad_result", keys=keys, raw=raw)


def parse_values(node: Node, raw_values: list[str]) -> dict:
    """``key=value`` pairs (or one bare value for a one-input indicator) typed by the template."""
    specs = {spec["key"]: spec for spec in node.attrs.get("inputs", ())}
    if not specs:
        raise InvalidInput("cli.record.nothing_to_measure", code=node.code, title=node.title)
    values: dict = {}
    for raw in raw_values:
        key, sep, text = raw.partition("=")
        if not sep:
            if len(specs) != 1:
                raise InvalidInput("cli.record.value_form", keys=list(specs))
            key, text = next(iter(specs)), raw
        key = key.strip()
        if key not in specs:
            raise InvalidInput("cli.record.no_such_measure", title=node.title, key=key,
                               keys=list(specs))
        kind = specs[key]["type"]
        if kind == "number":
            try:
                number = float(text)
            except ValueError:
                raise InvalidInput("cli.record.not_a_number", key=key, text=text) from None
            values[key] = int(number) if number.is_integer() else number
        elif kind == "choices":
            values[key] = [p.strip() for p in text.replace("、", ",").split(",") if p.strip()]
        else:
            values[key] = text.strip().upper()
    return values


def inspection_answer(args: argparse.Namespace) -> int:
    with store_for(args) as store:
        inspection_id = store.resolve_inspection_id(args.id)
        template, node = _resolve_item(store, inspection_id, args.code, args.template)
        store.actor = args.by or store.inspection(inspection_id).inspectors[0]
        if args.result is None and not args.value and args.note is None:
            raise InvalidInput("cli.record.nothing_given")
        changes: dict[str, Any] = {}
        if args.result is not None:
            changes["result"] = _result_key(template, args.result)
        if args.value:
            existing = store.answer(inspection_id, template.id, node.code)
            changes["value"] = {**((existing and existing.value) or {}),
                                **parse_values(node, args.value)}
        if args.note is not None:
            changes["note"] = args.note
        store.save_answer(inspection_id, template.id, node.code, **changes)
    print(f"已保存：{template.id} {node.code} {node.title}")
    return 0


def inspection_reopen(args: argparse.Namespace) -> int:
    with store_for(args) as store:
        inspection_id = store.resolve_inspection_id(args.id)
        before = store.inspection(inspection_id)
        after = store.reopen(inspection_id, reason=args.reason)
    if after.revision == before.revision and after.status == before.status:
        print(f"该检查未签署，无需重新打开（{after.status.label}）", file=sys.stderr)
    else:
        print(f"已重新打开：第 {after.revision} 版，{after.status.label}；"
              f"第 {before.revision} 版的签署报告保持不变", file=sys.stderr)
    return 0


def finding_add(args: argparse.Namespace) -> int:
    with store_for(args) as store:
        inspection_id = store.resolve_inspection_id(args.id)
        template, node = _resolve_item(store, inspection_id, args.code, args.template)
        finding = store.add_finding(inspection_id, template.id, node.code,
                                    requirement=args.requirement, severity=args.severity,
                                    deadline=args.deadline, responsible=args.responsible).finding
        visit_date = store.inspection(inspection_id).date
    print(f"已添加整改项：{node.code} {args.requirement}")
    if finding.deadline and finding.deadline < visit_date:  # as the window warns: kept, but said
        print(Message("cli.record.deadline_before_visit", deadline=finding.deadline, date=visit_date),
              file=sys.stderr)
    print(finding.id)
    return 0


def photo_add(args: argparse.Namespace) -> int:
    from inspection.photos.importer import collect_image_files, prepare_photos

    with store_for(args) as store:
        inspection_id = store.resolve_inspection_id(args.id)
        template_id = item_code = None
        if args.item:
            template, node = _resolve_item(store, inspection_id, args.item, args.template)
            template_id, item_code = template.id, node.code
        store.require_unlocked(inspection_id)  # refuse before the slow photo work, not after
        files = collect_image_files(args.files)
        if not files:
            raise UserError("cli.record.no_photos")
        result = prepare_photos(files, store.data_dir)
        added = []
        for prepared in result.prepared:
            change = store.add_photo(inspection_id, prepared, template_id=template_id,
                                     item_code=item_code, caption=args.caption)
            photo, created = change.photo, change.wrote
            state = "已导入" if created else "已存在（同一照片只保存一次）"
            print(f"{state}：{prepared.original_name} → 照片 {photo.id}", file=sys.stderr)
            if created:
                added.append(photo.id)
    for rejected in result.rejected:
        print(Message("cli.record.not_imported", path=rejected.path, reason=rejected.reason),
              file=sys.stderr)
    for photo_id in added:
        print(photo_id)
    return 2 if result.rejected else 0
