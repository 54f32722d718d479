"""The hub's schema, object by object, against the mistakes that open it: a table without
forced row-level security, a definer function without a fixed search_path or callable by
PUBLIC, a view that leaks rows to a leaky function, grants to PUBLIC, objects owned by anyone
but pi_owner, and the default privileges later migrations inherit. Every migration, present
and future, is held to these."""


def _rows(conn, sql):
    return conn.execute(sql).fetchall()


def test_every_table_has_forced_row_level_security(hub):
    with hub.admin() as conn:
        loose = _rows(conn, """
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'hub' AND c.relkind IN ('r', 'p')
              AND NOT (c.relrowsecurity AND c.relforcerowsecurity)""")
    assert loose == []


def test_every_definer_function_fixes_its_search_path(hub):
    with hub.admin() as conn:
        loose = _rows(conn, """
            SELECT p.oid::regprocedure::text, p.proconfig FROM pg_proc p
            JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = 'hub' AND p.prosecdef
              AND NOT coalesce('search_path=pg_catalog, pg_temp' = ANY (p.proconfig), false)""")
    assert loose == []


def test_no_function_is_callable_by_public(hub):
    """PUBLIC is every role of the cluster, not only the hub's: a function is granted to the
    groups that need it."""
    with hub.admin() as conn:
        public = _rows(conn, """
            SELECT p.oid::regprocedure::text FROM pg_proc p
            JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = 'hub'
              AND (p.proacl IS NULL OR EXISTS (SELECT 1 FROM aclexplode(p.proacl) a
                                               WHERE a.grantee = 0 AND a.privilege_type = 'EXECUTE'))""")
    assert public == []


def test_no_table_view_or_sequence_is_granted_to_public(hub):
    with hub.admin() as conn:
        public = _rows(conn, """
            SELECT c.relname, a.privilege_type FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace, aclexplode(c.relacl) a
            WHERE n.nspname = 'hub' AND a.grantee = 0""")
        schema = _rows(conn, """
            SELECT a.privilege_type FROM pg_namespace n, aclexplode(n.nspacl) a
            WHERE n.nspname IN ('hub', 'public') AND a.grantee = 0 AND a.privilege_type = 'CREATE'""")
    assert public == [] and schema == []


def test_every_view_is_a_security_barrier(hub):
    with hub.admin() as conn:
        loose = _rows(conn, """
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'hub' AND c.relkind = 'v'
              AND NOT coalesce('security_barrier=true' = ANY (c.reloptions), false)
              AND NOT coalesce('security_invoker=true' = ANY (c.reloptions), false)""")
    assert loose == []


def test_everything_in_the_schema_belongs_to_pi_owner(hub):
    with hub.admin() as conn:
        strangers = _rows(conn, """
            SELECT c.relname, pg_get_userbyid(c.relowner) FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'hub' AND pg_get_userbyid(c.relowner) <> 'pi_owner'
            UNION ALL
            SELECT p.proname, pg_get_userbyid(p.proowner) FROM pg_proc p
            JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = 'hub' AND pg_get_userbyid(p.proowner) <> 'pi_owner'""")
        schema_owner = conn.execute("SELECT pg_get_userbyid(nspowner) FROM pg_namespace"
                                    " WHERE nspname = 'hub'").fetchone()[0]
    assert strangers == [] and schema_owner == "pi_owner"


def test_functions_a_later_migration_creates_are_not_publics(hub):
    """The owner's default privileges: a function created as pi_owner without a GRANT is
    callable by nobody but its owner (a migration grants what each group needs)."""
    with hub.admin() as conn:
        conn.execute("SET ROLE pi_owner")
        conn.execute("CREATE FUNCTION hub.attack_probe() RETURNS int LANGUAGE sql RETURN 1")
        conn.execute("RESET ROLE")
        granted = _rows(conn, """
            SELECT a.grantee FROM pg_proc p, aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
            WHERE p.oid = 'hub.attack_probe()'::regprocedure AND a.grantee = 0""")
        conn.execute("DROP FUNCTION hub.attack_probe()")
    assert granted == []
