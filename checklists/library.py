"""The checklist templates shipped with the program, loaded once."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from checklists.errors import UserError
from checklists.model import Template
from resources import bundled_path


class UnknownTemplate(UserError):
    """No template has that id."""


def templates_dir() -> Path:
    return bundled_path("checklists", "templates")


@lru_cache(maxsize=1)
def all_templates() -> dict[str, Template]:
    """Every shipped template by id, in id order."""
    found = {}
    for path in sorted(templates_dir().glob("*.json")):
        template = Template.from_json(path.read_text(encoding="utf-8"))
        found[template.id] = template
    return found


def get_template(template_id: str) -> Template:
    try:
        return all_templates()[template_id]
    except KeyError:
        known = "、".join(all_templates())
        raise UnknownTemplate(f"没有编号为“{template_id}”的检查模板（可用：{known}）") from None
