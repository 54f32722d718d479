"""Checklist templates in the data folder: imported ones, retired ones, editions.

Built-in templates ship with the program; the ones an office imports (Excel, Word) or receives
(in a bundle, from the hub) are kept in the ``templates`` table as checked data, named by
their content (``checklists.exchange.imported_id``). Opening the store registers them with
:mod:`checklists.library`, so ``get_template`` finds them everywhere. A retired template is
not offered for new inspections; the inspections that use it keep it.

For the bundle and hub code: :meth:`TemplatesMixin.template_data` gives a template as data
(JSON-ready) and :meth:`TemplatesMixin.install_template_data` installs one, idempotently.
"""
from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from checklists.editions import edition_label, newer_editions, standard_key
from checklists.errors import UserError, messages
from checklists.exchange import (
    content_hash,
    imported_id,
    is_builtin_id,
    template_from_data,
    template_to_data,
)
from checklists.library import builtin_templates, get_template, register_templates
from checklists.model import Template
from inspection.store.base import StoreBase, dumps, now_iso

MESSAGES = messages({
    "template.same_as_builtin": (
        "“{title}”与内置模板 {id} 内容相同，无需导入",
        "\"{title}\" is the same as the built-in template {id}; there is nothing to import"),
    "template.edition_taken": (
        "已有同一文件编号和版本的模板 {id}（{title}，版本 {edition}）；如为新版本，请在“版本”中"
        "填写新的年份；如要替换，请先停用 {id}",
        "Template {id} ({title}, edition {edition}) has the same document number and edition; for"
        " a new edition give its year as the edition; to replace it, retire {id} first"),
    "template.retired": ("模板 {id}（{title}）已停用，不能用于新的检查",
                         "Template {id} ({title}) is retired and cannot be used for new"
                         " inspections"),
    "template.builtin_data": (
        "内置模板 {id} 的数据与本程序的不同（可能来自其他版本的程序），不能安装",
        "The data of the built-in template {id} differs from this program's (perhaps from"
        " another version of the program) and cannot be installed"),
    "template.not_stored": ("模板 {id} 不在此数据文件夹中", "Template {id} is not in this data"
                            " folder"),
})


log = logging.getLogger(__name__)


class TemplateRefused(UserError):
    """A template cannot be imported or installed (a duplicate edition, a built-in's copy …)."""


@dataclass(frozen=True)
class TemplateRecord:
    """A template as this data folder holds it: built in or imported, offered or retired."""

    template: Template
    builtin: bool
    retired_at: str | None = None
    retired_reason: str = ""
    imported_at: str = ""
    imported_by: str = ""
    source_file: str = ""

    @property
    def id(self) -> str:
        return self.template.id

    @property
    def retired(self) -> bool:
        return self.retired_at is not None

    @property
    def edition(self) -> str:
        return edition_label(self.template)


@dataclass(frozen=True)
class Installed:
    """The outcome of an import or install: the template's id, and whether it was new."""

    id: str
    installed: bool
    template: Template


