-- The receipt's check code: 6 characters of Crockford base32 (no I, L, O, U) from 6 random bytes of
-- gen_random_uuid() (strong randomness; bytes 0-5 of a version-4 UUID are all random; 256 is a
-- multiple of 32, so every character is uniform): 30 bits. Volatile, so ADD COLUMN draws one per row.
CREATE FUNCTION f_dossier_check_code() RETURNS text LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
  SELECT string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', get_byte(b, i) % 32 + 1, 1), '' ORDER BY i)
  FROM (SELECT uuid_send(gen_random_uuid()) AS b) r, generate_series(0, 5) AS i
$$;--> statement-breakpoint
CREATE TABLE "province_lookup_setting" (
	"province_code" text PRIMARY KEY NOT NULL,
	"lookup_check" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dossier" ADD COLUMN "check_code" text DEFAULT f_dossier_check_code() NOT NULL;--> statement-breakpoint
ALTER TABLE "province_lookup_setting" ADD CONSTRAINT "province_lookup_setting_province_code_administrative_unit_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."administrative_unit"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "province_lookup_setting" ADD CONSTRAINT "province_lookup_setting_updated_by_user_account_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user_account"("id") ON DELETE no action ON UPDATE no action;