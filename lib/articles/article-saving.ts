import 'server-only';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/client';
import { articles, revisions, sections, users, workingCopies } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { getConfig } from '@/lib/config';
import { EMPTY_BODY } from '@/lib/content/body-document';
import { validateBody } from '@/lib/content/validate-body';
import { ConflictError, ForbiddenError, ValidationError, type FieldErrors } from '@/lib/errors';
import { can, canOnArticle, type Actor } from '@/lib/permissions';
import { fieldErrorsOf, parseInput } from '@/lib/validation';
import { newArticleSchema, workingCopyInputSchema, type WorkingCopyInput } from './article-input';
import { describeWorkingCopy, lockArticleFor, snapshotOf } from './article-locking';
import { canonicalizeEntityTags } from '@/lib/entities/article-mentions';
import { checkCitedSources } from '@/lib/sources/article-citations';
import { assertMaySave } from './edit-lease';
import { planRevisions } from './revision-policy';
import { cutRevision } from './revision-store';
import { claimFreeSlug, claimSlug, releaseUnusedSlugs } from './slug-claims';
import { slugify } from './slug';

export type SaveResult = { version: number; savedAt: string; revisionNumber: number | null };

/** Starts a draft with a headline and a section; the creator carries the byline. */
export async function createArticle(
  actor: Actor,
  input: unknown,
  { now = new Date() }: { now?: Date } = {},
): Promise<{ id: number; slug: string }> {
  if (!can(actor, 'article.create')) throw new ForbiddenError();
  const fields = parseInput(newArticleSchema, input);
  return getDb().transaction(async (tx) => {
    await requireSection(tx, fields.sectionId);
    return createArticleIn(tx, {
      actor,
      headline: fields.headline,
      sectionId: fields.sectionId,
      bylineIds: [actor.id],
      now,
    });
  });
}

export async function createArticleIn(
  tx: Transaction,
  {
    actor,
    headline,
    sectionId,
    bylineIds,
    now,
  }: { actor: Actor; headline: string; sectionId: number; bylineIds: number[]; now: Date },
): Promise<{ id: number; slug: string }> {
  const wanted = slugify(headline) || 'untitled';
  // A placeholder slug keeps the unique index happy until the real one is claimed.
  const [article] = await tx
    .insert(articles)
    .values({ slug: `pending-${crypto.randomUUID()}`, createdBy: actor.id, createdAt: now, updatedAt: now })
    .returning({ id: articles.id });
  const articleId = article!.id;
  const slug = await claimFreeSlug(tx, { articleId, wanted });
  await tx.update(articles).set({ slug }).where(eq(articles.id, articleId));
  await tx.insert(workingCopies).values({
    articleId,
    version: 1,
    headline,
    standfirst: '',
    slug,
    sectionId,
    bylineIds,
    body: EMPTY_BODY,
    updatedBy: actor.id,
    updatedAt: now,
  });
  await recordAudit(tx, { actorId: actor.id, action: 'article.create', subjectType: 'article', subjectId: articleId, at: now });
  return { id: articleId, slug };
}

/**
 * Saves the editor's working copy. The save names the version it was based on; if the
 * copy has moved on since, it is refused with a ConflictError carrying the current state
 * and nothing is written. Revisions are cut as the revision policy says.
 */
export async function saveWorkingCopy(
  actor: Actor,
  articleId: number,
  input: unknown,
  { now = new Date() }: { now?: Date } = {},
): Promise<SaveResult> {
  const fields = parseWorkingCopy(input);
  return getDb().transaction((tx) => saveWorkingCopyIn(tx, { actor, articleId, fields, now }));
}

/** A save as the services make it: the editor's, or a restore of an old revision. */
export type SaveRequest = Omit<WorkingCopyInput, 'intent'> & { intent: WorkingCopyInput['intent'] | 'restore'; note?: string };

