import { beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as getAtom } from '@/app/atom.xml/route';
import { GET as getRss } from '@/app/feed.xml/route';
import { scheduleArticle } from '@/lib/articles/scheduling';
import { getConfig } from '@/lib/config';
import type { Actor } from '@/lib/permissions';
import { utcToZonedLocal } from '@/lib/time/zoned-time';
import { useFreshDatabase } from '@/test-support/database';
import { createDraft, createInReview, createSection, createStaff, paragraphs } from '@/test-support/factories';
import { publishStory, readFeedResponse, republish, takeDown, userSlug } from './feed-test-support';

// Outside a request Next's connection() throws; here there is nothing for it to wait for.
vi.mock('next/server', async (importOriginal) => ({ ...(await importOriginal<typeof import('next/server')>()), connection: async () => undefined }));

// The site's feeds list every published article in the database: this file arranges one
// newsroom once, and its tests only read the feeds.
useFreshDatabase();

const FIRST = new Date('2030-05-01T08:00:00.000Z');
const SECOND = new Date('2030-05-02T08:00:00.000Z');
const THIRD = new Date('2030-05-03T08:00:00.000Z');
const FOURTH = new Date('2030-05-03T20:00:00.000Z');
const CORRECTED = new Date('2030-05-04T12:30:00.000Z');
const TAKEN_DOWN = new Date('2030-05-05T09:00:00.000Z');

const HOSTILE_HEADLINE = 'Tom & "Jerry" <script>alert(1)</script> ]]> win';

let newsroom: {
  ana: Actor;
  bo: Actor;
  politics: { id: number; name: string; slug: string };
  world: { id: number; name: string; slug: string };
  older: { id: number; slug: string };
  corrected: { id: number; slug: string; firstSlug: string };
  newest: { id: number; slug: string };
  unpublished: { id: number; slug: string };
  draft: { id: number; slug: string };
  inReview: { id: number; slug: string };
};

beforeAll(async () => {
  const ana = await createStaff('writer', { name: 'Ana Ruiz' });
  const bo = await createStaff('writer', { name: 'Bo Lindqvist' });
  const editor = await createStaff('editor');
  const suffix = Math.random().toString(36).slice(2, 8);
  const politics = { id: await createSection(`Politics ${suffix}`), name: `Politics ${suffix}`, slug: `politics-${suffix}` };
  const world = { id: await createSection(`World ${suffix}`), name: `World ${suffix}`, slug: `world-${suffix}` };

  const older = await publishStory(editor, { author: ana, headline: 'Council votes on budget', standfirst: 'A narrow vote.', sectionId: politics.id, now: FIRST });
  const corrected = await publishStory(editor, {
    author: ana,
    headline: HOSTILE_HEADLINE,
    standfirst: 'Cats & dogs <b>agree</b>.',
    sectionId: world.id,
    bylineIds: [ana.id, bo.id],
    now: SECOND,
  });
  const unpublished = await publishStory(editor, { author: bo, headline: 'Story later withdrawn', sectionId: politics.id, now: THIRD });
  const newest = await publishStory(editor, { author: bo, headline: 'Port reopens', standfirst: 'Ships are moving again.', sectionId: world.id, now: FOURTH });
  await republish(editor, corrected.id, {
    changes: { slug: 'cats-and-dogs-agree', body: paragraphs('Cats and dogs agree on most things.') },
    notice: { kind: 'correction', body: 'An earlier version said they agreed on everything.' },
    now: CORRECTED,
  });
  await takeDown(editor, unpublished.id, TAKEN_DOWN);
  const draft = await createDraft(ana, { headline: 'Unfinished draft', sectionId: politics.id });
  const inReview = await createInReview(bo, { headline: 'Waiting for an editor', sectionId: world.id });
  const embargoed = await createDraft(ana, { headline: 'Embargoed until June', sectionId: world.id, now: FOURTH });
  const june = new Date('2030-06-01T08:00:00.000Z');
  await scheduleArticle(editor, { articleId: embargoed.id, expectedVersion: embargoed.version, publishAt: { local: utcToZonedLocal(june, 'UTC'), timeZone: 'UTC' } }, { now: FOURTH });

  newsroom = {
    ana,
    bo,
    politics,
    world,
    older,
    corrected: { id: corrected.id, slug: 'cats-and-dogs-agree', firstSlug: corrected.slug },
    newest,
    unpublished,
    draft,
    inReview,
  };
});

function tagUri(id: number, firstPublished: Date): string {
  return `tag:${new URL(getConfig().siteUrl).hostname},${firstPublished.toISOString().slice(0, 10)}:article:${id}`;
}

