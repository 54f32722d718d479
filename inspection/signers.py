"""Who signs an inspection by hand, and when a handwritten signature still holds.

A handwritten signature confirms the results and findings as they stood when it was given
(photos added later are evidence, not something the signer confirmed). When an inspection is
reopened as a new revision — after signing, or after the office's 退回 — the signatures of the
revision before are carried into the new one (``Signature.carried_from`` says from which). A
carried signature holds while what it confirmed is unchanged; once a result or finding it
confirmed differs, it lapses for this revision, and :func:`differences` says what changed, so
that the signer can be told plainly and asked to sign again. The same rule after either way of
reopening; signing the report keeps the carried signatures that hold and drops those that lapsed.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from checklists.errors import Message, messages
from inspection.model import Answer, Finding, Inspection, Signature, SignerRole

MESSAGES = messages({
    "signers.result_changed": ("{item} 的结果由“{before}”改为“{after}”",
                               "the result of {item} changed from “{before}” to “{after}”"),
    "signers.value_changed": ("{item} 的测量值改了", "the measured values of {item} changed"),
    "signers.finding_added": ("{item} 新增了整改项", "a finding was added to {item}"),
    "signers.finding_removed": ("{item} 的整改项删除了", "a finding of {item} was removed"),
    "signers.finding_changed": ("{item} 的整改项改了", "a finding of {item} changed"),
    "signers.result.none": ("未检查", "not checked"),
    "signers.more": ("等 {count} 处", "and {count} more"),
    "signers.none": ("无", "none"),
    "signers.changes": ("{changes}", "{changes}"),
})

FINDING_FIELDS = ("template_id", "item_code", "severity", "requirement", "deadline",
                  "responsible", "status")


def confirmed_state(answers: Mapping[tuple[str, str], Answer], findings: Iterable[Finding]) -> str:
    """What a signature given now confirms, as canonical JSON: each item's result and measured
    values, and each finding's item, severity, requirement, deadline, who is responsible and its
    status. Notes, photos and captions are not part of it."""
    results = {f"{tid}\x1f{code}": [a.result, dict(a.value) if a.value else None]
               for (tid, code), a in answers.items() if a.result is not None or a.value}
    kept = {str(f.id): [_plain(getattr(f, name)) for name in FINDING_FIELDS] for f in findings}
    return json.dumps({"answers": results, "findings": kept}, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":"))


def _plain(value: Any) -> Any:
    return value.value if hasattr(value, "value") else value


@dataclass(frozen=True)
class Lapsed:
    """A carried signature that no longer holds: whose, and what changed since it was given."""

    signature: Signature
    changes: tuple[Message, ...]

    def reason(self, *, limit: int = 3) -> Message:
        """The changes worded, the first *limit* of them (and how many more)."""
        words = list(self.changes[:limit])
        if len(self.changes) > limit:
            words.append(Message("signers.more", count=len(self.changes) - limit))
        return Message("signers.changes", changes=words or [Message("signers.none")])


def differences(confirmed: str, now: str) -> list[Message]:
    """What changed between two :func:`confirmed_state` texts, item by item ([] when none)."""
    before, after = json.loads(confirmed), json.loads(now)
    changes: list[Message] = []
    a0, a1 = before.get("answers", {}), after.get("answers", {})
    for key in sorted(set(a0) | set(a1)):
        old, new = a0.get(key, [None, None]), a1.get(key, [None, None])
        item = key.split("\x1f", 1)[-1]
        if old[0] != new[0]:
            changes.append(Message("signers.result_changed", item=item,
                                   before=_result_word(old[0]), after=_result_word(new[0])))
        elif old[1] != new[1]:
            changes.append(Message("signers.value_changed", item=item))
    f0, f1 = before.get("findings", {}), after.get("findings", {})
    for key in sorted(set(f0) | set(f1), key=lambda k: (len(k), k)):
        old, new = f0.get(key), f1.get(key)
        if old == new:
            continue
        item = (new or old)[1]
        code = ("signers.finding_added" if old is None else "signers.finding_removed"
                if new is None else "signers.finding_changed")
        changes.append(Message(code, item=item))
    return changes


def _result_word(result: str | None) -> Message | str:
    """The result as the checklist words it (the standards' own words), or 未检查."""
    if result is None:
        return Message("signers.result.none")
    from checklists.model import SCALES
    labels = {o.key: o.label for scale in SCALES.values() for o in scale}
    return labels.get(result, result)


def standing(signatures: Sequence[Signature], confirmed: Mapping[int, str | None],
             now: str) -> tuple[list[Signature], list[Lapsed]]:
    """The signatures of a revision split into those that hold and those that lapsed.

    A signature given in this revision holds. A carried one holds when what it confirmed
    (*confirmed*, by signature id; None: not recorded, taken as the state it was carried in,
    which the reopening recorded) equals *now*."""
    held, lapsed = [], []
    for signature in signatures:
        then = confirmed.get(signature.id)
        if signature.carried_from is None or then is None or then == now:
            held.append(signature)
        else:
            lapsed.append(Lapsed(signature, tuple(differences(then, now))))
    return held, lapsed


def missing_signers(inspection: Inspection,
                    signatures: Iterable[Signature]) -> list[tuple[SignerRole, str]]:
    """Who still has to sign by hand: each inspector who has not, and a park representative
    when none has ("" for the name)."""
    signed = {(s.role, s.name) for s in signatures}
    missing = [(SignerRole.INSPECTOR, name) for name in inspection.inspectors
               if (SignerRole.INSPECTOR, name) not in signed]
    if not any(role is SignerRole.PARK_REPRESENTATIVE for role, _ in signed):
        missing.append((SignerRole.PARK_REPRESENTATIVE, ""))
    return missing
