"""Editions of one standard, and what changed from one edition to the next.

Two templates are editions of the same standard when their document numbers agree once the
year is taken out (``T/YNIPA 001—2023`` and ``T/YNIPA 001—2025``; a template without a number
is known by its title). An inspection keeps the edition it was made with; moving it (or a
revisit of it) to a newer edition carries the answers of the items whose code, title and text
did not change, and lists what was added, removed or reworded.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from checklists.model import Node, Template

_YEAR_IN_NUMBER = re.compile(r"\s*(?:[—\-–－]\s*(?:19|20)\d{2}$|[〔(（\[](?:19|20)\d{2}[〕)）\]])")
_YEAR = re.compile(r"(?:19|20)\d{2}")


def standard_key(template: Template) -> str:
    """What the editions of one standard share: the document number without its year."""
    number = _YEAR_IN_NUMBER.sub("", template.document_number).strip()
    if number:
        return "number:" + re.sub(r"\s+", "", number).upper()
    return "title:" + re.sub(r"\s+", "", template.title)


def edition_year(template: Template) -> int | None:
    """The edition's year: from the edition, else from the document number, else None."""
    for text in (template.edition, template.document_number):
        if years := _YEAR.findall(text or ""):
            return int(years[-1])
    return None


def edition_label(template: Template) -> str:
    """The edition as shown beside the title: 2023, 2023 修订 …; "" when unknown."""
    if template.edition:
        return template.edition
    year = edition_year(template)
    return str(year) if year else ""


def edition_order(template: Template) -> tuple[int, str]:
    return (edition_year(template) or 0, template.edition)


def is_newer(candidate: Template, than: Template) -> bool:
    """Whether *candidate* is a later edition of the same standard as *than*."""
    return (candidate.id != than.id and standard_key(candidate) == standard_key(than)
            and edition_order(candidate) > edition_order(than))


def newer_editions(template: Template, candidates: Iterable[Template]) -> list[Template]:
    """The later editions of *template*'s standard among *candidates*, newest first."""
    return sorted((c for c in candidates if is_newer(c, template)), key=edition_order,
                  reverse=True)


@dataclass(frozen=True)
class ItemChange:
    code: str
    old_title: str = ""
    new_title: str = ""


@dataclass(frozen=True)
class EditionChanges:
    """Items of *old* and *new* compared by code: which carry their answers over."""

    old_id: str
    new_id: str
    unchanged: tuple[str, ...]
    added: tuple[ItemChange, ...]
    removed: tuple[ItemChange, ...]
    changed: tuple[ItemChange, ...]  # the same code, reworded (or of another kind)

    @property
    def carried(self) -> frozenset[str]:
        """Codes whose answers carry over."""
        return frozenset(self.unchanged)

    def to_dict(self) -> dict:
        def items(changes: tuple[ItemChange, ...]) -> list[dict]:
            return [{"code": c.code, "old_title": c.old_title, "new_title": c.new_title}
                    for c in changes]
        return {"old": self.old_id, "new": self.new_id, "unchanged": list(self.unchanged),
                "added": items(self.added), "removed": items(self.removed),
                "changed": items(self.changed)}


def _same(a: Node, b: Node) -> bool:
    return (a.kind is b.kind and _words(a.title) == _words(b.title)
            and _words(a.text) == _words(b.text))


def _words(text: str) -> str:
    return re.sub(r"\s+", "", text)


def compare_editions(old: Template, new: Template) -> EditionChanges:
    """What changed between the items of *old* and *new* (codes in *new*'s order)."""
    before = {node.code: node for node in old.items()}
    after = {node.code: node for node in new.items()}
    unchanged, added, changed = [], [], []
    for code, node in after.items():
        previous = before.get(code)
        if previous is None:
            added.append(ItemChange(code, new_title=node.title))
        elif _same(previous, node):
            unchanged.append(code)
        else:
            changed.append(ItemChange(code, previous.title, node.title))
    removed = [ItemChange(code, node.title) for code, node in before.items() if code not in after]
    return EditionChanges(old.id, new.id, tuple(unchanged), tuple(added), tuple(removed),
                          tuple(changed))