describe('the site’s RSS feed', () => {
  it('answers RSS 2.0 as application/rss+xml in UTF-8', async () => {
    const response = await getRss();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    expect((await readFeedResponse(response)).feed.meta).toEqual({ type: 'rss', version: '2.0' });
  });

  it('names the site, links to the home page and to itself, and dates the feed by the last publication', async () => {
    const { siteUrl, siteName } = getConfig();

    const { feed, xml } = await readFeedResponse(await getRss());

    expect(feed.title).toBe(siteName);
    expect(feed.url).toBe(`${siteUrl}/`);
    expect(feed.self).toBe(`${siteUrl}/feed.xml`);
    expect(feed.language).toBe('en');
    expect(xml.rss.channel.lastBuildDate).toBe(CORRECTED.toUTCString());
  });

  it('lists exactly the published articles, newest first publication first: no draft, nothing in review or scheduled, nothing taken down', async () => {
    const { feed } = await readFeedResponse(await getRss());

    expect(feed.items.map((item) => item.id)).toEqual([
      tagUri(newsroom.newest.id, FOURTH),
      tagUri(newsroom.corrected.id, SECOND),
      tagUri(newsroom.older.id, FIRST),
    ]);
  });

  it('gives each item its headline, canonical link, first publication, byline names and section', async () => {
    const { siteUrl } = getConfig();

    const { feed } = await readFeedResponse(await getRss());

    expect(
      feed.items.map((item) => ({
        title: item.title,
        url: item.url,
        published: item.published,
        authors: item.authors.map((author) => author.name),
        categories: item.categories.map((category) => category.label),
      })),
    ).toEqual([
      { title: 'Port reopens', url: `${siteUrl}/articles/${newsroom.newest.slug}`, published: FOURTH, authors: ['Bo Lindqvist'], categories: [newsroom.world.name] },
      { title: HOSTILE_HEADLINE, url: `${siteUrl}/articles/cats-and-dogs-agree`, published: SECOND, authors: ['Ana Ruiz', 'Bo Lindqvist'], categories: [newsroom.world.name] },
      { title: 'Council votes on budget', url: `${siteUrl}/articles/${newsroom.older.slug}`, published: FIRST, authors: ['Ana Ruiz'], categories: [newsroom.politics.name] },
    ]);
  });

  it('keeps a republished article’s guid, follows its new slug, and shows its correction in the description', async () => {
    const { xml } = await readFeedResponse(await getRss());
    const item = xml.rss.channel.item[1];

    expect(item.guid).toEqual({ '#text': tagUri(newsroom.corrected.id, SECOND), '@isPermaLink': 'false' });
    expect(item.link).not.toContain(newsroom.corrected.firstSlug);
    expect(item.description).toBe(
      '<p>Cats &amp; dogs &lt;b&gt;agree&lt;/b&gt;.</p><p><strong>Correction:</strong> An earlier version said they agreed on everything.</p>',
    );
    expect(xml.rss.channel.item[0].description).toBe('<p>Ships are moving again.</p>');
  });
});

describe('the site’s Atom feed', () => {
  it('answers Atom 1.0 as application/atom+xml in UTF-8, linking to itself and the home page', async () => {
    const { siteUrl, siteName } = getConfig();
    const response = await getAtom();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const { feed, xml } = await readFeedResponse(response);
    expect(feed.meta).toEqual({ type: 'atom', version: '1.0' });
    expect(feed.title).toBe(siteName);
    expect(feed.self).toBe(`${siteUrl}/atom.xml`);
    expect(feed.url).toBe(`${siteUrl}/`);
    expect(xml.feed.id).toBe(`${siteUrl}/`);
    expect(xml.feed.updated).toBe(CORRECTED.toISOString());
  });

  it('lists the same articles as the RSS feed, with the same ids, in the same order', async () => {
    const [rss, atom] = await Promise.all([readFeedResponse(await getRss()), readFeedResponse(await getAtom())]);

    expect(atom.feed.items.map((item) => item.id)).toEqual(rss.feed.items.map((item) => item.id));
  });

  it('dates each entry by its first publication and its last: the corrected one was updated when republished', async () => {
    const { feed } = await readFeedResponse(await getAtom());

    expect(feed.items.map((item) => ({ published: item.published, updated: item.updated }))).toEqual([
      { published: FOURTH, updated: FOURTH },
      { published: SECOND, updated: CORRECTED },
      { published: FIRST, updated: FIRST },
    ]);
  });

  it('gives each entry its headline, link, authors with their pages, section and summary with the correction', async () => {
    const { siteUrl } = getConfig();

    const { feed } = await readFeedResponse(await getAtom());
    const corrected = feed.items[1]!;

    expect(corrected.title).toBe(HOSTILE_HEADLINE);
    expect(corrected.url).toBe(`${siteUrl}/articles/cats-and-dogs-agree`);
    expect(corrected.authors.map((author) => [author.name, author.url])).toEqual([
      ['Ana Ruiz', `${siteUrl}/authors/${await userSlug(newsroom.ana.id)}`],
      ['Bo Lindqvist', `${siteUrl}/authors/${await userSlug(newsroom.bo.id)}`],
    ]);
    expect(corrected.categories.map((category) => [category.term, category.label])).toEqual([[newsroom.world.slug, newsroom.world.name]]);
    expect(corrected.description).toBe('Cats & dogs <b>agree</b>.\n\nCorrection: An earlier version said they agreed on everything.');
  });
});
