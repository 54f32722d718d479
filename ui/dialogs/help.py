"""帮助: the keyboard shortcuts on one sheet, and a short guide to a site visit."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ui.base.i18n import tr


def shortcut_rows() -> list[tuple[str, str]]:
    return [
        ("1 – 4", tr("记录结果（符合、基本符合、不符合、不适用；行动项为各状态）")),
        ("0 – 5", tr("星级指标：评定等级")),
        ("N / P", tr("下一个 / 上一个未检查条目")),
        ("F2", tr("编辑备注；再按一次回到检查表（Esc 也可以）")),
        ("Tab / Shift+Tab", tr("按屏幕顺序在按钮和输入框之间移动")),
        ("Ctrl+F", tr("搜索条目；回车打开第一个结果")),
        ("Ctrl+Z / Ctrl+Y", tr("撤销 / 重做（显示所改的条目）")),
        ("Ctrl+I", tr("为当前条目添加照片")),
        ("Ctrl+Shift+I", tr("添加整体照片")),
        ("Ctrl+Shift+K", tr("用摄像头拍照")),
        ("Ctrl+Shift+F", tr("添加整改项")),
        ("Ctrl+Enter", tr("在对话框中确定（如整改项）")),
        ("Ctrl+1 / 2 / 3", tr("检查表 / 整体照片 / 汇总")),
        ("PageUp / PageDown", tr("照片查看器：上一张 / 下一张")),
        ("Ctrl+P", tr("打印报告")),
        ("Ctrl+E", tr("导出 Excel")),
        ("Ctrl+N", tr("新建检查")),
        ("Alt+← / Ctrl+W", tr("返回检查列表")),
    ]


def guide_html() -> str:
    steps = [
        tr("新建检查：选择园区和检查标准，填写检查日期和检查人员。"),
        tr("逐项检查：在左侧选择条目，按数字键记录结果；按 N 跳到下一个未检查条目。"
           "记录“不符合”后停留在该条目，便于写备注（F2）和添加整改项。"),
        tr("照片：把照片拖到条目上，或用摄像头拍照（Ctrl+Shift+K）；照片按拍摄时间排列。"
           "距园区较远或非检查当天拍摄的照片会标出 ⚠。"),
        tr("证据要求：“不符合”需要照片和整改项，“基本符合”和“滞后”需要备注；条目上会提示缺少什么。"),
        tr("现场签名：报告菜单 → 现场签名，检查人员和园区代表在本机手写签名。"),
        tr("签署报告：报告菜单 → 签署报告。缺少证据的条目需补充或说明理由；签署后检查被锁定。"),
        tr("修改已签署的检查：重新打开生成新的修订版本；之前的报告在“修订版本与已签署报告”中。"),
    ]
    items = "".join(f"<li>{step}</li>" for step in steps)
    heading = tr("一次现场检查")
    return f"<h3>{heading}</h3><ol>{items}</ol>" + tr(
        "<p>所有修改都会自动保存，断电或关闭程序不会丢失。</p>")


def _sheet(title: str, html: str, parent: QWidget | None) -> QDialog:
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    text = QTextBrowser(dialog)
    text.setHtml(html)
    text.setOpenExternalLinks(False)
    layout.addWidget(text)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.resize(dialog.fontMetrics().horizontalAdvance("中") * 42, 520)
    return dialog


def shortcuts_dialog(parent: QWidget | None = None) -> QDialog:
    rows = "".join(f"<tr><td style='padding:3px 16px 3px 0'><b>{keys}</b></td><td>{what}</td></tr>"
                   for keys, what in shortcut_rows())
    return _sheet(tr("快捷键"), f"<table>{rows}</table>", parent)


def guide_dialog(parent: QWidget | None = None) -> QDialog:
    return _sheet(tr("使用指南"), guide_html(), parent)
