import 'server-only';
import { count, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleSources } from '@/db/schema';
import { numberCitations, type CitationNumbering } from '@/lib/citations/numbering';
import type { BodyDocument } from '@/lib/content/body-document';
import { describeSources, listCitingArticles, type SourceRecord } from './source-service';

/** What a reader's article page needs for its citations: the numbering and each source. */
export async function citationsFor(body: BodyDocument): Promise<{ numbering: CitationNumbering; sources: Map<number, SourceRecord> }> {
  const numbering = numberCitations(body);
  const sources = await describeSources(getDb(), numbering.sources.map((source) => source.sourceId));
  return { numbering, sources };
}

export const SOURCE_PAGE_ARTICLES = 30;

/** A source's public page: the source and the published articles citing it, newest first. */
export async function findPublicSource(sourceId: number, { page = 1 }: { page?: number } = {}) {
  const [source] = [...(await describeSources(getDb(), [sourceId])).values()];
  if (!source) return null;
  const [citing, [totals]] = await Promise.all([
    listCitingArticles(sourceId, { limit: SOURCE_PAGE_ARTICLES, offset: (page - 1) * SOURCE_PAGE_ARTICLES }),
    getDb().select({ total: count() }).from(articleSources).where(eq(articleSources.sourceId, sourceId)),
  ]);
  return { source, citing, total: totals?.total ?? 0 };
}
