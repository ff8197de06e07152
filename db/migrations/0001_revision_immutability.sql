-- Revisions are immutable snapshots (DESIGN.md). The database itself refuses to change
-- any revision, and refuses to delete one that readers were ever shown.
CREATE FUNCTION byline_refuse_revision_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'revision % is immutable', OLD.id USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
--> statement-breakpoint
CREATE FUNCTION byline_refuse_published_revision_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM publications WHERE revision_id = OLD.id) THEN
    RAISE EXCEPTION 'revision % was published and cannot be deleted', OLD.id
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN OLD;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER revisions_refuse_update BEFORE UPDATE ON revisions
  FOR EACH ROW EXECUTE FUNCTION byline_refuse_revision_update();
--> statement-breakpoint
CREATE TRIGGER revisions_refuse_published_delete BEFORE DELETE ON revisions
  FOR EACH ROW EXECUTE FUNCTION byline_refuse_published_revision_delete();
--> statement-breakpoint
-- Publications are the record of what readers saw: never rewritten, never removed.
CREATE FUNCTION byline_refuse_publication_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'publication records are append-only' USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER publications_append_only BEFORE UPDATE OR DELETE ON publications
  FOR EACH ROW EXECUTE FUNCTION byline_refuse_publication_change();
--> statement-breakpoint
CREATE FUNCTION byline_refuse_history_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'history tables cannot be truncated' USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER revisions_refuse_truncate BEFORE TRUNCATE ON revisions
  FOR EACH STATEMENT EXECUTE FUNCTION byline_refuse_history_truncate();
--> statement-breakpoint
CREATE TRIGGER publications_refuse_truncate BEFORE TRUNCATE ON publications
  FOR EACH STATEMENT EXECUTE FUNCTION byline_refuse_history_truncate();
