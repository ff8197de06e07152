import 'server-only';
import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Executor } from '@/db/client';
import { articles, articleSources, revisions, sources, workingCopies } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { articleListScope, can, type Actor } from '@/lib/permissions';
import { parseInput } from '@/lib/validation';
import { sourceFieldsSchema, sourceUpdateSchema } from './source-input';
import { normalizeSourceUrl } from './source-url';

import type { SourceRecord } from './source-record';

export type { SourceRecord };

const columns = {
  id: sources.id,
  url: sources.url,
  title: sources.title,
  outlet: sources.outlet,
  author: sources.author,
  publishedOn: sources.publishedOn,
  accessedOn: sources.accessedOn,
  notes: sources.notes,
};

/**
 * Adds a source to the library. One report is one source: if its normalised address is
 * already there, a ConflictError offers the existing source instead of a duplicate.
 */
export async function createSource(actor: Actor, input: unknown, { now = new Date() }: { now?: Date } = {}): Promise<SourceRecord> {
  if (!can(actor, 'source.create')) throw new ForbiddenError();
  const fields = parseInput(sourceFieldsSchema, input);
  const normalizedUrl = fields.url ? normalizeSourceUrl(fields.url) : null;
  const db = getDb();
  try {
    return await db.transaction(async (tx) => {
      await refuseDuplicate(tx, normalizedUrl, null);
      const [created] = await tx
        .insert(sources)
        .values({ ...fields, normalizedUrl, createdBy: actor.id, createdAt: now, updatedAt: now })
        .returning(columns);
      await recordAudit(tx, { actorId: actor.id, action: 'source.create', subjectType: 'source', subjectId: created!.id, at: now });
      return created!;
    });
  } catch (error) {
    // Two people adding the same report at once: the unique index decides.
    if (isUniqueViolation(error) && normalizedUrl) await refuseDuplicate(db, normalizedUrl, null);
    throw error;
  }
}

export async function updateSource(actor: Actor, input: unknown, { now = new Date() }: { now?: Date } = {}): Promise<SourceRecord> {
  if (!can(actor, 'source.manage')) throw new ForbiddenError('Only editors and admins edit sources.');
  const { sourceId, ...fields } = parseInput(sourceUpdateSchema, input);
  const normalizedUrl = fields.url ? normalizeSourceUrl(fields.url) : null;
  return getDb().transaction(async (tx) => {
    const [existing] = await tx.select({ id: sources.id }).from(sources).where(eq(sources.id, sourceId)).for('update');
    if (!existing) throw new NotFoundError('No such source.');
    const [duplicate] = normalizedUrl
      ? await tx.select({ id: sources.id, title: sources.title }).from(sources).where(eq(sources.normalizedUrl, normalizedUrl))
      : [];
    if (duplicate && duplicate.id !== sourceId) {
      throw new ValidationError({ url: [`Another source has this address: “${duplicate.title}”.`] });
    }
    const [updated] = await tx
      .update(sources)
      .set({ ...fields, normalizedUrl, updatedAt: now })
      .where(eq(sources.id, sourceId))
      .returning(columns);
    await recordAudit(tx, { actorId: actor.id, action: 'source.update', subjectType: 'source', subjectId: sourceId, at: now });
    return updated!;
  });
}

const searchSchema = z.object({ query: z.string().trim().max(300).default(''), limit: z.coerce.number().int().min(1).max(50).default(12) });

/** Search-as-you-type by title, outlet or address. */
export async function searchSources(actor: Actor, input: unknown): Promise<SourceRecord[]> {
  if (!can(actor, 'source.create')) throw new ForbiddenError();
  const { query, limit } = parseInput(searchSchema, input);
  return getDb()
    .select(columns)
    .from(sources)
    .where(query ? matching(query) : undefined)
    .orderBy(desc(sources.updatedAt), desc(sources.id))
    .limit(limit);
}

export const SOURCE_PAGE_SIZE = 40;
export const sourceListQuerySchema = z.object({ q: z.string().trim().max(300).catch(''), page: z.coerce.number().int().min(1).max(10_000).catch(1) });

