-- The search index of published articles. Articles published before it existed are indexed
-- at start by reindexPublishedArticles (lib/search/search-index.ts): a body's plain text is
-- computed in TypeScript, not in SQL.
CREATE TABLE "article_search" (
	"article_id" integer PRIMARY KEY NOT NULL,
	"revision_id" bigint NOT NULL,
	"section_id" integer NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"body_text" text NOT NULL,
	"document" "tsvector" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "article_search" ADD CONSTRAINT "article_search_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_search" ADD CONSTRAINT "article_search_revision_id_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_search" ADD CONSTRAINT "article_search_section_id_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."sections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "article_search_document_idx" ON "article_search" USING gin ("document");--> statement-breakpoint
CREATE INDEX "article_search_published_idx" ON "article_search" USING btree ("published_at","article_id");--> statement-breakpoint
-- Documents and body text are kept out of line (TOAST) even when short, so the table itself
-- stays narrow: finding matches through the GIN index, or walking the newest by date, then
-- reads a few pages, and only the documents that need it are unpacked.
ALTER TABLE "article_search" SET (toast_tuple_target = 128);
