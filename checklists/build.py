"""Generate ``checklists/templates/*.json`` from the standards in ``checklists/sources/``.

Deterministic: the same sources give byte-identical files, so a test can compare the
committed templates with a fresh build.
"""
from __future__ import annotations

import hashlib
import importlib
from dataclasses import dataclass
from pathlib import Path

from checklists.model import Source, Template

PACKAGE_DIR = Path(__file__).resolve().parent
SOURCES_DIR = PACKAGE_DIR / "sources"
TEMPLATES_DIR = PACKAGE_DIR / "templates"


@dataclass(frozen=True)
class Standard:
    """A source file and the parser module (``parse(text, source) -> Template``) for its shape."""

    file: str
    parser: str


STANDARDS: tuple[Standard, ...] = (
    Standard("000_f3b28acac5d05aa2.txt", "checklists.parsers.indicator_tree"),
    Standard("001_51d050b7967e5ddb.txt", "checklists.parsers.star_matrix"),
    Standard("002_20e30ec1a94f78f0.txt", "checklists.parsers.action_list"),
    Standard("003_a03af592c82b6dbb.txt", "checklists.parsers.numbered_measures"),
    Standard("004_b6ab4bed0b2842e5.txt", "checklists.parsers.clause_list"),
)


def read_source(file: str) -> tuple[str, Source]:
    """The text of a source file and its :class:`Source` record (name and SHA-256)."""
    raw = (SOURCES_DIR / file).read_bytes()
    return raw.decode("utf-8"), Source(file=file, sha256=hashlib.sha256(raw).hexdigest())


def build_template(standard: Standard) -> Template:
    text, source = read_source(standard.file)
    parser = importlib.import_module(standard.parser)
    return parser.parse(text, source)


def build_all() -> list[Template]:
    return [build_template(standard) for standard in STANDARDS]


def template_filename(template: Template) -> str:
    return f"{template.id}.json"


def write_templates(out_dir: Path = TEMPLATES_DIR) -> list[Path]:
    """Write every template to *out_dir*; remove stale ones; return the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for template in build_all():
        path = out_dir / template_filename(template)
        path.write_text(template.to_json(), encoding="utf-8", newline="\n")
        written.append(path)
    for stale in set(out_dir.glob("*.json")) - set(written):
        stale.unlink()
    return written


def stale_templates(out_dir: Path = TEMPLATES_DIR) -> list[str]:
    """Names of committed template files that differ from a fresh build (empty when in sync)."""
    differing = []
    fresh = {template_filename(t): t.to_json() for t in build_all()}
    for name, text in fresh.items():
        path = out_dir / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            differing.append(name)
    for path in out_dir.glob("*.json"):
        if path.name not in fresh:
            differing.append(path.name)
    return sorted(differing)
