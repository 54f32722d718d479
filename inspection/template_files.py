"""Template files for the command line and the window: export to Excel or data, import.

The reading itself is pure (``checklists.exchange``); here files are written atomically and
an import goes into the store of the data folder.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checklists.errors import InvalidInput, messages
from checklists.exchange import template_to_json
from checklists.exchange.problems import TemplateFileRefused
from checklists.library import get_template
from inspection.files import atomic_target, check_output_path, write_atomic
from inspection.store import Installed, Store

if TYPE_CHECKING:
    from checklists.exchange.outcome import ReadOutcome

MESSAGES = messages({
    "template_file.suffix": ("{option}：文件名应以 {suffix} 结尾，收到“{name}”",
                             "{option}: the file name must end in {suffix}, not \"{name}\""),
    "template_file.no_folder": ("{option}：文件夹 {folder} 不存在",
                                "{option}: the folder {folder} does not exist"),
    "template_file.bad_data": ("“{file}”不是模板数据（JSON）：{reason}",
                               "\"{file}\" is not template data (JSON): {reason}"),
})


def _check_target(out: Path, suffix: str, option: str) -> Path:
    out = Path(out).expanduser()
    if out.suffix.lower() != suffix:
        raise InvalidInput("template_file.suffix", option=option, suffix=suffix, name=out.name)
    if not out.parent.is_dir():
        raise InvalidInput("template_file.no_folder", option=option, folder=out.parent)
    # as every output: never into a data folder, onto a device, or over another kind of file
    return check_output_path(out, kind="zip" if suffix == ".xlsx" else "json")


def export_template_xlsx(template_id: str, out: Path | str) -> Path:
    """Write a template as a spreadsheet in the documented layout (README: 模板的 Excel 版式)."""
    target = _check_target(Path(out), ".xlsx", "xlsx")
    template = get_template(template_id)
    with atomic_target(target) as temp:
        from checklists.exchange.xlsx_write import write_xlsx  # openpyxl: loaded when used
        write_xlsx(template, temp)
    return target


def export_template_data(template_id: str, out: Path | str) -> Path:
    """Write a template as checked JSON data (what bundles and the hub carry)."""
    target = _check_target(Path(out), ".json", "data")
    write_atomic(target, template_to_json(get_template(template_id)).encode("utf-8"))
    return target


def read_template(path: Path | str) -> ReadOutcome:
    """Read a spreadsheet or Word document as a template; nothing is stored."""
    from checklists.exchange.reading import read_template_file  # openpyxl, python-docx
    return read_template_file(Path(path).expanduser())


def import_template_file(store: Store, path: Path | str) -> Installed:
    """Import a spreadsheet, a Word document or template data (.json) into the data folder.

    Nothing is stored unless the whole file passes (``TemplateRejected`` lists every
    problem). Importing the same content again is a no-op (``installed`` is False).
    """
    path = Path(path).expanduser()
    if path.suffix.lower() == ".json":
        return store.install_template_data(read_template_data(path))
    return store.import_template(read_template(path).require())


def read_template_data(path: Path | str) -> dict[str, Any]:
    """The JSON of a template data file (checked when it is installed)."""
    path = Path(path).expanduser()
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise TemplateFileRefused("import.not_found", file=str(path)) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvalidInput("template_file.bad_data", file=path.name, reason=exc) from None
