"""The layers import one way: main → ui → inspection → checklists (resources is a leaf)."""
import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ["checklists", "inspection", "ui"]  # bottom first
FORBIDDEN = {
    "checklists": {"PySide6", "shiboken6", "sqlite3", "sqlite_utils", "reportlab", "pyhanko",
                   "inspection", "ui", "main"},
    "inspection": {"PySide6", "shiboken6", "ui", "main"},
    "ui": {"sqlite3", "sqlite_utils", "reportlab", "pyhanko", "main"},
    "resources": {"PySide6", "sqlite3", "sqlite_utils", "reportlab", "pyhanko",
                  "checklists", "inspection", "ui", "main"},
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def package_files(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_imports_only_downwards(package):
    offences = []
    for path in package_files(package):
        bad = imported_modules(path) & FORBIDDEN[package]
        if bad:
            offences.append(f"{path.relative_to(ROOT)} imports {', '.join(sorted(bad))}")
    assert not offences, "\n".join(offences)


def test_every_layer_has_code():
    # Guards the test above against silently checking empty folders.
    for package in LAYERS:
        assert package_files(package), package


def test_the_layering_check_catches_a_forbidden_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("import os\nfrom PySide6.QtCore import QObject\nimport sqlite_utils.db\n")
    assert imported_modules(sample) >= {"PySide6", "sqlite_utils"}
