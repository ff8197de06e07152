import 'server-only';
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleEntities, articles, articleSearch, entities, revisions, sections } from '@/db/schema';
import { isPublished } from '@/lib/articles/public-articles';
import { getEntityCatalog } from '@/lib/entities/entity-catalog';
import { COUNT_LIMIT, findMatchWindow } from './match-window';
import { searchLanguage } from './search-index';
import { hasSearchableWords, parseSearchRequest, SEARCH_PAGE_SIZE } from './search-query';
import { HEADLINE_OPTIONS, snippetParts, type SnippetPart } from './snippet';

/*
 * Readers' search over published articles: the index (lib/search/search-index.ts) holds
 * published revisions only, and every result is checked against the article's published
 * pointer again. Nothing here takes an actor: it is the anonymous view. Relevance is
 * ranked among the newest matches, and the total counted up to a limit: see match-window.ts.
 */

const ENTITY_FACETS = 12;

export type SearchFilter = { slug: string; name: string };

export type SearchResult = {
  slug: string;
  headline: string;
  standfirst: string;
  section: SearchFilter;
  publishedAt: Date;
  /** A passage of the body with the matched words marked, as data: render text and <mark>. */
  snippet: SnippetPart[];
};

export type SearchOutcome = {
  /** What was searched: the cleaned words and the filters that apply (unknown ones are dropped). */
  query: { q: string; section: SearchFilter | null; entity: SearchFilter | null };
  /** False for an empty query or one without a letter or digit: nothing was looked up. */
  isSearched: boolean;
  results: SearchResult[];
  /** Matching stories, counted up to COUNT_LIMIT (isTotalCapped: there are more). */
  total: number;
  isTotalCapped: boolean;
  page: number;
  pageSize: number;
  /** The matches ranked and paged through: all of them, or the RANK_WINDOW newest. */
  ranked: number;
  pageCount: number;
  facets: {
    /** Every section, to narrow to. */
    sections: SearchFilter[];
    /** The entities the best matches mention most, the chosen one included. */
    entities: SearchFilter[];
  };
};

/** Searches published articles. Takes the raw URL parameters; never throws on what a reader typed. */
export async function searchPublished(params: { q?: unknown; section?: unknown; entity?: unknown; page?: unknown }): Promise<SearchOutcome> {
  const request = parseSearchRequest(params);
  const [sectionList, entity] = await Promise.all([listSectionFilters(), findEntityFilter(request.entity)]);
  const section = sectionList.find((candidate) => candidate.slug === request.section) ?? null;
  const outcome: SearchOutcome = {
    query: { q: request.q, section: section && { slug: section.slug, name: section.name }, entity: entity && { slug: entity.slug, name: entity.name } },
    isSearched: false,
    results: [],
    total: 0,
    isTotalCapped: false,
    page: request.page,
    pageSize: SEARCH_PAGE_SIZE,
    ranked: 0,
    pageCount: 0,
    facets: { sections: sectionList.map(({ slug, name }) => ({ slug, name })), entities: withChosen([], entity) },
  };
  if (!hasSearchableWords(request.q)) return outcome;

  const filters = and(
    section ? eq(articleSearch.sectionId, section.id) : undefined,
    entity
      ? inArray(articleSearch.articleId, getDb().select({ id: articleEntities.articleId }).from(articleEntities).where(eq(articleEntities.entityId, entity.id)))
      : undefined,
  );
  const window = await findMatchWindow({ query: request.q, filters });
  if (window.articleIds.length === 0) return { ...outcome, isSearched: true };
  const [results, mentioned] = await Promise.all([
    rankedPage({ window: window.articleIds, query: request.q, page: request.page }),
    mostMentioned(window.articleIds),
  ]);
  return {
    ...outcome,
    isSearched: true,
    results,
    total: Math.min(window.matches, COUNT_LIMIT),
    isTotalCapped: window.matches > COUNT_LIMIT,
    ranked: window.articleIds.length,
    pageCount: Math.ceil(window.articleIds.length / SEARCH_PAGE_SIZE),
    facets: { ...outcome.facets, entities: withChosen(mentioned, entity) },
  };
}

