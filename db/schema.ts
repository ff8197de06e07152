import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

/*
 * Byline's tables. The vocabulary follows DESIGN.md: an article is the identity, its
 * working copy is the editable state, revisions are immutable snapshots and publications
 * record which revision readers were shown, when.
 */

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const userRole = pgEnum('user_role', ['admin', 'editor', 'writer']);

export const articleStatus = pgEnum('article_status', [
  'draft',
  'in_review',
  'scheduled',
  'published',
  'unpublished',
]);

export const revisionReason = pgEnum('revision_reason', [
  'created',
  'save',
  'pause',
  'checkpoint',
  'handover',
  'submit',
  'publish',
  'restore',
  'import',
  'merge',
  'overwrite',
  'schedule',
]);

export const reviewNoteKind = pgEnum('review_note_kind', ['return', 'approve', 'comment']);

export const users = pgTable(
  'users',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    bio: text('bio').notNull().default(''),
    role: userRole('role').notNull(),
    passwordHash: text('password_hash').notNull(),
    // Bumped by "sign out everywhere", a password change and deactivation: a session
    // minted with an older number is refused on its next request.
    sessionVersion: integer('session_version').notNull().default(1),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(t.email),
    uniqueIndex('users_slug_key').on(t.slug),
    check('users_email_lowercase', sql`${t.email} = lower(${t.email})`),
  ],
);

export const sections = pgTable(
  'sections',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    position: integer('position').notNull().default(0),
  },
  (t) => [uniqueIndex('sections_slug_key').on(t.slug)],
);

export const articles = pgTable(
  'articles',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    // The address readers use now: the published slug once published, else the working one.
    slug: text('slug').notNull(),
    status: articleStatus('status').notNull().default('draft'),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    publishedRevisionId: bigint('published_revision_id', { mode: 'number' }).references(
      (): AnyPgColumn => revisions.id,
    ),
    firstPublishedAt: timestamp('first_published_at', { withTimezone: true }),
    lastPublishedAt: timestamp('last_published_at', { withTimezone: true }),
    // Scheduling: the revision an editor approved goes out at scheduledPublishAt (the
    // article waits in status 'scheduled'); a published one comes down at scheduledUnpublishAt.
    scheduledPublishAt: timestamp('scheduled_publish_at', { withTimezone: true }),
    scheduledRevisionId: bigint('scheduled_revision_id', { mode: 'number' }).references(
      (): AnyPgColumn => revisions.id,
    ),
    scheduledUnpublishAt: timestamp('scheduled_unpublish_at', { withTimezone: true }),
    scheduleTimeZone: text('schedule_time_zone'),
    scheduledBy: integer('scheduled_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('articles_publish_due_idx')
      .on(t.scheduledPublishAt)
      .where(sql`${t.status} = 'scheduled'`),
    index('articles_unpublish_due_idx')
      .on(t.scheduledUnpublishAt)
      .where(sql`${t.scheduledUnpublishAt} is not null`),
    uniqueIndex('articles_slug_key').on(t.slug),
    index('articles_status_updated_idx').on(t.status, t.updatedAt),
    index('articles_created_by_idx').on(t.createdBy),
    index('articles_published_idx')
      .on(t.firstPublishedAt)
      .where(sql`${t.status} = 'published'`),
  ],
);

export const workingCopies = pgTable(
  'working_copies',
  {
    articleId: integer('article_id')
      .primaryKey()
      .references(() => articles.id),
    // Every accepted save increments it; a save names the version it was based on.
    version: integer('version').notNull().default(1),
    headline: text('headline').notNull(),
    standfirst: text('standfirst').notNull().default(''),
    slug: text('slug').notNull(),
    sectionId: integer('section_id')
      .notNull()
      .references(() => sections.id),
    bylineIds: integer('byline_ids').array().notNull(),
    body: jsonb('body').notNull(),
    updatedBy: integer('updated_by')
      .notNull()
      .references(() => users.id),
    updatedAt: updatedAt(),
    // The version captured by the newest revision: the copy has unsnapshotted edits
    // while version > snapshotVersion.
    snapshotVersion: integer('snapshot_version').notNull().default(0),
    revisionCount: integer('revision_count').notNull().default(0),
  },
  (t) => [index('working_copies_bylines_idx').using('gin', t.bylineIds)],
);

