"""Answers to checklist items and the findings (整改) recorded against them."""
from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from checklists.errors import InvalidInput, messages
from checklists.library import get_template
from checklists.model import Node, NodeKind, Template
from checklists.star_inputs import validate_measurements
from inspection.changes import Change
from inspection.dates import date_problem
from inspection.model import Answer, Finding, FindingStatus, Severity
from inspection.results import is_answered
from inspection.store.base import Edit, NotFound, StoreBase, dumps, now_iso


class NoteChanged(InvalidInput):
    """A note written over a note it was not based on (a newer one arrived underneath).

    ``answer`` is the stored answer the writer did not know about."""

    answer: Answer | None = None


class _Unset:
    def __repr__(self) -> str:
        return "UNSET"


UNSET: Any = _Unset()  # "leave this field as it is"

MESSAGES = messages({
    "answer.template_not_applied": ("template：该检查未使用模板 {template}",
                                    "template: the inspection does not use template {template}"),
    "answer.no_item": ("code：模板 {template} 中没有条目“{code}”",
                       "code: template {template} has no item \"{code}\""),
    "answer.is_group": ("code：“{code} {title}”是分组，不是检查条目",
                        "code: \"{code} {title}\" is a group, not an item to check"),
    "answer.bad_result": ("result：条目 {code} 的结果应为 {valid}，收到“{result}”",
                          "result: the result of item {code} is one of {valid}, not \"{result}\""),
    "answer.level_is_measured": (
        "result：“{code} {title}”的星级由测量值决定，不需要评定；请用 --value 填写测量值",
        "result: the star level of \"{code} {title}\" follows from its measurements and is not"
        " judged; give the measurements with --value"),
    "answer.note_changed": (
        "{code} 的备注已在别处改为“{stored}”（冲突选定、撤销、同步或导入），你输入的“{typed}”"
        "没有保存，以免覆盖较新的备注。请核对后再输入。",
        "The note of {code} was changed elsewhere to \"{stored}\" (a conflict pick, an undo, a"
        " sync or an import); what you typed, \"{typed}\", was not saved so as not to overwrite"
        " the newer note. Check it and type again."),
    "finding.not_found": ("没有编号为 {id} 的整改项", "No finding has the number {id}"),
    "finding.no_requirement": ("requirement：整改要求不能为空", "requirement: the requirement cannot be empty"),
    "finding.bad_severity": ("severity：严重程度应为 minor/major/critical，收到“{severity}”",
                             "severity: the severity is minor, major or critical, not \"{severity}\""),
    "finding.bad_deadline": ("deadline：整改期限格式应为 YYYY-MM-DD，收到“{deadline}”",
                             "deadline: the deadline is written YYYY-MM-DD, not \"{deadline}\""),
    "finding.no_such_deadline": ("deadline：日历上没有 {deadline} 这一天",
                                 "deadline: there is no day {deadline} in the calendar"),
})


def _answer(row: dict) -> Answer:
    return Answer(template_id=row["template_id"], item_code=row["item_code"],
                  result=row["result"], value=json.loads(row["value"]) if row["value"] else None,
                  note=row["note"], answered_by=row["answered_by"],
                  answered_at=row["answered_at"])


def _finding(row: dict) -> Finding:
    return Finding(
        id=row["id"], inspection_id=row["inspection_id"], template_id=row["template_id"],
        item_code=row["item_code"], severity=Severity(row["severity"]),
        requirement=row["requirement"], deadline=row["deadline"], responsible=row["responsible"],
        status=FindingStatus(row["status"]), created_at=row["created_at"],
        closed_at=row["closed_at"], closing_note=row["closing_note"],
        carried_from=row["carried_from"])


