"""Where an inspector's data lives: one folder with the database, photos, reports and logs."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from inspection.appinfo import APP_ID

DATA_DIR_ENV = "PARK_INSPECTOR_DATA"


def default_data_dir() -> Path:
    """The user's application-data folder (never inside the program's own folder)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_dir  # only when needed: not before the window paints

    return Path(user_data_dir(APP_ID, appauthor=False, roaming=True))


@dataclass(frozen=True)
class DataDir:
    """The layout of a data folder."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / "inspections.db"

    @property
    def media(self) -> Path:
        return self.root / "media"

    @property
    def reports(self) -> Path:
        return self.root / "reports"

    @property
    def keys(self) -> Path:
        return self.root / "keys"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    def relative(self, path: Path | str) -> str:
        """How the database records a file of this folder: relative, ``reports/….pdf``.

        Relative records survive the folder moving (a backup restored elsewhere, another
        laptop); a path outside the folder stays as it is.
        """
        path = Path(path)
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    def resolve(self, recorded: Path | str) -> Path:
        """The file a database record names: relative records are inside this folder."""
        path = Path(recorded)
        return path if path.is_absolute() else self.root / path

    def ensure(self) -> DataDir:
        for folder in (self.root, self.media, self.reports, self.keys, self.logs):
            folder.mkdir(parents=True, exist_ok=True)
        return self

    def original(self, sha256: str, ext: str) -> Path:
        """Content-addressed original: media/ab/abcdef….jpg"""
        return self.media / sha256[:2] / f"{sha256}.{ext}"

    def report_image(self, sha256: str) -> Path:
        """The report-size JPEG (long edge ~1600 px, orientation applied)."""
        return self.media / sha256[:2] / f"{sha256}.report.jpg"

    def earlier_image(self, sha256: str) -> Path:
        """A report-size JPEG of another inspector's earlier visit, fetched from the hub for the
        report's 整改前后对照 (by its own hash): media/earlier/ab/abcdef….jpg"""
        return self.media / "earlier" / sha256[:2] / f"{sha256}.jpg"
