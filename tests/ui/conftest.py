"""Qt test set-up: offscreen platform, the bundled font, isolated QSettings, a task runner."""

import pytest
from PySide6.QtCore import QSettings

from ui.app import configure_application
from ui.base.preferences import Preferences
from ui.base.tasks import TaskRunner


@pytest.fixture(scope="session")
def qapp_args():
    return ["park-inspector-tests"]


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path):
    # QSettings must never touch the developer's real ones (tests/conftest.py already points
    # the default data folder and XDG_CONFIG_HOME at tmp_path; QSettings caches its paths).
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "config"))


@pytest.fixture
def prefs(tmp_path, qapp):
    settings = QSettings(str(tmp_path / "config" / "test.ini"), QSettings.Format.IniFormat)
    prefs = Preferences(settings)
    prefs.inspector_name = "张三"
    prefs.organisation = "金山区经委"
    configure_application(qapp, prefs)
    return prefs


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


@pytest.fixture
def runner(data_dir, qapp):
    """A threaded runner, as in the program; tests wait for results with qtbot.waitUntil."""
    runner = TaskRunner(data_dir, actor="张三")
    yield runner
    runner.shutdown()


@pytest.fixture
def inline_runner(data_dir, qapp):
    """A runner that runs every task at once on the test's thread."""
    runner = TaskRunner(data_dir, actor="张三", inline=True)
    yield runner
    runner.shutdown()
