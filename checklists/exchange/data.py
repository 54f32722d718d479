"""A template as data that travels (inspection bundles, the office hub), named by its content.

An imported template's id is derived from its content (``t`` + 11 hex digits of the SHA-256
of its canonical JSON without id and source), so the same checklist imported on two laptops
has the same id, two different ones never share an id, and installing the same data twice is
a no-op. Built-in ids (``000`` … ``004``) are digits and can never collide with these.

    data = template_to_data(template)          # a JSON-ready dict
    template = template_from_data(data)        # checks format, hash and id; raises
                                               # TemplateDataRefused
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from checklists.errors import UserError, messages
from checklists.model import Template

DATA_FORMAT = "park-inspector-template-data/1"
ID_PREFIX = "t"
ID_DIGITS = 11

MESSAGES = messages({
    "template_data.not_object": ("模板数据应为 JSON 对象", "Template data must be a JSON object"),
    "template_data.format": ("模板数据的格式“{format}”无法识别（应为 {expected}）",
                             "The template data format \"{format}\" is not known ({expected})"),
    "template_data.damaged": ("模板数据不完整或已损坏：{reason}",
                              "The template data is incomplete or damaged: {reason}"),
    "template_data.hash": ("模板 {id} 的数据与其校验值不符（可能已被改动）",
                           "The data of template {id} does not match its hash (it may have been"
                           " altered)"),
    "template_data.id": ("模板编号 {id} 与其内容不符（应为 {expected}）",
                         "The template id {id} does not match its content (it should be"
                         " {expected})"),
})


class TemplateDataRefused(UserError):
    """Template data that is malformed, altered, or whose id does not fit its content."""


def content_hash(template: Template) -> str:
    """SHA-256 of the template's canonical JSON, without its id and source file."""
    data = template.to_dict()
    data.pop("id", None)
    data.pop("source", None)
    canonical = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def imported_id(template: Template) -> str:
    """The id an imported template gets: ``t`` + the first 11 hex digits of its content hash."""
    return ID_PREFIX + content_hash(template)[:ID_DIGITS]


def is_builtin_id(template_id: str) -> bool:
    return template_id.isdigit()


def template_to_data(template: Template) -> dict[str, Any]:
    """*template* as a JSON-ready dict: ``{"format", "id", "sha256", "template"}``."""
    return {"format": DATA_FORMAT, "id": template.id, "sha256": content_hash(template),
            "template": template.to_dict()}


def template_from_data(data: Any) -> Template:
    """The template in *data* (from :func:`template_to_data`), after checking its format, its
    hash and that an imported template's id is the one its content gives."""
    if not isinstance(data, Mapping):
        raise TemplateDataRefused("template_data.not_object")
    if data.get("format") != DATA_FORMAT:
        raise TemplateDataRefused("template_data.format", format=data.get("format"),
                                  expected=DATA_FORMAT)
    try:
        template = Template.from_dict(data["template"])
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise TemplateDataRefused("template_data.damaged", reason=f"{type(exc).__name__}: {exc}") \
            from None
    if content_hash(template) != data.get("sha256"):
        raise TemplateDataRefused("template_data.hash", id=template.id)
    if template.id != data.get("id") or (not is_builtin_id(template.id)
                                         and template.id != imported_id(template)):
        raise TemplateDataRefused("template_data.id", id=data.get("id"),
                                  expected=imported_id(template))
    return template


def template_to_json(template: Template) -> str:
    return json.dumps(template_to_data(template), ensure_ascii=False, indent=1) + "\n"


def template_from_json(text: str) -> Template:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise TemplateDataRefused("template_data.damaged", reason=exc.msg) from None
    return template_from_data(data)
