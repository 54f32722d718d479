"""设置 → 中心服务器: the hub's address, the user, the password (kept in the data folder's pgpass
file, never in settings), backup of drafts, and a test of the connection.

The connection is tested and saved off the UI thread (inspection.hub.folder through the task
runner); the dialog stays open with the hub's answer when it refuses.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from checklists.errors import UserError, language
from inspection.hub.settings import load_settings, pgpass_path
from ui.base.error_reporting import user_message
from ui.base.i18n import tr
from ui.base.tasks import TaskRunner
from ui.base.widgets import grow_to_fit, muted_label


def role_name(role: str | None) -> str:
    names = {"inspector": tr("检查人员"), "reviewer": tr("审核人员"), "admin": tr("管理员"),
             "superuser": tr("数据库超级用户")}
    return names.get(role or "", tr("无中心角色"))


class HubSettingsDialog(QDialog):
    """Where this data folder's hub is and who connects; saved after the hub answered."""

    connected = Signal()  # the settings were saved (or the hub forgotten)

    def __init__(self, runner: TaskRunner, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grow_to_fit(self)
        self.runner = runner
        self.data_dir = Path(data_dir)
        self.setWindowTitle(tr("中心服务器"))
        self.setModal(True)
        settings = load_settings(self.data_dir)
        self.url = QLineEdit(settings.url)
        self.url.setPlaceholderText("postgresql://hub.example.cn/park_hub?sslmode=verify-full")
        self.user = QLineEdit(settings.user)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        if pgpass_path(self.data_dir).exists():
            self.password.setPlaceholderText(tr("已保存（留空则不变）"))
        self.backup_drafts = QCheckBox(tr("同步时也把草稿和检查中的检查备份到中心"))
        self.backup_drafts.setChecked(settings.backup_drafts)
        self.test_button = QPushButton(tr("测试连接"))
        self.test_button.clicked.connect(self.test_connection)
        self.result = muted_label()
        self.result.setWordWrap(True)
        self.result.setObjectName("hubResult")
        self.history = muted_label()  # the last successful sync, and a failed attempt after it
        self.history.setWordWrap(True)
        self.history.setObjectName("hubHistory")
        self.history.hide()

        form = QFormLayout()
        form.addRow(tr("地址"), self.url)
        form.addRow(tr("用户名"), self.user)
        form.addRow(tr("密码"), self.password)
        form.addRow("", self.backup_drafts)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.result, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(muted_label(tr(
            "办公室的 PostgreSQL 中心服务器：填写管理员给出的地址、用户名和密码。密码保存在数据文件夹中"
            "只有本用户可读的文件里。没有网络时照常工作，下次同步时再上传。")))
        layout.addLayout(form)
        layout.addLayout(test_row)
        layout.addWidget(self.history)
        layout.addStretch()
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 46)

    # --- the work, off the UI thread ----------------------------------------------------------

    def show_history(self, lines: list[str]) -> None:
        self.history.setText("\n".join(lines))
        self.history.setVisible(bool(lines))

    def _fields(self) -> tuple[str, str | None, str | None]:
        return (self.url.text().strip(), self.user.text().strip() or None,
                self.password.text() or None)

    def _busy(self, busy: bool, message: str = "") -> None:
        self.test_button.setEnabled(not busy)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not busy)
        if message:
            self.result.setText(message)

    def test_connection(self) -> None:
        from inspection.hub.folder import check_connection

        url, user, password = self._fields()
        if not url:
            self.result.setText(tr("请填写中心服务器的地址"))
            return
        data_dir = self.data_dir
        self._busy(True, tr("正在连接…"))
        self.runner.background(lambda _p: check_connection(data_dir, url, user=user, password=password),
                               self._tested, self._failed)

    def _tested(self, answer: dict) -> None:
        self._busy(False)
        self.result.setText(tr("连接成功：{0}，{1}").format(answer["hub"], role_name(answer["role"])))

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        self.result.setText(exc.text(language()) if isinstance(exc, UserError) else user_message(exc))
        details = getattr(exc, "details", "")  # libpq's own words, for whoever looks after the hub
        self.result.setToolTip(tr("详细信息：{0}").format(details) if details else "")

    def save(self) -> None:
        from inspection.hub.folder import connect_folder
        from inspection.hub.settings import forget_hub

        url, user, password = self._fields()
        data_dir, drafts = self.data_dir, self.backup_drafts.isChecked()
        if not url:
            forget_hub(data_dir)
            self.connected.emit()
            self.accept()
            return

        def work(_progress) -> str | None:
            with connect_folder(data_dir, url, user=user, password=password, backup_drafts=drafts) as session:
                return session.role

        self._busy(True, tr("正在连接…"))
        self.runner.background(work, self._saved, self._failed)

    def _saved(self, _role: str | None) -> None:
        self._busy(False)
        self.connected.emit()
        self.accept()
