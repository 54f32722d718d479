"""Review on the hub (审核): a reviewer records 通过 or 退回 on an inspection's current revision,
with a comment overall and per item; the inspector's next sync brings the decision down.

PostgreSQL decides who may: only ``pi_reviewer`` may insert into ``hub.reviews``, and the
database itself fills in who reviewed and whose inspection it is (``hub.review_fill``). A
decision is kept for good, never changed; the history of decisions and revisions is the rows
of ``hub.reviews`` and ``hub.revisions``.
"""
from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg.types.json import Jsonb

from checklists.errors import InvalidInput, messages
from checklists.model import Template
from inspection.hub.connection import HubSession
from inspection.hub.errors import HubRefused, sql_error

log = logging.getLogger(__name__)

MESSAGES = messages({
    "review.no_inspection": ("中心没有编号以“{id}”开头的检查", "The hub has no inspection whose id starts with “{id}”"),
    "review.several": ("中心有多个编号以“{id}”开头的检查，请写完整：{ids}",
                       "Several inspections on the hub have ids starting with “{id}”; give more of it: {ids}"),
    "review.bad_decision": ("审核结论应为 approve（通过）或 return（退回），收到“{decision}”",
                            "The decision must be approve or return, not “{decision}”"),
    "review.not_ready": ("这次检查在中心的状态是“{status}”，只有已完成或已签署的检查可以审核",
                         "This inspection is “{status}” on the hub; only completed or signed inspections"
                         " can be reviewed"),
    "review.needs_comment": ("退回时请写明原因：总体意见或至少一个条目的意见",
                             "Returning needs a reason: an overall comment or a comment on at least one item"),
    "review.no_item": ("这次检查的模板中没有条目“{code}”", "The inspection's templates have no item “{code}”"),
    "review.ambiguous_item": ("条目“{code}”在多个模板中都有，请写成 模板:条目，例如 {examples}",
                              "The item “{code}” is in several templates; write TEMPLATE:ITEM, e.g. {examples}"),
    "review.item_without_comment": ("条目 {code} 没有意见（--item 之后要跟 --comment）",
                                    "The item {code} has no comment (--item must be followed by --comment)"),
    "review.stale": ("审核期间中心收到了这次检查的新版本（第 {revision} 版）：请重新打开后再审核",
                     "A newer revision (revision {revision}) of this inspection reached the hub while you"
                     " reviewed it: open it again and review that one"),
})

DECISIONS = {"approve": "approved", "approved": "approved", "通过": "approved",
             "return": "returned", "returned": "returned", "退回": "returned"}
DECISION_LABELS = {"approved": "通过", "returned": "退回"}
REVIEWABLE = ("completed", "signed")


@dataclass(frozen=True)
class ItemComment:
    """A reviewer's comment on one item of the inspection (template id and item code)."""

    template_id: str
    item_code: str
    comment: str

    def to_dict(self) -> dict[str, str]:
        return {"template_id": self.template_id, "item_code": self.item_code, "comment": self.comment}


def _rows(session: HubSession, sql: str, params: Sequence[Any] | dict[str, Any] | None = None,
          *, what: str = "review") -> list[dict[str, Any]]:
    try:
        cursor = session.conn.execute(sql, params)
        names = [c.name for c in cursor.description or []]
        rows = [dict(zip(names, row)) for row in cursor.fetchall()]
        session.conn.commit()
    except psycopg.Error as exc:
        session.conn.rollback()
        raise sql_error(exc, what=what) from None
    return rows


