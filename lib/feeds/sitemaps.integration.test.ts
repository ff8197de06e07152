import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as getNewsSitemap } from '@/app/news-sitemap.xml/route';
import { GET as getRobots } from '@/app/robots.txt/route';
import { GET as getSitemap } from '@/app/sitemap.xml/route';
import { getConfig } from '@/lib/config';
import type { EntitySummary } from '@/lib/entities/entity-catalog';
import type { Actor } from '@/lib/permissions';
import { useFreshDatabase } from '@/test-support/database';
import { createDraft, createEntityAs, createInReview, createSection, createStaff, paragraphs, tag, taggedBody } from '@/test-support/factories';
import { publishStory, republish, takeDown, userSlug } from './feed-test-support';
import { listNewsArticles } from './sitemap-queries';
import { parseXmlStrictly } from './xml-test-support';

// Outside a request Next's connection() throws; here there is nothing for it to wait for.
vi.mock('next/server', async (importOriginal) => ({ ...(await importOriginal<typeof import('next/server')>()), connection: async () => undefined }));

// The sitemaps list everything public in the database: this file arranges one newsroom
// once, around the real clock (the news sitemap's two days end now), and only reads.
useFreshDatabase();

const HOUR = 3_600_000;
const startedAt = Date.now();
const hoursAgo = (hours: number) => new Date(startedAt - hours * HOUR);

type Story = { id: number; slug: string; publishedAt: Date; lastPublishedAt: Date; headline: string };

let arranged: {
  ana: Actor;
  bo: Actor;
  sections: { politics: string; world: string; empty: string };
  mentioned: EntitySummary;
  stories: { lastWeek: Story; justInside: Story; correctedOld: Story; recent: Story };
};

beforeAll(async () => {
  const ana = await createStaff('writer', { name: 'Ana Ruiz' });
  const bo = await createStaff('writer', { name: 'Bo Lindqvist' });
  const idle = await createStaff('writer');
  const editor = await createStaff('editor');
  const suffix = randomBytes(3).toString('hex');
  const politics = await createSection(`Politics ${suffix}`);
  const world = await createSection(`World ${suffix}`);
  await createSection(`Empty ${suffix}`);
  const mentioned = await createEntityAs(editor);
  const onlyInDraft = await createEntityAs(editor);
  const onlyTakenDown = await createEntityAs(editor);

  async function story(headline: string, options: { author: Actor; sectionId: number; hours: number; bylineIds?: number[]; entity?: EntitySummary }): Promise<Story> {
    const body = options.entity ? taggedBody([tag(options.entity.id, options.entity.name), ' spoke.']) : undefined;
    const published = await publishStory(editor, { ...options, headline, body, now: hoursAgo(options.hours) });
    return { id: published.id, slug: published.slug, publishedAt: hoursAgo(options.hours), lastPublishedAt: hoursAgo(options.hours), headline };
  }

  const lastWeek = await story(`Council votes ${suffix}`, { author: ana, sectionId: politics, hours: 24 * 7, entity: mentioned });
  const correctedOld = await story(`Port closes ${suffix}`, { author: ana, sectionId: world, hours: 49 });
  const justInside = await story(`Budget passes ${suffix}`, { author: ana, sectionId: politics, hours: 47, bylineIds: [ana.id, bo.id] });
  const takenDown = await story(`Withdrawn ${suffix}`, { author: bo, sectionId: world, hours: 3, entity: onlyTakenDown });
  const recent = await story(`Tom & "Jerry" <script>alert(1)</script> ]]> ${suffix}`, { author: bo, sectionId: world, hours: 1 });
  await republish(editor, correctedOld.id, { changes: { body: paragraphs('The port closed at noon.') }, notice: { kind: 'correction', body: 'The time was wrong.' }, now: hoursAgo(0.5) });
  correctedOld.lastPublishedAt = hoursAgo(0.5);
  await takeDown(editor, takenDown.id, hoursAgo(2));
  await createDraft(idle, { sectionId: politics, body: taggedBody([tag(onlyInDraft.id, onlyInDraft.name), ' in a draft.']) });
  await createInReview(idle, { sectionId: world });

  arranged = {
    ana,
    bo,
    sections: { politics: `politics-${suffix}`, world: `world-${suffix}`, empty: `empty-${suffix}` },
    mentioned,
    stories: { lastWeek, justInside, correctedOld, recent },
  };
});

