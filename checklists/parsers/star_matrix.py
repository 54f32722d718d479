"""Build the 001 star-rating template (小微企业园星级评定) from curated data proven against the source.

The source is a PDF table exported as text, and its columns cannot be read as prose: on the
pages for 运营管理, 配套设施, 园区服务 and 园区数字化 each visual row of the table became one
line per cell, so the five star levels' wording is interleaved line by line. The text still
keeps the table's cells, though, and that is what the check below relies on:

* a cell starts on a line that begins with a tab (or, for the two rows whose 序号 cell the
  export lost — 入驻企业 and 产业特色 — with a space); lines that do not are its continuation;
* a table row is 7 cells (序号, 指标, 一星级 … 五星级), or 6 where the 序号 cell was lost;
* a star level's wording is the concatenation, row by row, of that column's cells.

The wording, the thresholds and the input definitions live in ``curated/001_star_matrix.json``
(each indicator names the source lines of its block). :func:`check_curated` proves every
curated sentence equals the source column it claims to come from, every threshold is written
in that level's wording, and every source line of the table belongs to some indicator; a typo
in the curated file therefore stops the build instead of shipping a wrong rule.
"""
from __future__ import annotations

import copy
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checklists.model import STAR_SCALE, Node, NodeKind, ReferenceSection, Source, Template, TemplateKind
from checklists.parsers import SourceFormatError, reading
from checklists.stars import OVERALL_PRINCIPLE_NOTE

CURATED_FILE = Path(__file__).resolve().parent.parent / "curated" / "001_star_matrix.json"
LEVELS = ("1", "2", "3", "4", "5")
HEADER_CELLS = ("序号", "指标", "一星级", "二星级", "三星级", "四星级", "五星级")
LABEL_CELLS = 2  # 序号 and 指标 precede the five level columns
IMAGE = "[image: ]"  # the PDF's "%" sign was an image
_BOOKMARK = re.compile(r"\[bookmark: [^\]]*\]")
_CJK = "\u4e00-\u9fff"
_SPACE_AROUND_LATIN = re.compile(rf"(?<=[A-Za-z0-9%])(?=[{_CJK}])|(?<=[{_CJK}])(?=[A-Za-z0-9])")
# (input unit, the standard's unit) -> how many input units one threshold unit is.
UNIT_CONVERSIONS: dict[tuple[str, str], float] = {
    ("亩", "亩"): 1,
    ("平方米", "万平方米"): 10000,
    ("家", "家"): 1,
    ("比例", "%"): 0.01,
}


class CuratedTextMismatch(SourceFormatError):
    """The curated 001 data says something the source text does not."""


@dataclass(frozen=True)
class Cell:
    """One table cell of the source: the line it starts on and its text (continuations joined)."""

    line: int
    text: str


def normalise(text: str) -> str:
    """The text with "[image: ]" read as "%", bookmarks dropped and all whitespace removed."""
    return re.sub(r"\s+", "", _BOOKMARK.sub("", text.replace(IMAGE, "%")))


def render(text: str) -> str:
    """Display form: wrap spaces removed, one space between Latin letters/digits and Chinese."""
    return _SPACE_AROUND_LATIN.sub(" ", normalise(text))


def read_cells(lines: list[str], *, first: int, last: int) -> list[Cell]:
    """The cells that start on lines *first*..*last* (1-based, inclusive)."""
    cells: list[Cell] = []
    for number in range(first, last + 1):
        line = lines[number - 1]
        if line.startswith(("\t", " ")):
            cells.append(Cell(number, line[1:]))
        elif not cells:
            raise CuratedTextMismatch("not the start of a table cell", line=number)
        else:
            cells[-1] = Cell(cells[-1].line, cells[-1].text + "\n" + line)
    return cells


def source_columns(lines: list[str], *, first: int, last: int, code: str, name: str
                   ) -> tuple[str, ...]:
    """The five star-level columns of one indicator's block, normalised, read cell by cell.

    Only the block's last row may be short (the export dropped the last empty cells).
    Raises CuratedTextMismatch when the block holds another indicator's label cells or lacks
    its own name; a cell lost mid-block shifts the columns, which the caller's check catches.
    """
    cells = read_cells(lines, first=first, last=last)
    columns = [""] * len(LEVELS)
    labels_seen: list[str] = []
    index = 0
    while index < len(cells):
        # Rows whose 序号 cell the export lost start with the indicator's name.
        width = len(LEVELS) + (1 if normalise(cells[index].text) == name else LABEL_CELLS)
        row = cells[index:index + width]
        labels = [normalise(cell.text) for cell in row[:width - len(LEVELS)]]
        for label in labels:
            if label not in ("", code, name):
                raise CuratedTextMismatch(
                    f"indicator {code} {name}: the table row here belongs to another indicator"
                    f" ({label!r})", line=row[0].line)
        labels_seen += [label for label in labels if label]
        for column, cell in enumerate(row[width - len(LEVELS):]):
            columns[column] += normalise(cell.text)
        index += width
    if name not in labels_seen:
        raise CuratedTextMismatch(f"indicator {code} {name}: not named in lines {first}–{last}",
                                  line=first)
    return tuple(columns)


