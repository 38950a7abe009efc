CREATE TABLE "login_failure" (
	"username_key" text NOT NULL,
	"address" text NOT NULL,
	"failures" integer NOT NULL,
	"last_failed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	CONSTRAINT "login_failure_username_key_address_pk" PRIMARY KEY("username_key","address")
);
--> statement-breakpoint
ALTER TABLE "api_token" ADD COLUMN "expires_at" timestamp with time zone DEFAULT now() + interval '1 year' NOT NULL;--> statement-breakpoint
CREATE INDEX "login_failure_last_failed_idx" ON "login_failure" USING btree ("last_failed_at");--> statement-breakpoint
ALTER TABLE "user_account" DROP COLUMN "failed_logins";--> statement-breakpoint
ALTER TABLE "user_account" DROP COLUMN "locked_until";