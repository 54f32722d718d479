"""The previews: one function per screen, each given the launcher's extra arguments."""
from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QMainWindow,
    QPushButton,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from checklists.library import get_template
from checklists.model import ACTION_SCALE, COMPLIANCE_SCALE
from inspection.demo.demo_photos import make_demo_photo
from ui.app import configure_application
from ui.base.preferences import Preferences
from ui.base.tasks import TaskRunner
from ui.preview.demo_data import demo_edit_session, demo_session

Preview = Callable[[list[str]], None]
PREVIEWS: dict[str, Preview] = {}


def preview(name: str) -> Callable[[Preview], Preview]:
    def register(fn: Preview) -> Preview:
        PREVIEWS[name] = fn
        return fn
    return register


def _app() -> QApplication:
    return QApplication.instance() or QApplication(sys.argv[:1])


def _show(widget: QWidget, width: int, height: int) -> None:
    widget.resize(width, height)
    widget.show()
    QApplication.instance().exec()


# --- the home screen and the inspection view -------------------------------------------------

@preview("welcome")
def welcome(args: list[str]) -> None:
    from ui.home.welcome import WelcomePanel
    _app()
    panel = WelcomePanel()
    panel.new_requested.connect(lambda: print("新建检查"))
    panel.demo_requested.connect(lambda: print("打开示例检查"))
    _show(panel, 900, 600)


@preview("inspection-page")
def inspection_page(args: list[str]) -> None:
    from ui.inspection_view.page import InspectionPage
    _app_, runner, prefs, iid = demo_session()
    window = QMainWindow()
    page = InspectionPage(runner, prefs)
    window.setCentralWidget(page)
    for name, actions in page.menu_actions().items():
        window.menuBar().addMenu(name).addActions(actions)
    page.save_state_changed.connect(window.statusBar().showMessage)
    page.title_changed.connect(window.setWindowTitle)
    page.load(iid)
    _show(window, 1280, 800)


@preview("checklist")
def checklist(args: list[str]) -> None:
    from ui.inspection_view.checklist_pane import ChecklistPane
    _app_, _runner, session = demo_edit_session(photos=2)
    pane = ChecklistPane()
    pane.model.set_session(session)
    pane.tree.expandAll()
    _show(pane, 460, 760)


@preview("item-panel")
def item_panel(args: list[str]) -> None:
    """ARGS: [TEMPLATE CODE], e.g. 000 1-1-5"""
    from ui.inspection_view.item_panel import ItemPanel
    from ui.photos.photo_strip import ThumbnailCache
    _app_, runner, session = demo_edit_session()
    template_id, code = args[:2] if len(args) > 1 else ("000", "1-1-5")
    panel = ItemPanel(ThumbnailCache(runner))
    template = session.template(template_id)
    panel.show_node(session, template, template.find(code))
    _show(panel, 840, 760)


@preview("findings")
def findings(args: list[str]) -> None:
    from ui.inspection_view.findings import FindingsPanel
    _app_, _runner, session = demo_edit_session(photos=0)
    panel = FindingsPanel()
    code = next(f.item_code for f in session.findings.values())
    session.changed.connect(lambda _change: panel.refresh())
    panel.show_item(session, ("000", code), code)
    _show(panel, 760, 300)


@preview("result-buttons")
def result_buttons(args: list[str]) -> None:
    from ui.inspection_view.result_buttons import ResultButtons
    _app()
    demo = QWidget()
    row = QHBoxLayout(demo)
    for scale in (COMPLIANCE_SCALE, ACTION_SCALE):
        buttons = ResultButtons(demo)
        buttons.set_options(scale)
        buttons.chosen.connect(print)
        row.addWidget(buttons)
    _show(demo, 700, 80)


@preview("star-inputs")
def star_inputs(args: list[str]) -> None:
    """ARGS: [INDICATOR CODE of 001], e.g. 7"""
    from ui.inspection_view.star_inputs import StarIndicatorForm
    _app()
    form = StarIndicatorForm()
    form.set_indicator(get_template("001").find(args[0] if args else "7"), "manufacturing")
    form.value_edited.connect(print)
    form.level_chosen.connect(print)
    _show(form, 760, 640)


@preview("summary")
def summary(args: list[str]) -> None:
    from ui.inspection_view.summary_tab import SummaryView
    _app_, runner, session = demo_edit_session(photos=0)
    view = SummaryView()
    view.refresh(runner, session.snapshot())
    _show(view, 1100, 760)


