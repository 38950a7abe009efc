CREATE TABLE "dossier" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"province_code" text NOT NULL,
	"procedure_id" uuid NOT NULL,
	"procedure_version" integer NOT NULL,
	"receiving_agency_id" uuid NOT NULL,
	"competent_agency_id" uuid NOT NULL,
	"current_agency_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"status" text NOT NULL,
	"applicant" jsonb NOT NULL,
	"phone_tail" text NOT NULL,
	"applicant_user_id" uuid,
	"received_by" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"received_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"original_due_at" timestamp with time zone,
	"due_calendar_version" text,
	"due_rule" jsonb,
	"pauses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"supplement_intake_at" timestamp with time zone,
	"supplement_appraisal_at" timestamp with time zone,
	"supplement_items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"apology_issued_at" timestamp with time zone,
	"apology_reason" text,
	"refusal_reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"is_late" boolean DEFAULT false NOT NULL,
	"late_flagged_at" timestamp with time zone,
	"assigned_to" uuid,
	"current_step" text DEFAULT 'receive' NOT NULL,
	"step_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"fees_due" integer DEFAULT 0 NOT NULL,
	"fees_paid_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_document" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"procedure_document_id" uuid,
	"name" text NOT NULL,
	"form" text DEFAULT 'original' NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	"storage_key" text,
	"sha256" text,
	"mime" text,
	"size" integer,
	"stage" text DEFAULT 'intake' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_id" uuid,
	"actor_label" text NOT NULL,
	"agency_id" uuid,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_handoff" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"step" text NOT NULL,
	"from_agency_id" uuid,
	"from_user_id" uuid,
	"to_agency_id" uuid,
	"to_user_id" uuid,
	"step_started_at" timestamp with time zone NOT NULL,
	"budget_hours" integer,
	"step_due_at" timestamp with time zone,
	"result" text,
	"note" text,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_rating" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"procedure_id" uuid NOT NULL,
	"receiving_agency_id" uuid NOT NULL,
	"competent_agency_id" uuid NOT NULL,
	"officer_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"satisfaction" text NOT NULL,
	"times_returned" integer NOT NULL,
	"bodies_contacted" integer NOT NULL,
	"attitude" text NOT NULL,
	"scores" jsonb NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_sequence" (
	"agency_id" uuid NOT NULL,
	"day" date NOT NULL,
	"last_value" integer NOT NULL,
	CONSTRAINT "dossier_sequence_agency_id_day_pk" PRIMARY KEY("agency_id","day")
);
--> statement-breakpoint
CREATE TABLE "notification_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_code" text,
	"dossier_id" uuid,
	"channel" text NOT NULL,
	"recipient" text NOT NULL,
	"recipient_user_id" uuid,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "dossier" ADD CONSTRAINT "dossier_procedure_id_procedure_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedure"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier" ADD CONSTRAINT "dossier_receiving_agency_id_agency_id_fk" FOREIGN KEY ("receiving_agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier" ADD CONSTRAINT "dossier_competent_agency_id_agency_id_fk" FOREIGN KEY ("competent_agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier" ADD CONSTRAINT "dossier_current_agency_id_agency_id_fk" FOREIGN KEY ("current_agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier" ADD CONSTRAINT "dossier_applicant_user_id_user_account_id_fk" FOREIGN KEY ("applicant_user_id") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier" ADD CONSTRAINT "dossier_received_by_user_account_id_fk" FOREIGN KEY ("received_by") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier" ADD CONSTRAINT "dossier_assigned_to_user_account_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_document" ADD CONSTRAINT "dossier_document_dossier_id_dossier_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossier"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_document" ADD CONSTRAINT "dossier_document_procedure_document_id_procedure_document_id_fk" FOREIGN KEY ("procedure_document_id") REFERENCES "public"."procedure_document"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_event" ADD CONSTRAINT "dossier_event_dossier_id_dossier_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossier"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_handoff" ADD CONSTRAINT "dossier_handoff_dossier_id_dossier_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossier"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_handoff" ADD CONSTRAINT "dossier_handoff_from_agency_id_agency_id_fk" FOREIGN KEY ("from_agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_handoff" ADD CONSTRAINT "dossier_handoff_from_user_id_user_account_id_fk" FOREIGN KEY ("from_user_id") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_handoff" ADD CONSTRAINT "dossier_handoff_to_agency_id_agency_id_fk" FOREIGN KEY ("to_agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_handoff" ADD CONSTRAINT "dossier_handoff_to_user_id_user_account_id_fk" FOREIGN KEY ("to_user_id") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_rating" ADD CONSTRAINT "dossier_rating_dossier_id_dossier_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossier"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_sequence" ADD CONSTRAINT "dossier_sequence_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD CONSTRAINT "notification_outbox_dossier_id_dossier_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossier"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_code_uq" ON "dossier" USING btree ("code");--> statement-breakpoint
CREATE INDEX "dossier_receiving_idx" ON "dossier" USING btree ("receiving_agency_id","status","due_at");--> statement-breakpoint
CREATE INDEX "dossier_competent_idx" ON "dossier" USING btree ("competent_agency_id","status","due_at");--> statement-breakpoint
CREATE INDEX "dossier_current_idx" ON "dossier" USING btree ("current_agency_id","status","due_at");--> statement-breakpoint
CREATE INDEX "dossier_assigned_idx" ON "dossier" USING btree ("assigned_to","due_at");--> statement-breakpoint
CREATE INDEX "dossier_applicant_idx" ON "dossier" USING btree ("applicant_user_id","created_at");--> statement-breakpoint
CREATE INDEX "dossier_open_due_idx" ON "dossier" USING btree ("due_at") WHERE closed_at is null;--> statement-breakpoint
CREATE INDEX "dossier_province_time_idx" ON "dossier" USING btree ("province_code","created_at");--> statement-breakpoint
CREATE INDEX "dossier_document_dossier_idx" ON "dossier_document" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "dossier_event_dossier_idx" ON "dossier_event" USING btree ("dossier_id","occurred_at");--> statement-breakpoint
CREATE INDEX "dossier_event_province_time_idx" ON "dossier_event" USING btree ("province_code","occurred_at");--> statement-breakpoint
CREATE INDEX "dossier_handoff_dossier_idx" ON "dossier_handoff" USING btree ("dossier_id","occurred_at");--> statement-breakpoint
CREATE INDEX "dossier_handoff_province_time_idx" ON "dossier_handoff" USING btree ("province_code","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_rating_dossier_uq" ON "dossier_rating" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "dossier_rating_province_time_idx" ON "dossier_rating" USING btree ("province_code","created_at");--> statement-breakpoint
CREATE INDEX "notification_outbox_pending_idx" ON "notification_outbox" USING btree ("created_at") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "notification_outbox_user_idx" ON "notification_outbox" USING btree ("recipient_user_id","created_at");--> statement-breakpoint
CREATE INDEX "notification_outbox_dossier_idx" ON "notification_outbox" USING btree ("dossier_id");