ALTER TABLE "events" ADD COLUMN "work_order_reference" text;--> statement-breakpoint
-- Every event about a work order names it, so timelines, activity and the event feed need no join
-- to show "WO-000123". Rows written before this migration get the reference of the order they
-- point at. Events are append-only (migration 0001); this one-time backfill of a new column is the
-- only change ever made to existing rows, with the guard off for this statement only, inside the
-- migration's transaction.
ALTER TABLE "events" DISABLE TRIGGER "events_no_update_delete";
--> statement-breakpoint
UPDATE "events" AS e SET "work_order_reference" = w."reference"
FROM "work_orders" AS w WHERE w."id" = e."work_order_id";
--> statement-breakpoint
ALTER TABLE "events" ENABLE TRIGGER "events_no_update_delete";
