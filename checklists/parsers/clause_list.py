"""Parse a clause-list standard (004 T/YNIPA 001—2023 窗口服务规范) into a compliance template.

Only the normative chapters 4–7 become the checklist. Their headings are groups (章); below
them every numbered clause (``4.1``, ``5.3.2``) is a node (条): a check item when it is a leaf,
a group when it has sub-clauses. The text is a plain-text export of a Word document, so the
parser copes with what that export left behind rather than with a cleaned copy:

* the table of contents repeats the headings with a page number after a tab (``5.1 政策服务\\t2``);
* a clause either opens with a heading (``5.1 政策服务``) followed by its paragraphs, or is a
  whole sentence on the number's line (``4.1 产业园区公共服务平台窗口…。``);
* bullets are written ``- …`` or ``——…``, sometimes after a blank line, and once glued to the end
  of the paragraph that introduces them (``…包括但不限于：——对接相关学校…``);
* in 6.3 and 6.4 the numbered clauses themselves are written as bullets (``- 6.3.1 …``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from checklists.model import Node, NodeKind, ReferenceSection, Source, Template, TemplateKind
from checklists.parsers import SourceFormatError

TEMPLATE_ID = "004"
TITLE = "产业园区公共服务平台窗口服务规范"
SHORT_TITLE = "园区公共服务平台窗口服务规范"
DOCUMENT_NUMBER = "T/YNIPA 001—2023"
ISSUER = "云南省工业园区协会"
NOTE = "征求意见稿"
LEVEL_NAMES = ("章", "条")
CHECKLIST_CHAPTERS = ("4", "5", "6", "7")  # 基本要求, 服务内容, 窗口管理, 服务评价与改进
# Not checked, but they govern the checklist: whether a park is in scope at all (the definition
# of 产业园区: approved by a provincial or higher government), and the documents 4.7 and 7.1.2
# cite by number only. Carried as the template's reference text.
REFERENCE_CHAPTERS = ("1", "2", "3")  # 范围, 规范性引用文件, 术语和定义
END_OF_BODY = "参考文献"

# A table-of-contents entry ends with a tab and a page number (arabic, or roman for 前言).
_TOC_ENTRY = re.compile(r"\t\s*(?:\d+|[IVX]+)\s*$")
_CHAPTER = re.compile(r"^(\d+)\s+(\S.*)$")
# A numbered clause, possibly written as a bullet (6.3.1 and 6.4.x are `- 6.4.1 …`).
_CLAUSE = re.compile(r"^(?:-\s+|——)?(\d+(?:\.\d+)+)\s+(\S.*)$")
_BULLET = re.compile(r"^(?:-\s+|——)(\S.*)$")
# A colon introduces a list, so a `——` right after one is a bullet marker, not a prose dash.
_GLUED_BULLET = re.compile(r"^(.*?[：:])——(\S.*)$")
# A clause whose first line ends like a sentence is a requirement, not a heading.
_SENTENCE_END = ("。", "：", ":", "；", ";", "！", "!", "？", "?")


@dataclass
class _Draft:
    """A chapter or clause while the tree is being assembled (Node itself is immutable)."""

    code: str
    heading: str  # the heading line's title; "" when the clause opens with a sentence
    line: int
    paragraphs: list[str] = field(default_factory=list)
    points: list[str] = field(default_factory=list)
    children: list[_Draft] = field(default_factory=list)

    def add_paragraph(self, line: str) -> None:
        """Add a line of wording; a bullet glued to the end of its intro goes to the points."""
        glued = _GLUED_BULLET.match(line)
        if glued:
            self.paragraphs.append(glued.group(1))
            self.points.append(glued.group(2))
        else:
            self.paragraphs.append(line)


def parse(text: str, source: Source) -> Template:
    """Build the 004 template from chapters 4–7; skip the cover, 目次, 前言, 1–3 and 参考文献.

    Raises SourceFormatError, naming the file and line, when the clauses are damaged: a clause whose
    parent is missing, a repeated or skipped number, a clause with no wording, or a missing chapter.
    """
    for expected in (TITLE, DOCUMENT_NUMBER, ISSUER, NOTE):
        if expected not in text:
            raise SourceFormatError(f"the text lacks {expected!r}: not this standard?",
                                    source=source.file)
    chapters = _read_chapters(text.splitlines(), source)
    found = tuple(chapter.code for chapter in chapters)
    if found != CHECKLIST_CHAPTERS:
        raise SourceFormatError(
            f"expected chapters {', '.join(CHECKLIST_CHAPTERS)}, found {', '.join(found) or 'none'}",
            source=source.file)
    return Template(
        id=TEMPLATE_ID,
        title=TITLE,
        short_title=SHORT_TITLE,
        issuer=ISSUER,
        document_number=DOCUMENT_NUMBER,
        kind=TemplateKind.COMPLIANCE,
        source=source,
        nodes=tuple(_freeze(chapter, source) for chapter in chapters),
        version="1",
        level_names=LEVEL_NAMES,
        note=NOTE,
        edition=DOCUMENT_NUMBER.rsplit("—", 1)[1],
        reference=_reference(text.splitlines()),
    )


def _read_chapters(lines: list[str], source: Source) -> list[_Draft]:
    """The checklist chapters with their clauses, in the standard's order."""
    chapters: list[_Draft] = []
    index: dict[str, _Draft] = {}
    chapter: _Draft | None = None  # the checklist chapter being read, None outside 4–7
    current: _Draft | None = None  # the chapter or clause that following lines belong to
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or _TOC_ENTRY.search(raw):
            continue  # blank lines separate paragraphs and bullets alike; 目次 repeats headings
        if line == END_OF_BODY:
            break
        where: dict[str, Any] = {"source": source.file, "line": number}
        heading = _CHAPTER.match(line)
        if heading:
            code, title = heading.groups()
            chapter = current = None
            if code in CHECKLIST_CHAPTERS:
                if code in index:
                    raise SourceFormatError(
                        f"chapter {code} again (first at line {index[code].line})", **where)
                chapter = current = index[code] = _Draft(code, title, number)
                chapters.append(chapter)
            continue
        if chapter is None or current is None:
            continue  # cover, 前言 and chapters 1–3 (scope, references, terms) are not checked
        clause = _CLAUSE.match(line)
        if clause:
            code, rest = clause.groups()
            current = _add_clause(code, rest, number, chapter, index, where)
        elif bullet := _BULLET.match(line):
            current.points.append(bullet.group(1))
        else:
            current.add_paragraph(line)
    return chapters


