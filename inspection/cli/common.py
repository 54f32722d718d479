"""What every command shares: the data folder, the store, printing data as text or JSON."""
from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path
from typing import Any, TypeAlias

from checklists.errors import InvalidInput, Message, UserError, messages
from inspection.cli.words import say
from inspection.paths import default_data_dir
from inspection.store import NoDatabase, Store, open_store

MESSAGES = messages({
    "cli.no_data": ("数据文件夹 {folder} 中没有检查数据（inspections.db）：请检查 --data-dir 是否写错，"
                    "或先用 park add 添加园区",
                    "The data folder {folder} holds no inspection data (inspections.db): check"
                    " --data-dir for a typing mistake, or add a park first with park add"),
    "cli.suffix": ("{option}：文件名应以 {suffix} 结尾，收到“{path}”",
                   "{option}: the file name must end in {suffix}, not “{path}”"),
})
HELP = messages({
    "cli.help.json": ("以 JSON 输出", "print JSON"),
})

# What a command module's ``register(commands, common)`` adds its commands to.
Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def data_root(args: argparse.Namespace) -> Path:
    given = getattr(args, "data_dir", None)
    return Path(given).expanduser() if given is not None else default_data_dir()


class NoData(UserError):
    """The data folder holds no database: most likely --data-dir is mistyped."""


def store_for(args: argparse.Namespace, *, actor: str | None = None,
              create: bool = False) -> Store:
    """The store of the data folder; only commands that start data (*create*) may make one.

    Any other command on a folder without a database refuses, rather than creating an empty
    one and reporting on it as if it were the inspector's data.
    """
    root = data_root(args)
    try:
        store = open_store(root, actor=actor or getattr(args, "by", None) or os_user(),
                           create=create)
    except NoDatabase:
        raise NoData("cli.no_data", folder=root) from None
    say_notices(store)
    return store


def say_notices(store: Store) -> None:
    """What opening the folder did or found (a recovered restore, read-only …): on stderr."""
    for notice in store.notices:
        print(Message("cli.note", text=notice), file=sys.stderr)


def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name on some locked-down systems
        return ""


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=1, default=str)
    sys.stdout.write("\n")


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=say("cli.help.json"))


def require_suffix(path: Path | str, option: str, *suffixes: str) -> None:
    """Refuse an output name that does not end in one of *suffixes* (``report --out notes.txt``
    would write a PDF named .txt): one line, before anything is read or written."""
    if Path(path).suffix.lower() not in suffixes:
        raise InvalidInput("cli.suffix", option=option, suffix=" / ".join(suffixes), path=path)
