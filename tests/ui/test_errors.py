"""Unexpected errors: one message box at a time, the rest logged; Qt overrides never raise."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QMessageBox, QStyleOptionViewItem

import ui.base.error_reporting as errors
from inspection.logs import stop_logging


def _boxes():
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()]


@pytest.fixture
def log_folder(tmp_path, monkeypatch):
    monkeypatch.setattr(errors, "_hook_box", None)
    monkeypatch.setattr(errors, "_hook_shown", {})
    monkeypatch.setattr(errors, "_guard_logged", set())
    path = errors.set_log_folder(tmp_path / "logs")
    yield path
    stop_logging()


def _raise(exc):
    try:
        raise exc
    except Exception as caught:
        return caught


def test_a_burst_of_unexpected_errors_opens_one_box_and_logs_the_rest(qtbot, log_folder):
    for n in range(26):
        errors.handle_unexpected(_raise(AttributeError(f"paint {n}")))
    errors.handle_unexpected(_raise(KeyError("another one while the box is open")))
    assert len(_boxes()) == 1
    assert log_folder.read_text(encoding="utf-8").count("unexpected error") == 27
    _boxes()[0].done(0)
    qtbot.waitUntil(lambda: not _boxes())
    errors.handle_unexpected(_raise(AttributeError("the same place again, at once")))
    assert not _boxes()  # the same bug is not shown again right away
    errors.handle_unexpected(_raise(ValueError("a new problem")))
    assert len(_boxes()) == 1
    _boxes()[0].done(0)


def test_a_failing_model_data_returns_nothing_and_is_logged_once(qtbot, log_folder):
    from ui.home.inspection_list import InspectionListModel

    model = InspectionListModel()
    model._rows = ["not an inspection"]  # every cell now fails inside data()
    for _ in range(5):
        assert model.data(model.index(0, 0)) is None
    assert log_folder.read_text(encoding="utf-8").count("unexpected error") == 1


def test_a_failing_delegate_paint_draws_a_placeholder(qtbot, log_folder):
    from ui.home.inspection_list import STATUS_ROLE, StatusBadgeDelegate

    class BadIndex(QModelIndex):
        def data(self, role=Qt.ItemDataRole.DisplayRole):
            return "no such status" if role == STATUS_ROLE else None

    image = QImage(120, 30, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 120, 30)
    StatusBadgeDelegate().paint(painter, option, BadIndex())  # does not raise
    painter.end()
    assert image.pixelColor(5, 5).name() == "#eceef1"
    assert log_folder.read_text(encoding="utf-8").count("unexpected error") == 1


def test_a_thumbnail_with_a_broken_annotation_still_shows(qtbot, log_folder):
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QPixmap

    from inspection.model import Photo
    from ui.photos.photo_strip import icon_for

    pixmap = QPixmap(160, 120)
    pixmap.fill(Qt.GlobalColor.red)
    fields = dict.fromkeys(Photo.__dataclass_fields__)
    photo = Photo(**{**fields, "id": 1, "annotations": ({"type": "arrow", "x1": "bad"},)})
    icon = icon_for(pixmap, photo, QSize(128, 96))
    assert icon.size() == QSize(128, 96)
    assert icon.toImage().pixelColor(64, 48).name() == "#ff0000"
