"""``bundle`` and ``conflict``: moving an inspection between data folders in a signed .pib file."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from checklists.errors import InvalidInput, language
from inspection.cli.common import Commands, add_json_flag, print_json, store_for

if TYPE_CHECKING:
    from inspection.bundle.importer import ImportResult
    from inspection.signing.keys import SigningKey
    from inspection.store import Store


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    bundle = commands.add_parser("bundle", parents=[common],
                                 help="检查包（.pib）：在数据文件夹之间移交检查").add_subparsers(
        dest="bundle_command", required=True, metavar="export|import|revisions")
    export = bundle.add_parser("export", parents=[common],
                               help="把检查的当前版本导出为检查包，最后一行输出文件路径")
    export.add_argument("id", help="检查编号（至少前 4 位）")
    export.add_argument("--out", required=True, type=Path, help="输出的 .pib 文件")
    export.add_argument("--key", metavar="KEY.p12", type=Path,
                        help="签署检查包的密钥（默认：数据文件夹中唯一的密钥）")
    export.add_argument("--password-file", metavar="F", type=Path,
                        help="含签名密钥密码的文本文件（第一行）；给出时检查包会被签名")
    export.set_defaults(handler=bundle_export)
    imp = bundle.add_parser("import", parents=[common],
                            help="导入检查包：先全部检查，有问题则整包拒绝；最后一行输出检查编号")
    imp.add_argument("file", type=Path)
    imp.add_argument("--trust-signer", action="store_true",
                     help="信任本机尚不认识的签名人（其证书加入本机已知证书）")
    imp.add_argument("--allow-unsigned", action="store_true",
                     help="允许导入未签名的草稿检查包（确认来源可靠时）")
    add_json_flag(imp)
    imp.set_defaults(handler=bundle_import)
    revisions = bundle.add_parser("revisions", parents=[common],
                                  help="列出检查保留的各版本（已签署、被取代、未并入的修改）")
    revisions.add_argument("id")
    add_json_flag(revisions)
    revisions.set_defaults(handler=bundle_revisions)

    conflict = commands.add_parser("conflict", parents=[common],
                                   help="冲突待核：两台电脑都改过的条目").add_subparsers(
        dest="conflict_command", required=True, metavar="list|pick")
    listing = conflict.add_parser("list", parents=[common], help="列出检查的待核冲突")
    listing.add_argument("id")
    add_json_flag(listing)
    listing.set_defaults(handler=conflict_list)
    pick = conflict.add_parser("pick", parents=[common], help="为一项冲突选定本机或对方的内容")
    pick.add_argument("conflict", type=int, help="冲突编号（conflict list 列出）")
    pick.add_argument("choice", choices=["mine", "theirs"], help="mine=本机，theirs=对方")
    pick.set_defaults(handler=conflict_pick)


def _key(args: argparse.Namespace, store: Store) -> SigningKey | None:
    """The signing key the command names (or the folder's only one), opened; None if no
    password file is given."""
    if args.password_file is None:
        if args.key is not None:
            raise InvalidInput("bundle.key_needs_password")
        return None
    from inspection.bundle.errors import BundleRefused
    from inspection.cli.reports import read_password
    from inspection.signing.keys import load_signing_key
    path = args.key
    if path is None:
        found = sorted(store.data_dir.keys.glob("*.p12"))
        if not found:
            raise BundleRefused("bundle.no_key")
        if len(found) > 1:
            raise BundleRefused("bundle.many_keys")
        path = found[0]
    return load_signing_key(path, read_password(args.password_file))


def bundle_export(args: argparse.Namespace) -> int:
    from inspection.bundle.export import export_bundle
    with store_for(args) as store:
        inspection_id = store.resolve_inspection_id(args.id)
        result = export_bundle(store, inspection_id, args.out, key=_key(args, store))
    if not result.signed:
        print("注意：检查包未签名（草稿）；对方导入时需确认来源" if language() != "en" else
              "Note: the bundle is unsigned (a draft); the receiver must confirm its source",
              file=sys.stderr)
    print(result.path)
    return 0


def bundle_import(args: argparse.Namespace) -> int:
    from inspection.bundle.importer import import_bundle
    with store_for(args, create=True) as store:
        result = import_bundle(store, args.file, trust_signer=args.trust_signer,
                               allow_unsigned=args.allow_unsigned)
    if args.json:
        print_json(result.to_dict())
    else:
        print(_describe(result))
    print(result.inspection_id)
    return 0


def _describe(result: ImportResult) -> str:
    english = language() == "en"
    what = {"create": ("新导入", "imported"), "nothing": ("已有此版本，未作改动", "already here; nothing changed"),
            "merge": ("已逐项合并", "merged item by item"),
            "replace": ("已用检查包中的版本取代本机版本", "the bundle's revision replaced the one here"),
            "archive": ("较早的已签署版本，已保留备查", "an older signed revision, kept readable")}[result.action]
    line = (f"{what[1]}: revision {result.revision}" if english
            else f"{what[0]}：第 {result.revision} 版")
    if result.conflicts:
        line += (f", {result.conflicts} conflicts to review" if english
                 else f"，{result.conflicts} 项冲突待核")
    if not result.signed:
        line += " (unsigned bundle)" if english else "（未签名的检查包）"
    return line


def bundle_revisions(args: argparse.Namespace) -> int:
    with store_for(args) as store:
        inspection_id = store.resolve_inspection_id(args.id)
        revisions = store.revisions(inspection_id)
        current = store.inspection(inspection_id)
    if args.json:
        print_json({"current": {"revision": current.revision, "status": current.status.value},
                    "kept": [r.__dict__ for r in revisions]})
        return 0
    print(f"当前：第 {current.revision} 版（{current.status.label}）")
    for r in revisions:
        print(f"第 {r.revision} 版\t{r.label}\t{r.signer}\t{r.created_at}")
    return 0


def conflict_list(args: argparse.Namespace) -> int:
    with store_for(args) as store:
        inspection_id = store.resolve_inspection_id(args.id)
        conflicts = store.conflicts(inspection_id)
    if args.json:
        print_json([{"id": c.id, "entity": c.entity, "key": c.key, "item": c.item,
                     "mine": c.mine["record"], "theirs": c.theirs["record"], "source": c.source}
                    for c in conflicts])
        return 0
    for c in conflicts:
        where = " ".join(c.item) if c.item else c.entity
        print(f"{c.id}\t{where}\t{c.entity}\t{c.source}")
    return 0


def conflict_pick(args: argparse.Namespace) -> int:
    with store_for(args) as store:
        store.resolve_conflict(args.conflict, args.choice)
    return 0
