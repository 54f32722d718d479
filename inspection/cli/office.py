"""The office's commands on the hub: review, ranking, trends and the 整改 tracker.

    hub review ID approve|return [--comment T] [--item CODE --comment T]...
    hub reviews ID [--json]                        the history of decisions and revisions
    hub ranking --template ID [--json] [--xlsx FILE] [--pdf FILE] [--as-of DATE]
    hub trends --park NAME|ID [--json] [--local]   (--local: this data folder, no hub)
    hub tracker [--park P] [--unit U] [--overdue] [--json] [--xlsx FILE]

A ``--comment`` right after ``--item CODE`` is that item's; any other is the overall comment.
"""
from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checklists.errors import InvalidInput, messages
from inspection.cli.common import add_json_flag, data_root, print_json, store_for

if TYPE_CHECKING:
    from inspection.hub.connection import HubSession

MESSAGES = messages({
    "cli.item_needs_comment": ("--item {code} 之后要跟 --comment 写明对该条目的意见",
                               "--item {code} must be followed by --comment with the comment on that item"),
    "cli.suffix": ("{option}：文件名应以 {suffix} 结尾，收到“{path}”",
                   "{option}: the file name must end in {suffix}, not “{path}”"),
})


class _InOrder(argparse.Action):
    """Keeps --item and --comment in the order given (a comment belongs to the item before it)."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: str | Sequence[Any] | None, option_string: str | None = None) -> None:
        sequence = list(getattr(namespace, "sequence", None) or [])
        sequence.append((self.dest, values))
        namespace.sequence = sequence


def split_comments(sequence: Sequence[tuple[str, str]]) -> tuple[str, list[tuple[str, str]]]:
    """(overall comment, [(item code, comment)]) from --item/--comment in the order given."""
    overall: list[str] = []
    items: list[tuple[str, str]] = []
    pending: str | None = None
    for kind, value in sequence:
        if kind == "item":
            if pending is not None:
                raise InvalidInput("cli.item_needs_comment", code=pending)
            pending = value
        elif pending is not None:
            items.append((pending, value))
            pending = None
        else:
            overall.append(value)
    if pending is not None:
        raise InvalidInput("cli.item_needs_comment", code=pending)
    return "\n".join(t.strip() for t in overall if t.strip()), items


def _hub_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--hub", metavar="URL",
                        help="中心地址（默认：此数据文件夹连接的中心）；密码取自 PGPASSWORD 或 ~/.pgpass")


def register_hub(hub: Any, common: argparse.ArgumentParser) -> None:
    """Add the office's commands to the ``hub`` command's subcommands *hub*."""
    review = hub.add_parser("review", parents=[common], help="审核：通过或退回一次检查（审核人员）")
    review.add_argument("id", help="检查编号（中心列表中的前 8 位即可）")
    review.add_argument("decision", choices=["approve", "return"], help="approve 通过，return 退回")
    review.add_argument("--comment", dest="comment", action=_InOrder, default=None,
                        help="意见；紧跟在 --item 之后时是该条目的意见")
    review.add_argument("--item", dest="item", action=_InOrder, default=None, metavar="CODE",
                        help="条目编号（多个模板有同一编号时写 模板:条目），其后跟 --comment")
    _hub_option(review)
    add_json_flag(review)
    review.set_defaults(handler=hub_review, sequence=[])

    reviews = hub.add_parser("reviews", parents=[common], help="一次检查在中心的审核记录和各个版本")
    reviews.add_argument("id")
    _hub_option(reviews)
    add_json_flag(reviews)
    reviews.set_defaults(handler=hub_reviews)

    ranking = hub.add_parser("ranking", parents=[common],
                             help="按模板比较园区：每个园区最近一次审核通过的检查，排名、等级、各指标统计")
    ranking.add_argument("--template", required=True, help="模板编号（如 000、001）")
    ranking.add_argument("--xlsx", type=Path, metavar="FILE", help="公示名单导出为 Excel")
    ranking.add_argument("--pdf", type=Path, metavar="FILE", help="公示名单导出为 PDF（报告样式）")
    ranking.add_argument("--title", default="", help="公示名单的标题（默认按模板生成）")
    _hub_option(ranking)
    add_json_flag(ranking)
    ranking.set_defaults(handler=hub_ranking)

    trends = hub.add_parser("trends", parents=[common], help="一个园区历次检查的变化")
    trends.add_argument("--park", required=True, help="园区名称或中心编号")
    trends.add_argument("--local", action="store_true", help="只用本数据文件夹中的检查（不连接中心）")
    _hub_option(trends)
    add_json_flag(trends)
    trends.set_defaults(handler=hub_trends)

    tracker = hub.add_parser("tracker", parents=[common], help="整改跟踪：各园区未完成的整改")
    tracker.add_argument("--park", help="园区名称（包含即可）或中心编号")
    tracker.add_argument("--unit", help="责任单位（包含即可）")
    tracker.add_argument("--overdue", action="store_true", help="只列逾期的")
    tracker.add_argument("--xlsx", type=Path, metavar="FILE", help="导出为 Excel")
    _hub_option(tracker)
    add_json_flag(tracker)
    tracker.set_defaults(handler=hub_tracker)


def _session(args: argparse.Namespace) -> HubSession:
    from inspection.hub.folder import open_address, open_folder_hub

    if getattr(args, "hub", None):
        return open_address(args.hub)
    return open_folder_hub(data_root(args))


def _output(args: argparse.Namespace, option: str, suffix: str) -> Path | None:
    from inspection.files import check_output_path

    path = getattr(args, option.strip("-"))
    if path is None:
        return None
    if Path(path).suffix.lower() != suffix:
        raise InvalidInput("cli.suffix", option=option, suffix=suffix, path=path)
    return check_output_path(path, data_dir=data_root(args), kind="pdf" if suffix == ".pdf" else "zip")


def hub_review(args: argparse.Namespace) -> int:
    from inspection.hub.review import DECISION_LABELS, record_review

    comment, items = split_comments(args.sequence)
    with _session(args) as session:
        result = record_review(session, args.id, args.decision, comment=comment, items=items)
    if args.json:
        print_json(result)
        return 0
    print(f"已记录审核结论：{DECISION_LABELS[result['decision']]}（{result['park']} {result['date']}"
          f" 第 {result['revision']} 版，检查人员 {result['owner']}）")
    for item in result["item_comments"]:
        print(f"  {item['template_id']}:{item['item_code']}  {item['comment']}")
    print(result["id"])
    return 0


def hub_reviews(args: argparse.Namespace) -> int:
    from inspection.hub.review import DECISION_LABELS, review_history, status_label

    with _session(args) as session:
        history = review_history(session, args.id)
    if args.json:
        print_json(history)
        return 0
    head = history["inspection"]
    print(f"{head['park']} {head['date']}（{head['id']}）")
    events = [(r["pushed_at"], f"上传 第 {r['revision']} 版（{status_label(r['status'])}）"
               f"by {r['pushed_by']}" + ("  ← 当前" if r["current"] else "")) for r in history["revisions"]]
    for signed in history.get("signed", []):
        text = f"签署 第 {signed['revision']} 版（签署人 {signed['signer'] or '—'}，签署 PDF SHA-256 {signed['sha256']}）"
        if not signed["pushed"]:
            text += "：该版本签署后在上传前已重新打开，中心只保存其签署 PDF"
        events.append((signed["signed_at"] or "", text))
    for review in history["reviews"]:
        text = f"审核 第 {review['revision']} 版：{DECISION_LABELS[review['decision']]} by {review['reviewer']}"
        if review["comment"]:
            text += f"：{review['comment']}"
        for item in review["item_comments"]:
            text += f"\n      {item['template_id']}:{item['item_code']} {item['comment']}"
        events.append((review["decided_at"], text))
    for when, text in sorted(events, key=lambda e: e[0]):
        print(f"{when[:16].replace('T', ' ')}  {text}")
    return 0


def hub_ranking(args: argparse.Namespace) -> int:
    from inspection.hub.office import ranking_entries
    from inspection.office.ranking import rank_parks
    from inspection.office.text import ranking_lines

    xlsx, pdf = _output(args, "--xlsx", ".xlsx"), _output(args, "--pdf", ".pdf")
    with _session(args) as session:
        template, entries, waiting = ranking_entries(session, args.template)
    ranking = rank_parks(template, entries, waiting=waiting)
    if xlsx is not None:
        from inspection.office.xlsx import ranking_xlsx
        ranking_xlsx(ranking, xlsx, title=args.title)
        print(f"已导出公示名单（Excel）：{xlsx}", file=_stderr())
    if pdf is not None:
        from inspection.office.publicity import publicity_pdf
        publicity_pdf(ranking, pdf, title=args.title)
        print(f"已导出公示名单（PDF）：{pdf}", file=_stderr())
    if args.json:
        print_json(ranking.to_dict())
        return 0
    for line in ranking_lines(ranking):
        print(line)
    return 0


def hub_trends(args: argparse.Namespace) -> int:
    from inspection.office.text import trend_lines
    from inspection.office.trends import park_trends

    if args.local:
        from inspection.office.local import local_visits

        with store_for(args) as store:
            park, visits = local_visits(store, args.park)
    else:
        from inspection.hub.office import park_visits

        with _session(args) as session:
            park, visits = park_visits(session, args.park)
    trends = park_trends(park, visits)
    if args.json:
        print_json(trends.to_dict())
        return 0
    for line in trend_lines(trends):
        print(line)
    return 0


def hub_tracker(args: argparse.Namespace) -> int:
    from inspection.hub.office import tracker_rows
    from inspection.office.text import tracker_lines
    from inspection.office.tracker import TrackerFilter

    xlsx = _output(args, "--xlsx", ".xlsx")
    wanted = TrackerFilter(park=args.park or "", unit=args.unit or "", overdue_only=args.overdue)
    with _session(args) as session:
        page = tracker_rows(session, wanted)
    if xlsx is not None:
        from inspection.office.xlsx import tracker_xlsx
        tracker_xlsx(page, xlsx)
        print(f"已导出整改跟踪（Excel）：{xlsx}", file=_stderr())
    if args.json:
        print_json(page.to_dict())
        return 0
    for line in tracker_lines(page):
        print(line)
    return 0


def _stderr() -> Any:
    import sys

    return sys.stderr
