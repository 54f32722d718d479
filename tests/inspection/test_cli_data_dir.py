"""--data-dir is obeyed wherever it stands, and a mistyped one is never mistaken for data."""
import pytest

from inspection.cli import main, wants_gui
from inspection.paths import default_data_dir


def last_line(text):
    return text.strip().splitlines()[-1]


@pytest.fixture
def data(tmp_path):
    return tmp_path / "data"


def run(capsys, args, data, where):
    """Run a command with --data-dir before or after the command name."""
    option = ["--data-dir", str(data)]
    code = main([*option, *args] if where == "before" else [*args, *option])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("where", ["before", "after"])
def test_data_dir_is_obeyed_before_and_after_the_command(capsys, data, tmp_path, where):
    assert run(capsys, ["park", "add", "星河园"], data, where)[0] == 0
    code, out, err = run(capsys, ["inspection", "new", "--park", "星河园", "--template", "000",
                                  "--inspector", "张三"], data, where)
    assert code == 0, err
    inspection_id = last_line(out)
    assert run(capsys, ["inspection", "answer", inspection_id, "1-1-1", "--result", "pass"],
               data, where)[0] == 0
    code, out, _ = run(capsys, ["inspection", "list", "--json"], data, where)
    assert code == 0 and inspection_id in out
    assert run(capsys, ["check-db"], data, where)[0] == 0
    assert run(capsys, ["backup", "--out", str(tmp_path / "b.zip")], data, where)[0] == 0
    assert (data / "inspections.db").exists()
    assert not default_data_dir().exists()  # nothing went to the default folder


def test_the_last_data_dir_given_wins(capsys, tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    assert main(["--data-dir", str(first), "park", "add", "星河园",
                 "--data-dir", str(second)]) == 0
    assert (second / "inspections.db").exists() and not first.exists()


@pytest.mark.parametrize("argv, gui", [
    ([], True),
    (["--data-dir", "X"], True),
    (["--data-dir=X"], True),
    (["--data", "X"], True),  # argparse accepts the abbreviation: so does the window
    (["--data-dir"], False),  # malformed: the command line says so in one line
    (["--data-dir", "X", "park", "list"], False),
    (["park", "list", "--data-dir", "X"], False),
    (["--version"], False),
    (["--self-test"], False),
])
def test_wants_gui_agrees_with_the_command_line(argv, gui):
    assert wants_gui(argv) is gui