async function rankedPage({ window, query, page }: { window: number[]; query: string; page: number }): Promise<SearchResult[]> {
  const db = getDb();
  const tsquery = sql`websearch_to_tsquery(${searchLanguage}, ${query})`;
  // Headline words weigh most (A), then the standfirst's (B), then the body's (C).
  const relevance = sql<number>`ts_rank(${articleSearch.document}, ${tsquery})`;
  const ranked = db
    .select({ articleId: articleSearch.articleId, publishedAt: articleSearch.publishedAt, relevance: relevance.as('relevance') })
    .from(articleSearch)
    .where(inArray(articleSearch.articleId, window))
    .orderBy(desc(relevance), desc(articleSearch.publishedAt), desc(articleSearch.articleId))
    .limit(SEARCH_PAGE_SIZE)
    .offset((page - 1) * SEARCH_PAGE_SIZE)
    .as('ranked');
  // Snippets only for the page's rows: ts_headline reads the whole body text.
  const rows = await db
    .select({
      slug: articles.slug,
      headline: revisions.headline,
      standfirst: revisions.standfirst,
      section: { slug: sections.slug, name: sections.name },
      publishedAt: articles.firstPublishedAt,
      snippet: sql<string>`ts_headline(${searchLanguage}, ${articleSearch.bodyText}, ${tsquery}, ${HEADLINE_OPTIONS})`,
    })
    .from(ranked)
    .innerJoin(articleSearch, eq(articleSearch.articleId, ranked.articleId))
    .innerJoin(articles, eq(articles.id, ranked.articleId))
    .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .innerJoin(sections, eq(sections.id, revisions.sectionId))
    // The index is kept in the publishing transaction; this is the readers' guarantee anyway.
    .where(and(isPublished, eq(articleSearch.revisionId, articles.publishedRevisionId)))
    .orderBy(desc(ranked.relevance), desc(ranked.publishedAt), desc(ranked.articleId));
  return rows.map((row) => ({
    slug: row.slug,
    headline: row.headline,
    standfirst: row.standfirst,
    section: row.section,
    publishedAt: row.publishedAt!,
    snippet: snippetParts(row.snippet),
  }));
}

/** The entities the ranked matches mention most: the choices to narrow by. */
async function mostMentioned(window: number[]): Promise<SearchFilter[]> {
  const mentions = count(articleEntities.articleId);
  return getDb()
    .select({ slug: entities.slug, name: entities.name })
    .from(articleEntities)
    .innerJoin(entities, eq(entities.id, articleEntities.entityId))
    .where(inArray(articleEntities.articleId, window))
    .groupBy(entities.id, entities.slug, entities.name)
    .orderBy(desc(mentions), asc(entities.name))
    .limit(ENTITY_FACETS);
}

async function listSectionFilters(): Promise<Array<SearchFilter & { id: number }>> {
  return getDb()
    .select({ id: sections.id, slug: sections.slug, name: sections.name })
    .from(sections)
    .orderBy(asc(sections.position), asc(sections.name));
}

/** The entity a slug names now (a merged entity's slug leads to the one it joined). */
async function findEntityFilter(slug: string | null): Promise<(SearchFilter & { id: number }) | null> {
  if (!slug) return null;
  const [row] = await getDb().select({ id: entities.id }).from(entities).where(eq(entities.slug, slug));
  if (!row) return null;
  const entity = (await getEntityCatalog()).canonical(row.id);
  return entity ? { id: entity.id, slug: entity.slug, name: entity.name } : null;
}

function withChosen(mentioned: SearchFilter[], entity: SearchFilter | null): SearchFilter[] {
  if (!entity || mentioned.some((candidate) => candidate.slug === entity.slug)) return mentioned;
  return [{ slug: entity.slug, name: entity.name }, ...mentioned];
}
