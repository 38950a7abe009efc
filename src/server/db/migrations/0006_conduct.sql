CREATE TABLE "annual_rating" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"official_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"regime" text NOT NULL,
	"self_general" numeric(5, 2),
	"self_task" numeric(5, 2),
	"self_grade" text,
	"self_comment" text,
	"manager_general" numeric(5, 2),
	"manager_task" numeric(5, 2),
	"manager_grade" text,
	"manager_comment" text,
	"manager_id" uuid,
	"final_grade" text,
	"final_reason" text,
	"status" text DEFAULT 'self' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attendance_record" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"official_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"work_date" date NOT NULL,
	"check_in" timestamp with time zone,
	"check_out" timestamp with time zone,
	"source" text NOT NULL,
	"late_minutes" integer DEFAULT 0 NOT NULL,
	"early_minutes" integer DEFAULT 0 NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commitment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"official_id" uuid NOT NULL,
	"rule_set_id" uuid NOT NULL,
	"text_hash" text NOT NULL,
	"acknowledged_at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "commitment_campaign" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conduct_rule" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rule_set_id" uuid NOT NULL,
	"chapter" integer NOT NULL,
	"chapter_title" text NOT NULL,
	"number" integer NOT NULL,
	"text" text NOT NULL,
	"checklist_item" text,
	"is_confirmed" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "discipline_case" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"official_id" uuid NOT NULL,
	"violation_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"act_date" date NOT NULL,
	"regime" text NOT NULL,
	"category" text NOT NULL,
	"is_leader" boolean DEFAULT false NOT NULL,
	"severity" text NOT NULL,
	"is_complex" boolean DEFAULT false NOT NULL,
	"is_duty_related" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"waiting_reason" text,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"handling_due" timestamp with time zone NOT NULL,
	"calendar_version" text NOT NULL,
	"limitation_until" date,
	"limitation_rule" text NOT NULL,
	"documents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"decision_form" text,
	"decision_number" text,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"complaint_text" text,
	"complaint_at" timestamp with time zone,
	"complaint_status" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "emulation_campaign" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"agency_id" uuid,
	"title" text NOT NULL,
	"from_year" integer NOT NULL,
	"to_year" integer NOT NULL,
	"legal_reference" text NOT NULL,
	"criteria" jsonb NOT NULL,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emulation_score" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"agency_id" uuid NOT NULL,
	"official_id" uuid,
	"criterion" text NOT NULL,
	"points" numeric(6, 2) NOT NULL,
	"note" text,
	"scored_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"kind" text NOT NULL,
	"inspected_at" timestamp with time zone NOT NULL,
	"rule_set_id" uuid,
	"inspector_id" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_finding" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inspection_id" uuid NOT NULL,
	"official_id" uuid NOT NULL,
	"checklist_item" text NOT NULL,
	"rule_id" uuid,
	"is_compliant" boolean NOT NULL,
	"note" text,
	"photo_keys" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"violation_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rule_set" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"title" text NOT NULL,
	"legal_reference" text NOT NULL,
	"effective_from" date NOT NULL,
	"agency_id" uuid,
	"is_sample" boolean DEFAULT false NOT NULL,
	"text_hash" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "violation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"official_id" uuid NOT NULL,
	"source" text NOT NULL,
	"rule_id" uuid,
	"occurred_on" date NOT NULL,
	"description" text NOT NULL,
	"evidence" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"is_duty_related" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'reported' NOT NULL,
	"answer_text" text,
	"answered_at" timestamp with time zone,
	"reviewer_id" uuid,
	"review_note" text,
	"reviewed_at" timestamp with time zone,
	"reported_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "annual_rating" ADD CONSTRAINT "annual_rating_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_rating" ADD CONSTRAINT "annual_rating_official_id_official_id_fk" FOREIGN KEY ("official_id") REFERENCES "public"."official"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_record" ADD CONSTRAINT "attendance_record_official_id_official_id_fk" FOREIGN KEY ("official_id") REFERENCES "public"."official"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_record" ADD CONSTRAINT "attendance_record_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment" ADD CONSTRAINT "commitment_campaign_id_commitment_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."commitment_campaign"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment" ADD CONSTRAINT "commitment_official_id_official_id_fk" FOREIGN KEY ("official_id") REFERENCES "public"."official"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment" ADD CONSTRAINT "commitment_rule_set_id_rule_set_id_fk" FOREIGN KEY ("rule_set_id") REFERENCES "public"."rule_set"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment" ADD CONSTRAINT "commitment_user_id_user_account_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_campaign" ADD CONSTRAINT "commitment_campaign_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conduct_rule" ADD CONSTRAINT "conduct_rule_rule_set_id_rule_set_id_fk" FOREIGN KEY ("rule_set_id") REFERENCES "public"."rule_set"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discipline_case" ADD CONSTRAINT "discipline_case_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discipline_case" ADD CONSTRAINT "discipline_case_official_id_official_id_fk" FOREIGN KEY ("official_id") REFERENCES "public"."official"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_campaign" ADD CONSTRAINT "emulation_campaign_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_score" ADD CONSTRAINT "emulation_score_campaign_id_emulation_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."emulation_campaign"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_score" ADD CONSTRAINT "emulation_score_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_score" ADD CONSTRAINT "emulation_score_official_id_official_id_fk" FOREIGN KEY ("official_id") REFERENCES "public"."official"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection" ADD CONSTRAINT "inspection_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection" ADD CONSTRAINT "inspection_rule_set_id_rule_set_id_fk" FOREIGN KEY ("rule_set_id") REFERENCES "public"."rule_set"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection" ADD CONSTRAINT "inspection_inspector_id_user_account_id_fk" FOREIGN KEY ("inspector_id") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_finding" ADD CONSTRAINT "inspection_finding_inspection_id_inspection_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspection"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_finding" ADD CONSTRAINT "inspection_finding_official_id_official_id_fk" FOREIGN KEY ("official_id") REFERENCES "public"."official"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_finding" ADD CONSTRAINT "inspection_finding_rule_id_conduct_rule_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."conduct_rule"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rule_set" ADD CONSTRAINT "rule_set_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "violation" ADD CONSTRAINT "violation_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "violation" ADD CONSTRAINT "violation_official_id_official_id_fk" FOREIGN KEY ("official_id") REFERENCES "public"."official"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "violation" ADD CONSTRAINT "violation_rule_id_conduct_rule_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."conduct_rule"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "annual_rating_uq" ON "annual_rating" USING btree ("official_id","year");--> statement-breakpoint
