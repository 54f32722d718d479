"""Errors of building, reading and checking reports, with messages a person can act on."""
from __future__ import annotations

from checklists.errors import UserError


class Cancelled(UserError):
    """The user cancelled; nothing was written."""

    def __init__(self, message: str = "已取消，未生成文件。") -> None:
        super().__init__(message)


class ReportError(UserError):
    """The report could not be written (a folder missing, a disk full …)."""


def write_failure(exc: OSError) -> str:
    """Why a file could not be written, in words a person can act on."""
    if isinstance(exc, PermissionError):
        return "没有写入权限，或文件正被其他程序（如 PDF 阅读器、Excel）打开"
    return str(exc.strerror or exc)


class NotAPdf(UserError):
    """The file is not a PDF at all."""


class DamagedPdf(NotAPdf):
    """It starts like a PDF but cannot be read (truncated, or altered in its structure)."""


class NotAReport(UserError):
    """A PDF, but not an inspection report made by this program."""


class NotSigned(UserError):
    """A PDF without a digital signature."""
