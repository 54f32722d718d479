"""文件 → 同步 (Ctrl+Shift+S), 工具 → 中心服务器…, and the status bar's word on the hub.

The sync itself is inspection.hub.sync run as the task runner's background work (with a store
of its own: the window keeps editing meanwhile; SQLite serialises the writes), with a progress
dialog that can cancel. Offline is said in the status bar, not in a message box: on site it is
the normal case, and the work simply waits for the next sync.
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMessageBox, QProgressDialog

from inspection.hub.settings import load_settings
from ui.base.error_reporting import report_error
from ui.base.i18n import tr
from ui.base.tasks import TaskRunnerStopped
from ui.hub.settings_dialog import HubSettingsDialog

if TYPE_CHECKING:
    from inspection.hub.sync import SyncReport

STATUS_REFRESH_MS = 60_000


def when(stamp: str) -> str:
    """A sync time as people say it: today's as 10:32, others as 3月1日 10:32."""
    try:
        moment = datetime.fromisoformat(stamp).astimezone()
    except ValueError:
        return stamp
    if moment.date() == datetime.now().astimezone().date():
        return moment.strftime("%H:%M")
    return tr("{0}月{1}日 {2}").format(moment.month, moment.day, moment.strftime("%H:%M"))


def status_text(status: dict[str, Any] | None) -> tuple[str, str]:
    """The status bar's words and tooltip for a folder's hub status (None: no hub)."""
    if status is None:
        return "", ""
    waiting = len(status["waiting"])
    last, success = status["last_sync"], status.get("last_success")
    went_through = last is not None and last["outcome"] in ("done", "partly")
    if last is None:
        sync = tr("尚未同步")
    elif went_through:
        sync = tr("上次同步 {0}").format(when(last["finished_at"]))
    else:  # the last attempt failed: its time apart from the last sync that went through
        attempt = tr("离线（{0} 连接不上）") if last["outcome"] == "offline" else tr("上次同步未完成（{0}）")
        sync = attempt.format(when(last["finished_at"])) + tr(" · ") + (
            tr("上次成功同步 {0}").format(when(success["finished_at"])) if success else tr("从未成功同步"))
    lines = [tr("中心服务器：{0}").format(status.get("hub", "")), *sync_history(status)]
    if status.get("uploads", True):
        text = tr("中心：{0} · 待上传 {1} 项").format(sync, waiting)
    else:  # an office's folder (reviewer, admin): its syncs only download
        text = tr("中心：{0} · 只下载").format(sync)
        lines.append(tr("以审核或管理账户连接：同步只下载，不上传本机的检查（导入的检查包由其检查人员上传）"))
    names = {"draft": tr("草稿"), "in_progress": tr("检查中"), "completed": tr("已完成"), "signed": tr("已签署")}
    lines += [f"{w['park']} {w['date']} {names.get(w['status'], w['status'])}" for w in status["waiting"][:10]]
    for item in status.get("refused", [])[:10]:
        lines.append(tr("中心不接受 {0} {1}（不再上传，检查有改动时再试）：{2}").format(
            item["park"], item["date"], item["message"]))
    for park in status["flagged_parks"]:
        lines.append(tr("园区待办公室核对：{0}").format(park["name"]))
    return text, "\n".join(lines)


def sync_history(status: dict[str, Any] | None) -> list[str]:
    """The last sync that went through and, when a later attempt failed, that attempt with
    what went wrong (the status bar's tooltip, 工具 → 中心服务器…)."""
    last = status["last_sync"] if status else None
    if last is None:
        return [tr("尚未同步")] if status else []
    success = status.get("last_success")
    if last["outcome"] in ("done", "partly"):
        outcome = tr("完成") if last["outcome"] == "done" else tr("部分完成")
        lines = [tr("上次同步：{0}（{1}）").format(when(last["finished_at"]), outcome)]
    else:
        lines = [tr("上次成功同步：{0}").format(when(success["finished_at"])) if success
                 else tr("上次成功同步：从未成功同步"),
                 (tr("上次尝试：{0}，连接不上") if last["outcome"] == "offline"
                  else tr("上次尝试：{0}，未完成")).format(when(last["finished_at"]))]
    if last.get("message"):
        lines.append(last["message"])
    return lines


def review_notes(report: SyncReport) -> list[str]:
    """What the hub made of approvals given before these uploads (hub schema 0008): carried
    over to the same results, or lapsed (other results: reviewed again)."""
    outcomes = [(p.get("review") or {}).get("outcome") for p in report.pushed]
    notes = []
    if outcomes.count("carried"):
        notes.append(tr("{0} 项签署后结果未变，沿用已通过的审核").format(outcomes.count("carried")))
    if outcomes.count("lapsed"):
        notes.append(tr("{0} 项已通过的检查结果有改动，需重新审核（待审核）").format(outcomes.count("lapsed")))
    return notes


