"""A demo data folder and a running task runner over it, for the previews and screenshots."""
from __future__ import annotations

import sys
import tempfile
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication

from checklists.library import get_template
from inspection.demo.demo_photos import make_demo_photo
from inspection.photos.importer import prepare_photos
from inspection.store import open_store
from ui.app import configure_application
from ui.base.preferences import Preferences
from ui.base.tasks import TaskRunner
from ui.session.edit_session import EditSession


def build_demo_data(root: Path | None = None, *, photos: int = 4) -> tuple[Path, str]:
    """A data folder with a park and an inspection (000, 001, 002, 003, 004) partly filled in.

    Returns (folder, inspection id).
    """
    root = Path(root or tempfile.mkdtemp(prefix="park-inspector-demo-"))
    store = open_store(root / "data", actor="张三")
    try:
        park = store.add_park("星河智造小微企业园", "manufacturing", address="上海市金山区亭林镇")
        inspection = store.new_inspection(park.id, ["000", "001", "002", "003", "004"],
                                          inspectors=["张三", "李四"], date="2026-11-20",
                                          organisation="金山区经委")
        iid = inspection.id
        results = ["pass", "pass", "partial", "pass", "fail", "pass", "na", "pass", "partial"]
        codes = [n.code for n in get_template("000").items()][:len(results)]
        for code, result in zip(codes, results):
            store.save_answer(iid, "000", code, result=result)
        store.save_answer(iid, "000", codes[4], note="东侧道路照明不足，夜间两处路灯损坏。")
        store.add_finding(iid, "000", codes[4], requirement="修复东侧道路损坏路灯并增设照明",
                          severity="major", deadline="2026-12-31", responsible="园区物业部")
        store.save_answer(iid, "001", "1", value={"performance_grade": "B"})
        store.save_answer(iid, "001", "2", value={"land_area_mu": 62, "floor_area_m2": 58000})
        store.save_answer(iid, "001", "3", value={"enterprises": 46})
        store.save_answer(iid, "001", "4", value={"leading_industry_share": 0.64}, result="3")
        actions = [n.code for n in get_template("002").items()][:6]
        for code, status in zip(actions, ["done", "on_track", "delayed", "done", "not_started"]):
            store.save_answer(iid, "002", code, result=status)
        if photos:
            folder = root / "camera"
            files = [make_demo_photo(folder / f"IMG_{i:04d}.JPG", seed=i, size=(1600, 1200),
                                     caption_text="星河智造", orientation=1,
                                     taken_at=datetime(2026, 11, 20, 9, 30 + i),
                                     gps=(30.82, 121.25)) for i in range(photos)]
            prepared = prepare_photos(files, root / "data").prepared
            for index, photo in enumerate(prepared):
                target = ("000", codes[4]) if index < 2 else (None, None)
                saved = store.add_photo(iid, photo, template_id=target[0], item_code=target[1],
                                        caption="东侧道路路灯" if index == 0 else "").photo
                if index == 0:
                    store.set_annotations(saved.id, [
                        {"type": "arrow", "color": "#e53935", "width": 6, "x1": 0.2, "y1": 0.2,
                         "x2": 0.45, "y2": 0.5, "text": "", "size": 0.05},
                        {"type": "rect", "color": "#fdd835", "width": 5, "x1": 0.5, "y1": 0.45,
                         "x2": 0.8, "y2": 0.75, "text": "", "size": 0.05},
                        {"type": "text", "color": "#e53935", "width": 4, "x1": 0.12, "y1": 0.08,
                         "x2": 0.12, "y2": 0.08, "text": "路灯损坏", "size": 0.07}])
    finally:
        store.close()
    return root / "data", iid


def demo_session(*, photos: int = 4) -> tuple[QApplication, TaskRunner, Preferences, str]:
    """(app, runner, prefs, inspection id) over a fresh demo folder."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    data, iid = build_demo_data(photos=photos)
    prefs = Preferences(QSettings(str(data.parent / "settings.ini"), QSettings.Format.IniFormat))
    configure_application(app, prefs)
    runner = TaskRunner(data, actor="张三")
    app.aboutToQuit.connect(runner.shutdown)
    return app, runner, prefs, iid


def demo_edit_session(*, photos: int = 4) -> tuple[QApplication, TaskRunner, EditSession]:
    """(app, runner, session) over a fresh demo folder, for one widget of the inspection view."""
    app, runner, _prefs, iid = demo_session(photos=photos)
    snapshot = runner.call(lambda store: store.snapshot(iid))
    session = EditSession(runner, snapshot, QUndoStack(app), app)
    return app, runner, session
