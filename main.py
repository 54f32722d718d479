"""Park Inspector (园区现场检查): opens the program, or runs a command-line subcommand.

    python main.py                      the program's window
    python main.py --data-dir DIR       the window, on another data folder
    python main.py COMMAND …            the command line (python main.py --help)
"""
from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv == ["--version"]:  # at once: nothing else to load
        from inspection.appinfo import APP_VERSION
        print(APP_VERSION)
        return 0
    if argv == ["--self-test"]:
        # Headless check of a build: the work without a window, then the window offscreen.
        from checklists.errors import Message
        from inspection.cli.self_test import run_self_test
        from ui.window_self_test import check_window
        return run_self_test(extra_checks=[(Message("cli.self_test.window"), check_window)])
    from inspection.cli import main as run_cli
    from inspection.cli import wants_gui

    if wants_gui(argv):
        from ui.app import run_app
        return run_app(argv)
    return run_cli(argv)


if __name__ == "__main__":
    sys.exit(main())
