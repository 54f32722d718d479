"""The right-hand panel: one item's full text and guidance, its result, note, photos, findings.

Compliance items get 符合 / 基本符合 / 不符合 / 不适用; action items (002, 003) their status with
责任单位, 时间节点 and an 逾期 badge as of the visit date; 001 star indicators the measured inputs
and the judged level. The note is saved while it is typed (ui/inspection_view/item_note.py) and when it loses focus.
"""
from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from checklists.model import Node, NodeKind, Template, TemplateKind
from checklists.scoring import is_overdue
from inspection.palette import ACCENT, MUTED, OVERDUE, PILOT, SURFACE_GUIDANCE, TEXT_SOFT, WHITE
from ui.base.i18n import tr
from ui.base.widgets import (
    DropHighlight,
    accept_copy_drop,
    badge,
    dropped_paths,
    hline,
    section_title,
)
from ui.inspection_view.conflicts import ConflictBox
from ui.inspection_view.evidence_notice import EvidenceNotice
from ui.inspection_view.findings import FindingsPanel
from ui.inspection_view.item_note import ItemNote
from ui.inspection_view.result_buttons import ResultButtons
from ui.inspection_view.star_inputs import StarIndicatorForm
from ui.photos.photo_facts import flag_texts
from ui.photos.photo_strip import PhotoStrip, ThumbnailCache
from ui.session.edit_session import EditSession
from ui.session.undo_commands import SetAnswer