def _add_clause(
    code: str, rest: str, line: int, chapter: _Draft, index: dict[str, _Draft],
    where: dict[str, Any]
) -> _Draft:
    """Attach clause *code* under the clause or chapter its number names as parent."""
    if code.split(".")[0] != chapter.code:
        raise SourceFormatError(f"clause {code} is not in chapter {chapter.code}", **where)
    if code in index:
        raise SourceFormatError(f"clause {code} again (first at line {index[code].line})", **where)
    parent_code = code.rpartition(".")[0]
    parent = index.get(parent_code)
    if parent is None:
        raise SourceFormatError(f"clause {code} has no parent clause {parent_code}", **where)
    # A skipped or out-of-order number means a clause was lost or garbled in the export.
    expected = len(parent.children) + 1
    if int(code.rpartition(".")[2]) != expected:
        raise SourceFormatError(f"clause {code} is out of sequence: {parent_code}.{expected}"
                                f" expected here", **where)
    draft = _Draft(code, "", line)
    if rest.endswith(_SENTENCE_END):
        draft.add_paragraph(rest)  # a requirement stated on the number's own line
    else:
        draft.heading = rest
    parent.children.append(draft)
    index[code] = draft
    return draft


def _freeze(draft: _Draft, source: Source) -> Node:
    """Turn a draft into an immutable Node; a leaf clause must have wording to judge."""
    is_chapter = "." not in draft.code
    is_item = not is_chapter and not draft.children
    if is_item and not draft.paragraphs and not draft.points:
        raise SourceFormatError(f"clause {draft.code} has no wording", source=source.file,
                                line=draft.line)
    return Node(
        code=draft.code,
        # Sentence clauses keep their whole sentence as title: shortening would change the
        # standard's wording, and the UI can elide a long title.
        title=draft.heading or draft.paragraphs[0],
        kind=NodeKind.CHECK if is_item else NodeKind.GROUP,
        level=LEVEL_NAMES[0] if is_chapter else LEVEL_NAMES[1],
        text="\n".join(draft.paragraphs),
        attrs={"points": list(draft.points)} if draft.points else {},
        children=tuple(_freeze(child, source) for child in draft.children),
    )


def _reference(lines: list[str]) -> tuple[ReferenceSection, ...]:
    """Chapters 1–3 (范围, 规范性引用文件, 术语和定义) and the 参考文献, as written."""
    sections: list[list[str]] = []
    current: list[str] | None = None
    for raw in lines:
        line = raw.strip()
        if not line or _TOC_ENTRY.search(raw):
            continue
        heading = _CHAPTER.match(line)
        if heading and heading.group(1) in REFERENCE_CHAPTERS:
            current = [heading.group(1), heading.group(2)]
            sections.append(current)
        elif heading or line == END_OF_BODY:
            current = None
            if line == END_OF_BODY:
                current = ["", END_OF_BODY]
                sections.append(current)
        elif current is not None:
            bullet = _BULLET.match(line)
            text = bullet.group(1) if bullet else line
            if text.strip("-— "):
                current.append(text)
    return tuple(ReferenceSection(code, title, "\n".join(body))
                 for code, title, *body in sections)
