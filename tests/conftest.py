"""Shared test set-up: Qt runs offscreen; the project root is importable; no test touches the
developer's real data folder, settings or cache (the default data folder, XDG config, data and
cache homes point into pytest's temporary folders, for every test and for fixtures of any
scope; the command line's language is Chinese unless a test says otherwise)."""
import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from inspection.paths import DATA_DIR_ENV  # noqa: E402 - needs ROOT on sys.path


def _point_home_folders_at(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(folder / "default-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(folder / "xdg-data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder / "cache"))  # the report's parsed fonts
    # The command line speaks Chinese in the tests, whatever the developer's locale says
    # (it follows LC_ALL / LC_MESSAGES / LANG when PARK_INSPECTOR_LANG is not set).
    monkeypatch.setenv("PARK_INSPECTOR_LANG", "zh_CN")


@pytest.fixture(scope="session", autouse=True)
def _isolated_home_for_the_session(tmp_path_factory):
    # Module- and session-scoped fixtures run before any function-scoped one: cover them too.
    with pytest.MonkeyPatch.context() as monkeypatch:
        _point_home_folders_at(monkeypatch, tmp_path_factory.mktemp("session-home"))
        yield


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch):
    # Each test gets its own default data folder and config; subprocesses inherit them.
    _point_home_folders_at(monkeypatch, tmp_path)
