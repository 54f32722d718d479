-- An approval carries over to a newer revision whose results are the ones approved.
--
-- The case: the office approves (通过) a completed, unsigned revision; the inspector then signs it
-- on the laptop, which records the same content as a signed revision, and the next sync pushes
-- that. The signed revision is a new row, so the decision on the completed one no longer named
-- the inspection's current revision: the office's list said 待审核 again while the laptop said
-- 已通过. The rule now, kept here for every way a revision arrives:
--
-- * Each revision stored as its inspection's current one gets results_sha256: a digest of what a
--   reviewer judges, from the rows the hub holds — the header (date, inspectors, organisation,
--   templates, report number, earlier visit, park), every answer (result, values, note), every
--   finding (as recorded, with its status), every photo (its file, item, caption, annotations).
--   Signatures, the signed report and the reasons given at signing are not in it: signing adds
--   them to the results it signs.
-- * When such a revision is completed or signed and the inspection's latest decision is an
--   approval of a revision with the same digest, the hub records the approval on it too (a row
--   of hub.reviews with carried_from naming the reviewer's own decision, by the same reviewer,
--   with the same comments). Anything else — other results, a return, no digest to compare (a
--   revision stored before this migration and no longer current) — leaves it 待审核.
-- * push_revision says which it was (review: carried / lapsed), so the laptop can say so.

ALTER TABLE hub.revisions ADD COLUMN results_sha256 text;
ALTER TABLE hub.reviews ADD COLUMN carried_from uuid REFERENCES hub.reviews (id);

CREATE FUNCTION hub.results_digest(p_revision bigint) RETURNS text
    LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
SELECT encode(sha256(convert_to(jsonb_build_object(
    'header', (SELECT jsonb_build_object(
                   'date', to_char(i.date, 'YYYY-MM-DD'), 'inspectors', i.inspectors,
                   'organisation', i.organisation, 'templates', to_jsonb(i.template_ids),
                   'report_number', i.report_number, 'revisit_of', i.revisit_of::text,
                   'park', i.park_proposal::text)
               FROM hub.inspections i WHERE i.current_revision = p_revision),
    'answers', coalesce((SELECT jsonb_agg(jsonb_build_array(a.template_id, a.item_code, a.result,
                                                            a.value, a.note)
                                          ORDER BY a.template_id, a.item_code)
                         FROM hub.answers a WHERE a.revision_id = p_revision), '[]'),
    'findings', coalesce((SELECT jsonb_agg(jsonb_build_array(f.id::text, f.template_id, f.item_code,
                                                             f.severity, f.requirement,
                                                             to_char(f.deadline, 'YYYY-MM-DD'),
                                                             f.responsible, f.status, f.closing_note,
                                                             f.carried_from::text)
                                           ORDER BY f.id)
                          FROM hub.findings f WHERE f.revision_id = p_revision), '[]'),
    'photos', coalesce((SELECT jsonb_agg(jsonb_build_array(p.id::text, p.sha256, p.template_id,
                                                           p.item_code, p.caption, p.annotations)
                                         ORDER BY p.id)
                        FROM hub.photos p WHERE p.revision_id = p_revision), '[]')
)::text, 'UTF8')), 'hex')
$$;
REVOKE ALL ON FUNCTION hub.results_digest(bigint) FROM PUBLIC;

