CREATE TABLE "import_job" (
	"id" uuid PRIMARY KEY NOT NULL,
	"agency_id" uuid NOT NULL,
	"created_by" uuid,
	"file_name" text NOT NULL,
	"is_dry_run" boolean NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"imported" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"rejected" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "job_position" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"org_unit_id" uuid,
	"name" text NOT NULL,
	"quota" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "official" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"province_code" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"org_unit_id" uuid,
	"family_name" text NOT NULL,
	"middle_name" text DEFAULT '' NOT NULL,
	"given_name" text NOT NULL,
	"full_name" text NOT NULL,
	"sort_key" text NOT NULL,
	"date_of_birth" date NOT NULL,
	"gender" text NOT NULL,
	"ethnicity" text DEFAULT 'Kinh' NOT NULL,
	"category" text NOT NULL,
	"position_id" uuid,
	"rank" text,
	"leadership_title" text,
	"is_party_member" boolean DEFAULT false NOT NULL,
	"political_theory" text DEFAULT 'none' NOT NULL,
	"professional_degree" text DEFAULT 'khac' NOT NULL,
	"professional_field" text,
	"state_management" text,
	"it_level" text,
	"foreign_language" text,
	"id_number" text,
	"phone" text,
	"email" text,
	"user_id" uuid,
	"status" text DEFAULT 'active' NOT NULL,
	"joined_at" date,
	"left_at" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "official_assignment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"official_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"org_unit_id" uuid,
	"position_id" uuid,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "streamlining_candidate" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"official_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"rule_set" text NOT NULL,
	"group_code" text NOT NULL,
	"reason" text NOT NULL,
	"deferral_code" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"flagged_by" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_record" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"official_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"institution" text,
	"from_date" date,
	"to_date" date,
	"certificate" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "import_job" ADD CONSTRAINT "import_job_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_position" ADD CONSTRAINT "job_position_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_position" ADD CONSTRAINT "job_position_org_unit_id_org_unit_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "official" ADD CONSTRAINT "official_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "official" ADD CONSTRAINT "official_org_unit_id_org_unit_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "official" ADD CONSTRAINT "official_position_id_job_position_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."job_position"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "official" ADD CONSTRAINT "official_user_id_user_account_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "official_assignment" ADD CONSTRAINT "official_assignment_official_id_official_id_fk" FOREIGN KEY ("official_id") REFERENCES "public"."official"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "official_assignment" ADD CONSTRAINT "official_assignment_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "official_assignment" ADD CONSTRAINT "official_assignment_org_unit_id_org_unit_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "official_assignment" ADD CONSTRAINT "official_assignment_position_id_job_position_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."job_position"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "streamlining_candidate" ADD CONSTRAINT "streamlining_candidate_official_id_official_id_fk" FOREIGN KEY ("official_id") REFERENCES "public"."official"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "streamlining_candidate" ADD CONSTRAINT "streamlining_candidate_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_record" ADD CONSTRAINT "training_record_official_id_official_id_fk" FOREIGN KEY ("official_id") REFERENCES "public"."official"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "job_position_uq" ON "job_position" USING btree ("agency_id",coalesce("org_unit_id", '00000000-0000-0000-0000-000000000000'::uuid),"name");--> statement-breakpoint
CREATE UNIQUE INDEX "official_code_uq" ON "official" USING btree ("province_code","code");--> statement-breakpoint
CREATE INDEX "official_agency_status_idx" ON "official" USING btree ("agency_id","status");--> statement-breakpoint
CREATE INDEX "official_sort_idx" ON "official" USING btree ("sort_key" collate "C","id");--> statement-breakpoint
CREATE INDEX "official_search_idx" ON "official" USING gin (f_unaccent(lower("full_name")) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "official_assignment_official_idx" ON "official_assignment" USING btree ("official_id","valid_from");--> statement-breakpoint
CREATE INDEX "official_assignment_agency_idx" ON "official_assignment" USING btree ("agency_id","valid_from");--> statement-breakpoint
CREATE UNIQUE INDEX "official_assignment_open_uq" ON "official_assignment" USING btree ("official_id") WHERE "official_assignment"."valid_to" is null;--> statement-breakpoint
CREATE INDEX "streamlining_candidate_agency_idx" ON "streamlining_candidate" USING btree ("agency_id","status");--> statement-breakpoint
CREATE INDEX "streamlining_candidate_official_idx" ON "streamlining_candidate" USING btree ("official_id");--> statement-breakpoint
CREATE INDEX "training_record_official_idx" ON "training_record" USING btree ("official_id");