"""What every command shares: the data folder, the store, printing data as text or JSON."""
from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path
from typing import Any

from inspection.paths import default_data_dir
from inspection.store import Store, open_store


def data_root(args: argparse.Namespace) -> Path:
    return Path(args.data_dir).expanduser() if getattr(args, "data_dir", None) else default_data_dir()


def store_for(args: argparse.Namespace, *, actor: str | None = None) -> Store:
    return open_store(data_root(args), actor=actor or getattr(args, "by", None) or os_user())


def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name on some locked-down systems
        return ""


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=1, default=str)
    sys.stdout.write("\n")


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="以 JSON 输出")
