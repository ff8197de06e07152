import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { articleSources, sources } from '@/db/schema';
import { publishArticle, unpublishArticle } from '@/lib/articles/article-workflow';
import { runDueSchedules, scheduleArticle } from '@/lib/articles/scheduling';
import { ValidationError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { useFreshDatabase } from '@/test-support/database';
import {
  cite,
  citedBody,
  createDraft,
  createPublishedArticle,
  createSourceAs,
  createStaff,
  saveChanges,
  uniqueHeadline,
} from '@/test-support/factories';
import { caught, readArticleState } from '@/test-support/inspect';
import { citationsFor, findPublicSource, SOURCE_PAGE_ARTICLES } from './source-pages';
import { listCitingArticles } from './source-service';

const { db } = useFreshDatabase();

const FIRST_PUBLISHED = new Date('2030-06-01T08:00:00Z');
const REPUBLISHED = new Date('2030-06-02T08:00:00Z');
const UNPUBLISHED = new Date('2030-06-03T08:00:00Z');

/** The citation rows readers' source pages are built from, for one article, by source id. */
async function citationRowsOf(articleId: number) {
  const rows = await db().select().from(articleSources).where(eq(articleSources.articleId, articleId)).orderBy(asc(articleSources.sourceId));
  return rows.map(({ sourceId, citationCount, publishedAt }) => ({ sourceId, citationCount, publishedAt }));
}

/** A body with no claims to source (so publishing needs no reason) citing `sourceIds` in order, one marker each. */
function bodyCiting(...sourceIds: number[]) {
  return citedBody(['The council met on a rainy evening.', ...sourceIds.map((id) => cite(id))], 'Residents spoke at length.');
}

async function publishedCiting(author: Actor, editor: Actor, { sourceIds, now, headline }: { sourceIds: number[]; now: Date; headline?: string }) {
  return createPublishedArticle(author, editor, { body: bodyCiting(...sourceIds), now, ...(headline ? { headline } : {}) });
}

describe('citations when a body is saved', () => {
  it('refuses a body citing a source that does not exist, on body, naming it, and saves nothing', async () => {
    const writer = await createStaff('writer');
    const known = await createSourceAs(writer);
    const draft = await createDraft(writer);
    const before = await readArticleState(draft.id);

    const error = await caught(
      saveChanges(writer, draft.id, { body: citedBody(['The council met.', cite(known.id), ' Residents spoke.', cite(2_000_000)]) }),
    );

    expect(error).toBeInstanceOf(ValidationError);
    const fieldErrors = (error as ValidationError).fieldErrors;
    expect(Object.keys(fieldErrors)).toEqual(['body']);
    expect(fieldErrors.body).toEqual(['The body cites a source that does not exist (#2000000).']);
    expect(await readArticleState(draft.id)).toEqual(before);
    expect(await citationRowsOf(draft.id)).toEqual([]);
  });

  it('keeps a draft’s citations in its working copy, and tells readers nothing until it is published', async () => {
    const writer = await createStaff('writer');
    const report = await createSourceAs(writer);
    const draft = await createDraft(writer);
    const body = citedBody(['The council met.', cite(report.id, { locator: 'p. 4' })]);

    await saveChanges(writer, draft.id, { body });

    const after = await readArticleState(draft.id);
    expect(after.workingCopy!.body).toEqual(body);
    expect(after.publications).toEqual([]);
    expect(await citationRowsOf(draft.id)).toEqual([]);
    expect(await listCitingArticles(report.id)).toEqual([]);
  });
});

describe('citations follow publication', () => {
  it('records one row per cited source at publication, counting its markers, with the first publication time', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const census = await createSourceAs(writer);
    const ruling = await createSourceAs(writer);
    const uncited = await createSourceAs(writer);
    const draft = await createDraft(writer, {
      body: citedBody(
        ['The council met.', cite(census.id), ' Residents spoke.', cite(ruling.id)],
        ['The mayor left early.', cite(census.id, { quote: 'a long night' }), ' Nobody objected.', cite(census.id)],
      ),
    });

    await publishArticle(editor, { articleId: draft.id, expectedVersion: draft.version }, { now: FIRST_PUBLISHED });

    expect(await citationRowsOf(draft.id)).toEqual([
      { sourceId: census.id, citationCount: 3, publishedAt: FIRST_PUBLISHED },
      { sourceId: ruling.id, citationCount: 1, publishedAt: FIRST_PUBLISHED },
    ]);
    expect(await db().select().from(articleSources).where(eq(articleSources.sourceId, uncited.id))).toEqual([]);
  });

  it('counts citations wherever they sit: in headings, list items and quotes', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const census = await createSourceAs(writer);
    const ruling = await createSourceAs(writer);
    const marker = (sourceId: number) => ({ type: 'citation' as const, attrs: { sourceId } });
    const draft = await createDraft(writer, {
      body: {
        type: 'doc',
        content: [
          { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'The council meets' }, marker(census.id)] },
          {
            type: 'bulletList',
            content: [
              { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Residents spoke.' }, marker(ruling.id)] }] },
              { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The mayor left.' }, marker(census.id)] }] },
            ],
          },
          { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'We will meet again.' }, marker(census.id)] }] },
        ],
      },
    });

    await publishArticle(editor, { articleId: draft.id, expectedVersion: draft.version }, { now: FIRST_PUBLISHED });

    expect(await citationRowsOf(draft.id)).toEqual(
      [
        { sourceId: census.id, citationCount: 3, publishedAt: FIRST_PUBLISHED },
        { sourceId: ruling.id, citationCount: 1, publishedAt: FIRST_PUBLISHED },
      ].sort((a, b) => a.sourceId - b.sourceId),
    );
  });

  it('updates the rows when it is republished with fewer citations: counts go down, a source no longer cited goes', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const census = await createSourceAs(writer);
    const ruling = await createSourceAs(writer);
    const article = await publishedCiting(writer, editor, { sourceIds: [census.id, ruling.id, census.id], now: FIRST_PUBLISHED });
    const version = await saveChanges(editor, article.id, { body: bodyCiting(census.id) });

    await publishArticle(editor, { articleId: article.id, expectedVersion: version }, { now: REPUBLISHED });

    expect(await citationRowsOf(article.id)).toEqual([{ sourceId: census.id, citationCount: 1, publishedAt: FIRST_PUBLISHED }]);
    expect(await listCitingArticles(ruling.id)).toEqual([]);
  });

  it('leaves the rows alone while a published article’s working copy changes, until it is republished', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const census = await createSourceAs(writer);
    const ruling = await createSourceAs(writer);
    const article = await publishedCiting(writer, editor, { sourceIds: [census.id], now: FIRST_PUBLISHED });

    await saveChanges(editor, article.id, { body: bodyCiting(ruling.id, ruling.id) });

    expect(await citationRowsOf(article.id)).toEqual([{ sourceId: census.id, citationCount: 1, publishedAt: FIRST_PUBLISHED }]);
    expect(await listCitingArticles(ruling.id)).toEqual([]);
  });

  it('clears the rows when the article is unpublished, and keeps the sources in the library', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const census = await createSourceAs(writer);
    const article = await publishedCiting(writer, editor, { sourceIds: [census.id, census.id], now: FIRST_PUBLISHED });

    await unpublishArticle(editor, { articleId: article.id, expectedVersion: article.version }, { now: UNPUBLISHED });

    expect(await citationRowsOf(article.id)).toEqual([]);
    expect(await listCitingArticles(census.id)).toEqual([]);
    expect(await db().select({ id: sources.id }).from(sources).where(eq(sources.id, census.id))).toEqual([{ id: census.id }]);
  });

  it('records the rows when a scheduled article goes out, and none while it waits', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const census = await createSourceAs(writer);
    const draft = await createDraft(writer, { body: bodyCiting(census.id, census.id) });
    await scheduleArticle(
      editor,
      { articleId: draft.id, expectedVersion: draft.version, publishAt: { local: '2031-01-01T08:00', timeZone: 'UTC' } },
      { now: new Date('2030-12-31T08:00:00Z') },
    );
    expect(await citationRowsOf(draft.id)).toEqual([]);

    const due = await runDueSchedules({ now: new Date('2031-01-01T08:00:00Z') });

    expect(due).toEqual({ published: [draft.id], unpublished: [], failed: [] });
    expect(await citationRowsOf(draft.id)).toEqual([{ sourceId: census.id, citationCount: 2, publishedAt: new Date('2031-01-01T08:00:00Z') }]);
  });
});

