"""``report``, ``verify``, ``export`` and ``key``: reports, signatures, Excel and signing keys."""
from __future__ import annotations

import getpass
import sys
from pathlib import Path

from checklists.errors import InvalidInput
from inspection.cli.common import add_json_flag, data_root, print_json, store_for
from inspection.paths import DataDir


def register(commands, common) -> None:
    report = commands.add_parser(
        "report", parents=[common],
        help="生成检查报告 PDF；加 --sign 时签署报告并锁定检查，最后一行输出文件路径")
    report.add_argument("id", help="检查编号（至少前 4 位）")
    report.add_argument("--out", required=True, type=Path, help="输出的 PDF 文件")
    report.add_argument("--sign", metavar="KEY.p12", type=Path,
                        help="用此签名密钥签署（签署后检查被锁定）；不加则生成未签署的草稿")
    report.add_argument("--password-file", metavar="F", type=Path,
                        help="含签名密钥密码的文本文件（第一行）；不给时在终端询问")
    report.add_argument("--photos-per-page", type=int, choices=[1, 2, 4], default=2,
                        help="附件中每页照片数：1 大图、2 中图（默认）、4 小图")
    report.set_defaults(handler=make_report)

    verify = commands.add_parser(
        "verify", parents=[common],
        help="验证签署的报告：未被改动且签名覆盖整个文件时退出码为 0")
    verify.add_argument("file", type=Path)
    add_json_flag(verify)
    verify.set_defaults(handler=verify_report)

    export = commands.add_parser("export", parents=[common], help="把检查结果导出为 Excel")
    export.add_argument("id")
    export.add_argument("--xlsx", required=True, type=Path, help="输出的 .xlsx 文件")
    export.set_defaults(handler=export_excel)

    key = commands.add_parser("key", parents=[common], help="签名密钥").add_subparsers(
        dest="key_command", required=True, metavar="new|import|list")
    new = key.add_parser("new", parents=[common],
                         help="新建签名密钥（自签名证书，有效期 5 年），最后一行输出文件路径")
    new.add_argument("--name", required=True, help="签名人姓名")
    new.add_argument("--organisation", required=True, help="单位")
    new.add_argument("--title", default="", help="职务")
    new.add_argument("--out", required=True, type=Path, help="输出的 .p12 文件")
    new.add_argument("--password-file", metavar="F", type=Path,
                     help="含密码的文本文件（第一行）；不给时在终端询问")
    new.set_defaults(handler=key_new)
    imp = key.add_parser("import", parents=[common], help="把签名密钥导入本机数据文件夹")
    imp.add_argument("file", type=Path)
    imp.add_argument("--password-file", metavar="F", type=Path)
    imp.set_defaults(handler=key_import)
    listing = key.add_parser("list", parents=[common], help="列出本机已知的签名证书")
    add_json_flag(listing)
    listing.set_defaults(handler=key_list)


def read_password(path: Path | None, *, confirm: bool = False) -> str:
    """The first line of *path* (without its line ending), or asked on the terminal."""
    if path is not None:
        try:
            text = Path(path).read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise InvalidInput(f"password-file：找不到文件 {path}") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise InvalidInput(f"password-file：无法读取 {path}（{exc}）") from None
        lines = text.splitlines()
        return lines[0] if lines else ""
    if not sys.stdin.isatty():
        raise InvalidInput("password-file：请用 --password-file 给出密码文件")
    password = getpass.getpass("签名密钥密码：")
    if confirm and getpass.getpass("再输入一次：") != password:
        raise InvalidInput("password：两次输入的密码不一致")
    return password


def _progress(done: int, total: int, message: str) -> None:
    print(f"\r{message}（{done}/{total}）", end="", file=sys.stderr, flush=True)


def make_report(args) -> int:
    from inspection.signing.issue import export_report, issue_report

    password = read_password(args.password_file) if args.sign else None
    progress = _progress if sys.stderr.isatty() else None
    with store_for(args) as store:
        inspection_id = store.resolve_inspection_id(args.id)
        if args.sign:
            path = issue_report(store, inspection_id, key_path=args.sign, password=password,
                                out=args.out, progress=progress,
                                photos_per_page=args.photos_per_page)
            stored = store.reports(inspection_id)[-1].file(store.data_dir)
            message = f"已签署报告，检查已锁定（副本保存在 {stored}）"
        else:
            path = export_report(store, inspection_id, out=args.out, progress=progress,
                                 photos_per_page=args.photos_per_page)
            message = "已生成未签署的报告（草稿，检查未锁定）"
    if progress is not None:
        print(file=sys.stderr)
    print(message, file=sys.stderr)
    print(path)
    return 0


def verify_report(args) -> int:
    from inspection.signing.verify import verify_pdf

    keys = DataDir(data_root(args)).keys
    result = verify_pdf(args.file, trusted_dir=keys if keys.is_dir() else None)
    if args.json:
        print_json(result.to_dict())
    else:
        print(result.summary)
    return 0 if result.ok else 1


def export_excel(args) -> int:
    from inspection.excel import export_xlsx
    from inspection.results import inspection_results

    if Path(args.xlsx).suffix.lower() != ".xlsx":
        raise InvalidInput(f"xlsx：Excel 文件名应以 .xlsx 结尾，收到“{args.xlsx}”")
    with store_for(args) as store:
        snapshot = store.snapshot(store.resolve_inspection_id(args.id))
    path = export_xlsx(snapshot, inspection_results(snapshot), args.xlsx)
    print(f"已导出：{snapshot.park.name} {snapshot.inspection.date}", file=sys.stderr)
    print(path)
    return 0


def key_new(args) -> int:
    from inspection.signing.keys import create_signing_key, load_signing_key, remember_certificate

    password = read_password(args.password_file, confirm=True)
    path = create_signing_key(name=args.name, organisation=args.organisation,
                              password=password, out=args.out, title=args.title)
    # This laptop made the key, so it knows the certificate: its reports verify as trusted here.
    remember_certificate(load_signing_key(path, password).certificate,
                         DataDir(data_root(args)).keys)
    print(f"已新建签名密钥：{args.name}（{args.organisation}），证书 {path.with_suffix('.crt')}",
          file=sys.stderr)
    print(path)
    return 0


def key_import(args) -> int:
    from inspection.signing.keys import import_signing_key

    password = read_password(args.password_file)
    path = import_signing_key(args.file, password, DataDir(data_root(args)).keys)
    print("已导入签名密钥", file=sys.stderr)
    print(path)
    return 0


def key_list(args) -> int:
    from inspection.signing.keys import certificate_fingerprint, describe_certificate, known_certificates

    keys = DataDir(data_root(args)).keys
    rows = []
    for certificate in known_certificates(keys):
        info = describe_certificate(certificate)
        rows.append({**info, "fingerprint": certificate_fingerprint(certificate),
                     "not_after": certificate.not_valid_after_utc.date().isoformat()})
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        print("本机还没有已知的签名证书。")
    for row in rows:
        print(f"{row['name']}（{row['organisation']}）  有效期至 {row['not_after']}  "
              f"SHA-256 {row['fingerprint'][:16]}…")
    return 0