class HubSync(QObject):
    """The window's hub: the menu actions, the status bar label, running a sync."""

    def __init__(self, window: Any) -> None:
        """*window* is the MainWindow: its runner, data folder, menus, status bar and home list."""
        super().__init__(window)
        self.window = window
        self.runner = window.runner
        self.data_dir = Path(window.data_dir)
        self.progress_dialog: QProgressDialog | None = None
        self.result_box: QMessageBox | None = None
        self.status: dict[str, Any] | None = None  # the folder's hub status last read
        self._handle = None

        self.sync_action = QAction(tr("同步"), window)
        self.sync_action.setObjectName("hubSync")
        self.sync_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.sync_action.setToolTip(tr("把已完成的检查上传到中心，并下载园区登记、未完成整改和审核意见"))
        self.sync_action.triggered.connect(self.sync)
        window.file_menu.insertAction(window.backup_action, self.sync_action)
        self.settings_action = QAction(tr("中心服务器…"), window)
        self.settings_action.setObjectName("hubSettings")
        self.settings_action.triggered.connect(self.show_settings)
        window.tools_menu.addAction(self.settings_action)

        self.status_label = QLabel()
        self.status_label.setObjectName("hubStatus")
        window.statusBar().insertPermanentWidget(0, self.status_label)
        self._timer = QTimer(self, interval=STATUS_REFRESH_MS)
        self._timer.timeout.connect(self.refresh_status)
        self._timer.start()
        self.refresh_status()

    # --- the status bar ------------------------------------------------------------------------

    def refresh_status(self) -> None:
        from inspection.hub.status import local_status

        settings = load_settings(self.data_dir)
        if not settings.configured:
            self._show_status(None)
            return

        def read(store) -> dict[str, Any]:
            return {**local_status(store, settings), "hub": settings.display or settings.url}

        try:
            self.runner.db(read, self._show_status, lambda _exc: None)
        except TaskRunnerStopped:  # the window is closing: nothing left to show
            self._timer.stop()

    def _show_status(self, status: dict[str, Any] | None) -> None:
        self.status = status
        text, tip = status_text(status)
        self.status_label.setText(text)
        self.status_label.setToolTip(tip)
        self.status_label.setVisible(bool(text))

    # --- settings ------------------------------------------------------------------------------

    def show_settings(self) -> HubSettingsDialog:
        dialog = HubSettingsDialog(self.runner, self.data_dir, self.window)
        dialog.show_history(sync_history(self.status))
        dialog.connected.connect(self.refresh_status)
        dialog.open()
        return dialog

    # --- sync ----------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._handle is not None

    def sync(self) -> None:
        if self.running:
            return
        if not load_settings(self.data_dir).configured:
            self.show_settings().result.setText(tr("请先设置中心服务器，然后再同步。"))
            return
        from inspection.hub.sync import sync_folder
        from inspection.store import open_store

        data_dir, actor = self.data_dir, self.window.prefs.inspector_name

        def work(progress) -> SyncReport:
            def report(step) -> None:
                progress(step.done, step.total, step.message)

            with open_store(data_dir, actor=actor) as store:
                return sync_folder(store, data_dir, progress=report, cancelled=progress.should_cancel)

        dialog = QProgressDialog(tr("正在连接中心服务器…"), tr("取消"), 0, 0, self.window)
        dialog.setWindowTitle(tr("同步"))
        dialog.setObjectName("hubSyncProgress")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        self.progress_dialog = dialog
        self.sync_action.setEnabled(False)
        self._handle = self.runner.background(work, self._finished, self._failed, self._progress)
        dialog.canceled.connect(self._cancel)

    def _cancel(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
        if self.progress_dialog is not None:
            self.progress_dialog.setLabelText(tr("正在取消…"))

    def _progress(self, done: int, total: int, message: str) -> None:
        dialog = self.progress_dialog
        if dialog is None:
            return
        if message:
            dialog.setLabelText(message)
        if total > 0:
            dialog.setMaximum(1000)
            dialog.setValue(min(1000, done * 1000 // total))

    def _done(self) -> None:
        self._handle = None
        self.sync_action.setEnabled(True)
        if self.progress_dialog is not None:
            self.progress_dialog.reset()
            self.progress_dialog.hide()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None
        self.refresh_status()
        self.window.home.refresh()

    def _failed(self, exc: BaseException) -> None:
        self._done()
        report_error(exc, self.window, title=tr("同步未完成"))

    def _finished(self, report: SyncReport) -> None:
        self._done()
        pushed = len([p for p in report.pushed if p["outcome"] == "stored"])
        if report.outcome == "offline":  # short: the 中心 label's tooltip has the whole message,
            # the log libpq's own words
            self.window.statusBar().showMessage(tr("中心服务器连接不上，检查保留在本机，下次同步时上传（{0}）").format(
                tr("请检查网络连接和中心服务器地址")), 12000)
            return
        if report.outcome == "cancelled":
            self.window.statusBar().showMessage(tr("同步已取消；已上传的部分保留在中心"), 8000)
            return
        if report.outcome == "done":
            pulled = report.pulled
            self.window.statusBar().showMessage(tr(
                "同步完成：上传 {0} 项检查；下载未完成整改 {1} 项、审核意见 {2} 条").format(
                    pushed, pulled.get("open_findings", 0), pulled.get("reviews", 0))
                + "".join(tr("；") + note for note in review_notes(report)), 10000)
            return
        lines = [tr("已上传 {0} 项检查。").format(pushed)] if pushed else []
        lines += review_notes(report)
        for item in report.refused:
            if item.get("lasting"):
                lines.append(tr("中心不接受 {0} {1}（第 {2} 版）：{3}。此版本不再上传，检查有改动时再试。").format(
                    item["park"], item["date"], item["revision"], item["message"]))
            else:
                lines.append(tr("未上传 {0} {1}：{2}").format(item["park"], item["date"], item["message"]))
        if report.message:
            lines.append(report.message)
        box = QMessageBox(QMessageBox.Icon.Warning, tr("同步未全部完成"), "\n".join(lines),
                          QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("hubSyncResult")
        if report.details:  # the server's own words, for whoever looks after the hub
            box.setDetailedText(report.details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.result_box = box
        box.open()

