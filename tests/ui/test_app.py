"""Starting the window: the data folder it opens comes from the command line's one definition
of --data-dir."""
from __future__ import annotations

from pathlib import Path

import pytest

import inspection.cli
from ui.app import chosen_data_dir


@pytest.mark.parametrize("argv, expected", [
    ([], None),
    (["--data-dir", "/tmp/园区数据"], Path("/tmp/园区数据")),
    (["--data-dir=/tmp/other"], Path("/tmp/other")),
    (["--data-dir", "~/inspections"], Path("~/inspections").expanduser()),
])
def test_the_window_opens_the_data_folder_given(prefs, argv, expected):
    assert chosen_data_dir(argv, prefs) == (expected or prefs.data_dir)


def test_the_option_is_the_command_lines_own(prefs, monkeypatch, tmp_path):
    """Renaming the option in inspection.cli renames it for the window too: one definition."""
    def add_option(parser, *, default=None):
        parser.add_argument("--folder", dest="data_dir", default=default)

    monkeypatch.setattr(inspection.cli, "_add_data_dir", add_option)
    assert chosen_data_dir(["--folder", str(tmp_path)], prefs) == tmp_path