class ItemPanel(QScrollArea):
    """Everything about the selected item; edits become commands on the session's stack."""

    result_chosen = Signal(object)  # a result key or None, from a button click
    import_requested = Signal(object)  # files dropped on the panel (the strip is wired by the page)
    leave_requested = Signal()  # Esc in the note: back to the checklist

    def __init__(self, cache: ThumbnailCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: EditSession | None = None
        self.template: Template | None = None
        self.node: Node | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # The scroll area itself is no stop for Tab: focused, it showed nothing, took no
        # typed text, and let digits record results while the inspector meant to type a note.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAcceptDrops(True)
        body = QWidget(self)
        body.setObjectName("itemBody")
        body.setStyleSheet(f"QWidget#itemBody {{ background: {WHITE}; }}")
        self.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(20, 14, 20, 20)
        layout.setSpacing(10)
        self.breadcrumb = QLabel(body)
        self.breadcrumb.setStyleSheet(f"color: {MUTED};")
        self.breadcrumb.setWordWrap(True)
        layout.addWidget(self.breadcrumb)
        title_row = QHBoxLayout()
        self.title = QLabel(body)
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3 if font.pointSizeF() > 0 else 12)
        font.setBold(True)
        self.title.setFont(font)
        title_row.addWidget(self.title, 1)
        self.badges = QHBoxLayout()
        title_row.addLayout(self.badges)
        layout.addLayout(title_row)
        self.text = self._label(body)
        layout.addWidget(self.text)
        self.facts = self._label(body)  # 责任单位 / 时间节点
        layout.addWidget(self.facts)
        self.guidance = self._label(body)
        self.guidance.setObjectName("guidance")
        self.guidance.setStyleSheet(f"QLabel#guidance {{ background: {SURFACE_GUIDANCE}; border-left: 3px solid"
                                    f" {ACCENT}; padding: 8px 10px; color: {TEXT_SOFT}; }}")
        layout.addWidget(self.guidance)
        self.original_toggle = QToolButton(body)
        self.original_toggle.setText(tr("原文（繁体）"))
        self.original_toggle.setCheckable(True)
        self.original_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.original_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.original_toggle.setStyleSheet(f"QToolButton {{ border: none; color: {ACCENT}; }}")
        self.original = self._label(body)
        self.original.setStyleSheet(f"color: {MUTED};")
        self.original_toggle.toggled.connect(self._toggle_original)
        layout.addWidget(self.original_toggle)
        layout.addWidget(self.original)
        layout.addWidget(hline(body))
        self.conflicts = ConflictBox(body)  # 冲突待核: filled by the page's ConflictController
        layout.addWidget(self.conflicts)
        self.result_title = section_title(tr("检查结果"), body)
        layout.addWidget(self.result_title)
        self.results = ResultButtons(body)
        self.results.chosen.connect(self.result_chosen)
        layout.addWidget(self.results)
        self.evidence = EvidenceNotice(body)
        layout.addWidget(self.evidence)
        self.star_form = StarIndicatorForm(body)
        self.star_form.value_edited.connect(self._star_values)
        self.star_form.level_chosen.connect(self._star_level)
        layout.addWidget(self.star_form)
        layout.addWidget(section_title(tr("备注"), body))
        self.note = ItemNote(lambda: (self.session, self.key), body)
        self.note.leave_requested.connect(self.leave_requested)
        layout.addWidget(self.note)
        self.photos = PhotoStrip(cache, body)
        layout.addWidget(self.photos)
        self.findings = FindingsPanel(body)
        layout.addWidget(self.findings)
        self.group_info = self._label(body)
        layout.addWidget(self.group_info)
        layout.addStretch(1)
        self.drop_highlight = DropHighlight(self)
        self._item_widgets = [self.result_title, self.results, self.evidence, self.star_form, self.note,
                              self.photos, self.findings]
        self.clear()

    @staticmethod
    def _label(parent: QWidget) -> QLabel:
        label = QLabel(parent)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    @property
    def key(self) -> tuple[str, str] | None:
        if self.template is None or self.node is None or not self.node.is_item:
            return None
        return (self.template.id, self.node.code)

    # --- showing -------------------------------------------------------------------------------

    def clear(self) -> None:
        self.commit_note(close=True)
        self.template = self.node = None
        self.breadcrumb.setText("")
        self.title.setText(tr("请在左侧选择一个检查条目"))
        for widget in (self.text, self.facts, self.guidance, self.original_toggle, self.original,
                       self.group_info, *self._item_widgets):
            widget.hide()
        self._set_badges([])

    def show_node(self, session: EditSession, template: Template, node: Node | None) -> None:
        """Show an item, a group, or (node None) a template's overview."""
        self.commit_note(close=True)
        self.session, self.template, self.node = session, template, node
        path = template.path(node.code)[:-1] if node is not None else []
        self.breadcrumb.setText(" › ".join([template.short_title] +
                                           [f"{p.code} {p.title}" for p in path]))
        if node is None or not node.is_item:
            self._show_group(template, node)
            return
        self.group_info.hide()
        self.title.setText(f"{node.code}　{node.title}")
        self._set_text(node)
        self.result_title.setVisible(node.kind is not NodeKind.STAR)
        self.results.setVisible(node.kind is not NodeKind.STAR)
        self.star_form.setVisible(node.kind is NodeKind.STAR)
        if node.kind is NodeKind.STAR:
            self.star_form.set_indicator(node, session.park.park_type.value)
        else:
            self.results.set_options(template.result_scale)
        for widget in (self.note, self.photos, self.findings):
            widget.show()
        answer = session.answer(*self.key)
        self.note.load(answer.note if answer else "")
        self.refresh_answer()
        self.refresh_photos()
        self.findings.show_item(session, self.key, f"{node.code} {node.title}")
        self.set_read_only(session.read_only)
        self.verticalScrollBar().setValue(0)

    def _set_text(self, node: Node) -> None:
        attrs = node.attrs
        # A star indicator's text is its criteria per level: the level list shows them.
        shown = node.text and node.text != node.title and node.kind is not NodeKind.STAR
        self.text.setText(_paragraphs(node.text) if shown else "")
        self.text.setVisible(bool(self.text.text()))
        facts = []
        if attrs.get("responsible_units"):
            facts.append(tr("<b>责任单位：</b>") + html.escape(tr("、").join(attrs["responsible_units"])))
        if attrs.get("deadline"):
            deadline = attrs["deadline"]
            text = html.escape(deadline.get("text", ""))
            if deadline.get("kind") == "month" and deadline.get("year"):
                text += f"（{deadline['year']}）"
            facts.append(tr("<b>时间节点：</b>") + text)
        if attrs.get("action"):
            facts.append(tr("<b>所属行动：</b>") + html.escape(attrs["action"]))
        self.facts.setText("<br>".join(facts))
        self.facts.setVisible(bool(facts))
        guidance = []
        if node.guidance and node.kind is not NodeKind.ACTION:
            guidance.append(html.escape(node.guidance))
        if attrs.get("points"):
            guidance.append("<br>".join(f"•&nbsp;{html.escape(p)}" for p in attrs["points"]))
        self.guidance.setText(tr("<b>检查要点</b><br>") + "<br>".join(guidance) if guidance else "")
        self.guidance.setVisible(bool(guidance))
        original = attrs.get("text_traditional") or ""
        title = attrs.get("title_traditional") or ""
        self.original.setText(_paragraphs("\n".join(x for x in (title, original) if x)))
        self.original_toggle.setVisible(bool(original or title))
        self.original_toggle.setChecked(False)
        self.original.hide()

    def _show_group(self, template: Template, node: Node | None) -> None:
        title = template.title if node is None else f"{node.code}　{node.title}"
        self.title.setText(title)
        for widget in (self.text, self.facts, self.guidance, self.original_toggle, self.original,
                       *self._item_widgets):
            widget.hide()
        items = list(node.items()) if node is not None else list(template.items())
        done = sum(1 for item in items if self.session.answer(template.id, item.code) is not None)
        lines = [tr("本部分共 {0} 个条目，已记录 {1} 个。").format(len(items), done)]
        if node is None and template.document_number:
            lines.append(html.escape(f"{template.issuer}　{template.document_number}"))
        if node is None and template.note:
            lines.append(_paragraphs(template.note))
        lines.append(tr("按 N 跳到下一个未检查条目，按数字键记录结果。"))
        if node is None and template.reference:
            # Not checked, but they decide how the standard applies (its scope, its terms).
            lines.append("<br>" + tr("<b>参考文本</b>（标准中不作检查的部分）"))
            lines += [f"<b>{html.escape(f'{r.code} {r.title}'.strip())}</b><br>"
                      + _paragraphs(r.text) for r in template.reference]
        self.group_info.setText("<br>".join(lines))
        self.group_info.show()
        self._set_badges([])

    def refresh_answer(self) -> None:
        """The result, values and badges of the item on screen, from the session."""
        if self.key is None:
            return
        answer = self.session.answer(*self.key)
        result = answer.result if answer else None
        if self.node.kind is NodeKind.STAR:
            self.star_form.set_answer(answer.value if answer else None, result)
        else:
            self.results.set_result(result)
        self.note.arrived(answer.note if answer else "")
        self._show_evidence()
        badges = []
        if self.node.attrs.get("pilot"):
            badges.append((tr("试点 *"), PILOT, tr("上海市营商环境创新试点改革举措事项")))
        if self.template.kind is TemplateKind.ACTION_PLAN and is_overdue(
                self.node, result, as_of=date.fromisoformat(self.session.inspection.date)):
            badges.append((tr("逾期"), OVERDUE,
                           tr("截至检查日期 {0} 已超过时间节点").format(self.session.inspection.date)))
        self._set_badges(badges)

    def refresh_photos(self) -> None:
        if self.key is not None:
            photos = self.session.photos_for(*self.key)
            self.photos.set_photos(photos, flag_texts(photos, self.session))
            self._show_evidence()

    def refresh_findings(self) -> None:
        if self.key is not None:
            self.findings.refresh()
            self._show_evidence()

    def _show_evidence(self) -> None:
        if self.key is not None:
            self.evidence.show_for(self.session, self.template, self.node)

    def focus_note(self) -> None:
        """Put the cursor at the end of the note, scrolled into view."""
        self.note.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.note.moveCursor(QTextCursor.MoveOperation.End)
        self.ensureWidgetVisible(self.note)

    def set_read_only(self, read_only: bool) -> None:
        self.results.setEnabled(not read_only)
        self.star_form.setEnabled(not read_only)
        self.note.setReadOnly(read_only)
        self.photos.set_editable(not read_only)
        self.setAcceptDrops(not read_only)
        if self.key is not None:
            self.findings.refresh()

    def _set_badges(self, badges: list[tuple[str, str, str]]) -> None:
        while self.badges.count():
            old = self.badges.takeAt(0).widget()
            old.hide()
            old.deleteLater()
        self.overdue_shown = False
        for text, color, tip in badges:
            label = badge(text, color, self.widget())
            label.setToolTip(tip)
            self.badges.addWidget(label, 0, Qt.AlignmentFlag.AlignTop)
            self.overdue_shown = self.overdue_shown or color == OVERDUE

    def _toggle_original(self, shown: bool) -> None:
        self.original.setVisible(shown)
        self.original_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    # --- edits ---------------------------------------------------------------------------------

    def commit_note(self, *, close: bool = False) -> None:
        """Save the note if it differs from the stored one."""
        self.note.commit(close=close)

    def note_restored(self, template_id: str, code: str, text: str) -> None:
        if (template_id, code) == self.key:
            self.note.load(text)

    def note_typing(self) -> bool:
        """Whether the note holds typed text not yet saved (the inspector is typing in it)."""
        return self.note.typing()

    def _star_values(self, value: dict) -> None:
        if self.key is not None and not self.session.read_only:
            self.session.undo_stack.push(SetAnswer(
                self.session, *self.key, tr("填写 {0} 测量值").format(self.node.title),
                {"value": value or None}))

    def _star_level(self, level) -> None:
        if self.key is not None and not self.session.read_only:
            self.session.undo_stack.push(SetAnswer(
                self.session, *self.key, tr("评定 {0}").format(self.node.title),
                {"result": None if level is None else str(level)}))

    # --- drops ---------------------------------------------------------------------------------

    def dragEnterEvent(self, event) -> None:
        if self.key is not None and self.acceptDrops() and accept_copy_drop(event):
            self.drop_highlight.show_over(True)

    def dragMoveEvent(self, event) -> None:
        if self.key is not None and self.acceptDrops():
            accept_copy_drop(event)

    def dragLeaveEvent(self, event) -> None:
        self.drop_highlight.show_over(False)

    def dropEvent(self, event) -> None:
        self.drop_highlight.show_over(False)
        paths = dropped_paths(event.mimeData())
        if paths and self.key is not None and accept_copy_drop(event):
            self.import_requested.emit(paths)


def _paragraphs(text: str) -> str:
    return "<br>".join(html.escape(line) for line in text.splitlines() if line.strip())