def load_curated(path: Path = CURATED_FILE) -> dict[str, Any]:
    """The curated 001 data as a plain dict."""
    return json.loads(path.read_text(encoding="utf-8"))


def check_curated(text: str, curated: Mapping[str, Any]) -> None:
    """Prove every curated sentence and threshold comes from *text*; raise CuratedTextMismatch."""
    lines = text.split("\n")
    for field in ("title", "note"):
        if normalise(curated[field]) not in normalise(text):
            raise CuratedTextMismatch(f"the curated {field} {curated[field]!r} is not in the text")
    indicators = curated["indicators"]
    codes = [indicator["code"] for indicator in indicators]
    if codes != [str(n) for n in range(1, len(indicators) + 1)]:
        raise CuratedTextMismatch(f"the indicators should be numbered 1, 2, 3…, not"
                                  f" {', '.join(codes)}")
    for indicator in indicators:
        _check_criteria(lines, indicator)
        _check_rule(indicator, curated["park_types"])
    _check_coverage(lines, curated)


def _check_criteria(lines: list[str], indicator: Mapping[str, Any]) -> None:
    """Each level's wording equals the source column; and is written in its display form."""
    code, name = indicator["code"], indicator["name"]
    criteria = indicator["criteria"]
    if tuple(criteria) != LEVELS:
        raise CuratedTextMismatch(f"indicator {code} {name}: the levels should be"
                                  f" {', '.join(LEVELS)}")
    first, last = indicator["source_lines"]
    columns = source_columns(lines, first=first, last=last, code=code, name=name)
    for level, column in zip(LEVELS, columns):
        wording = criteria[level]
        if normalise(wording) != column:
            raise CuratedTextMismatch(
                f"indicator {code} {name}, level {level}: the curated wording is not the"
                f" source's\n  curated: {normalise(wording)}\n  source:  {column}", line=first)
        if wording != render(wording):
            raise CuratedTextMismatch(
                f"indicator {code} {name}, level {level}: write the wording as"
                f" {render(wording)!r}", line=first)


def _check_rule(indicator: Mapping[str, Any], park_types: Mapping[str, str]) -> None:
    """Each threshold is written in the wording of the level it applies to."""
    code, name = indicator["code"], indicator["name"]
    inputs = {item["key"]: item for item in indicator["inputs"]}
    where = f"indicator {code} {name}"
    for requirement in indicator["rule"]["requirements"]:
        phrase = requirement["phrase"]
        for level, values in _phrase_values(requirement, where):
            try:
                expected = normalise(phrase.format(**values))
            except (KeyError, IndexError) as error:
                raise CuratedTextMismatch(
                    f"{where}: the rule's phrase {phrase!r} has an unknown placeholder {error}"
                ) from None
            if expected not in normalise(indicator["criteria"][level]):
                raise CuratedTextMismatch(
                    f"{where}, level {level}: {expected!r} is not in the wording")
        keys = [m["key"] for m in requirement["any_of"]] if "any_of" in requirement \
            else [requirement["key"]]
        for key in keys:
            if key not in inputs:
                raise CuratedTextMismatch(f"{where}: the rule uses {key}, which is not in inputs")
        kind = requirement["kind"]
        if kind == "at_least":
            _check_measures(requirement, inputs, park_types, where)
        elif kind == "min_grade" and list(requirement["grades"]) != inputs[keys[0]].get("choices"):
            raise CuratedTextMismatch(f"{where}: the grades differ from the choices in inputs")
        elif kind == "all_of" and list(requirement["items"]) != inputs[keys[0]].get("choices"):
            raise CuratedTextMismatch(f"{where}: the service functions differ from the choices"
                                      f" in inputs")


