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

The password is never an argument: ``--password-file`` names a file holding it (first line).
After ``hub connect`` the folder keeps it in a pgpass file only the user may read.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inspection.cli.common import Commands, add_json_flag, data_root, print_json, store_for

if TYPE_CHECKING:
    from inspection.hub.connection import HubSession
    from inspection.hub.sync import SyncProgress

ROLE_LABELS = {"inspector": "检查人员", "reviewer": "审核人员", "admin": "管理员", "superuser": "数据库超级用户"}
STATUS_LABELS = {"draft": "草稿", "in_progress": "检查中", "completed": "已完成", "signed": "已签署"}


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    hub = commands.add_parser("hub", parents=[common], help="中心服务器（PostgreSQL）").add_subparsers(
        dest="hub_command", required=True,
        metavar="init|user|connect|status|inspections|history|parks|park|template|push|export|revisit"
                "|review|reviews|ranking|trends|tracker")

    init = hub.add_parser("init", parents=[common], help="在中心数据库中建立或升级数据结构（需管理员连接）")
    init.add_argument("url", help="PostgreSQL 连接串或 postgresql:// 地址（数据库超级用户或其所有者）")
    init.add_argument("--password-file", type=Path, help="含密码的文件（第一行）")
    init.set_defaults(handler=hub_init)

    user = hub.add_parser("user", parents=[common], help="中心用户").add_subparsers(
        dest="user_command", required=True, metavar="add|list")
    add = user.add_parser("add", parents=[common], help="添加中心用户")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=["inspector", "reviewer", "admin"])
    add.add_argument("--password-file", required=True, type=Path, help="新用户的密码（文件第一行）")
    add.add_argument("--display-name", default="", help="显示名称（如姓名）")
    _hub_option(add)
    add.set_defaults(handler=hub_user_add)
    users = user.add_parser("list", parents=[common], help="列出中心用户")
    _hub_option(users)
    add_json_flag(users)
    users.set_defaults(handler=hub_user_list)

    connect = hub.add_parser("connect", parents=[common], help="让此数据文件夹连接中心服务器（测试后保存）")
    connect.add_argument("url", help="PostgreSQL 连接串或 postgresql:// 地址")
    connect.add_argument("--user", help="中心用户名（也可写在地址中）")
    connect.add_argument("--password-file", type=Path, help="含密码的文件（第一行）")
    drafts = connect.add_mutually_exclusive_group()
    drafts.add_argument("--backup-drafts", dest="backup_drafts", action="store_true", default=None,
                        help="同步时也把草稿和检查中的检查备份到中心")
    drafts.add_argument("--no-backup-drafts", dest="backup_drafts", action="store_false",
                        help="只同步已完成和已签署的检查（默认）")
    connect.set_defaults(handler=hub_connect)

    status = hub.add_parser("status", parents=[common], help="连接状态、角色、待上传的检查")
    add_json_flag(status)
    status.set_defaults(handler=hub_status)

    listing = hub.add_parser("inspections", parents=[common], help="列出中心的检查及其记录数")
    _hub_option(listing)
    add_json_flag(listing)
    listing.set_defaults(handler=hub_inspections)

    history = hub.add_parser("history", parents=[common], help="一个园区在中心的历次检查")
    history.add_argument("park", help="园区名称或中心编号")
    _hub_option(history)
    add_json_flag(history)
    history.set_defaults(handler=hub_history)

    parks = hub.add_parser("parks", parents=[common], help="中心的园区登记（--pending：待办公室核对的）")
    parks.add_argument("--pending", action="store_true")
    _hub_option(parks)
    add_json_flag(parks)
    parks.set_defaults(handler=hub_parks)

    park = hub.add_parser("park", parents=[common], help="园区登记").add_subparsers(
        dest="park_command", required=True, metavar="resolve")
    resolve = park.add_parser("resolve", parents=[common], help="办公室核对一个待定园区")
    resolve.add_argument("proposal", help="待定园区的编号（hub parks --pending）")
    target = resolve.add_mutually_exclusive_group(required=True)
    target.add_argument("--park", help="它就是中心已登记的这个园区（编号或名称）")
    target.add_argument("--new", action="store_true", help="它是一个新园区，登记它")
    _hub_option(resolve)
    resolve.set_defaults(handler=hub_park_resolve)

    template = hub.add_parser("template", parents=[common], help="中心的检查模板").add_subparsers(
        dest="template_command", required=True, metavar="add")
    template_add = template.add_parser("add", parents=[common],
                                       help="把本数据文件夹中的一个模板放到中心，各电脑同步时取得")
    template_add.add_argument("id", help="模板编号（templates 列出）")
    _hub_option(template_add)
    template_add.set_defaults(handler=hub_template_add)

    push = hub.add_parser("push", parents=[common],
                          help="把一个检查包（.pib，如 U 盘带来的）上传到中心，由当前用户上传")
    push.add_argument("file", type=Path)
    _hub_option(push)
    push.set_defaults(handler=hub_push)

    export = hub.add_parser("export", parents=[common], help="把中心上的一次检查导出为检查包（.pib）")
    export.add_argument("id", help="检查编号（完整 UUID）")
    export.add_argument("--out", required=True, type=Path, help="检查包文件（.pib）")
    export.add_argument("--revision", type=int, help="修订版（默认：中心的当前版本）")
    _hub_option(export)
    export.set_defaults(handler=hub_export)

    revisit = hub.add_parser("revisit", parents=[common],
                             help="新建复查：带入中心记录的该园区未完成整改，输出其编号")
    revisit.add_argument("park", help="园区名称（本机）")
    revisit.add_argument("--inspector", action="append", required=True, help="检查人员，可重复")
    revisit.add_argument("--template", action="append", default=[], help="模板编号，可重复")
    revisit.add_argument("--date", help="检查日期 YYYY-MM-DD（默认今天）")
    revisit.set_defaults(handler=hub_revisit)

    from inspection.cli.office import register_hub  # review, ranking, trends, tracker
    register_hub(hub, common)

    sync = commands.add_parser("sync", parents=[common], help="与中心同步：先上传，再下载")
    add_json_flag(sync)
    sync.set_defaults(handler=run_sync)


