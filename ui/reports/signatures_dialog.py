"""现场签名: every inspector and the park's representative sign by hand on the laptop.

The dialog lists who is expected to sign (the inspectors of the inspection, and at least one
park representative), shows who has (thumbnail, name, title, time) and says plainly who is
still missing. Signing opens a pad; signatures are stored with ``Store.set_signature``.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from checklists.errors import language
from inspection.model import Inspection, Park, Signature, SignerRole
from inspection.palette import BORDER, MUTED, RESULT_COLORS
from inspection.signers import Lapsed
from ui.base.discard import DiscardGuard
from ui.base.error_reporting import report_error
from ui.base.i18n import join_list, tr
from ui.base.tasks import TaskRunner
from ui.base.widgets import clear_layout, grow_to_fit, has_touch_screen, hline, muted_label
from ui.reports.signature_pad import SignaturePad

THUMB = QSize(150, 50)




def role_label(role: SignerRole) -> str:
    return tr("检查人员", "one signer") if role is SignerRole.INSPECTOR else tr("园区代表", "one signer")


@dataclass(frozen=True)
class Signer:
    """Someone who signs the report by hand; *signature* is None while they have not."""

    role: SignerRole
    name: str  # "" for a park representative whose name is not known yet
    title: str = ""
    signature: Signature | None = None

    @property
    def label(self) -> str:
        return tr("{0}（{1}）").format(self.name, role_label(self.role)) if self.name \
            else role_label(self.role)


def expected_signers(inspection: Inspection, signatures: list[Signature],
                     park: Park | None = None, lapsed: Sequence[Lapsed] = ()) -> list[Signer]:
    """Each inspector, then the park representative(s): those who signed, or one to come (the
    one whose signature of an earlier revision lapsed, else the park's first contact)."""
    by_key = {(s.role, s.name): s for s in signatures}
    signers = [Signer(SignerRole.INSPECTOR, name, by_key[(SignerRole.INSPECTOR, name)].title
                      if (SignerRole.INSPECTOR, name) in by_key else "",
                      by_key.get((SignerRole.INSPECTOR, name))) for name in inspection.inspectors]
    listed = {(s.role, s.name) for s in signers}
    signers += [Signer(s.role, s.name, s.title, s) for s in signatures
                if s.role is SignerRole.INSPECTOR and (s.role, s.name) not in listed]
    representatives = [Signer(s.role, s.name, s.title, s) for s in signatures
                       if s.role is SignerRole.PARK_REPRESENTATIVE]
    gone = [g.signature for g in lapsed if g.signature.role is SignerRole.PARK_REPRESENTATIVE]
    if not representatives and gone:
        representatives = [Signer(s.role, s.name, s.title) for s in gone]
    if not representatives:
        contact = park.contacts[0] if park is not None and park.contacts else {}
        representatives = [Signer(SignerRole.PARK_REPRESENTATIVE, contact.get("name", ""),
                                  contact.get("title", ""))]
    return signers + representatives


def missing_signatures(inspection: Inspection, signatures: list[Signature]) -> list[str]:
    """Who still has to sign by hand, as labels: ["李四（检查人员）", "园区代表"]."""
    return [s.label for s in expected_signers(inspection, signatures) if s.signature is None]


def local_time(iso: str) -> str:
    """2026-11-20 15:30 (the time it was, where the laptop is now)."""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except (TypeError, ValueError):
        return iso or ""


def signature_pixmap(png: bytes, size: QSize = THUMB) -> QPixmap:
    image = QImage.fromData(png, "PNG")
    if image.isNull():
        return QPixmap()
    return QPixmap.fromImage(image.scaled(size, Qt.AspectRatioMode.KeepAspectRatio,
                                          Qt.TransformationMode.SmoothTransformation))


class SignDialog(QDialog):
    """One person signs: name and title (the park representative types both), then the pad."""

    def __init__(self, signer: Signer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grow_to_fit(self)  # a message shown later grows the dialog, never squashes it
        self.signer = signer
        self.setWindowTitle(tr("签名 — {0}").format(signer.label))
        self.name = QLineEdit(signer.name)
        self.name.setPlaceholderText(tr("签名人姓名"))
        self.name.setReadOnly(signer.role is SignerRole.INSPECTOR and bool(signer.name))
        self.title_edit = QLineEdit(signer.title)
        self.title_edit.setPlaceholderText(tr("如：园区管委会副主任（可不填）"))
        form = QFormLayout()
        form.addRow(tr("身份："), QLabel(role_label(signer.role)))
        form.addRow(tr("姓名："), self.name)
        form.addRow(tr("职务："), self.title_edit)
        self.pad = SignaturePad(self)
        # a finger needs room: on a touch screen the pad is about as wide as the screen allows
        self.pad.setMinimumSize(QSize(900, 360) if has_touch_screen() else QSize(520, 210))
        self.undo_button = QPushButton(tr("撤销一笔"))
        self.undo_button.setToolTip(tr("撤销最后一笔（Ctrl+Z）"))
        self.clear_button = QPushButton(tr("清除"))
        self.undo_button.clicked.connect(self.pad.undo)
        self.clear_button.clicked.connect(self.pad.clear)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.pad.undo)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr("保存签名"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.missing = muted_label(wrap=False)  # why 保存签名 is not available yet
        row = QHBoxLayout()
        row.addWidget(self.undo_button)
        row.addWidget(self.clear_button)
        row.addStretch()
        row.addWidget(self.missing)
        row.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.pad, 1)
        layout.addLayout(row)
        self.pad.changed.connect(self._update)
        self.name.textChanged.connect(self._update)
        self._update()
        (self.pad if self.name.text() else self.name).setFocus()
        typed = (self.name.text(), self.title_edit.text())
        self.discard = DiscardGuard(self, lambda: not self.pad.is_empty() or typed != (
            self.name.text(), self.title_edit.text()), tr("放弃这个签名？"),
            tr("已经写下的签名和填写的内容不会保存。"))

    def reject(self) -> None:
        if self.discard.may_close():
            super().reject()

    def _update(self) -> None:
        missing = []
        if not self.name.text().strip():
            missing.append(tr("签名人姓名"))
        if self.pad.is_empty():
            missing.append(tr("签名"))
        self.missing.setText(tr("还需：{0}").format(join_list(missing)) if missing else "")
        self.ok_button.setToolTip(self.missing.text())
        self.ok_button.setEnabled(not missing)
        self.undo_button.setEnabled(not self.pad.is_empty())
        self.clear_button.setEnabled(not self.pad.is_empty())


class SignaturesDialog(QDialog):
    """Who has signed by hand, who has not; sign, sign again, or remove a signature."""

    signatures_changed = Signal()

    def __init__(self, runner: TaskRunner, inspection_id: str, *, prefs=None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner, self.inspection_id, self.prefs = runner, inspection_id, prefs
        self.inspection: Inspection | None = None
        self.park: Park | None = None
        self.signers: list[Signer] = []
        self.sign_dialog: SignDialog | None = None
        self.row_buttons: list[tuple[QPushButton, QPushButton | None]] = []
        self.setWindowTitle(tr("现场签名"))
        intro = muted_label(tr("检查人员和园区代表分别在本机上手写签名；签名显示在报告的“签字确认”页。"
                               "签署报告前请让所有人签名。"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("signatureStatus")
        self.rows = QGridLayout()
        self.rows.setHorizontalSpacing(18)
        self.rows.setVerticalSpacing(8)
        rows_box = QFrame()
        rows_box.setLayout(self.rows)
        self.add_button = QPushButton(tr("另一位园区代表签名…"))
        self.add_button.clicked.connect(
            lambda: self.sign(Signer(SignerRole.PARK_REPRESENTATIVE, "")))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.add_button)
        bottom.addStretch()
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.status)
        layout.addWidget(hline())
        layout.addWidget(rows_box)
        layout.addStretch(1)
        layout.addLayout(bottom)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 58)
        self.status.setText(tr("正在读取签名…"))
        self.lapsed: dict[tuple[SignerRole, str], Lapsed] = {}
        self.reload()

    # --- data ------------------------------------------------------------------------------

    def reload(self) -> None:
        iid = self.inspection_id

        def read(store):
            inspection = store.inspection(iid)
            held, lapsed = store.signature_standing(iid)
            return inspection, store.park(inspection.park_id), held, lapsed

        self.runner.db(read, self._loaded, lambda exc: report_error(exc, self))

    def _loaded(self, data) -> None:
        self.inspection, self.park, signatures, lapsed = data
        self.lapsed = {(g.signature.role, g.signature.name): g for g in lapsed}
        self.signers = expected_signers(self.inspection, signatures, self.park, lapsed)
        self._show_rows()

    @property
    def missing(self) -> list[Signer]:
        return [s for s in self.signers if s.signature is None]

    # --- showing -----------------------------------------------------------------------------

    def _show_rows(self) -> None:
        clear_layout(self.rows)
        self.row_buttons = []
        locked = self.inspection.locked
        for column, text in enumerate((tr("身份"), tr("签名"), tr("姓名 / 职务"), tr("时间"))):
            head = QLabel(text)
            head.setStyleSheet(f"color: {MUTED};")
            self.rows.addWidget(head, 0, column)
        for row, signer in enumerate(self.signers, start=1):
            self.rows.addWidget(QLabel(role_label(signer.role)), row, 0)
            image = QLabel()
            image.setFixedSize(THUMB + QSize(8, 8))
            image.setAlignment(Qt.AlignmentFlag.AlignCenter)
            color = MUTED if signer.signature is not None else RESULT_COLORS["partial"]
            image.setStyleSheet(f"QLabel {{ background: white; border: 1px solid {BORDER};"
                                f" border-radius: 4px; color: {color}; }}")
            if signer.signature is not None:
                image.setPixmap(signature_pixmap(signer.signature.image_png))
            elif (signer.role, signer.name) in self.lapsed:  # what it confirmed changed
                gone = self.lapsed[(signer.role, signer.name)]
                image.setText(tr("第 {0} 版的签名已失效").format(gone.signature.carried_from))
                image.setWordWrap(True)
                image.setToolTip(gone.reason().text(language()))
            else:
                image.setText(tr("未签名"))
            self.rows.addWidget(image, row, 1)
            who = QLabel(f"<b>{_esc(signer.name) or tr('（姓名待填）')}</b>"
                         + (f"<br><span style='color:{MUTED}'>{_esc(signer.title)}</span>"
                            if signer.title else ""))
            self.rows.addWidget(who, row, 2)
            when = (local_time(signer.signature.signed_at) if signer.signature
                    else "")
            if signer.signature is not None and signer.signature.carried_from is not None:
                when = tr("签于第 {0} 版\n{1}").format(signer.signature.carried_from, when)
            self.rows.addWidget(QLabel(when), row, 3)
            sign = QPushButton(tr("重新签名…") if signer.signature else tr("签名…"))
            sign.setEnabled(not locked)
            sign.clicked.connect(lambda _=False, s=signer: self.sign(s))
            remove = None
            if signer.signature is not None:
                remove = QPushButton(tr("删除"))
                remove.setEnabled(not locked)
                remove.clicked.connect(lambda _=False, s=signer: self.remove(s))
            actions = QHBoxLayout()
            actions.setSpacing(self.fontMetrics().horizontalAdvance("中"))  # apart, not touching
            actions.addWidget(sign)
            if remove is not None:
                actions.addWidget(remove)
            actions.addStretch()
            self.rows.addLayout(actions, row, 4)
            self.row_buttons.append((sign, remove))
        self.rows.setColumnStretch(2, 1)
        self.rows.setColumnMinimumWidth(2, self.fontMetrics().horizontalAdvance("中") * 10)
        self.rows.setColumnMinimumWidth(3, self.fontMetrics().horizontalAdvance("2026-11-20 15:30"))
        # The buttons' column as wide as its widest content (重新签名… 删除) from the start: a
        # first signature must not move the 签名… buttons from under the pointer.
        widest = (QPushButton(tr("重新签名…")).sizeHint().width() + QPushButton(tr("删除")).sizeHint().width()
                  + self.fontMetrics().horizontalAdvance("中"))
        self.rows.setColumnMinimumWidth(4, widest)
        self.add_button.setEnabled(not locked)
        self._show_status()
        self.layout().activate()
        hint = self.sizeHint()
        self.resize(max(self.width(), hint.width()), max(self.height(), hint.height()))

    def _show_status(self) -> None:
        if self.inspection.locked:
            text = tr("该检查已签署（第 {0} 版），签名不能再更改；如需修改，请先重新打开检查。").format(
                self.inspection.revision)
            color = MUTED
        elif self.missing:
            text = tr("还缺 {0} 个签名：{1}").format(
                len(self.missing), join_list(s.label for s in self.missing))
            color = RESULT_COLORS["partial"]
        else:
            text = tr("签名已齐全（{0} 人）。").format(len(self.signers))
            color = RESULT_COLORS["pass"]
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {color}; font-weight: bold;")

    # --- signing -----------------------------------------------------------------------------

    def sign(self, signer: Signer) -> None:
        """Open the pad for *signer*; the signature is stored when they press 保存签名."""
        if signer.role is SignerRole.INSPECTOR and not signer.title and self.prefs is not None \
                and signer.name == self.prefs.inspector_name:
            signer = Signer(signer.role, signer.name, self.prefs.title, signer.signature)
        dialog = SignDialog(signer, self)
        dialog.accepted.connect(lambda: self._store(dialog))
        self.sign_dialog = dialog
        dialog.open()

    def _store(self, dialog: SignDialog) -> None:
        iid, role = self.inspection_id, dialog.signer.role
        name, title = dialog.name.text().strip(), dialog.title_edit.text().strip()
        png = dialog.pad.to_png()
        old = dialog.signer.signature

        def write(store):
            if old is not None and old.name != name:  # a renamed representative replaces the old
                store.remove_signature(old.id)
            return store.set_signature(iid, role, name, image_png=png, title=title)

        self.runner.db(write, lambda _sig: self._changed(), self._failed)

    def remove(self, signer: Signer) -> None:
        if signer.signature is None:
            return
        answer = QMessageBox.question(
            self, tr("删除签名"), tr("删除 {0} 的签名？删除后需要重新签名。").format(signer.label))
        if answer != QMessageBox.StandardButton.Yes:
            return
        signature_id = signer.signature.id
        self.runner.db(lambda store: store.remove_signature(signature_id),
                       lambda _none: self._changed(), self._failed)

    def _changed(self) -> None:
        self.signatures_changed.emit()
        self.reload()

    def _failed(self, exc: BaseException) -> None:
        report_error(exc, self, title=tr("签名没有保存"))
        self.reload()


def _esc(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
