import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { revisions, sections, users, workingCopies } from '@/db/schema';
import { contentOf, type WorkingCopyContent } from '@/lib/articles/article-locking';
import { createArticle, saveWorkingCopy } from '@/lib/articles/article-saving';
import { publishArticle, submitArticle } from '@/lib/articles/article-workflow';
import { hashPassword } from '@/lib/auth/passwords';
import type { BodyDocument, BodyInline } from '@/lib/content/body-document';
import type { EntitySummary } from '@/lib/entities/entity-catalog';
import { createEntity } from '@/lib/entities/entity-service';
import type { EntityType } from '@/lib/entities/entity-types';
import type { Actor, Role } from '@/lib/permissions';
import { createSource, type SourceRecord } from '@/lib/sources/source-service';

/*
 * Factories: each test arranges its own data with them. Everything goes through the real
 * database and, where one exists, the real service.
 */

export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

export async function createStaff(role: Role, overrides: { name?: string; email?: string } = {}): Promise<Actor> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const suffix = randomBytes(4).toString('hex');
  const name = overrides.name ?? `${role} ${suffix}`;
  const [row] = await getDb()
    .insert(users)
    .values({
      name,
      email: overrides.email ?? `${role}-${suffix}@test.example`,
      slug: `${role}-${suffix}`,
      role,
      passwordHash: await passwordHash,
    })
    .returning({ id: users.id, role: users.role, name: users.name, email: users.email });
  return row!;
}

export async function createSection(name = `Section ${randomBytes(3).toString('hex')}`): Promise<number> {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const [row] = await getDb().insert(sections).values({ name, slug }).returning({ id: sections.id });
  return row!.id;
}

export function paragraphs(...texts: string[]): BodyDocument {
  return { type: 'doc', content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) };
}

/** A draft by `author` with a headline and some text, saved once. Returns ids and version. */
export async function createDraft(
  author: Actor,
  {
    headline = `Story ${randomBytes(3).toString('hex')}`,
    body = paragraphs('First paragraph of the story.'),
    sectionId,
    now,
  }: {
    headline?: string;
    body?: BodyDocument;
    sectionId?: number;
    /** When the draft is created and saved (default: the real clock). */
    now?: Date;
  } = {},
): Promise<{ id: number; slug: string; version: number; sectionId: number }> {
  const section = sectionId ?? (await createSection());
  const at = now ? { now } : {};
  const created = await createArticle(author, { headline, sectionId: section }, at);
  const saved = await saveWorkingCopy(author, created.id, {
    baseVersion: 1,
    intent: 'save',
    headline,
    standfirst: 'A standfirst.',
    slug: created.slug,
    sectionId: section,
    bylineIds: [author.id],
    body,
  }, at);
  return { id: created.id, slug: created.slug, version: saved.version, sectionId: section };
}

export async function deactivate(userId: number): Promise<void> {
  await getDb().update(users).set({ isActive: false }).where(eq(users.id, userId));
}

/** A unique headline, so that slugs never collide between tests sharing a database. */
export function uniqueHeadline(prefix = 'Story'): string {
  return `${prefix} ${randomBytes(4).toString('hex')}`;
}

/** The save a client would send to keep the working copy as it is, based on its current version. */
export async function currentSaveInput(articleId: number): Promise<SaveInput> {
  const [copy] = await getDb().select().from(workingCopies).where(eq(workingCopies.articleId, articleId));
  if (!copy) throw new Error(`No working copy for article ${articleId}.`);
  return { baseVersion: copy.version, intent: 'save', ...contentOf(copy) };
}

export type SaveInput = WorkingCopyContent & {
  baseVersion: number;
  intent: 'save' | 'autosave' | 'merge' | 'overwrite';
  /** The browser tab saving, for the edit lease. */
  tabId?: string;
};

/** Saves changes over the current working copy, as `actor`. Returns the new version. */
export async function saveChanges(
  actor: Actor,
  articleId: number,
  changes: Partial<SaveInput>,
  { now }: { now?: Date } = {},
): Promise<number> {
  const input = { ...(await currentSaveInput(articleId)), ...changes };
  const saved = await saveWorkingCopy(actor, articleId, input, now ? { now } : {});
  return saved.version;
}

/** The reason tests give to publish bodies whose claims have no citation, where sourcing is not under test. */
export const SOURCING_NOT_UNDER_TEST = 'Test fixture: sourcing is checked in its own tests.';

/**
 * A draft by `author`, published by `editor`. Returns the draft's ids and the published
 * version. A body with claims but no citations needs `coverageOverride`, as in the studio.
 */
export async function createPublishedArticle(
  author: Actor,
  editor: Actor,
  options: { headline?: string; body?: BodyDocument; sectionId?: number; now?: Date; coverageOverride?: string } = {},
): Promise<{ id: number; slug: string; version: number; sectionId: number }> {
  const draft = await createDraft(author, options);
  await publishArticle(
    editor,
    { articleId: draft.id, expectedVersion: draft.version, coverageOverride: options.coverageOverride },
    options.now ? { now: options.now } : {},
  );
  return draft;
}

/** A draft by `author`, submitted for review by them. */
export async function createInReview(
  author: Actor,
  options: { headline?: string; body?: BodyDocument; sectionId?: number; now?: Date } = {},
): Promise<{ id: number; slug: string; version: number; sectionId: number }> {
  const draft = await createDraft(author, options);
  await submitArticle(author, { articleId: draft.id, expectedVersion: draft.version }, options.now ? { now: options.now } : {});
  return draft;
}

