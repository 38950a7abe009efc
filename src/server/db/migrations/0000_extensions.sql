-- Extensions and the accent-insensitive search helper (DESIGN.md: Vietnamese text).
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
-- unaccent() is STABLE (it depends on the dictionary setting); pin the dictionary so that an
-- IMMUTABLE wrapper can back expression indexes. Đ/đ are mapped explicitly as well.
CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT translate(public.unaccent('public.unaccent'::regdictionary, $1), 'Đđ', 'Dd') $$;
