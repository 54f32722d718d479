"""The welcome shown while the data folder holds no inspection: what the program does, and
two big buttons to start (新建检查, 打开示例检查)."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from resources import resource_path
from ui.base.i18n import tr
from ui.base.widgets import muted_label


class BigButton(QPushButton):
    """A large button with a bold title and a quieter line that says what it does."""

    def __init__(self, title: str, detail: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(title)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.detail = muted_label(detail, wrap=False)
        for label in (self.title, self.detail):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAccessibleName(title)
        self.setToolTip(detail)
        column = QVBoxLayout(self)
        line = self.fontMetrics().height()
        column.setContentsMargins(line, line, line, line)
        column.addWidget(self.title)
        column.addWidget(self.detail)
        self.setMinimumSize(max(column.sizeHint().width(), line * 15), column.sizeHint().height())
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def text(self) -> str:
        return f"{self.title.text()}\n{self.detail.text()}"


class WelcomePanel(QWidget):
    """Shown while the data folder holds no inspection: what the program does, how to start."""

    new_requested = Signal()
    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        icon = QLabel()
        size = self.fontMetrics().height() * 4
        icon.setPixmap(QIcon(str(resource_path("icons", "app.svg"))).pixmap(size, size))
        icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(tr("园区现场检查"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        intro = QLabel(tr(
            "带着笔记本电脑到园区现场，不需要网络：按标准生成的检查表逐项判定，拍照取证，"
            "记录需要整改的问题，请园区代表签字，离开前生成带签名的检查报告。"
            "每一项修改都会立即保存在本机。"))
        intro.setWordWrap(True)
        intro.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # A wrapped label under an alignment flag gets its one-line height unless told.
        width = self.fontMetrics().horizontalAdvance("中") * 34
        intro.setFixedWidth(width)
        intro.setMinimumHeight(intro.heightForWidth(width))
        self.new_button = BigButton(tr("新建检查"), tr("选择园区和检查标准，开始一次检查"))
        self.new_button.setDefault(True)
        self.demo_button = BigButton(tr("打开示例检查"),
                                     tr("看看一次填写好的检查是什么样子"))
        self.new_button.setObjectName("welcomeNew")
        self.demo_button.setObjectName("welcomeDemo")
        self.new_button.clicked.connect(self.new_requested)
        self.demo_button.clicked.connect(self.demo_requested)

        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.new_button)
        buttons.addSpacing(self.fontMetrics().height())
        buttons.addWidget(self.demo_button)
        buttons.addStretch()
        self._buttons = buttons
        column = QVBoxLayout(self)
        column.addStretch(2)
        column.addWidget(icon)
        column.addWidget(title)
        column.addSpacing(self.fontMetrics().height())
        column.addWidget(intro, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addSpacing(self.fontMetrics().height() * 2)
        column.addLayout(buttons)
        column.addStretch(3)

    def add_button(self, button: QPushButton) -> None:
        """Another part's big button after the two (the office's 中心 for a reviewer)."""
        self._buttons.insertSpacing(self._buttons.count() - 1, self.fontMetrics().height())
        self._buttons.insertWidget(self._buttons.count() - 1, button)
