"""The undoable edits of an open inspection: answers, notes, photos and findings.

Each edit is a ``QUndoCommand``: ``redo``/``undo`` show the change at once through the
:class:`~ui.session.edit_session.EditSession` and write it through the runner; when the store refuses
(a signed inspection), the change is taken back and the command leaves the stack.

Two threads touch a command: ``write`` runs on the database worker, ``show`` and ``confirm`` on
the UI thread. What ``write`` needs (a finding's stored id, which changes when a deleted finding
is recorded again) is kept on the database side only (``FindingRef.stored_id``); a confirm
that arrives after a later undo/redo of the same command is ignored, since the later run has
already shown what it will confirm.
"""
from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtGui import QUndoCommand

from inspection.model import Finding, FindingStatus, Photo, Severity
from inspection.store import UNSET, Store
from ui.base.i18n import tr
from ui.session.edit_session import EditSession, FindingRef, ItemKey


class StoreCommand(QUndoCommand):
    """An edit shown at once and written through the runner; taken back if the store refuses."""

    key: ItemKey | None = None

    def __init__(self, session: EditSession, text: str) -> None:
        super().__init__(text)
        self.session = session
        self._local_only = False
        self._runs = 0  # undo/redo runs so far: a confirm of an earlier run is out of date

    def redo(self) -> None:
        self._run(True)

    def undo(self) -> None:
        self._run(False)

    def _run(self, forward: bool) -> None:
        self.show(forward)
        if self._local_only:
            self._local_only = False
            return
        self._runs += 1
        run = self._runs
        self.session.write(lambda store: self.write(store, forward),
                           lambda result: self._confirmed(run, result, forward),
                           lambda exc: self._refused(forward), key=self.key)

    def _confirmed(self, run: int, result: Any, forward: bool) -> None:
        if run == self._runs:  # else a later undo/redo already shows its own state
            self.confirm(result, forward)

    # subclasses
    def target(self, forward: bool) -> tuple[str | None, str | None] | None:
        """The item the change shows on after redo (forward) or undo: (template id, code),
        (None, None) for the overall photos; the page brings it into view."""
        return self.key

    def show(self, forward: bool) -> None:
        """Display the state after (forward) or before the edit."""

    def write(self, store: Store, forward: bool) -> Any:
        raise NotImplementedError

    def confirm(self, result: Any, forward: bool) -> None:
        """Take the store's version of what was written."""

    def _refused(self, forward: bool) -> None:
        if self.session.signalsBlocked():  # the page has moved on to another inspection
            return
        stack = self.session.undo_stack
        try:
            position = next((i for i in range(stack.count()) if stack.command(i) is self), None)
        except RuntimeError:  # already gone from the stack
            return
        if forward and position is not None and position == stack.index() - 1:
            self.show(False)
            self.setObsolete(True)  # undo() then drops it without calling undo again
            stack.undo()
        elif not forward and position is not None and position == stack.index():
            self._local_only = True
            stack.redo()
        else:
            self.show(not forward)


class SetAnswer(StoreCommand):
    """Result, measured values and/or note of one item (fields absent are left alone)."""

    def __init__(self, session: EditSession, template_id: str, code: str, text: str,
                 new: dict[str, Any]) -> None:
        super().__init__(session, text)
        self.key = (template_id, code)
        self.new = dict(new)
        old = session.answer(template_id, code)
        current = {"result": old.result if old else None, "value": old.value if old else None,
                   "note": old.note if old else ""}
        self.old = {name: current[name] for name in new}
        # The note the store holds before each write, as far as this command knows (written on
        # the database worker only): a note typed over an older one is refused, never written
        # over a newer one that arrived underneath (a conflict pick, a sync, an import).
        self._note_on_store: str = self.old.get("note") or ""

    def fields(self, forward: bool) -> dict[str, Any]:
        return self.new if forward else self.old

    def show(self, forward: bool) -> None:
        fields = self.fields(forward)
        self.session.show_answer(*self.key, fields)
        if "note" in fields:
            self.session.note_restored.emit(*self.key, fields["note"] or "")

    def write(self, store: Store, forward: bool):
        fields = self.fields(forward)
        change = store.save_answer(self.session.id, *self.key,
                                   result=fields.get("result", UNSET),
                                   value=fields.get("value", UNSET),
                                   note=fields.get("note", UNSET),
                                   note_was=self._note_on_store if "note" in fields else UNSET)
        if "note" in fields:
            self._note_on_store = fields["note"] or ""
        return change

    def confirm(self, result, forward: bool) -> None:
        self.session.apply(result)


