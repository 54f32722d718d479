-- What the office compares, ranks and chases is each inspection's latest shared revision: the
-- newest completed or signed one. A draft backed up to the hub (hub connect --backup-drafts)
-- becomes its inspection's current revision while the inspector reworks it (reopened after a
-- decision, say); the open findings keep coming from the revision last shared, as the ranking,
-- the trends and the tracker's evidence do (inspection/hub/office.py), until a newer one is
-- shared. Before this view read the current revision only: a backed-up draft took the park's
-- open findings off the tracker, and the findings it had carried from an earlier visit back on.
-- revision_id (new, last) names the shared revision the finding is read from.
CREATE OR REPLACE VIEW hub.open_findings WITH (security_barrier) AS
SELECT f.id, pp.park_id, i.park_proposal, i.id AS inspection_id, i.date AS inspection_date,
       i.report_number, f.template_id, f.item_code, f.severity, f.requirement, f.deadline,
       f.responsible, f.carried_from, f.created_at, s.id AS revision_id
FROM hub.inspections i
JOIN hub.park_proposals pp ON pp.id = i.park_proposal
JOIN LATERAL (SELECT r.id FROM hub.revisions r
              WHERE r.inspection_id = i.id AND r.status IN ('completed', 'signed')
              ORDER BY r.revision DESC, r.id DESC LIMIT 1) s ON true
JOIN hub.findings f ON f.revision_id = s.id AND f.status = 'open'
WHERE NOT EXISTS (
      SELECT 1 FROM hub.findings later
      JOIN hub.revisions lr ON lr.id = later.revision_id
      WHERE later.carried_from = f.id
        AND lr.id = (SELECT r.id FROM hub.revisions r
                     WHERE r.inspection_id = lr.inspection_id AND r.status IN ('completed', 'signed')
                     ORDER BY r.revision DESC, r.id DESC LIMIT 1));