describe('listCitingArticles: the published articles citing a source', () => {
  it('lists only published articles, newest first by first publication, with the published headline and the count', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const census = await createSourceAs(writer);
    const olderHeadline = uniqueHeadline('Older');
    const newerHeadline = uniqueHeadline('Newer');
    const older = await publishedCiting(writer, editor, { sourceIds: [census.id], now: new Date('2030-07-01T08:00:00Z'), headline: olderHeadline });
    const newer = await publishedCiting(writer, editor, { sourceIds: [census.id, census.id], now: new Date('2030-07-02T08:00:00Z'), headline: newerHeadline });
    const draft = await createDraft(writer, { body: bodyCiting(census.id) });
    const takenDown = await publishedCiting(writer, editor, { sourceIds: [census.id], now: new Date('2030-07-03T08:00:00Z') });
    await unpublishArticle(editor, { articleId: takenDown.id, expectedVersion: takenDown.version }, { now: new Date('2030-07-04T08:00:00Z') });
    const scheduled = await createDraft(writer, { body: bodyCiting(census.id) });
    await scheduleArticle(
      editor,
      { articleId: scheduled.id, expectedVersion: scheduled.version, publishAt: { local: '2099-01-01T08:00', timeZone: 'UTC' } },
      { now: new Date('2030-07-05T08:00:00Z') },
    );
    // An edit to the working copy after publication is not what readers see.
    await saveChanges(editor, older.id, { headline: 'A headline nobody has published' });

    const citing = await listCitingArticles(census.id);

    expect(citing).toEqual([
      { slug: newer.slug, headline: newerHeadline, publishedAt: new Date('2030-07-02T08:00:00Z'), citations: 2 },
      { slug: older.slug, headline: olderHeadline, publishedAt: new Date('2030-07-01T08:00:00Z'), citations: 1 },
    ]);
    expect(citing.map((article) => article.slug)).not.toContain(draft.slug);
    expect(citing.map((article) => article.slug)).not.toContain(takenDown.slug);
    expect(citing.map((article) => article.slug)).not.toContain(scheduled.slug);
    expect(citing.map((article) => article.headline)).not.toContain('A headline nobody has published');
  });

  it('keeps an article in the place of its first publication when it is republished', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const census = await createSourceAs(writer);
    const first = await publishedCiting(writer, editor, { sourceIds: [census.id], now: new Date('2030-08-01T08:00:00Z') });
    const second = await publishedCiting(writer, editor, { sourceIds: [census.id], now: new Date('2030-08-02T08:00:00Z') });
    const version = await saveChanges(editor, first.id, { headline: uniqueHeadline('Updated') });
    await publishArticle(editor, { articleId: first.id, expectedVersion: version }, { now: new Date('2030-08-03T08:00:00Z') });

    const citing = await listCitingArticles(census.id);

    expect(citing.map((article) => [article.slug, article.publishedAt])).toEqual([
      [second.slug, new Date('2030-08-02T08:00:00Z')],
      [first.slug, new Date('2030-08-01T08:00:00Z')],
    ]);
  });
});