CREATE INDEX "annual_rating_agency_idx" ON "annual_rating" USING btree ("agency_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "attendance_record_uq" ON "attendance_record" USING btree ("official_id","work_date");--> statement-breakpoint
CREATE INDEX "attendance_record_agency_idx" ON "attendance_record" USING btree ("agency_id","work_date");--> statement-breakpoint
CREATE UNIQUE INDEX "commitment_uq" ON "commitment" USING btree ("campaign_id","official_id","rule_set_id");--> statement-breakpoint
CREATE UNIQUE INDEX "commitment_campaign_uq" ON "commitment_campaign" USING btree ("agency_id","year","title");--> statement-breakpoint
CREATE UNIQUE INDEX "conduct_rule_number_uq" ON "conduct_rule" USING btree ("rule_set_id","chapter","number");--> statement-breakpoint
CREATE INDEX "discipline_case_agency_idx" ON "discipline_case" USING btree ("agency_id","status");--> statement-breakpoint
CREATE INDEX "discipline_case_official_idx" ON "discipline_case" USING btree ("official_id","decided_at");--> statement-breakpoint
CREATE UNIQUE INDEX "emulation_campaign_code_uq" ON "emulation_campaign" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "emulation_score_uq" ON "emulation_score" USING btree ("campaign_id","year","agency_id",coalesce("official_id", '00000000-0000-0000-0000-000000000000'::uuid),"criterion");--> statement-breakpoint
CREATE INDEX "inspection_agency_idx" ON "inspection" USING btree ("agency_id","inspected_at");--> statement-breakpoint
CREATE INDEX "inspection_finding_inspection_idx" ON "inspection_finding" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "inspection_finding_official_idx" ON "inspection_finding" USING btree ("official_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rule_set_code_version_uq" ON "rule_set" USING btree ("code","version");--> statement-breakpoint
CREATE INDEX "violation_agency_idx" ON "violation" USING btree ("agency_id","status","created_at");--> statement-breakpoint
CREATE INDEX "violation_official_idx" ON "violation" USING btree ("official_id","occurred_on");