"""签名密钥: the inspector's personal signing key — create one here, or import the organisation's.

The key is a PKCS#12 file in the data folder's ``keys/`` (with its certificate beside it); its
path is remembered in QSettings ``signing/key_path``. The password protects the file and is
never stored: it is asked for each time a report is signed.
"""
from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from checklists.errors import language
from inspection.files import check_output_path, write_atomic
from inspection.palette import RESULT_COLORS
from inspection.paths import DataDir
from inspection.signing.certificates import certificate_problems
from inspection.signing.keys import (
    SigningKey,
    WrongPassword,
    create_signing_key,
    describe_key_file,
    import_signing_key,
)
from ui.base.error_reporting import report_error
from ui.base.file_dialogs import KEYS, open_file, save_file
from ui.base.i18n import tr
from ui.base.preferences import Preferences
from ui.base.tasks import TaskRunner
from ui.base.widgets import grow_to_fit, muted_label
from ui.reports.fingerprint import show_fingerprint
from ui.reports.key_forms import (  # noqa: F401 — password_strength re-exported
    CreateKeyDialog,
    PasswordDialog,
    password_strength,
)
from ui.reports.trusted_panel import TrustedCertificatesPanel


def key_path(prefs: Preferences) -> Path | None:
    """The remembered key file, if one is set."""
    return prefs.signing_key_path


def remember_key_path(prefs: Preferences, path: Path) -> None:
    prefs.signing_key_path = path


def key_info(path: Path) -> SigningKey | None:
    """The key as its certificate (beside the key file) describes it — no password, no private
    key; None without a readable certificate. Reads a file: call it inside a runner task."""
    return describe_key_file(path)


def expired(key: SigningKey) -> bool:
    return key.not_after < datetime.now(UTC)


def new_key_file(keys_dir: Path, name: str) -> Path:
    """A new key's file name: its owner and the time (张三-20261120-153012.p12), never taken."""
    stem = re.sub(r"[^\w\-]+", "_", name, flags=re.UNICODE).strip("_") or "key"
    path = Path(keys_dir) / f"{stem}-{datetime.now():%Y%m%d-%H%M%S}.p12"
    counter = 2
    while path.exists():
        path = path.with_name(f"{stem}-{datetime.now():%Y%m%d-%H%M%S}-{counter}.p12")
        counter += 1
    return path


