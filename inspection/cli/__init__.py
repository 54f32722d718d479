"""The command line: the same data as the program, without a window.

Every command takes ``--data-dir DIR``; bad input gets one line on stderr and exit status 2,
a failed check exit status 1; a command that creates something prints the new id alone on
its last line. No traceback ever reaches the user: unexpected errors are logged to the data
folder and summarised in one line.
"""
from __future__ import annotations

import argparse
import contextlib
import logging
import sys
from types import ModuleType
from typing import NoReturn

from checklists.errors import Message, UserError, language_from_environment, messages, set_language
from inspection.appinfo import APP_NAME, APP_NAME_ZH, APP_VERSION
from inspection.cli.words import say

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2
MESSAGES = messages({
    "cli.error": ("错误：{message}", "Error: {message}"),
    "cli.empty_data_dir": ("不能为空：请给出文件夹，或不加此选项以使用默认数据文件夹",
                           "empty: name a folder, or leave the option out for the default one"),
    "cli.not_utf8": ("main.py: 参数 {option} 不是有效的 UTF-8 文字",
                     "main.py: argument {option}: not valid UTF-8 text"),
    "cli.cancelled": ("已取消", "Cancelled"),
    "cli.unexpected": ("错误：程序出现意外问题（{kind}: {error}）。详情已记录在 {where}",
                       "Error: an unexpected problem ({kind}: {error}). Details are in {where}"),
    "cli.stderr": ("标准错误输出", "standard error"),
    "cli.app_name": (APP_NAME_ZH, APP_NAME),
})
HELP = messages({
    "cli.help.main": ("{name} {version}：不带参数时打开程序窗口",
                      "{name} {version}: without a command, opens the program's window"),
    "cli.help.data_dir": ("数据文件夹（默认：用户应用数据文件夹）",
                          "the data folder (default: the user's application data folder)"),
    "cli.help.version": ("显示程序版本并退出", "show the program's version number and exit"),
    "cli.help.self_test": ("无界面自检：建示例检查、生成并签署报告、验证，成功时退出码为 0",
                           "a self-check without a window: make a demo inspection, make, sign and"
                           " verify its report; exit status 0 when all of it works"),
})


class CommandLineError(Exception):
    """argparse found the command line malformed."""


class OneLineParser(argparse.ArgumentParser):
    """An ArgumentParser that reports mistakes in one line instead of usage + error."""

    def error(self, message: str) -> NoReturn:
        raise CommandLineError(f"{self.prog}: {message}")


def _modules() -> list[ModuleType]:
    from inspection.cli import (
        bundle,
        hub,
        maintenance,
        records,
        reports,
        signatures,
        signing,
        templates,
    )
    return [templates, records, maintenance, reports, signing, signatures, bundle, hub]


def _data_dir(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError(Message("cli.empty_data_dir").text())
    return text


def _add_data_dir(parser: argparse.ArgumentParser, *, default: str | None = None) -> None:
    parser.add_argument("--data-dir", metavar="DIR", default=default, type=_data_dir,
                        help=say("cli.help.data_dir"))


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(prog="main.py", description=say(
        "cli.help.main", name=Message("cli.app_name"), version=APP_VERSION))
    _add_data_dir(parser)
    parser.add_argument("--version", action="version", version=APP_VERSION, help=say("cli.help.version"))
    parser.add_argument("--self-test", action="store_true",
                        help=say("cli.help.self_test"))
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=OneLineParser)
    # Every (sub)command takes --data-dir after its name too. This copy has no default: with
    # one, argparse would overwrite a --data-dir given before the command name with None.
    common = argparse.ArgumentParser(add_help=False)
    _add_data_dir(common, default=argparse.SUPPRESS)
    for module in _modules():
        module.register(commands, common)
    return parser


def gui_arguments(argv: list[str]) -> argparse.Namespace | None:
    """The window's options (``--data-dir``) read as the command line reads them, or None
    when *argv* holds anything else (a command, another option, a malformed ``--data-dir``)."""
    parser = OneLineParser(prog="main.py", add_help=False)
    _add_data_dir(parser)
    try:
        args, rest = parser.parse_known_args(list(argv))
    except CommandLineError:
        return None  # the command line reports the mistake in one line
    return None if rest else args


def wants_gui(argv: list[str]) -> bool:
    """True when no subcommand is given (only options the window understands)."""
    return gui_arguments(argv) is not None


def _error(message: object) -> str:
    """One line for stderr: 错误：… (Error: … in English)."""
    return Message("cli.error", message=message).text()


def _refuse_undecodable(args: argparse.Namespace) -> None:
    """Text arguments must be text: bytes that are not UTF-8 (a Linux shell can pass them)
    would otherwise be stored as they are, or fail deep inside. File names may be any bytes."""
    for name, value in vars(args).items():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str) and not _is_text(item):
                option = name.replace("_", "-")
                raise CommandLineError(Message("cli.not_utf8", option=option).text())


def _is_text(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: undecodable bytes from the command line
        return False
    return True


def _tolerant_output() -> None:
    """A file name that is not UTF-8 is printed as the bytes it is, never a crash."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError, TypeError):
                reconfigure(errors="surrogateescape" if stream is sys.stdout else "backslashreplace")


def main(argv: list[str] | None = None) -> int:
    import sqlite3  # here, not above: the window's start reads gui_arguments from this module

    from inspection.cli.argparse_words import install

    argv = sys.argv[1:] if argv is None else argv
    set_language(language_from_environment())
    install()
    _tolerant_output()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        _refuse_undecodable(args)
        if args.self_test:
            from inspection.cli.self_test import run_self_test
            return run_self_test(args)
        if not args.command:
            parser.print_help()
            return EXIT_BAD_INPUT
        return args.handler(args) or EXIT_OK
    except CommandLineError as exc:
        print(_error(exc), file=sys.stderr)
        return EXIT_BAD_INPUT
    except UserError as exc:
        print(_error(exc), file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly, as other command-line tools do.
        import os
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        print(Message("cli.cancelled"), file=sys.stderr)
        return 130
    except (sqlite3.DatabaseError, OSError) as exc:
        from inspection.store import explain_database_error
        explained = explain_database_error(exc)
        print(_error(explained or exc), file=sys.stderr)
        return EXIT_FAILED
    except Exception as exc:
        where = _log_unexpected(args if "args" in locals() else None)
        print(Message("cli.unexpected", kind=type(exc).__name__, error=exc, where=where),
              file=sys.stderr)
        return EXIT_FAILED


def _log_unexpected(args: argparse.Namespace | None) -> str:
    """Log the exception being handled into the data folder's log; returns where it went."""
    from inspection.cli.common import data_root
    from inspection.logs import start_logging
    log = logging.getLogger(__name__)
    command = " ".join(sys.argv).encode("utf-8", "backslashreplace").decode("utf-8")
    try:
        root = data_root(args) if args is not None else None
        if root is None or not root.is_dir():
            raise OSError  # never create a (perhaps mistyped) data folder just for a log
        path = start_logging(root / "logs")
        log.exception("unexpected error in: %s", command)
        return str(path)
    except (OSError, ValueError):
        log.exception("unexpected error in: %s", command)
        return Message("cli.stderr").text()
