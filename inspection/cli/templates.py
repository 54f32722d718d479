"""``templates``, ``template show`` and ``rate-stars``: the checklists, without any inspection."""
from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from checklists.editions import edition_label
from checklists.errors import InvalidInput, Message, language, messages
from checklists.library import get_template
from checklists.model import Node
from checklists.star_inputs import JUDGED_INDICATORS, SERVICE_FUNCTIONS, StarInputs
from checklists.stars import rate
from inspection.cli import template_files
from inspection.cli.common import Commands, add_json_flag, print_json
from inspection.cli.words import say
from inspection.files import read_regular_file

MESSAGES = messages({
    "cli.stars.unreadable": ("file：无法读取 {path}（{reason}）", "file: cannot read {path} ({reason})"),
    "cli.stars.bad_json": ("file：{path} 不是有效的 JSON（第 {line} 行：{reason}）",
                           "file: {path} is not valid JSON (line {line}: {reason})"),
    "cli.stars.not_an_object": ("file：输入应为一个 JSON 对象", "file: the input should be one JSON object"),
    "cli.templates.items": ("     检查条目 {items} 项：{levels}", "     {items} items: {levels}"),
    "cli.templates.edition": ("版本 {edition}", "edition {edition}"),
    "cli.templates.number": ("（{number}）", " ({number})"),
    "cli.templates.imported": ("导入", "imported"),
    "cli.templates.retired": ("已停用", "retired"),
    "cli.templates.source": ("     来源：{file}  SHA-256 {sha}…", "     Source: {file}  SHA-256 {sha}…"),
    "cli.stars.level": ("星级：{stars} 星", "Star level: {stars}"),
    "cli.stars.no_level": ("星级：未达到一星级", "Star level: none (not even one star)"),
    "cli.stars.limited_by": ("限制因素：{names}", "Limited by: {names}"),
    "cli.stars.indicator": ("  {name}：{level} 星 — {reason}", "  {name}: level {level} — {reason}"),
})
# The standard's own names in the input (the public service functions, the indicators the
# inspectors judge) are data the file must hold as they are: arguments, in both languages.
HELP = messages({
    "cli.help.templates": ("列出检查模板（内置和导入的）及条目数",
                           "list the checklist templates (built-in and imported) with their item counts"),
    "cli.help.template": ("查看、导出、导入、停用检查模板", "show, export, import and retire checklist templates"),
    "cli.help.template.show": ("显示模板的完整条目树", "show a template's whole tree of items"),
    "cli.help.template.id": ("模板编号，如 000", "the template's id, e.g. 000"),
    "cli.help.rate_stars": ("按小微企业园星级评定标准，由测量值计算星级",
                            "the star level of a small and micro enterprise park (template 001)"
                            " from measured inputs"),
    "cli.help.rate_stars.file": ("输入 JSON 文件", "the input JSON file"),
    "cli.help.rate_stars.format": ("""输入 JSON（除服务类园区的 land_area_mu 外均必填）：
  {{"park_type": "manufacturing",            manufacturing 生产制造类 | service 生产性服务类等其他类
   "performance_grade": "B",                绩效评价档次 A–D
   "land_area_mu": 60,                      占地面积（亩）
   "floor_area_m2": 48000,                  建筑面积（平方米）
   "enterprises": 25,                       入驻企业（家）
   "leading_industry_share": 0.62,          主导产业及关联产业占比（0–1 的比例，不是百分数）
   "service_functions": {functions},  具备的公共服务功能：{first}、
                                            {rest}
   "judged_levels": {levels}}}
                                            检查人员评定达到的最高星级（0–5）""",
                                   """The input JSON (every field is needed, but land_area_mu for a service park):
  {{"park_type": "manufacturing",            manufacturing, or service (services and other)
   "performance_grade": "B",                the performance evaluation grade, A–D
   "land_area_mu": 60,                      land area (mu)
   "floor_area_m2": 48000,                  floor area (square metres)
   "enterprises": 25,                       enterprises in the park
   "leading_industry_share": 0.62,          share of the leading and related industries (0–1, not a percentage)
   "service_functions": {functions},  the public services the park offers, named as the standard
                                            names them: {first},
                                            {rest}
   "judged_levels": {levels}}}
                                            the highest star level the inspectors judged reached (0–5),
                                            for each indicator named as above"""),
})


