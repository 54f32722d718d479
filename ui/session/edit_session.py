"""One open inspection's records as the page shows them, kept in step with the store.

:class:`EditSession` holds what the page displays (the inspection, answers, photos, findings)
and sends every edit to the store through the task runner; it says "已保存" only after the store
confirmed. The store answers each edit with a :class:`~inspection.changes.Change` (what it
wrote and the inspection after it); the session takes it in without reading anything again.

One signal tells every view what is now shown differently: :attr:`EditSession.changed`, with a
``Change``. It fires once per edit — when the edit is shown, before the store confirms — and
again only if what the store confirmed looks different from what was shown (a refusal, a
record another process changed, a draft that became 检查中). Views update what the change
names and nothing else. The undoable edits themselves are in ui/session/undo_commands.py.
"""
from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from checklists.library import get_template
from checklists.model import Template
from inspection.changes import Change, ItemKey
from inspection.model import Answer, Finding, Inspection, InspectionSnapshot, Photo
from inspection.photos.order import in_capture_order
from inspection.results import is_answered
from inspection.store import NoteChanged, Store
from ui.base.error_reporting import user_message
from ui.base.i18n import tr
from ui.base.tasks import TaskRunner
from ui.base.widgets import now_hms


def _shows_as(answer: Answer | None) -> tuple | None:
    """What the page shows of an answer (who answered and when is not on screen)."""
    return None if answer is None else (answer.result, answer.value, answer.note)


def _inspection_shows_as(inspection: Inspection) -> Inspection:
    return dataclasses.replace(inspection, updated_at="")


