"""``verify`` and ``key``: checking signed reports, signing keys and the certificates trusted here."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from checklists.errors import InvalidInput, Message, UserError, messages
from inspection.cli.common import Commands, add_json_flag, data_root, print_json, require_suffix
from inspection.cli.reports import read_password
from inspection.cli.words import say
from inspection.paths import DataDir

MESSAGES = messages({
    "cli.verify_missing": ("找不到文件：{path}", "No such file: {path}"),
    "cli.verify_not_file": ("不是普通文件，无法验证：{path}", "Not a regular file, cannot verify: {path}"),
    "cli.untrust_prefix": ("fingerprint：请给出证书指纹的前至少 8 位十六进制数字，收到“{value}”",
                           "fingerprint: give at least the first 8 hex digits of the "
                           "certificate's fingerprint; got “{value}”"),
    "cli.untrust_none": ("本机信任的证书中没有指纹以 {value} 开头的证书",
                         "No trusted certificate's fingerprint starts with {value}"),
    "cli.untrust_ambiguous": ("指纹 {value} 对应 {count} 张证书，请多给几位",
                              "The fingerprint {value} matches {count} certificates; give more digits"),
    "cli.untrust_own": ("这是本机签名密钥 {path} 的证书：不能取消信任自己的密钥",
                        "This is the certificate of this laptop's own signing key {path}; "
                        "your own key cannot be untrusted"),
    "cli.verify.invalid": ("签名无效：{reason}", "The signature is not valid: {reason}"),
    "cli.key.made": ("已新建签名密钥：{name}（{organisation}），证书 {certificate}",
                     "Made the signing key of {name} ({organisation}); its certificate is {certificate}"),
    "cli.key.imported": ("已导入签名密钥", "Imported the signing key"),
    "cli.key.who": ("{name}（{organisation}）", "{name} ({organisation})"),
    "cli.key.trusted_already": ("该证书已在本机信任的证书中：{who}",
                                "The certificate is among those trusted here already: {who}"),
    "cli.key.trusted": ("已信任 {who} 的证书。请通过电话等可靠途径与本人核对指纹：\n  SHA-256 {fingerprint}",
                        "The certificate of {who} is trusted now. Check its fingerprint with them"
                        " by a reliable way, e.g. on the phone:\n  SHA-256 {fingerprint}"),
    "cli.key.expired": ("注意：该证书已于 {day} 过期，只能核实过期前签署的报告。",
                        "Note: the certificate expired on {day}; it can only vouch for reports signed"
                        " before then."),
    "cli.key.untrusted": ("已不再信任 {name}（{organisation}）的证书",
                          "The certificate of {name} ({organisation}) is no longer trusted"),
    "cli.key.none": ("本机还没有签名密钥，也没有信任的证书。",
                     "There are no signing keys and no trusted certificates here yet."),
    "cli.key.own_title": ("本机的签名密钥：", "Signing keys of this computer:"),
    "cli.key.trusted_title": ("本机信任的证书：", "Certificates trusted here:"),
    "cli.key.row": ("  {name}{organisation}  有效期 {start} 至 {end}{expired}\n    SHA-256 {fingerprint}",
                    "  {name}{organisation}  valid from {start} to {end}{expired}\n    SHA-256 {fingerprint}"),
    "cli.key.row_organisation": ("（{organisation}）", " ({organisation})"),
    "cli.key.row_expired": ("（已过期）", " (expired)"),
})
HELP = messages({
    "cli.help.verify": ("验证签署的报告：完整且签署人可信时退出码为 0（其他退出码见 verify --help）",
                        "verify a signed report: exit status 0 when it is whole and its signer is"
                        " trusted (the other statuses: verify --help)"),
    "cli.help.verify.statuses": ("""\
退出码（exit status）：
  0  文件完整、签名覆盖整个文件、签名证书签署时可用，且签名证书在本机信任的证书中
  1  签名无效：签署后被改动或被追加了内容、文件损坏、没有签名、不是 PDF，
     或签名证书在签署时不可用（过期、未生效、用途不符、密钥太弱）
  2  无法验证：文件不存在、无法读取、超过大小上限，或命令写错
  3  文件完整，但签署人未知：签名证书不在本机信任的证书中
  4  文件完整，但有冒充风险：本机信任的证书中有同名签署人，签名用的却是另一张证书
信任同事的证书：key trust 同事的证书.crt（先通过电话等可靠途径核对指纹）。
""", """\
Exit status:
  0  the file is whole, the signature covers all of it, the signing certificate was usable
     when it signed, and it is among the certificates trusted here
  1  the signature is not valid: the file was changed or added to after signing, it is
     damaged, it has no signature, it is not a PDF, or the signing certificate was not usable
     when it signed (expired, not yet valid, meant for something else, too weak a key)
  2  cannot verify: no such file, it cannot be read, it is over the size limit, or the
     command is mistyped
  3  the file is whole, but the signer is unknown: the signing certificate is not trusted here
  4  the file is whole, but someone may pose as the signer: a trusted certificate here has
     the signer's name, yet another certificate signed
