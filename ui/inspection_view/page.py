"""The inspection view: the checklist tree, the item panel, overall photos and the summary.

Everything an inspector does inside one inspection happens here. Edits are undoable commands
written through the task runner (ui/session/undo_commands.py); the page reports the save state honestly,
keeps single-key shortcuts away from text fields, and remembers its splitter and current item.
Its menu actions are built in ui/inspection_view/actions.py, status changes in ui/inspection_view/status.py.
"""
from __future__ import annotations

import contextlib

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from checklists.model import NodeKind, TemplateKind
from inspection.changes import Change
from inspection.store import InspectionLocked
from ui.base.error_reporting import report_error
from ui.base.i18n import result_label, tr
from ui.base.preferences import Preferences
from ui.base.tasks import TaskRunner, TaskRunnerStopped
from ui.camera.camera_flow import CameraFlow
from ui.dialogs.park_location import ask_park_location
from ui.inspection_view import navigation
from ui.inspection_view.actions import InspectionActions, digit_results
from ui.inspection_view.checklist_model import KEY_ROLE, TEMPLATE_ROLE
from ui.inspection_view.checklist_pane import ChecklistPane
from ui.inspection_view.conflicts import ConflictController
from ui.inspection_view.item_panel import ItemPanel
from ui.inspection_view.keyboard import PageKeyboard
from ui.inspection_view.page_header import PageHeader
from ui.inspection_view.status import ask_reopen_reason, complete_or_resume, inspection_title
from ui.inspection_view.summary_tab import SummaryView
from ui.photos.import_flow import PagePhotos
from ui.photos.photo_facts import flag_texts
from ui.photos.photo_strip import PhotoStrip, ThumbnailCache
from ui.session.edit_session import EditSession
from ui.session.undo_commands import SetAnswer

STAY_RESULTS = ("fail", "delayed")  # 不符合, 滞后: the inspector writes why before moving on


