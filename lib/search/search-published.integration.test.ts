import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articleSearch, sections } from '@/db/schema';
import { publishArticle, publishArticleIn, unpublishArticle } from '@/lib/articles/article-workflow';
import { runDueSchedules, scheduleArticle } from '@/lib/articles/scheduling';
import { takeArticleDown } from '@/lib/articles/workflow-steps';
import type { BodyDocument } from '@/lib/content/body-document';
import type { Actor } from '@/lib/permissions';
import { useFreshDatabase } from '@/test-support/database';
import {
  createDraft,
  createEntityAs,
  createPublishedArticle,
  createSection,
  createStaff,
  currentSaveInput,
  paragraphs,
  saveChanges,
  SOURCING_NOT_UNDER_TEST,
  tag,
  taggedBody,
} from '@/test-support/factories';
import { caught } from '@/test-support/inspect';
import { reindexPublishedArticles } from './search-index';
import { searchPublished, type SearchOutcome } from './search-published';
import { QUERY_MAX_LENGTH, SEARCH_PAGE_SIZE } from './search-query';

const { db } = useFreshDatabase();

/*
 * Every test searches for words of its own (made-up, letters only), so tests sharing this
 * file's database never find each other's stories.
 */
function word(): string {
  return `zq${randomBytes(5).toString('hex').replace(/[0-9]/g, (digit) => 'ghijklmnop'[Number(digit)]!)}`;
}

async function staff(): Promise<{ writer: Actor; editor: Actor }> {
  return { writer: await createStaff('writer'), editor: await createStaff('editor') };
}

async function publish(
  writer: Actor,
  editor: Actor,
  options: { headline: string; body: BodyDocument; sectionId?: number; now?: Date },
) {
  return createPublishedArticle(writer, editor, { ...options, coverageOverride: SOURCING_NOT_UNDER_TEST });
}

function headlines(outcome: SearchOutcome): string[] {
  return outcome.results.map((result) => result.headline);
}

async function sectionSlug(sectionId: number): Promise<string> {
  const [row] = await db().select({ slug: sections.slug }).from(sections).where(eq(sections.id, sectionId));
  return row!.slug;
}

async function indexRow(articleId: number) {
  return db().select().from(articleSearch).where(eq(articleSearch.articleId, articleId));
}

