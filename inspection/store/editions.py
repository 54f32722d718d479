"""Moving an inspection to a newer edition of one of its templates.

The answers of items whose code, title and text did not change carry over; the answers of
reworded or removed items are removed (the audit row keeps them whole), since they judged
words that are no longer the standard's. Findings and photos keep their item: on the new
edition when the code is still there, on the old edition's item when it was removed (the old
edition stays known, so the report still names it).
"""
from __future__ import annotations

from dataclasses import dataclass

from checklists.editions import EditionChanges, compare_editions
from checklists.errors import InvalidInput
from checklists.library import get_template
from inspection.model import Inspection
from inspection.store.inspections import InspectionsMixin, require_same_standard
from inspection.store.templates import TemplateRefused


@dataclass(frozen=True)
class EditionMove:
    """An inspection moved to another edition: what changed, which answers were removed."""

    inspection: Inspection
    changes: EditionChanges
    removed_answers: tuple[str, ...]  # item codes whose answers did not carry over


class EditionsMixin(InspectionsMixin):
    def change_edition(self, inspection_id: str, old_id: str, new_id: str) -> EditionMove:
        """Apply *new_id* instead of *old_id* to an unsigned inspection (see the module)."""
        require_same_standard(old_id, new_id)
        old, new = get_template(old_id), get_template(new_id)
        if self._one("SELECT 1 AS x FROM retired_templates WHERE template_id = ?",
                     [new_id]) is not None:
            raise TemplateRefused("template.retired", id=new_id, title=new.title)
        changes = compare_editions(old, new)
        with self._edit("change_edition", entity="inspection", entity_id=inspection_id,
                        inspection_id=inspection_id,
                        detail={"from": old_id, "to": new_id}) as edit:
            if old_id not in edit.template_ids:
                raise InvalidInput("edition.not_applied", id=old_id)
            if new_id in edit.template_ids:
                raise InvalidInput("edition.already_applied", id=new_id)
            self.db.execute("UPDATE inspection_templates SET template_id = ?"
                            " WHERE inspection_id = ? AND template_id = ?",
                            [new_id, inspection_id, old_id])
            answers = self._all("SELECT * FROM answers WHERE inspection_id = ? AND"
                                " template_id = ? ORDER BY item_code", [inspection_id, old_id])
            dropped = [a for a in answers if a["item_code"] not in changes.carried]
            for answer in answers:
                if answer["item_code"] in changes.carried:
                    self.db.execute("UPDATE answers SET template_id = ? WHERE inspection_id = ?"
                                    " AND template_id = ? AND item_code = ?",
                                    [new_id, inspection_id, old_id, answer["item_code"]])
                else:
                    self.db.execute("DELETE FROM answers WHERE inspection_id = ? AND"
                                    " template_id = ? AND item_code = ?",
                                    [inspection_id, old_id, answer["item_code"]])
            kept = {node.code for node in new.walk()}
            for table in ("findings", "photos"):
                rows = self._all(f"SELECT id, item_code FROM {table} WHERE inspection_id = ?"
                                 " AND template_id = ?", [inspection_id, old_id])
                for row in rows:
                    if row["item_code"] in kept:
                        self.db.execute(f"UPDATE {table} SET template_id = ? WHERE id = ?",
                                        [new_id, row["id"]])
            edit.detail.update({
                "carried": len(answers) - len(dropped),
                "removed_answers": [{k: a[k] for k in ("item_code", "result", "value", "note",
                                                       "answered_by", "answered_at")}
                                    for a in dropped],
                "added": [c.code for c in changes.added],
                "removed": [c.code for c in changes.removed],
                "changed": [c.code for c in changes.changed],
            })
        return EditionMove(self.inspection(inspection_id), changes,
                           tuple(a["item_code"] for a in dropped))
