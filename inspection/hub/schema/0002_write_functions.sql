-- The only ways to write what an inspector owns: SECURITY DEFINER functions that check the
-- caller (session_user; they run as pi_owner), keep the rules that span tables, and have a fixed
-- search_path. Errors are raised with a message code (hub.…) and JSON arguments in DETAIL; the
-- program turns them into its own messages.

-- A blob's bytes arrive in chunks inside one transaction; each chunk waits for its blob row,
-- checked at commit: chunks whose blob was never finished never become visible.
CREATE FUNCTION hub.chunk_has_blob() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM hub.blobs WHERE sha256 = NEW.sha256) THEN
        RAISE EXCEPTION 'hub.blob_unfinished' USING DETAIL = json_build_object('sha256', NEW.sha256)::text;
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER blob_chunks_need_blob AFTER INSERT ON hub.blob_chunks
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION hub.chunk_has_blob();

CREATE FUNCTION hub.require_group(p_group text, p_what text) RETURNS void
    LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF NOT pg_has_role(session_user, p_group, 'MEMBER') THEN
        RAISE EXCEPTION 'hub.no_right' USING ERRCODE = '42501',
            DETAIL = json_build_object('what', p_what)::text;
    END IF;
END $$;

-- Which of these blobs the caller has on the hub already (held), which exist but were sent by
-- someone else (stored: send the bytes to hold them too), and which are missing.
CREATE FUNCTION hub.blob_status(p_sha256 text[])
    RETURNS TABLE (sha256 text, state text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    PERFORM hub.require_group('pi_inspector', 'blob_status');
    RETURN QUERY
    SELECT s.sha, CASE WHEN h.sha256 IS NOT NULL THEN 'held'
                       WHEN b.sha256 IS NOT NULL THEN 'stored' ELSE 'missing' END
    FROM unnest(p_sha256) AS s(sha)
    LEFT JOIN hub.blobs b ON b.sha256 = s.sha
    LEFT JOIN hub.blob_holders h ON h.sha256 = s.sha AND h.holder = session_user;
END $$;

CREATE FUNCTION hub.put_blob_chunk(p_sha256 text, p_seq integer, p_data bytea) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    PERFORM hub.require_group('pi_inspector', 'put_blob');
    IF EXISTS (SELECT 1 FROM hub.blobs WHERE sha256 = p_sha256) THEN
        RAISE EXCEPTION 'hub.blob_exists' USING DETAIL = json_build_object('sha256', p_sha256)::text;
    END IF;
    INSERT INTO hub.blob_chunks (sha256, seq, data) VALUES (p_sha256, p_seq, p_data);
END $$;

-- The chunks sent in this transaction hash to the blob's name and add up to its size: the blob
-- becomes visible (at commit) and the caller holds it. Anything else refuses the whole upload.
CREATE FUNCTION hub.finish_blob(p_sha256 text, p_size bigint) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_count integer;
    v_max integer;
    v_size bigint;
    v_hash text;
BEGIN
    PERFORM hub.require_group('pi_inspector', 'put_blob');
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

-- A blob someone else sent: the caller proves they have it by sending its bytes; the hub keeps
-- its one copy and lets the caller read it from now on.
CREATE FUNCTION hub.claim_blob(p_sha256 text, p_data bytea) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    PERFORM hub.require_group('pi_inspector', 'put_blob');
    IF encode(sha256(p_data), 'hex') <> p_sha256
       OR NOT EXISTS (SELECT 1 FROM hub.blobs WHERE sha256 = p_sha256) THEN
        RAISE EXCEPTION 'hub.blob_mismatch' USING
            DETAIL = json_build_object('sha256', p_sha256, 'size', length(p_data), 'got_size', length(p_data))::text;
    END IF;
    INSERT INTO hub.blob_holders (sha256, holder) VALUES (p_sha256, session_user)
        ON CONFLICT DO NOTHING;
END $$;

-- A laptop's park meets the registry. The same laptop park again: what was decided then. A
-- park that came from the registry: matched. A name the registry has not seen: registered as a
-- new park (with the laptop's id). The same name and the same (non-empty) address as exactly
-- one registered park: matched. Any other park of a name the registry knows (another
-- address, no address, several candidates, or a proposal still waiting): pending, for the
-- office to decide — never merged or split silently.
CREATE FUNCTION hub.propose_park(p jsonb) RETURNS hub.park_proposals
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_id uuid := (p->>'id')::uuid;
    v_name text := btrim(coalesce(p->>'name', ''));
    v_address text := btrim(coalesce(p->>'address', ''));
    v_key text := hub.match_key(v_name);
    v_address_key text := hub.match_key(v_address);
    v_row hub.park_proposals;
    v_match uuid;
    v_matches integer;
BEGIN
    SELECT * INTO v_row FROM hub.park_proposals WHERE id = v_id;
    IF FOUND THEN
        RETURN v_row;
    END IF;
    IF v_name = '' THEN
        RAISE EXCEPTION 'hub.bad_payload' USING DETAIL = json_build_object('field', 'park.name')::text;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtextextended('park:' || v_key, 0));
    v_row.id := v_id;
    v_row.name := v_name;
    v_row.address := v_address;
    v_row.park_type := coalesce(p->>'park_type', 'manufacturing');
    v_row.contacts := coalesce(p->'contacts', '[]'::jsonb);
    v_row.proposed_by := session_user;
    v_row.proposed_at := now();
    v_row.reason := '';
    IF EXISTS (SELECT 1 FROM hub.parks WHERE id = v_id) THEN
        v_row.state := 'matched';
        v_row.park_id := v_id;
    ELSIF NOT EXISTS (SELECT 1 FROM hub.parks WHERE name_key = v_key)
          AND NOT EXISTS (SELECT 1 FROM hub.park_proposals
                          WHERE state = 'pending' AND hub.match_key(name) = v_key) THEN
        INSERT INTO hub.parks (id, name, address, park_type, contacts)
            VALUES (v_id, v_name, v_address, v_row.park_type, v_row.contacts);
        v_row.state := 'new';
        v_row.park_id := v_id;
    ELSE
        SELECT count(*), min(id::text)::uuid INTO v_matches, v_match FROM hub.parks
            WHERE name_key = v_key AND address_key = v_address_key AND v_address_key <> '';
        IF v_matches = 1 THEN
            v_row.state := 'matched';
            v_row.park_id := v_match;
        ELSE
            v_row.state := 'pending';
            v_row.park_id := NULL;
            v_row.reason := CASE WHEN v_address_key = '' THEN 'same_name_no_address'
                                 WHEN v_matches > 1 THEN 'several_matches'
                                 ELSE 'same_name_other_address' END;
        END IF;
    END IF;
    INSERT INTO hub.park_proposals SELECT v_row.*;
    RETURN v_row;
END $$;
REVOKE ALL ON FUNCTION hub.propose_park(jsonb) FROM PUBLIC;

-- One revision of one inspection, whole or not at all: the rows, the files (blobs the caller
-- holds), the park proposal, and the inspection's summary when the revision becomes current.
-- Rules: only the owner pushes an inspection; the same content again changes nothing; a
-- signed revision never changes; a higher revision supersedes; within a revision an unsigned
-- copy supersedes only the copy it was made from (base_sha256), else the laptop must merge.
CREATE FUNCTION hub.push_revision(p jsonb) RETURNS jsonb
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
                               local_updated_at, device_id, bundle_format, program_version)
        VALUES (v_id, me, v_rev, v_status, v_content, p->>'base_sha256',
                (v_insp->>'updated_at')::timestamptz, coalesce(p->>'device_id', ''),
                coalesce((p->>'bundle_format')::integer, 1), coalesce(p->>'program_version', ''))
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
    IF NOT EXISTS (SELECT 1 FROM hub.revision_files WHERE revision_id = v_rid AND sha256 = v_content) THEN
        RAISE EXCEPTION 'hub.missing_blob' USING DETAIL = json_build_object('name', 'manifest')::text;
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
                                                         'park_id', v_park.park_id));
