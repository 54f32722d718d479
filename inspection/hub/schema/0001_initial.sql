-- The hub's first schema: registry, inspections as stored revisions, blobs, reviews, users.
--
-- Runs as pi_owner (the NOLOGIN role that owns every object); the roles pi_inspector,
-- pi_reviewer and pi_admin exist before it runs (hub init creates them). Row-level security is
-- enabled and FORCEd on every table: each role sees and writes what its policies allow, the
-- owner included (its policies are explicit). Inspectors write only through the SECURITY
-- DEFINER functions at the end (push a revision, store a blob), which check the caller
-- (session_user) and keep the rules that span several tables; each has a fixed search_path.
-- Identity in policies is session_user: a user who SETs ROLE to a group stays who they are.

CREATE TABLE hub.info (
    hub_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    created_at timestamptz NOT NULL DEFAULT now(),
    one_row boolean NOT NULL DEFAULT true UNIQUE CHECK (one_row)
);
INSERT INTO hub.info DEFAULT VALUES;

-- The users of this hub: each is a PostgreSQL login role, a member of one group role.
CREATE TABLE hub.users (
    name text PRIMARY KEY,
    role text NOT NULL CHECK (role IN ('inspector', 'reviewer', 'admin')),
    display_name text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by text NOT NULL DEFAULT session_user
);

