import 'server-only';
import { eq } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { articleSources } from '@/db/schema';
import { numberCitations } from '@/lib/citations/numbering';
import type { BodyDocument } from '@/lib/content/body-document';
import { ValidationError } from '@/lib/errors';
import { describeSources } from './source-service';

/** Before a save: every cited source must exist. */
export async function checkCitedSources(tx: Transaction, body: BodyDocument): Promise<void> {
  const { sources } = numberCitations(body);
  if (sources.length === 0) return;
  const known = await describeSources(tx, sources.map((source) => source.sourceId));
  const unknown = sources.filter((source) => !known.has(source.sourceId)).map((source) => `#${source.sourceId}`);
  if (unknown.length > 0) throw new ValidationError({ body: [`The body cites a source that does not exist (${unknown.join(', ')}).`] });
}

/** At publication: the sources readers now see cited, in the same transaction. */
export async function recordArticleSources(
  tx: Transaction,
  { articleId, body, publishedAt }: { articleId: number; body: BodyDocument; publishedAt: Date },
): Promise<void> {
  await clearArticleSources(tx, articleId);
  const { sources } = numberCitations(body);
  if (sources.length === 0) return;
  await tx
    .insert(articleSources)
    .values(sources.map((source) => ({ articleId, sourceId: source.sourceId, citationCount: source.markers.length, publishedAt })));
}

export async function clearArticleSources(tx: Transaction, articleId: number): Promise<void> {
  await tx.delete(articleSources).where(eq(articleSources.articleId, articleId));
}
