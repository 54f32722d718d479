"""The office's review as an inspector's data folder sees it (pulled by sync into ``hub_reviews``):
where each inspection stands with the hub for the list, the reviewer's comments on its items,
and reopening a returned inspection as a new revision to fix it.

Where an inspection stands (:class:`HubStanding`), for the inspections list:

- ``waiting``: its current state has not gone to the hub yet (待上传); one whose revision the
  hub refused for good (``hub_refusals``: another login's inspection, say) is left out;
- ``pushed``: the hub has it and no decision was taken on this revision (待审核);
- ``approved`` / ``returned``: the office's decision on the state this folder holds, by the
  content it pushed (hub_pushes) and the content the office reviewed: an approval of a
  completed revision is not the signed one's unless the hub carried it over (the same
  results; hub schema 0008) — else the signed one is 待审核 like any new content.

An approval holds for the results the office reviewed, not for the inspection whatever it
becomes: an approved inspection taken back to 检查中 (the same revision) is being edited
(``editing``) and waits to go again (``approval_pending``: once completed and uploaded, the hub
carries the approval over when the results are unchanged, else it is reviewed again); one the
hub has and did not carry the approval to is 待审核 because its results changed
(``approval_lapsed``).

A returned inspection is reopened as a new revision (signed or completed alike), fixed,
completed again and pushed by the next sync; the hub keeps the returned revision and the
decision, and the reviewer decides on the new one.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from checklists.errors import InvalidInput, messages
from inspection.model import Inspection, Status
from inspection.store.base import INSPECTION_SELECT, StoreBase, inspection_from_row

if TYPE_CHECKING:
    from collections.abc import Mapping

MESSAGES = messages({
    "review.not_returned": ("这次检查没有被中心退回，不需要为审核重新打开",
                            "This inspection was not returned by the office; there is nothing to reopen"),
})

STANDINGS = ("waiting", "pushed", "approved", "returned")


@dataclass(frozen=True)
class ReviewDecision:
    """One decision of the office on a revision of one of our inspections."""

    id: str
    inspection_id: str
    revision: int
    decision: str  # approved / returned
    comment: str
    item_comments: tuple[Mapping[str, str], ...]  # {"template_id", "item_code", "comment"}
    reviewer: str
    decided_at: str
    content_sha256: str | None = None  # the reviewed revision's content (None: pulled before m009)
    carried_from: str | None = None  # an approval the hub carried over to a revision with its results
    carried_from_revision: int | None = None  # the revision of the decision it carries (when pulled)

    @property
    def carried(self) -> bool:
        return self.carried_from is not None

    def comment_on(self, template_id: str, item_code: str) -> str:
        return "；".join(c["comment"] for c in self.item_comments
                        if c.get("template_id") == template_id and c.get("item_code") == item_code)


@dataclass(frozen=True)
class HubStanding:
    """Where one inspection stands with the hub (None of these for an inspection never shared)."""

    state: str  # one of STANDINGS
    decision: ReviewDecision | None = None  # the latest decision, of this or an earlier revision
    history: tuple[ReviewDecision, ...] = field(default_factory=tuple)
    editing: bool = False  # in progress here (reopened after it was shared): it goes when completed

    @property
    def returned_earlier(self) -> bool:
        """The latest decision returned an earlier revision (the inspector is fixing it)."""
        return self.decision is not None and self.decision.decision == "returned" \
            and self.state not in ("returned", "approved")

    @property
    def approval_lapsed(self) -> bool:
        """The latest decision approved other results than the ones the hub now has (changed
        before it was signed, say): the hub did not carry the approval over, and this state
        waits for a review of its own (待审核)."""
        return self.decision is not None and self.decision.decision == "approved" \
            and self.state == "pushed"

    @property
    def approval_pending(self) -> bool:
        """The latest decision approved an earlier state (results reviewed before this one was
        signed, reopened or edited) and this one has not gone to the hub yet: once uploaded, the
        approval carries over when the results are the approved ones, else it is reviewed again."""
        return self.decision is not None and self.decision.decision == "approved" \
            and self.state == "waiting"


def _decision(row: Mapping[str, Any]) -> ReviewDecision:
    comments = row["item_comments"]
    if isinstance(comments, str):
        comments = json.loads(comments)
    return ReviewDecision(id=row["id"], inspection_id=row["inspection_id"], revision=row["revision"],
                          decision=row["decision"], comment=row["comment"] or "",
                          item_comments=tuple(dict(c) for c in comments or ()),
                          reviewer=row["reviewer"], decided_at=row["decided_at"],
                          content_sha256=row.get("content_sha256"), carried_from=row.get("carried_from"),
                          carried_from_revision=row.get("carried_from_revision"))


@dataclass(frozen=True)
class SharedState:
    """The revision of an inspection that a park's trend counts (Store.shared_states_of_park)."""

    inspection: Inspection  # as it is now
    revision: int  # the revision counted
    status: Status  # its status then: completed or signed
    rows: dict[str, Any] | None = None  # its rows as sealed at signing, when not the current state
    kept_rows: bool = True  # False: a signed revision whose rows this folder did not keep

    @property
    def current(self) -> bool:
        return self.revision == self.inspection.revision


