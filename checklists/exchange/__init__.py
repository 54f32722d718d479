"""Templates in and out of files: Excel both ways, Word in, JSON data for bundles and the hub.

Pure functions (no database, no Qt):

* :func:`read_template_file` (``path -> ReadOutcome``), :func:`read_xlsx`, :func:`read_docx`:
  the recognised tree and every problem by row; ``outcome.require()`` gives the template or
  raises :class:`TemplateRejected` listing the problems;
* :func:`write_xlsx` (``template, path``): the documented spreadsheet layout;
* :func:`template_to_data` / :func:`template_from_data`: a template as JSON-ready data, checked
  by its content hash; :func:`imported_id` names an imported template by its content.
"""
from checklists.exchange.data import (
    TemplateDataRefused,
    content_hash,
    imported_id,
    is_builtin_id,
    template_from_data,
    template_from_json,
    template_to_data,
    template_to_json,
)
from checklists.exchange.problems import ImportProblem, TemplateFileRefused, TemplateRejected

# Reading and writing files needs openpyxl and python-docx (lxml): loaded when first used, so
# that every command and the window's start do not pay for them (the store imports this package).
_LAZY = {"ReadOutcome": "checklists.exchange.outcome",
         "read_template_file": "checklists.exchange.reading",
         "write_xlsx": "checklists.exchange.xlsx_write"}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib
    return getattr(importlib.import_module(module), name)

__all__ = [
    "ImportProblem", "ReadOutcome", "TemplateDataRefused", "TemplateFileRefused",
    "TemplateRejected", "content_hash", "imported_id", "is_builtin_id", "read_template_file",
    "template_from_data", "template_from_json", "template_to_data", "template_to_json",
    "write_xlsx",
]
