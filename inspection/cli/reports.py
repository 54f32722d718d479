"""``report`` and ``export``: reports and Excel (``verify`` and ``key``: inspection.cli.signing)."""
from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from checklists.errors import InvalidInput, UserError, language, messages
from inspection.cli.common import Commands, store_for

MESSAGES = messages({
    "report.out_or_docx": ("report：请给出 --out FILE.pdf（PDF 报告）或 --docx FILE.docx（Word 副本）之一",
                           "report: give either --out FILE.pdf (the PDF report) or "
                           "--docx FILE.docx (a Word copy)"),
    "report.docx_unsigned": ("docx：Word 副本不能签署；签署请用 --out FILE.pdf --sign KEY.p12",
                             "docx: a Word copy cannot be signed; to sign, use --out FILE.pdf "
                             "--sign KEY.p12"),
    "report.docx_suffix": ("docx：Word 文件名应以 .docx 结尾，收到“{path}”",
                           "docx: the Word file name must end in .docx, not “{path}”"),
    "report.xlsx_suffix": ("xlsx：Excel 文件名应以 .xlsx 结尾，收到“{path}”",
                           "xlsx: the Excel file name must end in .xlsx, not “{path}”"),
})


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    report = commands.add_parser(
        "report", parents=[common],
        help="生成检查报告 PDF；加 --sign 时签署报告并锁定检查，最后一行输出文件路径")
    report.add_argument("id", help="检查编号（至少前 4 位）")
    report.add_argument("--out", type=Path, help="输出的 PDF 文件")
    report.add_argument("--docx", metavar="FILE.docx", type=Path,
                        help="改为输出可编辑的 Word 副本（标明未签署；有签署的报告时注明其 SHA-256）")
    report.add_argument("--sign", metavar="KEY.p12", type=Path,
                        help="用此签名密钥签署（签署后检查被锁定）；不加则生成未签署的草稿")
    report.add_argument("--password-file", metavar="F", type=Path,
                        help="含签名密钥密码的文本文件（第一行）；不给时在终端询问")
    report.add_argument("--photos-per-page", type=int, choices=[1, 2, 4], default=2,
                        help="附件中每页照片数：1 大图、2 中图（默认）、4 小图")
    report.set_defaults(handler=make_report)

    export = commands.add_parser("export", parents=[common], help="把检查结果导出为 Excel")
    export.add_argument("id")
    export.add_argument("--xlsx", required=True, type=Path, help="输出的 .xlsx 文件")
    export.set_defaults(handler=export_excel)


MAX_PASSWORD_FILE = 4096  # a password file holds one line

MESSAGES = messages({
    "cli.password_file_missing": ("password-file：找不到文件 {path}", "password-file: no such file {path}"),
    "cli.password_file_unreadable": ("password-file：无法读取 {path}（{reason}）",
                                     "password-file: cannot read {path} ({reason})"),
    "cli.password_file_kind": ("password-file：应为普通的文本文件：{path}",
                               "password-file: should be an ordinary text file: {path}"),
    "cli.password_file_needed": ("password-file：请用 --password-file 给出密码文件",
                                 "password-file: give the password in a file with --password-file"),
    "cli.password_mismatch": ("password：两次输入的密码不一致", "password: the two entries differ"),
})


def read_password(path: Path | None, *, confirm: bool = False) -> str:
    """The first line of *path* (without its line ending), or asked on the terminal.

    Only a regular file is read, and only its first 4 kB (``/dev/zero`` or a FIFO never hangs).
    """
    if path is not None:
        try:
            if not Path(path).is_file():
                if not Path(path).exists():
                    raise InvalidInput("cli.password_file_missing", path=str(path))
                raise InvalidInput("cli.password_file_kind", path=str(path))
            with open(path, "rb") as handle:
                text = handle.read(MAX_PASSWORD_FILE).decode("utf-8-sig")
        except FileNotFoundError:
            raise InvalidInput("cli.password_file_missing", path=str(path)) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise InvalidInput("cli.password_file_unreadable", path=str(path),
                               reason=str(exc)) from None
        lines = text.splitlines()
        return lines[0] if lines else ""
    if not sys.stdin.isatty():
        raise InvalidInput("cli.password_file_needed")
    password = getpass.getpass("签名密钥密码：")
    if confirm and getpass.getpass("再输入一次：") != password:
        raise InvalidInput("cli.password_mismatch")
    return password


