"""Shared set-up for the inspection-page tests (no tests here): an inspection, an open page,
real JPEG files, and small waits on the store."""
from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from PySide6.QtWidgets import QApplication

from ui.inspection_view.page import InspectionPage

VISIT = "2026-11-20"


def make_inspection(runner, templates=("000", "001", "002"), *, park_type="manufacturing",
                    park="星河智造小微企业园") -> str:
    def setup(store):
        found = store.find_park(park) or store.add_park(park, park_type)
        return store.new_inspection(found.id, list(templates), inspectors=["张三"],
                                    date=VISIT, organisation="金山区经委").id
    return runner.call(setup)


def make_jpegs(folder: Path, count: int, *, size=(1200, 900), prefix="IMG") -> list[Path]:
    """*count* distinct real JPEG files (noise with a numbered block, so each hash differs)."""
    folder.mkdir(parents=True, exist_ok=True)
    base = Image.effect_noise(size, 50).convert("RGB")
    paths = []
    for i in range(count):
        image = base.copy()
        draw = ImageDraw.Draw(image)
        draw.rectangle([10 + i * 7 % 400, 10, 60 + i * 7 % 400, 60],
                       fill=(i * 37 % 255, i * 91 % 255, 200))
        path = folder / f"{prefix}_{i:04d}.jpg"
        image.save(path, "JPEG", quality=85)
        paths.append(path)
    return paths


def stored(runner, iid: str, template_id: str, code: str):
    return runner.call(lambda s: s.answer(iid, template_id, code))


def sign_directly(runner, iid: str):
    """Record a (pretend) signed report as the store would after signing: the inspection locks."""
    def sign(store):
        updated_at = store.inspection(iid).updated_at
        return store.mark_signed(iid, path="r.pdf", sha256="0" * 64, signer="张三",
                                 updated_at=updated_at)
    return runner.call(sign)


def settle(qtbot, page, timeout: int = 5000) -> None:
    """Wait until every edit the page sent has been confirmed by the store."""
    qtbot.waitUntil(lambda: page.session is not None and page.session.pending == 0,
                    timeout=timeout)


def focus_tree(qtbot, page) -> None:
    page.activateWindow()
    page.tree.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.tree)


def message_boxes():
    from PySide6.QtWidgets import QMessageBox
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


@pytest.fixture
def open_page(qtbot, runner, prefs):
    """open_page(iid) → a shown, loaded InspectionPage at 1280×800."""
    def opener(iid: str, *, on=None, settings=prefs) -> InspectionPage:
        page = InspectionPage(on or runner, settings)
        qtbot.addWidget(page)
        page.resize(1280, 800)
        page.show()
        qtbot.waitExposed(page)
        page.load(iid)
        qtbot.waitUntil(lambda: page.session is not None and page.pages.currentIndex() == 1)
        return page
    return opener


@pytest.fixture
def inspection_id(runner):
    return make_inspection(runner)
