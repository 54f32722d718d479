"""Which dropped files are inspection bundles (.pib)."""
from __future__ import annotations

from pathlib import Path

SUFFIX = ".pib"


def bundle_paths(paths: list[Path]) -> list[Path]:
    """The .pib files among dropped paths."""
    return [p for p in paths if p.suffix.lower() == SUFFIX and p.is_file()]