export const revisions = pgTable(
  'revisions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id),
    number: integer('number').notNull(),
    headline: text('headline').notNull(),
    standfirst: text('standfirst').notNull(),
    slug: text('slug').notNull(),
    sectionId: integer('section_id')
      .notNull()
      .references(() => sections.id),
    bylineIds: integer('byline_ids').array().notNull(),
    body: jsonb('body').notNull(),
    reason: revisionReason('reason').notNull(),
    note: text('note'),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    workingVersion: integer('working_version').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('revisions_article_number_key').on(t.articleId, t.number),
    // The history's default view skips autosave checkpoints; this keeps it fast at 10,000.
    index('revisions_significant_idx')
      .on(t.articleId, t.number)
      .where(sql`${t.reason} not in ('checkpoint', 'pause')`),
    index('revisions_bylines_idx').using('gin', t.bylineIds),
  ],
);

export const publications = pgTable(
  'publications',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id),
    revisionId: bigint('revision_id', { mode: 'number' })
      .notNull()
      .references(() => revisions.id),
    publishedBy: integer('published_by')
      .notNull()
      .references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('publications_article_idx').on(t.articleId, t.publishedAt),
    index('publications_revision_idx').on(t.revisionId),
  ],
);

/** Every slug an article has claimed; old public ones keep redirecting to the article. */
export const articleSlugs = pgTable(
  'article_slugs',
  {
    slug: text('slug').primaryKey(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id),
    wasPublic: boolean('was_public').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index('article_slugs_article_idx').on(t.articleId)],
);

export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    actorId: integer('actor_id').references(() => users.id),
    action: text('action').notNull(),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    address: text('address'),
    details: jsonb('details').notNull().default({}),
  },
  (t) => [
    index('audit_events_occurred_idx').on(t.occurredAt),
    index('audit_events_subject_idx').on(t.subjectType, t.subjectId),
  ],
);

export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    email: text('email').notNull(),
    address: text('address').notNull(),
    succeeded: boolean('succeeded').notNull(),
    attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('sign_in_attempts_email_idx').on(t.email, t.attemptedAt),
    index('sign_in_attempts_address_idx').on(t.address, t.attemptedAt),
  ],
);

/**
 * Who is editing an article now: one lease per article, held by one browser tab and kept
 * alive by its heartbeat. A lease whose heartbeat is older than a minute has lapsed.
 */
export const editLeases = pgTable('edit_leases', {
  articleId: integer('article_id')
    .primaryKey()
    .references(() => articles.id),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id),
  tabId: text('tab_id').notNull(),
  acquiredAt: timestamp('acquired_at', { withTimezone: true }).notNull().defaultNow(),
  heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Notes between writers and editors: a return with what to fix, an approval, a comment. */
export const reviewNotes = pgTable(
  'review_notes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    kind: reviewNoteKind('kind').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('review_notes_article_idx').on(t.articleId, t.createdAt)],
);

export const entityType = pgEnum('entity_type', ['person', 'organization', 'place', 'event', 'topic']);

/**
 * The people, organizations, places, events and laws/topics articles are about. A merged
 * entity stays as a row pointing at the one it was merged into, so its old page redirects
 * and tags in immutable revisions still resolve.
 */
export const entities = pgTable(
  'entities',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    type: entityType('type').notNull(),
    aliases: text('aliases').array().notNull().default(sql`'{}'::text[]`),
    description: text('description').notNull().default(''),
    wikidataId: text('wikidata_id'),
    mergedIntoId: integer('merged_into_id').references((): AnyPgColumn => entities.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('entities_slug_key').on(t.slug),
    index('entities_name_idx').on(sql`lower(${t.name})`),
    // One active entity per name: two with one name would make tagging a guess.
    uniqueIndex('entities_active_name_key')
      .on(sql`lower(${t.name})`)
      .where(sql`${t.mergedIntoId} is null`),
    check('entities_wikidata_id_format', sql`${t.wikidataId} is null or ${t.wikidataId} ~ '^Q[1-9][0-9]*$'`),
  ],
);

/**
 * Which entities each published article mentions, derived from its published revision in
 * the transaction that publishes it (and removed when it is unpublished), so dossiers never
 * disagree with the text readers see.
 */
export const articleEntities = pgTable(
  'article_entities',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id),
    entityId: integer('entity_id')
      .notNull()
      .references(() => entities.id),
    mentionCount: integer('mention_count').notNull(),
    firstSentence: text('first_sentence').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.entityId] }),
    index('article_entities_timeline_idx').on(t.entityId, t.publishedAt),
  ],
);