class SigningKeyDialog(QDialog):
    """The current key (who, organisation, validity, fingerprint); create or import another."""

    key_changed = Signal(str)

    def __init__(self, runner: TaskRunner, prefs: Preferences, data_dir: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grow_to_fit(self)  # a message shown later grows the dialog, never squashes it
        self.runner, self.prefs, self.keys_dir = runner, prefs, DataDir(Path(data_dir)).keys
        self.info: SigningKey | None = None
        self.create_dialog: CreateKeyDialog | None = None
        self.password_dialog: PasswordDialog | None = None
        self.setWindowTitle(tr("签名密钥"))
        group = QGroupBox(tr("当前签名密钥"))
        self.form = QFormLayout(group)
        self.empty = muted_label(tr("还没有签名密钥。签署报告需要一个个人签名密钥：可以在本机创建（自签名证书），"
                                    "也可以导入单位颁发的 .p12 文件。"))
        self.fields: dict[str, QLabel] = {}
        for key, label in (("name", tr("签署人：")), ("organisation", tr("单位：")),
                           ("title", tr("职务：")), ("validity", tr("有效期：")),
                           ("fingerprint", tr("指纹（SHA-256）：")), ("path", tr("文件：")),
                           ("problems", tr("不能签署："))):
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(key in ("path", "problems"))
            self.fields[key] = value
            self.form.addRow(label, value)
        self.fields["problems"].setStyleSheet(f"color: {RESULT_COLORS['fail']};")
        self.form.addRow(self.empty)
        self.export_button = QPushButton(tr("导出我的证书（.crt）…"))
        self.export_button.setToolTip(tr("把证书（不含私钥）交给需要核实您签署的报告的同事"))
        self.export_button.clicked.connect(self.export_certificate)
        export_row = QHBoxLayout()
        export_row.addWidget(self.export_button)
        export_row.addStretch()
        self.form.addRow(export_row)
        note = muted_label(tr("需要核实您签署的报告的同事，可以在其电脑上信任您的证书（.crt，不含私钥）。"))
        self.create_button = QPushButton(tr("创建新密钥…"))
        self.import_button = QPushButton(tr("导入单位颁发的密钥（.p12）…"))
        self.create_button.clicked.connect(self.create_key)
        self.import_button.clicked.connect(self.import_key)
        self.trusted = TrustedCertificatesPanel(runner, self.keys_dir, self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.create_button)
        row.addWidget(self.import_button)
        row.addStretch()
        row.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(group)
        layout.addWidget(note)
        layout.addWidget(self.trusted, 1)
        layout.addLayout(row)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 46)
        self.refresh()

    # --- the current key -------------------------------------------------------------------

    def refresh(self) -> None:
        path = key_path(self.prefs)
        if path is None or not path.exists():
            self._show(None)
            return
        self.runner.background(lambda _progress: key_info(path), self._show,
                               lambda exc: report_error(exc, self))

    def _show(self, info: SigningKey | None) -> None:
        self.info = info
        path = key_path(self.prefs)
        has_key = path is not None and path.exists()
        self.empty.setVisible(not has_key)
        if has_key and info is None:
            self.empty.setText(tr("密钥文件旁没有证书文件，无法显示证书信息；签署时仍可使用。"))
            self.empty.show()
        problems = certificate_problems(info.certificate) if info is not None else []
        for key, value in self.fields.items():
            shown = info is not None or (key == "path" and has_key)
            if key == "problems":
                shown = bool(problems)
            value.setVisible(shown)
            self.form.labelForField(value).setVisible(shown)
        self.export_button.setVisible(info is not None)
        if has_key:
            self.fields["path"].setText(str(path))
        if info is None:
            return
        self.fields["name"].setText(info.name)
        self.fields["organisation"].setText(info.organisation or "—")
        self.fields["title"].setText(info.title or "—")
        validity = tr("{0} 至 {1}").format(f"{info.not_before.astimezone():%Y-%m-%d}",
                                          f"{info.not_after.astimezone():%Y-%m-%d}")
        if expired(info):
            validity += tr("（已过期，请创建或导入新密钥）")
        self.fields["validity"].setText(validity)
        self.fields["validity"].setStyleSheet(
            f"color: {RESULT_COLORS['fail']};" if expired(info) else "")
        show_fingerprint(self.fields["fingerprint"], info.fingerprint)
        self.fields["problems"].setText("；".join(p.text(language()) for p in problems))
        self.layout().activate()
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))

    def export_certificate(self) -> None:
        """导出我的证书…: the certificate alone (never the private key), for colleagues."""
        info = self.info
        if info is None:
            return
        target = save_file(self, KEYS, tr("导出证书"), f"{info.name}.crt",
                           tr("证书 (*.crt)"), ".crt")
        if target is None:
            return
        data, data_dir = info.certificate_pem, self.keys_dir.parent

        def export(_progress: object) -> None:
            # never into the data folder (its database, a photo …), onto a device or a pipe
            write_atomic(check_output_path(target, data_dir=data_dir, kind="pem"), data)

        self.runner.background(export, lambda _none: None, lambda exc: report_error(exc, self))

    # --- creating ---------------------------------------------------------------------------

    def create_key(self) -> None:
        if self.info is not None:
            answer = QMessageBox.question(self, tr("创建新密钥"), tr(
                "新密钥将代替当前密钥用于签署。当前密钥文件保留在本机，已签署的报告不受影响。继续吗？"))
            if answer != QMessageBox.StandardButton.Yes:
                return
        dialog = CreateKeyDialog(self.prefs, self)
        dialog.submitted.connect(lambda: self._create(dialog))
        self.create_dialog = dialog
        dialog.open()

    def _create(self, dialog: CreateKeyDialog) -> None:
        """Create the key; the form stays open (with everything typed) until it exists, and a
        refused field is said under it."""
        name, organisation = dialog.name.text().strip(), dialog.organisation.text().strip()
        title, password = dialog.title_edit.text().strip(), dialog.password.text()
        keys_dir = self.keys_dir

        def create(_progress) -> Path:
            keys_dir.mkdir(parents=True, exist_ok=True)
            return create_signing_key(name=name, organisation=organisation, password=password,
                                      title=title, out=new_key_file(keys_dir, name))

        def created(path: Path) -> None:
            dialog.creating(False)
            dialog.password.clear()
            dialog.repeat.clear()
            dialog.done(QDialog.DialogCode.Accepted)
            self._key_ready(path)

        def failed(exc: BaseException) -> None:
            self.create_button.setEnabled(True)
            if not dialog.refused(exc):
                report_error(exc, dialog, title=tr("签名密钥没有创建"))

        dialog.creating(True)
        self.create_button.setEnabled(False)
        self.runner.background(create, created, failed)

    # --- importing --------------------------------------------------------------------------

    def import_key(self) -> None:
        path = open_file(self, KEYS, tr("导入签名密钥"), tr("签名密钥 (*.p12 *.pfx);;所有文件 (*)"))
        if path is not None:
            self.ask_import_password(path)

    def ask_import_password(self, source: Path) -> None:
        dialog = PasswordDialog(tr("导入签名密钥"), tr("输入 {0} 的密码（用于核对；程序不会保存密码）：")
                                .format(source.name), self)
        dialog.accepted.connect(lambda: self._import(dialog, source))
        self.password_dialog = dialog
        dialog.open()

    def _import(self, dialog: PasswordDialog, source: Path) -> None:
        password = dialog.password.text()
        dialog.password.clear()
        keys_dir = self.keys_dir

        def failed(exc: BaseException) -> None:
            if isinstance(exc, WrongPassword):
                dialog.show_error(tr("密码不正确，请重新输入。"))
                dialog.open()
            else:
                self._failed(exc)

        def run(_progress) -> Path:
            return import_signing_key(source, password, keys_dir)

        self.runner.background(run, self._key_ready, failed)

    # --- either way ---------------------------------------------------------------------------

    def _key_ready(self, path: Path) -> None:
        self.create_button.setEnabled(True)
        remember_key_path(self.prefs, Path(path))
        self.refresh()
        self.key_changed.emit(str(path))

    def _failed(self, exc: BaseException) -> None:
        self.create_button.setEnabled(True)
        report_error(exc, self, title=tr("签名密钥没有设置"))