END $$;

-- Users: a PostgreSQL login role in one group, and its row in hub.users. The program sends a
-- SCRAM verifier made on the client, never the password itself.
CREATE FUNCTION hub.add_user(p_name text, p_role text, p_verifier text, p_display_name text DEFAULT '')
    RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    PERFORM hub.require_group('pi_admin', 'add_user');
    IF p_role IS NULL OR p_role NOT IN ('inspector', 'reviewer', 'admin') THEN
        RAISE EXCEPTION 'hub.bad_role' USING DETAIL = json_build_object('role', p_role)::text;
    END IF;
    IF p_name IS NULL OR btrim(p_name) <> p_name OR p_name = '' OR octet_length(p_name) > 63
       OR p_name ~ '^(pg_|pi_)' OR p_name ~ '[[:cntrl:]]' THEN
        RAISE EXCEPTION 'hub.bad_user_name' USING DETAIL = json_build_object('name', p_name)::text;
    END IF;
    IF p_verifier IS NULL OR p_verifier !~ '^SCRAM-SHA-256\$' THEN
        RAISE EXCEPTION 'hub.bad_verifier' USING DETAIL = '{}';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_name) THEN
        RAISE EXCEPTION 'hub.user_exists' USING DETAIL = json_build_object('name', p_name)::text;
    END IF;
    EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', p_name, p_verifier);
    EXECUTE format('GRANT %I TO %I', 'pi_' || p_role, p_name);
    INSERT INTO hub.users (name, role, display_name) VALUES (p_name, p_role, coalesce(p_display_name, ''));
END $$;

REVOKE ALL ON FUNCTION hub.require_group(text, text), hub.blob_status(text[]),
    hub.put_blob_chunk(text, integer, bytea), hub.finish_blob(text, bigint),
    hub.claim_blob(text, bytea), hub.push_revision(jsonb),
    hub.add_user(text, text, text, text), hub.chunk_has_blob(), hub.review_fill() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hub.blob_status(text[]), hub.put_blob_chunk(text, integer, bytea),
    hub.finish_blob(text, bigint), hub.claim_blob(text, bytea), hub.push_revision(jsonb)
    TO pi_inspector;
GRANT EXECUTE ON FUNCTION hub.add_user(text, text, text, text) TO pi_admin;
GRANT EXECUTE ON FUNCTION hub.review_fill() TO pi_reviewer;