def _progress(done: int, total: int, message: str) -> None:
    print(f"\r{message}（{done}/{total}）", end="", file=sys.stderr, flush=True)


def make_report(args: argparse.Namespace) -> int:
    from inspection.signing.issue import export_report, issue_report

    if (args.out is None) == (args.docx is None):
        raise InvalidInput("report.out_or_docx")
    if args.docx is not None:
        return make_word_copy(args)
    password = read_password(args.password_file) if args.sign else ""
    progress = _progress if sys.stderr.isatty() else None
    with store_for(args) as store:
        inspection_id = store.resolve_inspection_id(args.id)
        out = store.check_output(args.out, kind="pdf")  # never into the data folder, a signed report, a device
        if args.sign:
            path = issue_report(store, inspection_id, key_path=args.sign, password=password,
                                out=out, progress=progress,
                                photos_per_page=args.photos_per_page)
            stored = store.reports(inspection_id)[-1].file(store.data_dir)
            message = f"已签署报告，检查已锁定（副本保存在 {stored}）"
        else:
            path = export_report(store, inspection_id, out=out, progress=progress,
                                 photos_per_page=args.photos_per_page)
            inspection = store.inspection(inspection_id)
            message = (f"已生成未签署的副本（检查已签署，第 {inspection.revision} 版；"
                       "以带数字签名的报告为准）" if inspection.locked
                       else "已生成未签署的报告（草稿，检查未锁定）")
    if progress is not None:
        print(file=sys.stderr)
    print(message, file=sys.stderr)
    print(path)
    return 0


def make_word_copy(args: argparse.Namespace) -> int:
    """``report ID --docx FILE.docx``: the report as an editable Word copy (never signed)."""
    from inspection.report.word import build_docx

    if args.sign:
        raise InvalidInput("report.docx_unsigned")
    if Path(args.docx).suffix.lower() != ".docx":
        raise InvalidInput("report.docx_suffix", path=args.docx)
    with store_for(args) as store:
        inspection_id = store.resolve_inspection_id(args.id)
        snapshot = store.snapshot(inspection_id)
        records = store.reports(inspection_id)
        out = store.check_output(args.docx, kind="zip")  # never into the data folder, a report, a device
        path = build_docx(snapshot, out, data_dir=store.data_dir,
                          signed_report=records[-1] if records else None)
    print("已生成 Word 副本（可编辑，未签署）" + (
        f"；签署的报告 SHA-256 {records[-1].sha256}" if records else ""), file=sys.stderr)
    print(path)
    return 0


def export_excel(args: argparse.Namespace) -> int:
    from inspection.excel import export_xlsx
    from inspection.results import inspection_results

    if Path(args.xlsx).suffix.lower() != ".xlsx":
        raise InvalidInput("report.xlsx_suffix", path=args.xlsx)
    with store_for(args) as store:
        snapshot = store.snapshot(store.resolve_inspection_id(args.id))
        out = store.check_output(args.xlsx, kind="zip")
    notices: list[UserError] = []
    path = export_xlsx(snapshot, inspection_results(snapshot), out, notices=notices)
    print(f"已导出：{snapshot.park.name} {snapshot.inspection.date}", file=sys.stderr)
    for notice in notices:
        print(f"{'Note: ' if language() == 'en' else '注意：'}{notice}", file=sys.stderr)
    print(path)
    return 0
