ALTER TABLE "calls" ADD COLUMN "transcript" jsonb;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "transcript_source" text;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "transcript_model" text;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "analysis" jsonb;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "analysis_engine" text;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "analyzed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "outcome" text;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "objection_labels" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "objection_categories" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "rep_talk_ratio" double precision;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "peaks" jsonb;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "call_settings" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
CREATE INDEX "calls_org_outcome_idx" ON "calls" USING btree ("org_id","outcome","started_at");--> statement-breakpoint
CREATE INDEX "calls_objection_categories_idx" ON "calls" USING gin ("objection_categories");--> statement-breakpoint
CREATE INDEX "calls_org_rep_idx" ON "calls" USING btree ("org_id","rep_user_id","started_at");