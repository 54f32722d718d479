"""``templates``, ``template show`` and ``rate-stars``: the checklists, without any inspection."""
from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from checklists.editions import edition_label
from checklists.errors import InvalidInput, messages
from checklists.library import get_template
from checklists.model import Node
from checklists.star_inputs import StarInputs
from checklists.stars import rate
from inspection.cli import template_files
from inspection.cli.common import Commands, add_json_flag, print_json
from inspection.files import read_regular_file

RATE_STARS_FORMAT = """输入 JSON（除服务类园区的 land_area_mu 外均必填）：
  {"park_type": "manufacturing",            manufacturing 生产制造类 | service 生产性服务类等其他类
   "performance_grade": "B",                绩效评价档次 A–D
   "land_area_mu": 60,                      占地面积（亩）
   "floor_area_m2": 48000,                  建筑面积（平方米）
   "enterprises": 25,                       入驻企业（家）
   "leading_industry_share": 0.62,          主导产业及关联产业占比（0–1 的比例，不是百分数）
   "service_functions": ["政策咨询", "投融资"],  具备的公共服务功能：政策咨询、政务代办、投融资、
                                            创新支持、人才招聘、专家服务、创业辅导、员工培训
   "judged_levels": {"产业特色": 3, "运营管理": 3, "配套设施": 3, "园区服务": 3, "园区数字化": 2}}
                                            检查人员评定达到的最高星级（0–5）"""


MESSAGES = messages({
    "cli.stars.unreadable": ("file：无法读取 {path}（{reason}）", "file: cannot read {path} ({reason})"),
    "cli.stars.bad_json": ("file：{path} 不是有效的 JSON（第 {line} 行：{reason}）",
                           "file: {path} is not valid JSON (line {line}: {reason})"),
    "cli.stars.not_an_object": ("file：输入应为一个 JSON 对象", "file: the input should be one JSON object"),
})


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    listing = commands.add_parser("templates", parents=[common],
                                  help="列出检查模板（内置和导入的）及条目数")
    add_json_flag(listing)
    listing.set_defaults(handler=list_templates)

    template = commands.add_parser("template", parents=[common],
                                   help="查看、导出、导入、停用检查模板")
    sub = template.add_subparsers(dest="template_command", required=True,
                                  metavar="show|export|import|retire|restore")
    show = sub.add_parser("show", parents=[common], help="显示模板的完整条目树")
    show.add_argument("id", help="模板编号，如 000")
    add_json_flag(show)
    show.set_defaults(handler=show_template)
    template_files.register(sub, common)

    stars = commands.add_parser("rate-stars", parents=[common],
                                help="按小微企业园星级评定标准，由测量值计算星级",
                                formatter_class=argparse.RawDescriptionHelpFormatter,
                                epilog=RATE_STARS_FORMAT)
    stars.add_argument("file", type=Path, help="输入 JSON 文件")
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
        levels = "，".join(f"{name} {count}" for name, count in row["levels"].items())
        number = f"（{row['document_number']}）" if row["document_number"] else ""
        marks = [f"版本 {row['edition']}"] if row["edition"] else []
        marks += ["导入"] if row["source"] == "imported" else []
        marks += ["已停用"] if row["status"] == "retired" else []
        extra = f"  [{'，'.join(marks)}]" if marks else ""
        print(f"{row['id']}  {row['title']}{number}{extra}")
        print(f"     检查条目 {row['items']} 项：{levels}")
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
    print(f"     来源：{template.source.file}  SHA-256 {template.source.sha256[:16]}…")
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
        print_json(rating.to_dict())
        return 0
    print(f"星级：{rating.stars} 星" if rating.stars else "星级：未达到一星级")
    if rating.limited_by:
        print(f"限制因素：{'、'.join(rating.limited_by)}")
    for indicator in rating.indicators:
        print(f"  {indicator.name}：{indicator.level} 星 — {indicator.reason}")
    return 0
