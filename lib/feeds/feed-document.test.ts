import { describe, expect, it } from 'vitest';
import { articleTagUri, describeFeed, type FeedArticle, type FeedSubject } from './feed-document';

const site = { url: 'https://news.example.com', name: 'The Dispatch' };

function article(overrides: Partial<FeedArticle> = {}): FeedArticle {
  return {
    id: 42,
    slug: 'minister-resigns',
    headline: 'Minister resigns',
    standfirst: 'The minister left after a week of protests.',
    section: { slug: 'politics', name: 'Politics' },
    bylines: [
      { name: 'Ana Ruiz', slug: 'ana-ruiz' },
      { name: 'Bo Lindqvist', slug: 'bo-lindqvist' },
    ],
    firstPublishedAt: new Date('2030-05-01T23:30:00Z'),
    lastPublishedAt: new Date('2030-05-03T10:00:00Z'),
    notices: [],
    ...overrides,
  };
}

describe('describeFeed', () => {
  it.each<[string, FeedSubject, { title: string; htmlUrl: string; rss: string; atom: string }]>([
    ['the site', { kind: 'site' }, { title: 'The Dispatch', htmlUrl: 'https://news.example.com/', rss: 'https://news.example.com/feed.xml', atom: 'https://news.example.com/atom.xml' }],
    [
      'a section',
      { kind: 'section', slug: 'politics', name: 'Politics', description: '' },
      { title: 'The Dispatch: Politics', htmlUrl: 'https://news.example.com/sections/politics', rss: 'https://news.example.com/sections/politics/feed.xml', atom: 'https://news.example.com/sections/politics/atom.xml' },
    ],
    [
      'an author',
      { kind: 'author', slug: 'ana-ruiz', name: 'Ana Ruiz' },
      { title: 'The Dispatch: Ana Ruiz', htmlUrl: 'https://news.example.com/authors/ana-ruiz', rss: 'https://news.example.com/authors/ana-ruiz/feed.xml', atom: 'https://news.example.com/authors/ana-ruiz/atom.xml' },
    ],
    [
      'an entity',
      { kind: 'entity', slug: 'nayib-bukele', name: 'Nayib Bukele' },
      { title: 'The Dispatch: Nayib Bukele', htmlUrl: 'https://news.example.com/entities/nayib-bukele', rss: 'https://news.example.com/entities/nayib-bukele/feed.xml', atom: 'https://news.example.com/entities/nayib-bukele/atom.xml' },
    ],
  ])('names %s’s feed, its page and its own address in each format', (_, subject, expected) => {
    const rss = describeFeed({ site, subject, articles: [], format: 'rss' });
    const atom = describeFeed({ site, subject, articles: [], format: 'atom' });

    expect(rss).toMatchObject({ id: expected.htmlUrl, title: expected.title, htmlUrl: expected.htmlUrl, selfUrl: expected.rss, language: 'en', updatedAt: null, entries: [] });
    expect(atom.selfUrl).toBe(expected.atom);
    expect(rss.publisher).toEqual({ name: 'The Dispatch', url: 'https://news.example.com/' });
  });

  it('describes a section by its own description when it has one', () => {
    const subject: FeedSubject = { kind: 'section', slug: 'world', name: 'World', description: 'News from abroad.' };

    expect(describeFeed({ site, subject, articles: [], format: 'rss' }).description).toBe('News from abroad.');
    expect(describeFeed({ site, subject: { ...subject, description: '' }, articles: [], format: 'rss' }).description).toBe('The latest stories in World from The Dispatch.');
  });

  it('turns an article into an entry with its canonical link, a stable id, authors, section and both dates', () => {
    const feed = describeFeed({ site, subject: { kind: 'site' }, articles: [article()], format: 'atom' });

    expect(feed.entries).toEqual([
      {
        id: 'tag:news.example.com,2030-05-01:article:42',
        title: 'Minister resigns',
        url: 'https://news.example.com/articles/minister-resigns',
        summary: 'The minister left after a week of protests.',
        notices: [],
        authors: [
          { name: 'Ana Ruiz', url: 'https://news.example.com/authors/ana-ruiz' },
          { name: 'Bo Lindqvist', url: 'https://news.example.com/authors/bo-lindqvist' },
        ],
        category: { term: 'politics', label: 'Politics', scheme: 'https://news.example.com/sections/' },
        publishedAt: new Date('2030-05-01T23:30:00Z'),
        updatedAt: new Date('2030-05-03T10:00:00Z'),
      },
    ]);
  });

  it('keeps the entry id when the slug changes, and never uses the slug in it', () => {
    const before = describeFeed({ site, subject: { kind: 'site' }, articles: [article()], format: 'rss' }).entries[0]!;
    const after = describeFeed({ site, subject: { kind: 'site' }, articles: [article({ slug: 'minister-quits' })], format: 'rss' }).entries[0]!;

    expect(after.id).toBe(before.id);
    expect(after.url).toBe('https://news.example.com/articles/minister-quits');
    expect(after.id).not.toContain('minister');
  });

  it('labels the notices and lists them newest first', () => {
    const notices = [
      { kind: 'correction', body: 'The date was wrong.' },
      { kind: 'editors_note', body: 'Reported over a week.' },
    ] as const;

    const [entry] = describeFeed({ site, subject: { kind: 'site' }, articles: [article({ notices: [...notices] })], format: 'rss' }).entries;

    expect(entry!.notices).toEqual([
      { label: 'Editor’s note', body: 'Reported over a week.' },
      { label: 'Correction', body: 'The date was wrong.' },
    ]);
  });

  it('dates the feed by the newest last publication among its articles, not the newest first one', () => {
    const articles = [
      article({ id: 2, firstPublishedAt: new Date('2030-05-04T08:00:00Z'), lastPublishedAt: new Date('2030-05-04T08:00:00Z') }),
      article({ id: 1, firstPublishedAt: new Date('2030-05-01T08:00:00Z'), lastPublishedAt: new Date('2030-05-06T08:00:00Z') }),
    ];

    expect(describeFeed({ site, subject: { kind: 'site' }, articles, format: 'rss' }).updatedAt).toEqual(new Date('2030-05-06T08:00:00Z'));
  });
});

describe('articleTagUri', () => {
  it('is the host (without port), the UTC day of first publication and the id', () => {
    expect(articleTagUri({ siteUrl: 'http://localhost:3000', articleId: 7, firstPublishedAt: new Date('2030-12-31T23:59:59Z') })).toBe(
      'tag:localhost,2030-12-31:article:7',
    );
  });
});