describe('/sitemap.xml', () => {
  it('answers a sitemap as application/xml in UTF-8', async () => {
    const response = await getSitemap();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(parseXmlStrictly(await response.text()).urlset['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
  });

  it('lists exactly the home page, every section, the published articles, their authors and the entities they mention, each with its last publication', async () => {
    const { siteUrl } = getConfig();
    const { lastWeek, justInside, correctedOld, recent } = arranged.stories;
    const { politics, world, empty } = arranged.sections;

    const { urlset } = parseXmlStrictly(await (await getSitemap()).text(), { arrays: ['url'] });

    const iso = (date: Date) => date.toISOString();
    const expected = [
      { loc: `${siteUrl}/`, lastmod: iso(correctedOld.lastPublishedAt) },
      { loc: `${siteUrl}/sections/${politics}`, lastmod: iso(justInside.lastPublishedAt) },
      { loc: `${siteUrl}/sections/${world}`, lastmod: iso(correctedOld.lastPublishedAt) },
      { loc: `${siteUrl}/sections/${empty}` },
      ...[lastWeek, justInside, correctedOld, recent].map((story) => ({ loc: `${siteUrl}/articles/${story.slug}`, lastmod: iso(story.lastPublishedAt) })),
      { loc: `${siteUrl}/authors/${await userSlug(arranged.ana.id)}`, lastmod: iso(correctedOld.lastPublishedAt) },
      { loc: `${siteUrl}/authors/${await userSlug(arranged.bo.id)}`, lastmod: iso(recent.lastPublishedAt) },
      { loc: `${siteUrl}/entities/${arranged.mentioned.slug}`, lastmod: iso(lastWeek.lastPublishedAt) },
    ];
    const byLoc = (a: { loc: string }, b: { loc: string }) => a.loc.localeCompare(b.loc);
    expect([...urlset.url].sort(byLoc)).toEqual(expected.sort(byLoc));
  });

  it('puts the articles newest first publication first, after the home page and sections', async () => {
    const { siteUrl } = getConfig();
    const { lastWeek, justInside, correctedOld, recent } = arranged.stories;

    const { urlset } = parseXmlStrictly(await (await getSitemap()).text(), { arrays: ['url'] });

    const articleLocs = urlset.url.map((url: { loc: string }) => url.loc).filter((loc: string) => loc.startsWith(`${siteUrl}/articles/`));
    expect(articleLocs).toEqual([recent, justInside, correctedOld, lastWeek].map((story) => `${siteUrl}/articles/${story.slug}`));
    expect(urlset.url[0].loc).toBe(`${siteUrl}/`);
  });
});

describe('/news-sitemap.xml', () => {
  it('lists only the articles first published in the last two days, newest first, with publication, date and title', async () => {
    const { siteUrl, siteName } = getConfig();
    const { recent, justInside } = arranged.stories;

    const response = await getNewsSitemap();
    const { urlset } = parseXmlStrictly(await response.text(), { arrays: ['url'] });

    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(urlset['@xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    expect(urlset.url).toEqual(
      [recent, justInside].map((story) => ({
        loc: `${siteUrl}/articles/${story.slug}`,
        'news:news': {
          'news:publication': { 'news:name': siteName, 'news:language': 'en' },
          'news:publication_date': story.publishedAt.toISOString(),
          'news:title': story.headline,
        },
      })),
    );
  });

  it('counts the two days from the first publication: exactly 48 hours old is in, a moment more is out', async () => {
    const { justInside, recent } = arranged.stories;
    const twoDaysLater = new Date(justInside.publishedAt.getTime() + 48 * HOUR);

    const atTheEdge = await listNewsArticles({ now: twoDaysLater });
    const justPast = await listNewsArticles({ now: new Date(twoDaysLater.getTime() + 1) });

    expect(atTheEdge.map((article) => article.slug)).toEqual([recent.slug, justInside.slug]);
    expect(justPast.map((article) => article.slug)).toEqual([recent.slug]);
  });
});

describe('/robots.txt', () => {
  it('lets crawlers in, keeps them out of the studio, the API and sign-in, and names both sitemaps by absolute address', async () => {
    const { siteUrl } = getConfig();

    const response = await getRobots();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toBe(
      `User-agent: *\nAllow: /\nDisallow: /studio\nDisallow: /api/\nDisallow: /login\n\nSitemap: ${siteUrl}/sitemap.xml\nSitemap: ${siteUrl}/news-sitemap.xml\n`,
    );
  });
});
