"""constraints.txt is the lock: every package the requirements pull in is pinned there, at the
version this .venv runs the tests with, and the requirements point nowhere outside the repo."""
from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
UNPINNED = {"pip"}  # scripts/bootstrap.sh upgrades pip itself before installing


def requirements(name: str) -> list[Requirement]:
    found = []
    for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line.startswith("-r"):
            found += requirements(line[2:].strip())
        elif line and not line.startswith("-"):
            found.append(Requirement(line))
    return found


def pins() -> dict[str, str]:
    found = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, sep, version = line.partition("==")
            assert sep and version, f"constraints.txt: “{line}” is not NAME==VERSION"
            found[canonicalize_name(name)] = version.strip()
    return found


def installed_closure(roots: list[Requirement]) -> dict[str, str]:
    """Every installed distribution *roots* need (extras and markers followed): name → version."""
    found: dict[str, str] = {}
    seen = set()
    todo = [(r, frozenset(r.extras)) for r in roots]
    while todo:
        requirement, extras = todo.pop()
        if (canonicalize_name(requirement.name), extras) in seen:
            continue
        seen.add((canonicalize_name(requirement.name), extras))
        dist = metadata.distribution(requirement.name)
        found[canonicalize_name(dist.metadata["Name"])] = dist.version
        for text in dist.requires or []:
            needed = Requirement(text)
            if needed.marker is not None and not any(
                    needed.marker.evaluate({"extra": extra}) for extra in (extras or {""})):
                continue
            todo.append((needed, frozenset(needed.extras)))
    return found


def test_every_package_the_program_and_tests_need_is_pinned_at_the_version_in_use():
    used = installed_closure(requirements("requirements-dev.txt"))
    pinned = pins()
    unpinned = sorted(f"{name}=={version}" for name, version in used.items()
                      if name not in pinned and name not in UNPINNED)
    assert not unpinned, f"add to constraints.txt: {', '.join(unpinned)}"
    differ = sorted(f"{name}: installed {version}, constraints.txt {pinned[name]}"
                    for name, version in used.items() if name in pinned and pinned[name] != version)
    assert not differ, ("the .venv is not the one constraints.txt describes (run scripts/test.sh"
                        " to reinstall, or move the pin after testing): " + "; ".join(differ))


def test_the_build_requirements_are_pinned_too():
    pinned = pins()
    missing = [r.name for r in requirements("requirements-build.txt")
               if canonicalize_name(r.name) not in pinned]
    assert not missing, f"add to constraints.txt: {', '.join(missing)}"


def test_requirements_point_nowhere_outside_the_repository():
    for path in [*ROOT.glob("requirements*.txt"), ROOT / "constraints.txt"]:
        assert not re.search(r"\.\./|/work/|shared/", path.read_text(encoding="utf-8")), path.name
