"""The 关于 dialog: name and version, the licences of what is bundled, where the data lives."""
from __future__ import annotations

import html
from pathlib import Path

import PySide6
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, qVersion
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from inspection.appinfo import APP_VERSION
from resources import resource_path
from ui.base.i18n import tr
from ui.base.system_open import open_folder
from ui.base.tasks import TaskRunner
from ui.base.widgets import muted_label, section_title

# (name, licence, what it does here) — shown in the licences tab.
LIBRARIES = (
    ("Qt {qt} / PySide6 {pyside}", "LGPL-3.0", QT_TRANSLATE_NOOP("park_inspector", "窗口和界面")),
    ("ReportLab", "BSD", QT_TRANSLATE_NOOP("park_inspector", "生成 PDF 报告")),
    ("pyHanko", "MIT", QT_TRANSLATE_NOOP("park_inspector", "PDF 报告的电子签名和验证")),
    ("Pillow", "MIT-CMU", QT_TRANSLATE_NOOP("park_inspector", "照片的缩放、方向和缩略图")),
    ("sqlite-utils", "Apache-2.0", QT_TRANSLATE_NOOP("park_inspector", "数据库")),
    ("openpyxl", "MIT", QT_TRANSLATE_NOOP("park_inspector", "导出 Excel 表格")),
    ("pypdfium2", "Apache-2.0 / BSD-3-Clause", QT_TRANSLATE_NOOP("park_inspector", "PDF 预览")),
    ("OpenCC", "Apache-2.0",
     QT_TRANSLATE_NOOP("park_inspector", "把标准原文转换为简体（仅在构建检查模板时使用，不随程序分发）")),
    ("Noto Sans SC 2.002", "SIL OFL 1.1",
     QT_TRANSLATE_NOOP("park_inspector", "界面和报告中的中文字体（修改版：TrueType 轮廓，GBK 字符集）")),
)


def read_licence_texts() -> dict[str, str]:
    """The font's README and licence as shipped (runs off the UI thread)."""
    texts = {}
    for name in ("README.md", "OFL.txt"):
        try:
            texts[name] = resource_path("fonts", name).read_text(encoding="utf-8")
        except OSError:
            texts[name] = ""
    return texts


class AboutDialog(QDialog):
    """Shows what the program is, its licences and the data folder (with a button to open it)."""

    def __init__(self, *, data_dir: Path, runner: TaskRunner | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.setWindowTitle(tr("关于园区现场检查"))

        icon = QLabel()
        size = self.fontMetrics().height() * 4
        icon.setPixmap(QIcon(str(resource_path("icons", "app.svg"))).pixmap(size, size))
        name = QLabel(tr("园区现场检查"))
        font = QFont(name.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        name.setFont(font)
        version = QLabel(tr("版本 {0}").format(APP_VERSION))
        version.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        summary = QLabel(tr("离线完成园区现场检查：按标准逐项判定、拍照取证、记录整改，"
                                 "生成带电子签名的检查报告。"))
        summary.setWordWrap(True)
        heading = QVBoxLayout()
        heading.addWidget(name)
        heading.addWidget(version)
        heading.addWidget(summary)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(heading, 1)

        self.licences = QTextBrowser()
        self.licences.setOpenExternalLinks(True)
        self.licences.setHtml(self._licences_html({}))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addSpacing(self.fontMetrics().height() // 2)
        layout.addWidget(self._data_box())
        layout.addWidget(section_title(tr("许可证")))
        layout.addWidget(self.licences, 1)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().horizontalAdvance("中") * 58,
                    self.fontMetrics().height() * 34)

        if runner is not None:
            runner.background(lambda _progress: read_licence_texts(), self._texts_loaded,
                              lambda _exc: None)
        else:
            self._texts_loaded(read_licence_texts())

    def _data_box(self) -> QWidget:
        box = QWidget()
        title = section_title(tr("数据文件夹"))
        explain = muted_label(tr("检查记录（数据库）、照片、报告和错误日志都保存在这个文件夹中。"
                                      "备份时请使用“文件 → 备份数据…”，它会得到一份一致的副本。"))
        path = QLabel(str(self.data_dir))
        path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        path.setWordWrap(True)
        path.setObjectName("dataDirPath")
        self.open_button = QPushButton(tr("在文件管理器中打开"))
        self.open_button.clicked.connect(self.open_data_dir)
        row = QHBoxLayout()
        row.addWidget(path, 1)
        row.addWidget(self.open_button)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(title)
        column.addLayout(row)
        column.addWidget(explain)
        return box

    def open_data_dir(self) -> bool:
        return open_folder(self.data_dir, self)

    def _texts_loaded(self, texts: dict[str, str]) -> None:
        self.licences.setHtml(self._licences_html(texts))

    def _licences_html(self, texts: dict[str, str]) -> str:
        thanks = tr("本程序使用了以下软件和字体，感谢它们的作者。")
        headers = (tr("名称"), tr("许可证"), tr("用途"))
        lgpl = tr("Qt 和 PySide6 以 LGPL-3.0 许可使用，以独立的动态库随程序提供，"
                       "可以替换为兼容的其他版本。")
        rows = []
        for name, licence, role in LIBRARIES:
            name = name.format(qt=qVersion(), pyside=PySide6.__version__)
            role = tr(role)
            rows.append("<tr>" + "".join(f"<td>{html.escape(cell)}</td>"
                                         for cell in (name, licence, role)) + "</tr>")
        parts = [f"<p>{html.escape(thanks)}</p>",
                 "<table cellspacing='0' cellpadding='4'><tr>"
                 + "".join(f"<th align='left'>{html.escape(h)}</th>" for h in headers)
                 + "</tr>" + "".join(rows) + "</table>",
                 f"<p>{html.escape(lgpl)}</p>"]
        sections = ((tr("字体说明"), texts.get("README.md", "")),
                    (tr("字体许可证（SIL Open Font License 1.1）"), texts.get("OFL.txt", "")))
        for title, text in sections:
            if text:
                parts.append(f"<h3>{html.escape(title)}</h3>"
                             f"<pre style='white-space: pre-wrap'>{html.escape(text)}</pre>")
        return "".join(parts)
