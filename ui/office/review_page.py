"""审核: one inspection on the hub, read-only — its items with results, notes, photos and findings,
the signed report, the history of revisions and decisions — and the reviewer's decision: 通过, or
退回 with a comment overall and per item (typed beside the item it is about).

Everything is read from the hub in the background (inspection.hub.office_list.review_detail);
photos arrive one by one as the items showing them are opened. Recording the decision is
``inspection.hub.review.record_review`` naming the revision read here: if a newer revision
reached the hub meanwhile, the hub refuses and the page reads it again.
"""
from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from checklists.model import Template
from inspection.palette import RESULT_COLORS, SURFACE_ALT
from ui.base.i18n import result_label, status_label, tr
from ui.base.widgets import clear_layout, muted_label, section_title
from ui.office.flow_layout import FlowLayout
from ui.office.hub_files import Thumbnails, open_from_hub, park_location
from ui.office.hub_tasks import HubRequests
from ui.office.review_decision import finding_text, value_text
from ui.office.standing import decision_label

KEY_ROLE = Qt.ItemDataRole.UserRole


class ReviewPage(QWidget):
    """The review screen; ``show_inspection(id)`` reads it from the hub."""

    back_requested = Signal()
    decided = Signal(str)  # the inspection a decision was recorded on

    def __init__(self, requests: HubRequests, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.requests = requests
        self.detail: dict[str, Any] | None = None
        self.comments: dict[tuple[str, str], str] = {}
        self.key: tuple[str, str] | None = None
        self.thumbnails = Thumbnails(requests)
        self.message: QMessageBox | None = None
        self.confirmation: QMessageBox | None = None  # the question before a decision
        self.coverage: list[Any] = []  # inspection.office.measures.Coverage per template
        self._said_after_load = ""
        self.can_decide = True  # until the hub says who we are
        self.recorded: dict[str, Any] | None = None  # the decision on the revision on screen
        self._build()

    # --- layout ------------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        bar = QFrame(self)
        bar.setObjectName("reviewBar")
        bar.setStyleSheet(f"QFrame#reviewBar {{ background: {SURFACE_ALT}; }}")
        top = QHBoxLayout(bar)
        self.back = QPushButton(tr("‹ 中心检查列表"), bar)
        self.back.clicked.connect(self.back_requested)
        top.addWidget(self.back)
        titles = QVBoxLayout()
        self.title = QLabel(bar)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(max(font.pointSizeF(), 9) * 1.2)
        self.title.setFont(font)
        self.subtitle = muted_label("", bar, wrap=False)
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        top.addLayout(titles, 1)
        self.report_button = QPushButton(tr("打开已签署报告"), bar)
        self.report_button.clicked.connect(self.open_report)
        top.addWidget(self.report_button)
        outer.addWidget(bar)
        self.state = muted_label("", self)
        self.state.setContentsMargins(10, 2, 10, 2)
        self.state.hide()  # shown while it has something to say
        outer.addWidget(self.state)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 0, 0, 0)
        self.only_marked = QCheckBox(tr("只看不符合、有整改或有意见的条目"), left)
        self.only_marked.toggled.connect(lambda _on: self._fill_tree())
        left_layout.addWidget(self.only_marked)
        self.tree = QTreeWidget(left)
        self.tree.setHeaderLabels([tr("条目"), tr("结果"), tr("证据")])
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Result and evidence as wide as they need up to a share of the tree: the item's title
        # keeps the rest (at 1024 wide it was cut to two characters); the cut ones elide.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.tree.installEventFilter(self)
        self.tree.currentItemChanged.connect(lambda item, _old: self._show_item(item))
        left_layout.addWidget(self.tree, 1)
        splitter.addWidget(left)

        scroll = QScrollArea(splitter)
        scroll.setWidgetResizable(True)
        # Everything in the middle wraps (photo cards flow onto the next row): never a
        # horizontal scroll (trial 2, F12).
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.middle = scroll
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(scroll)
        self.item_layout = QVBoxLayout(body)
        self.item_layout.setContentsMargins(14, 8, 14, 8)
        self.item_title = QLabel(body)
        self.item_title.setWordWrap(True)
        bold = self.item_title.font()
        bold.setBold(True)
        self.item_title.setFont(bold)
        self.item_text = self._label(body)
        self.item_result = self._label(body)
        self.item_note = self._label(body)
        self.photo_row = FlowLayout()
        self.findings_box = QVBoxLayout()
        self.comment_title = section_title(tr("对此条目的审核意见"), body)
        self.comment = QPlainTextEdit(body)
        self.comment.setPlaceholderText(tr("退回时写明这个条目要改什么（检查人员同步后在条目上方看到）"))
        self.comment.setFixedHeight(70)
        self.comment.textChanged.connect(self._comment_typed)
        for widget in (self.item_title, self.item_text, self.item_result, self.item_note):
            self.item_layout.addWidget(widget)
        self.item_layout.addWidget(section_title(tr("照片"), body))
        self.item_layout.addLayout(self.photo_row)
        self.item_layout.addWidget(section_title(tr("整改项"), body))
        self.item_layout.addLayout(self.findings_box)
        self.item_layout.addWidget(self.comment_title)
        self.item_layout.addWidget(self.comment)
        self.item_layout.addStretch(1)
        scroll.setWidget(body)
        splitter.addWidget(scroll)

        side = QWidget(splitter)
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(section_title(tr("审核结论"), side))
        self.overall = QPlainTextEdit(side)
        self.overall.setPlaceholderText(tr("总体意见（退回时必填，或至少写一个条目的意见）"))
        side_layout.addWidget(self.overall, 1)
        self.item_count = muted_label("", side)
        side_layout.addWidget(self.item_count)
        self.checked = QLabel(side)  # 已检查 N/M（未检查 K 项）, before 通过
        self.checked.setWordWrap(True)
        side_layout.addWidget(self.checked)
        buttons = QHBoxLayout()
        self.approve = QPushButton(tr("通过"), side)
        self.approve.clicked.connect(lambda: self.decide("approve"))
        self.return_ = QPushButton(tr("退回…"), side)
        self.return_.clicked.connect(lambda: self.decide("return"))
        buttons.addWidget(self.approve)
        buttons.addWidget(self.return_)
        side_layout.addLayout(buttons)
        side_layout.addWidget(section_title(tr("修订与审核记录"), side))
        self.history = self._label(side)
        side_layout.addWidget(self.history, 2)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 4)
        splitter.setStretchFactor(2, 2)
        outer.addWidget(splitter, 1)

    def _say(self, text: str) -> None:
        self.state.setText(text)
        self.state.setVisible(bool(text))

    @staticmethod
    def _label(parent: QWidget) -> QLabel:
        label = QLabel(parent)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        return label

    # --- reading -----------------------------------------------------------------------------

    def show_inspection(self, inspection_id: str) -> None:
        from inspection.hub.office_list import review_detail

        self.detail = None
        self.recorded = None
        self.key = None
        self.comments = {}
        self.overall.clear()
        self.tree.clear()
        self.title.setText(tr("正在读取…"))
        self.subtitle.clear()
        self._say("")
        self._enable(False)
        self.requests.run("detail", lambda session: review_detail(session, inspection_id), self._loaded)

    def _loaded(self, detail: dict[str, Any]) -> None:
        from inspection.model import Status

        self.detail = detail
        self.answers = {(a["template_id"], a["item_code"]): a for a in detail["answers"]}
        self.photos: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for photo in detail["photos"]:
            self.photos.setdefault((photo["template_id"], photo["item_code"]), []).append(photo)
        self.findings: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for finding in detail["findings"]:
            self.findings.setdefault((finding["template_id"], finding["item_code"]), []).append(finding)
        self.title.setText(tr("审核：{0}　{1}").format(detail["park"], detail["date"]))
        self.subtitle.setText("　".join([
            tr("报告编号 {0}").format(detail["report_number"]), tr("第 {0} 版").format(detail["revision"]),
            status_label(Status(detail["status"])),
            tr("检查人员 {0}").format("、".join(detail["inspectors"] or [detail["owner"]])),
            tr("上传者 {0}").format(detail["owner"])]))
        self.report_button.setEnabled(bool(detail["reports"]))
        self.report_button.setToolTip(tr("已签署报告 SHA-256 {0}").format(detail["reports"][-1]["sha256"])
                                      if detail["reports"] else tr("这一版没有已签署的报告"))
        self.recorded = self._recorded_decision(detail)
        if self.recorded is not None:  # what was recorded on this revision stays on screen
            self.comments = {(c.get("template_id", ""), c["item_code"]): c["comment"]
                             for c in self.recorded.get("item_comments") or []}
            self.overall.setPlainText(self.recorded.get("comment") or "")
        reviewable = detail["status"] in ("completed", "signed")
        self._enable(reviewable)
        self._say(self._said_after_load if reviewable else tr(
            "这次检查在中心的状态是“{0}”，完成后才能审核。").format(status_label(Status(detail["status"]))))
        self._said_after_load = ""
        self._fill_checked()
        self._fill_history()
        self._fill_tree()

    @staticmethod
    def _recorded_decision(detail: dict[str, Any]) -> dict[str, Any] | None:
        """The decision last recorded on the revision on screen (the hub keeps every one; the
        latest counts), or None."""
        found = [r for r in detail["history"]["reviews"] if r["revision_id"] == detail["revision_id"]]
        return found[-1] if found else None

    def _enable(self, on: bool) -> None:
        on = on and self.can_decide
        for widget in (self.approve, self.return_, self.overall, self.comment):
            widget.setEnabled(on)
        tip = "" if self.can_decide else tr("只有审核人员可以记录审核结论")
        for widget in (self.approve, self.return_):
            widget.setToolTip(tip)
        # The decision recorded on this revision reads on its button (not pressed again); the
        # other stays: a reviewer may change their mind — the latest decision counts.
        recorded = (self.recorded or {}).get("decision") if self.detail is not None else None
        self.approve.setText(tr("已通过") if recorded == "approved" else
                             tr("改为通过") if recorded == "returned" else tr("通过"))
        self.return_.setText(tr("已退回") if recorded == "returned" else
                             tr("改为退回…") if recorded == "approved" else tr("退回…"))
        if on and recorded == "approved":
            self.approve.setEnabled(False)
        if on and recorded == "returned":
            self.return_.setEnabled(False)
        if on and recorded:
            for widget in (self.approve, self.return_):
                widget.setToolTip(tr("已记录的结论可以改：再记录一次，以最新的为准"))

    def _marked(self, key: tuple[str, str]) -> bool:
        answer = self.answers.get(key)
        return bool((answer and answer["result"] in ("fail", "delayed")) or self.findings.get(key)
                    or self.comments.get(key))

    def _fill_tree(self) -> None:
        if self.detail is None:
            return
        current = self.key
        self.tree.clear()
        templates: list[Template] = self.detail["templates"]
        for template in templates:
            root = QTreeWidgetItem([template.short_title or template.title])
            self.tree.addTopLevelItem(root)
            for node in template.item_nodes:
                key = (template.id, node.code)
                if self.only_marked.isChecked() and not self._marked(key):
                    continue
                answer = self.answers.get(key)
                result = answer["result"] if answer else None
                shown = result_label(result) if result else (tr("已填写") if answer and answer["value"] else "—")
                evidence = []
                if self.photos.get(key):
                    evidence.append(tr("照片 {0}").format(len(self.photos[key])))
                if self.findings.get(key):
                    evidence.append(tr("整改 {0}").format(len(self.findings[key])))
                if self.comments.get(key):
                    evidence.append(tr("有意见"))
                item = QTreeWidgetItem([f"{node.code}　{node.title}", shown, " ".join(evidence)])
                item.setData(0, KEY_ROLE, key)
                if result in RESULT_COLORS:
                    item.setForeground(1, QColor(RESULT_COLORS[result]))
                item.setToolTip(0, f"{node.code}　{node.title}")
                item.setToolTip(2, " ".join(evidence))
                root.addChild(item)
                if key == current:
                    self.tree.setCurrentItem(item)
            root.setExpanded(True)
        self.item_count.setText(tr("已写意见的条目：{0} 项").format(sum(1 for c in self.comments.values() if c)))
        self._fit_columns()
        if self.tree.currentItem() is None or self.tree.currentItem().data(0, KEY_ROLE) is None:
            self._select_first()

    def _select_first(self) -> None:
        """The first item commented on, else the first item: the middle pane never opens empty."""
        items = [root.child(n) for r in range(self.tree.topLevelItemCount())
                 for root in [self.tree.topLevelItem(r)] for n in range(root.childCount())]
        commented = [i for i in items if self.comments.get(i.data(0, KEY_ROLE))]
        first = (commented or items or [None])[0]
        if first is not None:
            self.tree.setCurrentItem(first)

    def _fit_columns(self) -> None:
        share = max(60, self.tree.viewport().width() // 4)
        for column in (1, 2):
            wanted = max(self.tree.sizeHintForColumn(column), self.tree.header().sectionSizeHint(column)) + 12
            self.tree.setColumnWidth(column, min(wanted, share))

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if watched is self.tree and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _fill_checked(self) -> None:
        """已检查 N/M（未检查 K 项） and the open findings beside 通过 (trial 2, F11)."""
        from ui.office.review_decision import show_checked

        assert self.detail is not None
        self.coverage = show_checked(self.checked, self.detail)

    def _fill_history(self) -> None:
        from ui.office.review_decision import history_html

        assert self.detail is not None
        self.history.setText(history_html(self.detail["history"]))

    # --- the item on screen ------------------------------------------------------------------

    def _show_item(self, item: QTreeWidgetItem | None) -> None:
        key = item.data(0, KEY_ROLE) if item is not None else None
        self.key = key
        clear_layout(self.photo_row)
        clear_layout(self.findings_box)
        if key is None or self.detail is None:
            self.item_title.setText(tr("请在左侧选择一个条目"))
            for label in (self.item_text, self.item_result, self.item_note):
                label.clear()
            self.comment.setEnabled(False)
            return
        template = next(t for t in self.detail["templates"] if t.id == key[0])
        node = template.find(key[1])
        self.item_title.setText(f"{node.code}　{node.title}")
        self.item_text.setText(node.text if node.text and node.text != node.title else "")
        answer = self.answers.get(key)
        if answer is None:
            self.item_result.setText(tr("结果：未检查"))
            self.item_note.clear()
        else:
            parts = [tr("结果：{0}").format(result_label(answer["result"]) if answer["result"] else "—")]
            if answer["value"]:
                parts.append(value_text(answer["value"]))
            self.item_result.setText("　".join(parts))
            self.item_note.setText(tr("备注：{0}").format(answer["note"]) if answer["note"] else "")
        photos = self.photos.get(key, [])
        if not photos:
            self.photo_row.addWidget(muted_label(tr("无"), wrap=False))
        for photo in photos:
            self.photo_row.addWidget(self.thumbnails.label(
                photo, self, partial(self._photo_arrived, photo), visit_date=self.detail["date"],
                park_location=park_location(self.detail)))
        for finding in self.findings.get(key, []):
            self.findings_box.addWidget(self._label_with(finding_text(finding)))
        if not self.findings.get(key):
            self.findings_box.addWidget(muted_label(tr("无")))
        self.comment.blockSignals(True)
        self.comment.setPlainText(self.comments.get(key, ""))
        self.comment.blockSignals(False)
        self.comment.setEnabled(self.approve.isEnabled())

    def _label_with(self, text: str) -> QLabel:
        label = self._label(self)
        label.setText(text)
        return label

    def _photo_arrived(self, photo: dict[str, Any]) -> None:
        if self.key == (photo["template_id"], photo["item_code"]):
            self._show_item(self.tree.currentItem())

    def set_can_decide(self, can: bool) -> None:
        """Only a reviewer records decisions (the hub refuses anyone else): others read."""
        self.can_decide = can
        if self.detail is not None:
            self._enable(self.detail["status"] in ("completed", "signed"))

    def _comment_typed(self) -> None:
        if self.key is not None:
            self.comments[self.key] = self.comment.toPlainText().strip()
            self.item_count.setText(tr("已写意见的条目：{0} 项").format(sum(1 for c in self.comments.values() if c)))

    # --- the signed report and the decision ----------------------------------------------------

    def open_report(self) -> None:
        if not self.detail or not self.detail["reports"]:
            return
        report = self.detail["reports"][-1]
        open_from_hub(self.requests, report["sha256"],
                      f"{self.detail['report_number'] or 'report'}-r{report['revision']}.pdf",
                      lambda path: self._say(tr("这台电脑没有可打开 PDF 的程序；报告已保存在：{0}").format(path)))

    def decide(self, decision: str) -> None:
        """Ask first (:mod:`ui.office.review_decision`), then record."""
        if self.detail is None:
            return
        detail = self.detail
        comment = self.overall.toPlainText().strip()
        items = [(f"{tid}:{code}", text) for (tid, code), text in self.comments.items() if text]
        if decision == "return" and not comment and not items:
            self._say(tr("退回时请写明原因：总体意见，或至少一个条目的意见。"))
            self.overall.setFocus()
            return
        from ui.office.review_decision import ask

        self.confirmation = ask(self, decision, detail, self.coverage, comment, items,
                                lambda: self._record(decision, comment, items))

    def _record(self, decision: str, comment: str, items: list[tuple[str, str]]) -> None:
        from inspection.hub.review import record_review

        if self.detail is None:
            return
        detail = self.detail
        self._enable(False)
        self._say(tr("正在记录审核结论…"))

        def recorded(result: dict[str, Any]) -> None:
            said = tr("已记录：{0}（第 {1} 版）").format(decision_label(result["decision"]), result["revision"])
            self.decided.emit(detail["id"])
            self.show_inspection(detail["id"])
            self._said_after_load = said
            self._say(said)

        self.requests.run("decide", lambda session: record_review(
            session, detail["id"], decision, comment=comment, items=items,
            revision_id=detail["revision_id"]), recorded)

    def refused(self, text: str) -> None:
        """The hub refused (or could not be reached): said on the page; the fields stay."""
        self._say(text)
        if self.detail is not None:
            self._enable(self.detail["status"] in ("completed", "signed"))
