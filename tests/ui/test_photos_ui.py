"""Photos in the inspection view: import (with refusals and cancel), thumbnails, the viewer,
annotations, captions and moving a photo to another item."""
from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QPushButton

from inspection.annotations import normalise_annotations
from tests.ui.test_inspection_page_helpers import (  # noqa: F401
    inspection_id,
    make_inspection,
    make_jpegs,
    open_page,
    settle,
)
from ui.photos.annotation_editor import make_shape
from ui.photos.import_flow import RejectedDialog
from ui.photos.photo_viewer import ItemChooser


def _import(qtbot, page, paths, target, timeout=20000):
    assert page.importer.start(paths, page.session.id, target)
    qtbot.waitUntil(lambda: not page.importer.running, timeout=timeout)
    return page.importer.last


def test_bad_files_are_listed_with_reasons_and_nothing_of_them_is_stored(
        qtbot, runner, open_page, inspection_id, tmp_path):
    page = open_page(inspection_id)
    good = make_jpegs(tmp_path / "cam", 2)
    empty = tmp_path / "cam" / "empty.jpg"
    empty.write_bytes(b"")
    text = tmp_path / "cam" / "notes.jpg"
    text.write_text("这不是照片", encoding="utf-8")
    outcome = _import(qtbot, page, [*good, empty, text], ("000", "1-1-1"))
    assert len(outcome.added) == 2
    dialog = page.importer.rejected_dialog
    assert isinstance(dialog, RejectedDialog) and dialog.isVisible()
    rows = dict(dialog.rows())
    assert set(rows) == {"empty.jpg", "notes.jpg"}
    assert all(reason.strip() for reason in rows.values())
    photos = runner.call(lambda s: s.photos(inspection_id))
    assert sorted(p.original_name for p in photos) == ["IMG_0000.jpg", "IMG_0001.jpg"]
    assert {(p.template_id, p.item_code) for p in photos} == {("000", "1-1-1")}
    assert len(page.panel.photos.model.photos) == 2
    assert "2 个文件未导入" in page.header.message.text()
    dialog.accept()


def test_a_dropped_folder_becomes_overall_photos(qtbot, runner, open_page, inspection_id, tmp_path):
    page = open_page(inspection_id)
    make_jpegs(tmp_path / "folder" / "sub", 3)
    page.header.files_dropped.emit([tmp_path / "folder"])
    qtbot.waitUntil(lambda: page.importer.last is not None and not page.importer.running,
                    timeout=20000)
    assert len(page.overall.model.photos) == 3
    assert page.tabs.tabText(1) == "整体照片（3）"
    again = _import(qtbot, page, [tmp_path / "folder"], (None, None))
    assert again.already_there == 3 and not again.added


def test_cancel_really_stops_the_import(qtbot, runner, open_page, inspection_id, tmp_path):
    page = open_page(inspection_id)
    paths = make_jpegs(tmp_path / "many", 30, size=(2400, 1800))
    cancelled_at = []

    def on_progress(done, total, name):
        if done >= 1 and not cancelled_at:
            cancelled_at.append(done)
            page.importer.dialog.findChild(QPushButton).click()  # the Cancel button

    page.importer.start(paths, inspection_id, ("000", "1-1-1"))
    page.importer.runner._progress.connect(lambda _id, done, total, name: on_progress(done, total, name))
    qtbot.waitUntil(lambda: not page.importer.running, timeout=30000)
    outcome = page.importer.last
    assert cancelled_at and outcome.not_done > 0
    stored = runner.call(lambda s: s.photos(inspection_id))
    assert len(stored) == len(outcome.added) < 30
    assert "已取消" in outcome.message()


def test_thumbnails_load_lazily_through_the_runner(qtbot, runner, open_page, inspection_id, tmp_path):
    page = open_page(inspection_id)
    _import(qtbot, page, make_jpegs(tmp_path / "cam", 2), ("000", "1-1-1"))
    cache = page.cache
    model = page.panel.photos.model
    ids = [p.id for p in model.photos]
    cache.clear()
    assert cache._pixmaps == {}
    first = model.data(model.index(0), Qt.ItemDataRole.DecorationRole)  # placeholder at first
    assert first.width() > 0 and first.cacheKey() == model._placeholder.cacheKey()
    page.panel.photos.view.viewport().repaint()  # painting asks for the rest
    qtbot.waitUntil(lambda: all(pid in cache._pixmaps for pid in ids))
    assert max(cache._pixmaps[ids[0]].width(), cache._pixmaps[ids[0]].height()) <= 256