def find_inspection(session: HubSession, id_or_prefix: str) -> dict[str, Any]:
    """The hub's inspection whose id is *id_or_prefix* or starts with it (as the lists print
    the first eight characters): its owner, current revision, status and templates."""
    text = id_or_prefix.strip().lower()
    if not text:
        raise InvalidInput("review.no_inspection", id=id_or_prefix)
    rows = _rows(session, """
        SELECT i.id::text AS id, i.owner, i.current_revision, i.revision, i.status, i.date,
               i.template_ids, i.report_number, coalesce(p.name, pp.name) AS park
        FROM hub.inspections i
        JOIN hub.park_proposals pp ON pp.id = i.park_proposal
        LEFT JOIN hub.parks p ON p.id = pp.park_id
        WHERE i.id::text LIKE %s ORDER BY i.id LIMIT 6""", [text.replace("%", "").replace("_", "") + "%"])
    exact = [r for r in rows if r["id"] == text]
    if exact:
        return exact[0]
    if not rows:
        raise InvalidInput("review.no_inspection", id=id_or_prefix)
    if len(rows) > 1:
        raise InvalidInput("review.several", id=id_or_prefix, ids="、".join(r["id"][:13] for r in rows))
    return rows[0]


def hub_template(session: HubSession, template_id: str) -> Template:
    """A template by id: one this program knows (built-in or imported here), else the hub's copy."""
    from checklists.library import UnknownTemplate, get_template

    try:
        return get_template(template_id)
    except UnknownTemplate:
        rows = _rows(session, "SELECT body FROM hub.templates WHERE id = %s ORDER BY imported_at DESC"
                              " LIMIT 1", [template_id])
        if not rows:
            raise
        from checklists.exchange.data import template_from_data

        return template_from_data(rows[0]["body"])


def resolve_item(templates: Sequence[Template], code: str) -> tuple[str, str]:
    """(template id, item code) of *code* — ``CODE`` or ``TEMPLATE:CODE`` — among *templates*."""
    code = code.strip()
    wanted_template = None
    if ":" in code:
        head, _, tail = code.partition(":")
        if any(t.id == head for t in templates):
            wanted_template, code = head, tail.strip()
    found = [(t.id, code) for t in templates
             if (wanted_template is None or t.id == wanted_template) and t.has(code)
             and t.find(code).is_item]
    if not found:
        raise InvalidInput("review.no_item", code=code)
    if len(found) > 1:
        raise InvalidInput("review.ambiguous_item", code=code,
                           examples="、".join(f"{t}:{c}" for t, c in found))
    return found[0]


def item_comments(templates: Sequence[Template], pairs: Sequence[tuple[str, str]]) -> list[ItemComment]:
    """The reviewer's (code, comment) pairs resolved to items; comments on one item are joined."""
    merged: dict[tuple[str, str], list[str]] = {}
    for code, comment in pairs:
        key = resolve_item(templates, code)
        if not comment.strip():
            raise InvalidInput("review.item_without_comment", code=code)
        merged.setdefault(key, []).append(comment.strip())
    return [ItemComment(t, c, "；".join(texts)) for (t, c), texts in merged.items()]


def decision_of(text: str) -> str:
    decision = DECISIONS.get(text.strip().lower()) or DECISIONS.get(text.strip())
    if decision is None:
        raise InvalidInput("review.bad_decision", decision=text)
    return decision


