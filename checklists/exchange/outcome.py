"""The outcome of reading a file as a template: the recognised tree and every problem."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checklists.exchange.assemble import Assembled, OutlineRow
from checklists.exchange.data import imported_id
from checklists.exchange.problems import ImportProblem, TemplateRejected
from checklists.model import ReferenceSection, Source, Template, TemplateKind


@dataclass(frozen=True)
class ReadOutcome:
    """What reading a file found: the template (None while there are problems), the rows
    recognised (also when there are problems) and every problem, in file order."""

    file: str
    file_type: str  # xlsx | docx
    template: Template | None
    outline: tuple[OutlineRow, ...]
    problems: tuple[ImportProblem, ...]

    @property
    def ok(self) -> bool:
        return self.template is not None and not self.problems

    def require(self) -> Template:
        """The template, or :class:`TemplateRejected` listing every problem."""
        if self.template is None or self.problems:
            raise TemplateRejected(self.file, self.problems)
        return self.template


def file_source(path: Path) -> Source:
    return Source(file=path.name, sha256=hashlib.sha256(path.read_bytes()).hexdigest())


def finish(path: Path, file_type: str, info: dict[str, Any], kind: TemplateKind,
           level_names: tuple[str, ...], reference: tuple[ReferenceSection, ...],
           built: Assembled, problems: list[ImportProblem]) -> ReadOutcome:
    """The outcome of a read: the template when nothing is wrong, the outline either way."""
    every = sorted(problems + built.problems,
                   key=lambda p: (p.sheet != "", p.sheet, p.row or 0))
    bad_rows = {p.row for p in every if p.row is not None and not p.sheet}
    outline = tuple(
        OutlineRow(r.row, r.depth, r.code, r.title, r.kind, True) if r.row in bad_rows else r
        for r in built.outline)
    template = None
    if not every and built.nodes:
        title = info.get("title", "")
        draft = Template(
            id="", title=title, short_title=info.get("short_title") or title,
            issuer=info.get("issuer", ""), document_number=info.get("document_number", ""),
            kind=kind, source=file_source(path), nodes=built.nodes, year=info.get("year"),
            level_names=level_names, note=info.get("note", ""),
            edition=info.get("edition", ""), reference=reference)
        template = Template.from_dict({**draft.to_dict(), "id": imported_id(draft)})
    return ReadOutcome(path.name, file_type, template, outline, tuple(every))
