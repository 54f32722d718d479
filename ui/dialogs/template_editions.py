"""Newer editions of a standard: choose one for a revisit, or move an unfinished inspection
to one. The inspector sees what changed first: items added, removed and reworded; the answers
of items whose code and wording did not change carry over."""
from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from checklists.editions import EditionChanges, compare_editions, edition_label
from checklists.library import get_template
from checklists.model import Template
from ui.base.i18n import bracketed, tr
from ui.base.widgets import grow_to_fit, muted_label

SHOWN = 40  # items listed per kind of change; the rest are counted


def template_name(template: Template) -> str:
    edition = edition_label(template)
    return bracketed(template.title, tr('版本 {0}').format(edition)) if edition else template.title


def changes_html(changes: EditionChanges) -> str:
    """What changed from one edition to the next, as the inspector reads it."""
    old, new = get_template(changes.old_id), get_template(changes.new_id)
    parts = [tr("从 {0} 改为 {1}：").format(html.escape(template_name(old)),
                                         html.escape(template_name(new))),
             tr("{0} 项未变，答案带入新版本。").format(len(changes.unchanged))]
    for title, items, show_old in ((tr("新增 {0} 项"), changes.added, False),
                                   (tr("删除 {0} 项"), changes.removed, True),
                                   (tr("文字有改动 {0} 项（需要重新判定）"), changes.changed, False)):
        if not items:
            continue
        lines = [f"{html.escape(c.code)}　{html.escape(c.old_title if show_old else c.new_title)}"
                 for c in items[:SHOWN]]
        if len(items) > SHOWN:
            lines.append(tr("……另有 {0} 项").format(len(items) - SHOWN))
        parts.append(f"<b>{title.format(len(items))}</b><br>" + "<br>".join(lines))
    return "<br><br>".join(parts)


def _browser(text: str, parent: QWidget) -> QTextBrowser:
    browser = QTextBrowser(parent)
    browser.setHtml(text)
    browser.setMinimumHeight(parent.fontMetrics().height() * 12)
    return browser


class RevisitEditionsDialog(QDialog):
    """新建复查 when newer editions exist: which templates the revisit moves to their newest
    edition (ticked by default), with the changes of each."""

    def __init__(self, park_name: str, newer: Mapping[str, Sequence[Template]],
                 informative: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grow_to_fit(self)
        self.setWindowTitle(tr("新建复查"))
        self.boxes: dict[str, tuple[QCheckBox, str]] = {}
        layout = QVBoxLayout(self)
        heading = QLabel(tr("为“{0}”新建一次复查？").format(park_name))
        heading.setStyleSheet("font-weight: bold;")
        layout.addWidget(heading)
        layout.addWidget(muted_label(informative))
        host = QWidget()
        column = QVBoxLayout(host)
        for old_id, editions in newer.items():
            if not editions:
                continue
            newest = editions[0]
            box = QCheckBox(tr("“{0}”改用新版本：{1}").format(
                get_template(old_id).short_title, template_name(newest)))
            box.setChecked(True)
            self.boxes[old_id] = (box, newest.id)
            column.addWidget(box)
            column.addWidget(_browser(changes_html(compare_editions(get_template(old_id),
                                                                    newest)), host))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(host)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        create = buttons.addButton(tr("新建复查"), QDialogButtonBox.ButtonRole.AcceptRole)
        create.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        width = self.fontMetrics().horizontalAdvance("中") * 46
        self.resize(width, int(width * 0.8))

    def editions(self) -> dict[str, str]:
        """Old template id → the edition the revisit uses instead (the ticked ones)."""
        return {old: new for old, (box, new) in self.boxes.items() if box.isChecked()}


class ChangeEditionDialog(QDialog):
    """检查 → 改用新版本模板…: confirm moving this inspection, with the list of changes."""

    def __init__(self, changes: EditionChanges, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grow_to_fit(self)
        self.setWindowTitle(tr("改用新版本模板"))
        layout = QVBoxLayout(self)
        note = tr("答案不变的条目照常保留；删除或改动了文字的条目，其答案不再带入"
                  "（仍记录在审计日志中），整改项和照片保留在原条目上。")
        layout.addWidget(muted_label(note))
        layout.addWidget(_browser(changes_html(changes), self), 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        move = buttons.addButton(tr("改用新版本"), QDialogButtonBox.ButtonRole.AcceptRole)
        move.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        width = self.fontMetrics().horizontalAdvance("中") * 44
        self.resize(width, int(width * 0.75))
        self.setWindowModality(Qt.WindowModality.WindowModal)
