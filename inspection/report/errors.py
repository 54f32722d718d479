"""Errors of building, reading and checking reports, with messages a person can act on."""
from __future__ import annotations

from checklists.errors import UserError


class Cancelled(UserError):
    """The user cancelled; nothing was written."""

    def __init__(self, message: str = "已取消，未生成文件。") -> None:
        super().__init__(message)


class ReportError(UserError):
    """The report could not be written (a folder missing, a disk full …)."""


class NotAPdf(UserError):
    """The file is not a PDF at all."""


class DamagedPdf(NotAPdf):
    """It starts like a PDF but cannot be read (truncated, or altered in its structure)."""


class NotAReport(UserError):
    """A PDF, but not an inspection report made by this program."""


class NotSigned(UserError):
    """A PDF without a digital signature."""
