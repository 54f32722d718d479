"""One open inspection's records as the page shows them, and the undoable edits of them.

:class:`EditSession` keeps what the page displays (answers, photos, findings) and sends every
edit to the store through the task runner; it says "已保存" only after the store confirmed.
Each edit is a ``QUndoCommand``: ``redo``/``undo`` show the change at once and write it through
the runner; when the store refuses (a signed inspection), the change is taken back and the
command leaves the stack.
"""
from __future__ import annotations

import dataclasses
from collections import Counter
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from checklists.library import get_template
from checklists.model import Template
from inspection.model import (Answer, Finding, FindingStatus, InspectionSnapshot, Photo, Severity,
                              Status)
from inspection.store import UNSET, Store
from ui.errors import user_message
from ui.tasks import TaskRunner
from ui.widgets import now_hms

ItemKey = tuple[str, str]  # (template id, item code)


def tr(text: str) -> str:
    return QCoreApplication.translate("commands", text)


class EditSession(QObject):
    """The records of the inspection being edited, kept in step with the store."""

    answer_changed = Signal(str, str)  # template id, item code
    note_restored = Signal(str, str, str)  # an undo/redo changed a note the editor shows
    photos_changed = Signal()
    findings_changed = Signal()
    inspection_updated = Signal()  # status or revision
    save_state_changed = Signal(str)
    saved = Signal()  # the store confirmed an edit
    failed = Signal(object)  # the store refused an edit: the exception

    def __init__(self, runner: TaskRunner, snapshot: InspectionSnapshot, undo_stack: QUndoStack,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.undo_stack = undo_stack
        self.inspection = snapshot.inspection
        self.park = snapshot.park
        self.templates: list[Template] = [get_template(t) for t in snapshot.inspection.template_ids]
        self.answers: dict[ItemKey, Answer] = dict(snapshot.answers)
        self.photos: dict[int, Photo] = {p.id: p for p in snapshot.photos}
        self.findings: dict[int, Finding] = {f.id: f for f in snapshot.findings}
        # A deleted finding recorded again gets a new id (SQLite may even reuse an old one):
        # commands hold a FindingRef, which follows the finding from id to id.
        self._finding_refs: dict[int, FindingRef] = {}
        self._pending = 0
        self._pending_keys: Counter = Counter()
        self._last_error = ""

    @property
    def id(self) -> str:
        return self.inspection.id

    @property
    def read_only(self) -> bool:
        return self.inspection.locked

    @property
    def pending(self) -> int:
        return self._pending

    def template(self, template_id: str) -> Template:
        return next(t for t in self.templates if t.id == template_id)

    # --- reading ---------------------------------------------------------------------------

    def answer(self, template_id: str, code: str) -> Answer | None:
        return self.answers.get((template_id, code))

    def photos_for(self, template_id: str | None, code: str | None) -> list[Photo]:
        return [p for p in self.photos.values()
                if p.template_id == template_id and p.item_code == code]

    def findings_for(self, template_id: str, code: str) -> list[Finding]:
        return [f for f in self.findings.values()
                if f.template_id == template_id and f.item_code == code]

    def finding_ref(self, finding_id: int) -> "FindingRef":
        """The reference that follows the finding now stored as *finding_id*."""
        ref = self._finding_refs.get(finding_id)
        if ref is None:
            ref = self._finding_refs[finding_id] = FindingRef(finding_id)
        return ref

    def bind_finding(self, ref: "FindingRef", finding_id: int) -> None:
        if self._finding_refs.get(ref.id) is ref:
            del self._finding_refs[ref.id]
        ref.id = finding_id
        self._finding_refs[finding_id] = ref

    def unbind_finding(self, ref: "FindingRef") -> None:
        if self._finding_refs.get(ref.id) is ref:
            del self._finding_refs[ref.id]

    # --- showing (before and after the store confirms) ------------------------------------

    def show_answer(self, template_id: str, code: str, fields: dict[str, Any]) -> None:
        """Show *fields* (result/value/note) of an item's answer before the store confirms."""
        old = self.answers.get((template_id, code))
        merged = {"result": old.result if old else None, "value": old.value if old else None,
                  "note": old.note if old else ""}
        merged.update(fields)
        if merged["result"] is None and not merged["value"] and not merged["note"]:
            self.answers.pop((template_id, code), None)
        else:
            self.answers[(template_id, code)] = Answer(
                template_id, code, merged["result"], merged["value"] or None, merged["note"] or "",
                old.answered_by if old else "", old.answered_at if old else "")
        self.answer_changed.emit(template_id, code)

    def confirm_answer(self, template_id: str, code: str, answer: Answer | None) -> None:
        # Later edits of the same item are still queued: their display wins until they land.
        if self._pending_keys[(template_id, code)] > 0:
            return
        if answer is None:
            self.answers.pop((template_id, code), None)
        else:
            self.answers[(template_id, code)] = answer
            if self.inspection.status is Status.DRAFT:  # as the store did with this answer
                self.replace_inspection(dataclasses.replace(self.inspection,
                                                            status=Status.IN_PROGRESS))
        self.answer_changed.emit(template_id, code)

    def put_photo(self, photo: Photo) -> None:
        if photo.deleted_at is None:
            self.photos[photo.id] = photo
        else:
            self.photos.pop(photo.id, None)
        self.photos_changed.emit()

    def add_photos(self, photos: list[Photo]) -> None:
        for photo in photos:
            self.photos[photo.id] = photo
        self.photos_changed.emit()

    def put_finding(self, finding: Finding) -> None:
        self.findings[finding.id] = finding
        self.findings_changed.emit()

    def drop_finding(self, finding_id: int) -> None:
        self.findings.pop(finding_id, None)
        self.findings_changed.emit()

    def replace_inspection(self, inspection) -> None:
        self.inspection = inspection
        self.inspection_updated.emit()

    # --- writing ---------------------------------------------------------------------------

    def write(self, fn: Callable[[Store], Any], on_done: Callable[[Any], None] | None = None,
              on_error: Callable[[BaseException], None] | None = None, *,
              key: ItemKey | None = None) -> None:
        """Run ``fn(store)`` on the database thread; the save state follows it honestly."""
        self._pending += 1
        if key is not None:
            self._pending_keys[key] += 1
        if self._pending == 1:
            self._last_error = ""
            self.save_state_changed.emit(tr("保存中…"))

        def settle() -> None:
            self._pending -= 1
            if key is not None:
                self._pending_keys[key] -= 1

        def done(result: Any) -> None:
            settle()
            if on_done is not None:
                on_done(result)
            self.saved.emit()
            if self._pending == 0 and not self._last_error:
                self.save_state_changed.emit(tr("已保存 {0}").format(now_hms()))

        def error(exc: BaseException) -> None:
            settle()
            self._last_error = user_message(exc)
            self.save_state_changed.emit(tr("保存失败：{0}").format(self._last_error))
            if on_error is not None:
                on_error(exc)
            self.failed.emit(exc)

        self.runner.db(fn, done, error)


class StoreCommand(QUndoCommand):
    """An edit shown at once and written through the runner; taken back if the store refuses."""

    key: ItemKey | None = None

    def __init__(self, session: EditSession, text: str) -> None:
        super().__init__(text)
        self.session = session
        self._local_only = False

    def redo(self) -> None:
        self._run(True)

    def undo(self) -> None:
        self._run(False)

    def _run(self, forward: bool) -> None:
        self.show(forward)
        if self._local_only:
            self._local_only = False
            return
        self.session.write(lambda store: self.write(store, forward),
                           lambda result: self.confirm(result, forward),
                           lambda exc: self._refused(forward), key=self.key)

    # subclasses
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

    def fields(self, forward: bool) -> dict[str, Any]:
        return self.new if forward else self.old

    def show(self, forward: bool) -> None:
        fields = self.fields(forward)
        self.session.show_answer(*self.key, fields)
        if "note" in fields:
            self.session.note_restored.emit(*self.key, fields["note"] or "")

    def write(self, store: Store, forward: bool):
        fields = self.fields(forward)
        return store.save_answer(self.session.id, *self.key,
                                 result=fields.get("result", UNSET),
                                 value=fields.get("value", UNSET),
                                 note=fields.get("note", UNSET))

    def confirm(self, result, forward: bool) -> None:
        self.session.confirm_answer(*self.key, result)


class EditNote(SetAnswer):
    """Typing in the note: while the same note is being edited, later saves extend this step."""

    def __init__(self, session: EditSession, template_id: str, code: str, note: str) -> None:
        super().__init__(session, template_id, code, tr("编辑备注 {0}").format(code),
                         {"note": note})
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

    def show(self, forward: bool) -> None:
        self.session.put_photo(self.after if forward else self.before)

    def confirm(self, result, forward: bool) -> None:
        if isinstance(result, Photo):
            self.session.put_photo(result)


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


class FindingRef:
    """A finding across deletion and re-creation (its store id may change)."""

    __slots__ = ("id",)

    def __init__(self, finding_id: int) -> None:
        self.id = finding_id


class AddFinding(StoreCommand):
    def __init__(self, session: EditSession, template_id: str, code: str,
                 fields: dict[str, Any]) -> None:
        super().__init__(session, tr("添加整改项 {0}").format(code))
        self.template_id, self.code, self.fields = template_id, code, dict(fields)
        self.ref: FindingRef | None = None

    def show(self, forward: bool) -> None:
        if not forward and self.ref is not None:
            self.session.drop_finding(self.ref.id)
            self.session.unbind_finding(self.ref)

    def write(self, store: Store, forward: bool):
        if forward:
            return store.add_finding(self.session.id, self.template_id, self.code, **self.fields)
        store.delete_finding(self.ref.id)
        return None

    def confirm(self, result, forward: bool) -> None:
        if forward:
            if self.ref is None:
                self.ref = self.session.finding_ref(result.id)
            else:
                self.session.bind_finding(self.ref, result.id)
            self.session.put_finding(result)


class EditFinding(StoreCommand):
    """Change fields of a finding, or its status (整改完成 with a note, or open again)."""

    def __init__(self, session: EditSession, finding: Finding, text: str,
                 changes: dict[str, Any]) -> None:
        super().__init__(session, text)
        self.ref = session.finding_ref(finding.id)
        self.new = dict(changes)
        self.old = {name: (finding.closing_note if name == "note" else getattr(finding, name))
                    for name in changes}

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
        self.session.put_finding(dataclasses.replace(current, **fields))

    def write(self, store: Store, forward: bool):
        fields = self._fields(forward)
        edits = {k: v for k, v in fields.items() if k in FINDING_FIELDS}
        finding = store.update_finding(self.ref.id, **edits) if edits else None
        if "status" in fields:
            finding = store.set_finding_status(self.ref.id, fields["status"],
                                               note=fields.get("note", ""))
        return finding

    def confirm(self, result, forward: bool) -> None:
        if result is not None:
            self.session.put_finding(result)


class DeleteFinding(StoreCommand):
    def __init__(self, session: EditSession, finding: Finding) -> None:
        super().__init__(session, tr("删除整改项 {0}").format(finding.item_code))
        self.finding = finding
        self.ref = session.finding_ref(finding.id)

    def show(self, forward: bool) -> None:
        if forward:
            self.session.drop_finding(self.ref.id)
            self.session.unbind_finding(self.ref)

    def write(self, store: Store, forward: bool):
        if forward:
            store.delete_finding(self.ref.id)
            return None
        f = self.finding
        again = store.add_finding(self.session.id, f.template_id, f.item_code,
                                  requirement=f.requirement, severity=f.severity,
                                  deadline=f.deadline, responsible=f.responsible)
        if f.status is FindingStatus.CLOSED:
            again = store.set_finding_status(again.id, f.status, note=f.closing_note)
        return again

    def confirm(self, result, forward: bool) -> None:
        if not forward and result is not None:
            self.session.bind_finding(self.ref, result.id)
            self.session.put_finding(result)


if __name__ == "__main__":
    from PySide6.QtWidgets import QUndoView

    from ui.widgets import demo_edit_session

    app, runner, session = demo_edit_session(photos=0)
    session.save_state_changed.connect(print)
    for code, result in (("1-2-2", "pass"), ("1-2-3", "fail"), ("1-2-4", "na")):
        session.undo_stack.push(SetAnswer(session, "000", code, f"{code} {result}",
                                          {"result": result}))
    session.undo_stack.push(EditNote(session, "000", "1-2-3", "监测站未联网"))
    view = QUndoView(session.undo_stack)
    view.setWindowTitle("撤销记录（点击一行撤销到那一步）")
    view.resize(420, 300)
    view.show()
    app.exec()
