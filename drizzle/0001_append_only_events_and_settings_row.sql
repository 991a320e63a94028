-- Events are the audit history: once written they never change. The trigger makes that a property
-- of the database, not a promise of the code.
CREATE FUNCTION events_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'events are append-only: % is not allowed', TG_OP
    USING ERRCODE = 'raise_exception';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER events_no_update_delete
  BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION events_reject_change();
--> statement-breakpoint
CREATE TRIGGER events_no_truncate
  BEFORE TRUNCATE ON events
  FOR EACH STATEMENT EXECUTE FUNCTION events_reject_change();
--> statement-breakpoint
-- The one settings row, so reads never have to handle "no settings yet".
INSERT INTO settings (id, auto_dispatch) VALUES (1, true) ON CONFLICT (id) DO NOTHING;
