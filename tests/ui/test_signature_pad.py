"""The signature pad: strokes from mouse, pen and touch; undo, clear; a transparent PNG of the ink."""
from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QMouseEvent, QPointingDevice, QTabletEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ui.reports.signature_pad import MOUSE_WIDTH, SignaturePad, pressure_width


def mouse(pad, kind, x, y, button=Qt.MouseButton.LeftButton):
    buttons = Qt.MouseButton.NoButton if kind == QMouseEvent.Type.MouseButtonRelease else button
    event = QMouseEvent(kind, QPointF(x, y), QPointF(pad.mapToGlobal(QPoint(int(x), int(y)))),
                        button if kind != QMouseEvent.Type.MouseMove else Qt.MouseButton.NoButton,
                        buttons, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(pad, event)


def draw(pad, points):
    """One stroke through *points* with the left button held, as a mouse would send it."""
    mouse(pad, QMouseEvent.Type.MouseButtonPress, *points[0])
    for x, y in points[1:]:
        mouse(pad, QMouseEvent.Type.MouseMove, x, y)
    mouse(pad, QMouseEvent.Type.MouseButtonRelease, *points[-1])


def wave(x0=40, y0=100, n=30):
    return [(x0 + 8 * i, y0 + (20 if i % 4 < 2 else -20)) for i in range(n)]


def alpha_at(image: QImage, x: int, y: int) -> int:
    return image.pixelColor(x, y).alpha()


def test_a_drawn_stroke_gives_a_transparent_png_cropped_to_the_ink(qtbot):
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(600, 220)
    changes = []
    pad.changed.connect(lambda: changes.append(1))
    assert pad.is_empty()
    draw(pad, wave())
    assert not pad.is_empty() and len(pad.strokes) == 1 and changes
    png = pad.to_png()
    assert png.startswith(b"\x89PNG")
    image = QImage.fromData(png, "PNG")
    assert image.hasAlphaChannel()
    # cropped: about the ink's size (232 × 40 px plus the pen and the margin), at twice the scale
    assert 2 * 232 < image.width() < 2 * 232 + 2 * 30
    assert 2 * 40 < image.height() < 2 * 40 + 2 * 30
    assert alpha_at(image, 1, 1) == 0  # the corners are transparent
    assert alpha_at(image, image.width() - 2, image.height() - 2) == 0
    inked = sum(alpha_at(image, x, y) > 128 for x in range(0, image.width(), 2)
                for y in range(0, image.height(), 2))
    assert inked > 100


def test_undo_takes_back_the_last_stroke_and_clear_everything(qtbot):
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(600, 220)
    draw(pad, wave())
    first = pad.ink_rect()
    draw(pad, [(400, 40), (450, 60), (500, 180)])
    assert len(pad.strokes) == 2
    assert pad.ink_rect().right() > first.right()
    pad.undo()
    assert len(pad.strokes) == 1 and pad.ink_rect() == first
    pad.clear()
    assert pad.is_empty()
    pad.undo()  # nothing left to undo: no error
    assert pad.is_empty()


def test_a_click_without_moving_leaves_a_dot(qtbot):
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(400, 200)
    QTest.mouseClick(pad, Qt.MouseButton.LeftButton, pos=QPoint(100, 100))
    assert len(pad.strokes) == 1
    image = pad.to_image()
    assert alpha_at(image, image.width() // 2, image.height() // 2) > 0


def test_pen_pressure_sets_the_line_width(qtbot):
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(600, 220)
    device = QPointingDevice.primaryPointingDevice()

    def tablet(kind, x, y, pressure):
        event = QTabletEvent(kind, device, QPointF(x, y), QPointF(pad.mapToGlobal(QPoint(x, y))),
                             pressure, 0.0, 0.0, 0.0, 0.0, 0.0, Qt.KeyboardModifier.NoModifier,
                             Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton)
        QApplication.sendEvent(pad, event)
        return event

    assert tablet(QTabletEvent.Type.TabletPress, 50, 100, 0.1).isAccepted()
    tablet(QTabletEvent.Type.TabletMove, 120, 110, 0.5)
    tablet(QTabletEvent.Type.TabletMove, 200, 90, 1.0)
    tablet(QTabletEvent.Type.TabletRelease, 200, 90, 0.0)
    stroke = pad.strokes[-1]
    assert stroke.widths[0] < MOUSE_WIDTH < stroke.widths[2]
    assert stroke.widths[2] == pressure_width(1.0)
    assert not pad.is_empty()


def test_pressure_width_is_bounded():
    assert pressure_width(-1) == pressure_width(0) > 0
    assert pressure_width(5) == pressure_width(1)


def test_a_finger_draws_too(qtbot):
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(600, 220)
    pad.show()
    qtbot.waitExposed(pad)
    device = QTest.createTouchDevice()
    QTest.touchEvent(pad, device).press(0, QPoint(60, 100), pad)
    for x in range(80, 300, 20):
        QTest.touchEvent(pad, device).move(0, QPoint(x, 100 + (x % 40)), pad)
    QTest.touchEvent(pad, device).release(0, QPoint(300, 120), pad)
    assert len(pad.strokes) == 1
    assert len(pad.strokes[0].points) > 5
    assert pad.ink_rect().width() > 200


def test_save_signature_says_what_it_still_needs(qtbot):
    from inspection.model import SignerRole
    from ui.reports.signatures_dialog import SignDialog, Signer

    dialog = SignDialog(Signer(SignerRole.PARK_REPRESENTATIVE, ""))
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    assert dialog.missing.text() == "还需：签名人姓名、签名"
    dialog.name.setText("王园长")
    assert dialog.missing.text() == "还需：签名" == dialog.ok_button.toolTip()
    dialog.pad.resize(560, 200)
    draw(dialog.pad, wave())
    assert dialog.ok_button.isEnabled() and dialog.missing.text() == ""


def test_sign_again_and_delete_are_apart(qtbot, inline_runner):
    from inspection.model import SignerRole
    from ui.reports.signatures_dialog import SignaturesDialog

    pad = SignaturePad()
    pad.resize(560, 200)
    draw(pad, wave())
    png = pad.to_png()

    def make(store):
        park = store.add_park("星河园", "manufacturing")
        inspection = store.new_inspection(park.id, ["000"], inspectors=["张三"])
        store.set_signature(inspection.id, SignerRole.INSPECTOR, "张三", image_png=png)
        return inspection.id

    dialog = SignaturesDialog(inline_runner, inline_runner.call(make))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    sign, remove = dialog.row_buttons[0]
    assert remove is not None
    gap = remove.geometry().left() - sign.geometry().right()
    assert gap >= dialog.fontMetrics().horizontalAdvance("中") // 2