def _rate_stars_format() -> str:
    example = {"service_functions": [SERVICE_FUNCTIONS[0], SERVICE_FUNCTIONS[2]],
               "judged_levels": dict(zip(JUDGED_INDICATORS, (3, 3, 3, 3, 2), strict=True))}
    return say("cli.help.rate_stars.format", functions=json.dumps(example["service_functions"],
                                                                   ensure_ascii=False),
               first=list(SERVICE_FUNCTIONS[:3]), rest=list(SERVICE_FUNCTIONS[3:]),
               levels=json.dumps(example["judged_levels"], ensure_ascii=False))


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    listing = commands.add_parser("templates", parents=[common], help=say("cli.help.templates"))
    add_json_flag(listing)
    listing.set_defaults(handler=list_templates)

    template = commands.add_parser("template", parents=[common], help=say("cli.help.template"))
    sub = template.add_subparsers(dest="template_command", required=True,
                                  metavar="show|export|import|retire|restore")
    show = sub.add_parser("show", parents=[common], help=say("cli.help.template.show"))
    show.add_argument("id", help=say("cli.help.template.id"))
    add_json_flag(show)
    show.set_defaults(handler=show_template)
    template_files.register(sub, common)

    stars = commands.add_parser("rate-stars", parents=[common],
                                help=say("cli.help.rate_stars"),
                                formatter_class=argparse.RawDescriptionHelpFormatter,
                                epilog=_rate_stars_format())
    stars.add_argument("file", type=Path, help=say("cli.help.rate_stars.file"))
    add_json_flag(stars)
    stars.set_defaults(handler=rate_stars)


def list_templates(args: argparse.Namespace) -> int:
    rows: list[dict[str, Any]] = []
    for record in template_files.records(args):
        template = record.template
        rows.append({
            "id": template.id,
            "title": template.title,
            "document_number": template.document_number,
            "edition": edition_label(template),
            "kind": template.kind.value,
            "source": "builtin" if record.builtin else "imported",
            "status": "retired" if record.retired else "active",
            "items": sum(1 for _ in template.items()),
            "levels": template.counts_by_level(),
        })
    if args.json:
        print_json(rows)
        return 0
    for row in rows:
        comma = say("cli.comma")
        levels = comma.join(f"{name} {count}" for name, count in row["levels"].items())
        number = say("cli.templates.number", number=row["document_number"]) \
            if row["document_number"] else ""
        marks = [Message("cli.templates.edition", edition=row["edition"])] if row["edition"] else []
        marks += [Message("cli.templates.imported")] if row["source"] == "imported" else []
        marks += [Message("cli.templates.retired")] if row["status"] == "retired" else []
        extra = f"  [{comma.join(map(str, marks))}]" if marks else ""
        print(f"{row['id']}  {row['title']}{number}{extra}")
        print(Message("cli.templates.items", items=row["items"], levels=levels))
    return 0


def show_template(args: argparse.Namespace) -> int:
    template_files.records(args)  # registers the data folder's imported templates
    template = get_template(args.id)
    if args.json:
        print_json(template.to_dict())
        return 0
    print(f"{template.id}  {template.title}")
    details = [template.issuer, template.document_number]
    if any(details):
        print("     " + "  ".join(d for d in details if d))
    print(Message("cli.templates.source", file=template.source.file, sha=template.source.sha256[:16]))
    for node in template.nodes:
        _print_node(node, 0)
    return 0


def _print_node(node: Node, depth: int) -> None:
    marker = "" if node.is_item else "▸ "
    print(f"{'  ' * depth}{marker}{node.code}  {node.title}")
    for child in node.children:
        _print_node(child, depth + 1)


STAR_INPUTS_LIMIT = 1 << 20  # a park's star inputs: a few kB


def rate_stars(args: argparse.Namespace) -> int:
    raw = read_regular_file(args.file, limit=STAR_INPUTS_LIMIT)  # never /dev/zero or a pipe
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise InvalidInput("cli.stars.unreadable", path=args.file, reason=exc) from None
    except json.JSONDecodeError as exc:
        raise InvalidInput("cli.stars.bad_json", path=args.file, line=exc.lineno,
                           reason=exc.msg) from None
    if not isinstance(data, dict):
        raise InvalidInput("cli.stars.not_an_object")
    rating = rate(get_template("001"), StarInputs.from_mapping(data))
    if args.json:
        print_json(rating.to_dict(language()))  # the reasons in the command line's language
        return 0
    print(Message("cli.stars.level", stars=rating.stars) if rating.stars else Message("cli.stars.no_level"))
    if rating.limited_by:
        print(Message("cli.stars.limited_by", names=list(rating.limited_by)))
    for indicator in rating.indicators:
        print(Message("cli.stars.indicator", name=indicator.name, level=indicator.level,
                      reason=indicator.reason_text()))
    return 0