/**
 * How many published articles mention two entities together, kept up to date at every
 * publication, unpublication and merge: a dossier's "often mentioned alongside" is then an
 * index lookup instead of a self-join over every mention.
 */
export const entityCoMentions = pgTable(
  'entity_co_mentions',
  {
    entityId: integer('entity_id')
      .notNull()
      .references(() => entities.id),
    otherId: integer('other_id')
      .notNull()
      .references(() => entities.id),
    articles: integer('articles').notNull(),
  },
  (t) => [primaryKey({ columns: [t.entityId, t.otherId] }), index('entity_co_mentions_ranking_idx').on(t.entityId, t.articles)],
);

/**
 * Counters bumped in the same transaction as a change, so every server can tell cheaply
 * whether something it keeps in memory (the entity catalog) is out of date.
 */
export const changeCounters = pgTable('change_counters', {
  name: text('name').primaryKey(),
  value: bigint('value', { mode: 'number' }).notNull().default(0),
});

/**
 * A reusable record of where a claim comes from. Cited by id from article bodies; a URL,
 * when there is one, is unique once normalised, so one report is one source.
 */
export const sources = pgTable(
  'sources',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    url: text('url'),
    normalizedUrl: text('normalized_url'),
    title: text('title').notNull(),
    outlet: text('outlet').notNull().default(''),
    author: text('author').notNull().default(''),
    publishedOn: date('published_on'),
    accessedOn: date('accessed_on'),
    notes: text('notes').notNull().default(''),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('sources_normalized_url_key')
      .on(t.normalizedUrl)
      .where(sql`${t.normalizedUrl} is not null`),
    index('sources_title_idx').on(sql`lower(${t.title})`),
  ],
);

/** Which sources each published article cites, derived at publication like its entities. */
export const articleSources = pgTable(
  'article_sources',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id),
    sourceId: integer('source_id')
      .notNull()
      .references(() => sources.id),
    citationCount: integer('citation_count').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.sourceId] }), index('article_sources_source_idx').on(t.sourceId, t.publishedAt)],
);

export const noticeKind = pgEnum('notice_kind', ['correction', 'update', 'clarification', 'editors_note']);

/**
 * A notice published with a revision: a correction, update, clarification or editor's
 * note. Append-only, like the publications it belongs to.
 */
export const notices = pgTable(
  'notices',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id),
    publicationId: bigint('publication_id', { mode: 'number' })
      .notNull()
      .references(() => publications.id),
    kind: noticeKind('kind').notNull(),
    body: text('body').notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('notices_article_idx').on(t.articleId, t.createdAt), uniqueIndex('notices_publication_key').on(t.publicationId)],
);

/** Postgres's text-search document; Drizzle has no built-in type for it. Written in SQL only. */
const tsvector = customType<{ data: string }>({
  dataType() {
    return 'tsvector';
  },
});

/**
 * The search index of published articles: one row per article, built from its published
 * revision in the transaction that publishes it (and removed when it is unpublished), so
 * readers never find a draft or an unpublished edit. The document weighs the headline
 * above the standfirst above the body; the body's plain text is kept for snippets.
 */
export const articleSearch = pgTable(
  'article_search',
  {
    articleId: integer('article_id')
      .primaryKey()
      .references(() => articles.id),
    revisionId: bigint('revision_id', { mode: 'number' })
      .notNull()
      .references(() => revisions.id),
    sectionId: integer('section_id')
      .notNull()
      .references(() => sections.id),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    bodyText: text('body_text').notNull(),
    document: tsvector('document').notNull(),
  },
  (t) => [
    index('article_search_document_idx').using('gin', t.document),
    // The newest first: for walking the archive in date order when a word is common.
    index('article_search_published_idx').on(t.publishedAt, t.articleId),
  ],
);
