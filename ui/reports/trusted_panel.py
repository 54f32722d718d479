"""本机信任的证书: the laptop's trust list in the 签名密钥 dialog — trust a colleague's certificate
(.crt, no private key), or stop trusting one. Identity is the SHA-256 fingerprint, shown here.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspection.palette import MUTED
from ui.base.error_reporting import report_error
from ui.base.file_dialogs import KEYS, open_file
from ui.base.i18n import bracketed, tr
from ui.base.tasks import TaskRunner
from ui.base.widgets import muted_label
from ui.reports.fingerprint import fingerprint_lines
from ui.reports.trust_question import trust_question

if TYPE_CHECKING:
    from cryptography import x509

    from inspection.signing.trust import Identity, TrustedCertificate


def short_fingerprint(fingerprint: str) -> str:
    """The first 16 hex digits in groups of four: AB12 CD34 EF56 7890…"""
    text = fingerprint.upper()
    return " ".join(text[i:i + 4] for i in range(0, 16, 4)) + " …"


def read_colleague_certificate(path: Path, keys_dir: Path
                               ) -> tuple[x509.Certificate, Identity]:
    """Background work: the certificate in *path* and what the trust list says about it."""
    from inspection.signing.certificates import check_certificate
    from inspection.signing.trust import identify, load_certificate_file

    certificate = load_certificate_file(path)
    check_certificate(certificate, check_time=False)  # never trust a key that may not sign
    return certificate, identify(certificate, keys_dir)


class TrustedCertificatesPanel(QGroupBox):
    """The trust list as a table; 信任同事的证书… and 不再信任 change it (atomically, in keys/)."""

    changed = Signal()

    def __init__(self, runner: TaskRunner, keys_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(tr("本机信任的证书"), parent)
        self.runner, self.keys_dir = runner, Path(keys_dir)
        self.entries: list[TrustedCertificate] = []
        self.question: QMessageBox | None = None
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setHeaderLabels([tr("签署人"), tr("单位"), tr("有效期至"), tr("SHA-256 指纹")])
        header = self.table.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setMinimumHeight(self.fontMetrics().height() * 6)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.empty = muted_label(tr("还没有信任任何证书。"))
        self.add_button = QPushButton(tr("信任同事的证书（.crt）…"))
        self.remove_button = QPushButton(tr("不再信任"))
        self.remove_button.setEnabled(False)
        self.add_button.clicked.connect(self.choose_certificate)
        self.remove_button.clicked.connect(self.remove_selected)
        note = muted_label(tr("同事签署的报告要在本机验证为“身份已核实”，需先信任其证书（.crt，不含私钥）。"
                              "信任前请通过电话等可靠途径与本人核对指纹。身份只认证书指纹，不认姓名。"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        layout.addWidget(note)
        layout.addLayout(buttons)
        self.refresh()

    # --- the list --------------------------------------------------------------------------------

    def refresh(self) -> None:
        from inspection.signing.trust import trusted_certificates

        keys = self.keys_dir
        self.runner.background(lambda _progress: trusted_certificates(keys), self._show,
                               lambda exc: report_error(exc, self))

    def _show(self, entries: list[TrustedCertificate]) -> None:
        self.entries = entries
        self.table.clear()
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        for entry in entries:
            name = entry.name + (tr("（本机密钥）") if entry.own else "")
            until = f"{entry.not_after.astimezone():%Y-%m-%d}" + (tr("（已过期）") if entry.expired
                                                                  else "")
            item = QTreeWidgetItem([name, entry.organisation or "—", until,
                                    short_fingerprint(entry.fingerprint)])
            item.setFont(3, fixed)
            item.setToolTip(3, fingerprint_lines(entry.fingerprint))
            if entry.own:
                for column in range(4):
                    item.setForeground(column, QBrush(QColor(MUTED)))
            self.table.addTopLevelItem(item)
        self.empty.setVisible(not entries)
        self._selection_changed()

    def selected(self) -> TrustedCertificate | None:
        rows = [self.table.indexOfTopLevelItem(item) for item in self.table.selectedItems()]
        return self.entries[rows[0]] if rows and 0 <= rows[0] < len(self.entries) else None

    def _selection_changed(self) -> None:
        entry = self.selected()
        self.remove_button.setEnabled(entry is not None and not entry.own)

    # --- trusting ----------------------------------------------------------------------------------

    def choose_certificate(self) -> None:
        path = open_file(self, KEYS, tr("信任同事的证书"),
                         tr("证书 (*.crt *.pem *.cer);;所有文件 (*)"))
        if path is not None:
            self.ask_to_trust(path)

    def ask_to_trust(self, path: Path) -> None:
        """Read *path* in the background, then ask (with the fingerprint) before trusting it."""
        keys = self.keys_dir
        self.runner.background(lambda _progress: read_colleague_certificate(path, keys),
                               lambda found: self._ask(*found),
                               lambda exc: report_error(exc, self, title=tr("证书没有信任")))

    def _ask(self, certificate: x509.Certificate, identity: Identity) -> None:
        from inspection.signing.keys import describe_certificate
        from inspection.signing.trust import Trust

        if identity.trust is Trust.TRUSTED:
            QMessageBox.information(self, tr("信任同事的证书"), tr("该证书已在本机信任的证书中。"))
            return
        info = describe_certificate(certificate)
        namesakes = [f"{bracketed(e.name, e.organisation)} SHA-256 {short_fingerprint(e.fingerprint)}"
                     for e in identity.same_name]
        self.question = trust_question(
            self, name=info["name"], organisation=info["organisation"],
            fingerprint=identity.fingerprint, not_after=certificate.not_valid_after_utc,
            namesakes=namesakes, on_yes=lambda: self._trust(certificate))

    def _trust(self, certificate: x509.Certificate) -> None:
        from inspection.signing.trust import trust_certificate

        keys = self.keys_dir
        self.runner.background(lambda _progress: trust_certificate(certificate, keys),
                               lambda _entry: self._changed(),
                               lambda exc: report_error(exc, self, title=tr("证书没有信任")))

    # --- no longer trusting ------------------------------------------------------------------------

    def remove_selected(self) -> None:
        entry = self.selected()
        if entry is None or entry.own:
            return
        answer = QMessageBox.question(self, tr("不再信任"), tr(
            "不再信任 {0}（{1}）的证书？此后其签署的报告在本机验证为“身份未经核实”。").format(
            entry.name, entry.organisation or "—"))
        if answer == QMessageBox.StandardButton.Yes:
            self.remove(entry)

    def remove(self, entry: TrustedCertificate) -> None:
        from inspection.signing.trust import remove_trusted

        keys, fingerprint = self.keys_dir, entry.fingerprint
        self.runner.background(lambda _progress: remove_trusted(fingerprint, keys),
                               lambda _paths: self._changed(),
                               lambda exc: report_error(exc, self))

    def _changed(self) -> None:
        self.refresh()
        self.changed.emit()
