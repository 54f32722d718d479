"""``python -m ui.preview [NAME [ARG …]]``: show one screen on its own (see ui/preview/)."""
from __future__ import annotations

import sys

from ui.preview import (
    bundle_screens,  # noqa: F401 - registers the bundle previews
    office_screens,  # noqa: F401 - registers the office's preview
)
from ui.preview.screens import PREVIEWS


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in PREVIEWS:
        if argv:
            print(f"no preview named {argv[0]!r}", file=sys.stderr)
        print("python -m ui.preview NAME [ARG …], NAME one of:")
        for name, fn in PREVIEWS.items():
            print(f"  {name:<18} {(fn.__doc__ or '').strip()}")
        return 2 if argv else 0
    PREVIEWS[argv[0]](argv[1:])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
