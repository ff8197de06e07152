CREATE TYPE "public"."review_note_kind" AS ENUM('return', 'approve', 'comment');--> statement-breakpoint
ALTER TYPE "public"."revision_reason" ADD VALUE 'merge';--> statement-breakpoint
ALTER TYPE "public"."revision_reason" ADD VALUE 'overwrite';--> statement-breakpoint
ALTER TYPE "public"."revision_reason" ADD VALUE 'schedule';--> statement-breakpoint
CREATE TABLE "edit_leases" (
	"article_id" integer PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"tab_id" text NOT NULL,
	"acquired_at" timestamp with time zone DEFAULT now() NOT NULL,
	"heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_notes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "review_notes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"article_id" integer NOT NULL,
	"author_id" integer NOT NULL,
	"kind" "review_note_kind" NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "scheduled_publish_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "scheduled_revision_id" bigint;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "scheduled_unpublish_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "schedule_time_zone" text;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "scheduled_by" integer;--> statement-breakpoint
ALTER TABLE "edit_leases" ADD CONSTRAINT "edit_leases_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edit_leases" ADD CONSTRAINT "edit_leases_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_notes" ADD CONSTRAINT "review_notes_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_notes" ADD CONSTRAINT "review_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "review_notes_article_idx" ON "review_notes" USING btree ("article_id","created_at");--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_scheduled_revision_id_revisions_id_fk" FOREIGN KEY ("scheduled_revision_id") REFERENCES "public"."revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_scheduled_by_users_id_fk" FOREIGN KEY ("scheduled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "articles_publish_due_idx" ON "articles" USING btree ("scheduled_publish_at") WHERE "articles"."status" = 'scheduled';--> statement-breakpoint
CREATE INDEX "articles_unpublish_due_idx" ON "articles" USING btree ("scheduled_unpublish_at") WHERE "articles"."scheduled_unpublish_at" is not null;--> statement-breakpoint
CREATE INDEX "revisions_significant_idx" ON "revisions" USING btree ("article_id","number") WHERE "revisions"."reason" not in ('checkpoint', 'pause');