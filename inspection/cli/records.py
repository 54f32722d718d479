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
from inspection.cli.words import label, say
from inspection.model import Severity
from inspection.results import inspection_results
from inspection.results_data import inspection_dict
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
    "cli.record.park_added": ("已添加园区：{name}（{type}）", "Added the park {name} ({type})"),
    "cli.record.inspection_new": ("已新建检查：{park} {date}（报告编号 {number}）",
                                  "Started the inspection: {park} {date} (report number {number})"),
    "cli.record.no_inspections": ("还没有检查记录。", "No inspections yet."),
    "cli.record.inspection_row": ("{id}  {date}  {status:<4}  {park}  模板 {templates}  {inspectors}",
                                  "{id}  {date}  {status:<11}  {park}  templates {templates}  {inspectors}"),
    "cli.record.saved": ("已保存：{template} {code} {title}", "Saved: {template} {code} {title}"),
    "cli.record.not_signed": ("该检查未签署，无需重新打开（{status}）",
                              "The inspection is not signed; there is nothing to reopen ({status})"),
    "cli.record.reopened": ("已重新打开：第 {revision} 版，{status}；第 {signed} 版的签署报告保持不变",
                            "Reopened: revision {revision}, {status}; the signed report of revision"
                            " {signed} stays as it is"),
    "cli.record.finding_added": ("已添加整改项：{code} {requirement}", "Added the finding: {code} {requirement}"),
    "cli.record.photo_imported": ("已导入：{name} → 照片 {id}", "Imported: {name} → photo {id}"),
    "cli.record.photo_present": ("已存在（同一照片只保存一次）：{name} → 照片 {id}",
                                 "Already here (a photo is kept once): {name} → photo {id}"),
})