@preview("undo-history")
def undo_history(args: list[str]) -> None:
    from ui.session.undo_commands import EditNote, SetAnswer
    _app_, _runner, session = demo_edit_session(photos=0)
    session.save_state_changed.connect(print)
    for code, result in (("1-2-2", "pass"), ("1-2-3", "fail"), ("1-2-4", "na")):
        session.undo_stack.push(SetAnswer(session, "000", code, f"{code} {result}",
                                          {"result": result}))
    session.undo_stack.push(EditNote(session, "000", "1-2-3", "监测站未联网"))
    view = QUndoView(session.undo_stack)
    view.setWindowTitle("撤销记录（点击一行撤销到那一步）")
    _show(view, 420, 300)


# --- photos ----------------------------------------------------------------------------------

@preview("annotation-editor")
def annotation_editor(args: list[str]) -> None:
    """ARGS: [TOOL], e.g. rect, arrow, ellipse, text"""
    from ui.photos.annotation_editor import AnnotationEditor
    _app()
    photo = make_demo_photo(Path(tempfile.mkdtemp()) / "demo.jpg", seed=3, size=(1600, 1200),
                            taken_at=datetime.now(), gps=(30.8, 121.3))
    editor = AnnotationEditor()
    editor.set_pixmap(QPixmap(str(photo)))
    editor.add_shape({"type": "arrow", "x1": 0.2, "y1": 0.2, "x2": 0.5, "y2": 0.55})
    editor.add_shape({"type": "text", "x1": 0.1, "y1": 0.08, "text": "路灯损坏"})
    editor.set_tool(args[0] if args else "rect")
    editor.changed.connect(lambda: print(editor.shapes()))
    _show(editor, 1000, 760)


@preview("photo-import")
def photo_import(args: list[str]) -> None:
    from ui.photos.import_flow import PagePhotos
    _app_, runner, session = demo_edit_session(photos=0)
    window = QPushButton("导入照片…（选择文件，可混入坏文件看拒绝列表）")
    photos = PagePhotos(runner, window)
    photos.session = session
    photos.message.connect(window.setText)
    window.clicked.connect(lambda: photos.import_photos(None, (None, None)))
    bad = Path(tempfile.mkdtemp()) / "坏文件.jpg"
    bad.write_text("不是照片", encoding="utf-8")
    window.resize(560, 80)
    window.show()
    photos.import_photos([bad], (None, None))
    QApplication.instance().exec()


@preview("photo-strip")
def photo_strip(args: list[str]) -> None:
    from ui.photos.photo_strip import PhotoStrip, ThumbnailCache
    _app_, runner, session = demo_edit_session(photos=6)
    strip = PhotoStrip(ThumbnailCache(runner), title="整体照片", wrap=True)
    strip.set_photos(session.photos_for(None, None))
    strip.open_requested.connect(print)
    strip.files_dropped.connect(print)
    _show(strip, 900, 500)


@preview("photo-viewer")
def photo_viewer(args: list[str]) -> None:
    from ui.photos.photo_viewer import PhotoViewer
    _app_, _runner, session = demo_edit_session(photos=3)
    ids = sorted(session.photos)
    viewer = PhotoViewer(session, ids, ids[0])
    viewer.show()
    QApplication.instance().exec()


# --- reports, signatures, keys -----------------------------------------------------------------

@preview("report-menu")
def report_menu(args: list[str]) -> None:
    from ui.main_window import MainWindow
    _app_, runner, prefs, iid = demo_session(photos=2)
    window = MainWindow(data_dir=runner.data_dir, prefs=prefs, runner=runner)
    window.open_inspection(iid)
    window.show()
    window.report_menu.menu.popup(window.mapToGlobal(window.rect().center()))
    QApplication.instance().exec()


@preview("sign")
def sign(args: list[str]) -> None:
    from ui.reports.key_dialog import key_path
    from ui.reports.sign_dialog import IssueDialog, check_readiness
    _app_, runner, prefs, iid = demo_session(photos=0)
    readiness = runner.call(lambda store: check_readiness(store, iid, key_path(prefs)))
    window = IssueDialog(runner, prefs, readiness)
    window.issued.connect(lambda path: print("issued", path))
    window.show()
    QApplication.instance().exec()


@preview("signatures")
def signatures(args: list[str]) -> None:
    from ui.reports.signatures_dialog import SignaturesDialog
    _app_, runner, prefs, iid = demo_session(photos=0)
    window = SignaturesDialog(runner, iid, prefs=prefs)
    window.show()
    QApplication.instance().exec()


@preview("signature-pad")
def signature_pad(args: list[str]) -> None:
    from ui.reports.signature_pad import SignaturePad
    _app()
    window = QWidget()
    layout = QVBoxLayout(window)
    pad = SignaturePad()
    layout.addWidget(pad)
    row = QHBoxLayout()
    out = Path(tempfile.gettempdir()) / "signature.png"
    for text, slot in (("撤销", pad.undo), ("清除", pad.clear),
                       (f"保存 {out}", lambda: out.write_bytes(pad.to_png()))):
        button = QPushButton(text)
        button.clicked.connect(slot)
        row.addWidget(button)
    layout.addLayout(row)
    _show(window, 640, 300)