def _hub_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--hub", metavar="URL",
                        help="中心地址（默认：此数据文件夹连接的中心）；密码取自 PGPASSWORD 或 ~/.pgpass")


def _session(args: argparse.Namespace) -> HubSession:
    from inspection.hub.folder import open_address, open_folder_hub

    if getattr(args, "hub", None):
        return open_address(args.hub)
    return open_folder_hub(data_root(args))


def hub_init(args: argparse.Namespace) -> int:
    from inspection.hub.admin import init_hub
    from inspection.hub.folder import read_password_file
    from inspection.hub.migrations import program_schema_version

    password = read_password_file(args.password_file) if args.password_file else None
    done = init_hub(args.url, password=password)
    if done:
        print(f"已应用 {len(done)} 项结构变更：{'、'.join(done)}")
    print(f"中心数据结构为第 {program_schema_version()} 版")
    return 0


def hub_user_add(args: argparse.Namespace) -> int:
    from inspection.hub.admin import add_user
    from inspection.hub.folder import read_password_file

    password = read_password_file(args.password_file)
    with _session(args) as session:
        add_user(session, args.name, args.role, password, display_name=args.display_name)
    print(f"已添加中心用户 {args.name}（{ROLE_LABELS[args.role]}）")
    print(args.name)
    return 0


def hub_user_list(args: argparse.Namespace) -> int:
    from inspection.hub.admin import users

    with _session(args) as session:
        rows = users(session)
    if args.json:
        print_json(rows)
        return 0
    for row in rows:
        print(f"{row['name']}  {ROLE_LABELS.get(row['role'], row['role'])}  {row['display_name']}")
    return 0


def hub_connect(args: argparse.Namespace) -> int:
    from inspection.hub.folder import connect_folder, read_password_file

    password = read_password_file(args.password_file) if args.password_file else None
    root = data_root(args)
    root.mkdir(parents=True, exist_ok=True)
    with connect_folder(root, args.url, user=args.user, password=password,
                        backup_drafts=args.backup_drafts) as session:
        role = ROLE_LABELS.get(session.role or "", "无中心角色")
        print(f"已连接中心 {session.address.display}（{role}）；密码保存在 {root / 'hub' / 'pgpass'}（仅本用户可读）")
    return 0


