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


@pytest.mark.parametrize("args", [
    ["check-db"],
    ["check-db", "--json"],
    ["park", "list"],
    ["inspection", "list"],
    ["inspection", "show", "abcd1234"],
    ["inspection", "answer", "abcd1234", "1-1-1", "--result", "pass"],
    ["inspection", "new", "--park", "星河园", "--template", "000", "--inspector", "张三"],
    ["finding", "add", "abcd1234", "1-1-1", "--requirement", "整改"],
    ["photo", "add", "abcd1234", "p.jpg"],
    ["report", "abcd1234", "--out", "r.pdf"],
    ["export", "abcd1234", "--xlsx", "r.xlsx"],
    ["backup", "--out", "b.zip"],
])
def test_a_command_on_a_folder_without_data_refuses_and_creates_nothing(capsys, tmp_path, args):
    mistyped = tmp_path / "dtaa"
    code, out, err = run(capsys, args, mistyped, "after")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and str(mistyped) in err and "inspections.db" in err
    assert not mistyped.exists() and not (tmp_path / "b.zip").exists()


def test_a_folder_without_a_database_is_refused_even_if_it_exists(capsys, tmp_path):
    (tmp_path / "keys").mkdir()
    code, out, err = run(capsys, ["check-db"], tmp_path, "before")
    assert code == 2 and "数据库正常" not in out and not (tmp_path / "inspections.db").exists()


@pytest.mark.parametrize("args", [
    ["park", "add", "星河园"],
    ["templates"],
    ["template", "show", "000"],
])
def test_commands_that_start_data_or_need_none_run_on_a_new_folder(capsys, tmp_path, args):
    assert run(capsys, args, tmp_path / "new", "after")[0] == 0