@preview("signing-key")
def signing_key(args: list[str]) -> None:
    from ui.reports.key_dialog import SigningKeyDialog
    app = _app()
    folder = Path(tempfile.mkdtemp())
    prefs = Preferences(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    prefs.inspector_name, prefs.organisation = "张三", "金山区经委"
    configure_application(app, prefs)
    runner = TaskRunner(folder / "data")
    window = SigningKeyDialog(runner, prefs, folder / "data")
    window.show()
    app.exec()
    runner.shutdown()


@preview("verify")
def verify(args: list[str]) -> None:
    """ARGS: [REPORT.pdf]"""
    from ui.reports.verify_dialog import VerifyDialog
    app = _app()
    runner = TaskRunner(Path(tempfile.mkdtemp()) / "data")
    window = VerifyDialog(runner, runner.data_dir)
    window.show()
    if args:
        window.check(Path(args[0]))
    app.exec()
    runner.shutdown()


@preview("print-preview")
def print_preview(args: list[str]) -> None:
    """ARGS: REPORT.pdf"""
    from ui.reports.print_preview import ReportPrintPreview, render_preview
    app = _app()
    runner = TaskRunner(Path(tempfile.mkdtemp()) / "data")
    report = render_preview(Path(args[0]))
    dialog = ReportPrintPreview(runner, report, title=Path(args[0]).stem)
    dialog.show()
    app.exec()
    runner.shutdown()


@preview("excel-export")
def excel_export(args: list[str]) -> None:
    from ui.reports.export_dialogs import ExcelExport
    _app_, runner, _prefs, iid = demo_session(photos=2)
    window = QWidget()
    window.show()
    inspection = runner.call(lambda store: store.inspection(iid))
    ExcelExport(window, runner, inspection).ask()
    QApplication.instance().exec()


@preview("hub-settings")
def hub_settings(args: list[str]) -> None:
    """ARGS: [DATA_DIR] — 设置 → 中心服务器 for that data folder (a fresh one by default)."""
    from ui.hub.settings_dialog import HubSettingsDialog
    app = _app()
    data_dir = Path(args[0]) if args else Path(tempfile.mkdtemp()) / "data"
    runner = TaskRunner(data_dir)
    dialog = HubSettingsDialog(runner, data_dir)
    dialog.show()
    app.exec()
    runner.shutdown()


# --- checklist templates ---------------------------------------------------------------------

@preview("new-inspection")
def new_inspection(args: list[str]) -> None:
    """ARGS: [TEMPLATE ID to preview], e.g. 004"""
    from ui.home.new_inspection import NewInspectionDialog
    app = _app()
    runner = TaskRunner(Path(tempfile.mkdtemp()) / "data")
    dialog = NewInspectionDialog(runner, Preferences())
    dialog.show()
    if args:
        runner.call(lambda store: None)  # the templates have loaded once this returns
        app.processEvents()
        dialog.show_preview(args[0])
    app.exec()
    runner.shutdown()


@preview("template-import")
def template_import(args: list[str]) -> None:
    """ARGS: [FILE.xlsx|FILE.docx] (default: built-in 004 exported to Excel)"""
    from checklists.exchange import write_xlsx
    from ui.dialogs.template_import import TemplateImportDialog
    app = _app()
    folder = Path(tempfile.mkdtemp())
    runner = TaskRunner(folder / "data")
    path = Path(args[0]) if args else write_xlsx(get_template("004"), folder / "004.xlsx")
    dialog = TemplateImportDialog(runner)
    dialog.show()
    dialog.read(path)
    app.exec()
    runner.shutdown()


@preview("template-manager")
def template_manager(args: list[str]) -> None:
    """a data folder with a 2025 edition of 004 imported and 003 retired"""
    from checklists.exchange import read_template_file, write_xlsx
    from ui.dialogs.template_manager import TemplateManagerDialog
    app = _app()
    folder = Path(tempfile.mkdtemp())
    runner = TaskRunner(folder / "data")
    data = get_template("004").to_dict()
    data.update(document_number="T/YNIPA 001—2025", edition="2025")
    from checklists.model import Template
    path = write_xlsx(Template.from_dict(data), folder / "窗口服务规范-2025.xlsx")
    template = read_template_file(path).require()
    runner.call(lambda store: (store.import_template(template), store.retire_template("003")))
    dialog = TemplateManagerDialog(runner)
    dialog.show()
    app.exec()
    runner.shutdown()