def _check_measures(requirement: Mapping[str, Any], inputs: Mapping[str, Any],
                    park_types: Mapping[str, str], where: str) -> None:
    """An at-least rule names its park type and each threshold's unit as the wording does."""
    phrase = normalise(requirement["phrase"])
    park_type = requirement.get("park_type")
    if park_type is not None and park_types[park_type] not in phrase:
        raise CuratedTextMismatch(f"{where}: the rule's phrase {phrase!r} does not name the park"
                                  f" type {park_types[park_type]!r}")
    for measure in requirement["any_of"]:
        key, unit = measure["key"], measure["unit"]
        if f"{{{key}}}{normalise(unit)}" not in phrase:
            raise CuratedTextMismatch(f"{where}: in the rule's phrase {phrase!r} the unit of"
                                      f" {key} is not {unit!r}")
        conversion = UNIT_CONVERSIONS.get((inputs[key]["unit"], unit))
        if conversion is None or measure["input_per_unit"] != conversion:
            raise CuratedTextMismatch(
                f"{where}: {key} from {inputs[key]['unit']!r} to {unit!r} should convert by"
                f" {conversion}")


def _phrase_values(requirement: Mapping[str, Any], where: str
                   ) -> list[tuple[str, dict[str, str]]]:
    """For each level a requirement applies to, the values its phrase is filled with."""
    kind = requirement["kind"]
    if kind == "at_least":
        measures = requirement["any_of"]
        levels = list(measures[0]["min"])
        if any(list(m["min"]) != levels for m in measures):
            raise CuratedTextMismatch(f"{where}: the thresholds of one rule should cover the"
                                      f" same levels")
        pairs = [(lv, {m["key"]: _number(m["min"][lv]) for m in measures}) for lv in levels]
    elif kind in ("min_grade", "min_count"):
        pairs = [(lv, {requirement["key"]: _number(v)}) for lv, v in requirement["min"].items()]
    elif kind == "all_of":
        joined = "、".join(requirement["items"])
        pairs = [(lv, {requirement["key"]: joined}) for lv in requirement["levels"]]
    else:
        raise CuratedTextMismatch(f"{where}: unknown rule kind {kind!r}")
    for level, _ in pairs:
        if level not in LEVELS:
            raise CuratedTextMismatch(f"{where}: unknown level {level!r}")
    return pairs


def _check_coverage(lines: list[str], curated: Mapping[str, Any]) -> None:
    """Every source line is in exactly one indicator's block, or is the title, note or a header."""
    covered: set[int] = set()
    previous_last = 0
    for indicator in curated["indicators"]:
        first, last = indicator["source_lines"]
        if not previous_last < first <= last <= len(lines):
            raise CuratedTextMismatch(
                f"indicator {indicator['code']} {indicator['name']}: source_lines {first}–{last}"
                " should come after the previous indicator's and lie within the text")
        covered.update(range(first, last + 1))
        previous_last = last
    allowed = {normalise(curated["title"]), normalise(curated["note"]), *HEADER_CELLS}
    for number, line in enumerate(lines, start=1):
        content = normalise(line)
        if number not in covered and content and content not in allowed:
            raise CuratedTextMismatch(f"{content!r} belongs to no indicator", line=number)


def _number(value: Any) -> str:
    """A threshold as the standard writes it: 20, not 20.0."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _level_label(level: str) -> str:
    return STAR_SCALE[int(level)].label


def parse(text: str, source: Source, *, curated: Mapping[str, Any] | None = None) -> Template:
    """Build the 001 template from the curated data after proving it against *text*.

    *curated* defaults to ``curated/001_star_matrix.json``; tests pass altered copies.
    Raises CuratedTextMismatch, naming the indicator and star level, when they disagree.
    """
    data = load_curated() if curated is None else curated
    with reading(source):
        check_curated(text, data)
    nodes = tuple(_indicator_node(indicator, level_name=data["level_name"])
                  for indicator in data["indicators"])
    return Template(
        id=data["id"],
        title=data["title"],
        short_title=data["short_title"],
        issuer="",
        document_number="",
        kind=TemplateKind.STAR_RATING,
        source=source,
        nodes=nodes,
        level_names=(data["level_name"],),
        note=data["note"],
        reference=(ReferenceSection("", "评定原则", OVERALL_PRINCIPLE_NOTE),),
    )


def _indicator_node(indicator: Mapping[str, Any], *, level_name: str) -> Node:
    criteria = {level: indicator["criteria"][level] for level in LEVELS}
    return Node(
        code=indicator["code"],
        title=indicator["name"],
        kind=NodeKind.STAR,
        level=level_name,
        text="\n".join(f"{_level_label(level)}：{wording}" for level, wording in criteria.items()),
        guidance=indicator["guidance"],
        attrs={
            "criteria": criteria,
            # Copies, so that a template never shares state with the caller's curated data.
            "inputs": copy.deepcopy(list(indicator["inputs"])),
            "judged": bool(indicator["judged"]),
            "rule": copy.deepcopy(dict(indicator["rule"])),
        },
    )