HELP = messages({
    "cli.help.park": ("园区", "parks"),
    "cli.help.park.add": ("添加园区，输出其编号", "add a park; prints its number"),
    "cli.help.park.type": ("manufacturing=生产制造类，service=生产性服务类等其他类",
                           "manufacturing, or service (services and other kinds of park)"),
    "cli.help.park.list": ("列出园区", "list the parks"),
    "cli.help.inspection": ("检查", "inspections"),
    "cli.help.inspection.new": ("新建检查，输出其编号", "start an inspection; prints its id"),
    "cli.help.inspection.park": ("园区名称（先用 park add 添加）", "the park's name (add it first with park add)"),
    "cli.help.inspection.organisation": ("检查单位", "the inspecting organisation"),
    "cli.help.inspection.list": ("列出检查", "list the inspections"),
    "cli.help.inspection.search": ("按园区名称搜索", "search by park name"),
    "cli.help.inspection.show": ("显示检查的答案、得分、星级和事项状态",
                                 "show an inspection's answers, scores, star level and action items"),
    "cli.help.inspection.answer": ("记录一个条目的检查结果", "record the result of one item"),
    "cli.help.inspection.code": ("条目编号，如 1-1-1", "the item's code, e.g. 1-1-1"),
    "cli.help.inspection.which_template": ("条目编号在多个模板中出现时指定模板",
                                           "the template, when the code is in several of them"),
    "cli.help.inspection.result": ("pass|partial|fail|na；行动事项 done|on_track|delayed|"
                                   "not_started|na；星级指标 0–5（评定的星级）",
                                   "pass|partial|fail|na; action items done|on_track|delayed|"
                                   "not_started|na; star indicators 0–5 (the level judged)"),
    "cli.help.inspection.value": ("测量值，如 floor_area_m2=48000（可重复）",
                                  "a measured value, e.g. floor_area_m2=48000 (may be repeated)"),
    "cli.help.inspection.note": ("备注", "a note"),
    "cli.help.inspection.by": ("记录人（默认：检查的第一位检查人员）",
                               "who records it (default: the inspection's first inspector)"),
    "cli.help.inspection.reopen": ("重新打开已签署的检查，生成新的修订版（已签署的报告保持不变）",
                                   "reopen a signed inspection as a new revision (the signed report"
                                   " stays as it is)"),
    "cli.help.inspection.reason": ("重新打开的原因（记入审计日志）", "why it is reopened (kept in the audit log)"),
    "cli.help.finding": ("整改项", "findings (to be rectified)"),
    "cli.help.finding.add": ("为条目添加整改要求，输出其编号", "add a finding to an item; prints its number"),
    "cli.help.finding.requirement": ("整改要求", "what must be rectified"),
    "cli.help.finding.deadline": ("整改期限 YYYY-MM-DD", "the deadline YYYY-MM-DD"),
    "cli.help.finding.responsible": ("责任人", "who is responsible"),
    "cli.help.photo": ("照片", "photos"),
    "cli.help.photo.add": ("导入照片（JPEG/PNG/HEIC 或文件夹）", "import photos (JPEG/PNG/HEIC, or folders)"),
    "cli.help.photo.item": ("照片所属条目编号（默认：整个检查）",
                            "the item the photos belong to (default: the whole inspection)"),
})


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    park = commands.add_parser("park", parents=[common], help=say("cli.help.park")).add_subparsers(
        dest="park_command", required=True, metavar="add|list")
    add = park.add_parser("add", parents=[common], help=say("cli.help.park.add"))
    add.add_argument("name")
    add.add_argument("--type", default="manufacturing", choices=["manufacturing", "service"],
                     help=say("cli.help.park.type"))
    add.add_argument("--address", default="")
    add.set_defaults(handler=park_add)
    listing = park.add_parser("list", parents=[common], help=say("cli.help.park.list"))
    add_json_flag(listing)
    listing.set_defaults(handler=park_list)

    insp = commands.add_parser("inspection", parents=[common],
                               help=say("cli.help.inspection")).add_subparsers(
        dest="inspection_command", required=True, metavar="new|list|show|answer|reopen")
    new = insp.add_parser("new", parents=[common], help=say("cli.help.inspection.new"))
    new.add_argument("--park", required=True, help=say("cli.help.inspection.park"))
    new.add_argument("--template", action="append", required=True,
                     help=say("cli.help.template_ids"))
    new.add_argument("--inspector", action="append", required=True,
                     help=say("cli.help.inspectors"))
    new.add_argument("--date", help=say("cli.help.date"))
    new.add_argument("--organisation", default="", help=say("cli.help.inspection.organisation"))
    new.set_defaults(handler=inspection_new)
    listing = insp.add_parser("list", parents=[common], help=say("cli.help.inspection.list"))
    listing.add_argument("--search", default="", help=say("cli.help.inspection.search"))
    listing.add_argument("--status", choices=["draft", "in_progress", "completed", "signed"])
    add_json_flag(listing)
    listing.set_defaults(handler=inspection_list)
    show = insp.add_parser("show", parents=[common], help=say("cli.help.inspection.show"))
    show.add_argument("id")
    add_json_flag(show)
    show.set_defaults(handler=inspection_show)
    answer = insp.add_parser("answer", parents=[common], help=say("cli.help.inspection.answer"))
    answer.add_argument("id")
    answer.add_argument("code", help=say("cli.help.inspection.code"))
    answer.add_argument("--template", help=say("cli.help.inspection.which_template"))
    answer.add_argument("--result", help=say("cli.help.inspection.result"))
    answer.add_argument("--value", action="append", default=[],
                        help=say("cli.help.inspection.value"))
    answer.add_argument("--note", help=say("cli.help.inspection.note"))
    answer.add_argument("--by", help=say("cli.help.inspection.by"))
    answer.set_defaults(handler=inspection_answer)
    reopen = insp.add_parser("reopen", parents=[common], help=say("cli.help.inspection.reopen"))
    reopen.add_argument("id")
    reopen.add_argument("--reason", default="", help=say("cli.help.inspection.reason"))
    reopen.set_defaults(handler=inspection_reopen)

    finding = commands.add_parser("finding", parents=[common],
                                  help=say("cli.help.finding")).add_subparsers(
        dest="finding_command", required=True, metavar="add")
    fadd = finding.add_parser("add", parents=[common], help=say("cli.help.finding.add"))
    fadd.add_argument("id")
    fadd.add_argument("code")
    fadd.add_argument("--template")
    fadd.add_argument("--requirement", required=True, help=say("cli.help.finding.requirement"))
    fadd.add_argument("--severity", default="minor", choices=[s.value for s in Severity])
    fadd.add_argument("--deadline", help=say("cli.help.finding.deadline"))
    fadd.add_argument("--responsible", default="", help=say("cli.help.finding.responsible"))
    fadd.set_defaults(handler=finding_add)

    photo = commands.add_parser("photo", parents=[common], help=say("cli.help.photo")).add_subparsers(
        dest="photo_command", required=True, metavar="add")
    padd = photo.add_parser("add", parents=[common], help=say("cli.help.photo.add"))
    padd.add_argument("id")
    padd.add_argument("files", nargs="+", type=Path)
    padd.add_argument("--item", help=say("cli.help.photo.item"))
    padd.add_argument("--template")
    padd.add_argument("--caption", default="")
    padd.set_defaults(handler=photo_add)


