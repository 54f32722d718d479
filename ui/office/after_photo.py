"""整改后照片: closing a finding at a revisit with 接着添加整改后照片 ticked opens the camera on the
finding's item (or, without a usable camera, the photo file dialog). The photo is a photo of the
item like any other; the report pairs it with the item's photo at the earlier visit
(inspection/report/pairs.py)."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from ui.base.i18n import tr


class AfterPhoto(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.page: Any = None
        built = window.__dict__.get("_page")
        if built is not None:
            self._attach(built)
        else:
            window.page_built.connect(self._attach)

    def _attach(self, page: Any) -> None:
        self.page = page
        page.panel.findings.after_photo_wanted.connect(self.take)

    def take(self, key: tuple[str, str]) -> None:
        from ui.camera.devices import camera_availability

        page = self.page
        if page is None or key is None:
            return
        if camera_availability().usable:
            template = page.session.template(key[0]) if page.session is not None else None
            node = template.find(key[1]) if template is not None and template.has(key[1]) else None
            title = f"{node.code} {node.title}" if node is not None else key[1]
            page.camera.open(key, tr("整改后：{0}").format(title))
        else:
            page.photos.import_photos(None, key)
