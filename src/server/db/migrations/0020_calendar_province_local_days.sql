CREATE TABLE "calendar_province" (
	"province_code" text PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "calendar_override_active_uq";--> statement-breakpoint
ALTER TABLE "calendar_override" ADD COLUMN "province_code" text;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_override_local_active_uq" ON "calendar_override" USING btree ("province_code","date") WHERE "calendar_override"."removed_at" is null and "calendar_override"."province_code" is not null;--> statement-breakpoint
CREATE INDEX "calendar_override_national_id_idx" ON "calendar_override" USING btree ("id") WHERE "calendar_override"."province_code" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_override_active_uq" ON "calendar_override" USING btree ("date") WHERE "calendar_override"."removed_at" is null and "calendar_override"."province_code" is null;--> statement-breakpoint
ALTER TABLE "calendar_override" ADD CONSTRAINT "calendar_override_local_day_off_ck" CHECK ("calendar_override"."province_code" is null or "calendar_override"."kind" = 'day_off');