def park_add(args: argparse.Namespace) -> int:
    with store_for(args, create=True) as store:
        park = store.add_park(args.name, args.type, address=args.address)
    print(Message("cli.record.park_added", name=park.name, type=label(park.park_type)))
    print(park.id)
    return 0


def park_list(args: argparse.Namespace) -> int:
    with store_for(args) as store:
        parks = store.parks()
    if args.json:
        print_json([{"id": p.id, "name": p.name, "type": p.park_type.value,
                     "address": p.address} for p in parks])
    for park in [] if args.json else parks:
        print(f"{park.id:>4}  {park.name}  {label(park.park_type)}  {park.address}")
    return 0


def inspection_new(args: argparse.Namespace) -> int:
    with store_for(args, actor=args.inspector[0]) as store:
        park = store.find_park(args.park)
        if park is None:
            raise InvalidInput("cli.record.no_park", name=args.park)
        inspection = store.new_inspection(park.id, args.template, inspectors=args.inspector,
                                          date=args.date, organisation=args.organisation)
    print(Message("cli.record.inspection_new", park=park.name, date=inspection.date,
                  number=inspection.report_number))
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
        print(Message("cli.record.no_inspections"))
    for i in rows:
        print(Message("cli.record.inspection_row", id=i.short_id, date=i.date, status=label(i.status),
                      park=i.park_name, templates="+".join(i.template_ids),
                      inspectors=list(i.inspectors)))
    return 0


def inspection_show(args: argparse.Namespace) -> int:
    with store_for(args) as store:
        snapshot = store.snapshot(store.resolve_inspection_id(args.id))
    results = inspection_results(snapshot)
    if args.json:
        print_json(inspection_dict(snapshot, results))
    else:
        from inspection.cli.inspection_text import format_inspection
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
    print(Message("cli.record.saved", template=template.id, code=node.code, title=node.title))
    return 0


def inspection_reopen(args: argparse.Namespace) -> int:
    with store_for(args) as store:
        inspection_id = store.resolve_inspection_id(args.id)
        before = store.inspection(inspection_id)
        after = store.reopen(inspection_id, reason=args.reason)
    if after.revision == before.revision and after.status == before.status:
        print(Message("cli.record.not_signed", status=label(after.status)), file=sys.stderr)
    else:
        print(Message("cli.record.reopened", revision=after.revision, status=label(after.status),
                      signed=before.revision), file=sys.stderr)
    return 0


def finding_add(args: argparse.Namespace) -> int:
    with store_for(args) as store:
        inspection_id = store.resolve_inspection_id(args.id)
        template, node = _resolve_item(store, inspection_id, args.code, args.template)
        finding = store.add_finding(inspection_id, template.id, node.code,
                                    requirement=args.requirement, severity=args.severity,
                                    deadline=args.deadline, responsible=args.responsible).finding
        visit_date = store.inspection(inspection_id).date
    print(Message("cli.record.finding_added", code=node.code, requirement=args.requirement))
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
            said = "cli.record.photo_imported" if created else "cli.record.photo_present"
            print(Message(said, name=prepared.original_name, id=photo.id), file=sys.stderr)
            if created:
                added.append(photo.id)
    for rejected in result.rejected:
        print(Message("cli.record.not_imported", path=rejected.path, reason=rejected.reason),
              file=sys.stderr)
    for photo_id in added:
        print(photo_id)
    return 2 if result.rejected else 0
