DROP INDEX "dossier_assigned_idx";--> statement-breakpoint
DROP INDEX "dossier_applicant_idx";--> statement-breakpoint
CREATE INDEX "dossier_assigned_idx" ON "dossier" USING btree ("assigned_to","due_at") WHERE "dossier"."assigned_to" is not null;--> statement-breakpoint
CREATE INDEX "dossier_applicant_idx" ON "dossier" USING btree ("applicant_user_id","created_at") WHERE "dossier"."applicant_user_id" is not null;