CREATE TABLE "usage_procedure_weeks" (
	"week_start" date NOT NULL,
	"procedure" text NOT NULL,
	"calls" bigint NOT NULL,
	"max_ms" double precision NOT NULL,
	"histogram" bigint[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "usage_procedure_weeks_week_start_procedure_pk" PRIMARY KEY("week_start","procedure"),
	CONSTRAINT "usage_procedure_weeks_calls_ck" CHECK ("usage_procedure_weeks"."calls" >= 0),
	CONSTRAINT "usage_procedure_weeks_histogram_ck" CHECK (cardinality("usage_procedure_weeks"."histogram") = 52)
);
--> statement-breakpoint
CREATE TABLE "usage_procedure_users" (
	"week_start" date NOT NULL,
	"procedure" text NOT NULL,
	"subject" text NOT NULL,
	CONSTRAINT "usage_procedure_users_week_start_procedure_subject_pk" PRIMARY KEY("week_start","procedure","subject")
);
--> statement-breakpoint
CREATE TABLE "usage_errors" (
	"week_start" date NOT NULL,
	"procedure" text NOT NULL,
	"code" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"count" bigint NOT NULL,
	CONSTRAINT "usage_errors_week_start_procedure_code_reason_pk" PRIMARY KEY("week_start","procedure","code","reason"),
	CONSTRAINT "usage_errors_count_ck" CHECK ("usage_errors"."count" > 0)
);
--> statement-breakpoint
CREATE TABLE "usage_presence" (
	"subject" text PRIMARY KEY NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "usage_daily_peaks" (
	"day" date PRIMARY KEY NOT NULL,
	"peak_users" integer NOT NULL,
	"peak_at" timestamp with time zone NOT NULL,
	CONSTRAINT "usage_daily_peaks_users_ck" CHECK ("usage_daily_peaks"."peak_users" > 0)
);
--> statement-breakpoint
CREATE INDEX "usage_presence_last_seen_idx" ON "usage_presence" USING btree ("last_seen_at");