"""Checklist templates: a standard turned into a tree of items an inspector judges.

A :class:`Template` is immutable and serialises to a deterministic JSON document
(``checklists/templates/*.json``). Parsers build templates from the standards' text;
the rest of the program only reads them.
"""
from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from typing import Any


class NodeKind(str, Enum):
    """What an inspector does with a node."""

    GROUP = "group"  # a heading that holds other nodes (一级指标, 章, 相关行动)
    CHECK = "check"  # judged 符合 / 基本符合 / 不符合 / 不适用
    STAR = "star_indicator"  # a 星级评定 indicator: measured values and a judged level
    ACTION = "action"  # an action item whose implementation status is checked


class TemplateKind(str, Enum):
    COMPLIANCE = "compliance"
    STAR_RATING = "star_rating"
    ACTION_PLAN = "action_plan"


@dataclass(frozen=True)
class ResultOption:
    """One answer on a template's result scale; ``score`` is None where it does not count."""

    key: str
    label: str
    score: float | None = None


COMPLIANCE_SCALE: tuple[ResultOption, ...] = (
    ResultOption("pass", "符合", 1.0),
    ResultOption("partial", "基本符合", 0.5),
    ResultOption("fail", "不符合", 0.0),
    ResultOption("na", "不适用", None),
)

ACTION_SCALE: tuple[ResultOption, ...] = (
    ResultOption("done", "已完成"),
    ResultOption("on_track", "按期推进"),
    ResultOption("delayed", "滞后"),
    ResultOption("not_started", "未启动"),
    ResultOption("na", "不适用"),
)

STAR_SCALE: tuple[ResultOption, ...] = tuple(
    ResultOption(str(level), label, float(level))
    for level, label in enumerate(("未达一星级", "一星级", "二星级", "三星级", "四星级", "五星级"))
)

SCALES: dict[TemplateKind, tuple[ResultOption, ...]] = {
    TemplateKind.COMPLIANCE: COMPLIANCE_SCALE,
    TemplateKind.ACTION_PLAN: ACTION_SCALE,
    TemplateKind.STAR_RATING: STAR_SCALE,
}


@dataclass(frozen=True)
class Node:
    """A heading or an item of a checklist, with its code exactly as the standard numbers it."""

    code: str
    title: str
    kind: NodeKind
    level: str = ""  # the standard's name for this level: 一级指标, 条款, 具体事项 …
    text: str = ""  # the full wording in the standard, when longer than the title
    guidance: str = ""  # what to look at on site, when the standard says so
    weight: float = 1.0
    attrs: Mapping[str, Any] = field(default_factory=dict)  # kind-specific fields
    children: tuple[Node, ...] = ()

    @property
    def is_item(self) -> bool:
        return self.kind is not NodeKind.GROUP

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            yield from child.walk()

    def items(self) -> Iterator[Node]:
        return (node for node in self.walk() if node.is_item)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"code": self.code, "title": self.title, "kind": self.kind.value}
        if self.level:
            data["level"] = self.level
        if self.text:
            data["text"] = self.text
        if self.guidance:
            data["guidance"] = self.guidance
        if self.weight != 1.0:
            data["weight"] = self.weight
        if self.attrs:
            data["attrs"] = _sorted(self.attrs)
        if self.children:
            data["children"] = [child.to_dict() for child in self.children]
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Node:
        return cls(
            code=data["code"],
            title=data["title"],
            kind=NodeKind(data["kind"]),
            level=data.get("level", ""),
            text=data.get("text", ""),
            guidance=data.get("guidance", ""),
            weight=float(data.get("weight", 1.0)),
            attrs=data.get("attrs", {}),
            children=tuple(cls.from_dict(c) for c in data.get("children", ())),
        )


@dataclass(frozen=True)
class Source:
    """The file a template was generated from, and its SHA-256."""

    file: str
    sha256: str


@dataclass(frozen=True)
class ReferenceSection:
    """A part of the standard that is not checked but governs how it is read (参考文本): its
    scope (范围), the documents it cites (规范性引用文件), its terms (术语和定义)."""

    code: str
    title: str
    text: str

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "title": self.title, "text": self.text}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ReferenceSection:
        return cls(code=str(data.get("code", "")), title=str(data["title"]),
                   text=str(data.get("text", "")))