To trust a colleague's certificate: key trust colleague.crt (first check its fingerprint with
them by a reliable way, e.g. on the phone).
"""),
    "cli.help.key": ("签名密钥与本机信任的证书", "signing keys and the certificates trusted here"),
    "cli.help.key.new": ("新建签名密钥（自签名证书，有效期 5 年），最后一行输出文件路径",
                         "make a signing key (a self-signed certificate valid for 5 years); prints"
                         " the file's path on the last line"),
    "cli.help.key.name": ("签名人姓名", "the signer's name"),
    "cli.help.key.organisation": ("单位", "the organisation"),
    "cli.help.key.title": ("职务", "the job title"),
    "cli.help.key.out": ("输出的 .p12 文件（证书写在旁边的 .crt；已有的文件不会被覆盖）",
                         "the .p12 file to write (the certificate goes beside it, as .crt; an"
                         " existing file is never replaced)"),
    "cli.help.key.password_file": ("含密码的文本文件（第一行）；不给时在终端询问",
                                   "a text file holding the password (its first line); without it,"
                                   " the password is asked on the terminal"),
    "cli.help.key.import": ("把签名密钥导入本机数据文件夹", "import a signing key into this data folder"),
    "cli.help.key.trust": ("信任同事的证书（.crt，不含私钥）：其签署的报告在本机验证为身份已核实",
                           "trust a colleague's certificate (.crt, without a private key): the"
                           " reports they sign verify here with the signer's identity confirmed"),
    "cli.help.key.certificate": ("证书文件（PEM 或 DER）", "the certificate file (PEM or DER)"),
    "cli.help.key.untrust": ("不再信任某张证书（按指纹）", "stop trusting a certificate (by its fingerprint)"),
    "cli.help.key.fingerprint": ("SHA-256 指纹（至少前 8 位）", "its SHA-256 fingerprint (at least the first 8 digits)"),
    "cli.help.key.list": ("列出本机的签名密钥和信任的证书（含 SHA-256 指纹）",
                          "list this computer's signing keys and the certificates trusted here"
                          " (with their SHA-256 fingerprints)"),
})


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    verify = commands.add_parser(
        "verify", parents=[common], epilog=say("cli.help.verify.statuses"),
        formatter_class=argparse.RawDescriptionHelpFormatter, help=say("cli.help.verify"))
    verify.add_argument("file", type=Path)
    add_json_flag(verify)
    verify.set_defaults(handler=verify_report)

    key = commands.add_parser("key", parents=[common], help=say("cli.help.key")).add_subparsers(
        dest="key_command", required=True, metavar="new|import|trust|untrust|list")
    new = key.add_parser("new", parents=[common], help=say("cli.help.key.new"))
    new.add_argument("--name", required=True, help=say("cli.help.key.name"))
    new.add_argument("--organisation", required=True, help=say("cli.help.key.organisation"))
    new.add_argument("--title", default="", help=say("cli.help.key.title"))
    new.add_argument("--out", required=True, type=Path, help=say("cli.help.key.out"))
    new.add_argument("--password-file", metavar="F", type=Path, help=say("cli.help.key.password_file"))
    new.set_defaults(handler=key_new)
    imp = key.add_parser("import", parents=[common], help=say("cli.help.key.import"))
    imp.add_argument("file", type=Path)
    imp.add_argument("--password-file", metavar="F", type=Path)
    imp.set_defaults(handler=key_import)
    trust = key.add_parser("trust", parents=[common], help=say("cli.help.key.trust"))
    trust.add_argument("file", type=Path, help=say("cli.help.key.certificate"))
    trust.set_defaults(handler=key_trust)
    untrust = key.add_parser("untrust", parents=[common], help=say("cli.help.key.untrust"))
    untrust.add_argument("fingerprint", help=say("cli.help.key.fingerprint"))
    untrust.set_defaults(handler=key_untrust)
    listing = key.add_parser("list", parents=[common], help=say("cli.help.key.list"))
    add_json_flag(listing)
    listing.set_defaults(handler=key_list)


def _keys_dir(args: argparse.Namespace) -> Path:
    return DataDir(data_root(args)).keys


def verify_report(args: argparse.Namespace) -> int:
    from inspection.report.errors import NotAPdf, NotSigned
    from inspection.signing.verify import verify_pdf

    path = Path(args.file)
    if not path.exists():
        raise InvalidInput("cli.verify_missing", path=str(path))
    if not path.is_file():
        raise InvalidInput("cli.verify_not_file", path=str(path))
    try:
        result = verify_pdf(path, trusted_dir=_keys_dir(args))
    except (NotSigned, NotAPdf) as exc:  # a file that is not a signed report: not valid
        if args.json:
            print_json({"path": str(path), "outcome": "invalid", "exit_status": 1, "ok": False,
                        "summary": exc.text(), "problems": [exc.text()]})
        else:
            print(Message("cli.verify.invalid", reason=exc), file=sys.stderr)
        return 1
    if args.json:
        print_json(result.to_dict())
    else:
        print(result.summary)
    return result.exit_status


def key_new(args: argparse.Namespace) -> int:
    from inspection.files import check_output_path
    from inspection.signing.keys import (
        CERT_SUFFIX,
        check_new_key_fields,
        check_password,
        create_signing_key,
    )
    from inspection.signing.trust import trust_certificate

    require_suffix(args.out, "--out", ".p12", ".pfx")
    check_new_key_fields(name=args.name, organisation=args.organisation, title=args.title)
    # Never into a data folder (its database, photos, reports …), onto a device or a pipe: the
    # key file and the certificate beside it alike, before the password is asked. This folder's
    # keys/ is where the window keeps keys too; a key is only ever created there as a new file.
    keys = _keys_dir(args).expanduser().resolve()
    for target in (args.out, Path(args.out).with_suffix(CERT_SUFFIX)):
        if Path(target).expanduser().resolve().parent != keys:
            check_output_path(target, data_dir=data_root(args))  # an existing file: key.exists
    password = read_password(args.password_file, confirm=True)
    check_password(password)
    path = create_signing_key(name=args.name, organisation=args.organisation,
                              password=password, out=args.out, title=args.title)
    # This laptop made the key, so it trusts the certificate: its reports verify as trusted here.
    from cryptography import x509
    certificate = x509.load_pem_x509_certificate(path.with_suffix(".crt").read_bytes())
    trust_certificate(certificate, _keys_dir(args))
    print(Message("cli.key.made", name=args.name.strip(), organisation=args.organisation.strip(),
                  certificate=path.with_suffix(".crt")), file=sys.stderr)
    print(path)
    return 0


def key_import(args: argparse.Namespace) -> int:
    from inspection.signing.keys import import_signing_key

    password = read_password(args.password_file)
    path = import_signing_key(args.file, password, _keys_dir(args))
    print(Message("cli.key.imported"), file=sys.stderr)
    print(path)
    return 0


def key_trust(args: argparse.Namespace) -> int:
    from inspection.signing.trust import fingerprint_text, load_certificate_file, trust_certificate
    from inspection.signing.trust import trusted_certificates as listed

    certificate = load_certificate_file(args.file)
    keys = _keys_dir(args)
    before = {entry.fingerprint for entry in listed(keys)}
    entry = trust_certificate(certificate, keys)
    who = Message("cli.key.who", name=entry.name, organisation=entry.organisation) \
        if entry.organisation else entry.name
    if entry.fingerprint in before:
        print(Message("cli.key.trusted_already", who=who), file=sys.stderr)
    else:
        print(Message("cli.key.trusted", who=who, fingerprint=fingerprint_text(entry.fingerprint)),
              file=sys.stderr)
    if entry.expired:
        print(Message("cli.key.expired", day=f"{entry.not_after.astimezone():%Y-%m-%d}"),
              file=sys.stderr)
    print(entry.path)
    return 0


def key_untrust(args: argparse.Namespace) -> int:
    from inspection.signing.trust import remove_trusted, trusted_certificates

    prefix = "".join(str(args.fingerprint).split()).replace(":", "").lower()
    if len(prefix) < 8 or any(ch not in "0123456789abcdef" for ch in prefix):
        raise InvalidInput("cli.untrust_prefix", value=args.fingerprint)
    matches = [e for e in trusted_certificates(_keys_dir(args)) if e.fingerprint.startswith(prefix)]
    if not matches:
        raise UserError("cli.untrust_none", value=prefix)
    if len(matches) > 1:
        raise UserError("cli.untrust_ambiguous", value=prefix, count=len(matches))
    entry = matches[0]
    if entry.own:
        raise UserError("cli.untrust_own", path=str(entry.path.with_suffix(".p12")))
    # Every copy of this certificate in the folder goes (a file may have been put there twice).
    removed = remove_trusted(entry.fingerprint, _keys_dir(args))
    print(Message("cli.key.untrusted", name=entry.name, organisation=entry.organisation),
          file=sys.stderr)
    for path in removed:
        print(path)
    return 0


def key_list(args: argparse.Namespace) -> int:
    from inspection.signing.trust import fingerprint_text, trusted_certificates

    entries = trusted_certificates(_keys_dir(args))
    rows = [{"kind": "own" if e.own else "trusted", "name": e.name,
             "organisation": e.organisation, "title": e.title, "fingerprint": e.fingerprint,
             "not_before": e.not_before.date().isoformat(),
             "not_after": e.not_after.date().isoformat(), "expired": e.expired,
             "path": str(e.path)} for e in entries]
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        print(Message("cli.key.none"))
        return 0
    for title, kind in ((Message("cli.key.own_title"), "own"),
                        (Message("cli.key.trusted_title"), "trusted")):
        chosen = [(e, r) for e, r in zip(entries, rows, strict=True) if r["kind"] == kind]
        if not chosen:
            continue
        print(title)
        for entry, row in chosen:
            state = say("cli.key.row_expired") if row["expired"] else ""
            organisation = say("cli.key.row_organisation", organisation=row["organisation"]) \
                if row["organisation"] else ""
            print(Message("cli.key.row", name=row["name"], organisation=organisation,
                          start=row["not_before"], end=row["not_after"], expired=state,
                          fingerprint=fingerprint_text(entry.fingerprint)))
    return 0
