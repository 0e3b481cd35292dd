-- Row-level security for the campaign and messaging tables (see 0001 for the helper).
SELECT plaibook_enable_tenant_rls('playbooks');
--> statement-breakpoint
SELECT plaibook_enable_tenant_rls('playbook_versions');
--> statement-breakpoint
SELECT plaibook_enable_tenant_rls('leads');
--> statement-breakpoint
SELECT plaibook_enable_tenant_rls('lead_imports');
--> statement-breakpoint
SELECT plaibook_enable_tenant_rls('lead_import_rejections');
--> statement-breakpoint
SELECT plaibook_enable_tenant_rls('campaigns');
--> statement-breakpoint
SELECT plaibook_enable_tenant_rls('campaign_leads');
--> statement-breakpoint
SELECT plaibook_enable_tenant_rls('phone_numbers');
--> statement-breakpoint
SELECT plaibook_enable_tenant_rls('conversations');
--> statement-breakpoint
SELECT plaibook_enable_tenant_rls('messages');
--> statement-breakpoint
SELECT plaibook_enable_tenant_rls('webhook_inbox');
--> statement-breakpoint
SELECT plaibook_enable_tenant_rls('sandbox_outbox');
--> statement-breakpoint
SELECT plaibook_enable_tenant_rls('opt_outs');
--> statement-breakpoint
SELECT plaibook_enable_tenant_rls('usage_ledger');
--> statement-breakpoint
SELECT plaibook_enable_tenant_rls('tasks');
--> statement-breakpoint
-- Immutable and append-only tables.
REVOKE UPDATE, DELETE ON playbook_versions, usage_ledger FROM plaibook_app;
--> statement-breakpoint
-- An inbound message or status callback names only our number: find its organisation.
CREATE OR REPLACE FUNCTION messaging_find_number(p_e164 text)
  RETURNS TABLE (org_id uuid, provider text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT org_id, provider FROM phone_numbers WHERE e164 = p_e164 $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION messaging_find_number(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION messaging_find_number(text) TO plaibook_app;
