-- Published notices are part of the record readers saw: never rewritten, never removed.
CREATE TRIGGER notices_append_only BEFORE UPDATE OR DELETE ON notices
  FOR EACH ROW EXECUTE FUNCTION byline_refuse_publication_change();
--> statement-breakpoint
CREATE TRIGGER notices_refuse_truncate BEFORE TRUNCATE ON notices
  FOR EACH STATEMENT EXECUTE FUNCTION byline_refuse_history_truncate();
--> statement-breakpoint
-- Co-mentions of the articles published before this table existed.
INSERT INTO entity_co_mentions (entity_id, other_id, articles)
SELECT a.entity_id, b.entity_id, count(*)
FROM article_entities a JOIN article_entities b ON b.article_id = a.article_id AND b.entity_id <> a.entity_id
GROUP BY a.entity_id, b.entity_id;
