"""The office's review as the inspector sees it on the inspection page: a banner with the latest
decision (退回 with the reviewer's comment and 重新打开修改…, or 通过), the reviewer's comment
on the item on screen, above its result, and a mark on each commented item in the checklist
(F8 / Shift+F8 go from one to the next). The banner says what the list's badge says
(``Store.hub_standings``): an approval of results since reopened, edited or changed is named as
the earlier one, with what happens to it when the inspection goes to the hub again.

The decisions come down with each sync (``Store.latest_decision``); they are read on the reader
connection when an inspection opens, when the list learns of new standings (after a sync) and
after reopening. Nothing here edits except reopening, which is one store edit
(``Store.reopen_returned``: a new revision).
"""
from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from inspection.model import Inspection, Status
from inspection.palette import NOTICE_BAD, NOTICE_CAUTION, NOTICE_GOOD
from ui.base.error_reporting import report_error
from ui.base.i18n import tr
from ui.base.tasks import TaskRunnerStopped
from ui.office.standing import approval_note, decision_line

if TYPE_CHECKING:
    from inspection.store import HubStanding, ReviewDecision
    from ui.session.edit_session import ItemKey

COMMENT_KEY = "F8"  # 检查 → 下一条审核意见 (ui/inspection_view/actions.py)


def item_comments(decision: ReviewDecision | None) -> dict[ItemKey, str]:
    """The comments of a 退回 by item (an approval's comments are not marked)."""
    if decision is None or decision.decision != "returned":
        return {}
    found: dict[ItemKey, list[str]] = {}
    for c in decision.item_comments:  # grouped in one pass, joined as comment_on joins them
        if c.get("comment") and "template_id" in c and "item_code" in c:
            found.setdefault((c["template_id"], c["item_code"]), []).append(c["comment"])
    return {key: "；".join(comments) for key, comments in found.items()}


def _notice_style(widget: QWidget, name: str, colors: tuple[str, str, str]) -> None:
    widget.setObjectName(name)
    widget.setStyleSheet(f"#{name} {{ background: {colors[0]}; border: 1px solid {colors[1]};"
                         f" border-radius: 4px; }} #{name} QLabel {{ color: {colors[2]}; }}")


class ReviewBanner(QFrame):
    """The latest decision on the open inspection, under the page's title."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(self.text, 1)
        self.reopen = QPushButton(tr("重新打开修改…"), self)
        self.reopen.setToolTip(tr("按审核意见修改：生成新修订版，改完后重新完成并同步"))
        row.addWidget(self.reopen)
        self.hide()

    def show_decision(self, decision: ReviewDecision | None, inspection: Inspection,
                      standing: HubStanding | None = None) -> None:
        """*standing*: where the inspection stands with the hub (None: not known there — the
        decision is then taken as on the revision it names)."""
        if decision is None:
            self.hide()
            return
        same_revision = decision.revision == inspection.revision
        items = len(decision.item_comments)
        if decision.decision == "approved":
            note = approval_note(standing) if standing is not None else ""
            if note:
                _notice_style(self, "reviewBanner", NOTICE_CAUTION)
                text = note + "\n" + tr("此前的审核：{0}").format(decision_line(decision))
            elif (standing.state == "approved") if standing is not None else (
                    same_revision and inspection.status in (Status.COMPLETED, Status.SIGNED)):
                _notice_style(self, "reviewBanner", NOTICE_GOOD)
                text = tr("中心审核通过：{0}").format(decision_line(decision))
            else:
                self.hide()  # an approval of an earlier revision says nothing about this one
                return
        else:
            # 退回 is the one banner while it offers 重新打开修改… (the page's 已签署，只读 banner
            # steps aside, PageHeader.offer_reopen_elsewhere): it says what to do, in order.
            _notice_style(self, "reviewBanner", NOTICE_BAD)
            offers = same_revision and inspection.status in (Status.COMPLETED, Status.SIGNED)
            text = (tr("中心审核退回：{0}") if same_revision else tr("按审核意见修改中（{0}）")).format(
                decision_line(decision))
            if items:
                text += tr("。{0} 个条目有审核意见（检查表中标有红色气泡），按 {1} 逐条查看").format(
                    items, COMMENT_KEY)
            if offers:
                text += tr("。点“重新打开修改…”生成新修订版，再按意见修改") if inspection.locked \
                    else tr("。点“重新打开修改…”按意见修改")
        self.text.setText(text)
        self.reopen.setVisible(decision.decision == "returned" and same_revision
                               and inspection.status in (Status.COMPLETED, Status.SIGNED))
        self.show()


class ItemReviewNote(QLabel):
    """The reviewer's comment on the item on screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        _notice_style(self, "itemReviewNote", NOTICE_BAD)
        self.setStyleSheet(self.styleSheet() + f" #itemReviewNote {{ color: {NOTICE_BAD[2]};"
                           " padding: 4px 8px; }")
        self.hide()

    def show_comment(self, decision: ReviewDecision | None, key: tuple[str, str] | None) -> None:
        comment = decision.comment_on(*key) if decision is not None and key is not None \
            and decision.decision == "returned" else ""
        self.setText(tr("审核意见（第 {0} 版，{1}）：{2}").format(decision.revision, decision.reviewer, comment)
                     if comment and decision is not None else "")
        self.setVisible(bool(comment))