def hub_status(args: argparse.Namespace) -> int:
    from inspection.hub.status import folder_status

    status = folder_status(data_root(args))
    if args.json:
        print_json(status)
        return 0
    if not status["configured"]:
        print("此数据文件夹未连接中心服务器（hub connect URL）")
        return 0
    if status["connected"]:
        role = ROLE_LABELS.get(status["role"] or "", "无中心角色")
        print(f"中心：{status['hub']}（已连接，{role}，数据结构第 {status['schema_version']} 版）")
    else:
        print(f"中心：{status['hub']}（离线：{status['reason']}）")
    last = status["last_sync"]
    if last:
        print(f"上次同步：{last['finished_at'][:19].replace('T', ' ')}（{last['outcome_label']}）")
    else:
        print("上次同步：从未同步")
    waiting = status["waiting"]
    print(f"待上传：{len(waiting)} 项检查" + ("（含草稿备份）" if status["backup_drafts"] else ""))
    for item in waiting:
        print(f"  {item['id'][:8]}  {item['park']}  {item['date']}  {STATUS_LABELS[item['status']]}"
              f"  第 {item['revision']} 版")
    for park in status["flagged_parks"]:
        print(f"园区待办公室核对：{park['name']}（{park['note']}）")
    return 0


def _inspection_lines(rows: list[dict[str, Any]]) -> None:
    for row in rows:
        review = {"approved": "  已通过", "returned": "  已退回"}.get(row.get("review") or "", "")
        print(f"{row['id'][:8]}  {row['park']}  {row['date']}  {row['inspector']}  "
              f"{STATUS_LABELS.get(row['status'], row['status'])}  第 {row['revision']} 版  "
              f"答案 {row['answers']}  照片 {row['photos']}  整改 {row['findings']}{review}")


def hub_inspections(args: argparse.Namespace) -> int:
    from inspection.hub.listing import inspections

    with _session(args) as session:
        rows = inspections(session)
    if args.json:
        print_json(rows)
        return 0
    _inspection_lines(rows)
    print(f"共 {len(rows)} 项检查")
    return 0


def hub_history(args: argparse.Namespace) -> int:
    from inspection.hub.listing import park_history

    with _session(args) as session:
        history = park_history(session, args.park)
    if args.json:
        print_json(history)
        return 0
    park = history["park"]
    print(f"{park['name']}（{park['id']}）{park['address']}")
    _inspection_lines(history["inspections"])
    return 0


def hub_parks(args: argparse.Namespace) -> int:
    from inspection.hub.listing import pending_parks, registry_parks

    with _session(args) as session:
        rows = pending_parks(session) if args.pending else registry_parks(session)
    if args.json:
        print_json(rows)
        return 0
    for row in rows:
        if args.pending:
            print(f"{row['id']}  {row['name']}  {row['address'] or '（无地址）'}  由 {row['proposed_by']} 提交"
                  f"  同名已登记：{row['candidates'] or '无'}")
        else:
            print(f"{row['id']}  {row['name']}  {row['address']}")
    return 0


def hub_park_resolve(args: argparse.Namespace) -> int:
    from inspection.hub.listing import resolve_park

    with _session(args) as session:
        result = resolve_park(session, args.proposal, None if args.new else args.park)
    print(("已登记为新园区 " if result["state"] == "new" else "已对应中心园区 ") + result["park_id"])
    return 0


def hub_template_add(args: argparse.Namespace) -> int:
    from inspection.hub.templates import add_template

    with store_for(args) as store, _session(args) as session:
        added = add_template(session, store, args.id)
    print(f"中心已有模板 {added['id']}（第 {added['version']} 版）：{added['title']}")
    return 0


def hub_push(args: argparse.Namespace) -> int:
    from inspection.hub.transfer import push_bundle_file
    from inspection.paths import DataDir

    with _session(args) as session:
        result = push_bundle_file(session, args.file, keys_dir=DataDir(data_root(args)).keys)
    what = "中心已有此版本" if result["outcome"] == "present" else "已上传"
    print(f"{what}：第 {result['revision']} 版（{STATUS_LABELS.get(result['status'], result['status'])}）")
    print(result["inspection_id"])
    return 0


def hub_export(args: argparse.Namespace) -> int:
    from inspection.files import check_output_path
    from inspection.hub.transfer import export_revision

    out = check_output_path(args.out, data_dir=data_root(args), kind="zip")  # never into a data folder
    with _session(args) as session:
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
    print(f"已新建复查（{revisit.park_name} {revisit.date}），带入未完成整改 {carried} 项")
    print(revisit.id)
    return 0


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