def _open_viewer(qtbot, page):
    photos = page.panel.photos.model.photos
    page.photos.open_viewer([p.id for p in photos], photos[0].id)
    viewer = page.photos.viewer
    qtbot.waitUntil(lambda: viewer.editor.loaded, timeout=10000)
    return viewer


def test_annotations_are_saved_as_a_separate_layer(qtbot, runner, open_page, inspection_id, tmp_path):
    page = open_page(inspection_id)
    _import(qtbot, page, make_jpegs(tmp_path / "cam", 1), ("000", "1-1-1"))
    photo = page.panel.photos.model.photos[0]
    original = runner.data_dir / "media" / photo.sha256[:2] / f"{photo.sha256}.jpg"
    before = original.read_bytes()
    viewer = _open_viewer(qtbot, page)
    assert viewer.editor.size == (1200.0, 900.0)
    viewer.editor.add_shape({"type": "arrow", "x1": 0.1, "y1": 0.2, "x2": 0.5, "y2": 0.6,
                             "color": "#e53935"})
    viewer.editor.color = "#1e88e5"
    viewer.editor.add_shape({"type": "text", "x1": 0.6, "y1": 0.1, "text": "路灯损坏"})
    assert viewer.save_button.isEnabled()
    viewer.save_annotations()
    settle(qtbot, page)
    layer = runner.call(lambda s: s.photo(photo.id)).annotations
    # Stored in the shared format's canonical form: a text shape keeps only its anchor.
    assert [dict(s) for s in layer] == normalise_annotations([
        make_shape("arrow", 0.1, 0.2, 0.5, 0.6, color="#e53935"),
        make_shape("text", 0.6, 0.1, color="#1e88e5", text="路灯损坏")])
    assert set(layer[0]) == {"type", "color", "width", "x1", "y1", "x2", "y2"}
    assert set(layer[1]) == {"type", "color", "width", "x1", "y1", "text", "size"}
    assert original.read_bytes() == before  # the original is never changed
    viewer.close()


def test_drawing_a_rectangle_with_the_mouse(qtbot, runner, open_page, inspection_id, tmp_path):
    page = open_page(inspection_id)
    _import(qtbot, page, make_jpegs(tmp_path / "cam", 1), ("000", "1-1-1"))
    viewer = _open_viewer(qtbot, page)
    viewer.tool_buttons["rect"].click()
    view = viewer.editor.viewport()
    start = viewer.editor.mapFromScene(QPointF(300, 225))
    end = viewer.editor.mapFromScene(QPointF(900, 675))
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view, end)
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=end)
    shapes = viewer.editor.shapes()
    assert len(shapes) == 1 and shapes[0]["type"] == "rect"
    assert abs(shapes[0]["x1"] - 0.25) < 0.02 and abs(shapes[0]["y2"] - 0.75) < 0.02
    viewer.close()  # closing saves
    settle(qtbot, page)
    assert runner.call(lambda s: s.photo(page.panel.photos.model.photos[0].id)).annotations


