CREATE TYPE "public"."entity_type" AS ENUM('person', 'organization', 'place', 'event', 'topic');--> statement-breakpoint
CREATE TABLE "article_entities" (
	"article_id" integer NOT NULL,
	"entity_id" integer NOT NULL,
	"mention_count" integer NOT NULL,
	"first_sentence" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	CONSTRAINT "article_entities_article_id_entity_id_pk" PRIMARY KEY("article_id","entity_id")
);
--> statement-breakpoint
CREATE TABLE "change_counters" (
	"name" text PRIMARY KEY NOT NULL,
	"value" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "entities" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "entities_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"type" "entity_type" NOT NULL,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"wikidata_id" text,
	"merged_into_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "entities_wikidata_id_format" CHECK ("entities"."wikidata_id" is null or "entities"."wikidata_id" ~ '^Q[1-9][0-9]*$')
);
--> statement-breakpoint
ALTER TABLE "article_entities" ADD CONSTRAINT "article_entities_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_entities" ADD CONSTRAINT "article_entities_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entities" ADD CONSTRAINT "entities_merged_into_id_entities_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "article_entities_timeline_idx" ON "article_entities" USING btree ("entity_id","published_at");--> statement-breakpoint
CREATE UNIQUE INDEX "entities_slug_key" ON "entities" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "entities_name_idx" ON "entities" USING btree (lower("name"));