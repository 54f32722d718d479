"""The inspections list, fast at thousands: pages of inspections with the figures kept for
them, the figures written back once worked out, and a search through notes and findings.

Reading a page is one statement whatever its size: the inspections, their park and templates,
and the figures kept for them (``inspection_figures``), which count only while their
``updated_at`` is the inspection's (an edit moves it on, so changed figures go stale at once).
"""
from __future__ import annotations

import json
from collections.abc import Mapping

from checklists.library import all_templates
from inspection.figures import Figures, figures_from_row, figures_to_row
from inspection.model import Inspection
from inspection.store.base import INSPECTION_SELECT, StoreBase, inspection_from_row

FIGURE_COLUMNS = ("failed", "answered", "total", "percent", "stars", "rates_stars",
                  "open_findings", "stars_problem")
LIST_SELECT = INSPECTION_SELECT.replace(
    "FROM inspections i",
    ", f.updated_at AS f_updated_at, "
    + ", ".join(f"f.{c} AS f_{c}" for c in FIGURE_COLUMNS)
    + "\n    FROM inspections i", 1).replace(
    "JOIN parks p ON p.id = i.park_id",
    "JOIN parks p ON p.id = i.park_id"
    " LEFT JOIN inspection_figures f ON f.inspection_id = i.id", 1)
LIST_ORDER = " ORDER BY i.date DESC, i.created_at DESC, i.id DESC"  # id: pages never overlap


def like_pattern(text: str) -> str:
    """*text* for ``LIKE … ESCAPE '\\'``: % and _ match themselves, not any characters."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _listed(row: dict) -> tuple[Inspection, Figures | None]:
    inspection = inspection_from_row(row)
    if row["f_updated_at"] is None or row["f_updated_at"] != inspection.updated_at:
        return inspection, None  # never worked out, or the inspection changed since
    figures = figures_from_row({"updated_at": row["f_updated_at"],
                                **{c: row[f"f_{c}"] for c in FIGURE_COLUMNS}})
    return inspection, figures


class ListingMixin(StoreBase):
    def inspection_count(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM inspections").fetchone()[0]

    def listed_inspections(self, *, offset: int = 0, limit: int | None = None
                           ) -> list[tuple[Inspection, Figures | None]]:
        """Inspections newest visit first, each with its kept figures (None when stale or
        missing): one statement for the whole page."""
        sql = LIST_SELECT + LIST_ORDER
        params: list[int] = []
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params = [limit, offset]
        return [_listed(row) for row in self._all(sql, params)]

    def save_figures(self, figures: Mapping[str, Figures]) -> int:
        """Keep worked-out figures (derived data: no audit row). Figures of an inspection
        deleted meanwhile are dropped. Returns how many were kept."""
        rows = [figures_to_row(inspection_id, f) for inspection_id, f in figures.items()]
        if not rows or self.read_only:  # derived: a folder that cannot be written goes without
            return 0
        columns = list(rows[0])
        with self._transaction():
            existing = {r[0] for r in self.db.execute(
                "SELECT id FROM inspections WHERE id IN (SELECT value FROM json_each(?))",
                [_json_list(figures)]).fetchall()}
            kept = [r for r in rows if r["inspection_id"] in existing]
            self.db.conn.executemany(
                f"INSERT OR REPLACE INTO inspection_figures ({', '.join(columns)})"
                f" VALUES ({', '.join(':' + c for c in columns)})", kept)
        return len(kept)

    def search_records(self, text: str, *, limit: int = 5000) -> dict[str, str]:
        """Inspections whose records mention *text* (literally, ignoring case for Latin
        letters): a note, a finding, or an item whose title or wording holds it and that was
        found wanting there (不符合, 基本符合, 滞后) or has a note. Returns inspection id →
        where it was found: ("note" | "finding" | "item") + ":" + the item code."""
        text = text.strip()
        if not text:
            return {}
        pattern = like_pattern(text)
        found: dict[str, str] = {}
        rows = self.db.execute(
            "SELECT inspection_id, 'note', item_code FROM answers"
            " WHERE note LIKE :p ESCAPE '\\'"
            " UNION ALL SELECT inspection_id, 'finding', item_code FROM findings"
            " WHERE requirement LIKE :p ESCAPE '\\' OR closing_note LIKE :p ESCAPE '\\'"
            " LIMIT :limit", {"p": pattern, "limit": limit}).fetchall()
        items = _items_mentioning(text)
        if items:
            rows += self.db.execute(
                "SELECT a.inspection_id, 'item', a.item_code FROM answers a"
                " JOIN json_each(:items) j ON a.template_id = json_extract(j.value, '$[0]')"
                " AND a.item_code = json_extract(j.value, '$[1]')"
                " WHERE a.result IN ('fail', 'partial', 'delayed') OR a.note != ''"
                " LIMIT :limit", {"items": json.dumps(items), "limit": limit}).fetchall()
        for inspection_id, kind, code in rows:
            found.setdefault(inspection_id, f"{kind}:{code}")
        return found


def _items_mentioning(text: str) -> list[tuple[str, str]]:
    """(template id, code) of every item whose title or wording holds *text*."""
    folded = text.casefold()
    return [(template.id, node.code) for template in all_templates().values()
            for node in template.item_nodes
            if folded in node.title.casefold() or folded in node.text.casefold()]


def _json_list(values: Mapping[str, object]) -> str:
    return json.dumps(list(values))
