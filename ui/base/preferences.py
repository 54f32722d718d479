"""The inspector's preferences, kept in QSettings (per user, outside the data folder)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from inspection.appinfo import APP_ID
from inspection.paths import default_data_dir

LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
PHOTO_SIZES = {"large": 1, "medium": 2, "small": 4}  # report appendix: photos per page
TEXT_SIZES = {"normal": 1.0, "large": 1.15, "larger": 1.3}  # the window's text, × the system's
THEMES = ("standard", "high_contrast")


class Preferences:
    """Typed access to the settings the program remembers between runs: the one place that
    names a settings key."""

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

    # habits
    @property
    def auto_advance(self) -> bool:
        """Whether answering an item moves on to the next one (default: yes)."""
        return bool(self.qsettings.value("ui/auto_advance", True, type=bool))

    @auto_advance.setter
    def auto_advance(self, value: bool) -> None:
        self.qsettings.setValue("ui/auto_advance", bool(value))
        self.qsettings.sync()

    @property
    def stay_on_fail(self) -> bool:
        """Whether 不符合 / 滞后 keeps the item on screen for a note or a finding (default: yes)."""
        return bool(self.qsettings.value("ui/stay_on_fail", True, type=bool))

    @stay_on_fail.setter
    def stay_on_fail(self, value: bool) -> None:
        self.qsettings.setValue("ui/stay_on_fail", bool(value))
        self.qsettings.sync()

    @property
    def text_size(self) -> str:
        value = self._get("ui/text_size", "normal")
        return value if value in TEXT_SIZES else "normal"

    @text_size.setter
    def text_size(self, value: str) -> None:
        if value not in TEXT_SIZES:
            raise ValueError(value)
        self._set("ui/text_size", value)

    @property
    def theme(self) -> str:
        value = self._get("ui/theme", "standard")
        return value if value in THEMES else "standard"

    @theme.setter
    def theme(self, value: str) -> None:
        if value not in THEMES:
            raise ValueError(value)
        self._set("ui/theme", value)

    # the signing key
    @property
    def signing_key_path(self) -> Path | None:
        value = self._get("signing/key_path")
        return Path(value) if value else None

    @signing_key_path.setter
    def signing_key_path(self, value: Path | None) -> None:
        self._set("signing/key_path", str(value) if value else "")

    # where things were on screen
    def layout_state(self, name: str) -> QByteArray | None:
        """A saved window geometry or state, or a splitter's (*name*: window/geometry, …)."""
        value = self.qsettings.value(name)
        return value if isinstance(value, QByteArray) else None

    def set_layout_state(self, name: str, state: QByteArray) -> None:
        self.qsettings.setValue(name, state)

    def current_item(self, inspection_id: str) -> tuple[str, str] | None:
        """The item that was on screen when the inspection was last open."""
        value = self._get(f"inspection/current/{inspection_id}")
        if "\t" not in value:
            return None
        template_id, code = value.split("\t", 1)
        return template_id, code

    def set_current_item(self, inspection_id: str, key: tuple[str, str]) -> None:
        self.qsettings.setValue(f"inspection/current/{inspection_id}", "\t".join(key))

    def dialog_folder(self, purpose: str) -> Path | None:
        """The folder a file dialog for *purpose* (photos, reports …) used last time."""
        value = self._get(f"dialogs/folder/{purpose}")
        return Path(value) if value else None

    def set_dialog_folder(self, purpose: str, folder: Path) -> None:
        self._set(f"dialogs/folder/{purpose}", str(folder))

    def sync(self) -> None:
        self.qsettings.sync()