class TemplatesMixin(StoreBase):
    def load_templates(self) -> list[Template]:
        """Register this folder's imported templates with the library; returns them.

        A stored template whose data no longer matches its hash is left out and logged: the
        folder still opens (for backup, check-db, every other inspection), and whatever uses
        that template says it does not know it rather than show altered wording."""
        templates = []
        for row in self._all("SELECT id, data FROM templates ORDER BY id"):
            try:
                templates.append(_stored(row))
            except (UserError, ValueError) as exc:
                log.error("stored template %s is damaged and was not loaded: %s", row["id"], exc)
        register_templates(templates)
        return templates

    def template_records(self, *, include_retired: bool = True) -> list[TemplateRecord]:
        """Built-ins, then imported templates (by title and edition), with their status."""
        retired = {r["template_id"]: r for r in self._all("SELECT * FROM retired_templates")}
        rows = self._all("SELECT * FROM templates")
        imported = self.load_templates()  # another process may have imported one meanwhile
        records = [TemplateRecord(t, True) for t in builtin_templates().values()]
        details = {row["id"]: row for row in rows}
        for template in sorted(imported, key=lambda t: (t.title, edition_label(t), t.id)):
            row = details[template.id]
            records.append(TemplateRecord(template, False, imported_at=row["imported_at"],
                                          imported_by=row["imported_by"],
                                          source_file=row["source_file"]))
        records = [_with_status(r, retired.get(r.id)) for r in records]
        return [r for r in records if include_retired or not r.retired]

    def offered_templates(self) -> list[Template]:
        """The templates a new inspection may use (not retired)."""
        return [r.template for r in self.template_records(include_retired=False)]

    def is_retired(self, template_id: str) -> bool:
        return self._one("SELECT 1 AS x FROM retired_templates WHERE template_id = ?",
                         [template_id]) is not None

    def require_offered(self, template_id: str) -> Template:
        """The template for a new inspection; refuses an unknown or retired one."""
        template = get_template(template_id)
        if self.is_retired(template_id):
            raise TemplateRefused("template.retired", id=template_id, title=template.title)
        return template

    # --- importing and installing --------------------------------------------------------

    def import_template(self, template: Template) -> Installed:
        """Store a template read from a file (``read_template_file(...).require()``).

        The same content again is a no-op. Refused: a copy of a built-in, and a template with
        the document number and edition of another that is not retired (a new edition needs
        its own year; a replacement needs the old one retired first).
        """
        template = _named_by_content(template)
        existing = self._one("SELECT id FROM templates WHERE sha256 = ?", [content_hash(template)])
        if existing is not None:
            return Installed(existing["id"], False, get_template(existing["id"]))
        for builtin in builtin_templates().values():
            if content_hash(builtin) == content_hash(template):
                raise TemplateRefused("template.same_as_builtin", title=template.title,
                                      id=builtin.id)
        self._refuse_taken_edition(template)
        return self._store_template(template, action="import_template")

    def install_template_data(self, data: Mapping[str, Any]) -> Installed:
        """Install a template carried as data (a bundle, the hub), checked by its hash; a bare
        ``Template.to_dict()`` is accepted too (an imported id must be its content's).

        Idempotent: a template already here (or a built-in with the same content) is left as
        it is. Unlike :meth:`import_template` this accepts an edition that duplicates another:
        the inspection that comes with it was made with exactly this template.
        """
        if isinstance(data, Mapping) and "format" not in data and "nodes" in data:
            # A bare template (Template.to_dict); its id still has to be its content's.
            # When it cannot be read, template_from_data below says what is wrong with it.
            with contextlib.suppress(KeyError, TypeError, ValueError, AttributeError):
                data = template_to_data(Template.from_dict(data))
        template = template_from_data(data)
        if is_builtin_id(template.id):
            builtin = builtin_templates().get(template.id)
            if builtin is None or content_hash(builtin) != content_hash(template):
                raise TemplateRefused("template.builtin_data", id=template.id)
            return Installed(template.id, False, builtin)
        if self._one("SELECT 1 AS x FROM templates WHERE id = ?", [template.id]) is not None:
            return Installed(template.id, False, get_template(template.id))
        return self._store_template(template, action="install_template")

    def template_data(self, template_id: str) -> dict[str, Any]:
        """The template as JSON-ready data (``format``, ``id``, ``sha256``, ``template``) for a
        bundle or the hub; :meth:`install_template_data` takes it back."""
        return template_to_data(get_template(template_id))

    def imported_template_ids(self) -> list[str]:
        return [r["id"] for r in self._all("SELECT id FROM templates ORDER BY id")]

    def _store_template(self, template: Template, *, action: str) -> Installed:
        data = template_to_data(template)
        with self._edit(action, entity="template", entity_id=template.id,
                        detail={"title": template.title, "sha256": data["sha256"],
                                "document_number": template.document_number,
                                "edition": template.edition,
                                "source": template.source.file}):
            self.db.execute(
                "INSERT INTO templates (id, sha256, data, title, document_number, edition,"
                " source_file, imported_at, imported_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [template.id, data["sha256"], dumps(data), template.title,
                 template.document_number, template.edition, template.source.file, now_iso(),
                 self.actor])
        register_templates([template])
        return Installed(template.id, True, template)

    def _refuse_taken_edition(self, template: Template) -> None:
        key, edition = standard_key(template), edition_label(template)
        for record in self.template_records(include_retired=False):
            other = record.template
            if standard_key(other) == key and edition_label(other) == edition:
                raise TemplateRefused("template.edition_taken", id=other.id, title=other.title,
                                      edition=edition or "—")

    # --- retiring ----------------------------------------------------------------------------

    def retire_template(self, template_id: str, *, reason: str = "") -> TemplateRecord:
        """Stop offering a template for new inspections; those that use it keep it."""
        template = get_template(template_id)
        if not self.is_retired(template_id):
            with self._edit("retire_template", entity="template", entity_id=template_id,
                            detail={"title": template.title, "reason": reason}):
                self.db.execute("INSERT INTO retired_templates (template_id, retired_at, reason)"
                                " VALUES (?, ?, ?)", [template_id, now_iso(), reason.strip()])
        return self._record(template_id)

    def restore_template(self, template_id: str) -> TemplateRecord:
        """Offer a retired template for new inspections again."""
        template = get_template(template_id)
        if self.is_retired(template_id):
            with self._edit("restore_template", entity="template", entity_id=template_id,
                            detail={"title": template.title}):
                self.db.execute("DELETE FROM retired_templates WHERE template_id = ?",
                                [template_id])
        return self._record(template_id)

    def _record(self, template_id: str) -> TemplateRecord:
        return next(r for r in self.template_records() if r.id == template_id)

    # --- editions ----------------------------------------------------------------------------

    def newer_editions(self, template_id: str) -> list[Template]:
        """Later editions of the template's standard that new inspections may use, newest
        first."""
        return newer_editions(get_template(template_id), self.offered_templates())

    def templates_in_use(self, template_ids: Sequence[str]) -> dict[str, int]:
        """How many inspections use each of *template_ids*."""
        counts = dict.fromkeys(template_ids, 0)
        for row in self._all("SELECT template_id, COUNT(*) AS n FROM inspection_templates"
                             " GROUP BY template_id"):
            if row["template_id"] in counts:
                counts[row["template_id"]] = row["n"]
        return counts


def _stored(row: Mapping[str, Any]) -> Template:
    return template_from_data(json.loads(row["data"]))


def _with_status(record: TemplateRecord, retired: Mapping[str, Any] | None) -> TemplateRecord:
    if retired is None:
        return record
    return TemplateRecord(record.template, record.builtin, retired["retired_at"],
                          retired["reason"], record.imported_at, record.imported_by,
                          record.source_file)


def _named_by_content(template: Template) -> Template:
    """*template* under the id its content gives (a read template already has it)."""
    expected = imported_id(template)
    if template.id == expected:
        return template
    return Template.from_dict({**template.to_dict(), "id": expected})