class AnswersMixin(StoreBase):
    @staticmethod
    def _item(template_id: str, item_code: str) -> tuple[Template, Node]:
        """The template and node of an item that can be answered (checked without SQL)."""
        template = get_template(template_id)
        if not template.has(item_code):
            raise InvalidInput("answer.no_item", template=template_id, code=item_code)
        node = template.find(item_code)
        if node.kind is NodeKind.GROUP:
            raise InvalidInput("answer.is_group", code=item_code, title=node.title)
        return template, node

    @staticmethod
    def _require_applied(edit: Edit, template_id: str) -> None:
        if template_id not in edit.template_ids:
            raise InvalidInput("answer.template_not_applied", template=template_id)

    def _check_item(self, inspection_id: str, template_id: str, item_code: str
                    ) -> tuple[Template, Node]:
        """An item of a template the inspection applies (outside an edit: one query)."""
        applied = {r[0] for r in self.db.execute(
            "SELECT template_id FROM inspection_templates WHERE inspection_id = ?",
            [inspection_id]).fetchall()}
        if not applied:
            raise NotFound("store.no_inspection", id=inspection_id)
        if template_id not in applied:
            raise InvalidInput("answer.template_not_applied", template=template_id)
        return self._item(template_id, item_code)

    def save_answer(self, inspection_id: str, template_id: str, item_code: str, *,
                    result: str | None = UNSET, value: Mapping[str, Any] | None = UNSET,
                    note: str = UNSET, note_was: str = UNSET) -> Change:
        """Record (part of) the answer to one item; fields left UNSET keep their value.

        An answer with no result, no value and no note is removed. One transaction of a few
        statements (the inspection read once, the answer upserted, the inspection touched, the
        audit row); returns the :class:`Change` (the answer, whether the item now counts as
        answered, the inspection as it now is).
        """
        template, node = self._item(template_id, item_code)
        if result is not UNSET and result is not None:
            valid = [o.key for o in template.result_scale]
            if result not in valid:
                raise InvalidInput("answer.bad_result", code=item_code, valid="/".join(valid),
                                   result=result)
            if node.kind is NodeKind.STAR and not node.attrs.get("judged"):
                # Its level follows from the measurements alone; a judged level would be ignored.
                raise InvalidInput("answer.level_is_measured", code=item_code, title=node.title)
        if value is not UNSET and value:
            # What is stored must stay ratable: one bad value would break every results view.
            validate_measurements(node, value)
        fields: dict[str, Any] = {}
        if result is not UNSET:
            fields["result"] = result
        if value is not UNSET:
            fields["value"] = dumps(dict(value)) if value else None
        if note is not UNSET:
            fields["note"] = note or ""
        key = (template_id, item_code)
        with self._edit("answer", entity="answer", entity_id=f"{template_id}:{item_code}",
                        inspection_id=inspection_id, starts=True) as edit:
            self._require_applied(edit, template_id)
            if note is not UNSET and note_was is not UNSET:
                self._check_note_base(inspection_id, template_id, item_code, note, note_was)
            for name, stored in fields.items():
                edit.detail[name] = json.loads(stored) if name == "value" and stored else stored
            inserted = {"result": None, "value": None, "note": "", **fields}
            updates = "".join(f"{name} = excluded.{name}, " for name in fields)
            row = self._written(
                "INSERT INTO answers (inspection_id, template_id, item_code, result, value, note,"
                " answered_by, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (inspection_id, template_id, item_code) DO UPDATE SET "
                f"{updates}answered_by = excluded.answered_by, answered_at = excluded.answered_at"
                " RETURNING *",
                [inspection_id, template_id, item_code, inserted["result"], inserted["value"],
                 inserted["note"], edit.author, now_iso()])
            answer: Answer | None = _answer(row)
            if answer is not None and answer.result is None and answer.value is None \
                    and not answer.note:
                self.db.execute("DELETE FROM answers WHERE inspection_id = ? AND template_id = ?"
                                " AND item_code = ?", [inspection_id, template_id, item_code])
                edit.detail["cleared"] = True
                edit.starts = False  # nothing is recorded: a draft stays a draft
                answer = None
            edit.answers[key] = answer
            edit.answered[key] = is_answered(template, node, answer, edit.park_type)
        return edit.change

    def _check_note_base(self, inspection_id: str, template_id: str, item_code: str,
                         note: str, note_was: str) -> None:
        row = self._one("SELECT * FROM answers WHERE inspection_id = ? AND template_id = ?"
                        " AND item_code = ?", [inspection_id, template_id, item_code])
        stored = row["note"] if row else ""
        if stored != (note_was or "") and stored != (note or ""):
            exc = NoteChanged("answer.note_changed", code=item_code, stored=stored, typed=note)
            exc.answer = _answer(row) if row else None
            raise exc

    def answer(self, inspection_id: str, template_id: str, item_code: str) -> Answer | None:
        row = self._one("SELECT * FROM answers WHERE inspection_id = ? AND template_id = ?"
                        " AND item_code = ?", [inspection_id, template_id, item_code])
        return _answer(row) if row else None

    def answers(self, inspection_id: str) -> dict[tuple[str, str], Answer]:
        rows = self._all("SELECT * FROM answers WHERE inspection_id = ?", [inspection_id])
        return {(r["template_id"], r["item_code"]): _answer(r) for r in rows}

    # --- findings (整改) ---------------------------------------------------------------

    def add_finding(self, inspection_id: str, template_id: str, item_code: str, *,
                    requirement: str, severity: Severity | str = Severity.MINOR,
                    deadline: str | None = None, responsible: str = "") -> Change:
        """Record a rectification the park must carry out for an item."""
        self._item(template_id, item_code)
        fields = _finding_fields(requirement=requirement, severity=severity, deadline=deadline,
                                 responsible=responsible)
        with self._edit("add_finding", entity="finding", entity_id=f"{template_id}:{item_code}",
                        inspection_id=inspection_id, detail=dict(fields), starts=True) as edit:
            self._require_applied(edit, template_id)
            row = self._written(
                "INSERT INTO findings (inspection_id, template_id, item_code, status, created_at,"
                " requirement, severity, deadline, responsible)"
                " VALUES (?, ?, ?, 'open', ?, ?, ?, ?, ?) RETURNING *",
                [inspection_id, template_id, item_code, now_iso(), fields["requirement"],
                 fields["severity"], fields["deadline"], fields["responsible"]])
            edit.detail["id"] = row["id"]
            edit.findings.append(_finding(row))
        return edit.change

    def _finding_edit(self, current: Finding, action: str, changes: dict, detail: dict) -> Change:
        # A carried copy that is edited is now this visit's own: the draft starts.
        with self._edit(action, entity="finding", entity_id=current.id,
                        inspection_id=current.inspection_id, detail=detail,
                        starts=True) as edit:
            assignments = ", ".join(f"{name} = ?" for name in changes)
            row = self._written(f"UPDATE findings SET {assignments} WHERE id = ? RETURNING *",
                            [*changes.values(), current.id])
            edit.findings.append(_finding(row))
        return edit.change

    def update_finding(self, finding_id: int, *, requirement: str = UNSET,
                       severity: Severity | str = UNSET, deadline: str | None = UNSET,
                       responsible: str = UNSET) -> Change:
        current = self.finding(finding_id)
        fields = _finding_fields(
            requirement=current.requirement if requirement is UNSET else requirement,
            severity=current.severity if severity is UNSET else severity,
            deadline=current.deadline if deadline is UNSET else deadline,
            responsible=current.responsible if responsible is UNSET else responsible)
        return self._finding_edit(current, "update_finding", fields, dict(fields))

    def set_finding_status(self, finding_id: int, status: FindingStatus | str, *,
                           note: str = "") -> Change:
        """Close a finding (整改完成) with a note, or open it again."""
        current = self.finding(finding_id)
        status = FindingStatus(status)
        closed = status is FindingStatus.CLOSED
        return self._finding_edit(
            current, "close_finding" if closed else "reopen_finding",
            {"status": status.value, "closing_note": note if closed else "",
             "closed_at": now_iso() if closed else None}, {"note": note})

    def delete_finding(self, finding_id: int) -> Change:
        current = self.finding(finding_id)
        with self._edit("delete_finding", entity="finding", entity_id=finding_id,
                        inspection_id=current.inspection_id,
                        detail={"requirement": current.requirement}) as edit:
            self.db.execute("DELETE FROM findings WHERE id = ?", [finding_id])
            edit.removed_findings.append(finding_id)
        return edit.change

    def finding(self, finding_id: int) -> Finding:
        row = self._one("SELECT * FROM findings WHERE id = ?", [finding_id])
        if row is None:
            raise NotFound("finding.not_found", id=finding_id)
        return _finding(row)

    def findings(self, inspection_id: str) -> list[Finding]:
        return [_finding(r) for r in self._all(
            "SELECT * FROM findings WHERE inspection_id = ? ORDER BY id", [inspection_id])]


def _finding_fields(*, requirement: str, severity: Severity | str, deadline: str | None,
                    responsible: str) -> dict[str, Any]:
    requirement = (requirement or "").strip()
    if not requirement:
        raise InvalidInput("finding.no_requirement")
    try:
        severity = Severity(severity)
    except ValueError:
        raise InvalidInput("finding.bad_severity", severity=severity) from None
    problem = date_problem(deadline) if deadline else None
    if problem is not None:
        raise InvalidInput("finding.bad_deadline" if problem == "format" else "finding.no_such_deadline",
                           deadline=deadline)
    return {"requirement": requirement, "severity": severity.value, "deadline": deadline or None,
            "responsible": (responsible or "").strip()}
