"""The 设置 dialog: the inspector's profile, the data folder, report photos, language, habits."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from inspection.hub.settings import load_settings
from ui.base.file_dialogs import DATA, choose_folder
from ui.base.i18n import tr
from ui.base.preferences import LANGUAGES, PHOTO_SIZES, Preferences
from ui.base.widgets import grow_to_fit, muted_label


def note_label(text: str = "") -> QLabel:
    return muted_label(text)


class SettingsDialog(QDialog):
    """Edits :class:`Preferences`; saved when the inspector presses OK."""

    hub_requested = Signal()  # 中心服务器…: the window opens the hub's own dialog

    def __init__(self, prefs: Preferences, parent: QWidget | None = None, *,
                 data_dir_in_use: Path | None = None) -> None:
        super().__init__(parent)
        grow_to_fit(self)  # a message shown later grows the dialog, never squashes it
        self.prefs = prefs
        self.data_dir_in_use = Path(data_dir_in_use) if data_dir_in_use else prefs.data_dir
        self.setWindowTitle(tr("设置"))
        self.setModal(True)

        profile = QGroupBox(tr("检查人员信息"))
        self.name = QLineEdit(prefs.inspector_name)
        self.organisation = QLineEdit(prefs.organisation)
        self.title = QLineEdit(prefs.title)
        self.title.setPlaceholderText(tr("例如：高级检查员"))
        form = QFormLayout()
        form.addRow(tr("姓名"), self.name)
        form.addRow(tr("单位"), self.organisation)
        form.addRow(tr("职务"), self.title)
        column = QVBoxLayout(profile)
        column.addLayout(form)
        column.addWidget(note_label(tr("新建检查时默认填入姓名和单位；报告签名处使用职务。")))

        data = QGroupBox(tr("数据文件夹"))
        self.data_dir = QLineEdit(str(prefs.data_dir))
        self.data_dir.textChanged.connect(self._update_notes)
        browse = QPushButton(tr("浏览…"))
        browse.clicked.connect(self.browse_data_dir)
        row = QHBoxLayout()
        row.addWidget(self.data_dir, 1)
        row.addWidget(browse)
        self.data_note = note_label()
        column = QVBoxLayout(data)
        column.addLayout(row)
        column.addWidget(note_label(tr("检查记录、照片和报告都保存在这个文件夹中。")))
        column.addWidget(self.data_note)

        report = QGroupBox(tr("报告"))
        self.photo_size = QComboBox()
        sizes = {"large": tr("大（每页 1 张照片）"), "medium": tr("中（每页 2 张照片）"),
                 "small": tr("小（每页 4 张照片）")}
        for key in PHOTO_SIZES:
            self.photo_size.addItem(sizes[key], key)
        self.photo_size.setCurrentIndex(self.photo_size.findData(prefs.report_photo_size))
        form = QFormLayout(report)
        form.addRow(tr("照片大小"), self.photo_size)

        interface = QGroupBox(tr("界面"))
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(prefs.language))
        self.language.currentIndexChanged.connect(self._update_notes)
        self.language_note = note_label()
        self.language_note.setSizePolicy(QSizePolicy.Policy.Expanding,
                                         QSizePolicy.Policy.Preferred)
        self.auto_advance = QCheckBox(tr("答题后自动跳到下一项"))
        self.auto_advance.setChecked(prefs.auto_advance)
        self.stay_on_fail = QCheckBox(tr("记录“不符合”或“滞后”后停留在该条目（便于填写备注和整改项）"))
        self.stay_on_fail.setChecked(prefs.stay_on_fail)
        self.text_size = QComboBox()
        for key, label in (("normal", tr("标准")), ("large", tr("大")), ("larger", tr("特大"))):
            self.text_size.addItem(label, key)
        self.text_size.setCurrentIndex(self.text_size.findData(prefs.text_size))
        self.theme = QComboBox()
        self.theme.addItem(tr("标准"), "standard")
        self.theme.addItem(tr("高对比度（强光下、视力较弱时）"), "high_contrast")
        self.theme.setCurrentIndex(self.theme.findData(prefs.theme))
        for box in (self.text_size, self.theme):
            box.currentIndexChanged.connect(self._update_notes)
        form = QFormLayout(interface)
        form.addRow(tr("界面语言"), self.language)
        form.addRow(tr("文字大小"), self.text_size)
        form.addRow(tr("配色"), self.theme)
        form.addRow("", self.auto_advance)
        form.addRow("", self.stay_on_fail)

        hub = QGroupBox(tr("中心服务器"))
        hub_settings = load_settings(self.data_dir_in_use)
        self.hub_note = note_label(hub_settings.display or hub_settings.url if hub_settings.configured
                                   else tr("未连接：检查只保存在本机"))
        self.hub_button = QPushButton(tr("中心服务器…"))
        self.hub_button.setObjectName("hubSettingsButton")
        self.hub_button.clicked.connect(self.hub_requested)
        row = QHBoxLayout(hub)
        row.addWidget(self.hub_note, 1)
        row.addWidget(self.hub_button)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for group in (profile, data, interface):
            layout.addWidget(group)
        # side by side, and the restart note beside 确定: the dialog fits a 700-pixel screen
        # with every note shown (it grew to 725 px once the language was changed)
        pair = QHBoxLayout()
        pair.addWidget(report)
        pair.addWidget(hub, 1)
        layout.addLayout(pair)
        layout.addStretch()
        bottom = QHBoxLayout()
        bottom.addWidget(self.language_note, 1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 52)
        for form in self.findChildren(QFormLayout):
            # line edits take the width; the choices keep their natural size
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self._update_notes()

    def browse_data_dir(self) -> None:
        folder = choose_folder(self, DATA, tr("选择数据文件夹"),
                               start=Path(self.data_dir.text().strip() or Path.home()))
        if folder is not None:
            self.data_dir.setText(str(folder))

    def _chosen_data_dir(self) -> Path:
        return Path(self.data_dir.text().strip()).expanduser()

    def _update_notes(self) -> None:
        text = self.data_dir.text().strip()
        if text and self._chosen_data_dir() != self.prefs.data_dir:
            self.data_note.setText(tr(
                "更改在重新启动程序后生效；现有的数据不会自动移到新文件夹。"))
        elif self.data_dir_in_use != self.prefs.data_dir:
            self.data_note.setText(tr("这次运行使用的是另外指定的文件夹：{0}")
                                   .format(self.data_dir_in_use))
        else:
            self.data_note.setText("")
        self.data_note.setVisible(bool(self.data_note.text()))
        changed = (self.language.currentData() != self.prefs.language
                   or self.text_size.currentData() != self.prefs.text_size
                   or self.theme.currentData() != self.prefs.theme)
        self.language_note.setText(tr("界面语言、文字大小和配色在重新启动程序后生效。")
                                   if changed else "")
        self.language_note.setVisible(changed)

    def accept(self) -> None:
        self.save()
        super().accept()

    def save(self) -> None:
        self.prefs.inspector_name = self.name.text()
        self.prefs.organisation = self.organisation.text()
        self.prefs.title = self.title.text()
        if self.data_dir.text().strip():
            self.prefs.data_dir = self._chosen_data_dir()
        self.prefs.report_photo_size = self.photo_size.currentData()
        self.prefs.language = self.language.currentData()
        self.prefs.auto_advance = self.auto_advance.isChecked()
        self.prefs.stay_on_fail = self.stay_on_fail.isChecked()
        self.prefs.text_size = self.text_size.currentData()
        self.prefs.theme = self.theme.currentData()

