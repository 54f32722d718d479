"""What one edit changed, as the store confirmed it (after Anki's ``OpChanges``).

Every edit of an inspection is one call into the store, one transaction, and returns a
:class:`Change`: the records it wrote, the item's derived state, and the inspection's record
after it (status, revision, ``updated_at``). Whoever shows the inspection updates from the
change alone, without reading the inspection again.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from inspection.model import Answer, Finding, Inspection, Photo

ItemKey = tuple[str, str]  # (template id, item code)


@dataclass(frozen=True)
class Change:
    """The outcome of one edit. ``wrote`` is False when the edit found nothing to do (the same
    photo imported twice); the records then are the ones already stored."""

    inspection: Inspection | None = None  # the inspection after the edit
    answers: Mapping[ItemKey, Answer | None] = field(default_factory=dict)  # None: cleared
    answered: Mapping[ItemKey, bool] = field(default_factory=dict)  # judged (counts as done)
    photos: tuple[Photo, ...] = ()  # as stored now (a removed one has ``deleted_at``)
    findings: tuple[Finding, ...] = ()
    removed_findings: tuple[int, ...] = ()
    signatures: bool = False  # the handwritten signatures changed
    wrote: bool = True

    @property
    def answer(self) -> Answer | None:
        """The one answer this edit wrote (None when it cleared it)."""
        (answer,) = self.answers.values()
        return answer

    @property
    def photo(self) -> Photo:
        (photo,) = self.photos
        return photo

    @property
    def finding(self) -> Finding:
        (finding,) = self.findings
        return finding
