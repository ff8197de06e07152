import { parseFeed } from '@rowanmanning/feed-parser';
import { describe, expect, it } from 'vitest';
import { buildAtom } from './atom';
import { FORBIDDEN_IN_XML, HOSTILE_READ_BACK, hostileFeed, parseXmlStrictly, textOf } from './xml-test-support';

function readAtom(xml: string) {
  return parseXmlStrictly(xml, { arrays: ['entry', 'author', 'link', 'category'] }).feed;
}

const atomFeed = (overrides: Parameters<typeof hostileFeed>[0] = {}) =>
  hostileFeed({ selfUrl: 'https://news.example.com/sections/politics/atom.xml', ...overrides });

describe('buildAtom', () => {
  it('writes hostile text so that it reads back as the same text, with no markup of its own', () => {
    const xml = buildAtom(atomFeed());

    const feed = readAtom(xml);
    const [entry] = feed.entry;

    expect(textOf(feed.title)).toBe(HOSTILE_READ_BACK);
    expect(textOf(feed.subtitle)).toBe(HOSTILE_READ_BACK);
    expect(feed.author[0].name).toBe(HOSTILE_READ_BACK);
    expect(textOf(entry.title)).toBe(HOSTILE_READ_BACK);
    expect(entry.author.map((author: { name: string }) => author.name)).toEqual([HOSTILE_READ_BACK, 'Bo Lindqvist']);
    expect(entry.category[0]['@label']).toBe(HOSTILE_READ_BACK.replace(/[\t\n]/g, ' '));
    expect(xml).not.toMatch(/<script|]]>|<!\[CDATA\[/);
    expect(xml).not.toMatch(FORBIDDEN_IN_XML);
  });

  it('says titles and summaries are plain text, and puts the notices, newest first, after the standfirst', () => {
    const [entry] = readAtom(buildAtom(atomFeed())).entry;

    expect(entry.title['@type']).toBe('text');
    expect(entry.summary).toEqual({
      '@type': 'text',
      '#text': `${HOSTILE_READ_BACK}\n\nUpdate: A quote was added.\n\nCorrection: ${HOSTILE_READ_BACK}`,
    });
  });

  it('has the feed elements RFC 4287 requires: id, title, updated, an author, and links to itself and its page', () => {
    const feed = readAtom(buildAtom(atomFeed()));

    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed['@xml:lang']).toBe('en');
    expect(feed.id).toBe('https://news.example.com/sections/politics');
    expect(feed.updated).toBe('2030-05-02T09:30:00.250Z');
    expect(feed.author[0].uri).toBe('https://news.example.com/');
    expect(feed.link).toEqual([
      { '@rel': 'alternate', '@type': 'text/html', '@href': 'https://news.example.com/sections/politics' },
      { '@rel': 'self', '@type': 'application/atom+xml', '@href': 'https://news.example.com/sections/politics/atom.xml' },
    ]);
  });

  it('gives each entry its id, link, first publication as published and last publication as updated', () => {
    const [first, second] = readAtom(buildAtom(atomFeed())).entry;

    expect(first).toMatchObject({
      id: 'tag:news.example.com,2030-05-01:article:7',
      link: [{ '@rel': 'alternate', '@type': 'text/html', '@href': 'https://news.example.com/articles/minister-resigns' }],
      published: '2030-05-01T08:00:00.000Z',
      updated: '2030-05-02T09:30:00.250Z',
      category: [{ '@term': 'politics', '@scheme': 'https://news.example.com/sections/' }],
    });
    expect(first.author.map((author: { uri: string }) => author.uri)).toEqual([
      'https://news.example.com/authors/ana-ruiz',
      'https://news.example.com/authors/bo-lindqvist',
    ]);
    expect(second).toMatchObject({ published: '2030-04-30T06:00:00.000Z', updated: '2030-04-30T06:00:00.000Z' });
  });

  it('leaves out author and summary of an entry without byline or standfirst: the feed’s author stands for it', () => {
    const second = readAtom(buildAtom(atomFeed())).entry[1];

    expect(Object.keys(second).sort()).toEqual(['category', 'id', 'link', 'published', 'title', 'updated']);
  });

  it('reads, in a feed reader, as the entries in order with ids, links, both dates, authors and sections', () => {
    const feed = parseFeed(buildAtom(atomFeed({ title: 'The Dispatch: Politics', publisher: { name: 'The Dispatch', url: 'https://news.example.com/' } })));

    expect(feed.meta).toEqual({ type: 'atom', version: '1.0' });
    expect(feed.title).toBe('The Dispatch: Politics');
    expect(feed.url).toBe('https://news.example.com/sections/politics');
    expect(feed.self).toBe('https://news.example.com/sections/politics/atom.xml');
    const [first, second] = feed.items;
    expect(first!.id).toBe('tag:news.example.com,2030-05-01:article:7');
    expect(first!.url).toBe('https://news.example.com/articles/minister-resigns');
    expect(first!.published).toEqual(new Date('2030-05-01T08:00:00.000Z'));
    expect(first!.updated).toEqual(new Date('2030-05-02T09:30:00.250Z'));
    expect(first!.categories.map((category) => category.term)).toEqual(['politics']);
    expect(second!.authors.map((author) => author.name)).toEqual(['The Dispatch']);
  });

  it('writes an empty feed with the epoch as updated, since nothing was ever published in it', () => {
    const feed = readAtom(buildAtom(atomFeed({ entries: [], updatedAt: null })));

    expect(feed.entry).toBeUndefined();
    expect(feed.updated).toBe('1970-01-01T00:00:00.000Z');
  });
});