-- How two spellings of one name compare: NFKC (full-width → half-width), lower case, no
-- spaces or punctuation.
CREATE FUNCTION hub.match_key(t text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN lower(regexp_replace(normalize(coalesce(t, ''), NFKC),
                                '[[:space:]()\[\]{}.,;:''"`、，。；：·\-—_/\\]+', '', 'g'));

-- The park registry: the hub is the authority on parks.
CREATE TABLE hub.parks (
    id uuid PRIMARY KEY,
    name text NOT NULL CHECK (name <> ''),
    address text NOT NULL DEFAULT '',
    park_type text NOT NULL CHECK (park_type IN ('manufacturing', 'service')),
    contacts jsonb NOT NULL DEFAULT '[]',
    name_key text GENERATED ALWAYS AS (hub.match_key(name)) STORED,
    address_key text GENERATED ALWAYS AS (hub.match_key(address)) STORED,
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by text NOT NULL DEFAULT session_user
);
CREATE INDEX parks_name_key ON hub.parks (name_key);

-- A park as a laptop knows it (its own id), and what the registry made of it: matched to a
-- registered park, registered as a new one, or waiting for the office (pending).
CREATE TABLE hub.park_proposals (
    id uuid PRIMARY KEY,
    name text NOT NULL,
    address text NOT NULL DEFAULT '',
    park_type text NOT NULL,
    contacts jsonb NOT NULL DEFAULT '[]',
    proposed_by text NOT NULL DEFAULT session_user,
    proposed_at timestamptz NOT NULL DEFAULT now(),
    state text NOT NULL CHECK (state IN ('new', 'matched', 'pending')),
    park_id uuid REFERENCES hub.parks (id),
    reason text NOT NULL DEFAULT '',
    resolved_by text,
    resolved_at timestamptz,
    CHECK ((state = 'pending') = (park_id IS NULL))
);
CREATE INDEX park_proposals_park ON hub.park_proposals (park_id);
CREATE INDEX park_proposals_pending ON hub.park_proposals (hub.match_key(name)) WHERE state = 'pending';

-- Templates the office carries to every laptop (imported ones; the built-in ones ship with
-- the program).
CREATE TABLE hub.templates (
    id text NOT NULL,
    version text NOT NULL,
    title text NOT NULL DEFAULT '',
    source_sha256 text NOT NULL DEFAULT '',
    body jsonb NOT NULL,
    imported_by text NOT NULL DEFAULT session_user,
    imported_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (id, version)
);

-- Blobs: photos, report-size copies, annotation layers, signatures, reports and every other
-- bundle member, stored once by SHA-256 in 1 MB bytea chunks (no TOAST compression: JPEG and
-- PDF do not compress). A blob row exists only once its chunks hashed to its name, in the
-- transaction that wrote them: a cut upload leaves nothing.
CREATE TABLE hub.blobs (
    sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size bigint NOT NULL CHECK (size >= 0),
    chunks integer NOT NULL,
    stored_by text NOT NULL DEFAULT session_user,
    stored_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE hub.blob_chunks (
    sha256 text NOT NULL,
    seq integer NOT NULL CHECK (seq >= 0),
    data bytea NOT NULL,
    PRIMARY KEY (sha256, seq)
);
ALTER TABLE hub.blob_chunks ALTER COLUMN data SET STORAGE EXTERNAL;
-- Who may read a blob: whoever sent its bytes (an inspector who has a photo another already
-- sent sends it too, and the hub keeps one copy: knowing a hash is not having the photo).
CREATE TABLE hub.blob_holders (
    sha256 text NOT NULL REFERENCES hub.blobs (sha256),
    holder text NOT NULL,
    PRIMARY KEY (sha256, holder)
);
CREATE INDEX blob_holders_holder ON hub.blob_holders (holder);

-- One row per inspection: who owns it, its park, and a summary of its current revision.
CREATE TABLE hub.inspections (
    id uuid PRIMARY KEY,
    owner text NOT NULL,
    park_proposal uuid NOT NULL REFERENCES hub.park_proposals (id),
    current_revision bigint NOT NULL,
    revision integer NOT NULL,
    status text NOT NULL CHECK (status IN ('draft', 'in_progress', 'completed', 'signed')),
    date date NOT NULL,
    report_number text NOT NULL DEFAULT '',
    inspectors jsonb NOT NULL DEFAULT '[]',
    organisation text NOT NULL DEFAULT '',
    template_ids text[] NOT NULL DEFAULT '{}',
    revisit_of uuid,
    answer_count integer NOT NULL DEFAULT 0,
    photo_count integer NOT NULL DEFAULT 0,
    finding_count integer NOT NULL DEFAULT 0,
    open_finding_count integer NOT NULL DEFAULT 0,
    created_at timestamptz,
    updated_at timestamptz,
    first_pushed_at timestamptz NOT NULL DEFAULT now(),
    pushed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inspections_owner ON hub.inspections (owner, date DESC);
CREATE INDEX inspections_park ON hub.inspections (park_proposal, date DESC);
CREATE INDEX inspections_date ON hub.inspections (date DESC, id);

-- Every revision the hub received, kept for good: a signed one never changes, a newer one
-- supersedes (becomes current) and the older stays readable. content_sha256 names the content
-- (the bundle manifest's hash): the same content pushed again is the same row.
CREATE TABLE hub.revisions (
    id bigserial PRIMARY KEY,
    inspection_id uuid NOT NULL REFERENCES hub.inspections (id) DEFERRABLE INITIALLY DEFERRED,
    owner text NOT NULL,
    revision integer NOT NULL CHECK (revision >= 1),
    status text NOT NULL CHECK (status IN ('draft', 'in_progress', 'completed', 'signed')),
    content_sha256 text NOT NULL CHECK (content_sha256 ~ '^[0-9a-f]{64}$'),
    base_sha256 text,
    local_updated_at timestamptz,
    device_id text NOT NULL DEFAULT '',
    bundle_format integer NOT NULL DEFAULT 1,
    program_version text NOT NULL DEFAULT '',
    pushed_by text NOT NULL DEFAULT session_user,
    pushed_at timestamptz NOT NULL DEFAULT now(),
    answer_count integer NOT NULL DEFAULT 0,
    photo_count integer NOT NULL DEFAULT 0,
    finding_count integer NOT NULL DEFAULT 0,
    UNIQUE (inspection_id, content_sha256),
    UNIQUE (id, inspection_id)
);
CREATE UNIQUE INDEX revisions_signed_once ON hub.revisions (inspection_id, revision)
    WHERE status = 'signed';
CREATE INDEX revisions_inspection ON hub.revisions (inspection_id, revision, pushed_at);
ALTER TABLE hub.inspections ADD FOREIGN KEY (current_revision, id)
    REFERENCES hub.revisions (id, inspection_id) DEFERRABLE INITIALLY DEFERRED;

-- The members of a revision's bundle (manifest, signature, rows, photos, …) by name.
CREATE TABLE hub.revision_files (
    revision_id bigint NOT NULL REFERENCES hub.revisions (id),
    owner text NOT NULL,
    name text NOT NULL,
    sha256 text NOT NULL REFERENCES hub.blobs (sha256),
    size bigint NOT NULL,
    PRIMARY KEY (revision_id, name)
);
CREATE INDEX revision_files_sha ON hub.revision_files (sha256);

-- The rows of each revision, for the office's queries (review, ranking, trends, tracker).
CREATE TABLE hub.answers (
    revision_id bigint NOT NULL REFERENCES hub.revisions (id),
    owner text NOT NULL,
    template_id text NOT NULL,
    item_code text NOT NULL,
    result text,
    value jsonb,
    note text NOT NULL DEFAULT '',
    answered_by text NOT NULL DEFAULT '',
    answered_at timestamptz,
    PRIMARY KEY (revision_id, template_id, item_code)
);

CREATE TABLE hub.findings (
    revision_id bigint NOT NULL REFERENCES hub.revisions (id),
    owner text NOT NULL,
    id uuid NOT NULL,
    template_id text NOT NULL,
    item_code text NOT NULL,
    severity text NOT NULL CHECK (severity IN ('minor', 'major', 'critical')),
    requirement text NOT NULL,
    deadline date,
    responsible text NOT NULL DEFAULT '',
    status text NOT NULL CHECK (status IN ('open', 'closed')),
    closing_note text NOT NULL DEFAULT '',
    carried_from uuid,
    created_at timestamptz,
    closed_at timestamptz,
    PRIMARY KEY (revision_id, id)
);
CREATE INDEX findings_open ON hub.findings (revision_id) WHERE status = 'open';
CREATE INDEX findings_carried_from ON hub.findings (carried_from) WHERE carried_from IS NOT NULL;

CREATE TABLE hub.photos (
    revision_id bigint NOT NULL REFERENCES hub.revisions (id),
    owner text NOT NULL,
    id uuid NOT NULL,
    sha256 text NOT NULL REFERENCES hub.blobs (sha256),
    ext text NOT NULL,
    report_sha256 text REFERENCES hub.blobs (sha256),
    original_name text NOT NULL DEFAULT '',
    width integer NOT NULL,
    height integer NOT NULL,
    template_id text,
    item_code text,
    caption text NOT NULL DEFAULT '',
    taken_at timestamptz,
    gps_lat double precision,
    gps_lon double precision,
    annotations jsonb NOT NULL DEFAULT '[]',
    PRIMARY KEY (revision_id, id)
);

CREATE TABLE hub.signatures (
    revision_id bigint NOT NULL REFERENCES hub.revisions (id),
    owner text NOT NULL,
    id uuid NOT NULL,
    revision integer NOT NULL,
    role text NOT NULL,
    name text NOT NULL,
    title text NOT NULL DEFAULT '',
    image_sha256 text NOT NULL REFERENCES hub.blobs (sha256),
    signed_at timestamptz,
    PRIMARY KEY (revision_id, id)
);

CREATE TABLE hub.reports (
    revision_id bigint NOT NULL REFERENCES hub.revisions (id),
    owner text NOT NULL,
    id uuid NOT NULL,
    revision integer NOT NULL,
    sha256 text NOT NULL REFERENCES hub.blobs (sha256),
    signer text NOT NULL DEFAULT '',
    created_at timestamptz,
    PRIMARY KEY (revision_id, id)
);

-- Review decisions (issue 12 builds the review flow on this): kept whole, never changed.
CREATE TABLE hub.reviews (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    inspection_id uuid NOT NULL,
    revision_id bigint NOT NULL,
    inspection_owner text NOT NULL DEFAULT '',
    decision text NOT NULL CHECK (decision IN ('approved', 'returned')),
    comment text NOT NULL DEFAULT '',
    item_comments jsonb NOT NULL DEFAULT '[]',  -- [{"template_id", "item_code", "comment"}]
    reviewer text NOT NULL DEFAULT session_user,
    decided_at timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (revision_id, inspection_id) REFERENCES hub.revisions (id, inspection_id)
);
CREATE INDEX reviews_inspection ON hub.reviews (inspection_id, decided_at);
CREATE INDEX reviews_owner ON hub.reviews (inspection_owner);

-- A review names its reviewer and the inspection's owner truly, whatever the INSERT said.
CREATE FUNCTION hub.review_fill() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    NEW.reviewer := session_user;
    NEW.decided_at := now();
    SELECT owner INTO NEW.inspection_owner FROM hub.inspections WHERE id = NEW.inspection_id;
    IF NEW.inspection_owner IS NULL THEN
        RAISE EXCEPTION 'hub.no_inspection' USING DETAIL = json_build_object('id', NEW.inspection_id)::text;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER reviews_fill BEFORE INSERT ON hub.reviews FOR EACH ROW EXECUTE FUNCTION hub.review_fill();

-- --- what each role may do -------------------------------------------------------------------

GRANT USAGE ON SCHEMA hub TO pi_inspector, pi_reviewer, pi_admin;
GRANT SELECT ON hub.schema_migrations TO pi_inspector, pi_reviewer, pi_admin;
GRANT SELECT ON hub.info, hub.parks, hub.templates, hub.users, hub.park_proposals, hub.inspections,
    hub.revisions, hub.revision_files, hub.answers, hub.findings, hub.photos, hub.signatures,
    hub.reports, hub.reviews, hub.blobs, hub.blob_chunks, hub.blob_holders
    TO pi_inspector, pi_reviewer, pi_admin;
GRANT EXECUTE ON FUNCTION hub.match_key(text) TO pi_inspector, pi_reviewer, pi_admin;
GRANT INSERT (inspection_id, revision_id, decision, comment, item_comments) ON hub.reviews TO pi_reviewer;
GRANT INSERT, UPDATE, DELETE ON hub.parks, hub.templates TO pi_admin;
GRANT UPDATE (state, park_id, reason, resolved_by, resolved_at) ON hub.park_proposals TO pi_admin;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['schema_migrations', 'info', 'users', 'parks', 'park_proposals',
            'templates', 'blobs', 'blob_chunks', 'blob_holders', 'inspections', 'revisions',
            'revision_files', 'answers', 'findings', 'photos', 'signatures', 'reports', 'reviews'] LOOP
        EXECUTE format('ALTER TABLE hub.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE hub.%I FORCE ROW LEVEL SECURITY', t);
        -- The owner acts only inside the definer functions, the views and the migrations.
        EXECUTE format('CREATE POLICY owner_all ON hub.%I TO pi_owner USING (true) WITH CHECK (true)', t);
        -- Reviewers and admins read everything.
        EXECUTE format('CREATE POLICY office_read ON hub.%I FOR SELECT TO pi_reviewer, pi_admin USING (true)', t);
    END LOOP;
    -- Inspectors read their own rows of every table that has an owner.
    FOREACH t IN ARRAY ARRAY['inspections', 'revisions', 'revision_files', 'answers', 'findings',
            'photos', 'signatures', 'reports'] LOOP
        EXECUTE format('CREATE POLICY inspector_own ON hub.%I FOR SELECT TO pi_inspector'
                       ' USING (owner = session_user)', t);
    END LOOP;
END $$;

CREATE POLICY everyone_reads ON hub.schema_migrations FOR SELECT TO pi_inspector USING (true);
CREATE POLICY everyone_reads ON hub.info FOR SELECT TO pi_inspector USING (true);
CREATE POLICY everyone_reads ON hub.parks FOR SELECT TO pi_inspector USING (true);
CREATE POLICY everyone_reads ON hub.templates FOR SELECT TO pi_inspector USING (true);
CREATE POLICY self_reads ON hub.users FOR SELECT TO pi_inspector USING (name = session_user);
CREATE POLICY inspector_own ON hub.park_proposals FOR SELECT TO pi_inspector
    USING (proposed_by = session_user
           OR id IN (SELECT park_proposal FROM hub.inspections WHERE owner = session_user));
CREATE POLICY inspector_held ON hub.blobs FOR SELECT TO pi_inspector
    USING (sha256 IN (SELECT sha256 FROM hub.blob_holders WHERE holder = session_user));
CREATE POLICY inspector_held ON hub.blob_chunks FOR SELECT TO pi_inspector
    USING (sha256 IN (SELECT sha256 FROM hub.blob_holders WHERE holder = session_user));
CREATE POLICY inspector_held ON hub.blob_holders FOR SELECT TO pi_inspector
    USING (holder = session_user);
CREATE POLICY inspector_own ON hub.reviews FOR SELECT TO pi_inspector
    USING (inspection_owner = session_user);
CREATE POLICY reviewer_records ON hub.reviews FOR INSERT TO pi_reviewer WITH CHECK (reviewer = session_user);
CREATE POLICY admin_writes ON hub.parks FOR ALL TO pi_admin USING (true) WITH CHECK (true);
CREATE POLICY admin_writes ON hub.templates FOR ALL TO pi_admin USING (true) WITH CHECK (true);
CREATE POLICY admin_resolves ON hub.park_proposals FOR UPDATE TO pi_admin USING (true) WITH CHECK (true);

-- The open findings of every park, for whoever revisits it (inspectors read these of all
-- parks, not only their own): findings still open in the current revision of a completed or
-- signed inspection, not yet carried into a later shared visit. Drafts never show here. The
-- view runs as its owner; it shows only these columns.
CREATE VIEW hub.open_findings WITH (security_barrier) AS
SELECT f.id, pp.park_id, i.park_proposal, i.id AS inspection_id, i.date AS inspection_date,
       i.report_number, f.template_id, f.item_code, f.severity, f.requirement, f.deadline,
       f.responsible, f.carried_from, f.created_at
FROM hub.inspections i
JOIN hub.park_proposals pp ON pp.id = i.park_proposal
JOIN hub.findings f ON f.revision_id = i.current_revision AND f.status = 'open'
WHERE i.status IN ('completed', 'signed')
  AND NOT EXISTS (
      SELECT 1 FROM hub.findings later
      JOIN hub.inspections li ON li.current_revision = later.revision_id
      WHERE later.carried_from = f.id AND li.status IN ('completed', 'signed'));
GRANT SELECT ON hub.open_findings TO pi_inspector, pi_reviewer, pi_admin;
