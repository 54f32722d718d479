"""The checklist templates a bundle was made with: known here, or carried in the bundle.

The manifest names every template the inspection applies (id, version, the SHA-256 of its
source standard and of the template itself). A template the program ships is only named; one
it does not ship (imported from Excel/Word by an office, issue 13) is carried as
``templates/<id>.json``. On import each must be known here in the same version — or be carried,
and then it is installed through ``checklists.library.install_template(payload: bytes)`` when
the template library offers that function (the hook for imported templates); until it does,
an unknown template refuses the bundle with a clear message.
"""
from __future__ import annotations

from collections.abc import Callable

from checklists import library
from checklists.library import UnknownTemplate, get_template
from inspection.bundle.errors import BundleRefused


def installer() -> Callable[[bytes], object] | None:
    """The template library's function that adds an imported template, if it has one."""
    return getattr(library, "install_template", None)


def check_templates(entries: list[dict], payload: Callable[[str], bytes]) -> dict[str, bytes]:
    """Refuse unknown templates or other versions; returns carried templates to install."""
    install: dict[str, bytes] = {}
    for entry in entries:
        try:
            local = get_template(entry["id"])
        except UnknownTemplate:
            local = None
        if local is not None and local.version == entry["version"]:
            continue
        if entry["carried"] and installer() is not None and local is None:
            install[entry["id"]] = payload(entry["id"])
            continue
        if local is None:
            raise BundleRefused("bundle.unknown_template", template=entry["id"],
                                version=entry["version"])
        raise BundleRefused("bundle.template_version", template=entry["id"],
                            version=entry["version"], local=local.version)
    return install


def install_templates(payloads: dict[str, bytes]) -> None:
    """Add the carried templates (only called with payloads check_templates returned)."""
    add = installer()
    for data in payloads.values():
        if add is not None:
            add(data)
