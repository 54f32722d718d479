"""``bundle`` and ``conflict``: moving an inspection between data folders in a signed .pib file."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from checklists.errors import InvalidInput, Message, messages
from inspection.cli.common import Commands, add_json_flag, print_json, require_suffix, store_for
from inspection.cli.words import label, say

if TYPE_CHECKING:
    from inspection.bundle.importer import ImportResult
    from inspection.signing.keys import SigningKey
    from inspection.store import Store


MESSAGES = messages({
    "cli.bundle.unsigned": ("注意：检查包未签名（草稿）；对方导入时需确认来源",
                            "Note: the bundle is unsigned (a draft); the receiver must confirm its source"),
    "cli.bundle.create": ("新导入：第 {revision} 版", "imported: revision {revision}"),
    "cli.bundle.nothing": ("已有此版本，未作改动：第 {revision} 版",
                           "already here; nothing changed: revision {revision}"),
    "cli.bundle.merge": ("已逐项合并：第 {revision} 版", "merged item by item: revision {revision}"),
    "cli.bundle.replace": ("已用检查包中的版本取代本机版本：第 {revision} 版",
                           "the bundle's revision replaced the one here: revision {revision}"),
    "cli.bundle.archive": ("较早的已签署版本，已保留备查：第 {revision} 版",
                           "an older signed revision, kept readable: revision {revision}"),
    "cli.bundle.conflicts": ("，{count} 项冲突待核", ", {count} conflicts to review"),
    "cli.bundle.from_unsigned": ("（未签名的检查包）", " (unsigned bundle)"),
    "cli.bundle.current": ("当前：第 {revision} 版（{status}）", "Current: revision {revision} ({status})"),
    "cli.bundle.sealed": ("已签署", "signed"),
    "cli.bundle.superseded": ("已被新版本取代", "superseded by a newer revision"),
    "cli.bundle.set_aside": ("本机未并入签署版本的修改", "changes here not merged into the signed revision"),
    "cli.conflict.mine": ("保留本机", "kept this computer's"),
    "cli.conflict.theirs": ("采用对方", "took the other's"),
    "cli.conflict.elsewhere": ("已由另一台电脑选定", "settled on another computer"),
})
HELP = messages({
    "cli.help.bundle": ("检查包（.pib）：在数据文件夹之间移交检查",
                        "inspection bundles (.pib): hand an inspection from one data folder to another"),
    "cli.help.bundle.export": ("把检查的当前版本导出为检查包，最后一行输出文件路径",
                               "export the inspection's current revision as a bundle; prints the"
                               " file's path on the last line"),
    "cli.help.bundle.out": ("输出的 .pib 文件", "the .pib file to write"),
    "cli.help.bundle.key": ("签署检查包的密钥（默认：数据文件夹中唯一的密钥）",
                            "the key that signs the bundle (default: the data folder's only key)"),
    "cli.help.bundle.password_file": ("含签名密钥密码的文本文件（第一行）；给出时检查包会被签名",
                                      "a text file holding the signing key's password (its first"
                                      " line); given, the bundle is signed"),
    "cli.help.bundle.import": ("导入检查包：先全部检查，有问题则整包拒绝；最后一行输出检查编号",
                               "import a bundle: all of it is checked first, and refused whole if"
                               " anything is wrong; prints the inspection's id on the last line"),
    "cli.help.bundle.trust_signer": ("信任本机尚不认识的签名人（其证书加入本机已知证书）",
                                     "trust a signer this computer does not know yet (their"
                                     " certificate joins the ones known here)"),
    "cli.help.bundle.allow_unsigned": ("允许导入未签名的草稿检查包（确认来源可靠时）",
                                       "allow an unsigned draft bundle (when you know where it comes from)"),
    "cli.help.bundle.revisions": ("列出检查保留的各版本（已签署、被取代、未并入的修改）",
                                  "list the revisions kept of an inspection (signed, superseded,"
                                  " changes not merged)"),
    "cli.help.conflict": ("冲突待核：两台电脑都改过的条目", "conflicts to review: items changed on two computers"),
    "cli.help.conflict.list": ("列出检查的待核冲突", "list an inspection's conflicts to review"),
    "cli.help.conflict.pick": ("为一项冲突选定本机或对方的内容",
                               "settle a conflict with this computer's content or the other's"),
    "cli.help.conflict.id": ("冲突编号（conflict list 列出）", "the conflict's number (conflict list shows it)"),
    "cli.help.conflict.choice": ("mine=本机，theirs=对方", "mine (this computer's) or theirs (the other's)"),
    "cli.help.conflict.all": ("也列出已选定的冲突（何时、选了哪一方）",
                              "also list the conflicts settled (when, and which side was kept)"),
})


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    bundle = commands.add_parser("bundle", parents=[common],
                                 help=say("cli.help.bundle")).add_subparsers(
        dest="bundle_command", required=True, metavar="export|import|revisions")
    export = bundle.add_parser("export", parents=[common], help=say("cli.help.bundle.export"))
    export.add_argument("id", help=say("cli.help.inspection_id"))
    export.add_argument("--out", required=True, type=Path, help=say("cli.help.bundle.out"))
    export.add_argument("--key", metavar="KEY.p12", type=Path, help=say("cli.help.bundle.key"))
    export.add_argument("--password-file", metavar="F", type=Path,
                        help=say("cli.help.bundle.password_file"))
    export.set_defaults(handler=bundle_export)
    imp = bundle.add_parser("import", parents=[common], help=say("cli.help.bundle.import"))
    imp.add_argument("file", type=Path)
    imp.add_argument("--trust-signer", action="store_true", help=say("cli.help.bundle.trust_signer"))
    imp.add_argument("--allow-unsigned", action="store_true",
                     help=say("cli.help.bundle.allow_unsigned"))
    add_json_flag(imp)
    imp.set_defaults(handler=bundle_import)
    revisions = bundle.add_parser("revisions", parents=[common], help=say("cli.help.bundle.revisions"))
    revisions.add_argument("id")
    add_json_flag(revisions)
    revisions.set_defaults(handler=bundle_revisions)

    conflict = commands.add_parser("conflict", parents=[common],
                                   help=say("cli.help.conflict")).add_subparsers(
        dest="conflict_command", required=True, metavar="list|pick")
    listing = conflict.add_parser("list", parents=[common], help=say("cli.help.conflict.list"))
    listing.add_argument("id")
    listing.add_argument("--all", action="store_true", help=say("cli.help.conflict.all"))
    add_json_flag(listing)
    listing.set_defaults(handler=conflict_list)
    pick = conflict.add_parser("pick", parents=[common], help=say("cli.help.conflict.pick"))
    pick.add_argument("conflict", type=int, help=say("cli.help.conflict.id"))
    pick.add_argument("choice", choices=["mine", "theirs"], help=say("cli.help.conflict.choice"))
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
    require_suffix(args.out, "--out", ".pib")
    with store_for(args) as store:
        inspection_id = store.resolve_inspection_id(args.id)
        result = export_bundle(store, inspection_id, args.out, key=_key(args, store))
    if not result.signed:
        print(Message("cli.bundle.unsigned"), file=sys.stderr)
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
    line = say(f"cli.bundle.{result.action}", revision=result.revision)
    if result.conflicts:
        line += say("cli.bundle.conflicts", count=result.conflicts)
    if not result.signed:
        line += say("cli.bundle.from_unsigned")
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
    print(Message("cli.bundle.current", revision=current.revision, status=label(current.status)))
    for r in revisions:
        kind = say(f"cli.bundle.{r.kind}")
        print(f"{say('cli.revision', revision=r.revision)}\t{kind}\t{r.signer}\t{r.created_at}")
    return 0


def conflict_list(args: argparse.Namespace) -> int:
    with store_for(args) as store:
        inspection_id = store.resolve_inspection_id(args.id)
        conflicts = store.conflicts(inspection_id, open_only=not args.all)
    if args.json:
        print_json([{"id": c.id, "entity": c.entity, "key": c.key, "item": c.item,
                     "mine": c.mine["record"], "theirs": c.theirs["record"], "source": c.source,
                     "created_at": _local(c.created_at), "resolved_at": _local(c.resolved_at),
                     "resolution": c.resolution}
                    for c in conflicts])
        return 0
    for c in conflicts:
        where = " ".join(c.item) if c.item else c.entity
        line = f"{c.id}\t{where}\t{c.entity}\t{c.source}"
        if not c.open:
            picked = say(f"cli.conflict.{c.resolution}" if c.resolution else "cli.conflict.elsewhere")
            line += f"\t{picked}\t{_local(c.resolved_at, minutes=True)}"
        print(line)
    return 0


def _local(stamp: str | None, *, minutes: bool = False) -> str | None:
    """A stored time in this computer's zone (as every time the program shows)."""
    if stamp is None:
        return None
    from datetime import datetime

    try:
        moment = datetime.fromisoformat(stamp).astimezone()
    except ValueError:
        return stamp
    return moment.strftime("%Y-%m-%d %H:%M") if minutes else moment.isoformat(timespec="seconds")


def conflict_pick(args: argparse.Namespace) -> int:
    with store_for(args) as store:
        store.resolve_conflict(args.conflict, args.choice)
    return 0
