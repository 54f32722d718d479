"""``report`` and ``export``: reports and Excel (``verify`` and ``key``: inspection.cli.signing)."""
from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from checklists.errors import InvalidInput, Message, UserError, messages
from inspection.cli.common import Commands, require_suffix, store_for
from inspection.cli.words import label, say

if TYPE_CHECKING:
    from inspection.store import Store

MESSAGES = messages({
    "report.out_or_docx": ("report：请给出 --out FILE.pdf（PDF 报告）或 --docx FILE.docx（Word 副本）之一",
                           "report: give either --out FILE.pdf (the PDF report) or "
                           "--docx FILE.docx (a Word copy)"),
    "report.docx_unsigned": ("docx：Word 副本不能签署；签署请用 --out FILE.pdf --sign KEY.p12",
                             "docx: a Word copy cannot be signed; to sign, use --out FILE.pdf "
                             "--sign KEY.p12"),
    "cli.report.signed": ("已签署报告，检查已锁定（副本保存在 {stored}）",
                          "Signed the report; the inspection is locked (a copy is kept in {stored})"),
    "cli.report.copy": ("已生成未签署的副本（检查已签署，第 {revision} 版；以带数字签名的报告为准）",
                        "Made an unsigned copy (the inspection is signed, revision {revision}; the"
                        " digitally signed report is the one that counts)"),
    "cli.report.draft": ("已生成未签署的报告（草稿，检查未锁定）",
                         "Made an unsigned report (a draft; the inspection is not locked)"),
    "cli.report.word": ("已生成 Word 副本（可编辑，未签署）", "Made a Word copy (editable, not signed)"),
    "cli.report.word_of_signed": ("已生成 Word 副本（可编辑，未签署）；签署的报告 SHA-256 {sha}",
                                  "Made a Word copy (editable, not signed); the signed report's"
                                  " SHA-256 is {sha}"),
    "cli.report.progress": ("{message}（{done}/{total}）", "{message} ({done}/{total})"),
    "cli.export.done": ("已导出：{park} {date}", "Exported: {park} {date}"),
    "cli.password.ask": ("签名密钥密码：", "Signing key password: "),
    "cli.password.again": ("再输入一次：", "Once more: "),
    "cli.report.not_ready": (
        "没有签署：{missing}。窗口中签署时也要确认这些问题；确认仍要签署请加 --acknowledge-missing",
        "Not signed: {missing}. Signing in the window asks to acknowledge these too; to sign"
        " anyway, add --acknowledge-missing"),
    "cli.report.unanswered": ("{open} 个条目未检查（共 {total} 个）",
                              "{open} of {total} items are not checked"),
    "cli.report.no_signatures": ("缺少手写签名：{names}", "handwritten signatures missing: {names}"),
    "cli.report.lapsed": ("{name} 在第 {revision} 版的签名已失效（{reason}）",
                          "{name}'s signature of revision {revision} lapsed ({reason})"),
    "cli.report.photo_files": ("{count} 张照片的文件缺失", "the files of {count} photos are missing"),
    "cli.report.signer": ("{name}（{role}）", "{name} ({role})"),
})
HELP = messages({
    "cli.help.report": ("生成检查报告 PDF；加 --sign 时签署报告并锁定检查，最后一行输出文件路径",
                        "make the inspection's report (PDF); with --sign, sign it and lock the"
                        " inspection; prints the file's path on the last line"),
    "cli.help.report.out": ("输出的 PDF 文件", "the PDF file to write (.pdf)"),
    "cli.help.report.docx": ("改为输出可编辑的 Word 副本（标明未签署；有签署的报告时注明其 SHA-256）",
                             "write an editable Word copy instead (marked unsigned; with the signed"
                             " report's SHA-256 when there is one)"),
    "cli.help.report.sign": ("用此签名密钥签署（签署后检查被锁定）；不加则生成未签署的草稿",
                             "sign with this signing key (signing locks the inspection); without it,"
                             " an unsigned draft"),
    "cli.help.report.acknowledge": (
        "签署时已知悉未检查的条目、缺少的手写签名或缺失的照片文件，仍要签署（如窗口中的“我已知悉…”）",
        "sign although items are not checked, handwritten signatures or photo files are missing"
        " (as the window asks to acknowledge before signing)"),
    "cli.help.report.photos": ("附件中每页照片数：1 大图、2 中图（默认）、4 小图",
                               "photos per page in the attachment: 1 large, 2 medium (default), 4 small"),
    "cli.help.export": ("把检查结果导出为 Excel", "export the inspection's results to Excel"),
    "cli.help.export.xlsx": ("输出的 .xlsx 文件", "the .xlsx file to write"),
})


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    report = commands.add_parser(
        "report", parents=[common],
        help=say("cli.help.report"))
    report.add_argument("id", help=say("cli.help.inspection_id"))
    report.add_argument("--out", type=Path, help=say("cli.help.report.out"))
    report.add_argument("--docx", metavar="FILE.docx", type=Path, help=say("cli.help.report.docx"))
    report.add_argument("--sign", metavar="KEY.p12", type=Path, help=say("cli.help.report.sign"))
    report.add_argument("--password-file", metavar="F", type=Path, help=say("cli.help.password_file"))
    report.add_argument("--acknowledge-missing", action="store_true",
                        help=say("cli.help.report.acknowledge"))
    report.add_argument("--photos-per-page", type=int, choices=[1, 2, 4], default=2,
                        help=say("cli.help.report.photos"))
    report.set_defaults(handler=make_report)

    export = commands.add_parser("export", parents=[common], help=say("cli.help.export"))
    export.add_argument("id")
    export.add_argument("--xlsx", required=True, type=Path, help=say("cli.help.export.xlsx"))
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
    password = getpass.getpass(say("cli.password.ask"))
    if confirm and getpass.getpass(say("cli.password.again")) != password:
        raise InvalidInput("cli.password_mismatch")
    return password


