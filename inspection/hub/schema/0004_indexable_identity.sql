-- Policies that an index can serve: session_user is of type name, the owner columns are text,
-- and text = name cannot use a text index — each check scanned its whole table (blob_holders
-- grows by a row per file). The same rules, compared as text. And the check that a chunk has
-- its blob runs at commit as the table's owner: it must see every blob, not only the caller's.

ALTER FUNCTION hub.chunk_has_blob() SECURITY DEFINER;
REVOKE ALL ON FUNCTION hub.chunk_has_blob() FROM PUBLIC;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['inspections', 'revisions', 'revision_files', 'answers', 'findings',
            'photos', 'signatures', 'reports'] LOOP
        EXECUTE format('ALTER POLICY inspector_own ON hub.%I USING (owner = (session_user)::text)', t);
    END LOOP;
END $$;

ALTER POLICY self_reads ON hub.users USING (name = (session_user)::text);
ALTER POLICY inspector_own ON hub.park_proposals
    USING (proposed_by = (session_user)::text
           OR id IN (SELECT park_proposal FROM hub.inspections WHERE owner = (session_user)::text));
ALTER POLICY inspector_held ON hub.blobs
    USING (sha256 IN (SELECT sha256 FROM hub.blob_holders WHERE holder = (session_user)::text));
ALTER POLICY inspector_held ON hub.blob_chunks
    USING (sha256 IN (SELECT sha256 FROM hub.blob_holders WHERE holder = (session_user)::text));
ALTER POLICY inspector_held ON hub.blob_holders USING (holder = (session_user)::text);
ALTER POLICY inspector_own ON hub.reviews USING (inspection_owner = (session_user)::text);
ALTER POLICY reviewer_records ON hub.reviews WITH CHECK (reviewer = (session_user)::text);

CREATE INDEX park_proposals_proposed_by ON hub.park_proposals (proposed_by);
