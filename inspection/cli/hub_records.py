"""``hub inspections``, ``history``, ``parks``, ``park resolve``, ``template add``, ``push``,
``export`` and ``revisit``: the hub's records from the command line (registered by
inspection.cli.hub)."""
from __future__ import annotations

import argparse
from typing import Any

from checklists.errors import Message, messages
from inspection.cli.common import data_root, print_json, require_suffix, store_for
from inspection.cli.office import hub_session
from inspection.cli.words import say, status_label

MESSAGES = messages({
    "cli.hub.approved": ("  已通过", "  approved"),
    "cli.hub.returned": ("  已退回", "  returned"),
    "cli.hub.inspection_row": ("{id}  {park}  {date}  {inspector}  {status}  第 {revision} 版  "
                               "答案 {answers}  照片 {photos}  整改 {findings}{review}",
                               "{id}  {park}  {date}  {inspector}  {status}  revision {revision}  "
                               "answers {answers}  photos {photos}  findings {findings}{review}"),
    "cli.hub.inspections": ("共 {count} 项检查", "{count} inspections"),
    "cli.hub.park_head": ("{name}（{id}）{address}", "{name} ({id}) {address}"),
    "cli.hub.pending_row": ("{id}  {name}  {address}  由 {by} 提交  同名已登记：{candidates}",
                            "{id}  {name}  {address}  proposed by {by}  registered with the same name:"
                            " {candidates}"),
    "cli.hub.no_address": ("（无地址）", "(no address)"),
    "cli.hub.no_candidates": ("无", "none"),
    "cli.hub.registered_new": ("已登记为新园区 {id}", "Registered as a new park: {id}"),
    "cli.hub.matched": ("已对应中心园区 {id}", "Matched with the hub's park {id}"),
    "cli.hub.template_added": ("中心已有模板 {id}（第 {version} 版）：{title}",
                               "The hub has the template {id} (version {version}): {title}"),
    "cli.hub.present": ("中心已有此版本：第 {revision} 版（{status}）",
                        "The hub has this revision already: revision {revision} ({status})"),
    "cli.hub.pushed": ("已上传：第 {revision} 版（{status}）", "Uploaded: revision {revision} ({status})"),
    "cli.hub.revisit": ("已新建复查（{park} {date}），带入未完成整改 {count} 项",
                        "Started a revisit ({park} {date}) with {count} open findings carried over"),
})


def _inspection_lines(rows: list[dict[str, Any]]) -> None:
    for row in rows:
        review = say(f"cli.hub.{row['review']}") if row.get("review") in ("approved", "returned") else ""
        print(Message("cli.hub.inspection_row", id=row["id"][:8], park=row["park"], date=row["date"],
                      inspector=row["inspector"], status=status_label(row["status"]),
                      revision=row["revision"], answers=row["answers"], photos=row["photos"],
                      findings=row["findings"], review=review))


def hub_inspections(args: argparse.Namespace) -> int:
    from inspection.hub.listing import inspections

    with hub_session(args) as session:
        rows = inspections(session)
    if args.json:
        print_json(rows)
        return 0
    _inspection_lines(rows)
    print(Message("cli.hub.inspections", count=len(rows)))
    return 0


def hub_history(args: argparse.Namespace) -> int:
    from inspection.hub.listing import park_history

    with hub_session(args) as session:
        history = park_history(session, args.park)
    if args.json:
        print_json(history)
        return 0
    park = history["park"]
    print(Message("cli.hub.park_head", name=park["name"], id=park["id"], address=park["address"]))
    _inspection_lines(history["inspections"])
    return 0


def hub_parks(args: argparse.Namespace) -> int:
    from inspection.hub.listing import pending_parks, registry_parks

    with hub_session(args) as session:
        rows = pending_parks(session) if args.pending else registry_parks(session)
    if args.json:
        print_json(rows)
        return 0
    for row in rows:
        if args.pending:
            print(Message("cli.hub.pending_row", id=row["id"], name=row["name"],
                          address=row["address"] or Message("cli.hub.no_address"), by=row["proposed_by"],
                          candidates=row["candidates"] or Message("cli.hub.no_candidates")))
        else:
            print(f"{row['id']}  {row['name']}  {row['address']}")
    return 0


def hub_park_resolve(args: argparse.Namespace) -> int:
    from inspection.hub.listing import resolve_park

    with hub_session(args) as session:
        result = resolve_park(session, args.proposal, None if args.new else args.park)
    print(Message("cli.hub.registered_new" if result["state"] == "new" else "cli.hub.matched",
                  id=result["park_id"]))
    return 0


def hub_template_add(args: argparse.Namespace) -> int:
    from inspection.hub.templates import add_template

    with store_for(args) as store, hub_session(args) as session:
        added = add_template(session, store, args.id)
    print(Message("cli.hub.template_added", id=added["id"], version=added["version"], title=added["title"]))
    return 0


def hub_push(args: argparse.Namespace) -> int:
    from inspection.hub.transfer import push_bundle_file
    from inspection.paths import DataDir

    with hub_session(args) as session:
        result = push_bundle_file(session, args.file, keys_dir=DataDir(data_root(args)).keys)
    print(Message("cli.hub.present" if result["outcome"] == "present" else "cli.hub.pushed",
                  revision=result["revision"], status=status_label(result["status"])))
    print(result["inspection_id"])
    return 0


def hub_export(args: argparse.Namespace) -> int:
    from inspection.files import check_output_path
    from inspection.hub.transfer import export_revision

    require_suffix(args.out, "--out", ".pib")
    out = check_output_path(args.out, data_dir=data_root(args), kind="zip")  # never into a data folder
    with hub_session(args) as session:
        path = export_revision(session, args.id, out, revision=args.revision)
    print(path)
    return 0


def hub_revisit(args: argparse.Namespace) -> int:
    from checklists.errors import InvalidInput

    with store_for(args) as store:
        park = store.find_park(args.park)
        if park is None:
            raise InvalidInput("hub.no_park", park=args.park)
        revisit = store.revisit_from_hub(park.id, inspectors=args.inspector,
                                         template_ids=args.template, date=args.date)
        carried = sum(1 for f in store.snapshot(revisit.id).findings if f.status.value == "open")
    print(Message("cli.hub.revisit", park=revisit.park_name, date=revisit.date, count=carried))
    print(revisit.id)
    return 0