describe('searching published articles', () => {
  it('ranks a story with the words in its headline above one with them only in the body', async () => {
    const { writer, editor } = await staff();
    const term = word();
    await publish(writer, editor, { headline: `Council debates ${term}`, body: paragraphs('The council met on Tuesday.'), now: new Date('2030-01-01T09:00:00Z') });
    // Newer, and the word three times: recency and frequency alone would put it first.
    await publish(writer, editor, {
      headline: 'Budget vote delayed again',
      body: paragraphs(`Members spoke about ${term} at length.`, `The ${term} question returned.`, `Nobody settled ${term}.`),
      now: new Date('2030-01-02T09:00:00Z'),
    });

    const outcome = await searchPublished({ q: term });

    expect(headlines(outcome)).toEqual([`Council debates ${term}`, 'Budget vote delayed again']);
    expect(outcome).toMatchObject({ isSearched: true, total: 2, isTotalCapped: false, page: 1, pageSize: SEARCH_PAGE_SIZE, pageCount: 1 });
  });

  it('returns each result with its address, section, date and standfirst from the published revision', async () => {
    const { writer, editor } = await staff();
    const term = word();
    const sectionId = await createSection();
    const article = await publish(writer, editor, { headline: `Harbour grant for ${term}`, body: paragraphs('The grant was approved.'), sectionId, now: new Date('2030-02-03T10:00:00Z') });

    const outcome = await searchPublished({ q: term });

    expect(outcome.results).toEqual([
      {
        slug: article.slug,
        headline: `Harbour grant for ${term}`,
        standfirst: 'A standfirst.',
        section: { slug: await sectionSlug(sectionId), name: expect.any(String) },
        publishedAt: new Date('2030-02-03T10:00:00Z'),
        snippet: [{ text: 'The grant was approved.', isMatch: false }],
      },
    ]);
  });

  it('marks the matched words in the snippet, other forms of the word included', async () => {
    const { writer, editor } = await staff();
    const term = word();
    await publish(writer, editor, {
      headline: 'Night services cut',
      body: paragraphs('The transport board met in the morning.', `Drivers said the ${term} would hurt nurses, and the deportees were not told.`),
    });

    const outcome = await searchPublished({ q: `${term} deportee` });

    expect(outcome.results).toHaveLength(1);
    const snippet = outcome.results[0]!.snippet;
    expect(snippet.filter((part) => part.isMatch).map((part) => part.text)).toEqual([term, 'deportees']);
    expect(snippet.map((part) => part.text).join('')).toContain(`Drivers said the ${term} would hurt nurses, and the deportees were not told`);
  });

  it('narrows to one section', async () => {
    const { writer, editor } = await staff();
    const term = word();
    const world = await createSection();
    const business = await createSection();
    await publish(writer, editor, { headline: `World ${term}`, body: paragraphs('Abroad.'), sectionId: world });
    await publish(writer, editor, { headline: `Business ${term}`, body: paragraphs('Markets.'), sectionId: business });

    const outcome = await searchPublished({ q: term, section: await sectionSlug(business) });

    expect(headlines(outcome)).toEqual([`Business ${term}`]);
    expect(outcome.total).toBe(1);
    expect(outcome.query.section).toEqual({ slug: await sectionSlug(business), name: expect.any(String) });
    expect(outcome.facets.sections.map((section) => section.slug)).toEqual(expect.arrayContaining([await sectionSlug(world), await sectionSlug(business)]));
  });

  it('narrows to stories that mention an entity, and offers the entities the matches mention', async () => {
    const { writer, editor } = await staff();
    const term = word();
    const mayor = await createEntityAs(editor, { type: 'person' });
    const harbour = await createEntityAs(editor, { type: 'place' });
    await publish(writer, editor, { headline: `Tagged ${term}`, body: taggedBody([tag(mayor.id, 'The mayor'), ' visited ', tag(harbour.id, 'the harbour'), '.']) });
    await publish(writer, editor, { headline: `Untagged ${term}`, body: paragraphs('The mayor was not tagged here.') });

    const narrowed = await searchPublished({ q: term, entity: mayor.slug });
    const all = await searchPublished({ q: term });

    expect(headlines(narrowed)).toEqual([`Tagged ${term}`]);
    expect(narrowed.total).toBe(1);
    expect(narrowed.query.entity).toEqual({ slug: mayor.slug, name: mayor.name });
    expect(all.total).toBe(2);
    expect(all.facets.entities.map((entity) => entity.slug).sort()).toEqual([mayor.slug, harbour.slug].sort());
  });

  it('drops a section or entity filter that names nothing, and searches everything', async () => {
    const { writer, editor } = await staff();
    const term = word();
    await publish(writer, editor, { headline: `Unfiltered ${term}`, body: paragraphs('Text.') });

    const outcome = await searchPublished({ q: term, section: 'no-such-section', entity: 'no-such-entity' });

    expect(headlines(outcome)).toEqual([`Unfiltered ${term}`]);
    expect(outcome.query).toEqual({ q: term, section: null, entity: null });
  });

  it('pages through the matches with the total, newest first among equals, without repeats', async () => {
    const { writer, editor } = await staff();
    const term = word();
    for (let index = 0; index < 12; index++) {
      await publish(writer, editor, { headline: `Story ${String(index).padStart(2, '0')} ${term}`, body: paragraphs('Same text.'), now: new Date(Date.UTC(2030, 5, 1 + index)) });
    }

    const first = await searchPublished({ q: term });
    const second = await searchPublished({ q: term, page: '2' });
    const beyond = await searchPublished({ q: term, page: '3' });

    expect(first).toMatchObject({ total: 12, page: 1, pageCount: 2 });
    expect(second).toMatchObject({ total: 12, page: 2, pageCount: 2 });
    expect(headlines(first)).toEqual([11, 10, 9, 8, 7, 6, 5, 4, 3, 2].map((n) => `Story ${String(n).padStart(2, '0')} ${term}`));
    expect(headlines(second)).toEqual([`Story 01 ${term}`, `Story 00 ${term}`]);
    expect(beyond.results).toEqual([]);
    expect(beyond.total).toBe(12);
  });
});

