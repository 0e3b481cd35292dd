-- Row-level security for the AI tables (see 0001 for the helper).
SELECT plaibook_enable_tenant_rls('turn_analyses');
--> statement-breakpoint
SELECT plaibook_enable_tenant_rls('escalations');
--> statement-breakpoint
SELECT plaibook_enable_tenant_rls('appointments');
--> statement-breakpoint
SELECT plaibook_enable_tenant_rls('integrations');
--> statement-breakpoint
-- The Overseer's log is append-only: the app may read and add, never change or remove.
REVOKE UPDATE, DELETE ON turn_analyses FROM plaibook_app;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
-- No double booking, even when two bookings race: the internal calendar's booked appointments never
-- overlap (a CRM keeps its own schedule across many routes).
ALTER TABLE appointments ADD CONSTRAINT appointments_no_overlap
  EXCLUDE USING gist (org_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (status = 'booked' AND provider = 'internal');
--> statement-breakpoint
UPDATE messages SET author = 'lead' WHERE direction = 'inbound';