export async function listSources(actor: Actor, query: z.output<typeof sourceListQuerySchema>) {
  if (!can(actor, 'source.create')) throw new ForbiddenError();
  const where = query.q ? matching(query.q) : undefined;
  const db = getDb();
  const [rows, [totals]] = await Promise.all([
    db
      .select({
        ...columns,
        citedBy: sql<number>`(select count(*)::int from ${articleSources} where ${articleSources.sourceId} = ${sources.id})`,
      })
      .from(sources)
      .where(where)
      .orderBy(asc(sources.title), asc(sources.id))
      .limit(SOURCE_PAGE_SIZE)
      .offset((query.page - 1) * SOURCE_PAGE_SIZE),
    db.select({ total: count() }).from(sources).where(where),
  ]);
  return { rows, total: totals?.total ?? 0, pageSize: SOURCE_PAGE_SIZE };
}

/**
 * A source with every article whose current text cites it (published or not), among the
 * articles the actor may see: a writer is not shown the headlines of others' drafts.
 */
export async function getSource(actor: Actor, sourceId: number) {
  if (!can(actor, 'source.create')) throw new ForbiddenError();
  const db = getDb();
  const [source] = await db.select(columns).from(sources).where(eq(sources.id, sourceId));
  if (!source) throw new NotFoundError('No such source.');
  const scope = articleListScope(actor);
  const citing = await db
    .select({ id: articles.id, headline: workingCopies.headline, status: articles.status })
    .from(workingCopies)
    .innerJoin(articles, eq(articles.id, workingCopies.articleId))
    .where(
      and(
        sql`jsonb_path_exists(${workingCopies.body}, '$.** ? (@.type == "citation" && @.attrs.sourceId == $id)', jsonb_build_object('id', ${sourceId}::int))`,
        scope.kind === 'all'
          ? undefined
          : or(eq(articles.createdBy, actor.id), sql`${actor.id} = any(${workingCopies.bylineIds})`, eq(articles.status, 'published')),
      ),
    )
    .orderBy(desc(workingCopies.updatedAt))
    .limit(200);
  return { source, citing };
}

/** The sources behind ids (for the editor's markers and the reader's list), by id. */
export async function describeSources(executor: Executor, ids: readonly number[]): Promise<Map<number, SourceRecord>> {
  if (ids.length === 0) return new Map();
  const rows = await executor.select(columns).from(sources).where(inArray(sources.id, [...ids]));
  return new Map(rows.map((row) => [row.id, row]));
}

export async function describeSourcesFor(actor: Actor, ids: unknown): Promise<Record<number, SourceRecord>> {
  if (!can(actor, 'source.create')) throw new ForbiddenError();
  const parsed = parseInput(z.array(z.coerce.number().int().positive()).max(500), ids);
  return Object.fromEntries(await describeSources(getDb(), parsed));
}

/** Published articles citing a source, newest first: the public source page. */
export async function listCitingArticles(sourceId: number, { limit = 50, offset = 0 } = {}) {
  return getDb()
    .select({ slug: articles.slug, headline: revisions.headline, publishedAt: articleSources.publishedAt, citations: articleSources.citationCount })
    .from(articleSources)
    .innerJoin(articles, eq(articles.id, articleSources.articleId))
    .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .where(eq(articleSources.sourceId, sourceId))
    .orderBy(desc(articleSources.publishedAt), desc(articleSources.articleId))
    .limit(limit)
    .offset(offset);
}

async function refuseDuplicate(executor: Executor, normalizedUrl: string | null, exceptId: number | null): Promise<void> {
  if (!normalizedUrl) return;
  const [existing] = await executor.select(columns).from(sources).where(eq(sources.normalizedUrl, normalizedUrl));
  if (existing && existing.id !== exceptId) {
    throw new ConflictError(`This report is already in the library: “${existing.title}”. Use it instead of adding it twice.`, existing);
  }
}

function matching(query: string): SQL {
  const pattern = `%${query.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
  return or(ilike(sources.title, pattern), ilike(sources.outlet, pattern), ilike(sources.url, pattern))!;
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { cause?: { code?: string } }).cause?.code === '23505';
}