describe('what search never finds', () => {
  it('never finds a draft', async () => {
    const { writer } = await staff();
    const term = word();
    const draft = await createDraft(writer, { headline: `Draft ${term}`, body: paragraphs(`Unpublished ${term}.`) });

    const outcome = await searchPublished({ q: term });

    expect(outcome).toMatchObject({ isSearched: true, results: [], total: 0 });
    expect(await indexRow(draft.id)).toEqual([]);
  });

  it('never finds the unpublished edits of a published article, only its published text', async () => {
    const { writer, editor } = await staff();
    const published = word();
    const edited = word();
    const article = await publish(writer, editor, { headline: `Published ${published}`, body: paragraphs(`Published text ${published}.`) });
    await saveChanges(editor, article.id, { headline: `Edited ${edited}`, body: paragraphs(`Edited text ${edited}.`) });

    const byEditedWord = await searchPublished({ q: edited });
    const byPublishedWord = await searchPublished({ q: published });

    expect(byEditedWord).toMatchObject({ results: [], total: 0 });
    expect(headlines(byPublishedWord)).toEqual([`Published ${published}`]);
    expect(byPublishedWord.results[0]!.snippet).toEqual([
      { text: 'Published text ', isMatch: false },
      { text: published, isMatch: true },
    ]);
  });

  it('stops finding an article the moment it is unpublished', async () => {
    const { writer, editor } = await staff();
    const term = word();
    const article = await publish(writer, editor, { headline: `Retracted ${term}`, body: paragraphs('Soon gone.') });
    const before = await searchPublished({ q: term });

    await unpublishArticle(editor, { articleId: article.id, expectedVersion: article.version });

    expect(headlines(before)).toEqual([`Retracted ${term}`]);
    expect(await searchPublished({ q: term })).toMatchObject({ results: [], total: 0 });
    expect(await indexRow(article.id)).toEqual([]);
  });

  it('finds the new words of a republished article, and not the old ones', async () => {
    const { writer, editor } = await staff();
    const before = word();
    const after = word();
    const article = await publish(writer, editor, { headline: `First ${before}`, body: paragraphs(`Old body ${before}.`) });
    const version = await saveChanges(editor, article.id, { headline: `Second ${after}`, body: paragraphs(`New body ${after}.`) });

    await publishArticle(editor, { articleId: article.id, expectedVersion: version, coverageOverride: SOURCING_NOT_UNDER_TEST });

    expect(await searchPublished({ q: before })).toMatchObject({ results: [], total: 0 });
    expect(headlines(await searchPublished({ q: after }))).toEqual([`Second ${after}`]);
    expect(await indexRow(article.id)).toHaveLength(1);
  });

  it('finds a scheduled article only once it goes out, with the text that was approved', async () => {
    const { writer, editor } = await staff();
    const approved = word();
    const later = word();
    const draft = await createDraft(writer, { headline: `Scheduled ${approved}`, body: paragraphs('Approved text.'), now: new Date('2031-06-01T08:00:00Z') });
    await scheduleArticle(
      editor,
      { articleId: draft.id, expectedVersion: draft.version, publishAt: { local: '2031-06-01T12:00', timeZone: 'UTC' }, coverageOverride: SOURCING_NOT_UNDER_TEST },
      { now: new Date('2031-06-01T09:00:00Z') },
    );
    await saveChanges(editor, draft.id, { headline: `Changed ${later}` }, { now: new Date('2031-06-01T10:00:00Z') });
    const whileScheduled = await searchPublished({ q: approved });

    await runDueSchedules({ now: new Date('2031-06-01T12:00:00Z') });

    expect(whileScheduled.total).toBe(0);
    expect(headlines(await searchPublished({ q: approved }))).toEqual([`Scheduled ${approved}`]);
    expect((await searchPublished({ q: later })).total).toBe(0);
  });
});

