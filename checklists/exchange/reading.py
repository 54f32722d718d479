"""Reading a file offered as a template: what it really is, and the outcome of reading it.

:func:`read_template_file` looks at the content (not the name) first: an .xlsx that is really a
Word document, an old .xls, a PDF or anything else is refused with one clear message. A file
that is what it says is read by :func:`~checklists.exchange.xlsx_read.read_xlsx` or
:func:`~checklists.exchange.docx_read.read_docx` into a :class:`ReadOutcome`: the recognised
tree (for the preview) and every problem by row; ``template`` only when there are none.
"""
from __future__ import annotations

import os
import stat
import zipfile
from pathlib import Path

from checklists.exchange.docx_read import read_docx
from checklists.exchange.outcome import ReadOutcome
from checklists.exchange.problems import TemplateFileRefused
from checklists.exchange.xlsx_read import read_xlsx

KINDS = {"xlsx": "Excel 工作簿（.xlsx）", "docx": "Word 文档（.docx）"}
KINDS_EN = {"xlsx": "an Excel workbook (.xlsx)", "docx": "a Word document (.docx)"}


def _never_wait(path: str, flags: int) -> int:
    """An ``open()`` opener that never blocks on a pipe swapped in after the check."""
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def sniff(path: Path) -> str:
    """``xlsx`` or ``docx`` from the file's content; refuses anything else, and a name that
    says otherwise (a Word document named .xlsx)."""
    name = path.name
    try:
        # Regular files only, looked at before opening and once open: a pipe would make open()
        # wait for a writer for ever, a device (/dev/zero) is nothing to read a template from.
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise TemplateFileRefused("import.not_a_file", file=str(path))
        with open(path, "rb", opener=_never_wait) as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise TemplateFileRefused("import.not_a_file", file=str(path))
            head = handle.read(8)
    except FileNotFoundError:
        raise TemplateFileRefused("import.not_found", file=str(path)) from None
    except OSError as exc:
        raise TemplateFileRefused("import.unreadable", file=str(path),
                                  reason=exc.strerror or exc) from None
    if not head:
        raise TemplateFileRefused("import.empty_file", file=name)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise TemplateFileRefused("import.legacy_office", file=name)
    if head.startswith(b"%PDF"):
        raise TemplateFileRefused("import.is_pdf", file=name)
    actual = None
    if head.startswith(b"PK"):
        try:
            with zipfile.ZipFile(path) as archive:
                members = set(archive.namelist())
        except (zipfile.BadZipFile, OSError) as exc:
            raise TemplateFileRefused("import.damaged", file=name, kind="zip", reason=exc) \
                from None
        if "xl/workbook.xml" in members:
            actual = "xlsx"
        elif "word/document.xml" in members:
            actual = "docx"
    if actual is None:
        raise TemplateFileRefused("import.unknown_type", file=name)
    named = path.suffix.lower().lstrip(".")
    if named in KINDS and named != actual:
        raise TemplateFileRefused("import.name_mismatch", file=name, named=f".{named}",
                                  actual=KINDS[actual])
    return actual


def read_template_file(path: Path | str) -> ReadOutcome:
    """Read the spreadsheet or Word document at *path* as a template (nothing is stored)."""
    path = Path(path)
    kind = sniff(path)
    try:
        return read_xlsx(path) if kind == "xlsx" else read_docx(path)
    except TemplateFileRefused:
        raise
    except (KeyError, ValueError, zipfile.BadZipFile, OSError) as exc:
        # openpyxl and python-docx raise these for a damaged package
        raise TemplateFileRefused("import.damaged", file=path.name, kind=KINDS[kind],
                                  reason=f"{type(exc).__name__}: {exc}") from None


