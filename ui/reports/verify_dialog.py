"""验证报告: is this PDF the report as it was signed, and by whom? Said in plain Chinese.

One headline in green, amber or red answers the question people actually ask; the details
below (signer, organisation, time, report number, park, coverage, problems) back it up.
Certificates in the data folder's ``keys/`` are the ones this laptop trusts.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspection.palette import NOTICE_BAD, NOTICE_CAUTION, NOTICE_GOOD, NOTICE_NEUTRAL
from inspection.paths import DataDir
from inspection.report.errors import NotAPdf, NotSigned
from inspection.signing.verification import FileTooLarge, Outcome, Verification
from ui.base.error_reporting import report_error, user_message
from ui.base.file_dialogs import VERIFY, open_file
from ui.base.i18n import tr
from ui.base.tasks import TaskRunner
from ui.base.widgets import grow_to_fit
from ui.reports.export_dialogs import open_file as open_in_viewer
from ui.reports.fingerprint import show_fingerprint
from ui.reports.trust_question import trust_question

if TYPE_CHECKING:
    from cryptography import x509

LEVELS = {"good": NOTICE_GOOD, "caution": NOTICE_CAUTION, "bad": NOTICE_BAD}  # bg, border, text
MARKS = {"good": "✓", "caution": "!", "bad": "✗"}




@dataclass(frozen=True)
class Verdict:
    """The answer in one line (*headline*), a sentence of explanation, and its colour."""

    level: str  # good | caution | bad
    headline: str
    explanation: str


def verdict(verification: Verification | None = None,
            error: BaseException | None = None) -> Verdict:
    """What to tell the user about a :class:`Verification` (or the error verifying raised)."""
    if isinstance(error, NotSigned):
        return Verdict("bad", tr("不是已签署的报告"), tr(
            "该 PDF 没有数字签名：它可能是草稿、打印件或从其他地方生成的文件，不能证明内容未被改动。"))
    if isinstance(error, FileTooLarge):
        return Verdict("bad", tr("无法验证：文件太大"), user_message(error))
    if error is not None or verification is None:
        return Verdict("bad", tr("无法读取：不是有效的 PDF 文件"), tr(
            "文件不是 PDF，或已损坏、不完整。请向报告的提供者重新索取文件。"))
    v = verification
    if not v.intact:
        return Verdict("bad", tr("文件已被改动"), tr(
            "签名与文件内容不符：报告在签署后被改动过或已损坏，内容不可采信。请向签署人索取原件。"))
    if not v.covers_whole_file:
        text = tr("签名本身完好，但签署后又有内容被追加到文件中；追加的内容未经签署人确认，"
                  "此文件不能作为签署的报告使用。请向签署人索取原件。")
        if v.results_replaced:
            text += tr("追加的内容替换了报告附带的检查结果数据；下面的报告编号和园区取自签署时的内容。")
        return Verdict("bad", tr("签名之后文件被追加了内容"), text)
    if v.certificate_problems:
        return Verdict("bad", tr("签名证书在签署时不可用"), tr(
            "文件未被改动，但签名所用的证书在签署时不能用于签署（见下方“发现的问题”），此签名不能采信。"))
    if v.outcome is Outcome.TRUSTED:
        return Verdict("good", tr("签名有效，文件未被改动"), tr(
            "报告自签署以来没有被改动，签名覆盖整个文件；签署人的证书是本机信任的证书（按指纹核对）。"))
    if v.outcome is Outcome.IMPERSONATION:
        return Verdict("bad", tr("冒充风险：签名证书不是本机信任的同名证书"), tr(
            "本机信任的证书中有与签署人同名的人，但签署这份报告的是另一张证书。可能有人以其名义自制了证书："
            "请勿采信，并向本人核实。如果本人确实换了新证书，核对指纹一致后才可以信任这张证书。"))
    return Verdict("caution", tr("文件完整，但签名人身份未经验证（自签名证书）"), tr(
        "报告自签署以来没有被改动，签名覆盖整个文件。签名证书不在本机信任的证书中，因此无法确认签署人是谁；"
        "如需核实，请通过电话等可靠途径向签署人核对下方的证书指纹，一致后点击“信任此证书…”。"))


def appended_description(v: Verification) -> str:
    """签名没有覆盖整个文件: what was appended, in words."""
    size = v.appended_bytes
    amount = (f"{size / 1024 ** 2:.1f} MB" if size >= 1024 ** 2 else
              f"{size / 1024:.1f} KB" if size >= 1024 else tr("{0} 字节").format(size))
    parts = [tr("签名没有覆盖整个文件：签署后文件被追加了内容（{0}）").format(amount)]
    if v.appended_revisions:
        parts.append(tr("其中 {0} 次增量更新").format(v.appended_revisions))
    if v.results_replaced:
        parts.append(tr("替换了附带的检查结果数据"))
    return "，".join(parts)


def signing_time(moment) -> str:
    """2026-11-20 15:30:12（UTC+08:00）, in the laptop's time zone (in English: (UTC+08:00))."""
    from inspection.signing.verify_text import signing_time as worded

    return worded(moment.astimezone())