describe('the index and the publishing transaction', () => {
  it('indexes nothing when the publication fails after indexing: both roll back together', async () => {
    const { writer, editor } = await staff();
    const term = word();
    const draft = await createDraft(writer, { headline: `Doomed ${term}`, body: paragraphs('Never out.') });
    let indexedInside: unknown[] = [];

    const error = await caught(
      getDb().transaction(async (tx) => {
        await publishArticleIn(tx, { actor: editor, articleId: draft.id, expectedVersion: draft.version, coverageOverride: SOURCING_NOT_UNDER_TEST, now: new Date() });
        indexedInside = await tx.select({ articleId: articleSearch.articleId }).from(articleSearch).where(eq(articleSearch.articleId, draft.id));
        throw new Error('The publication fails after its steps ran.');
      }),
    );

    expect(error).toBeInstanceOf(Error);
    expect(indexedInside).toEqual([{ articleId: draft.id }]);
    expect(await indexRow(draft.id)).toEqual([]);
    expect(await searchPublished({ q: term })).toMatchObject({ results: [], total: 0 });
  });

  it('keeps an article findable when its unpublication fails: the removal rolls back too', async () => {
    const { writer, editor } = await staff();
    const term = word();
    const article = await publish(writer, editor, { headline: `Survivor ${term}`, body: paragraphs('Still here.') });

    await caught(
      getDb().transaction(async (tx) => {
        await takeArticleDown(tx, { articleId: article.id, actorId: editor.id, now: new Date() });
        throw new Error('The unpublication fails after its steps ran.');
      }),
    );

    expect(headlines(await searchPublished({ q: term }))).toEqual([`Survivor ${term}`]);
  });

  it('reindexes at start what the index lacks or holds at another revision, and drops what is no longer published', async () => {
    const { writer, editor } = await staff();
    const missing = word();
    const stale = word();
    const fresh = word();
    const lost = await publish(writer, editor, { headline: `Missing ${missing}`, body: paragraphs('Text.') });
    const outdated = await publish(writer, editor, { headline: `Stale ${stale}`, body: paragraphs('Text.') });
    const [staleRow] = await indexRow(outdated.id);
    const version = await saveChanges(editor, outdated.id, { headline: `Fresh ${fresh}` });
    await publishArticle(editor, { articleId: outdated.id, expectedVersion: version });
    // As if the index were from before: one row missing, one at the old revision.
    await db().delete(articleSearch).where(eq(articleSearch.articleId, lost.id));
    await db().update(articleSearch).set({ revisionId: staleRow!.revisionId, document: staleRow!.document, bodyText: staleRow!.bodyText }).where(eq(articleSearch.articleId, outdated.id));
    const draft = await createDraft(writer);
    const [orphan] = await db()
      .insert(articleSearch)
      .values({ ...staleRow!, articleId: draft.id })
      .returning({ articleId: articleSearch.articleId });
    const messages: string[] = [];

    const outcome = await reindexPublishedArticles(db(), { log: (message) => messages.push(message) });
    const again = await reindexPublishedArticles(db());

    expect(outcome).toEqual({ indexed: 2, removed: 1 });
    expect(again).toEqual({ indexed: 0, removed: 0 });
    expect(messages).toEqual(['indexing 2 published articles for search']);
    expect(headlines(await searchPublished({ q: missing }))).toEqual([`Missing ${missing}`]);
    expect(headlines(await searchPublished({ q: fresh }))).toEqual([`Fresh ${fresh}`]);
    expect((await searchPublished({ q: stale })).total).toBe(0);
    expect(await indexRow(orphan!.articleId)).toEqual([]);
  });
});

