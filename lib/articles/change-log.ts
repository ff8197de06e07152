import 'server-only';
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, articleSlugs, notices, publications, revisions } from '@/db/schema';
import type { BodyDocument } from '@/lib/content/body-document';
import { readerDiff, type ReaderChange } from '@/lib/revisions/reader-diff';

/*
 * An article's public change log: every version readers were shown, with its notice and
 * what changed in the text since the version before. Published revisions are never
 * pruned, so the log is complete.
 */

export type ChangeLogEntry = {
  publishedAt: Date;
  notice: { kind: (typeof notices.$inferSelect)['kind']; body: string } | null;
  changes: ReaderChange[];
  isFirst: boolean;
};

export type ChangeLog = { slug: string; headline: string; entries: ChangeLogEntry[] };

export async function findChangeLog(slug: string): Promise<{ kind: 'log'; log: ChangeLog } | { kind: 'moved'; slug: string } | null> {
  const db = getDb();
  const [article] = await db
    .select({ id: articles.id, slug: articles.slug })
    .from(articles)
    .where(and(eq(articles.slug, slug), eq(articles.status, 'published'), isNotNull(articles.publishedRevisionId)));
  if (!article) {
    const [moved] = await db
      .select({ slug: articles.slug })
      .from(articleSlugs)
      .innerJoin(articles, eq(articles.id, articleSlugs.articleId))
      .where(and(eq(articleSlugs.slug, slug), eq(articleSlugs.wasPublic, true), eq(articles.status, 'published')));
    return moved && moved.slug !== slug ? { kind: 'moved', slug: moved.slug } : null;
  }
  const versions = await db
    .select({
      publishedAt: publications.publishedAt,
      headline: revisions.headline,
      standfirst: revisions.standfirst,
      body: revisions.body,
      noticeKind: notices.kind,
      noticeBody: notices.body,
    })
    .from(publications)
    .innerJoin(revisions, eq(revisions.id, publications.revisionId))
    .leftJoin(notices, eq(notices.publicationId, publications.id))
    .where(eq(publications.articleId, article.id))
    .orderBy(asc(publications.publishedAt), asc(publications.id));

  const entries: ChangeLogEntry[] = versions.map((version, index) => {
    const previous = versions[index - 1];
    const current = { headline: version.headline, standfirst: version.standfirst, body: version.body as BodyDocument };
    return {
      publishedAt: version.publishedAt,
      notice: version.noticeKind ? { kind: version.noticeKind, body: version.noticeBody ?? '' } : null,
      changes: previous ? readerDiff({ headline: previous.headline, standfirst: previous.standfirst, body: previous.body as BodyDocument }, current) : [],
      isFirst: index === 0,
    };
  });
  const latest = versions.at(-1)!;
  return { kind: 'log', log: { slug: article.slug, headline: latest.headline, entries: entries.reverse() } };
}
