"""Errors of building, reading and checking reports, with messages a person can act on."""
from __future__ import annotations

from checklists.errors import Message, UserError, messages

MESSAGES = messages({
    "report.cancelled": ("已取消，未生成文件。", "Cancelled; no file was written."),
    "report.no_folder": ("保存报告的文件夹不存在：{folder}",
                         "The folder to save the report in does not exist: {folder}"),
    "report.photos_per_page": ("每页照片数应为 1、2 或 4，收到 {value}",
                               "Photos per page must be 1, 2 or 4, not {value}"),
    "report.cannot_write": ("无法写入报告 {path}：{reason}", "Cannot write the report {path}: {reason}"),
    "report.unknown_items": (
        "无法生成报告：检查记录中有 {count} 条内容指向模板中不存在的条目或结果（{items}）。"
        "模板可能已更换版本；请在程序中核对这些条目（或运行 check-db）后再生成报告。",
        "Cannot build the report: {count} records of this inspection refer to items or results "
        "its templates do not have ({items}). The template may have changed edition; check "
        "these items in the program (or run check-db), then build the report again."),
    "excel.no_folder": ("保存文件的文件夹不存在：{folder}",
                        "The folder to save the file in does not exist: {folder}"),
    "excel.cannot_write": ("无法写入 {path}：{reason}", "Cannot write {path}: {reason}"),
    "file.no_permission": ("没有写入权限，或文件正被其他程序（如 PDF 阅读器、Excel）打开",
                           "no permission to write, or the file is open in another program (a PDF"
                           " reader, Excel…)"),
})


class Cancelled(UserError):
    """The user cancelled; nothing was written."""

    def __init__(self, message: str = "report.cancelled", /, **arguments: object) -> None:
        super().__init__(message, **arguments)


class ReportError(UserError):
    """The report could not be written (a folder missing, a disk full …)."""


def write_failure(exc: OSError) -> Message | str:
    """Why a file could not be written, in words a person can act on (the ``reason`` of a
    message: shown in the message's language)."""
    if isinstance(exc, PermissionError):
        return Message("file.no_permission")
    return str(exc.strerror or exc)


class NotAPdf(UserError):
    """The file is not a PDF at all."""


class DamagedPdf(NotAPdf):
    """It starts like a PDF but cannot be read (truncated, or altered in its structure)."""


class NotAReport(UserError):
    """A PDF, but not an inspection report made by this program."""


class NotSigned(UserError):
    """A PDF without a digital signature."""
