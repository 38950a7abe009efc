CREATE INDEX "dossier_applicant_name_idx" ON "dossier" USING gin (f_unaccent(lower("applicant"->>'fullName')) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "dossier_applicant_id_idx" ON "dossier" USING btree (("applicant"->>'idNumber'));--> statement-breakpoint
CREATE INDEX "dossier_returned_idx" ON "dossier" USING btree ("closed_at") WHERE status = 'returned';