/** A browser tab's id, as the editor makes one for its edit-lease calls. */
export function newTabId(): string {
  return `tab-${randomBytes(6).toString('hex')}`;
}

type RevisionReason = (typeof revisions.$inferInsert)['reason'];

/**
 * Appends revisions straight into the table, for volume (thousands in seconds): one per
 * reason, numbered on from the working copy's count, each a snapshot of the working copy
 * as it stands, credited to `authorId`, `stepSeconds` apart from `startAt`. Keeps the
 * working copy's revision count in step, as cutRevision does. Returns the numbers made.
 */
export async function appendRevisions({
  articleId,
  reasons,
  authorId,
  startAt = new Date('2030-01-01T00:00:00Z'),
  stepSeconds = 1,
}: {
  articleId: number;
  reasons: readonly RevisionReason[];
  authorId: number;
  startAt?: Date;
  stepSeconds?: number;
}): Promise<number[]> {
  return getDb().transaction(async (tx) => {
    const [copy] = await tx.select().from(workingCopies).where(eq(workingCopies.articleId, articleId)).for('update');
    if (!copy) throw new Error(`No working copy for article ${articleId}.`);
    const rows = reasons.map((reason, index) => ({
      articleId,
      number: copy.revisionCount + index + 1,
      headline: copy.headline,
      standfirst: copy.standfirst,
      slug: copy.slug,
      sectionId: copy.sectionId,
      bylineIds: copy.bylineIds,
      body: copy.body,
      reason,
      authorId,
      workingVersion: copy.version,
      createdAt: new Date(startAt.getTime() + index * stepSeconds * 1000),
    }));
    for (let start = 0; start < rows.length; start += 1000) {
      await tx.insert(revisions).values(rows.slice(start, start + 1000));
    }
    await tx
      .update(workingCopies)
      .set({ revisionCount: copy.revisionCount + rows.length, snapshotVersion: copy.version })
      .where(eq(workingCopies.articleId, articleId));
    return rows.map((row) => row.number);
  });
}

/** A run of a tagged paragraph: plain text, or text tagged as a mention of an entity. */
export type TaggedRun = string | { text: string; entityId: number; bold?: boolean };

/** A mention of `entityId` written as `text`, for taggedBody. */
export function tag(entityId: number, text: string): TaggedRun {
  return { text, entityId };
}

/**
 * A body whose paragraphs carry entity tags, as the editor stores them:
 * taggedBody(['President ', tag(bukele.id, 'Nayib Bukele'), ' spoke.'], 'An untagged paragraph.').
 */
export function taggedBody(...paragraphsOfRuns: Array<string | TaggedRun[]>): BodyDocument {
  return {
    type: 'doc',
    content: paragraphsOfRuns.map((paragraph) => ({
      type: 'paragraph',
      content: (typeof paragraph === 'string' ? [paragraph] : paragraph).map((run): BodyInline => {
        if (typeof run === 'string') return { type: 'text', text: run };
        const marks: NonNullable<Extract<BodyInline, { type: 'text' }>['marks']> = [{ type: 'entity', attrs: { entityId: run.entityId } }];
        if (run.bold) marks.unshift({ type: 'bold' });
        return { type: 'text', text: run.text, marks };
      }),
    })),
  };
}

/**
 * An entity made through the real service by `actor` (any role may create one). The
 * default name is unique, so that tests sharing a database never collide on names.
 */
export async function createEntityAs(
  actor: Actor,
  fields: { name?: string; type?: EntityType; aliases?: string[]; description?: string; wikidataId?: string; now?: Date } = {},
): Promise<EntitySummary> {
  const { now, ...input } = fields;
  return createEntity(actor, { name: `Entity ${randomBytes(4).toString('hex')}`, type: 'person', ...input }, now ? { now } : {});
}

/**
 * A source in the library, added through the real service by `actor` (writers may add one).
 * The default title is unique and there is no address, so tests never collide on either.
 */
export async function createSourceAs(
  actor: Actor,
  fields: { title?: string; url?: string; outlet?: string; author?: string; publishedOn?: string; now?: Date } = {},
): Promise<SourceRecord> {
  const { now, ...input } = fields;
  return createSource(actor, { title: `Report ${randomBytes(4).toString('hex')}`, ...input }, now ? { now } : {});
}

/** A run of a cited paragraph: plain text, or a citation marker of a source. */
export type CitedRun = string | { cite: number; quote?: string; locator?: string };

/** A citation marker of `sourceId`, for citedBody. */
export function cite(sourceId: number, extra: { quote?: string; locator?: string } = {}): CitedRun {
  return { cite: sourceId, ...extra };
}

/**
 * A body whose paragraphs carry citation markers, as the editor stores them:
 * citedBody(['The ministry counted 2,300 arrests.', cite(report.id)], 'An uncited paragraph.').
 */
export function citedBody(...paragraphsOfRuns: Array<string | CitedRun[]>): BodyDocument {
  return {
    type: 'doc',
    content: paragraphsOfRuns.map((paragraph) => ({
      type: 'paragraph',
      content: (typeof paragraph === 'string' ? [paragraph] : paragraph).map((run): BodyInline => {
        if (typeof run === 'string') return { type: 'text', text: run };
        return { type: 'citation', attrs: { sourceId: run.cite, quote: run.quote ?? null, locator: run.locator ?? null } };
      }),
    })),
  };
}
