-- Only in-app messages are read by recipient (the notification bell): e-mail and SMS rows, most of the
-- outbox, no longer pay an index entry.
DROP INDEX "notification_outbox_user_idx";--> statement-breakpoint
CREATE INDEX "notification_outbox_user_idx" ON "notification_outbox" USING btree ("recipient_user_id","created_at") WHERE channel = 'in_app';