CREATE TYPE "public"."dispatch_outcome" AS ENUM('completed', 'released', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."driver_status" AS ENUM('available', 'assigned', 'off_duty');--> statement-breakpoint
CREATE TYPE "public"."equipment_status" AS ENUM('available', 'assigned', 'maintenance', 'out_of_service');--> statement-breakpoint
CREATE TYPE "public"."priority" AS ENUM('urgent', 'high', 'standard', 'low');--> statement-breakpoint
CREATE TYPE "public"."work_order_status" AS ENUM('new', 'queued', 'dispatched', 'en_route', 'on_site', 'completed', 'cancelled');--> statement-breakpoint
CREATE SEQUENCE "public"."work_order_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "equipment_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "equipment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"type_id" uuid NOT NULL,
	"status" "equipment_status" DEFAULT 'available' NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "equipment_code_upper_ck" CHECK ("equipment"."code" = upper("equipment"."code"))
);
--> statement-breakpoint
CREATE TABLE "drivers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"phone" text NOT NULL,
	"email" text NOT NULL,
	"subject" text,
	"status" "driver_status" DEFAULT 'available' NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "driver_qualifications" (
	"driver_id" uuid NOT NULL,
	"equipment_type_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "driver_qualifications_driver_id_equipment_type_id_pk" PRIMARY KEY("driver_id","equipment_type_id")
);
--> statement-breakpoint
CREATE TABLE "work_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" bigint DEFAULT nextval('work_order_number_seq') NOT NULL,
	"reference" text GENERATED ALWAYS AS ('WO-' || lpad(number::text, 6, '0')) STORED NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"site_address" text NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"equipment_type_id" uuid NOT NULL,
	"priority" "priority" DEFAULT 'standard' NOT NULL,
	"due_by" timestamp with time zone,
	"status" "work_order_status" DEFAULT 'new' NOT NULL,
	"queued_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"created_by_subject" text NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_orders_lat_lng_ck" CHECK (("work_orders"."lat" is null) = ("work_orders"."lng" is null)),
	CONSTRAINT "work_orders_queued_at_ck" CHECK ("work_orders"."status" <> 'queued' or "work_orders"."queued_at" is not null),
	CONSTRAINT "work_orders_cancel_ck" CHECK (("work_orders"."status" = 'cancelled') = ("work_orders"."cancelled_at" is not null and "work_orders"."cancel_reason" is not null)),
	CONSTRAINT "work_orders_completed_ck" CHECK (("work_orders"."status" = 'completed') = ("work_orders"."completed_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "dispatches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"work_order_id" uuid NOT NULL,
	"equipment_id" uuid NOT NULL,
	"driver_id" uuid NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"en_route_at" timestamp with time zone,
	"on_site_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"outcome" "dispatch_outcome",
	"completion_note" text,
	"release_reason" text,
	"assigned_by_subject" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dispatches_outcome_ck" CHECK (("dispatches"."ended_at" is null) = ("dispatches"."outcome" is null)),
	CONSTRAINT "dispatches_stage_order_ck" CHECK ("dispatches"."on_site_at" is null or "dispatches"."en_route_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"work_order_id" uuid,
	"action" text NOT NULL,
	"actor_subject" text NOT NULL,
	"actor_name" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_entity_type_ck" CHECK (entity_type in ('work_order', 'equipment', 'equipment_type', 'driver', 'settings'))
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"auto_dispatch" boolean DEFAULT true NOT NULL,
	"updated_by_subject" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "settings_single_row_ck" CHECK ("settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"subject" text NOT NULL,
	"operation" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"response" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_subject_operation_key_pk" PRIMARY KEY("subject","operation","key")
);
--> statement-breakpoint
ALTER TABLE "equipment" ADD CONSTRAINT "equipment_type_id_equipment_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."equipment_types"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "driver_qualifications" ADD CONSTRAINT "driver_qualifications_driver_id_drivers_id_fk" FOREIGN KEY ("driver_id") REFERENCES "public"."drivers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "driver_qualifications" ADD CONSTRAINT "driver_qualifications_equipment_type_id_equipment_types_id_fk" FOREIGN KEY ("equipment_type_id") REFERENCES "public"."equipment_types"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_equipment_type_id_equipment_types_id_fk" FOREIGN KEY ("equipment_type_id") REFERENCES "public"."equipment_types"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatches" ADD CONSTRAINT "dispatches_work_order_id_work_orders_id_fk" FOREIGN KEY ("work_order_id") REFERENCES "public"."work_orders"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatches" ADD CONSTRAINT "dispatches_equipment_id_equipment_id_fk" FOREIGN KEY ("equipment_id") REFERENCES "public"."equipment"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatches" ADD CONSTRAINT "dispatches_driver_id_drivers_id_fk" FOREIGN KEY ("driver_id") REFERENCES "public"."drivers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "equipment_types_name_uq" ON "equipment_types" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "equipment_code_uq" ON "equipment" USING btree ("code");--> statement-breakpoint
CREATE INDEX "equipment_match_idx" ON "equipment" USING btree ("type_id","status","status_changed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "drivers_subject_uq" ON "drivers" USING btree ("subject");--> statement-breakpoint
CREATE INDEX "drivers_match_idx" ON "drivers" USING btree ("status","status_changed_at");--> statement-breakpoint
CREATE INDEX "drivers_name_idx" ON "drivers" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "driver_qualifications_type_idx" ON "driver_qualifications" USING btree ("equipment_type_id","driver_id");--> statement-breakpoint
CREATE UNIQUE INDEX "work_orders_number_uq" ON "work_orders" USING btree ("number");--> statement-breakpoint
CREATE INDEX "work_orders_queue_idx" ON "work_orders" USING btree ("priority","due_by","queued_at","number") WHERE status = 'queued';--> statement-breakpoint
CREATE INDEX "work_orders_status_idx" ON "work_orders" USING btree ("status","equipment_type_id");--> statement-breakpoint
CREATE INDEX "work_orders_type_idx" ON "work_orders" USING btree ("equipment_type_id","number");--> statement-breakpoint
CREATE INDEX "work_orders_completed_idx" ON "work_orders" USING btree ("completed_at") WHERE status = 'completed';--> statement-breakpoint
CREATE INDEX "work_orders_cancelled_idx" ON "work_orders" USING btree ("cancelled_at") WHERE status = 'cancelled';--> statement-breakpoint
CREATE UNIQUE INDEX "dispatches_active_equipment_uq" ON "dispatches" USING btree ("equipment_id") WHERE ended_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "dispatches_active_driver_uq" ON "dispatches" USING btree ("driver_id") WHERE ended_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "dispatches_active_work_order_uq" ON "dispatches" USING btree ("work_order_id") WHERE ended_at is null;--> statement-breakpoint
CREATE INDEX "dispatches_work_order_idx" ON "dispatches" USING btree ("work_order_id","assigned_at");--> statement-breakpoint
CREATE INDEX "dispatches_equipment_idx" ON "dispatches" USING btree ("equipment_id","assigned_at");--> statement-breakpoint
CREATE INDEX "dispatches_driver_idx" ON "dispatches" USING btree ("driver_id","assigned_at");--> statement-breakpoint
CREATE INDEX "events_work_order_idx" ON "events" USING btree ("work_order_id","id");--> statement-breakpoint
CREATE INDEX "events_entity_idx" ON "events" USING btree ("entity_type","entity_id","id");--> statement-breakpoint
CREATE INDEX "events_created_idx" ON "events" USING btree ("created_at");