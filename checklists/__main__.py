"""``python -m checklists build [--check]``: regenerate (or compare) the checklist templates."""
from __future__ import annotations

import argparse
import sys

from checklists.build import TEMPLATES_DIR, stale_templates, write_templates


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checklists")
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="从 sources/ 中的标准生成 templates/*.json")
    build.add_argument("--check", action="store_true", help="只比较，不写文件；不一致时退出码为 1")
    args = parser.parse_args(argv)
    if args.check:
        stale = stale_templates()
        for name in stale:
            print(f"与生成结果不一致：{TEMPLATES_DIR / name}")
        return 1 if stale else 0
    for path in write_templates():
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
