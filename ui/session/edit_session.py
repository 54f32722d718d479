"""One open inspection's records as the page shows them, kept in step with the store.

:class:`EditSession` holds what the page displays (answers, photos, findings) and sends every
edit to the store through the task runner; it says "已保存" only after the store confirmed.
The undoable edits themselves are the commands in ui/session/undo_commands.py.
"""
from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from checklists.library import get_template
from checklists.model import Template
from inspection.model import Answer, Finding, InspectionSnapshot, Photo, Status
from inspection.store import Store
from ui.base.error_reporting import user_message
from ui.base.i18n import tr
from ui.base.tasks import TaskRunner
from ui.base.widgets import now_hms

ItemKey = tuple[str, str]  # (template id, item code)


# The "commands" context: the save-state messages were translated there before the split.


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

    def finding_ref(self, finding_id: int) -> FindingRef:
        """The reference that follows the finding now stored as *finding_id*."""
        ref = self._finding_refs.get(finding_id)
        if ref is None:
            ref = self._finding_refs[finding_id] = FindingRef(finding_id)
        return ref

    def bind_finding(self, ref: FindingRef, finding_id: int) -> None:
        """The finding *ref* follows is now shown as *finding_id* (UI thread)."""
        if ref.id is not None and self._finding_refs.get(ref.id) is ref:
            del self._finding_refs[ref.id]
        ref.id = finding_id
        self._finding_refs[finding_id] = ref

    def unbind_finding(self, ref: FindingRef) -> None:
        if ref.id is not None and self._finding_refs.get(ref.id) is ref:
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
        """Show photos the store has recorded (an import records them itself)."""
        for photo in photos:
            self.photos[photo.id] = photo
        self.photos_changed.emit()
        if photos:
            self.refresh_if_draft()

    def put_finding(self, finding: Finding) -> None:
        self.findings[finding.id] = finding
        self.findings_changed.emit()

    def drop_finding(self, finding_id: int) -> None:
        self.findings.pop(finding_id, None)
        self.findings_changed.emit()

    def replace_inspection(self, inspection) -> None:
        self.inspection = inspection
        self.inspection_updated.emit()

    def refresh_inspection(self) -> None:
        """Read the inspection again (status, revision) after a change made outside the
        session's own writes, e.g. a handwritten signature."""
        inspection_id = self.id
        self.runner.db(lambda store: store.inspection(inspection_id), self._inspection_read)

    def refresh_if_draft(self) -> None:
        """The store moves a draft on to 检查中 with the first answer, photo, finding or
        signature recorded for it: while this one is a draft, read its status after an edit."""
        if self.inspection.status is Status.DRAFT:
            self.refresh_inspection()

    def _inspection_read(self, inspection) -> None:
        if inspection.id == self.id and inspection != self.inspection:
            self.replace_inspection(inspection)

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
            self.refresh_if_draft()  # answers are shown started at once (confirm_answer)
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


class FindingRef:
    """A finding across deletion and re-creation (its store id may change).

    ``id`` is the id the page shows it under and is only touched on the UI thread;
    ``stored_id`` is the row the commands' writes reach and is only touched on the database
    worker once the first write is queued (it may run ahead of what the page shows).
    """

    __slots__ = ("id", "stored_id")

    def __init__(self, finding_id: int | None) -> None:
        self.id = finding_id
        self.stored_id = finding_id
