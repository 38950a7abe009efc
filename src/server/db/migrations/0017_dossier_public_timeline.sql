ALTER TABLE "dossier" ADD COLUMN "public_timeline" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
-- The public lookup's timeline, kept on the dossier row: every statement that inserts events appends
-- them (in time order) to their dossiers, in the same transaction, so it cannot drift from the record.
CREATE FUNCTION "dossier_public_timeline_append"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "dossier" d SET "public_timeline" = d."public_timeline" || n.items
  FROM (
    SELECT e."dossier_id", jsonb_agg(jsonb_build_object('action', e."action", 'fromStatus', e."from_status", 'toStatus', e."to_status",
      'at', to_char(e."occurred_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) ORDER BY e."occurred_at", e."id") AS items
    FROM new_events e GROUP BY e."dossier_id"
  ) n
  WHERE d."id" = n."dossier_id";
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "dossier_event_public_timeline" AFTER INSERT ON "dossier_event" REFERENCING NEW TABLE AS new_events
  FOR EACH STATEMENT EXECUTE FUNCTION "dossier_public_timeline_append"();
--> statement-breakpoint
UPDATE "dossier" d SET "public_timeline" = t.items
FROM (
  SELECT e."dossier_id", jsonb_agg(jsonb_build_object('action', e."action", 'fromStatus', e."from_status", 'toStatus', e."to_status",
    'at', to_char(e."occurred_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) ORDER BY e."occurred_at", e."id") AS items
  FROM "dossier_event" e GROUP BY e."dossier_id"
) t
WHERE d."id" = t."dossier_id";
