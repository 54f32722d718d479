"""The one place that finds the files shipped with the program, from source or frozen.

``resources/`` holds data only (fonts, icons, translations); this helper also finds the
generated checklist templates. In a PyInstaller build everything lies under ``sys._MEIPASS``.
"""
from __future__ import annotations

import sys
from pathlib import Path


def app_root() -> Path:
    """The folder that holds ``resources/`` and ``checklists/`` (the project, or the build)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """A file under ``resources/``: ``resource_path("fonts", "NotoSansSC-Regular.ttf")``."""
    return app_root().joinpath("resources", *parts)


def bundled_path(*parts: str) -> Path:
    """Any other shipped file, relative to the application root."""
    return app_root().joinpath(*parts)