def _decided_on(decision: ReviewDecision, pushed: str | None) -> bool:
    """Whether *decision* is on the state this folder pushed with content *pushed* (None: not
    pushed): the office decided on that content. Signing a revision after its approval
    records other content under the same revision number; the hub carries the approval over
    when the results are the approved ones, and the next pull brings that decision down."""
    if pushed is None:
        return False
    return decision.content_sha256 is None or decision.content_sha256 == pushed


class ReviewsMixin(StoreBase):
    if TYPE_CHECKING:  # from the sibling mixins that Store combines with this one
        def inspection(self, inspection_id: str) -> Inspection: ...
        def reopen(self, inspection_id: str, *, reason: str = "") -> Inspection: ...
        def _carry_signatures(self, inspection_id: str, revision: int) -> list[dict]: ...

    def hub_standings(self, hub_id: str, *, park_id: int | None = None,
                      inspection_id: str | None = None) -> dict[str, HubStanding]:
        """Where every inspection shared with the hub *hub_id* stands (one statement; the
        inspections list reads it beside its page), or those of one park, or one. Drafts and
        inspections in progress that were never shared (completed or signed) nor decided on are
        left out, also when "backup to the hub" pushed them: the office does not review those."""
        if not hub_id:
            return {}
        rows = self._all("""
            SELECT i.id, i.revision, i.status,
                   (SELECT h.content_sha256 FROM hub_pushes h WHERE h.hub_id = :hub AND h.inspection_id = i.id
                    AND h.revision = i.revision AND h.status = i.status
                    AND h.local_updated_at = i.updated_at ORDER BY h.pushed_at DESC LIMIT 1) AS pushed,
                   EXISTS (SELECT 1 FROM hub_pushes h WHERE h.hub_id = :hub AND h.inspection_id = i.id
                           AND h.status IN ('completed', 'signed')) AS ever_shared,
                   EXISTS (SELECT 1 FROM hub_refusals x WHERE x.hub_id = :hub AND x.inspection_id = i.id
                           AND x.revision = i.revision AND x.status = i.status
                           AND x.local_updated_at = i.updated_at) AS refused,
                   r.id AS r_id, r.revision AS r_revision, r.decision AS r_decision,
                   r.comment AS r_comment, r.item_comments AS r_item_comments,
                   r.reviewer AS r_reviewer, r.decided_at AS r_decided_at,
                   r.content_sha256 AS r_content_sha256, r.carried_from AS r_carried_from,
                   (SELECT c.revision FROM hub_reviews c WHERE c.hub_id = :hub AND c.id = r.carried_from)
                       AS r_carried_from_revision
            FROM inspections i
            LEFT JOIN hub_reviews r ON r.rowid = (
                SELECT rowid FROM hub_reviews x WHERE x.hub_id = :hub AND x.inspection_id = i.id
                ORDER BY x.decided_at DESC, x.id DESC LIMIT 1)
            WHERE (i.status IN ('completed', 'signed') OR r.id IS NOT NULL
                   OR EXISTS (SELECT 1 FROM hub_pushes h WHERE h.hub_id = :hub AND h.inspection_id = i.id))
              AND (:park IS NULL OR i.park_id = :park) AND (:one IS NULL OR i.id = :one)
            """, {"hub": hub_id, "park": park_id, "one": inspection_id})
        standings = {}
        for row in rows:
            decision = None if row["r_id"] is None else _decision(
                {"id": row["r_id"], "inspection_id": row["id"], "revision": row["r_revision"],
                 "decision": row["r_decision"], "comment": row["r_comment"],
                 "item_comments": row["r_item_comments"], "reviewer": row["r_reviewer"],
                 "decided_at": row["r_decided_at"], "content_sha256": row["r_content_sha256"],
                 "carried_from": row["r_carried_from"],
                 "carried_from_revision": row["r_carried_from_revision"]})
            shared = row["status"] in ("completed", "signed")
            if decision is not None and decision.revision == row["revision"] and (
                    _decided_on(decision, row["pushed"]) if shared else decision.decision == "returned"):
                state = decision.decision  # (a returned revision taken back to 检查中 is being fixed)
            elif shared and not row["pushed"] and row["refused"]:
                continue  # the hub will not take this state (another login's, say): nothing waits
            elif shared and not row["pushed"]:
                state = "waiting"
            elif shared:
                state = "pushed"
            elif decision is not None or row["ever_shared"]:
                # reopened after a decision (or a push): it goes again when done; an approval
                # holds for the results reviewed, not for these while they are edited
                state = "waiting"
            else:
                continue  # a draft, backed up to the hub or not: nothing for the office yet
            standings[row["id"]] = HubStanding(state, decision, editing=not shared)
        return standings

    def review_decisions(self, inspection_id: str) -> list[ReviewDecision]:
        """The office's decisions on an inspection, oldest first (every revision)."""
        rows = self._all("SELECT r.*, (SELECT c.revision FROM hub_reviews c WHERE c.hub_id = r.hub_id"
                         " AND c.id = r.carried_from) AS carried_from_revision FROM hub_reviews r"
                         " WHERE r.inspection_id = ? ORDER BY r.decided_at, r.id", [inspection_id])
        return [_decision(r) for r in rows]

    def latest_decision(self, inspection_id: str) -> ReviewDecision | None:
        decisions = self.review_decisions(inspection_id)
        return decisions[-1] if decisions else None

    def shared_inspections_of_park(self, park_id: int) -> list[Inspection]:
        """A park's completed and signed inspections, oldest visit first (its trend)."""
        return [inspection_from_row(r) for r in self._all(
            INSPECTION_SELECT + " WHERE i.park_id = ? AND i.status IN ('completed', 'signed')"
            " ORDER BY i.date, i.created_at", [park_id])]

    def shared_states_of_park(self, park_id: int) -> list[SharedState]:
        """A park's visits for its trend, oldest first: each inspection's latest completed or
        signed revision, as the hub counts them. A completed or signed inspection is counted as
        it is; one reopened after a signed revision (a newer revision in progress) is counted as
        that signed revision, from the rows sealed when it was signed (``revisions``), or —
        when this folder did not keep them — is listed with ``kept_rows`` False so that the
        trend can say why it is left out."""
        rows = self._all(INSPECTION_SELECT.replace("SELECT i.*,", """SELECT i.*,
                   (SELECT max(r.revision) FROM reports r WHERE r.inspection_id = i.id
                    AND r.revision < i.revision) AS signed_revision,""", 1)
                         + " WHERE i.park_id = ? ORDER BY i.date, i.created_at", [park_id])
        states = []
        for row in rows:
            inspection = inspection_from_row(row)
            if inspection.status in (Status.COMPLETED, Status.SIGNED):
                states.append(SharedState(inspection, inspection.revision, inspection.status))
                continue
            if row["signed_revision"] is None:
                continue  # never shared as completed or signed here: not a visit yet
            revision = int(row["signed_revision"])
            sealed = self.db.execute("SELECT rows FROM revisions WHERE inspection_id = ? AND revision = ?"
                                     " AND kind = 'sealed'", [inspection.id, revision]).fetchone()
            states.append(SharedState(inspection, revision, Status.SIGNED,
                                      rows=json.loads(sealed[0]) if sealed is not None else None,
                                      kept_rows=sealed is not None))
        return states

    def carried_findings(self, inspection_id: str) -> set[int]:
        """The findings of an inspection that continue one of an earlier visit (here, or another
        inspector's that a revisit carried from the hub)."""
        return {row[0] for row in self.db.execute(
            "SELECT id FROM findings WHERE inspection_id = ? AND (carried_from IS NOT NULL"
            " OR carried_from_uid IS NOT NULL)", [inspection_id]).fetchall()}

    def reopen_returned(self, inspection_id: str) -> Inspection:
        """Reopen an inspection the office returned as a new revision, to fix what it said.

        A signed one is reopened as any signed inspection is (its report stays); a completed one
        goes back to 检查中 with the next revision number, so that the hub keeps the returned
        revision beside the fixed one. Reopening twice does nothing more.
        """
        current = self.inspection(inspection_id)
        decision = self.latest_decision(inspection_id)
        if decision is None or decision.decision != "returned":
            raise InvalidInput("review.not_returned")
        if decision.revision != current.revision:
            return current  # reopened already: the fix is under way
        reason = f"审核退回：{decision.comment}" if decision.comment else "审核退回"
        if current.status is Status.SIGNED:
            return self.reopen(inspection_id, reason=reason)
        with self._edit("reopen", entity="inspection", entity_id=inspection_id,
                        inspection_id=inspection_id, check_lock=False,
                        detail={"from_revision": current.revision, "to_revision": current.revision + 1,
                                "reason": reason, "review": decision.id}) as edit:
            self.db.execute("UPDATE inspections SET status = 'in_progress', revision = revision + 1"
                            " WHERE id = ?", [inspection_id])
            edit.detail["carried_signatures"] = self._carry_signatures(inspection_id,
                                                                       current.revision)
        return self.inspection(inspection_id)
