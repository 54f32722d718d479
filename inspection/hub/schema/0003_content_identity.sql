-- Revisions named by what they say: content_sha256 is the bundle's content hash (the same for
-- the same revision whatever the manifest's date), so it no longer names a file; the manifest
-- must be among the files by its name. The hub notes whether the manifest came signed
-- (manifest.p7s among the files), and push_revision tells the laptop why a park waits.

ALTER TABLE hub.revisions ADD COLUMN bundle_signed boolean NOT NULL DEFAULT false;

CREATE OR REPLACE FUNCTION hub.push_revision(p jsonb) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    me text := session_user;
    v_insp jsonb := p->'inspection';
    v_id uuid;
    v_rev integer;
    v_status text;
    v_content text := p->>'content_sha256';
    v_cur hub.inspections;
    v_cur_content text;
    v_existing bigint;
    v_current boolean;
    v_park hub.park_proposals;
    v_rid bigint;
    v_missing text;
BEGIN
    PERFORM hub.require_group('pi_inspector', 'push');
    BEGIN
        v_id := (v_insp->>'id')::uuid;
        v_rev := (v_insp->>'revision')::integer;
        v_status := v_insp->>'status';
    EXCEPTION WHEN others THEN
        RAISE EXCEPTION 'hub.bad_payload' USING DETAIL = json_build_object('field', 'inspection')::text;
    END;
    IF v_id IS NULL OR v_rev IS NULL OR v_status IS NULL OR v_content IS NULL THEN
        RAISE EXCEPTION 'hub.bad_payload' USING DETAIL = json_build_object('field', 'inspection')::text;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtextextended('inspection:' || v_id::text, 0));

    SELECT * INTO v_cur FROM hub.inspections WHERE id = v_id;
    IF FOUND AND v_cur.owner <> me THEN
        RAISE EXCEPTION 'hub.not_owner' USING ERRCODE = '42501',
            DETAIL = json_build_object('id', v_id, 'owner', v_cur.owner)::text;
    END IF;
    SELECT id INTO v_existing FROM hub.revisions WHERE inspection_id = v_id AND content_sha256 = v_content;
    IF FOUND THEN
        RETURN jsonb_build_object('outcome', 'present', 'revision_id', v_existing,
                                  'current', v_cur.current_revision = v_existing);
    END IF;
    IF v_status = 'signed' AND EXISTS (SELECT 1 FROM hub.revisions WHERE inspection_id = v_id
                                       AND revision = v_rev AND status = 'signed') THEN
        RAISE EXCEPTION 'hub.signed_differs' USING
            DETAIL = json_build_object('id', v_id, 'revision', v_rev)::text;
    END IF;

    IF v_cur.id IS NULL THEN
        v_current := true;
    ELSE
        SELECT content_sha256 INTO v_cur_content FROM hub.revisions WHERE id = v_cur.current_revision;
        IF v_rev > v_cur.revision THEN
            v_current := true;
        ELSIF v_rev < v_cur.revision THEN
            v_current := false;  -- a late copy of an older revision: history only
        ELSIF v_cur.status = 'signed' THEN
            RAISE EXCEPTION 'hub.signed_differs' USING
                DETAIL = json_build_object('id', v_id, 'revision', v_rev)::text;
        ELSIF v_status = 'signed' OR p->>'base_sha256' = v_cur_content THEN
            v_current := true;
        ELSE
            RAISE EXCEPTION 'hub.needs_merge' USING
                DETAIL = json_build_object('id', v_id, 'revision', v_rev, 'hub_sha256', v_cur_content)::text;
        END IF;
    END IF;

    v_park := hub.propose_park(p->'park');

    INSERT INTO hub.revisions (inspection_id, owner, revision, status, content_sha256, base_sha256,
                               local_updated_at, device_id, bundle_format, program_version, bundle_signed)
        VALUES (v_id, me, v_rev, v_status, v_content, p->>'base_sha256',
                (v_insp->>'updated_at')::timestamptz, coalesce(p->>'device_id', ''),
                coalesce((p->>'bundle_format')::integer, 1), coalesce(p->>'program_version', ''),
                coalesce((p->>'bundle_signed')::boolean, false)
                AND EXISTS (SELECT 1 FROM jsonb_array_elements(coalesce(p->'files', '[]')) f
                            WHERE f->>'name' = 'manifest.p7s'))
        RETURNING id INTO v_rid;

    INSERT INTO hub.revision_files (revision_id, owner, name, sha256, size)
        SELECT v_rid, me, f.name, f.sha256, f.size
        FROM jsonb_to_recordset(coalesce(p->'files', '[]')) AS f(name text, sha256 text, size bigint);
    SELECT rf.name INTO v_missing FROM hub.revision_files rf
        LEFT JOIN hub.blobs b ON b.sha256 = rf.sha256
        LEFT JOIN hub.blob_holders h ON h.sha256 = rf.sha256 AND h.holder = me
        WHERE rf.revision_id = v_rid AND (h.sha256 IS NULL OR b.size <> rf.size) LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'hub.missing_blob' USING DETAIL = json_build_object('name', v_missing)::text;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM hub.revision_files WHERE revision_id = v_rid AND name = 'manifest.json') THEN
        RAISE EXCEPTION 'hub.missing_blob' USING DETAIL = json_build_object('name', 'manifest.json')::text;
    END IF;

    INSERT INTO hub.answers (revision_id, owner, template_id, item_code, result, value, note,
                             answered_by, answered_at)
        SELECT v_rid, me, a.template_id, a.item_code, a.result, a.value, coalesce(a.note, ''),
               coalesce(a.answered_by, ''), a.answered_at
        FROM jsonb_to_recordset(coalesce(p->'answers', '[]')) AS a(template_id text, item_code text,
            result text, value jsonb, note text, answered_by text, answered_at timestamptz);
    INSERT INTO hub.findings (revision_id, owner, id, template_id, item_code, severity, requirement,
                              deadline, responsible, status, closing_note, carried_from, created_at, closed_at)
        SELECT v_rid, me, f.id, f.template_id, f.item_code, f.severity, f.requirement, f.deadline,
               coalesce(f.responsible, ''), f.status, coalesce(f.closing_note, ''), f.carried_from,
               f.created_at, f.closed_at
        FROM jsonb_to_recordset(coalesce(p->'findings', '[]')) AS f(id uuid, template_id text,
            item_code text, severity text, requirement text, deadline date, responsible text,
            status text, closing_note text, carried_from uuid, created_at timestamptz, closed_at timestamptz);
    INSERT INTO hub.photos (revision_id, owner, id, sha256, ext, report_sha256, original_name, width,
                            height, template_id, item_code, caption, taken_at, gps_lat, gps_lon, annotations)
        SELECT v_rid, me, f.id, f.sha256, f.ext, f.report_sha256, coalesce(f.original_name, ''),
               f.width, f.height, f.template_id, f.item_code, coalesce(f.caption, ''), f.taken_at,
               f.gps_lat, f.gps_lon, coalesce(f.annotations, '[]')
        FROM jsonb_to_recordset(coalesce(p->'photos', '[]')) AS f(id uuid, sha256 text, ext text,
            report_sha256 text, original_name text, width integer, height integer, template_id text,
            item_code text, caption text, taken_at timestamptz, gps_lat double precision,
            gps_lon double precision, annotations jsonb);
    INSERT INTO hub.signatures (revision_id, owner, id, revision, role, name, title, image_sha256, signed_at)
        SELECT v_rid, me, s.id, s.revision, s.role, s.name, coalesce(s.title, ''), s.image_sha256, s.signed_at
        FROM jsonb_to_recordset(coalesce(p->'signatures', '[]')) AS s(id uuid, revision integer,
            role text, name text, title text, image_sha256 text, signed_at timestamptz);
    INSERT INTO hub.reports (revision_id, owner, id, revision, sha256, signer, created_at)
        SELECT v_rid, me, r.id, r.revision, r.sha256, coalesce(r.signer, ''), r.created_at
        FROM jsonb_to_recordset(coalesce(p->'reports', '[]')) AS r(id uuid, revision integer,
            sha256 text, signer text, created_at timestamptz);
    -- Every file a row names is one of this revision's files (so the holder check covers it).
    SELECT x.sha INTO v_missing FROM (
        SELECT sha256 AS sha FROM hub.photos WHERE revision_id = v_rid
        UNION SELECT report_sha256 FROM hub.photos WHERE revision_id = v_rid AND report_sha256 IS NOT NULL
        UNION SELECT image_sha256 FROM hub.signatures WHERE revision_id = v_rid
        UNION SELECT sha256 FROM hub.reports WHERE revision_id = v_rid) x
        WHERE NOT EXISTS (SELECT 1 FROM hub.revision_files rf WHERE rf.revision_id = v_rid AND rf.sha256 = x.sha)
        LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'hub.missing_blob' USING DETAIL = json_build_object('name', v_missing)::text;
    END IF;

    UPDATE hub.revisions SET
        answer_count = (SELECT count(*) FROM hub.answers WHERE revision_id = v_rid
                        AND (result IS NOT NULL OR value IS NOT NULL OR note <> '')),
        photo_count = (SELECT count(*) FROM hub.photos WHERE revision_id = v_rid),
        finding_count = (SELECT count(*) FROM hub.findings WHERE revision_id = v_rid)
        WHERE id = v_rid;

    IF v_current THEN
        INSERT INTO hub.inspections AS i (id, owner, park_proposal, current_revision, revision, status,
                date, report_number, inspectors, organisation, template_ids, revisit_of,
                answer_count, photo_count, finding_count, open_finding_count, created_at, updated_at)
            SELECT v_id, me, v_park.id, v_rid, v_rev, v_status, (v_insp->>'date')::date,
                   coalesce(v_insp->>'report_number', ''), coalesce(v_insp->'inspectors', '[]'),
                   coalesce(v_insp->>'organisation', ''),
                   ARRAY(SELECT jsonb_array_elements_text(coalesce(v_insp->'template_ids', '[]'))),
                   (v_insp->>'revisit_of')::uuid, r.answer_count, r.photo_count, r.finding_count,
                   (SELECT count(*) FROM hub.findings WHERE revision_id = v_rid AND status = 'open'),
                   (v_insp->>'created_at')::timestamptz, (v_insp->>'updated_at')::timestamptz
            FROM hub.revisions r WHERE r.id = v_rid
        ON CONFLICT (id) DO UPDATE SET
            park_proposal = EXCLUDED.park_proposal, current_revision = EXCLUDED.current_revision,
            revision = EXCLUDED.revision, status = EXCLUDED.status, date = EXCLUDED.date,
            report_number = EXCLUDED.report_number, inspectors = EXCLUDED.inspectors,
            organisation = EXCLUDED.organisation, template_ids = EXCLUDED.template_ids,
            revisit_of = EXCLUDED.revisit_of, answer_count = EXCLUDED.answer_count,
            photo_count = EXCLUDED.photo_count, finding_count = EXCLUDED.finding_count,
            open_finding_count = EXCLUDED.open_finding_count, created_at = EXCLUDED.created_at,
            updated_at = EXCLUDED.updated_at, pushed_at = now();
    END IF;
    RETURN jsonb_build_object('outcome', 'stored', 'revision_id', v_rid, 'current', v_current,
                              'park', jsonb_build_object('proposal', v_park.id, 'state', v_park.state,
                                                         'park_id', v_park.park_id, 'reason', v_park.reason));
END $$;
