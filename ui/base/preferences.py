"""The inspector's preferences, kept in QSettings (per user, outside the data folder)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from inspection.appinfo import APP_ID
from inspection.paths import default_data_dir

LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
PHOTO_SIZES = {"large": 1, "medium": 2, "small": 4}  # report appendix: photos per page


class Preferences:
    """Typed access to the settings the program remembers between runs."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.qsettings = settings or QSettings(APP_ID, APP_ID)

    def _get(self, key: str, default: str = "") -> str:
        value = self.qsettings.value(key, default)
        return "" if value is None else str(value)

    def _set(self, key: str, value: str) -> None:
        self.qsettings.setValue(key, value)
        self.qsettings.sync()

    # inspector profile
    @property
    def inspector_name(self) -> str:
        return self._get("profile/name")

    @inspector_name.setter
    def inspector_name(self, value: str) -> None:
        self._set("profile/name", value.strip())

    @property
    def organisation(self) -> str:
        return self._get("profile/organisation")

    @organisation.setter
    def organisation(self, value: str) -> None:
        self._set("profile/organisation", value.strip())

    @property
    def title(self) -> str:
        return self._get("profile/title")

    @title.setter
    def title(self, value: str) -> None:
        self._set("profile/title", value.strip())

    # where the data lives
    @property
    def data_dir(self) -> Path:
        value = self._get("data/folder")
        return Path(value) if value else default_data_dir()

    @data_dir.setter
    def data_dir(self, value: Path) -> None:
        self._set("data/folder", str(value))

    # report and language
    @property
    def report_photo_size(self) -> str:
        value = self._get("report/photo_size", "medium")
        return value if value in PHOTO_SIZES else "medium"

    @report_photo_size.setter
    def report_photo_size(self, value: str) -> None:
        if value not in PHOTO_SIZES:
            raise ValueError(value)
        self._set("report/photo_size", value)

    @property
    def language(self) -> str:
        value = self._get("ui/language", "zh_CN")
        return value if value in LANGUAGES else "zh_CN"

    @language.setter
    def language(self, value: str) -> None:
        if value not in LANGUAGES:
            raise ValueError(value)
        self._set("ui/language", value)

    # what was open last time
    @property
    def last_inspection(self) -> str:
        return self._get("session/last_inspection")

    @last_inspection.setter
    def last_inspection(self, value: str) -> None:
        self._set("session/last_inspection", value)
