-- The audit chain (ADR 0001) for entries appended by one statement: entry i's hash is the SHA-256 of
-- its canonical JSON, given as four pieces around its three holes (entity id, previous hash,
-- sequence number); to_json(text) escapes exactly as JSON.stringify does. Returns the n hashes.
CREATE FUNCTION "audit_chain"("start_hash" text, "start_seq" bigint, "entity_ids" text[], "pieces" text[]) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  hashes text[] := '{}';
  h text := start_hash;
BEGIN
  FOR i IN 1 .. coalesce(array_length(entity_ids, 1), 0) LOOP
    h := encode(sha256(convert_to(pieces[i][1] || to_json(entity_ids[i])::text || pieces[i][2] || to_json(h)::text || pieces[i][3] || (start_seq + i)::text || pieces[i][4], 'UTF8')), 'hex');
    hashes := hashes || h;
  END LOOP;
  RETURN hashes;
END
$$;
