CREATE TABLE "official_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"official_id" uuid NOT NULL,
	"category" text NOT NULL,
	"political_theory" text NOT NULL,
	"professional_degree" text NOT NULL,
	"is_party_member" boolean NOT NULL,
	"rank" text,
	"position_id" uuid,
	"leadership_title" text,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workforce_stat" (
	"agency_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"value" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "workforce_stat_agency_id_dimension_value_pk" PRIMARY KEY("agency_id","dimension","value")
);
--> statement-breakpoint
ALTER TABLE "official_history" ADD CONSTRAINT "official_history_official_id_official_id_fk" FOREIGN KEY ("official_id") REFERENCES "public"."official"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "official_history" ADD CONSTRAINT "official_history_position_id_job_position_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."job_position"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workforce_stat" ADD CONSTRAINT "workforce_stat_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "official_history_official_idx" ON "official_history" USING btree ("official_id","valid_from");--> statement-breakpoint
CREATE UNIQUE INDEX "official_history_open_uq" ON "official_history" USING btree ("official_id") WHERE "official_history"."valid_to" is null;--> statement-breakpoint
CREATE INDEX "official_birth_idx" ON "official" USING btree ("date_of_birth");--> statement-breakpoint
CREATE INDEX "official_assignment_valid_to_idx" ON "official_assignment" USING btree ("valid_to") WHERE "official_assignment"."valid_to" is not null;--> statement-breakpoint
INSERT INTO "official_history" ("official_id", "category", "political_theory", "professional_degree", "is_party_member", "rank", "position_id", "leadership_title", "valid_from")
SELECT o."id", o."category", o."political_theory", o."professional_degree", o."is_party_member", o."rank", o."position_id", o."leadership_title",
	least((SELECT min(a."valid_from") FROM "official_assignment" a WHERE a."official_id" = o."id"), o."joined_at", o."created_at"::date)
FROM "official" o;--> statement-breakpoint
INSERT INTO "workforce_stat" ("agency_id", "dimension", "value", "count")
SELECT a."agency_id", d.dim, d.val, count(*)::int
FROM "official_assignment" a
JOIN "official" o ON o."id" = a."official_id"
CROSS JOIN LATERAL (VALUES ('category', o."category"), ('theory', o."political_theory"), ('gender', o."gender"), ('degree', o."professional_degree"),
	('party', o."is_party_member"::text), ('birth_year', extract(year FROM o."date_of_birth")::int::text), ('total', 'all')) AS d(dim, val)
WHERE a."valid_to" IS NULL
GROUP BY a."agency_id", d.dim, d.val;