class InspectionPage(QWidget):
    """One inspection, open for checking. ``load(id)`` opens it; ``flush()`` saves what is typed."""

    back_requested = Signal()
    save_state_changed = Signal(str)
    status_message = Signal(str)  # for the window's status bar (what an undo did)
    title_changed = Signal(str)
    inspection_changed = Signal(object)  # the open inspection's record, when its status moved

    def __init__(self, runner: TaskRunner, prefs: Preferences, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner, self.prefs = runner, prefs
        self.undo_stack = QUndoStack(self)
        self.session: EditSession | None = None
        self.current_inspection_id: str | None = None
        self._view_states: dict[str, tuple[str, str]] = {}  # filter and search, per inspection
        self.cache = ThumbnailCache(runner, self)
        self.photos = PagePhotos(runner, self)
        self.importer = self.photos.importer
        self.photos.message.connect(lambda text: self.header.flash(text))
        self.camera = CameraFlow(self.photos, self)
        self.camera.message.connect(lambda text: self.header.flash(text))
        self._summary_timer = _timer(self, 300, self.refresh_summary)
        self._pin_timer = _timer(self, 0, self._pin_current)
        self._build()
        self.conflict_controller = ConflictController(self)  # 冲突待核 after a bundle merge
        self.keyboard = PageKeyboard(self)
        self.inspection_actions = InspectionActions(self)
        # the actions the main window and the tests reach for by name
        self.status_action = self.inspection_actions.status
        self.auto_advance_action = self.inspection_actions.auto_advance
        self.add_finding_action = self.inspection_actions.add_finding
        self.model.comments_changed.connect(
            lambda: self.inspection_actions.show_comments(len(self.model.commented_keys())))

    # --- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget(self)
        outer.addWidget(self.pages)
        self.busy = QLabel(tr("正在打开检查…"), self)
        self.busy.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages.addWidget(self.busy)
        content = QWidget(self)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.header = PageHeader(content)
        self.header.back.clicked.connect(self._back)
        self.header.add_photos.clicked.connect(lambda: self.photos.import_photos(None, (None, None)))
        self.header.status_button.clicked.connect(self.toggle_completed)
        self.header.reopen.clicked.connect(self.reopen)
        self.header.files_dropped.connect(lambda paths: self.photos.import_photos(paths, (None, None)))
        layout.addWidget(self.header)
        self.tabs = QTabWidget(content)
        self.tabs.setDocumentMode(True)
        layout.addWidget(self.tabs, 1)
        self.pages.addWidget(content)
        # checklist tab
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self.tabs)
        self.pane = ChecklistPane(self.splitter)
        self.model, self.proxy, self.tree = self.pane.model, self.pane.proxy, self.pane.tree
        self.search = self.pane.search
        self.pane.current_changed.connect(self._current_changed)
        self.pane.filter_changed.connect(
            lambda mode: self.inspection_actions.filters[mode].setChecked(True))
        self.tree.files_dropped.connect(lambda key, paths: self.photos.import_photos(paths, key))
        self.panel = ItemPanel(self.cache, self.splitter)
        self.panel.result_chosen.connect(lambda key: self.set_result(key))
        self.panel.import_requested.connect(lambda paths: self.photos.import_photos(paths, self.panel.key))
        self.photos.attach(self.panel.photos, lambda: self.panel.key)
        self.splitter.addWidget(self.pane)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([440, 840])
        state = self.prefs.layout_state("inspection/splitter")
        if state is not None:
            self.splitter.restoreState(state)
        self.splitter.splitterMoved.connect(lambda *_: self.prefs.set_layout_state(
            "inspection/splitter", self.splitter.saveState()))
        self.tabs.addTab(self.splitter, tr("检查表"))
        self.overall = PhotoStrip(self.cache, self.tabs, title=tr("整体照片"), wrap=True, thumb=200)
        self.overall.setContentsMargins(12, 12, 12, 12)
        self.photos.attach(self.overall, lambda: (None, None))
        self.tabs.addTab(self.overall, tr("整体照片"))
        self.summary = SummaryView(self.tabs)
        self.tabs.addTab(self.summary, tr("汇总"))
        self.tabs.currentChanged.connect(self._tab_changed)

    def menu_actions(self) -> dict[str, list[QAction]]:
        return self.inspection_actions.menus()

    # --- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the open inspection again (e.g. after it was signed elsewhere)."""
        if self.current_inspection_id:
            self.load(self.current_inspection_id)

    def load(self, inspection_id: str) -> None:
        """Open an inspection (the page shows a busy state until it is read)."""
        self.flush()
        if self.photos.viewer is not None:
            self.photos.viewer.close()
        if inspection_id != self.current_inspection_id:  # another one: start on its checklist
            self.tabs.setCurrentIndex(0)
            if self.current_inspection_id is not None:  # its filter stays with it
                self._view_states[self.current_inspection_id] = self.pane.view_state()
        self.current_inspection_id = inspection_id
        self.pages.setCurrentWidget(self.busy)
        self.setEnabled(True)
        self.runner.db(lambda store: store.snapshot(inspection_id),
                       lambda snapshot: self._loaded(inspection_id, snapshot),
                       lambda exc: self._load_failed(inspection_id, exc))

    def _loaded(self, inspection_id: str, snapshot) -> None:
        if inspection_id != self.current_inspection_id:
            return
        self.undo_stack.clear()
        if self.session is not None:
            # Edits of the old one may still be confirmed: they must not reach this page. It is
            # freed with the last command or callback that holds it (no Qt parent).
            self.session.blockSignals(True)
        self.cache.clear()
        session = EditSession(self.runner, snapshot, self.undo_stack)
        self.session = session
        self.photos.session = session
        session.save_state_changed.connect(self.save_state_changed)
        session.failed.connect(self._edit_failed)
        session.changed.connect(self._on_change)
        session.note_restored.connect(self.panel.note_restored)
        self.model.set_session(session)
        self.conflict_controller.load(inspection_id)
        self.pane.restore_view_state(self._view_states.get(inspection_id, ("all", "")))
        self.tree.expandAll()
        self.pages.setCurrentIndex(1)
        self._inspection_updated()
        self._photos_changed()
        self.select(self._remembered_item() or self._first_unanswered())
        self.summary.dirty = True
        if self.tabs.currentWidget() is self.summary:
            self.refresh_summary()
        self._focus_checklist()

    def _focus_checklist(self) -> None:
        """Keys 1–4 answer the current item at once: the tree has the focus, and the window
        is active again when the dialog that opened the inspection (新建检查) left none."""
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.isVisible() and QApplication.activeWindow() is None \
                and QApplication.activeModalWidget() is None:
            self.window().activateWindow()

    def _load_failed(self, inspection_id: str, exc: BaseException) -> None:
        if inspection_id == self.current_inspection_id:
            self.busy.setText(tr("无法打开该检查。"))
            report_error(exc, self)

    def _remembered_item(self):
        key = self.prefs.current_item(self.current_inspection_id or "")
        return key if key is not None and self.model.index_of(key).isValid() else None

    def _first_unanswered(self):
        keys = self.model.item_keys()
        return next((k for k in keys if not self.model.is_done(k)), keys[0] if keys else None)

    # --- state shown in the header -------------------------------------------------------------

    def _inspection_updated(self) -> None:
        inspection = self.session.inspection
        title = inspection_title(inspection)
        self.header.show_inspection(inspection, title)
        self.inspection_actions.show_inspection(inspection)
        self.panel.set_read_only(inspection.locked)
        self.overall.set_editable(not inspection.locked)
        self._update_result_actions()
        self._update_progress()
        self.title_changed.emit(title)

    def _update_progress(self, change: Change | None = None) -> None:
        # From the change itself: the model's own slot on the same signal may not have run yet.
        done, total = self.model.progress(change)
        self.header.set_progress(done, total)

    def _on_change(self, change: Change) -> None:
        """Update what *change* concerns (the session says once what now looks different)."""
        if self.panel.key in change.answers:
            self.panel.refresh_answer()
        if change.answers or change.answered:
            self._update_progress(change)
        if change.photos:
            self._photos_changed()
        if change.findings or change.removed_findings:
            self.panel.refresh_findings()
        if change.inspection is not None:
            self._inspection_updated()
            self.inspection_changed.emit(change.inspection)
        self.summary.dirty = True
        if self.tabs.currentWidget() is self.summary:
            self._summary_timer.start()

    def _edit_failed(self, exc: BaseException) -> None:
        report_error(exc, self)
        if isinstance(exc, InspectionLocked) and self.session is not None:
            self.session.refresh_inspection()  # signed elsewhere: show it locked

    def _photos_changed(self) -> None:
        self.panel.refresh_photos()
        overall = self.session.photos_for(None, None)
        self.overall.set_photos(overall, flag_texts(overall, self.session))
        self.tabs.setTabText(1, tr("整体照片（{0}）").format(len(overall)) if overall
                             else tr("整体照片"))

    # --- moving around -------------------------------------------------------------------

    def select(self, key) -> None:
        self.pane.select(key)

    def _current_changed(self, current: QModelIndex) -> None:
        if self.session is None or not current.isValid():
            return
        key = current.data(KEY_ROLE)
        template = self.session.template(current.data(TEMPLATE_ROLE))
        node = template.find(key[1]) if key else None
        self.panel.show_node(self.session, template, node)
        self._update_result_actions()
        if key is not None and node.is_item:
            self.prefs.set_current_item(self.session.id, key)
        self._pin_timer.start()

    def _pin_current(self) -> None:
        key = self.panel.key
        if key is not None:
            self.pane.pin(key)

    def move_unanswered(self, step: int) -> None:
        if self.keyboard.allowed(editing=False):
            navigation.move_unanswered(self, step)

    def move_commented(self, step: int) -> None:
        navigation.move_commented(self, step)

    def set_filter(self, mode: str) -> None:
        self.pane.set_filter(mode)

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.pane.focus_search()

    # --- answering -----------------------------------------------------------------------

    @property
    def auto_advance(self) -> bool:
        return self.prefs.auto_advance

    def set_auto_advance(self, on: bool) -> None:
        self.prefs.auto_advance = on

    def toggle_note(self) -> None:
        self.keyboard.toggle_note()

    def focusNextPrevChild(self, forward: bool) -> bool:
        return self.keyboard.tab(forward) or super().focusNextPrevChild(forward)

    def _update_result_actions(self) -> None:
        self.inspection_actions.update_results(
            self.panel.template, self.panel.node,
            read_only=bool(self.session and self.session.read_only))

    def key_result(self, digit: int) -> None:
        if not self.keyboard.allowed():
            return
        key = digit_results(self.panel.template, self.panel.node).get(digit)
        if key is not None:
            self.set_result(key, advance=True)
        elif self.panel.node is not None and self.panel.node.kind is NodeKind.STAR:
            # A measured indicator's level follows from its values: a digit does nothing there.
            self.header.flash(tr("本指标的等级由测量值得出，请在右侧填写测量值"))

    def set_result(self, key: str | None, *, advance: bool = False) -> None:
        if self.session is None or self.panel.key is None or self.session.read_only:
            return
        template, node = self.panel.template, self.panel.node
        answer = self.session.answer(*self.panel.key)
        if (answer.result if answer else None) != key:
            label = result_label(key) if key is not None else tr("清除结果")
            self.undo_stack.push(SetAnswer(self.session, *self.panel.key,
                                           f"{node.code} {label}", {"result": key}))
        stay = key in STAY_RESULTS and self.prefs.stay_on_fail  # a note or a finding comes next
        if advance and self.auto_advance and not stay \
                and template.kind is not TemplateKind.STAR_RATING:
            self.move_unanswered(1)

    def import_item_photos(self) -> None:
        self.photos.import_photos(None, self.panel.key)

    def import_overall_photos(self) -> None:
        self.photos.import_photos(None, (None, None))

    def take_photos(self) -> None:
        if self.session is not None and not self.session.read_only:
            self.camera.open_for(self.panel.key, self.panel.node)

    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)

    def edit_park_location(self) -> None:
        """Record where the park is: photos far from it are flagged from then on."""
        if self.session is not None:
            self.location_dialog = ask_park_location(self.session, self, self._photos_changed)

    def add_finding(self) -> None:
        if self.panel.key is not None and self.session is not None and not self.session.read_only:
            self.panel.findings.add()

    # --- undo and redo ------------------------------------------------------------------

    def undo(self) -> None:
        """Undo one step, showing the item it changed and saying what it undid."""
        navigation.undo_step(self, forward=False)

    def redo(self) -> None:
        navigation.undo_step(self, forward=True)

    def bring_into_view(self, key: tuple) -> None:
        navigation.bring_into_view(self, key)

    # --- status ---------------------------------------------------------------------------

    def toggle_completed(self) -> None:
        if self.session is not None and not self.session.read_only:
            done, total = self.model.progress()
            self.complete_question = complete_or_resume(
                self.session, before_completing=self.flush, unchecked=total - done, parent=self)

    def reopen(self) -> None:
        """A signed inspection becomes editable again as a new revision (asks for a reason)."""
        if self.session is not None and self.session.read_only:
            self.reopen_dialog = ask_reopen_reason(self.session, self)

    # --- tabs, summary, flushing ---------------------------------------------------------------

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.summary and self.summary.dirty:
            self.refresh_summary()

    def refresh_summary(self) -> None:
        if self.session is not None:
            with contextlib.suppress(TaskRunnerStopped):  # the window is closing
                self.summary.refresh(self.runner, self.session.snapshot())

    def flush(self) -> None:
        """Queue every pending edit (a note being typed, a field, a caption) for saving."""
        self.panel.commit_note(close=True)
        if self.panel.star_form.isVisible():
            self.panel.star_form.commit()
        self.photos.flush()
        self.prefs.set_layout_state("inspection/splitter", self.splitter.saveState())
        self.prefs.sync()

    def _back(self) -> None:
        self.flush()
        self.back_requested.emit()


def _timer(parent, interval: int, slot) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(interval)
    timer.timeout.connect(slot)
    return timer