describe('what readers may type', () => {
  it('runs no query for an empty or blank search', async () => {
    const empty = await searchPublished({});
    const blank = await searchPublished({ q: '   \n ' });

    expect(empty).toMatchObject({ isSearched: false, results: [], total: 0, pageCount: 0, query: { q: '', section: null, entity: null } });
    expect(blank).toMatchObject({ isSearched: false, results: [], total: 0, query: { q: '' } });
  });

  it('answers hostile and odd queries with a valid result, never an error', async () => {
    const { writer, editor } = await staff();
    const term = word();
    await publish(writer, editor, { headline: `Hostile ${term}`, body: paragraphs(`The page said <script>alert("${term}")</script> and 1=1.`) });
    const queries = [
      "' OR 1=1 --",
      "'; drop table article_search; --",
      '<script>',
      '&&&',
      '&|!():*',
      '!!!',
      '"unterminated quote',
      '((( ))) ::: ***',
      'a & | b',
      '-',
      'or or or',
      'the and of',
      '\u0000\u0001 nul',
      '\\ \\\\ %_',
      '-zqnothinglikethis',
      'x'.repeat(10_000),
      `${term} `.repeat(2_000),
    ];

    const outcomes: SearchOutcome[] = [];
    for (const q of queries) outcomes.push(await searchPublished({ q }));

    for (const outcome of outcomes) {
      expect(outcome.query.q.length).toBeLessThanOrEqual(QUERY_MAX_LENGTH);
      expect(outcome.total).toBeGreaterThanOrEqual(0);
      expect(Array.isArray(outcome.results)).toBe(true);
    }
    expect(outcomes.map((outcome) => outcome.isSearched)).toEqual([true, true, true, false, false, false, true, false, true, false, true, true, true, false, true, true, true]);
    expect(outcomes[1]!.total).toBe(0);
    // Only a word to leave out: every story without it (this file's, so far).
    expect(outcomes[14]!.total).toBeGreaterThan(0);
    expect(outcomes[15]!.total).toBe(0);
    expect(headlines(outcomes[16]!)).toEqual([`Hostile ${term}`]);
    // The table is still there, and the story still found.
    expect(headlines(await searchPublished({ q: term }))).toEqual([`Hostile ${term}`]);
  });

  it('renders a body that contains markup as text in the snippet, never as markup', async () => {
    const { writer, editor } = await staff();
    const term = word();
    await publish(writer, editor, { headline: `Markup ${term}`, body: paragraphs(`Quoted <img src=x onerror=alert(1)> ${term} <b>bold</b> & more.`) });

    const outcome = await searchPublished({ q: term });

    const snippet = outcome.results[0]!.snippet;
    expect(snippet.filter((part) => part.isMatch).map((part) => part.text)).toEqual([term]);
    expect(snippet.every((part) => typeof part.text === 'string')).toBe(true);
  });
});

describe('the current published revision', () => {
  it('reads the current section of a republished article that moved section', async () => {
    const { writer, editor } = await staff();
    const term = word();
    const from = await createSection();
    const to = await createSection();
    const article = await publish(writer, editor, { headline: `Moving ${term}`, body: paragraphs('Text.'), sectionId: from });
    const input = await currentSaveInput(article.id);
    const version = await saveChanges(editor, article.id, { ...input, sectionId: to });
    await publishArticle(editor, { articleId: article.id, expectedVersion: version });

    const inNew = await searchPublished({ q: term, section: await sectionSlug(to) });
    const inOld = await searchPublished({ q: term, section: await sectionSlug(from) });

    expect(headlines(inNew)).toEqual([`Moving ${term}`]);
    expect(inNew.results[0]!.section.slug).toBe(await sectionSlug(to));
    expect(inOld.total).toBe(0);
  });
});
