-- Tenancy: the app role, row-level security on every tenant table, and the few
-- security-definer functions that look a row up before the organisation is known.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'plaibook_app') THEN
    CREATE ROLE plaibook_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END $$;
--> statement-breakpoint
-- The migrating role connects and switches to the app role (`-c role=plaibook_app`).
GRANT plaibook_app TO CURRENT_USER;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO plaibook_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO plaibook_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO plaibook_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON organizations, users, refresh_tokens TO plaibook_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON audit_log TO plaibook_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION plaibook_current_org() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.org_id', true), '')::uuid $$;
--> statement-breakpoint
-- Every tenant table calls this once: RLS on, forced for the owner too, one policy on org_id.
CREATE OR REPLACE FUNCTION plaibook_enable_tenant_rls(tbl regclass, org_column text DEFAULT 'org_id') RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
  EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %s', tbl);
  EXECUTE format(
    'CREATE POLICY tenant_isolation ON %s USING (%I = (SELECT plaibook_current_org())) WITH CHECK (%I = (SELECT plaibook_current_org()))',
    tbl, org_column, org_column);
END $$;
--> statement-breakpoint
SELECT plaibook_enable_tenant_rls('organizations', 'id');
--> statement-breakpoint
SELECT plaibook_enable_tenant_rls('users');
--> statement-breakpoint
SELECT plaibook_enable_tenant_rls('refresh_tokens');
--> statement-breakpoint
-- The audit log reads per organisation, but accepts organisation-less events (unknown email at login).
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY audit_read ON audit_log FOR SELECT USING (org_id = (SELECT plaibook_current_org()));
--> statement-breakpoint
CREATE POLICY audit_append ON audit_log FOR INSERT
  WITH CHECK (org_id IS NULL OR org_id = (SELECT plaibook_current_org()));
--> statement-breakpoint
-- Lookups made before the organisation is known. Each returns only ids, never secrets, and
-- runs as the owner (which bypasses RLS), so the app role needs no cross-tenant read.
CREATE OR REPLACE FUNCTION auth_find_user_by_email(p_email text)
  RETURNS TABLE (user_id uuid, org_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT id, org_id FROM users WHERE email = lower(p_email) $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION auth_find_refresh_token(p_token_hash text)
  RETURNS TABLE (token_id uuid, org_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT id, org_id FROM refresh_tokens WHERE token_hash = p_token_hash $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION auth_find_invite(p_token_hash text)
  RETURNS TABLE (user_id uuid, org_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT id, org_id FROM users WHERE invite_token_hash = p_token_hash $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION auth_find_user_by_email(text), auth_find_refresh_token(text), auth_find_invite(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION auth_find_user_by_email(text), auth_find_refresh_token(text), auth_find_invite(text) TO plaibook_app;
--> statement-breakpoint
-- Socket.IO Postgres adapter: large payloads travel through this table.
CREATE TABLE IF NOT EXISTS socket_io_attachments (
  id bigserial UNIQUE,
  created_at timestamptz DEFAULT now(),
  payload bytea
);
