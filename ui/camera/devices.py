"""Whether a camera can be used here, and why not: Qt Multimedia missing from the build (it
comes with PySide6-Addons), or no camera connected. Nothing here opens a camera."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ui.base.i18n import tr


@dataclass(frozen=True)
class CameraAvailability:
    devices: tuple[Any, ...]  # QCameraDevice
    reason: str = ""  # why there is none ("" when there is one)

    @property
    def usable(self) -> bool:
        return bool(self.devices)


def camera_availability() -> CameraAvailability:
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError as exc:  # no PySide6-Addons, or a system library it needs is missing
        return CameraAvailability((), tr("此电脑上无法使用相机功能（{0}）").format(exc))
    devices = tuple(QMediaDevices.videoInputs())
    if not devices:
        return CameraAvailability((), tr("没有找到摄像头：请连接摄像头，或从文件夹添加照片"))
    return CameraAvailability(devices)
