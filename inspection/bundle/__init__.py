"""Inspection bundles (``.pib``): one inspection revision in one signed file.

The API (names importable from ``inspection.bundle``; defined in the modules named):

``export_bundle(store, inspection_id, out, *, key=None, progress=None, should_cancel=None)``
    (export) write the current revision's bundle to *out*; returns an ``ExportResult``
    (path, revision, revision_id, status, signed, signer, from_seal, members, size). A signed
    revision is exported from its seal (no key needed) or sealed now with *key* (a
    ``SigningKey`` opened with its password); a draft is signed with *key* or left unsigned.
``seal_revision(store, inspection_id, key)``
    (export) sign and keep a signed revision's manifest — the signing flow calls it while it
    holds the opened key, so later exports need no password.
``import_bundle(store, path, *, trust_signer=False, allow_unsigned=False, progress=None,
should_cancel=None)``
    (importer) check, decide and apply a .pib file; returns an ``ImportResult`` (inspection_id,
    revision, action = create | nothing | merge | replace | archive, conflicts, …).
    ``BundleRefused`` (a ``UserError`` with a code) when anything is wrong; nothing changed.
``import_from(store, source, *, source_name="", …)``
    (importer) the same from any ``MemberSource`` (reader): ``names()``, ``size(name)``,
    ``chunks(name)`` — how the hub hands a bundle over without a zip.
``check_only(store, path)``
    (importer) every check that needs no writing; returns ``Checked`` (manifest, signer, rows).
``contents(store, inspection_id)`` / ``hash_members`` / ``make_manifest`` (writer)
    the members of a revision without writing a zip — for pushing members to a blob store.
``revision_id(inspection_id, revision)``, ``content_sha256(rows)`` (format)
    a revision's id (the same everywhere) and the hash of what it says.

The store side: ``Store.exchange_rows``, ``audit_rows``, ``apply_bundle``, ``revisions``,
``sealed_revision``, ``conflicts``, ``resolve_conflict``, ``reopen_conflict``,
``require_no_conflicts``, and the park registry (``park_registry_state``, ``propose_park``,
``match_park``, ``flag_park``). The format: inspection/bundle/format.py; the rules of the
merge: inspection/bundle/merge.py.
"""
from __future__ import annotations

from typing import Any

_API = {
    "export_bundle": "export", "seal_revision": "export", "ExportResult": "export",
    "import_bundle": "importer", "import_from": "importer", "check_only": "importer",
    "ImportResult": "importer", "MemberSource": "reader", "ZipSource": "reader",
    "contents": "writer", "hash_members": "writer", "make_manifest": "writer",
    "revision_id": "format", "content_sha256": "format", "BundleRefused": "errors",
}


def __getattr__(name: str) -> Any:
    """The API above, imported on first use (the store imports parts of this package)."""
    module = _API.get(name)
    if module is None:
        raise AttributeError(name)
    from importlib import import_module
    return getattr(import_module(f"inspection.bundle.{module}"), name)
