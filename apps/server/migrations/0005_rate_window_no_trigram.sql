DROP INDEX "leads_search_idx";--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "rate_window_start" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "rate_window_count" integer DEFAULT 0 NOT NULL;