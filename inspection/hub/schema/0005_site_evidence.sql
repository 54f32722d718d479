-- Issue 14 on the hub: a park's location (where its photos are expected to be taken) and the
-- reasons an inspector gave at signing for items that break an evidence rule, as bundles of
-- format 2 carry them. push_revision stores both with the revision's rows, in its one
-- transaction: the function of 0003 keeps its work under the name push_revision_rows (callable
-- only from here), and push_revision adds the reasons and the location to what it stored.

ALTER TABLE hub.parks ADD COLUMN latitude double precision, ADD COLUMN longitude double precision,
    ADD CONSTRAINT parks_location CHECK ((latitude IS NULL) = (longitude IS NULL)
        AND (latitude IS NULL OR (latitude BETWEEN -90 AND 90 AND longitude BETWEEN -180 AND 180)));
ALTER TABLE hub.park_proposals ADD COLUMN latitude double precision,
    ADD COLUMN longitude double precision,
    ADD CONSTRAINT park_proposals_location CHECK ((latitude IS NULL) = (longitude IS NULL)
        AND (latitude IS NULL OR (latitude BETWEEN -90 AND 90 AND longitude BETWEEN -180 AND 180)));

-- Why an item was signed without the evidence its rule asks for (per revision of the
-- inspection, as the laptop keeps them); the signed report prints them too.
CREATE TABLE hub.evidence_reasons (
    revision_id bigint NOT NULL REFERENCES hub.revisions (id),
    owner text NOT NULL,
    revision integer NOT NULL,
    template_id text NOT NULL,
    item_code text NOT NULL,
    reason text NOT NULL CHECK (btrim(reason) <> ''),
    recorded_by text NOT NULL DEFAULT '',
    recorded_at timestamptz,
    PRIMARY KEY (revision_id, revision, template_id, item_code)
);

GRANT SELECT ON hub.evidence_reasons TO pi_inspector, pi_reviewer, pi_admin;
ALTER TABLE hub.evidence_reasons ENABLE ROW LEVEL SECURITY;
ALTER TABLE hub.evidence_reasons FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON hub.evidence_reasons TO pi_owner USING (true) WITH CHECK (true);
CREATE POLICY office_read ON hub.evidence_reasons FOR SELECT TO pi_reviewer, pi_admin USING (true);
CREATE POLICY inspector_own ON hub.evidence_reasons FOR SELECT TO pi_inspector
    USING (owner = (session_user)::text);

ALTER FUNCTION hub.push_revision(jsonb) RENAME TO push_revision_rows;
REVOKE ALL ON FUNCTION hub.push_revision_rows(jsonb) FROM PUBLIC, pi_inspector;

CREATE FUNCTION hub.push_revision(p jsonb) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_result jsonb := hub.push_revision_rows(p);  -- checks the caller, stores the revision
    v_rid bigint;
    v_location jsonb := p->'park'->'location';
    v_lat double precision;
    v_lon double precision;
BEGIN
    IF v_result->>'outcome' IS DISTINCT FROM 'stored' THEN
        RETURN v_result;  -- present already: nothing was stored, nothing to add
    END IF;
    v_rid := (v_result->>'revision_id')::bigint;
    BEGIN
        INSERT INTO hub.evidence_reasons (revision_id, owner, revision, template_id, item_code,
                                          reason, recorded_by, recorded_at)
            SELECT v_rid, session_user, e.revision, e.template_id, e.item_code, e.reason,
                   coalesce(e.recorded_by, ''), e.recorded_at
            FROM jsonb_to_recordset(coalesce(p->'evidence_reasons', '[]')) AS e(
                revision integer, template_id text, item_code text, reason text,
                recorded_by text, recorded_at timestamptz);
    EXCEPTION WHEN data_exception OR integrity_constraint_violation THEN
        RAISE EXCEPTION 'hub.bad_payload' USING DETAIL = json_build_object('field', 'evidence_reasons')::text;
    END;
    IF jsonb_typeof(v_location) = 'array' THEN
        BEGIN
            v_lat := (v_location->>0)::double precision;
            v_lon := (v_location->>1)::double precision;
            -- the laptop's park as it was proposed; the registry's park learns a location it
            -- lacks (an admin's location is never overwritten by a push)
            UPDATE hub.park_proposals SET latitude = v_lat, longitude = v_lon
                WHERE id = (v_result->'park'->>'proposal')::uuid;
            UPDATE hub.parks SET latitude = v_lat, longitude = v_lon
                WHERE id = (v_result->'park'->>'park_id')::uuid AND latitude IS NULL;
        EXCEPTION WHEN data_exception OR integrity_constraint_violation THEN
            RAISE EXCEPTION 'hub.bad_payload' USING DETAIL = json_build_object('field', 'park.location')::text;
        END;
    END IF;
    RETURN v_result;
END $$;
REVOKE ALL ON FUNCTION hub.push_revision(jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hub.push_revision(jsonb) TO pi_inspector;
