"""The checklist templates a bundle was made with: known here, or carried in the bundle.

The manifest names every template the inspection applies (id, version, the SHA-256 of its
source standard and of the template itself). A template the program ships is only named, and
must be known here in the same version. One it does not ship (imported from Excel/Word by an
office, issue 13) is carried as ``templates/<id>.json``: it is checked here — readable, its id
the one its content gives, the version the manifest names — and installed into the data folder
by the import itself (``Store.install_template_data``, in the import's one transaction: a
refused import leaves no template behind). Installing is idempotent, and is asked of the store
even when this process already knows the template, so that the data folder holds it too.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from checklists.errors import UserError
from checklists.exchange.data import is_builtin_id, template_from_data, template_to_data
from checklists.library import UnknownTemplate, get_template
from checklists.model import Template
from inspection.bundle.errors import BundleRefused


def carried_template(entry: dict[str, Any], payload: bytes) -> dict[str, Any]:
    """A carried template as data the store installs; refused unless it is what the manifest
    says (its id, its version) and its id is the one its content gives."""
    try:
        raw = json.loads(payload.decode("utf-8"))
        if isinstance(raw, dict) and "format" not in raw:  # as bundles carry it: to_dict()
            raw = template_to_data(Template.from_dict(raw))
        template = template_from_data(raw)
    except UserError as exc:
        raise BundleRefused("bundle.bad_template", template=entry["id"],
                            reason=exc.text()) from None
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise BundleRefused("bundle.bad_template", template=entry["id"],
                            reason=type(exc).__name__) from None
    if template.id != entry["id"] or template.version != entry["version"]:
        raise BundleRefused("bundle.bad_template", template=entry["id"],
                            reason=f"{template.id} {template.version}")
    return raw


def check_templates(entries: list[dict], payload: Callable[[str], bytes]
                    ) -> dict[str, dict[str, Any]]:
    """Refuse unknown templates or other versions; returns the carried templates (as data,
    by id) for the import to install."""
    install: dict[str, dict[str, Any]] = {}
    for entry in entries:
        if entry["carried"] and not is_builtin_id(entry["id"]):
            install[entry["id"]] = carried_template(entry, payload(entry["id"]))
            continue
        try:
            local = get_template(entry["id"])
        except UnknownTemplate:
            raise BundleRefused("bundle.unknown_template", template=entry["id"],
                                version=entry["version"]) from None
        if local.version != entry["version"]:
            raise BundleRefused("bundle.template_version", template=entry["id"],
                                version=entry["version"], local=local.version)
    return install