def test_zoom_and_caption(qtbot, runner, open_page, inspection_id, tmp_path):
    page = open_page(inspection_id)
    _import(qtbot, page, make_jpegs(tmp_path / "cam", 2), ("000", "1-1-1"))
    viewer = _open_viewer(qtbot, page)
    fitted = viewer.editor.zoom
    viewer.editor.actual_size()
    assert viewer.editor.zoom == 1.0 and viewer.zoom_label.text() == "100%"
    center = viewer.editor.viewport().rect().center()
    wheel = QWheelEvent(QPointF(center), QPointF(viewer.editor.mapToGlobal(center)), QPoint(0, 0),
                        QPoint(0, 120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    viewer.editor.wheelEvent(wheel)
    assert viewer.editor.zoom > 1.0
    viewer.editor.fit()
    assert abs(viewer.editor.zoom - fitted) < 1e-6
    viewer.caption.setText("东侧路灯")
    viewer.commit_caption()
    viewer.next_photo()
    settle(qtbot, page)
    first = page.panel.photos.model.photos[0]
    assert runner.call(lambda s: s.photo(first.id)).caption == "东侧路灯"
    assert viewer.photo.id == page.panel.photos.model.photos[1].id
    viewer.close()


def test_move_a_photo_to_another_item_with_the_chooser(qtbot, runner, open_page, inspection_id,
                                                       tmp_path):
    page = open_page(inspection_id)
    _import(qtbot, page, make_jpegs(tmp_path / "cam", 1), ("000", "1-1-1"))
    photo = page.panel.photos.model.photos[0]
    page.photos.choose_move_target(photo.id)
    chooser = page.photos.chooser
    assert isinstance(chooser, ItemChooser)
    chooser.search.setText("消防")
    chooser.select("000", "1-1-5")
    chooser._accept()
    settle(qtbot, page)
    assert runner.call(lambda s: s.photo(photo.id)).item_code == "1-1-5"
    assert page.panel.photos.model.photos == []
    assert page.model.photo_count(("000", "1-1-5")) == 1


def test_files_dropped_on_a_tree_item_go_to_that_item(qtbot, runner, open_page, inspection_id,
                                                      tmp_path):
    from PySide6.QtCore import QMimeData, QUrl
    from PySide6.QtGui import QDropEvent

    page = open_page(inspection_id)
    [path] = make_jpegs(tmp_path / "cam", 1)
    index = page.proxy.mapFromSource(page.model.index_of(("000", "1-1-3")))
    page.tree.scrollTo(index)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    drop = QDropEvent(QPointF(page.tree.visualRect(index).center()), Qt.DropAction.CopyAction,
                      mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    page.tree.dropEvent(drop)
    qtbot.waitUntil(lambda: page.importer.last is not None and not page.importer.running,
                    timeout=20000)
    [photo] = runner.call(lambda s: s.photos(inspection_id))
    assert (photo.template_id, photo.item_code) == ("000", "1-1-3")
    assert page.model.photo_count(("000", "1-1-3")) == 1


def test_text_annotations_without_a_second_corner_are_drawn(qapp):
    """The shared format gives a text shape only its anchor (x1, y1); drawing must cope."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter

    from ui.photos.annotation_editor import paint_annotations

    image = QImage(400, 300, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    paint_annotations(painter, QRectF(0, 0, 400, 300), [
        {"type": "text", "color": "#e53935", "width": 0, "x1": 0.1, "y1": 0.1,
         "text": "消防栓被遮挡", "size": 0.08}])
    painter.end()
    assert any(image.pixelColor(x, y).alpha() for x in range(40, 200) for y in range(30, 60))


def test_each_photo_is_recorded_and_shown_as_soon_as_it_is_stored(qtbot, runner, open_page,
                                                                  inspection_id, tmp_path):
    page = open_page(inspection_id)
    paths = make_jpegs(tmp_path / "cam", 6)
    seen_during = []  # photos on screen when each progress report arrived
    page.importer.runner._progress.connect(
        lambda _id, done, total, name: seen_during.append(len(page.panel.photos.model.photos)))
    outcome = _import(qtbot, page, paths, page.panel.key or ("000", "1-1-1"))
    assert len(outcome.added) == 6
    assert 0 < max(seen_during[:-1]) < 6  # photos showed while the import still ran


def test_one_import_prepares_its_files_in_one_batch(qtbot, runner, open_page, inspection_id,
                                                    tmp_path, monkeypatch):
    """Each photo is recorded through prepare_photos' on_outcome, not by preparing two files
    at a time: the batch's set-up (sweeping stale temporary files) runs once."""
    import inspection.photos.importer

    sweeps = []
    real_sweep = inspection.photos.importer.remove_stale_temp_files
    monkeypatch.setattr(inspection.photos.importer, "remove_stale_temp_files",
                        lambda *a, **k: sweeps.append(1) or real_sweep(*a, **k))
    page = open_page(inspection_id)
    outcome = _import(qtbot, page, make_jpegs(tmp_path / "cam", 5), ("000", "1-1-1"))
    assert len(outcome.added) == 5 and sweeps == [1]


def test_a_failure_half_way_keeps_and_shows_the_photos_recorded_before_it(
        qtbot, runner, open_page, inspection_id, tmp_path, monkeypatch):
    from inspection.store import Store
    from tests.ui.test_inspection_page_helpers import message_boxes

    page = open_page(inspection_id)
    paths = make_jpegs(tmp_path / "cam", 5)
    real_add = Store.add_photo
    calls = []

    def add_photo(self, *args, **kwargs):
        calls.append(1)
        if len(calls) == 4:
            raise OSError(28, "No space left on device")
        return real_add(self, *args, **kwargs)

    monkeypatch.setattr(Store, "add_photo", add_photo)
    outcome = _import(qtbot, page, paths, ("000", "1-1-1"))
    stored = runner.call(lambda s: s.photos(inspection_id))
    assert len(stored) == 3 and len(outcome.added) == 3
    assert outcome.failure is not None and outcome.not_done == 2
    assert len(page.panel.photos.model.photos) == 3  # on screen: what was saved
    assert "已导入 3 张照片" in page.header.message.text()
    qtbot.waitUntil(lambda: bool(message_boxes()))
    box = message_boxes()[0]
    assert "已导入 3 张照片" in box.text() and "文件操作失败" in box.text()
    box.close()


def test_closing_the_window_during_an_import_keeps_every_photo_stored_so_far(
        qtbot, data_dir, prefs, tmp_path):
    from ui.base.tasks import TaskRunner
    from ui.main_window import MainWindow

    runner = TaskRunner(data_dir, actor="张三")
    iid = make_inspection(runner)
    window = MainWindow(data_dir=data_dir, prefs=prefs, runner=runner)
    qtbot.addWidget(window)
    window.show()
    window.open_inspection(iid)
    page = window.page
    qtbot.waitUntil(lambda: page.session is not None and page.pages.currentIndex() == 1)
    paths = make_jpegs(tmp_path / "camera", 30, size=(2400, 1800))
    page.importer.start(paths, iid, ("000", "1-1-1"))
    qtbot.waitUntil(lambda: len(page.panel.photos.model.photos) >= 2, timeout=30000)
    window.close()  # cancels the import; what was stored is recorded before the threads stop
    again = TaskRunner(data_dir)
    photos = again.call(lambda s: s.photos(iid))
    again.shutdown()
    derivatives = list((data_dir / "media").rglob("*.report.jpg"))
    assert 2 <= len(photos) < 30
    assert len(derivatives) == len(photos)  # no stored file left without its record


def test_thumbnails_are_decoded_off_the_database_thread(qtbot, runner, open_page, inspection_id,
                                                       tmp_path, monkeypatch):
    import threading

    from PySide6.QtGui import QImage

    import ui.photos.photo_strip

    threads = []

    class RecordingImage(QImage):
        @staticmethod
        def fromData(data, *args):
            threads.append(threading.current_thread().name)
            return QImage.fromData(data, *args)

    page = open_page(inspection_id)
    _import(qtbot, page, make_jpegs(tmp_path / "cam", 2), ("000", "1-1-1"))
    monkeypatch.setattr(ui.photos.photo_strip, "QImage", RecordingImage)
    page.cache.clear()
    page.panel.photos.model.set_photos(list(page.panel.photos.model.photos))
    page.panel.photos.view.viewport().repaint()
    qtbot.waitUntil(lambda: len(page.cache._pixmaps) == 2)
    assert threads and all(name.startswith("background") for name in threads)


def test_landscape_and_portrait_thumbnails_share_one_cell_size(qtbot, runner, open_page,
                                                              inspection_id, tmp_path):
    page = open_page(inspection_id)
    wide = make_jpegs(tmp_path / "wide", 1, size=(1200, 800), prefix="wide")
    tall = make_jpegs(tmp_path / "tall", 1, size=(800, 1200), prefix="tall")
    _import(qtbot, page, wide + tall, ("000", "1-1-1"))
    strip = page.panel.photos
    qtbot.waitUntil(lambda: all(p.id in page.cache._pixmaps for p in strip.model.photos))
    strip.set_photos(list(strip.model.photos))  # as after an annotation or an undo
    icon_size = strip.view.iconSize()
    for row in range(2):
        icon = strip.model.data(strip.model.index(row), Qt.ItemDataRole.DecorationRole)
        assert icon.size() == icon_size
    # the landscape photo's cell is as wide as its icon, though the last photo is portrait
    assert strip.view.visualRect(strip.model.index(0)).width() >= icon_size.width()


def test_a_text_near_the_edge_stays_inside_the_photo_in_the_editor(qapp):
    """The same placement as the report (inspection.annotations.place_text): nothing is cut."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter

    from ui.photos.annotation_editor import paint_annotations, text_box

    shape = {"type": "text", "color": "#e53935", "width": 0, "x1": 0.85, "y1": 0.9,
             "text": "消防栓被货物遮挡", "size": 0.08}
    box, _font = text_box(shape, QRectF(0, 0, 400, 300))
    assert box.left() >= 0 and box.right() <= 400 and box.bottom() <= 300
    image = QImage(440, 340, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    paint_annotations(painter, QRectF(20, 20, 400, 300), [shape])
    painter.end()
    outside = [(x, y) for x in range(image.width()) for y in range(image.height())
               if image.pixelColor(x, y).alpha() and not (18 <= x <= 422 and 18 <= y <= 322)]
    assert not outside
    assert any(image.pixelColor(x, y).alpha() for x in range(150, 420) for y in range(250, 320))
