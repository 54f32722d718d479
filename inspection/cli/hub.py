"""``hub …`` and ``sync``: the office hub (PostgreSQL) from the command line.

    hub init URL [--password-file F]           create or upgrade the hub's schema (admin URL)
    hub user add NAME --role R --password-file F [--hub URL]
    hub connect URL [--user NAME --password-file F] [--backup-drafts|--no-backup-drafts]
    hub status [--json]                        connection, role, what waits to be pushed
    hub inspections [--json] [--hub URL]       the hub's inspections with their counts
    hub history PARK [--json] [--hub URL]      one park's inspections over time
    hub parks [--pending] [--json] [--hub URL] the registry (or the parks waiting for the office)
    hub park resolve PROPOSAL (--park ID | --new) [--hub URL]
    hub template add ID [--hub URL]            a template of this folder, carried to every laptop
    hub push FILE.pib [--hub URL]              a bundle (e.g. from a USB stick) to the hub
    hub export ID --out FILE.pib [--revision N] [--hub URL]   a revision on the hub as a bundle
    hub revisit PARK --inspector N [--template T]  a revisit carrying the hub's open findings
    hub review ID approve|return [--comment T] [--item CODE --comment T]...   (reviewers)
    hub reviews ID | ranking --template ID | trends --park P | tracker   (inspection/cli/office.py)
    sync [--json]                              push, then pull; prints what moved

The records' commands (inspections … revisit) are in inspection/cli/hub_records.py.
The password is never an argument: ``--password-file`` names a file holding it (first line).
After ``hub connect`` the folder keeps it in a pgpass file only the user may read.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from checklists.errors import Message, messages
from inspection.cli.common import Commands, add_json_flag, data_root, print_json, store_for
from inspection.cli.hub_records import (
    hub_export,
    hub_history,
    hub_inspections,
    hub_park_resolve,
    hub_parks,
    hub_push,
    hub_revisit,
    hub_template_add,
)
from inspection.cli.office import hub_option, hub_session, register_hub
from inspection.cli.words import say, status_label

if TYPE_CHECKING:
    from inspection.hub.sync import SyncProgress

ROLES = messages({
    "cli.hub.role.inspector": ("检查人员", "inspector"),
    "cli.hub.role.reviewer": ("审核人员", "reviewer"),
    "cli.hub.role.admin": ("管理员", "administrator"),
    "cli.hub.role.superuser": ("数据库超级用户", "database superuser"),
    "cli.hub.role.none": ("无中心角色", "no role on the hub"),
})
MESSAGES = messages({
    "cli.hub.migrated": ("已应用 {count} 项结构变更：{names}", "Applied {count} schema changes: {names}"),
    "cli.hub.schema": ("中心数据结构为第 {version} 版", "The hub's schema is version {version}"),
    "cli.hub.user_added": ("已添加中心用户 {name}（{role}）", "Added the hub user {name} ({role})"),
    "cli.hub.connected": ("已连接中心 {hub}（{role}）；密码保存在 {path}（仅本用户可读）",
                          "Connected to the hub {hub} ({role}); the password is kept in {path} (only"
                          " this user may read it)"),
    "cli.hub.not_configured": ("此数据文件夹未连接中心服务器（hub connect URL）",
                               "This data folder is not connected to a hub (hub connect URL)"),
    "cli.hub.online": ("中心：{hub}（已连接，{role}，数据结构第 {version} 版）",
                       "Hub: {hub} (connected, {role}, schema version {version})"),
    "cli.hub.offline": ("中心：{hub}（离线：{reason}）", "Hub: {hub} (offline: {reason})"),
    "cli.hub.last_sync": ("上次同步：{when}（{outcome}）", "Last sync: {when} ({outcome})"),
    "cli.hub.never_synced": ("上次同步：从未同步", "Last sync: never"),
    "cli.hub.last_success": ("上次成功同步：{when}", "Last successful sync: {when}"),
    "cli.hub.never_succeeded": ("上次成功同步：从未成功同步", "Last successful sync: never"),
    "cli.hub.last_attempt": ("上次尝试：{when}（{outcome}）：{message}", "Last attempt: {when} ({outcome}): {message}"),
    "cli.hub.waiting": ("待上传：{count} 项检查", "Waiting to be uploaded: {count} inspections"),
    "cli.hub.pull_only": ("待上传：无（以{role}身份连接，同步只下载；导入的检查包由其检查人员上传，或用 hub push FILE.pib）",
                          "Waiting to be uploaded: nothing (connected as {role}: syncs only download;"
                          " a bundle imported here is uploaded by its inspector, or with hub push FILE.pib)"),
    "cli.hub.with_drafts": ("（含草稿备份）", " (drafts backed up too)"),
    "cli.hub.waiting_row": ("  {id}  {park}  {date}  {status}  第 {revision} 版",
                            "  {id}  {park}  {date}  {status}  revision {revision}"),
    "cli.hub.refused": ("中心不接受（不再上传，检查有改动时再试）：{count} 项检查",
                        "Not taken by the hub (not offered again until the inspection changes): {count} inspections"),
    "cli.hub.refused_row": ("  {id}  {park}  {date}  {status}  第 {revision} 版：{reason}",
                            "  {id}  {park}  {date}  {status}  revision {revision}: {reason}"),
    "cli.hub.flagged_park": ("园区待办公室核对：{name}（{note}）", "Park for the office to check: {name} ({note})"),
})
HELP = messages({
    "cli.help.hub": ("中心服务器（PostgreSQL）", "the office hub (PostgreSQL)"),
    "cli.help.hub.init": ("在中心数据库中建立或升级数据结构（需管理员连接）",
                          "create or upgrade the hub's schema in its database (an administrator's connection)"),
    "cli.help.hub.init.url": ("PostgreSQL 连接串或 postgresql:// 地址（数据库超级用户或其所有者）",
                              "a PostgreSQL connection string or postgresql:// address (a database"
                              " superuser, or the database's owner)"),
    "cli.help.hub.password_file": ("含密码的文件（第一行）", "a file holding the password (its first line)"),
    "cli.help.hub.user": ("中心用户", "the hub's users"),
    "cli.help.hub.user.add": ("添加中心用户", "add a hub user"),
    "cli.help.hub.user.password_file": ("新用户的密码（文件第一行）",
                                        "the new user's password (the first line of the file)"),
    "cli.help.hub.user.display_name": ("显示名称（如姓名）", "the name shown (e.g. the person's name)"),
    "cli.help.hub.user.list": ("列出中心用户", "list the hub's users"),
    "cli.help.hub.connect": ("让此数据文件夹连接中心服务器（测试后保存）",
                             "connect this data folder to a hub (tried, then kept)"),
    "cli.help.hub.connect.url": ("PostgreSQL 连接串或 postgresql:// 地址",
                                 "a PostgreSQL connection string or postgresql:// address"),
    "cli.help.hub.connect.user": ("中心用户名（也可写在地址中）", "the hub user's name (or write it in the address)"),
    "cli.help.hub.backup_drafts": ("同步时也把草稿和检查中的检查备份到中心",
                                   "when syncing, back up drafts and inspections in progress to the hub too"),
    "cli.help.hub.no_backup_drafts": ("只同步已完成和已签署的检查（默认）",
                                      "sync only completed and signed inspections (the default)"),
    "cli.help.hub.status": ("连接状态、角色、待上传的检查", "the connection, the role, the inspections waiting to be uploaded"),
    "cli.help.hub.inspections": ("列出中心的检查及其记录数", "list the hub's inspections with their counts"),
    "cli.help.hub.history": ("一个园区在中心的历次检查", "one park's inspections on the hub over time"),
    "cli.help.hub.park_name": ("园区名称或中心编号", "the park's name or its number on the hub"),
    "cli.help.hub.parks": ("中心的园区登记（--pending：待办公室核对的）",
                           "the hub's register of parks (--pending: those waiting for the office)"),
    "cli.help.hub.park": ("园区登记", "the register of parks"),
    "cli.help.hub.resolve": ("办公室核对一个待定园区", "the office settles a proposed park"),
    "cli.help.hub.resolve.proposal": ("待定园区的编号（hub parks --pending）",
                                      "the proposed park's number (hub parks --pending)"),
    "cli.help.hub.resolve.park": ("它就是中心已登记的这个园区（编号或名称）",
                                  "it is this park registered on the hub (number or name)"),
    "cli.help.hub.resolve.new": ("它是一个新园区，登记它", "it is a new park: register it"),
    "cli.help.hub.template": ("中心的检查模板", "the hub's checklist templates"),
    "cli.help.hub.template.add": ("把本数据文件夹中的一个模板放到中心，各电脑同步时取得",
                                  "put one of this data folder's templates on the hub; every computer"
                                  " gets it when it syncs"),
    "cli.help.hub.template.id": ("模板编号（templates 列出）", "the template's id (templates lists them)"),
    "cli.help.hub.push": ("把一个检查包（.pib，如 U 盘带来的）上传到中心，由当前用户上传",
                          "upload a bundle (.pib, e.g. brought on a USB stick) to the hub, as the"
                          " current user"),
    "cli.help.hub.export": ("把中心上的一次检查导出为检查包（.pib）",
                            "export an inspection on the hub as a bundle (.pib)"),
    "cli.help.hub.export.id": ("检查编号（完整 UUID）", "the inspection's id (the whole UUID)"),
    "cli.help.hub.export.out": ("检查包文件（.pib）", "the bundle file (.pib)"),
    "cli.help.hub.export.revision": ("修订版（默认：中心的当前版本）", "the revision (default: the hub's current one)"),
    "cli.help.hub.revisit": ("新建复查：带入中心记录的该园区未完成整改，输出其编号",
                             "start a revisit carrying the park's open findings the hub holds;"
                             " prints its id"),
    "cli.help.hub.revisit.park": ("园区名称（本机）", "the park's name (on this computer)"),
    "cli.help.sync": ("与中心同步：先上传，再下载", "sync with the hub: upload, then download"),
})


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    hub = commands.add_parser("hub", parents=[common], help=say("cli.help.hub")).add_subparsers(
        dest="hub_command", required=True,
        metavar="init|user|connect|status|inspections|history|parks|park|template|push|export|revisit"
                "|review|reviews|ranking|trends|tracker")

    init = hub.add_parser("init", parents=[common], help=say("cli.help.hub.init"))
    init.add_argument("url", help=say("cli.help.hub.init.url"))
    init.add_argument("--password-file", type=Path, help=say("cli.help.hub.password_file"))
    init.set_defaults(handler=hub_init)

    user = hub.add_parser("user", parents=[common], help=say("cli.help.hub.user")).add_subparsers(
        dest="user_command", required=True, metavar="add|list")
    add = user.add_parser("add", parents=[common], help=say("cli.help.hub.user.add"))
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=["inspector", "reviewer", "admin"])
    add.add_argument("--password-file", required=True, type=Path,
                     help=say("cli.help.hub.user.password_file"))
    add.add_argument("--display-name", default="", help=say("cli.help.hub.user.display_name"))
    hub_option(add)
    add.set_defaults(handler=hub_user_add)
    users = user.add_parser("list", parents=[common], help=say("cli.help.hub.user.list"))
    hub_option(users)
    add_json_flag(users)
    users.set_defaults(handler=hub_user_list)

    connect = hub.add_parser("connect", parents=[common], help=say("cli.help.hub.connect"))
    connect.add_argument("url", help=say("cli.help.hub.connect.url"))
    connect.add_argument("--user", help=say("cli.help.hub.connect.user"))
    connect.add_argument("--password-file", type=Path, help=say("cli.help.hub.password_file"))
    drafts = connect.add_mutually_exclusive_group()
    drafts.add_argument("--backup-drafts", dest="backup_drafts", action="store_true", default=None,
                        help=say("cli.help.hub.backup_drafts"))
    drafts.add_argument("--no-backup-drafts", dest="backup_drafts", action="store_false",
                        help=say("cli.help.hub.no_backup_drafts"))
    connect.set_defaults(handler=hub_connect)

    status = hub.add_parser("status", parents=[common], help=say("cli.help.hub.status"))
    add_json_flag(status)
    status.set_defaults(handler=hub_status)

    listing = hub.add_parser("inspections", parents=[common], help=say("cli.help.hub.inspections"))
    hub_option(listing)
    add_json_flag(listing)
    listing.set_defaults(handler=hub_inspections)

    history = hub.add_parser("history", parents=[common], help=say("cli.help.hub.history"))
    history.add_argument("park", help=say("cli.help.hub.park_name"))
    hub_option(history)
    add_json_flag(history)
    history.set_defaults(handler=hub_history)

    parks = hub.add_parser("parks", parents=[common], help=say("cli.help.hub.parks"))
    parks.add_argument("--pending", action="store_true")
    hub_option(parks)
    add_json_flag(parks)
    parks.set_defaults(handler=hub_parks)

    park = hub.add_parser("park", parents=[common], help=say("cli.help.hub.park")).add_subparsers(
        dest="park_command", required=True, metavar="resolve")
    resolve = park.add_parser("resolve", parents=[common], help=say("cli.help.hub.resolve"))
    resolve.add_argument("proposal", help=say("cli.help.hub.resolve.proposal"))
    target = resolve.add_mutually_exclusive_group(required=True)
    target.add_argument("--park", help=say("cli.help.hub.resolve.park"))
    target.add_argument("--new", action="store_true", help=say("cli.help.hub.resolve.new"))
    hub_option(resolve)
    resolve.set_defaults(handler=hub_park_resolve)

    template = hub.add_parser("template", parents=[common],
                              help=say("cli.help.hub.template")).add_subparsers(
        dest="template_command", required=True, metavar="add")
    template_add = template.add_parser("add", parents=[common], help=say("cli.help.hub.template.add"))
    template_add.add_argument("id", help=say("cli.help.hub.template.id"))
    hub_option(template_add)
    template_add.set_defaults(handler=hub_template_add)

    push = hub.add_parser("push", parents=[common], help=say("cli.help.hub.push"))
    push.add_argument("file", type=Path)
    hub_option(push)
    push.set_defaults(handler=hub_push)

    export = hub.add_parser("export", parents=[common], help=say("cli.help.hub.export"))
    export.add_argument("id", help=say("cli.help.hub.export.id"))
    export.add_argument("--out", required=True, type=Path, help=say("cli.help.hub.export.out"))
    export.add_argument("--revision", type=int, help=say("cli.help.hub.export.revision"))
    hub_option(export)
    export.set_defaults(handler=hub_export)

    revisit = hub.add_parser("revisit", parents=[common], help=say("cli.help.hub.revisit"))
    revisit.add_argument("park", help=say("cli.help.hub.revisit.park"))
    revisit.add_argument("--inspector", action="append", required=True, help=say("cli.help.inspectors"))
    revisit.add_argument("--template", action="append", default=[], help=say("cli.help.template_ids"))
    revisit.add_argument("--date", help=say("cli.help.date"))
    revisit.set_defaults(handler=hub_revisit)

    register_hub(hub, common)  # review, ranking, trends, tracker (inspection/cli/office.py)

    sync = commands.add_parser("sync", parents=[common], help=say("cli.help.sync"))
    add_json_flag(sync)
    sync.set_defaults(handler=run_sync)


def _role(role: str | None) -> Message | str:
    """A hub role worded (``None``: no role on the hub); an unknown one as it is."""
    code = f"cli.hub.role.{role or 'none'}"
    return Message(code) if code in ROLES else str(role)


def hub_init(args: argparse.Namespace) -> int:
    from inspection.hub.admin import init_hub
    from inspection.hub.folder import read_password_file
    from inspection.hub.migrations import program_schema_version

    password = read_password_file(args.password_file) if args.password_file else None
    done = init_hub(args.url, password=password)
    if done:
        print(Message("cli.hub.migrated", count=len(done), names=list(done)))
    print(Message("cli.hub.schema", version=program_schema_version()))
    return 0


def hub_user_add(args: argparse.Namespace) -> int:
    from inspection.hub.admin import add_user
    from inspection.hub.folder import read_password_file

    password = read_password_file(args.password_file)
    with hub_session(args) as session:
        add_user(session, args.name, args.role, password, display_name=args.display_name)
    print(Message("cli.hub.user_added", name=args.name, role=_role(args.role)))
    print(args.name)
    return 0


def hub_user_list(args: argparse.Namespace) -> int:
    from inspection.hub.admin import users

    with hub_session(args) as session:
        rows = users(session)
    if args.json:
        print_json(rows)
        return 0
    for row in rows:
        print(f"{row['name']}  {_role(row['role'])}  {row['display_name']}")
    return 0


def hub_connect(args: argparse.Namespace) -> int:
    from inspection.hub.folder import connect_folder, read_password_file

    password = read_password_file(args.password_file) if args.password_file else None
    root = data_root(args)
    root.mkdir(parents=True, exist_ok=True)
    with connect_folder(root, args.url, user=args.user, password=password,
                        backup_drafts=args.backup_drafts) as session:
        print(Message("cli.hub.connected", hub=session.address.display, role=_role(session.role),
                      path=root / "hub" / "pgpass"))
    return 0


def hub_status(args: argparse.Namespace) -> int:
    from inspection.hub.status import folder_status

    status = folder_status(data_root(args))
    if args.json:
        print_json(status)
        return 0
    if not status["configured"]:
        print(Message("cli.hub.not_configured"))
        return 0
    if status["connected"]:
        print(Message("cli.hub.online", hub=status["hub"], role=_role(status["role"]),
                      version=status["schema_version"]))
    else:
        print(Message("cli.hub.offline", hub=status["hub"], reason=status["reason"]))
    last, success = status["last_sync"], status.get("last_success")
    if not last:
        print(Message("cli.hub.never_synced"))
    elif last["outcome"] in ("done", "partly"):
        print(Message("cli.hub.last_sync", when=_stamp(last["finished_at"]), outcome=last["outcome_label"]))
    else:  # a failed attempt does not hide when the last sync went through
        print(Message("cli.hub.last_success", when=_stamp(success["finished_at"])) if success
              else Message("cli.hub.never_succeeded"))
        print(Message("cli.hub.last_attempt", when=_stamp(last["finished_at"]), outcome=last["outcome_label"],
                      message=last["message"] or "—"))
    waiting = status["waiting"]
    if not status.get("uploads", True):
        print(Message("cli.hub.pull_only", role=_role(status["role"] or _settings_role(args))))
    else:
        print(say("cli.hub.waiting", count=len(waiting))
              + (say("cli.hub.with_drafts") if status["backup_drafts"] else ""))
    for item in waiting:
        print(Message("cli.hub.waiting_row", id=item["id"][:8], park=item["park"], date=item["date"],
                      status=status_label(item["status"]), revision=item["revision"]))
    refused = status.get("refused", [])
    if refused:
        print(Message("cli.hub.refused", count=len(refused)))
    for item in refused:
        print(Message("cli.hub.refused_row", id=item["id"][:8], park=item["park"], date=item["date"],
                      status=status_label(item["status"]), revision=item["revision"], reason=item["message"]))
    for park in status["flagged_parks"]:
        print(Message("cli.hub.flagged_park", name=park["name"], note=park["note"]))
    return 0


def _stamp(iso: str) -> str:
    return iso[:19].replace("T", " ")


def _settings_role(args: argparse.Namespace) -> str:
    from inspection.hub.settings import load_settings

    return load_settings(data_root(args)).role


def run_sync(args: argparse.Namespace) -> int:
    from inspection.hub.sync import sync_folder

    def show(progress: SyncProgress) -> None:
        if not args.json and progress.message:
            print(progress.message, file=sys.stderr)

    with store_for(args) as store:
        report = sync_folder(store, data_root(args), progress=show)
    if args.json:
        print_json(report.to_dict())
    else:
        for line in report.lines():
            print(line)
    return 0 if report.outcome == "done" else 1
