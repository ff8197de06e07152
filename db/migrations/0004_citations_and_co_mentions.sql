CREATE TYPE "public"."notice_kind" AS ENUM('correction', 'update', 'clarification', 'editors_note');--> statement-breakpoint
CREATE TABLE "article_sources" (
	"article_id" integer NOT NULL,
	"source_id" integer NOT NULL,
	"citation_count" integer NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	CONSTRAINT "article_sources_article_id_source_id_pk" PRIMARY KEY("article_id","source_id")
);
--> statement-breakpoint
CREATE TABLE "entity_co_mentions" (
	"entity_id" integer NOT NULL,
	"other_id" integer NOT NULL,
	"articles" integer NOT NULL,
	CONSTRAINT "entity_co_mentions_entity_id_other_id_pk" PRIMARY KEY("entity_id","other_id")
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notices_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"article_id" integer NOT NULL,
	"publication_id" bigint NOT NULL,
	"kind" "notice_kind" NOT NULL,
	"body" text NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sources_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"url" text,
	"normalized_url" text,
	"title" text NOT NULL,
	"outlet" text DEFAULT '' NOT NULL,
	"author" text DEFAULT '' NOT NULL,
	"published_on" date,
	"accessed_on" date,
	"notes" text DEFAULT '' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "article_sources" ADD CONSTRAINT "article_sources_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_sources" ADD CONSTRAINT "article_sources_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entity_co_mentions" ADD CONSTRAINT "entity_co_mentions_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entity_co_mentions" ADD CONSTRAINT "entity_co_mentions_other_id_entities_id_fk" FOREIGN KEY ("other_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "article_sources_source_idx" ON "article_sources" USING btree ("source_id","published_at");--> statement-breakpoint
CREATE INDEX "entity_co_mentions_ranking_idx" ON "entity_co_mentions" USING btree ("entity_id","articles");--> statement-breakpoint
CREATE INDEX "notices_article_idx" ON "notices" USING btree ("article_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notices_publication_key" ON "notices" USING btree ("publication_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sources_normalized_url_key" ON "sources" USING btree ("normalized_url") WHERE "sources"."normalized_url" is not null;--> statement-breakpoint
CREATE INDEX "sources_title_idx" ON "sources" USING btree (lower("title"));--> statement-breakpoint
CREATE UNIQUE INDEX "entities_active_name_key" ON "entities" USING btree (lower("name")) WHERE "entities"."merged_into_id" is null;