def record_review(session: HubSession, inspection_id: str, decision: str, *, comment: str = "",
                  items: Sequence[tuple[str, str]] = (), revision_id: int | None = None
                  ) -> dict[str, Any]:
    """Record 通过 (``approve``) or 退回 (``return``) on the inspection's current revision.

    *items* are (item code, comment) pairs (``CODE`` or ``TEMPLATE:CODE``). *revision_id* is
    the stored revision the reviewer looked at (the window passes it): when the hub has a newer
    one by now, the decision is refused rather than recorded for what nobody read. Only a
    reviewer may record; the database refuses anyone else.
    """
    decided = decision_of(decision)
    head = find_inspection(session, inspection_id)
    if head["status"] not in REVIEWABLE:
        raise InvalidInput("review.not_ready", status=status_label(head["status"]))
    templates = [hub_template(session, t) for t in head["template_ids"]]
    comments = item_comments(templates, items)
    if decided == "returned" and not comment.strip() and not comments:
        raise InvalidInput("review.needs_comment")
    conn = session.conn
    try:
        with conn.transaction():
            # The decision names the revision read here: a push a moment later does not move it.
            current = conn.execute("SELECT current_revision, revision FROM hub.inspections WHERE id = %s",
                                   [head["id"]]).fetchone()
            if current is None:
                raise HubRefused("hub.no_inspection", id=head["id"])
            if revision_id is not None and int(current[0]) != revision_id:
                raise InvalidInput("review.stale", revision=current[1])
            row = conn.execute(
                "INSERT INTO hub.reviews (inspection_id, revision_id, decision, comment, item_comments)"
                " VALUES (%s, %s, %s, %s, %s) RETURNING id::text, reviewer, decided_at, inspection_owner",
                [head["id"], current[0], decided, comment.strip(),
                 Jsonb([c.to_dict() for c in comments])]).fetchone()
    except psycopg.Error as exc:
        raise sql_error(exc, what="hub review") from None
    assert row is not None
    log.info("review of %s r%s: %s by %s", head["id"], head["revision"], decided, row[1])
    return {"id": row[0], "inspection_id": head["id"], "park": head["park"], "date": head["date"].isoformat(),
            "revision": head["revision"], "decision": decided, "comment": comment.strip(),
            "item_comments": [c.to_dict() for c in comments], "reviewer": row[1],
            "decided_at": row[2].isoformat(), "owner": row[3]}


def review_history(session: HubSession, inspection_id: str) -> dict[str, Any]:
    """Every revision the hub holds of an inspection and every decision on it, oldest first;
    an approval the hub carried over to a revision with the approved results (hub schema 0008)
    names the decision it carries (``carried_from``, its revision and status)."""
    head = find_inspection(session, inspection_id)
    revisions = _rows(session, """
        SELECT id AS revision_id, revision, status, pushed_by, pushed_at, answer_count AS answers,
               photo_count AS photos, finding_count AS findings, bundle_signed,
               id = (SELECT current_revision FROM hub.inspections WHERE id = %(id)s) AS current
        FROM hub.revisions WHERE inspection_id = %(id)s ORDER BY pushed_at, id""", {"id": head["id"]})
    reviews = _rows(session, """
        SELECT r.id::text, r.revision_id, v.revision, v.status, r.decision, r.comment, r.item_comments,
               r.reviewer, r.decided_at, r.carried_from::text,
               o.revision AS carried_from_revision, o.status AS carried_from_status
        FROM hub.reviews r JOIN hub.revisions v ON v.id = r.revision_id
        LEFT JOIN hub.reviews c ON c.id = r.carried_from
        LEFT JOIN hub.revisions o ON o.id = c.revision_id
        WHERE r.inspection_id = %s ORDER BY r.decided_at, r.id""", [head["id"]])
    # Which revisions were signed: a signed report travels with every later revision, so a
    # revision signed and reopened before it was ever pushed is known by its report alone.
    signed = _rows(session, """
        SELECT DISTINCT ON (p.revision, p.sha256) p.revision, p.sha256, p.signer, p.created_at AS signed_at,
               EXISTS (SELECT 1 FROM hub.revisions s WHERE s.inspection_id = %(id)s
                       AND s.revision = p.revision AND s.status = 'signed') AS pushed
        FROM hub.reports p JOIN hub.revisions v ON v.id = p.revision_id
        WHERE v.inspection_id = %(id)s ORDER BY p.revision, p.sha256, p.created_at""", {"id": head["id"]})
    return {"inspection": _plain(head), "revisions": [_plain(r) for r in revisions],
            "reviews": [_plain(r) for r in reviews], "signed": [_plain(r) for r in signed]}


def status_label(status: str) -> str:
    return {"draft": "草稿", "in_progress": "检查中", "completed": "已完成", "signed": "已签署"}.get(status, status)


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in row.items()}
