-- 整改前后对照 for a revisit of another inspector's visit: the "before" photo.
--
-- A revisit carries the hub's open findings of a park (inspection/store/hub_state.py); the
-- earlier visit may be another inspector's, whose rows and photos this laptop never had, and an
-- inspector reads only the blobs they hold. The report's before/after pairs then had no
-- "before". Now an inspector may read, for a finding they may continue, the report-size copies
-- of the photos of its item at the visit that recorded it:
--
-- * the finding is open on the hub (hub.open_findings: every inspector reads those of every
--   park), or the caller has pushed a revision with a finding carried from it (the revisit went
--   to the hub before its photos were fetched: it is no longer open then);
-- * the photos are those of the finding's item in the newest completed or signed revision that
--   holds the finding (the visit as shared), and only their report-size copies — no other
--   member of that revision.
--
-- hub.earlier_photos(finding ids) lists them; hub.earlier_photo_chunks(sha256) reads one copy's
-- bytes when it is such a copy of a finding the caller may continue.

CREATE FUNCTION hub.earlier_photos_allowed(p_finding uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
SELECT EXISTS (SELECT 1 FROM hub.open_findings o WHERE o.id = p_finding)
    OR EXISTS (SELECT 1 FROM hub.findings f WHERE f.carried_from = p_finding AND f.owner = session_user)
$$;
REVOKE ALL ON FUNCTION hub.earlier_photos_allowed(uuid) FROM PUBLIC;

CREATE FUNCTION hub.earlier_photos(p_findings uuid[])
    RETURNS TABLE (finding_id uuid, inspection_id uuid, inspection_date date, photo_id uuid,
                   template_id text, item_code text, caption text, taken_at timestamptz,
                   width integer, height integer, report_sha256 text, report_size bigint)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
-- One row per photo, or one row without a photo (photo_id NULL) for a finding whose item has
-- none; nothing for a finding the caller may not continue (or the hub does not know).
SELECT f.id, r.inspection_id, i.date, p.id, f.template_id, f.item_code, p.caption, p.taken_at,
       p.width, p.height, p.report_sha256, b.size
FROM (SELECT DISTINCT x.id FROM unnest(p_findings[1:200]) AS x(id)) AS wanted
JOIN LATERAL (SELECT f.id, f.revision_id, f.template_id, f.item_code
              FROM hub.findings f JOIN hub.revisions v ON v.id = f.revision_id
              WHERE f.id = wanted.id AND v.status IN ('completed', 'signed')
              ORDER BY v.revision DESC, v.id DESC LIMIT 1) f ON true
JOIN hub.revisions r ON r.id = f.revision_id
JOIN hub.inspections i ON i.id = r.inspection_id
LEFT JOIN hub.photos p ON p.revision_id = f.revision_id AND p.template_id = f.template_id
                      AND p.item_code = f.item_code AND p.report_sha256 IS NOT NULL
LEFT JOIN hub.blobs b ON b.sha256 = p.report_sha256
WHERE hub.earlier_photos_allowed(wanted.id)
ORDER BY f.id, p.taken_at NULLS LAST, p.id
$$;
REVOKE ALL ON FUNCTION hub.earlier_photos(uuid[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hub.earlier_photos(uuid[]) TO pi_inspector;

CREATE FUNCTION hub.earlier_photo_chunks(p_finding uuid, p_sha256 text)
    RETURNS TABLE (seq integer, data bytea)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
SELECT c.seq, c.data FROM hub.blob_chunks c
WHERE c.sha256 = p_sha256
  AND EXISTS (SELECT 1 FROM hub.earlier_photos(ARRAY[p_finding]) e WHERE e.report_sha256 = p_sha256
              AND e.report_size <= 33554432)
ORDER BY c.seq
$$;
REVOKE ALL ON FUNCTION hub.earlier_photo_chunks(uuid, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hub.earlier_photo_chunks(uuid, text) TO pi_inspector;
