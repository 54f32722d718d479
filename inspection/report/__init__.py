"""Inspection reports: the PDF (reportlab), its attached results JSON, photo annotations.

Importing this package loads nothing heavy; the names below are loaded on first use, so that
``inspection.report.annotations`` can be used without reportlab (the UI validates with it).

    build_report(snapshot, out, *, data_dir, results=None, progress=None, should_cancel=None)
    read_attached_results(pdf_path) -> dict
"""
from __future__ import annotations

from typing import Any

from inspection.report import lazy_regex

lazy_regex.install()  # reportlab's URL pattern compiled when used, not at import (24 ms)

_EXPORTS = {
    "build_report": "inspection.report.pdf",
    "read_attached_results": "inspection.report.attachment",
    "RESULTS_NAME": "inspection.report.attachment",
    "Cancelled": "inspection.report.errors",
    "ReportError": "inspection.report.errors",
    "NotAPdf": "inspection.report.errors",
    "DamagedPdf": "inspection.report.errors",
    "NotAReport": "inspection.report.errors",
    "NotSigned": "inspection.report.errors",
}

__all__ = sorted(_EXPORTS)  # noqa: PLE0605 - the names of the lazy exports above


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'inspection.report' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
