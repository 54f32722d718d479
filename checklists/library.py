"""The checklist templates this process knows: the built-ins shipped with the program, and the
templates imported into the data folder that is open.

The library never reads the database (``checklists`` knows no storage): the store registers
its imported templates when it opens and whenever it installs one (:func:`register_templates`).
A template id names one content for ever (imported ids are content hashes), so a template
registered once stays valid for the life of the process; which templates a data folder offers
for new inspections is the store's business (``Store.template_records``).
"""
from __future__ import annotations

import threading
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from checklists.errors import UserError, messages
from checklists.model import Template
from resources import bundled_path

MESSAGES = messages({
    "template.unknown": ("没有编号为“{id}”的检查模板（可用：{known}）",
                         "No checklist template has the id \"{id}\" (known: {known})"),
})

_registered: dict[str, Template] = {}
_lock = threading.Lock()


class UnknownTemplate(UserError):
    """No template has that id."""


def templates_dir() -> Path:
    return bundled_path("checklists", "templates")


@lru_cache(maxsize=1)
def builtin_templates() -> dict[str, Template]:
    """Every template shipped with the program, by id, in id order."""
    found = {}
    for path in sorted(templates_dir().glob("*.json")):
        template = Template.from_json(path.read_text(encoding="utf-8"))
        found[template.id] = template
    return found


def is_builtin(template_id: str) -> bool:
    return template_id in builtin_templates()


def register_templates(templates: Iterable[Template]) -> None:
    """Make imported *templates* known to :func:`get_template` (the store calls this)."""
    builtins = builtin_templates()
    with _lock:
        for template in templates:
            if template.id in builtins:
                raise ValueError(f"an imported template cannot take the built-in id {template.id}")
            _registered[template.id] = template


def all_templates() -> dict[str, Template]:
    """The built-ins, then every imported template registered in this process (retired ones
    too: old inspections still use them)."""
    with _lock:
        imported = dict(_registered)
    return {**builtin_templates(), **imported}


def get_template(template_id: str) -> Template:
    template = builtin_templates().get(template_id)
    if template is not None:
        return template
    with _lock:
        template = _registered.get(template_id)
    if template is None:
        raise UnknownTemplate("template.unknown", id=template_id,
                              known="、".join(all_templates()))
    return template
