"""Evidence rules (证据要求): what an item's result needs before the report is signed.

A rule belongs to a result (不符合 needs a photo and a finding; 基本符合 and 滞后 a note) or to an
item of a template (``attrs["evidence"]``: ``{"photo": true, "note": true, "finding": true}``,
optionally ``"results": [...]`` it applies to; without it, to every recorded result). The item
panel shows the rule and what is still missing; signing lists every item that breaks one and
asks for a reason, which the report prints beside the item. Nothing is refused: the inspector
decides, and says why.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from checklists.library import get_template
from checklists.model import Node, NodeKind
from inspection.model import InspectionSnapshot

NEEDS = ("photo", "finding", "note")
NEED_LABELS = {"photo": "照片", "finding": "整改项", "note": "备注"}

# What each result needs, whatever the item (the inspection office's practice).
RESULT_RULES: Mapping[str, tuple[str, ...]] = {
    "fail": ("photo", "finding"),
    "partial": ("note",),
    "delayed": ("note",),
}


@dataclass(frozen=True)
class Rule:
    needs: tuple[str, ...]  # of NEEDS
    source: str  # "result" or "item"

    def describe(self, result_label: str = "") -> str:
        """证据要求 in words: “不符合需要照片和整改项”."""
        things = "和".join(NEED_LABELS[n] for n in self.needs)
        return f"{result_label}需要{things}" if result_label else f"需要{things}"


@dataclass(frozen=True)
class Breach:
    """An item whose result lacks what its rule needs."""

    template_id: str
    code: str
    title: str
    result: str
    rule: Rule
    missing: tuple[str, ...]

    @property
    def key(self) -> tuple[str, str]:
        return self.template_id, self.code

    @property
    def missing_text(self) -> str:
        return "、".join(NEED_LABELS[n] for n in self.missing)


def rule_for(node: Node, result: str | None) -> Rule | None:
    """The rule *node* with *result* must meet (the item's own and the result's, merged)."""
    if result is None or node.kind is NodeKind.STAR:
        return None
    needs: list[str] = []
    sources = []
    own = node.attrs.get("evidence")
    if isinstance(own, Mapping):
        applies = own.get("results")
        if applies is None or result in applies:
            needs += [n for n in NEEDS if own.get(n)]
            sources.append("item")
    for need in RESULT_RULES.get(result, ()):
        if need not in needs:
            needs.append(need)
            if "result" not in sources:
                sources.append("result")
    if not needs:
        return None
    return Rule(tuple(n for n in NEEDS if n in needs), "+".join(sources))


def missing_evidence(rule: Rule, *, photos: int, findings: int, note: str) -> tuple[str, ...]:
    have = {"photo": photos > 0, "finding": findings > 0, "note": bool(note.strip())}
    return tuple(n for n in rule.needs if not have[n])


def breaches(snapshot: InspectionSnapshot) -> list[Breach]:
    """Every item of the inspection whose result lacks what its rule needs, in tree order."""
    found = []
    for template_id in snapshot.inspection.template_ids:
        template = get_template(template_id)
        for node in template.items():
            answer = snapshot.answers.get((template_id, node.code))
            rule = rule_for(node, answer.result if answer else None)
            if rule is None or answer is None or answer.result is None:
                continue
            missing = missing_evidence(
                rule, photos=len(snapshot.photos_for(template_id, node.code)),
                findings=len(snapshot.findings_for(template_id, node.code)), note=answer.note)
            if missing:
                found.append(Breach(template_id, node.code, node.title, answer.result, rule,
                                    missing))
    return found


def unexplained(snapshot: InspectionSnapshot) -> list[Breach]:
    """The breaches that have no recorded reason yet (signing asks for these)."""
    return [b for b in breaches(snapshot) if not snapshot.evidence_reasons.get(b.key)]
