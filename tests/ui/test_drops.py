"""Photos dropped from a file manager are taken as a copy, never a move (a move from an SD
card deletes the original), and the area they will land in is highlighted while dragging."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from tests.ui.test_inspection_page_helpers import inspection_id, make_jpegs, open_page  # noqa: F401

COPY, MOVE = Qt.DropAction.CopyAction, Qt.DropAction.MoveAction


def files(paths: list[Path]) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def drag(target, mime, actions, kind=QDragEnterEvent, pos=None):
    pos = pos or target.rect().center()
    event = kind(QPointF(pos) if kind is QDropEvent else pos, actions, mime,
                 Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, event)
    return event


def drop_areas(page):
    return {"item panel": page.panel.viewport(), "photo strip": page.panel.photos, "header": page.header}


@pytest.mark.parametrize("area", ["item panel", "photo strip", "header"])
def test_a_drop_offering_copy_and_move_is_taken_as_a_copy(qtbot, open_page, inspection_id,
                                                          tmp_path, area):
    page = open_page(inspection_id)
    target = drop_areas(page)[area]
    mime = files(make_jpegs(tmp_path / "sd", 1))
    enter = drag(target, mime, COPY | MOVE)
    assert enter.isAccepted() and enter.dropAction() == COPY
    highlight = (page.panel if area == "item panel" else target).drop_highlight
    assert highlight.isVisible()  # where the photos will go, shown
    QApplication.sendEvent(target, QDragLeaveEvent())
    assert not highlight.isVisible()
    drag(target, mime, COPY | MOVE)
    dropped = drag(target, mime, COPY | MOVE, kind=QDropEvent)
    assert dropped.isAccepted() and dropped.dropAction() == COPY


@pytest.mark.parametrize("area", ["item panel", "photo strip", "header"])
def test_a_drop_that_can_only_move_is_refused(qtbot, open_page, inspection_id, tmp_path, area):
    page = open_page(inspection_id)
    target = drop_areas(page)[area]
    mime = files(make_jpegs(tmp_path / "sd", 1))
    assert not drag(target, mime, MOVE).isAccepted()
    assert not drag(target, mime, MOVE, kind=QDropEvent).isAccepted()


def test_the_checklist_takes_a_copy_on_an_item_row_and_frames_it(qtbot, open_page, inspection_id,
                                                                  tmp_path):
    page = open_page(inspection_id)
    mime = files(make_jpegs(tmp_path / "sd", 1))
    index = page.proxy.mapFromSource(page.model.index_of(("000", "1-1-2")))
    pos = page.tree.visualRect(index).center()
    viewport = page.tree.viewport()
    drag(viewport, mime, COPY | MOVE, pos=pos)
    from PySide6.QtGui import QDragMoveEvent
    moved = drag(viewport, mime, COPY | MOVE, kind=QDragMoveEvent, pos=pos)
    assert moved.isAccepted() and moved.dropAction() == COPY
    assert page.tree.drop_target is not None and page.tree.drop_target.row() == index.row()
    assert not drag(viewport, mime, MOVE, kind=QDragMoveEvent, pos=pos).isAccepted()
    received = []
    page.tree.files_dropped.disconnect()
    page.tree.files_dropped.connect(lambda key, paths: received.append(key))
    dropped = drag(viewport, mime, COPY | MOVE, kind=QDropEvent, pos=pos)
    assert dropped.dropAction() == COPY and received == [("000", "1-1-2")]
    assert page.tree.drop_target is None
