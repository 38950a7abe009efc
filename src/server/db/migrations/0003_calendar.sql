CREATE TABLE "calendar_override" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "calendar_override_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"source" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_by" uuid,
	"removed_at" timestamp with time zone,
	CONSTRAINT "calendar_override_kind_ck" CHECK ("calendar_override"."kind" in ('day_off', 'working_day'))
);
--> statement-breakpoint
CREATE TABLE "calendar_year" (
	"year" integer PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"legal_reference" text,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_year_status_ck" CHECK ("calendar_year"."status" in ('official', 'provisional'))
);
--> statement-breakpoint
ALTER TABLE "calendar_override" ADD CONSTRAINT "calendar_override_created_by_user_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_override" ADD CONSTRAINT "calendar_override_removed_by_user_account_id_fk" FOREIGN KEY ("removed_by") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_year" ADD CONSTRAINT "calendar_year_confirmed_by_user_account_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_override_active_uq" ON "calendar_override" USING btree ("date") WHERE "calendar_override"."removed_at" is null;--> statement-breakpoint
CREATE INDEX "calendar_override_date_idx" ON "calendar_override" USING btree ("date");