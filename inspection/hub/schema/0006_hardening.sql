-- Holes found by attacking the hub with SQL of one's own (tests/hub/test_attack_*.py):
--
-- 1. A chunk sent for a blob that someone else then finished was committed into that blob:
--    an inspector who began an upload of hash X and kept the transaction open saw his extra
--    chunk join X once another inspector finished it, and X no longer read back (its hash
--    broke for good: nobody can send X again). Now one upload of a blob at a time (a lock on
--    its hash), and a chunk commits only into a blob that has exactly the chunks it was
--    finished with. Chunks that got in that way (seq beyond the blob's count) are removed.
-- 2. Chunks and payloads of any size: a chunk is at most 1 MiB (the program sends 1 MiB),
--    a blob at most 1024 of them (the bundle's 1 GiB per member), a revision at most the
--    bundle's 200,000 records of a kind.
-- 3. A reviewer with SQL of their own recorded 通过 on a draft, on a revision that was no
--    longer current, and item comments of any shape (which the inspector's program then
--    could not read). The database now keeps the rules record_review keeps.
-- 4. An admin wrote who created a park or imported a template, and who resolved a proposal
--    (and when), as anybody. Those columns now say who did it, whatever the statement said.
-- 5. Functions created by later migrations would be executable by PUBLIC (every role of the
--    cluster, PostgreSQL's default): the owner's default privileges no longer grant that.

-- --- 1 and 2: blobs --------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION hub.chunk_has_blob() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_chunks integer;
BEGIN
    SELECT chunks INTO v_chunks FROM hub.blobs WHERE sha256 = NEW.sha256;
    IF NOT FOUND OR NEW.seq >= v_chunks
       OR (SELECT count(*) FROM hub.blob_chunks WHERE sha256 = NEW.sha256) <> v_chunks THEN
        RAISE EXCEPTION 'hub.blob_unfinished' USING DETAIL = json_build_object('sha256', NEW.sha256)::text;
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION hub.put_blob_chunk(p_sha256 text, p_seq integer, p_data bytea) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    PERFORM hub.require_group('pi_inspector', 'put_blob');
    IF p_sha256 IS NULL OR p_sha256 !~ '^[0-9a-f]{64}$' THEN
        RAISE EXCEPTION 'hub.bad_payload' USING DETAIL = json_build_object('field', 'sha256')::text;
    END IF;
    IF p_seq IS NULL OR p_seq < 0 OR p_seq >= 1024 OR p_data IS NULL OR length(p_data) > 1048576 THEN
        RAISE EXCEPTION 'hub.blob_too_big' USING
            DETAIL = json_build_object('sha256', p_sha256, 'seq', p_seq, 'size', length(p_data))::text;
    END IF;
    -- One sender of a blob at a time: a second one waits here until the first commits (then
    -- the blob exists: claim it) or rolls back (then send it).
    PERFORM pg_advisory_xact_lock(hashtextextended('blob:' || p_sha256, 0));
    IF EXISTS (SELECT 1 FROM hub.blobs WHERE sha256 = p_sha256) THEN
        RAISE EXCEPTION 'hub.blob_exists' USING DETAIL = json_build_object('sha256', p_sha256)::text;
    END IF;
    INSERT INTO hub.blob_chunks (sha256, seq, data) VALUES (p_sha256, p_seq, p_data);
END $$;

CREATE OR REPLACE FUNCTION hub.finish_blob(p_sha256 text, p_size bigint) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_count integer;
    v_max integer;
    v_size bigint;
    v_hash text;
BEGIN
    PERFORM hub.require_group('pi_inspector', 'put_blob');
    PERFORM pg_advisory_xact_lock(hashtextextended('blob:' || coalesce(p_sha256, ''), 0));
    IF EXISTS (SELECT 1 FROM hub.blobs WHERE sha256 = p_sha256) THEN
        RAISE EXCEPTION 'hub.blob_exists' USING DETAIL = json_build_object('sha256', p_sha256)::text;
    END IF;
    SELECT count(*), max(seq), coalesce(sum(length(data)), 0),
           encode(sha256(coalesce(string_agg(data, ''::bytea ORDER BY seq), ''::bytea)), 'hex')
        INTO v_count, v_max, v_size, v_hash
        FROM hub.blob_chunks WHERE sha256 = p_sha256;
    IF v_size <> p_size OR v_hash <> p_sha256 OR (v_count > 0 AND v_max <> v_count - 1) THEN
        RAISE EXCEPTION 'hub.blob_mismatch' USING
            DETAIL = json_build_object('sha256', p_sha256, 'size', p_size, 'got_size', v_size)::text;
    END IF;
    INSERT INTO hub.blobs (sha256, size, chunks) VALUES (p_sha256, p_size, v_count);
    INSERT INTO hub.blob_holders (sha256, holder) VALUES (p_sha256, session_user);
END $$;

-- Chunks a blob was not finished with (only the hole above could add them: each has a seq at
-- or past the blob's count, since the finished ones are 0..n-1 and a seq is unique).
DELETE FROM hub.blob_chunks c USING hub.blobs b WHERE c.sha256 = b.sha256 AND c.seq >= b.chunks;

-- A revision holds at most what a bundle may (inspection.bundle.schema.MAX_RECORDS).
CREATE FUNCTION hub.check_payload_size(p jsonb) RETURNS void
    LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_kind text;
BEGIN
    FOREACH v_kind IN ARRAY ARRAY['files', 'answers', 'findings', 'photos', 'signatures', 'reports',
                              'evidence_reasons'] LOOP
        IF jsonb_typeof(coalesce(p->v_kind, '[]')) <> 'array' THEN
            RAISE EXCEPTION 'hub.bad_payload' USING DETAIL = json_build_object('field', v_kind)::text;
        END IF;
        IF jsonb_array_length(coalesce(p->v_kind, '[]')) > 200000 THEN
            RAISE EXCEPTION 'hub.payload_too_big' USING
                DETAIL = json_build_object('field', v_kind, 'count', jsonb_array_length(p->v_kind))::text;
        END IF;
    END LOOP;
END $$;
REVOKE ALL ON FUNCTION hub.check_payload_size(jsonb) FROM PUBLIC;

-- The rows of a revision (0003's push_revision, renamed by 0005 and called by its push_revision),
-- with the payload's size checked first.
CREATE OR REPLACE FUNCTION hub.push_revision_rows(p jsonb) RETURNS jsonb
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
    PERFORM hub.check_payload_size(p);
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

-- --- 3: reviews --------------------------------------------------------------------------------

-- A review names its reviewer and the inspection's owner truly, and is recorded only on the
-- current revision of a completed or signed inspection; a return says why; item comments are
-- [{"template_id", "item_code", "comment"}] (text, the comment not empty).
CREATE OR REPLACE FUNCTION hub.review_fill() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_current bigint;
    v_status text;
    v_revision integer;
BEGIN
    NEW.reviewer := session_user;
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

-- --- 4: who did it -----------------------------------------------------------------------------

CREATE FUNCTION hub.stamp_creator() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.created_by := session_user;
        NEW.created_at := now();
    ELSE
        NEW.created_by := OLD.created_by;
        NEW.created_at := OLD.created_at;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER parks_creator BEFORE INSERT OR UPDATE ON hub.parks
    FOR EACH ROW EXECUTE FUNCTION hub.stamp_creator();

CREATE FUNCTION hub.stamp_importer() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.imported_by := session_user;
        NEW.imported_at := now();
    ELSE
        NEW.imported_by := OLD.imported_by;
        NEW.imported_at := OLD.imported_at;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER templates_importer BEFORE INSERT OR UPDATE ON hub.templates
    FOR EACH ROW EXECUTE FUNCTION hub.stamp_importer();

-- A proposal says who resolved it and when, once its decision changes.
CREATE FUNCTION hub.stamp_resolver() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF (NEW.state, NEW.park_id, NEW.reason) IS DISTINCT FROM (OLD.state, OLD.park_id, OLD.reason) THEN
        NEW.resolved_by := session_user;
        NEW.resolved_at := now();
    ELSE
        NEW.resolved_by := OLD.resolved_by;
        NEW.resolved_at := OLD.resolved_at;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER park_proposals_resolver BEFORE UPDATE ON hub.park_proposals
    FOR EACH ROW EXECUTE FUNCTION hub.stamp_resolver();

REVOKE ALL ON FUNCTION hub.stamp_creator(), hub.stamp_importer(), hub.stamp_resolver() FROM PUBLIC;

-- --- 5: nothing new is PUBLIC's by default ------------------------------------------------------

ALTER DEFAULT PRIVILEGES FOR ROLE pi_owner REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
REVOKE ALL ON FUNCTION hub.match_key(text) FROM PUBLIC;  -- granted to the three groups
