ALTER TABLE "phone_numbers" ADD COLUMN "rate_window_start" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "phone_numbers" ADD COLUMN "rate_window_count" integer DEFAULT 0 NOT NULL;