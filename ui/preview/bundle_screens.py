"""Previews of the bundle screens: the export dialog, the import question, an item in conflict."""
from __future__ import annotations

import tempfile
from pathlib import Path

from ui.preview.screens import _app, _show, preview


def conflict_folder(root: Path) -> tuple[Path, str]:
    """A data folder whose inspection has an item in conflict (two laptops, one bundle each
    way), and the inspection's id."""
    from inspection.bundle import export_bundle, import_bundle
    from inspection.store import open_store

    with open_store(root / "other", actor="李四") as other, \
            open_store(root / "data", actor="张三") as here:
        park = other.add_park("星河智造小微企业园", "manufacturing")
        iid = other.new_inspection(park.id, ["000"], inspectors=["张三", "李四"],
                                   date="2026-11-20").id
        other.save_answer(iid, "000", "1-1-1", result="pass")
        other.add_finding(iid, "000", "1-1-5", requirement="清理消防栓周边货物", severity="major")
        export_bundle(other, iid, root / "start.pib")
        import_bundle(here, root / "start.pib", allow_unsigned=True)
        here.save_answer(iid, "000", "1-1-5", result="partial", note="消防栓前货物已部分清理，通道宽度约 1 米。")
        other.save_answer(iid, "000", "1-1-5", result="fail", note="3 号厂房东侧消防栓仍被货物遮挡。")
        other.save_answer(iid, "000", "1-1-2", result="pass", note="路灯已修复。")
        export_bundle(other, iid, root / "later.pib")
        import_bundle(here, root / "later.pib", allow_unsigned=True)
    return root / "data", iid


@preview("bundle-conflict")
def bundle_conflict(args: list[str]) -> None:
    """an item flagged 冲突待核 after a bundle merge: both values and the pick"""
    from PySide6.QtCore import QSettings

    from ui.app import configure_application
    from ui.base.preferences import Preferences
    from ui.main_window import MainWindow

    app = _app()
    root = Path(tempfile.mkdtemp(prefix="pib-preview-"))
    data, iid = conflict_folder(root)
    prefs = Preferences(QSettings(str(root / "prefs.ini"), QSettings.Format.IniFormat))
    configure_application(app, prefs)
    window = MainWindow(data_dir=data, prefs=prefs)
    window.open_inspection(iid)
    window.page.select(("000", "1-1-5"))
    _show(window, 1280, 800)


@preview("bundle-export")
def bundle_export(args: list[str]) -> None:
    """the 导出检查包 dialog for a draft (password to sign the bundle)"""
    from inspection.store import open_store
    from ui.bundles.bundle_flow import ExportDialog

    _app()
    data, iid = conflict_folder(Path(tempfile.mkdtemp(prefix="pib-preview-")))
    with open_store(data) as store:
        inspection = store.inspection(iid)
    dialog = ExportDialog(inspection, sealed=False, has_key=True)
    _show(dialog, 560, 260)