class EditSession(QObject):
    """The records of the inspection being edited, kept in step with the store."""

    changed = Signal(object)  # a Change: what is now shown differently
    note_restored = Signal(str, str, str)  # an undo/redo changed a note the editor shows
    save_state_changed = Signal(str)
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
        self.signatures = snapshot.signatures
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

    def is_answered(self, key: ItemKey) -> bool:
        template = self.template(key[0])
        return is_answered(template, template.find(key[1]), self.answers.get(key),
                           self.park.park_type)

    def photos_for(self, template_id: str | None, code: str | None) -> list[Photo]:
        """The photos of one item (or the overall ones), in capture order."""
        return in_capture_order(p for p in self.photos.values()
                                if p.template_id == template_id and p.item_code == code)

    def findings_for(self, template_id: str, code: str) -> list[Finding]:
        return [f for f in self.findings.values()
                if f.template_id == template_id and f.item_code == code]

    def snapshot(self) -> InspectionSnapshot:
        """Everything the session shows, as a snapshot (for the summary: no database read)."""
        return InspectionSnapshot(
            inspection=self.inspection, park=self.park, answers=dict(self.answers),
            findings=tuple(sorted(self.findings.values(), key=lambda f: f.id)),
            photos=tuple(sorted(self.photos.values(), key=lambda p: p.id)),
            signatures=tuple(self.signatures))

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

    # --- showing an edit before the store confirms it -------------------------------------

    def show_answer(self, template_id: str, code: str, fields: dict[str, Any]) -> None:
        """Show *fields* (result/value/note) of an item's answer before the store confirms."""
        key = (template_id, code)
        old = self.answers.get(key)
        merged = {"result": old.result if old else None, "value": old.value if old else None,
                  "note": old.note if old else ""}
        merged.update(fields)
        if merged["result"] is None and not merged["value"] and not merged["note"]:
            self.answers.pop(key, None)
        else:
            self.answers[key] = Answer(
                template_id, code, merged["result"], merged["value"] or None, merged["note"] or "",
                old.answered_by if old else "", old.answered_at if old else "")
        answer = self.answers.get(key)
        self.changed.emit(Change(answers={key: answer}, answered={key: self.is_answered(key)}))

    def show_photo(self, photo: Photo) -> None:
        """Show a photo as edited (moved, captioned, annotated, removed: ``deleted_at`` set)."""
        self._put_photo(photo)
        self.changed.emit(Change(photos=(photo,)))

    def show_finding(self, finding: Finding) -> None:
        self.findings[finding.id] = finding
        self.changed.emit(Change(findings=(finding,)))

    def hide_finding(self, finding_id: int) -> None:
        if self.findings.pop(finding_id, None) is not None:
            self.changed.emit(Change(removed_findings=(finding_id,)))

    def _put_photo(self, photo: Photo) -> None:
        if photo.deleted_at is None:
            self.photos[photo.id] = photo
        else:
            self.photos.pop(photo.id, None)

    # --- taking in what the store confirmed -------------------------------------------------

    def apply(self, change: Change | None) -> None:
        """Take in a change the store confirmed; tell the views what now looks different."""
        if change is None:
            return
        answers: dict[ItemKey, Answer | None] = {}
        for key, answer in change.answers.items():
            # Later edits of the same item are still queued: their display wins until they land.
            if self._pending_keys[key] > 0:
                continue
            if _shows_as(answer) != _shows_as(self.answers.get(key)):
                answers[key] = answer
            if answer is None:
                self.answers.pop(key, None)
            else:
                self.answers[key] = answer
        photos = tuple(p for p in change.photos if self._photo_differs(p))
        for photo in change.photos:
            self._put_photo(photo)
        findings = tuple(f for f in change.findings if self.findings.get(f.id) != f)
        for finding in change.findings:
            self.findings[finding.id] = finding
        removed = tuple(i for i in change.removed_findings if self.findings.pop(i, None))
        inspection = None
        if change.inspection is not None and change.inspection.id == self.id:
            if _inspection_shows_as(change.inspection) != _inspection_shows_as(self.inspection):
                inspection = change.inspection
            self.inspection = change.inspection
        if change.signatures:
            self.refresh_signatures()
        if answers or photos or findings or removed or inspection is not None:
            self.changed.emit(Change(
                inspection=inspection, answers=answers,
                answered={k: self.is_answered(k) for k in answers},
                photos=photos, findings=findings, removed_findings=removed))

    def _photo_differs(self, photo: Photo) -> bool:
        shown = self.photos.get(photo.id)
        if (shown is not None) != (photo.deleted_at is None):  # appears or goes away
            return True
        return shown is not None and shown != photo

    def apply_all(self, changes: Iterable[Change]) -> None:
        for change in changes:
            self.apply(change)

    def replace_inspection(self, inspection: Inspection) -> None:
        """The inspection as read or changed elsewhere (status, revision)."""
        self.apply(Change(inspection=inspection))

    def refresh_inspection(self) -> None:
        """Read the inspection again after a change made outside the session's own edits
        (e.g. handwritten signatures recorded in their dialog)."""
        inspection_id = self.id
        self.runner.db(lambda store: store.inspection(inspection_id), self.replace_inspection)

    def refresh_signatures(self) -> None:
        inspection_id = self.id

        def read(store: Store) -> tuple:
            return store.inspection(inspection_id), tuple(store.signatures(inspection_id))

        def arrived(result: tuple) -> None:
            inspection, self.signatures = result
            self.replace_inspection(inspection)

        self.runner.db(read, arrived)

    # --- writing ---------------------------------------------------------------------------

    def write(self, fn: Callable[[Store], Any], on_done: Callable[[Any], None] | None = None,
              on_error: Callable[[BaseException], None] | None = None, *,
              key: ItemKey | None = None) -> None:
        """Run ``fn(store)`` on the database thread; the save state follows it honestly.

        *on_done* gets what *fn* returned (a Change, usually: pass :meth:`apply` to take it in).
        """
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
            if self._pending == 0 and not self._last_error:
                self.save_state_changed.emit(tr("已保存 {0}").format(now_hms()))

        def error(exc: BaseException) -> None:
            settle()
            self._last_error = user_message(exc)
            self.save_state_changed.emit(tr("保存失败：{0}").format(self._last_error))
            if on_error is not None:
                on_error(exc)
            if isinstance(exc, NoteChanged) and key is not None:
                # What the store holds instead: shown, so no editor keeps the older note.
                self.apply(Change(answers={key: exc.answer}))
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
