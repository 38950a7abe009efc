CREATE TABLE "procedure" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"province_code" text NOT NULL,
	"name" text NOT NULL,
	"field_code" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"online_level" text NOT NULL,
	"limit_amount" numeric(8, 2) NOT NULL,
	"limit_unit" text NOT NULL,
	"fees" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"result_type" text NOT NULL,
	"legal_basis" text DEFAULT '' NOT NULL,
	"rule_version" text NOT NULL,
	"effective_from" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "procedure_document" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"procedure_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"originals" integer DEFAULT 1 NOT NULL,
	"copies" integer DEFAULT 0 NOT NULL,
	"is_required" boolean DEFAULT true NOT NULL,
	"template_name" text,
	"template_url" text,
	"note" text,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "procedure_field" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "procedure_step" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"procedure_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"handling_agency_kind" text NOT NULL,
	"agency_id" uuid,
	"budget" numeric(8, 2) NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "procedure_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"procedure_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"rule_version" text NOT NULL,
	"effective_from" date NOT NULL,
	"snapshot" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "procedure" ADD CONSTRAINT "procedure_field_code_procedure_field_code_fk" FOREIGN KEY ("field_code") REFERENCES "public"."procedure_field"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure" ADD CONSTRAINT "procedure_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_document" ADD CONSTRAINT "procedure_document_procedure_id_procedure_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedure"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_step" ADD CONSTRAINT "procedure_step_procedure_id_procedure_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedure"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_step" ADD CONSTRAINT "procedure_step_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_version" ADD CONSTRAINT "procedure_version_procedure_id_procedure_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedure"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_version" ADD CONSTRAINT "procedure_version_created_by_user_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "procedure_province_code_uq" ON "procedure" USING btree ("province_code","code");--> statement-breakpoint
CREATE INDEX "procedure_code_idx" ON "procedure" USING btree ("code");--> statement-breakpoint
CREATE INDEX "procedure_agency_idx" ON "procedure" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "procedure_field_idx" ON "procedure" USING btree ("field_code");--> statement-breakpoint
CREATE INDEX "procedure_sort_idx" ON "procedure" USING btree (f_unaccent(lower("name")),"id");--> statement-breakpoint
CREATE INDEX "procedure_search_idx" ON "procedure" USING gin (f_unaccent(lower("name")) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "procedure_document_procedure_idx" ON "procedure_document" USING btree ("procedure_id","position");--> statement-breakpoint
CREATE INDEX "procedure_step_procedure_idx" ON "procedure_step" USING btree ("procedure_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "procedure_version_uq" ON "procedure_version" USING btree ("procedure_id","version");