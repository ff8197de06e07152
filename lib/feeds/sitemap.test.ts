import { describe, expect, it } from 'vitest';
import { buildNewsSitemap, buildSitemap, NEWS_SITEMAP_MAX_ITEMS, SITEMAP_MAX_URLS, sitemapUrlsFor, type PublicSitemapContent } from './sitemap';
import { FORBIDDEN_IN_XML, HOSTILE, HOSTILE_READ_BACK, parseXmlStrictly } from './xml-test-support';

describe('buildSitemap', () => {
  it('lists each address with its last publication as lastmod, and none when there is none', () => {
    const xml = buildSitemap([
      { loc: 'https://news.example.com/', lastmod: new Date('2030-05-02T09:30:00.250Z') },
      { loc: 'https://news.example.com/sections/empty', lastmod: null },
    ]);

    const { urlset } = parseXmlStrictly(xml, { arrays: ['url'] });

    expect(urlset['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(urlset.url).toEqual([
      { loc: 'https://news.example.com/', lastmod: '2030-05-02T09:30:00.250Z' },
      { loc: 'https://news.example.com/sections/empty' },
    ]);
  });

  it('escapes what an address may hold', () => {
    const xml = buildSitemap([{ loc: 'https://news.example.com/?a=1&b=<2>', lastmod: null }]);

    expect(xml).toContain('<loc>https://news.example.com/?a=1&amp;b=&lt;2&gt;</loc>');
    expect(parseXmlStrictly(xml).urlset.url.loc).toBe('https://news.example.com/?a=1&b=<2>');
  });

  it('writes an empty urlset when there is nothing to list', () => {
    expect(parseXmlStrictly(buildSitemap([])).urlset.url).toBeUndefined();
  });

  it('refuses more URLs than one sitemap file may hold', () => {
    const urls = Array.from({ length: SITEMAP_MAX_URLS + 1 }, (_, index) => ({ loc: `https://news.example.com/articles/a-${index}`, lastmod: null }));

    expect(() => buildSitemap(urls)).toThrow(RangeError);
    expect(() => buildSitemap(urls.slice(0, SITEMAP_MAX_URLS))).not.toThrow();
  });
});

describe('buildNewsSitemap', () => {
  it('gives each article its publication, first publication date and title, hostile text escaped', () => {
    const xml = buildNewsSitemap({
      publicationName: HOSTILE,
      items: [{ loc: 'https://news.example.com/articles/minister-resigns', title: HOSTILE, publishedAt: new Date('2030-05-01T08:00:00.000Z') }],
    });

    const { urlset } = parseXmlStrictly(xml, { arrays: ['url'] });

    expect(xml).not.toMatch(/<script|]]>/);
    expect(xml).not.toMatch(FORBIDDEN_IN_XML);
    expect(urlset['@xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    expect(urlset.url).toEqual([
      {
        loc: 'https://news.example.com/articles/minister-resigns',
        'news:news': {
          'news:publication': { 'news:name': HOSTILE_READ_BACK, 'news:language': 'en' },
          'news:publication_date': '2030-05-01T08:00:00.000Z',
          'news:title': HOSTILE_READ_BACK,
        },
      },
    ]);
  });

  it('refuses more than 1,000 articles, the most Google News reads', () => {
    const items = Array.from({ length: NEWS_SITEMAP_MAX_ITEMS + 1 }, (_, index) => ({ loc: `https://x.example/${index}`, title: 't', publishedAt: new Date(0) }));

    expect(() => buildNewsSitemap({ publicationName: 'The Dispatch', items })).toThrow(RangeError);
  });
});

describe('sitemapUrlsFor', () => {
  const content: PublicSitemapContent = {
    lastPublishedAt: new Date('2030-05-03T00:00:00Z'),
    sections: [
      { slug: 'politics', lastPublishedAt: new Date('2030-05-03T00:00:00Z') },
      { slug: 'empty', lastPublishedAt: null },
    ],
    articles: [
      { slug: 'newest', lastPublishedAt: new Date('2030-05-03T00:00:00Z') },
      { slug: 'oldest', lastPublishedAt: new Date('2030-05-01T00:00:00Z') },
    ],
    authors: [{ slug: 'ana-ruiz', lastPublishedAt: new Date('2030-05-03T00:00:00Z') }],
    entities: [{ slug: 'nayib-bukele', lastPublishedAt: new Date('2030-05-01T00:00:00Z') }],
  };

  it('lists the home page, sections, articles, authors and entities, with absolute addresses', () => {
    expect(sitemapUrlsFor({ siteUrl: 'https://news.example.com', content })).toEqual([
      { loc: 'https://news.example.com/', lastmod: new Date('2030-05-03T00:00:00Z') },
      { loc: 'https://news.example.com/sections/politics', lastmod: new Date('2030-05-03T00:00:00Z') },
      { loc: 'https://news.example.com/sections/empty', lastmod: null },
      { loc: 'https://news.example.com/articles/newest', lastmod: new Date('2030-05-03T00:00:00Z') },
      { loc: 'https://news.example.com/articles/oldest', lastmod: new Date('2030-05-01T00:00:00Z') },
      { loc: 'https://news.example.com/authors/ana-ruiz', lastmod: new Date('2030-05-03T00:00:00Z') },
      { loc: 'https://news.example.com/entities/nayib-bukele', lastmod: new Date('2030-05-01T00:00:00Z') },
    ]);
  });

  it('keeps to 50,000 addresses, dropping entities, then authors, then the oldest articles', () => {
    const articles = Array.from({ length: SITEMAP_MAX_URLS }, (_, index) => ({ slug: `article-${index}`, lastPublishedAt: null }));

    const urls = sitemapUrlsFor({ siteUrl: 'https://news.example.com', content: { ...content, articles } });

    expect(urls).toHaveLength(SITEMAP_MAX_URLS);
    expect(urls.slice(0, 4).map((url) => url.loc)).toEqual([
      'https://news.example.com/',
      'https://news.example.com/sections/politics',
      'https://news.example.com/sections/empty',
      'https://news.example.com/articles/article-0',
    ]);
    expect(urls.at(-1)!.loc).toBe(`https://news.example.com/articles/article-${SITEMAP_MAX_URLS - 4}`);
    expect(urls.some((url) => url.loc.includes('/authors/') || url.loc.includes('/entities/'))).toBe(false);
  });
});