@dataclass(frozen=True)
class Template:
    """A checklist generated from one standard (built in) or imported by an office.

    ``edition`` names the edition of the document (its year, 2023, or a label such as
    2023 修订); editions of one standard share its document number (see
    :mod:`checklists.editions`).
    """

    id: str
    title: str
    short_title: str
    issuer: str
    document_number: str
    kind: TemplateKind
    source: Source
    nodes: tuple[Node, ...]
    version: str = "1"
    year: int | None = None  # the year a plan's deadlines refer to (002: 2022)
    level_names: tuple[str, ...] = ()  # names of the tree levels, top first
    note: str = ""  # a remark the standard makes about the whole list (e.g. what * means)
    edition: str = ""  # the document's edition: its year or a label ("2023", "2023 修订")
    reference: tuple[ReferenceSection, ...] = ()  # 范围, 规范性引用文件, 术语和定义 …

    @property
    def result_scale(self) -> tuple[ResultOption, ...]:
        return SCALES[self.kind]

    def option(self, key: str) -> ResultOption:
        for option in self.result_scale:
            if option.key == key:
                return option
        raise KeyError(f"template {self.id} has no result {key!r}")

    def walk(self) -> Iterator[Node]:
        for node in self.nodes:
            yield from node.walk()

    def items(self) -> Iterator[Node]:
        return iter(self.item_nodes)

    @cached_property
    def item_nodes(self) -> tuple[Node, ...]:
        """Every item in the standard's order (worked out once: scoring walks it often)."""
        return tuple(node for node in self.walk() if node.is_item)

    @cached_property
    def memo(self) -> dict[str, Any]:
        """Derived data other modules work out once per template (e.g. action due dates)."""
        return {}

    @cached_property
    def _index(self) -> dict[str, Node]:
        return {node.code: node for node in self.walk()}

    @cached_property
    def _parents(self) -> dict[str, Node | None]:
        parents: dict[str, Node | None] = {}

        def visit(node: Node, parent: Node | None) -> None:
            parents[node.code] = parent
            for child in node.children:
                visit(child, node)

        for top in self.nodes:
            visit(top, None)
        return parents

    def find(self, code: str) -> Node:
        try:
            return self._index[code]
        except KeyError:
            raise KeyError(f"template {self.id} has no item {code!r}") from None

    def has(self, code: str) -> bool:
        return code in self._index

    def parent(self, code: str) -> Node | None:
        self.find(code)
        return self._parents[code]

    def path(self, code: str) -> list[Node]:
        """The nodes from the top level down to *code*, inclusive."""
        chain = [self.find(code)]
        while (parent := self._parents[chain[-1].code]) is not None:
            chain.append(parent)
        return chain[::-1]

    def counts_by_level(self) -> dict[str, int]:
        """How many nodes each named level of the tree has (``{"一级指标": 6, …}``)."""
        counts: dict[str, int] = {}
        for node in self.walk():
            key = node.level or node.kind.value
            counts[key] = counts.get(key, 0) + 1
        return counts

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "version": self.version,
            "title": self.title,
            "short_title": self.short_title,
            "issuer": self.issuer,
            "document_number": self.document_number,
            "kind": self.kind.value,
            "source": {"file": self.source.file, "sha256": self.source.sha256},
            "result_scale": [
                {"key": o.key, "label": o.label, "score": o.score} for o in self.result_scale
            ],
        }
        if self.year is not None:
            data["year"] = self.year
        if self.level_names:
            data["level_names"] = list(self.level_names)
        if self.note:
            data["note"] = self.note
        if self.edition:
            data["edition"] = self.edition
        if self.reference:
            data["reference"] = [section.to_dict() for section in self.reference]
        data["nodes"] = [node.to_dict() for node in self.nodes]
        return data

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1) + "\n"

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Template:
        return cls(
            id=data["id"],
            version=data.get("version", "1"),
            title=data["title"],
            short_title=data.get("short_title", data["title"]),
            issuer=data.get("issuer", ""),
            document_number=data.get("document_number", ""),
            kind=TemplateKind(data["kind"]),
            source=Source(**data["source"]),
            year=data.get("year"),
            level_names=tuple(data.get("level_names", ())),
            note=data.get("note", ""),
            edition=str(data.get("edition", "")),
            reference=tuple(ReferenceSection.from_dict(r) for r in data.get("reference", ())),
            nodes=tuple(Node.from_dict(n) for n in data["nodes"]),
        )

    @classmethod
    def from_json(cls, text: str) -> Template:
        return cls.from_dict(json.loads(text))


def _sorted(value: Any) -> Any:
    """Mappings with sorted keys, recursively, so that JSON output is deterministic."""
    if isinstance(value, Mapping):
        return {key: _sorted(value[key]) for key in sorted(value)}
    if isinstance(value, (list, tuple)):
        return [_sorted(v) for v in value]
    return value
