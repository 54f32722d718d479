"""Tests never write into the developer's real data folder, settings or cache."""
import subprocess
import sys
from pathlib import Path

from platformdirs import user_cache_dir, user_config_dir, user_data_dir

from inspection.appinfo import APP_ID
from inspection.paths import default_data_dir

ROOT = Path(__file__).resolve().parent.parent


def test_default_data_dir_during_tests_is_under_tmp(tmp_path, tmp_path_factory):
    base = tmp_path_factory.getbasetemp()
    assert default_data_dir().is_relative_to(tmp_path)
    # Even code that asks platformdirs directly lands in the temporary folders.
    assert Path(user_data_dir(APP_ID, appauthor=False, roaming=True)).is_relative_to(base)
    assert Path(user_config_dir(APP_ID)).is_relative_to(base)
    assert Path(user_cache_dir(APP_ID, appauthor=False)).is_relative_to(base)


def test_a_command_run_as_a_subprocess_uses_the_temporary_data_dir(tmp_path):
    out = subprocess.run([sys.executable, "-c", "from inspection.paths import default_data_dir;"
                          "print(default_data_dir())"], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    assert Path(out.stdout.strip()).is_relative_to(tmp_path)