def verify_file(path: Path, trusted_dir: Path
                ) -> tuple[Verification | None, BaseException | None]:
    """Background work: (verification, None) or (None, the NotSigned / NotAPdf raised)."""
    from inspection.signing.verify import verify_pdf

    try:
        return verify_pdf(path, trusted_dir=trusted_dir), None
    except (NotSigned, NotAPdf, FileTooLarge) as exc:
        return None, exc


class VerifyDialog(QDialog):
    """The result of verifying one PDF; 验证其他文件… checks another in the same window."""

    def __init__(self, runner: TaskRunner, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grow_to_fit(self)  # a message shown later grows the dialog, never squashes it
        self.runner, self.trusted_dir = runner, DataDir(Path(data_dir)).keys
        self.path: Path | None = None
        self.verification: Verification | None = None
        self.error: BaseException | None = None
        self.question: QMessageBox | None = None
        self.result_verdict: Verdict | None = None
        self.setWindowTitle(tr("验证报告"))
        self.banner = QFrame()
        self.banner.setObjectName("verdict")
        self.headline = QLabel()
        self.headline.setObjectName("headline")
        self.headline.setWordWrap(True)
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.headline.setFont(font)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        banner_layout = QVBoxLayout(self.banner)
        banner_layout.setContentsMargins(14, 12, 14, 12)
        banner_layout.addWidget(self.headline)
        banner_layout.addWidget(self.explanation)
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.fields: dict[str, QLabel] = {}
        for key, label in (("file", tr("文件：")), ("signer", tr("签署人：")),
                           ("organisation", tr("单位：")), ("signed_at", tr("签署时间：")),
                           ("report", tr("报告编号：")), ("park", tr("园区：")),
                           ("coverage", tr("签名范围：")), ("identity", tr("签署人身份：")),
                           ("fingerprint", tr("证书指纹（SHA-256）：")),
                           ("validity", tr("证书有效期：")), ("problems", tr("发现的问题："))):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = value
            self.form.addRow(label, value)
        self.buttons = QDialogButtonBox()
        self.trust_button = QPushButton(tr("信任此证书…"))
        self.trust_button.setToolTip(tr("把签署人的证书加入本机信任的证书（先与本人核对指纹）"))
        self.trust_button.clicked.connect(self.trust_signer)
        self.buttons.addButton(self.trust_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.another_button = QPushButton(tr("验证其他文件…"))
        self.open_button = QPushButton(tr("打开文件"))
        self.buttons.addButton(self.another_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.another_button.clicked.connect(self.choose)
        self.open_button.clicked.connect(lambda: self.path and open_in_viewer(self.path))
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addSpacing(6)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 50)
        self._checking(None)

    # --- checking ------------------------------------------------------------------------------

    def choose(self) -> None:
        path = open_file(self, VERIFY, tr("选择要验证的报告"), tr("PDF 文件 (*.pdf);;所有文件 (*)"))
        if path is not None:
            self.check(path)

    def check(self, path: Path) -> None:
        """Verify *path* in the background; the result replaces what is shown."""
        self._checking(path)
        trusted = self.trusted_dir
        self.runner.background(lambda _progress: verify_file(path, trusted),
                               lambda result: self.show_result(path, *result),
                               lambda exc: report_error(exc, self, title=tr("验证没有完成")))

    def _checking(self, path: Path | None) -> None:
        self._paint_banner("pending")
        self.headline.setText(tr("正在验证…") if path else tr("请选择要验证的报告（PDF）"))
        self.explanation.setText(str(path) if path else "")
        for value in self.fields.values():
            value.clear()
        self._show_rows(set())
        self.open_button.setEnabled(False)
        self.trust_button.hide()

    # --- showing -------------------------------------------------------------------------------

    def show_result(self, path: Path, verification: Verification | None,
                    error: BaseException | None) -> None:
        self.path, self.verification, self.error = Path(path), verification, error
        found = verdict(verification, error)
        self.result_verdict = found
        self._paint_banner(found.level)
        self.headline.setText(f"{MARKS[found.level]}  {found.headline}")
        self.explanation.setText(found.explanation)
        self.open_button.setEnabled(True)
        self.fields["file"].setText(str(path))
        if verification is None:
            self.fields["problems"].setText(str(error))
            self._show_rows({"file", "problems"})
            return
        v = verification
        self.fields["signer"].setText(v.signer or tr("（证书中没有姓名）"))
        self.fields["organisation"].setText(v.organisation or "—")
        self.fields["signed_at"].setText(signing_time(v.signed_at) if v.signed_at else
                                         tr("（未记录）"))
        if v.is_report:
            self.fields["report"].setText(tr("{0}（第 {1} 版）").format(v.report_number, v.revision)
                                          if v.revision else v.report_number)
            self.fields["park"].setText(v.park or "—")
        else:
            self.fields["report"].setText(tr("不是本程序生成的检查报告"))
        self.fields["coverage"].setText(
            tr("签名与文件内容不符") if not v.intact else
            tr("整个文件") if v.covers_whole_file else appended_description(v))
        self.fields["identity"].setText(
            tr("无法核实：签名与文件内容不符") if not v.intact else
            tr("已核实：签名证书是本机信任的证书") if v.trusted else
            tr("冒充风险：本机信任的 {0} 与签署人同名，签名用的却是另一张证书").format(
                tr("；").join(v.impersonated)) if v.impersonated else
            tr("未核实：签名证书不在本机信任的证书中"))
        show_fingerprint(self.fields["fingerprint"], v.fingerprint)
        if v.certificate_not_before and v.certificate_not_after:
            period = tr("{0} 至 {1}").format(f"{v.certificate_not_before.astimezone():%Y-%m-%d}",
                                            f"{v.certificate_not_after.astimezone():%Y-%m-%d}")
            self.fields["validity"].setText(
                period + (tr("（签署时不可用）") if v.certificate_problems else tr("（签署时有效）")))
        problems = list(v.problems) if not v.ok or v.impersonated else []
        self.fields["problems"].setText("\n".join(f"• {p}" for p in problems) or tr("无"))
        shown = {"file", "signer", "organisation", "signed_at", "report", "coverage", "identity",
                 "problems"}
        if v.intact:
            shown |= {"fingerprint", "validity"}
        if v.is_report:
            shown.add("park")
        self._show_rows(shown)
        self.trust_button.setVisible(
            v.outcome in (Outcome.UNKNOWN_SIGNER, Outcome.IMPERSONATION) and bool(v.certificate_der))

    # --- trusting the signer ---------------------------------------------------------------------

    def trust_signer(self) -> None:
        """信任此证书…: ask (with the fingerprint), then put the certificate on the trust list."""
        v = self.verification
        certificate = v.certificate if v is not None else None
        if v is None or certificate is None:
            return
        self.question = trust_question(
            self, name=v.signer, organisation=v.organisation, fingerprint=v.fingerprint,
            not_after=v.certificate_not_after, namesakes=v.impersonated,
            on_yes=lambda: self._trust(certificate))

    def _trust(self, certificate: x509.Certificate) -> None:
        from inspection.signing.trust import trust_certificate

        keys, path = self.trusted_dir, self.path
        self.runner.background(lambda _progress: trust_certificate(certificate, keys),
                               lambda _entry: path is not None and self.check(path),
                               lambda exc: report_error(exc, self, title=tr("证书没有信任")))

    def _show_rows(self, keys: set[str]) -> None:
        for key, value in self.fields.items():
            value.setVisible(key in keys)
            self.form.labelForField(value).setVisible(key in keys)
        # Wrapped text changes the height the dialog needs; a shown dialog does not grow by itself.
        self.layout().activate()
        self.resize(self.width(), max(self.height(), self.heightForWidth(self.width()),
                                      self.sizeHint().height()))

    def _paint_banner(self, level: str) -> None:
        background, border, text = LEVELS.get(level, NOTICE_NEUTRAL)
        self.banner.setStyleSheet(
            f"QFrame#verdict {{ background: {background}; border: 1px solid {border};"
            f" border-radius: 6px; }} QFrame#verdict QLabel {{ color: {text}; }}")


class VerifyFlow(QObject):
    """验证报告…: choose a PDF, verify it in the background, show the dialog."""

    def __init__(self, parent: QWidget, runner: TaskRunner, data_dir: Path) -> None:
        super().__init__(parent)
        self.parent_widget, self.runner, self.data_dir = parent, runner, Path(data_dir)
        self.dialog: VerifyDialog | None = None

    def start(self, path: Path | None = None) -> None:
        if path is None:
            path = open_file(self.parent_widget, VERIFY, tr("选择要验证的报告"),
                             tr("PDF 文件 (*.pdf);;所有文件 (*)"))
            if path is None:
                return
        if self.dialog is None:
            self.dialog = VerifyDialog(self.runner, self.data_dir, self.parent_widget)
            self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.dialog.destroyed.connect(lambda *_: setattr(self, "dialog", None))
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.check(path)