class EditNote(SetAnswer):
    """Typing in the note: while the same note is being edited, later saves extend this step."""

    def __init__(self, session: EditSession, template_id: str, code: str, note: str,
                 base: str | None = None) -> None:
        """*base*: the note the editor's text was typed over (the stored one when not given)."""
        super().__init__(session, template_id, code, tr("编辑备注 {0}").format(code),
                         {"note": note})
        if base is not None:
            self.old = {"note": base}
            self._note_on_store = base
        self.open = True

    def show(self, forward: bool) -> None:
        fields = self.fields(forward)
        self.session.show_answer(*self.key, fields)
        if not (forward and self.open):  # the editor already shows what is being typed
            self.session.note_restored.emit(*self.key, fields["note"] or "")

    def extend(self, note: str) -> None:
        self.new = {"note": note}
        self._run(True)


class PhotoCommand(StoreCommand):
    """An edit of one photo: ``before`` and ``after`` are Photo records."""

    def __init__(self, session: EditSession, text: str, before: Photo, after: Photo) -> None:
        super().__init__(session, text)
        self.before, self.after = before, after

    def target(self, forward: bool) -> tuple[str | None, str | None]:
        photo = self.after if forward else self.before
        return (photo.template_id, photo.item_code)

    def show(self, forward: bool) -> None:
        self.session.show_photo(self.after if forward else self.before)

    def confirm(self, result, forward: bool) -> None:
        self.session.apply(result)


class MovePhoto(PhotoCommand):
    def __init__(self, session: EditSession, photo: Photo, template_id: str | None,
                 code: str | None) -> None:
        target = code or tr("整体照片")
        super().__init__(session, tr("移动照片到 {0}").format(target), photo,
                         dataclasses.replace(photo, template_id=template_id, item_code=code))

    def write(self, store: Store, forward: bool):
        photo = self.after if forward else self.before
        return store.move_photo(photo.id, photo.template_id, photo.item_code)


class RemovePhoto(PhotoCommand):
    def __init__(self, session: EditSession, photo: Photo) -> None:
        super().__init__(session, tr("删除照片"), photo,
                         dataclasses.replace(photo, deleted_at="removed"))

    def write(self, store: Store, forward: bool):
        pid = self.before.id
        return store.remove_photo(pid) if forward else store.restore_photo(pid)


class SetCaption(PhotoCommand):
    def __init__(self, session: EditSession, photo: Photo, caption: str) -> None:
        super().__init__(session, tr("修改照片说明"), photo,
                         dataclasses.replace(photo, caption=caption.strip()))

    def write(self, store: Store, forward: bool):
        photo = self.after if forward else self.before
        return store.set_caption(photo.id, photo.caption)


class SetAnnotations(PhotoCommand):
    def __init__(self, session: EditSession, photo: Photo, shapes: list[dict]) -> None:
        super().__init__(session, tr("标注照片"), photo,
                         dataclasses.replace(photo, annotations=tuple(dict(s) for s in shapes)))

    def write(self, store: Store, forward: bool):
        photo = self.after if forward else self.before
        return store.set_annotations(photo.id, [dict(s) for s in photo.annotations])


FINDING_FIELDS = ("requirement", "severity", "deadline", "responsible")