class ReviewNotes(QObject):
    """Puts the banner in the page's header and the item note in its item panel, and keeps them."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.runner = window.runner
        self.page: Any = None
        self.decision: ReviewDecision | None = None
        window.current_inspection_changed.connect(lambda _iid: self.refresh())
        window.home.loader.standings.connect(lambda _standings: self.refresh())
        # The inspection view is built after the window first paints: the notes go in then.
        built = window.__dict__.get("_page")
        if built is not None:
            self._attach(built)
        else:
            window.page_built.connect(self._attach)

    def _attach(self, page: Any) -> None:
        self.page = page
        self.banner = ReviewBanner(page.header)
        page.header.layout().addWidget(self.banner)
        self.banner.reopen.clicked.connect(self.reopen)
        panel = page.panel
        self.note = ItemReviewNote(panel.widget())
        body = panel.widget().layout()
        body.insertWidget(body.indexOf(panel.conflicts), self.note)
        page.pane.current_changed.connect(lambda *_: self._show_item())
        page.inspection_changed.connect(lambda _inspection: self.refresh())

    def refresh(self) -> None:
        inspection_id = self.window.current_inspection_id
        if not inspection_id or self.page is None:
            return

        def read(store) -> tuple[ReviewDecision | None, Inspection, HubStanding | None]:
            from inspection.hub.settings import load_settings

            standing = store.hub_standings(load_settings(store.data_dir.root).hub_id,
                                           inspection_id=inspection_id).get(inspection_id)
            return store.latest_decision(inspection_id), store.inspection(inspection_id), standing

        with contextlib.suppress(TaskRunnerStopped):  # the window is closing
            self.runner.read(read, lambda found: self._show(inspection_id, *found), lambda _exc: None)

    def _show(self, inspection_id: str, decision: ReviewDecision | None, inspection: Inspection,
              standing: HubStanding | None = None) -> None:
        if inspection_id != self.window.current_inspection_id:
            return
        self.decision = decision
        self.page.model.set_comments(inspection_id, item_comments(decision))
        self.banner.show_decision(decision, inspection, standing)
        # Reopening an approved inspection says beforehand what it does to the approval.
        approved = standing is not None and standing.state == "approved"
        said = tr("中心已审核通过这次检查。\n重新打开修改期间，检查列表显示“曾通过”；\n完成并同步后，"
                  "结果未变则仍为已通过，有改动则需重新审核。") if approved else ""
        self.page.header.status_button.setToolTip(said if inspection.status is Status.COMPLETED else "")
        self.page.header.reopen.setToolTip(said)
        offered = not self.banner.reopen.isHidden() and not self.banner.isHidden()
        self.page.header.offer_reopen_elsewhere(inspection_id if offered else "")
        self._show_item()

    def _show_item(self) -> None:
        self.note.show_comment(self.decision, self.page.panel.key)

    def reopen(self) -> None:
        inspection_id = self.window.current_inspection_id
        if not inspection_id:
            return
        self.page.flush()
        self.banner.reopen.setEnabled(False)

        def done(_inspection: Inspection) -> None:
            self.banner.reopen.setEnabled(True)
            self.page.reload()
            self.refresh()
            self.window.home.refresh()

        def failed(exc: BaseException) -> None:
            self.banner.reopen.setEnabled(True)
            report_error(exc, self.window)

        self.runner.db(lambda store: store.reopen_returned(inspection_id), done, failed)
