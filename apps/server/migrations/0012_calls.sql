CREATE TABLE "calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"source" text NOT NULL,
	"external_id" text NOT NULL,
	"rep_user_id" uuid,
	"rep_name" text,
	"lead_phone" text,
	"direction" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text,
	"original_key" text NOT NULL,
	"original_bytes" bigint NOT NULL,
	"original_sha256" text NOT NULL,
	"audio_key" text,
	"duration_seconds" double precision,
	"status" text DEFAULT 'received' NOT NULL,
	"status_reason" text,
	"progress" integer DEFAULT 0 NOT NULL,
	"supplied_transcript" jsonb,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calls_source_external_key" ON "calls" USING btree ("org_id","source","external_id");--> statement-breakpoint
CREATE INDEX "calls_org_started_idx" ON "calls" USING btree ("org_id","started_at");--> statement-breakpoint
CREATE INDEX "calls_org_status_idx" ON "calls" USING btree ("org_id","status") WHERE "calls"."status" <> 'analyzed';--> statement-breakpoint
SELECT plaibook_enable_tenant_rls('calls');