describe('citationsFor: the citations of a reader’s article page', () => {
  it('numbers sources by first citation, one number per source, and describes each from the library', async () => {
    const writer = await createStaff('writer');
    const census = await createSourceAs(writer, { title: 'Census of detainees', outlet: 'Ministry of Justice', publishedOn: '2030-03-31' });
    const ruling = await createSourceAs(writer, { title: 'Supreme Court ruling', url: 'https://court.example/rulings/2030-12' });
    const body = citedBody(
      ['The council met.', cite(ruling.id, { locator: 'p. 12' }), ' Residents spoke.', cite(census.id)],
      ['The mayor left early.', cite(ruling.id, { quote: 'without delay' })],
    );

    const { numbering, sources: described } = await citationsFor(body);

    expect(numbering.sources.map((source) => [source.sourceId, source.number, source.markers.map((marker) => marker.id)])).toEqual([
      [ruling.id, 1, ['cite-1-1', 'cite-1-2']],
      [census.id, 2, ['cite-2-1']],
    ]);
    expect(numbering.markers.map((marker) => [marker.number, marker.quote, marker.locator])).toEqual([
      [1, null, 'p. 12'],
      [2, null, null],
      [1, 'without delay', null],
    ]);
    expect([...described.keys()].sort((a, b) => a - b)).toEqual([census.id, ruling.id].sort((a, b) => a - b));
    expect(described.get(census.id)).toEqual({
      id: census.id,
      url: null,
      title: 'Census of detainees',
      outlet: 'Ministry of Justice',
      author: '',
      publishedOn: '2030-03-31',
      accessedOn: null,
      notes: '',
    });
    expect(described.get(ruling.id)).toMatchObject({ title: 'Supreme Court ruling', url: 'https://court.example/rulings/2030-12' });
  });

  it('answers a body without citations with empty numbering and no sources', async () => {
    const result = await citationsFor(citedBody('The council met on a rainy evening.'));

    expect(result.numbering).toEqual({ markers: [], sources: [] });
    expect(result.sources.size).toBe(0);
  });
});

