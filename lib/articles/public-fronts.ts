import 'server-only';
import { and, asc, eq, exists, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, revisions, sections, users } from '@/db/schema';
import { isPublished, listLatestPublished, type ArticleTeaser } from './public-articles';

/*
 * The fronts readers browse besides the home page: a section's page and an author's page.
 * Anonymous views: an author is public only through published work, so a staff member
 * who has published nothing has no page, and an address never tells who works here.
 */

export type PublicSection = { id: number; slug: string; name: string; description: string };
export type PublicAuthor = { id: number; slug: string; name: string; bio: string };

export const FRONT_PAGE_SIZE = 20;
/** How many stories each section shows on the home page. */
export const SECTION_FRONT_SIZE = 4;

export async function listPublicSections(): Promise<PublicSection[]> {
  return getDb()
    .select({ id: sections.id, slug: sections.slug, name: sections.name, description: sections.description })
    .from(sections)
    .orderBy(asc(sections.position), asc(sections.name));
}

export async function findPublicSection(slug: string): Promise<PublicSection | null> {
  const [section] = await getDb()
    .select({ id: sections.id, slug: sections.slug, name: sections.name, description: sections.description })
    .from(sections)
    .where(eq(sections.slug, slug));
  return section ?? null;
}

/** A person with at least one published article under their byline; null otherwise. */
export async function findPublicAuthor(slug: string): Promise<PublicAuthor | null> {
  const db = getDb();
  const published = db
    .select({ id: articles.id })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .where(and(isPublished, sql`${revisions.bylineIds} @> array[${users.id}]`));
  const [author] = await db
    .select({ id: users.id, slug: users.slug, name: users.name, bio: users.bio })
    .from(users)
    .where(and(eq(users.slug, slug), exists(published)));
  return author ?? null;
}

/**
 * Each section with its latest stories for the home page, leaving out the stories the page
 * already shows (`shown`, slugs) and the sections left with none.
 */
export async function listSectionFronts({ shown = [] }: { shown?: readonly string[] } = {}): Promise<
  Array<{ section: PublicSection; teasers: ArticleTeaser[] }>
> {
  const all = await listPublicSections();
  const skip = new Set(shown);
  const fronts = await Promise.all(
    all.map(async (section) => {
      const { teasers } = await listLatestPublished({ sectionId: section.id, pageSize: SECTION_FRONT_SIZE + skip.size });
      return { section, teasers: teasers.filter((teaser) => !skip.has(teaser.slug)).slice(0, SECTION_FRONT_SIZE) };
    }),
  );
  return fronts.filter((front) => front.teasers.length > 0);
}