export async function saveWorkingCopyIn(
  tx: Transaction,
  { actor, articleId, fields, now }: { actor: Actor; articleId: number; fields: SaveRequest; now: Date },
): Promise<SaveResult> {
  const { article, copy, facts } = await lockArticleFor(tx, { actor, articleId, ability: 'edit' });
  await assertMaySave(tx, { articleId, tabId: fields.tabId, now, anyTabOf: fields.intent === 'restore' ? actor.id : undefined });
  if (copy.version !== fields.baseVersion) {
    throw new ConflictError(
      'Someone saved a newer version of this article while you were editing.',
      await describeWorkingCopy(tx, copy),
    );
  }

  const errors: FieldErrors = {};
  const bylinesChanged = !sameIds(copy.bylineIds, fields.bylineIds);
  if (bylinesChanged && !canOnArticle(actor, 'changeBylines', facts)) {
    errors.bylineIds = ['Only editors can change bylines.'];
  } else if (bylinesChanged && !(await allActiveUsers(tx, fields.bylineIds))) {
    errors.bylineIds = ['Bylines must name active members of staff.'];
  }
  if (fields.sectionId !== copy.sectionId && !(await sectionExists(tx, fields.sectionId))) {
    errors.sectionId = ['Choose a section from the list.'];
  }
  if (fields.slug !== copy.slug && !(await claimSlug(tx, { articleId, slug: fields.slug }))) {
    errors.slug = ['Another article already uses this slug. Choose a different one.'];
  }
  // Throwing rolls back the transaction, slug claim included: nothing is half-saved.
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);

  const [latest] = copy.revisionCount > 0 ? await latestRevisionTime(tx, articleId) : [];
  const settings = getConfig().revisions;
  const plan = planRevisions({
    intent: fields.intent,
    actorId: actor.id,
    now,
    workingCopy: copy,
    latestRevisionAt: latest?.createdAt ?? null,
    pauseSeconds: settings.pauseSeconds,
    checkpointSeconds: settings.checkpointSeconds,
  });
  if (plan.before) {
    await cutRevision(tx, { articleId, snapshot: snapshotOf(copy), reason: plan.before, authorId: copy.updatedBy, at: now });
  }

  const version = copy.version + 1;
  const content = {
    headline: fields.headline,
    standfirst: fields.standfirst,
    slug: fields.slug,
    sectionId: fields.sectionId,
    bylineIds: fields.bylineIds,
    body: await canonicalizeEntityTags(tx, fields.body),
  };
  await checkCitedSources(tx, content.body);
  await tx
    .update(workingCopies)
    .set({ ...content, version, updatedBy: actor.id, updatedAt: now })
    .where(eq(workingCopies.articleId, articleId));
  const note = fields.note ?? (await settlementNote(tx, { intent: fields.intent, copy }));
  const revision = plan.after
    ? await cutRevision(tx, { articleId, snapshot: { ...content, version }, reason: plan.after, authorId: actor.id, note, at: now })
    : null;

  // Until first publication the article's address follows the working slug.
  const isPublic = article.firstPublishedAt !== null;
  await tx
    .update(articles)
    .set({ updatedAt: now, ...(isPublic ? {} : { slug: fields.slug }) })
    .where(eq(articles.id, articleId));
  if (fields.slug !== copy.slug) await releaseUnusedSlugs(tx, articleId);
  return { version, savedAt: now.toISOString(), revisionNumber: revision?.number ?? null };
}

/** How the history records a save that settled a conflict: whose version it answered. */
async function settlementNote(
  tx: Transaction,
  { intent, copy }: { intent: SaveRequest['intent']; copy: typeof workingCopies.$inferSelect },
): Promise<string | null> {
  if (intent !== 'merge' && intent !== 'overwrite') return null;
  const [other] = await tx.select({ name: users.name }).from(users).where(eq(users.id, copy.updatedBy));
  const whose = `${other?.name ?? 'another'}'s version ${copy.version}`;
  return intent === 'merge' ? `Merged with ${whose}` : `Kept over ${whose}`;
}

/** Parses a save with every field's errors at once, the body's included. */
export function parseWorkingCopy(input: unknown): WorkingCopyInput {
  const parsed = workingCopyInputSchema.safeParse(input);
  const errors: FieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  const body = validateBody((input as { body?: unknown } | null)?.body);
  if (!body.ok) errors.body = body.problems;
  if (!parsed.success || !body.ok) throw new ValidationError(errors);
  return { ...parsed.data, body: body.document };
}

async function requireSection(tx: Transaction, sectionId: number): Promise<void> {
  if (!(await sectionExists(tx, sectionId))) throw new ValidationError({ sectionId: ['Choose a section from the list.'] });
}

async function sectionExists(tx: Transaction, sectionId: number): Promise<boolean> {
  const [section] = await tx.select({ id: sections.id }).from(sections).where(eq(sections.id, sectionId));
  return Boolean(section);
}

async function allActiveUsers(tx: Transaction, ids: number[]): Promise<boolean> {
  const found = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.isActive, true)));
  return found.length === new Set(ids).size;
}

function latestRevisionTime(tx: Transaction, articleId: number) {
  return tx
    .select({ createdAt: revisions.createdAt })
    .from(revisions)
    .where(eq(revisions.articleId, articleId))
    .orderBy(desc(revisions.number))
    .limit(1);
}

function sameIds(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}
