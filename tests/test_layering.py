"""The layers import one way: main → ui → inspection → checklists (resources is a leaf)."""
import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ["checklists", "inspection", "ui"]  # bottom first
FORBIDDEN = {
    "checklists": {"PySide6", "shiboken6", "sqlite3", "sqlite_utils", "psycopg", "reportlab", "pyhanko",
                   "inspection", "ui", "main"},
    "inspection": {"PySide6", "shiboken6", "ui", "main"},
    "ui": {"sqlite3", "sqlite_utils", "psycopg", "reportlab", "pyhanko", "main"},
    "resources": {"PySide6", "sqlite3", "sqlite_utils", "psycopg", "reportlab", "pyhanko",
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


# --- no import circles ------------------------------------------------------------------------

PACKAGES = ["checklists", "inspection", "ui", "resources"]


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def import_graph(root: Path = ROOT) -> dict[str, set[str]]:
    """Every project module → the project modules it imports anywhere: at the top, inside
    functions and under ``if TYPE_CHECKING`` (a circle there is still a circle of ideas)."""
    modules = {module_name(p, root): p for package in PACKAGES for p in sorted((root / package).rglob("*.py"))
               if "sources" not in p.parts}
    modules["main"] = root / "main.py"

    def known(name: str) -> str | None:
        while name:
            if name in modules:
                return name
            name = name.rpartition(".")[0]
        return None

    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        is_package = path.name == "__init__.py"
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(filter(None, (known(alias.name) for alias in node.names)))
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = name.split(".") if is_package else name.split(".")[:-1]
                    base = base[:len(base) - node.level + 1]
                    module = ".".join(base + ([node.module] if node.module else []))
                else:
                    module = node.module or ""
                for alias in node.names:  # "from pkg import module" imports the module
                    target = known(f"{module}.{alias.name}")
                    found.add(target if target and target != known(module) else known(module))
        found.discard(None)
        found.discard(name)
        graph[name] = found
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0

    def visit(node: str) -> None:
        nonlocal counter
        index[node] = low[node] = counter
        counter += 1
        stack.append(node)
        on_stack.add(node)
        for other in graph.get(node, ()):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_module_imports_itself_in_a_circle():
    graph = import_graph()
    assert len(graph) > 100  # the walk found the project
    assert circles(graph) == []


def test_the_circle_check_sees_imports_inside_functions_and_type_checking(tmp_path):
    for package in PACKAGES:
        (tmp_path / package).mkdir()
    (tmp_path / "main.py").write_text("")
    (tmp_path / "ui" / "__init__.py").write_text("")
    (tmp_path / "ui" / "page.py").write_text("from ui.actions import Actions\n")
    (tmp_path / "ui" / "actions.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ui import page\n")
    (tmp_path / "ui" / "lazy.py").write_text("def f():\n    from . import page\n")
    graph = import_graph(tmp_path)
    assert graph["ui.lazy"] == {"ui.page"}
    assert circles(graph) == [["ui.actions", "ui.page"]]
