-- The public timeline trigger (0017), revised:
-- 1. entries stay in time order: a statement's events are merged into the row's timeline by their
--    instant (ISO text sorts as time), earlier entries first on ties, not appended in commit order
--    (the lateness sweep and a late-arriving transaction could otherwise land out of order);
-- 2. a dossier whose timeline IS exactly the statement's entries is left alone: intake writes the
--    new dossier with its first entry (one row version instead of an insert and an update, and no
--    second round of foreign-key checks on a row inserted by the same transaction). Equality, not
--    containment: an event equal to an earlier entry (same action, statuses and millisecond) is
--    still appended.
CREATE OR REPLACE FUNCTION "dossier_public_timeline_append"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "dossier" d SET "public_timeline" = (
    SELECT jsonb_agg(x.v ORDER BY x.v->>'at', x.i) FROM jsonb_array_elements(d."public_timeline" || n.items) WITH ORDINALITY AS x(v, i)
  )
  FROM (
    SELECT e."dossier_id", jsonb_agg(jsonb_build_object('action', e."action", 'fromStatus', e."from_status", 'toStatus', e."to_status",
      'at', to_char(e."occurred_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) ORDER BY e."occurred_at", e."id") AS items
    FROM new_events e GROUP BY e."dossier_id"
  ) n
  WHERE d."id" = n."dossier_id" AND d."public_timeline" IS DISTINCT FROM n.items;
  RETURN NULL;
END
$$;