def _progress(done: int, total: int, message: str) -> None:
    print("\r" + say("cli.report.progress", message=message, done=done, total=total), end="",
          file=sys.stderr, flush=True)


def make_report(args: argparse.Namespace) -> int:
    from inspection.signing.issue import export_report, issue_report

    if (args.out is None) == (args.docx is None):
        raise InvalidInput("report.out_or_docx")
    if args.docx is not None:
        return make_word_copy(args)
    require_suffix(args.out, "--out", ".pdf")
    password = read_password(args.password_file) if args.sign else ""
    progress = _progress if sys.stderr.isatty() else None
    with store_for(args) as store:
        inspection_id = store.resolve_inspection_id(args.id)
        out = store.check_output(args.out, kind="pdf")  # never into the data folder, a signed report, a device
        if args.sign:
            if not args.acknowledge_missing:
                refuse_unready(store, inspection_id)
            path = issue_report(store, inspection_id, key_path=args.sign, password=password,
                                out=out, progress=progress,
                                photos_per_page=args.photos_per_page)
            stored = store.reports(inspection_id)[-1].file(store.data_dir)
            message = Message("cli.report.signed", stored=stored)
        else:
            path = export_report(store, inspection_id, out=out, progress=progress,
                                 photos_per_page=args.photos_per_page)
            inspection = store.inspection(inspection_id)
            message = (Message("cli.report.copy", revision=inspection.revision) if inspection.locked
                       else Message("cli.report.draft"))
    if progress is not None:
        print(file=sys.stderr)
    print(message, file=sys.stderr)
    print(path)
    return 0


def refuse_unready(store: Store, inspection_id: str) -> None:
    """What the window asks to acknowledge before signing (我已知悉…) — items not checked,
    handwritten signatures missing or lapsed, photo files gone — refuses ``report --sign`` in
    one line naming all of it, unless ``--acknowledge-missing`` is given."""
    from inspection.photos.importer import missing_report_images
    from inspection.results import inspection_results
    from inspection.signers import missing_signers

    snapshot = store.snapshot(inspection_id)
    if snapshot.inspection.locked:
        return  # issue_report says it is signed already
    found: list[Message] = []
    results = inspection_results(snapshot)
    total = sum(r.total for r in results)
    unanswered = total - sum(r.answered for r in results)
    if unanswered:
        found.append(Message("cli.report.unanswered", open=unanswered, total=total))
    missing = missing_signers(snapshot.inspection, snapshot.signatures)
    if missing:
        found.append(Message("cli.report.no_signatures", names=[  # worded now: joined by 、
            (Message("cli.report.signer", name=name, role=label(role)) if name else label(role)).text()
            for role, name in missing]))
    for gone in store.signature_standing(inspection_id)[1]:
        found.append(Message("cli.report.lapsed", name=gone.signature.name,
                             revision=gone.signature.carried_from, reason=gone.reason()))
    gone_files = missing_report_images(snapshot, store.data_dir)
    if gone_files:
        found.append(Message("cli.report.photo_files", count=len(gone_files)))
    if found:
        raise InvalidInput("cli.report.not_ready", missing=found)


def make_word_copy(args: argparse.Namespace) -> int:
    """``report ID --docx FILE.docx``: the report as an editable Word copy (never signed)."""
    from inspection.report.word import build_docx

    if args.sign:
        raise InvalidInput("report.docx_unsigned")
    require_suffix(args.docx, "--docx", ".docx")
    with store_for(args) as store:
        inspection_id = store.resolve_inspection_id(args.id)
        snapshot = store.snapshot(inspection_id)
        records = store.reports(inspection_id)
        out = store.check_output(args.docx, kind="zip")  # never into the data folder, a report, a device
        path = build_docx(snapshot, out, data_dir=store.data_dir,
                          signed_report=records[-1] if records else None)
    print(Message("cli.report.word_of_signed", sha=records[-1].sha256) if records
          else Message("cli.report.word"), file=sys.stderr)
    print(path)
    return 0


def export_excel(args: argparse.Namespace) -> int:
    from inspection.excel import export_xlsx
    from inspection.results import inspection_results

    require_suffix(args.xlsx, "--xlsx", ".xlsx")
    with store_for(args) as store:
        snapshot = store.snapshot(store.resolve_inspection_id(args.id))
        out = store.check_output(args.xlsx, kind="zip")
    notices: list[UserError] = []
    path = export_xlsx(snapshot, inspection_results(snapshot), out, notices=notices)
    print(Message("cli.export.done", park=snapshot.park.name, date=snapshot.inspection.date),
          file=sys.stderr)
    for notice in notices:
        print(Message("cli.note", text=notice), file=sys.stderr)
    print(path)
    return 0
