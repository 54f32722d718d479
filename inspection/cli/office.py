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

from checklists.errors import InvalidInput, Message, messages
from inspection.cli.common import add_json_flag, data_root, print_json, require_suffix, store_for
from inspection.cli.words import say, status_label

if TYPE_CHECKING:
    from inspection.hub.connection import HubSession

MESSAGES = messages({
    "cli.item_needs_comment": ("--item {code} 之后要跟 --comment 写明对该条目的意见",
                               "--item {code} must be followed by --comment with the comment on that item"),
    "cli.office.decision.approved": ("通过", "approved"),
    "cli.office.decision.returned": ("退回", "returned"),
    "cli.office.reviewed": ("已记录审核结论：{decision}（{park} {date} 第 {revision} 版，检查人员 {owner}）",
                            "Recorded the review: {decision} ({park} {date} revision {revision},"
                            " inspector {owner})"),
    "cli.office.head": ("{park} {date}（{id}）", "{park} {date} ({id})"),
    "cli.office.current": ("  ← 当前", "  ← current"),
    "cli.office.pushed": ("上传 第 {revision} 版（{status}）by {by}",
                          "uploaded revision {revision} ({status}) by {by}"),
    "cli.office.signed": ("签署 第 {revision} 版（签署人 {signer}，签署 PDF SHA-256 {sha}）",
                          "signed revision {revision} (signer {signer}, signed PDF SHA-256 {sha})"),
    "cli.office.signed_unpushed": ("：该版本签署后在上传前已重新打开，中心只保存其签署 PDF",
                                   ": reopened after signing, before it was uploaded; the hub keeps"
                                   " only its signed PDF"),
    "cli.office.review": ("审核 第 {revision} 版：{decision} by {reviewer}",
                          "review of revision {revision}: {decision} by {reviewer}"),
    "cli.office.carried": ("（沿用第 {revision} 版{status}时的审核：结果相同）",
                           " (carried over from the review of revision {revision} when {status}: the same results)"),
    "cli.office.comment": ("：{comment}", ": {comment}"),
    "cli.office.ranking_xlsx": ("已导出公示名单（Excel）：{path}", "Exported the public list (Excel): {path}"),
    "cli.office.ranking_pdf": ("已导出公示名单（PDF）：{path}", "Exported the public list (PDF): {path}"),
    "cli.office.tracker_xlsx": ("已导出整改跟踪（Excel）：{path}", "Exported the findings tracker (Excel): {path}"),
})
HELP = messages({
    "cli.help.hub.review": ("审核：通过或退回一次检查（审核人员）",
                            "review: approve or return an inspection (reviewers)"),
    "cli.help.hub.review.id": ("检查编号（中心列表中的前 8 位即可）",
                               "the inspection's id (its first 8 characters, as the hub lists it, will do)"),
    "cli.help.hub.review.decision": ("approve 通过，return 退回", "approve, or return it"),
    "cli.help.hub.review.comment": ("意见；紧跟在 --item 之后时是该条目的意见",
                                    "a comment; right after --item, the comment on that item"),
    "cli.help.hub.review.item": ("条目编号（多个模板有同一编号时写 模板:条目），其后跟 --comment",
                                 "an item's code (TEMPLATE:CODE when several templates have it),"
                                 " followed by --comment"),
    "cli.help.hub.reviews": ("一次检查在中心的审核记录和各个版本",
                             "an inspection's reviews and revisions on the hub"),
    "cli.help.hub.ranking": ("按模板比较园区：每个园区最近一次审核通过的检查，排名、等级、各指标统计",
                             "compare parks by template: each park's latest approved inspection,"
                             " ranks, grades and figures per indicator"),
    "cli.help.hub.ranking.template": ("模板编号（如 000、001）", "the template's id (e.g. 000, 001)"),
    "cli.help.hub.ranking.xlsx": ("公示名单导出为 Excel", "export the public list to Excel"),
    "cli.help.hub.ranking.pdf": ("公示名单导出为 PDF（报告样式）", "export the public list to PDF (in the report's style)"),
    "cli.help.hub.ranking.title": ("公示名单的标题（默认按模板生成）",
                                   "the public list's title (default: made from the template)"),
    "cli.help.hub.trends": ("一个园区历次检查的变化", "how a park changed from inspection to inspection"),
    "cli.help.hub.trends.park": ("园区名称或中心编号", "the park's name or its number on the hub"),
    "cli.help.hub.trends.local": ("只用本数据文件夹中的检查（不连接中心）",
                                  "only the inspections in this data folder (no hub)"),
    "cli.help.hub.tracker": ("整改跟踪：各园区未完成的整改", "findings tracker: the open findings of every park"),
    "cli.help.hub.tracker.park": ("园区名称（包含即可）或中心编号",
                                  "the park's name (or part of it) or its number on the hub"),
    "cli.help.hub.tracker.unit": ("责任单位（包含即可）", "the responsible unit (or part of its name)"),
    "cli.help.hub.tracker.overdue": ("只列逾期的", "only the overdue ones"),
    "cli.help.hub.tracker.xlsx": ("导出为 Excel", "export to Excel"),
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


def hub_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--hub", metavar="URL",
                        help=say("cli.help.hub.address"))
    parser.add_argument("--hub-password-file", type=Path, metavar="FILE",
                        help=say("cli.help.hub.address_password"))


def register_hub(hub: Any, common: argparse.ArgumentParser) -> None:
    """Add the office's commands to the ``hub`` command's subcommands *hub*."""
    review = hub.add_parser("review", parents=[common], help=say("cli.help.hub.review"))
    review.add_argument("id", help=say("cli.help.hub.review.id"))
    review.add_argument("decision", choices=["approve", "return"], help=say("cli.help.hub.review.decision"))
    review.add_argument("--comment", dest="comment", action=_InOrder, default=None,
                        help=say("cli.help.hub.review.comment"))
    review.add_argument("--item", dest="item", action=_InOrder, default=None, metavar="CODE",
                        help=say("cli.help.hub.review.item"))
    hub_option(review)
    add_json_flag(review)
    review.set_defaults(handler=hub_review, sequence=[])

    reviews = hub.add_parser("reviews", parents=[common], help=say("cli.help.hub.reviews"))
    reviews.add_argument("id")
    hub_option(reviews)
    add_json_flag(reviews)
    reviews.set_defaults(handler=hub_reviews)

    ranking = hub.add_parser("ranking", parents=[common], help=say("cli.help.hub.ranking"))
    ranking.add_argument("--template", required=True, help=say("cli.help.hub.ranking.template"))
    ranking.add_argument("--xlsx", type=Path, metavar="FILE", help=say("cli.help.hub.ranking.xlsx"))
    ranking.add_argument("--pdf", type=Path, metavar="FILE", help=say("cli.help.hub.ranking.pdf"))
    ranking.add_argument("--title", default="", help=say("cli.help.hub.ranking.title"))
    hub_option(ranking)
    add_json_flag(ranking)
    ranking.set_defaults(handler=hub_ranking)

    trends = hub.add_parser("trends", parents=[common], help=say("cli.help.hub.trends"))
    trends.add_argument("--park", required=True, help=say("cli.help.hub.trends.park"))
    trends.add_argument("--local", action="store_true", help=say("cli.help.hub.trends.local"))
    hub_option(trends)
    add_json_flag(trends)
    trends.set_defaults(handler=hub_trends)

    tracker = hub.add_parser("tracker", parents=[common], help=say("cli.help.hub.tracker"))
    tracker.add_argument("--park", help=say("cli.help.hub.tracker.park"))
    tracker.add_argument("--unit", help=say("cli.help.hub.tracker.unit"))
    tracker.add_argument("--overdue", action="store_true", help=say("cli.help.hub.tracker.overdue"))
    tracker.add_argument("--xlsx", type=Path, metavar="FILE", help=say("cli.help.hub.tracker.xlsx"))
    hub_option(tracker)
    add_json_flag(tracker)
    tracker.set_defaults(handler=hub_tracker)


def hub_session(args: argparse.Namespace) -> HubSession:
    """The hub that ``--hub URL`` names, else the one this data folder is connected to."""
    from inspection.hub.folder import open_address, open_folder_hub

    if getattr(args, "hub", None):
        from inspection.hub.folder import read_password_file

        password_file = getattr(args, "hub_password_file", None)
        return open_address(args.hub, password=read_password_file(password_file) if password_file else None)
    return open_folder_hub(data_root(args))


def _output(args: argparse.Namespace, option: str, suffix: str) -> Path | None:
    from inspection.files import check_output_path

    path = getattr(args, option.strip("-"))
    if path is None:
        return None
    require_suffix(path, option, suffix)
    return check_output_path(path, data_dir=data_root(args), kind="pdf" if suffix == ".pdf" else "zip")


def hub_review(args: argparse.Namespace) -> int:
    from inspection.hub.review import record_review

    comment, items = split_comments(args.sequence)
    with hub_session(args) as session:
        result = record_review(session, args.id, args.decision, comment=comment, items=items)
    if args.json:
        print_json(result)
        return 0
    print(Message("cli.office.reviewed", decision=_decision(result["decision"]), park=result["park"],
                  date=result["date"], revision=result["revision"], owner=result["owner"]))
    for item in result["item_comments"]:
        print(f"  {item['template_id']}:{item['item_code']}  {item['comment']}")
    print(result["id"])
    return 0


def hub_reviews(args: argparse.Namespace) -> int:
    from inspection.hub.review import review_history

    with hub_session(args) as session:
        history = review_history(session, args.id)
    if args.json:
        print_json(history)
        return 0
    head = history["inspection"]
    print(Message("cli.office.head", park=head["park"], date=head["date"], id=head["id"]))
    events = [(r["pushed_at"], say("cli.office.pushed", revision=r["revision"],
                                   status=status_label(r["status"]), by=r["pushed_by"])
               + (say("cli.office.current") if r["current"] else "")) for r in history["revisions"]]
    for signed in history.get("signed", []):
        text = say("cli.office.signed", revision=signed["revision"], signer=signed["signer"] or "—",
                   sha=signed["sha256"])
        if not signed["pushed"]:
            text += say("cli.office.signed_unpushed")
        events.append((signed["signed_at"] or "", text))
    for review in history["reviews"]:
        text = say("cli.office.review", revision=review["revision"],
                   decision=_decision(review["decision"]), reviewer=review["reviewer"])
        if review.get("carried_from"):  # the hub carried an approval to the same results (0008)
            text += say("cli.office.carried", revision=review["carried_from_revision"],
                        status=status_label(review["carried_from_status"]))
        if review["comment"]:
            text += say("cli.office.comment", comment=review["comment"])
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
    with hub_session(args) as session:
        template, entries, waiting = ranking_entries(session, args.template)
    ranking = rank_parks(template, entries, waiting=waiting)
    if xlsx is not None:
        from inspection.office.xlsx import ranking_xlsx
        ranking_xlsx(ranking, xlsx, title=args.title)
        print(Message("cli.office.ranking_xlsx", path=xlsx), file=_stderr())
    if pdf is not None:
        from inspection.office.publicity import publicity_pdf
        publicity_pdf(ranking, pdf, title=args.title)
        print(Message("cli.office.ranking_pdf", path=pdf), file=_stderr())
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

        with hub_session(args) as session:
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
    with hub_session(args) as session:
        page = tracker_rows(session, wanted)
    if xlsx is not None:
        from inspection.office.xlsx import tracker_xlsx
        tracker_xlsx(page, xlsx)
        print(Message("cli.office.tracker_xlsx", path=xlsx), file=_stderr())
    if args.json:
        print_json(page.to_dict())
        return 0
    for line in tracker_lines(page):
        print(line)
    return 0


def _decision(value: str) -> Message:
    return Message(f"cli.office.decision.{value}")


def _stderr() -> Any:
    import sys

    return sys.stderr