describe('findPublicSource: a source’s public page', () => {
  it('answers an unknown source with null', async () => {
    expect(await findPublicSource(2_000_000)).toBeNull();
  });

  it('shows a source nobody has published with yet, with no citing articles and a total of 0', async () => {
    const writer = await createStaff('writer');
    const report = await createSourceAs(writer, { title: 'An unpublished report' });
    await createDraft(writer, { body: bodyCiting(report.id) });

    const found = await findPublicSource(report.id);

    expect(found).toEqual({ source: expect.objectContaining({ id: report.id, title: 'An unpublished report' }), citing: [], total: 0 });
  });

  it('counts and lists only published citing articles, newest first', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const report = await createSourceAs(writer);
    const older = await publishedCiting(writer, editor, { sourceIds: [report.id], now: new Date('2030-09-01T08:00:00Z') });
    const newer = await publishedCiting(writer, editor, { sourceIds: [report.id], now: new Date('2030-09-02T08:00:00Z') });
    const takenDown = await publishedCiting(writer, editor, { sourceIds: [report.id], now: new Date('2030-09-03T08:00:00Z') });
    await unpublishArticle(editor, { articleId: takenDown.id, expectedVersion: takenDown.version });
    await createDraft(writer, { body: bodyCiting(report.id) });

    const found = await findPublicSource(report.id);

    expect(found!.total).toBe(2);
    expect(found!.citing.map((article) => article.slug)).toEqual([newer.slug, older.slug]);
  });

  it('pages the citing articles, SOURCE_PAGE_ARTICLES a page, without skipping or repeating one', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const report = await createSourceAs(writer);
    const slugsNewestFirst: string[] = [];
    for (let index = 0; index < SOURCE_PAGE_ARTICLES + 1; index += 1) {
      const article = await publishedCiting(writer, editor, { sourceIds: [report.id], now: new Date(Date.UTC(2030, 9, 1, 8, index)) });
      slugsNewestFirst.unshift(article.slug);
    }

    const first = await findPublicSource(report.id);
    const second = await findPublicSource(report.id, { page: 2 });
    const beyond = await findPublicSource(report.id, { page: 3 });

    expect(first!.total).toBe(SOURCE_PAGE_ARTICLES + 1);
    expect(first!.citing.map((article) => article.slug)).toEqual(slugsNewestFirst.slice(0, SOURCE_PAGE_ARTICLES));
    expect(second!.citing.map((article) => article.slug)).toEqual(slugsNewestFirst.slice(SOURCE_PAGE_ARTICLES));
    expect(beyond!.citing).toEqual([]);
    expect(beyond!.total).toBe(SOURCE_PAGE_ARTICLES + 1);
  });
});
