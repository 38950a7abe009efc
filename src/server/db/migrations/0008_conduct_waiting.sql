ALTER TABLE "discipline_case" ADD COLUMN "waiting_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "discipline_case" ADD COLUMN "pauses" jsonb DEFAULT '[]'::jsonb NOT NULL;