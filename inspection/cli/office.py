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
from inspection.cli.common import add_json_flag, data_root, print_json

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
    return check_output_path(path, data_dir=data_root(args))


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
    from inspection.hub.review import DECISION_LABELS, review_history

    with _session(args) as session:
        history = review_history(session, args.id)
    if args.json:
        print_json(history)
        return 0
    head = history["inspection"]
    print(f"{head['park']} {head['date']}（{head['id']}）")
    events = [(r["pushed_at"], f"上传 第 {r['revision']} 版（{r['status']}）by {r['pushed_by']}"
               + ("  ← 当前" if r["current"] else "")) for r in history["revisions"]]
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


def _stderr() -> Any:
    import sys

    return sys.stderr
