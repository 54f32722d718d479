"""A Word document → a template: a checklist table, or numbered clauses.

* **A table** (like 002's 具体事项清单 or 000's indicator table): each row is an item; cells that
  open with a code (``一、…``, ``(一)…``, ``1-1 …``) left of the item are its groups, written
  once and merged down the rows below (python-docx repeats a merged cell's text on every row
  it spans). The header names the other columns: 序号/编号 the code (``1*`` marks a pilot item),
  事项/名称/指标 the title, 举措/内容/要求 the text, 责任单位, 时间节点, 检查方法. A table with
  责任单位 or 时间节点 makes an action plan; otherwise a compliance checklist.
* **Numbered clauses** (like 004): a paragraph that opens with a code starts a node; a clause
  written as a sentence is a requirement, one written as a heading takes the paragraphs below
  it as its text; bullets (``-``, ``——``, ``•``, list styles) are its points. 范围, 规范性引用文件,
  术语和定义 and 参考文献 become the template's reference text, not items.

What is recognised is shown before anything is imported (:class:`ReadOutcome.outline`).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
from docx.document import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

from checklists.exchange.assemble import RowDraft, assemble
from checklists.exchange.codes import split_leading_code
from checklists.exchange.layout import parse_deadline
from checklists.exchange.outcome import ReadOutcome, finish
from checklists.exchange.problems import ImportProblem
from checklists.model import NodeKind, ReferenceSection, TemplateKind

REFERENCE_TITLES = ("范围", "规范性引用文件", "术语和定义", "术语与定义")
END_TITLES = ("参考文献",)
SKIPPED_TITLES = ("目次", "目录", "前言")
_COLUMN_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("code", ("序号", "编号", "条款号", "代码")),
    ("units", ("责任单位", "牵头单位", "责任部门")),
    ("deadline", ("时间节点", "完成时限", "完成时间", "时限")),
    ("guidance", ("检查方法", "检查要点", "评价方法", "考核方法", "核查方式")),
    ("text", ("举措", "内容", "要求", "条文", "标准", "措施")),
    ("title", ("事项", "名称", "项目", "指标", "标题", "任务")),
)
_PILOT_CODE = re.compile(r"^(\d+)\s*[*＊]$")
_BULLET = re.compile(r"^(?:[-•·●▪]\s*|——\s*)(\S.*)$", re.S)
_SENTENCE_END = ("。", "：", ":", "；", ";", "！", "!", "？", "?")
_TOC_ENTRY = re.compile(r"\t\s*(?:\d+|[IVX]+)\s*$")
_STANDARD_NUMBER = re.compile(
    r"(?:GB(?:/T)?|DB\d*(?:/T)?|T/[A-Z]+|[A-Z]{2,}/T)\s*[\d.]+\s*[—\-–]\s*\d{4}")
_GOVERNMENT_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,10}〔\d{4}〕\d+号")
_ISSUER = re.compile(r"^(.*[\u4e00-\u9fff].*?)\s*发\s*布$")
_YEAR = re.compile(r"(?:19|20)\d{2}")
_UNITS = re.compile(r"[、\s,，;；]+")
_TITLE_WORDS = re.compile(r"(方案|标准|规范|办法|清单|指标|规定|细则|计划|指南|要求|体系|目录)$")


def read_docx(path: Path | str) -> ReadOutcome:
    """Read a template from the Word document at *path*; never raises for what is in it."""
    path = Path(path)
    document = docx.Document(str(path))
    blocks = list(document.iter_inner_content())
    tables = [block for block in blocks if isinstance(block, Table)]
    problems: list[ImportProblem] = []
    kind = TemplateKind.COMPLIANCE
    drafts: list[RowDraft] = []
    reference: tuple[ReferenceSection, ...] = ()
    place = "table_row"
    paragraphs = [block for block in blocks if isinstance(block, Paragraph)]
    info = _front_matter(document, paragraphs, None)
    plan_year = int(info["edition"]) if info.get("edition", "").isdigit() else None
    for number, table in enumerate(tables, start=1):
        found, table_kind, table_problems = _read_table(table, number, plan_year)
        # A table without a single coded row is layout (a cover, a signature block): skipped.
        if any(draft.kind is None for draft in found):
            drafts += found
            problems += table_problems
            if table_kind is TemplateKind.ACTION_PLAN:
                kind = table_kind
    clauses = _Clauses()
    if not drafts:
        place = "paragraph"
        for number, paragraph in enumerate(paragraphs, start=1):
            clauses.read(number, paragraph)
        drafts = clauses.drafts()
        reference = tuple(clauses.reference)
        info = _front_matter(document, paragraphs, clauses.first_clause)
    if not drafts:
        problems.append(ImportProblem("import.docx_nothing"))
    if kind is TemplateKind.ACTION_PLAN and plan_year is not None:
        info["year"] = plan_year
    built = assemble(drafts, kind, (), qualify_repeats=True,
                     locate=lambda draft, message, /, **a: ImportProblem(
                         message, draft.row, place=place, table=draft.table, arguments=a))
    return finish(path, "docx", info, kind, (), reference, built, problems)


# --- tables ----------------------------------------------------------------------------------


def _classify(header: str) -> str:
    name = re.sub(r"\s+", "", header)
    for key, words in _COLUMN_WORDS:
        if any(word in name for word in words):
            return key
    return "other"


def _read_table(table: Table, number: int, plan_year: int | None
                ) -> tuple[list[RowDraft], TemplateKind, list[ImportProblem]]:
    rows = table.rows
    if len(rows) < 2:
        return [], TemplateKind.COMPLIANCE, []
    header = _row_texts(rows[0])
    columns = [_classify(text) for text in header]
    kind = TemplateKind.ACTION_PLAN if {"units", "deadline"} & set(columns) \
        else TemplateKind.COMPLIANCE
    drafts: list[RowDraft] = []
    problems: list[ImportProblem] = []
    shown: dict[int, str] = {}  # column → the group code last written from it
    # Rows are numbered as Word shows them: the header is row 1.
    for row_number, row in enumerate(rows[1:], start=2):
        texts = _row_texts(row)
        if texts == header or not any(texts):
            continue  # a header repeated on a later page, or an empty row
        cells = dict(enumerate(texts))
        coded = [(index, split) for index, text in cells.items()
                 if columns[index] in ("title", "other", "text") and text
                 and (split := split_leading_code(text)) is not None]
        code, pilot = _item_code(cells, columns)
        groups = coded if code else coded[:-1]
        for index, (group_code, rest) in groups:
            if shown.get(index) != group_code:
                shown[index] = group_code
                for deeper in [i for i in shown if i > index]:
                    del shown[deeper]
                drafts.append(RowDraft(row_number, group_code, rest, kind=NodeKind.GROUP,
                                       table=number))
        title = ""
        if not code and coded:
            code, title = coded[-1][1]
        if not code:
            if coded:
                continue
            problems.append(ImportProblem("import.empty_code", row_number, place="table_row",
                                          table=number))
            continue
        title = title or _first(cells, columns, "title", skip=[i for i, _ in coded])
        text = _first(cells, columns, "text", skip=[i for i, _ in coded])
        draft = RowDraft(row_number, code, title or _first_sentence(text), text=text,
                         guidance=_first(cells, columns, "guidance"), table=number)
        if units := [u for u in _UNITS.split(_first(cells, columns, "units")) if u]:
            draft.attrs["responsible_units"] = units
        if deadline_text := _first(cells, columns, "deadline"):
            deadline = parse_deadline(deadline_text, plan_year)
            draft.attrs["deadline"] = deadline or {"kind": "other", "text": deadline_text}
        if pilot:
            draft.attrs["pilot"] = True
        drafts.append(draft)
    return drafts, kind, problems


def _row_texts(row: Any) -> list[str]:
    texts, previous = [], None
    for cell in row.cells:
        # A cell merged across columns appears once per column it spans: keep it once.
        texts.append("" if cell._tc is previous else cell.text.strip())
        previous = cell._tc
    return texts


def _item_code(cells: dict[int, str], columns: list[str]) -> tuple[str, bool]:
    for index, key in enumerate(columns):
        if key == "code" and cells.get(index):
            text = cells[index].strip()
            if m := _PILOT_CODE.match(text):
                return m.group(1), True
            return text.rstrip("、.．"), False
    return "", False


def _first(cells: dict[int, str], columns: list[str], key: str,
           skip: Sequence[int] = ()) -> str:
    for index, name in enumerate(columns):
        if name == key and index not in skip and cells.get(index):
            return cells[index]
    return ""


def _first_sentence(text: str) -> str:
    return re.split(r"(?<=[。；;])", text, maxsplit=1)[0] if text else ""


# --- numbered clauses ------------------------------------------------------------------------


@dataclass
class _Clause:
    number: int
    code: str
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    points: list[str] = field(default_factory=list)


class _Clauses:
    """Paragraphs in order → clauses, and the reference sections around them."""

    def __init__(self) -> None:
        self.clauses: list[_Clause] = []
        self.reference: list[ReferenceSection] = []
        self._section: list[str] | None = None  # the reference section being read
        self._current: _Clause | None = None
        self.first_clause: int | None = None
        self._ended = False

    def read(self, number: int, paragraph: Paragraph) -> None:
        text = paragraph.text.strip()
        style = (paragraph.style.name if paragraph.style is not None else "").lower()
        if not text or style.startswith("toc") or _TOC_ENTRY.search(paragraph.text):
            return
        squashed = re.sub(r"\s+", "", text)
        if squashed in END_TITLES:
            self._start_reference("", squashed)
            self._ended = True
            return
        if self._ended:
            self._append_reference(text)
            return
        if squashed in SKIPPED_TITLES:
            self._current, self._section = None, None
            return
        split = split_leading_code(text)
        if split is not None:
            code, rest = split
            if self.first_clause is None:
                self.first_clause = number  # the front matter (cover, 前言) ends here
            if "." not in code and "-" not in code and re.sub(r"\s+", "", rest) \
                    in REFERENCE_TITLES:
                self._start_reference(code, re.sub(r"\s+", "", rest))
                return
            if self._section is not None and ("." in code or "-" in code):
                self._append_reference(text)  # 3.1 产业园区 inside 术语和定义
                return
            self._section = None
            clause = _Clause(number, code, "" if rest.endswith(_SENTENCE_END) else rest)
            if not clause.heading:
                clause.paragraphs.append(rest)
            self.clauses.append(clause)
            self._current = clause
            return
        if self._section is not None:
            self._append_reference(text)
            return
        if self._current is None:
            return  # front matter: cover, 前言
        bullet = _BULLET.match(text)
        if bullet or "list" in style:
            self._current.points.append(bullet.group(1).strip() if bullet else text)
        else:
            self._current.paragraphs.append(text)

    def _start_reference(self, code: str, title: str) -> None:
        self._current = None
        self.reference.append(ReferenceSection(code, title, ""))
        self._section = []

    def _append_reference(self, text: str) -> None:
        if not self.reference:
            return
        last = self.reference[-1]
        joined = f"{last.text}\n{text}" if last.text else text
        self.reference[-1] = ReferenceSection(last.code, last.title, joined)

    def drafts(self) -> list[RowDraft]:
        drafts = []
        for clause in self.clauses:
            text = "\n".join(clause.paragraphs)
            draft = RowDraft(clause.number, clause.code, clause.heading or clause.paragraphs[0],
                             text=text)
            if clause.points:
                draft.attrs["points"] = list(clause.points)
            drafts.append(draft)
        return drafts


def _front_matter(document: Document, paragraphs: list[Paragraph],
                  first_clause: int | None) -> dict[str, Any]:
    """Title, document number, issuer and edition from the document's opening paragraphs."""
    front = [p.text.strip() for p in paragraphs[:(first_clause or 40) - 1] if p.text.strip()]
    front = [text for text in front if not _TOC_ENTRY.search(text)]
    text = "\n".join(front)
    info: dict[str, Any] = {}
    number = _STANDARD_NUMBER.search(text) or _GOVERNMENT_NUMBER.search(text)
    if number:
        info["document_number"] = re.sub(r"\s+", " ", number.group(0))
        if year := _YEAR.findall(number.group(0)):
            info["edition"] = year[-1]
    for line in front:
        if (m := _ISSUER.match(line)) and not re.search(r"\d|X{2,}", m.group(1)):
            info["issuer"] = re.sub(r"\s+", "", m.group(1))
    title = (document.core_properties.title or "").strip()
    if not title:
        candidates = [line for line in front
                      if len(line) <= 60 and not line.endswith(_SENTENCE_END)
                      and re.sub(r"\s+", "", line) not in SKIPPED_TITLES
                      and not line.startswith(("(", "（"))
                      and line != info.get("document_number")]
        titled = [line for line in candidates if _TITLE_WORDS.search(line)]
        if first_clause and candidates:
            title = candidates[-1]  # a standard repeats its title right above clause 1
        else:
            title = (titled or candidates or [""])[-1 if titled else 0]
    info["title"] = title or Path(document.core_properties.title or "").stem
    return info