-- The revisions that are current now: their digest from the header they have (an older
-- revision's header is not kept, so it has none and never passes an approval on).
UPDATE hub.revisions r SET results_sha256 = hub.results_digest(r.id)
    WHERE r.id IN (SELECT current_revision FROM hub.inspections);

-- A review names its reviewer truly: the caller, or — for an approval the hub carries over
-- (only push_revision, running as the schema's owner, may) — the reviewer of the decision it
-- carries. The rest as 0006: the current revision of a completed or signed inspection, item
-- comments well formed, a return with a reason.
CREATE OR REPLACE FUNCTION hub.review_fill() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_current bigint;
    v_status text;
    v_revision integer;
BEGIN
    IF NEW.carried_from IS NULL THEN
        NEW.reviewer := session_user;
    ELSE
        IF current_user <> 'pi_owner' THEN
            RAISE EXCEPTION 'hub.no_right' USING ERRCODE = '42501',
                DETAIL = json_build_object('what', 'review')::text;
        END IF;
        SELECT reviewer INTO NEW.reviewer FROM hub.reviews
            WHERE id = NEW.carried_from AND inspection_id = NEW.inspection_id
              AND decision = NEW.decision AND carried_from IS NULL;
        IF NEW.reviewer IS NULL THEN
            RAISE EXCEPTION 'hub.bad_payload' USING DETAIL = json_build_object('field', 'carried_from')::text;
        END IF;
    END IF;
    NEW.decided_at := now();
    SELECT i.owner, i.current_revision INTO NEW.inspection_owner, v_current
        FROM hub.inspections i WHERE i.id = NEW.inspection_id;
    IF NEW.inspection_owner IS NULL THEN
        RAISE EXCEPTION 'hub.no_inspection' USING DETAIL = json_build_object('id', NEW.inspection_id)::text;
    END IF;
    SELECT status, revision INTO v_status, v_revision FROM hub.revisions
        WHERE id = v_current;
    IF NEW.revision_id IS DISTINCT FROM v_current THEN
        RAISE EXCEPTION 'hub.review_stale' USING DETAIL = json_build_object('revision', v_revision)::text;
    END IF;
    IF v_status IS NULL OR v_status NOT IN ('completed', 'signed') THEN
        RAISE EXCEPTION 'hub.review_not_ready' USING DETAIL = json_build_object('status', v_status)::text;
    END IF;
    IF NEW.item_comments IS NULL OR jsonb_typeof(NEW.item_comments) <> 'array'
       OR EXISTS (SELECT 1 FROM jsonb_array_elements(NEW.item_comments) c
                  WHERE jsonb_typeof(c) <> 'object'
                     OR (SELECT count(*) FROM jsonb_object_keys(c)) <> 3
                     OR jsonb_typeof(c->'template_id') IS DISTINCT FROM 'string'
                     OR jsonb_typeof(c->'item_code') IS DISTINCT FROM 'string'
                     OR jsonb_typeof(c->'comment') IS DISTINCT FROM 'string'
                     OR btrim(c->>'comment') = '') THEN
        RAISE EXCEPTION 'hub.bad_payload' USING DETAIL = json_build_object('field', 'item_comments')::text;
    END IF;
    IF NEW.decision = 'returned' AND btrim(coalesce(NEW.comment, '')) = ''
       AND jsonb_array_length(NEW.item_comments) = 0 THEN
        RAISE EXCEPTION 'hub.review_needs_reason' USING DETAIL = '{}';
    END IF;
    RETURN NEW;
END $$;

-- push_revision of 0005 keeps its work under the name push_revision_site (callable only from
-- here); push_revision adds the digest and the approval carried over.
ALTER FUNCTION hub.push_revision(jsonb) RENAME TO push_revision_site;
REVOKE ALL ON FUNCTION hub.push_revision_site(jsonb) FROM PUBLIC, pi_inspector;

CREATE FUNCTION hub.push_revision(p jsonb) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_result jsonb := hub.push_revision_site(p);  -- checks the caller, stores the revision
    v_rid bigint;
    v_rev hub.revisions;
    v_digest text;
    v_last hub.reviews;
    v_approved hub.revisions;
    v_carried uuid;
BEGIN
    IF v_result->>'outcome' IS DISTINCT FROM 'stored' OR NOT (v_result->>'current')::boolean THEN
        RETURN v_result;  -- present already, or history only: nothing to judge
    END IF;
    v_rid := (v_result->>'revision_id')::bigint;
    v_digest := hub.results_digest(v_rid);
    UPDATE hub.revisions SET results_sha256 = v_digest WHERE id = v_rid RETURNING * INTO v_rev;
    IF v_rev.status NOT IN ('completed', 'signed') THEN
        RETURN v_result;
    END IF;
    SELECT * INTO v_last FROM hub.reviews WHERE inspection_id = v_rev.inspection_id
        ORDER BY decided_at DESC, id DESC LIMIT 1;
    IF NOT FOUND OR v_last.decision <> 'approved' THEN
        RETURN v_result;
    END IF;
    SELECT * INTO v_approved FROM hub.revisions WHERE id = v_last.revision_id;
    IF v_approved.results_sha256 IS DISTINCT FROM v_digest THEN
        RETURN v_result || jsonb_build_object('review', jsonb_build_object(
            'outcome', 'lapsed', 'approved_revision', v_approved.revision,
            'approved_status', v_approved.status, 'reviewer', v_last.reviewer));
    END IF;
    INSERT INTO hub.reviews (inspection_id, revision_id, decision, comment, item_comments, carried_from)
        VALUES (v_rev.inspection_id, v_rid, 'approved', v_last.comment, v_last.item_comments,
                coalesce(v_last.carried_from, v_last.id))
        RETURNING id INTO v_carried;
    RETURN v_result || jsonb_build_object('review', jsonb_build_object(
        'outcome', 'carried', 'id', v_carried, 'approved_revision', v_approved.revision,
        'approved_status', v_approved.status, 'reviewer', v_last.reviewer));
END $$;
REVOKE ALL ON FUNCTION hub.push_revision(jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hub.push_revision(jsonb) TO pi_inspector;