class AddFinding(StoreCommand):
    def __init__(self, session: EditSession, template_id: str, code: str,
                 fields: dict[str, Any]) -> None:
        super().__init__(session, tr("添加整改项 {0}").format(code))
        self.template_id, self.code, self.fields = template_id, code, dict(fields)
        self.ref = FindingRef(None)  # bound to the finding once the store has it

    def target(self, forward: bool) -> tuple[str, str]:
        return (self.template_id, self.code)

    def show(self, forward: bool) -> None:
        if not forward and self.ref.id is not None:
            self.session.hide_finding(self.ref.id)
            self.session.unbind_finding(self.ref)

    def write(self, store: Store, forward: bool):
        if forward:
            change = store.add_finding(self.session.id, self.template_id, self.code,
                                       **self.fields)
            self.ref.stored_id = change.finding.id
            return change
        return store.delete_finding(self.ref.stored_id)

    def confirm(self, result, forward: bool) -> None:
        if forward:
            self.session.bind_finding(self.ref, result.finding.id)
        self.session.apply(result)


class EditFinding(StoreCommand):
    """Change fields of a finding, or its status (整改完成 with a note, or open again)."""

    def __init__(self, session: EditSession, finding: Finding, text: str,
                 changes: dict[str, Any]) -> None:
        super().__init__(session, text)
        self.ref = session.finding_ref(finding.id)
        self.new = dict(changes)
        self.old = {name: (finding.closing_note if name == "note" else getattr(finding, name))
                    for name in changes}
        self.item = (finding.template_id, finding.item_code)

    def target(self, forward: bool) -> tuple[str, str]:
        return self.item

    def _fields(self, forward: bool) -> dict[str, Any]:
        return self.new if forward else self.old

    def show(self, forward: bool) -> None:
        current = self.session.findings.get(self.ref.id)
        if current is None:
            return
        fields = dict(self._fields(forward))
        if "note" in fields:
            fields["closing_note"] = fields.pop("note")
        if "status" in fields:
            fields["status"] = FindingStatus(fields["status"])
        if "severity" in fields:
            fields["severity"] = Severity(fields["severity"])
        self.session.show_finding(dataclasses.replace(current, **fields))

    def write(self, store: Store, forward: bool):
        fields = self._fields(forward)
        edits = {k: v for k, v in fields.items() if k in FINDING_FIELDS}
        finding_id = self.ref.stored_id
        change = store.update_finding(finding_id, **edits) if edits else None
        if "status" in fields:
            change = store.set_finding_status(finding_id, fields["status"],
                                              note=fields.get("note", ""))
        return change

    def confirm(self, result, forward: bool) -> None:
        if result is not None and result.finding.id == self.ref.id:
            self.session.apply(result)


class DeleteFinding(StoreCommand):
    def __init__(self, session: EditSession, finding: Finding) -> None:
        super().__init__(session, tr("删除整改项 {0}").format(finding.item_code))
        self.finding = finding
        self.ref = session.finding_ref(finding.id)

    def target(self, forward: bool) -> tuple[str, str]:
        return (self.finding.template_id, self.finding.item_code)

    def show(self, forward: bool) -> None:
        if forward:
            self.session.hide_finding(self.ref.id)
            self.session.unbind_finding(self.ref)

    def write(self, store: Store, forward: bool):
        if forward:
            return store.delete_finding(self.ref.stored_id)
        f = self.finding
        again = store.add_finding(self.session.id, f.template_id, f.item_code,
                                  requirement=f.requirement, severity=f.severity,
                                  deadline=f.deadline, responsible=f.responsible)
        if f.status is FindingStatus.CLOSED:
            again = store.set_finding_status(again.finding.id, f.status, note=f.closing_note)
        self.ref.stored_id = again.finding.id  # later writes (a redo, an edit) reach this row
        return again

    def confirm(self, result, forward: bool) -> None:
        if not forward:
            self.session.bind_finding(self.ref, result.finding.id)
        self.session.apply(result)
