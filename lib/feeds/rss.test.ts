import { parseFeed } from '@rowanmanning/feed-parser';
import { describe, expect, it } from 'vitest';
import { buildRss } from './rss';
import { FORBIDDEN_IN_XML, HOSTILE, HOSTILE_READ_BACK, hostileFeed, parseXmlStrictly, textOf } from './xml-test-support';

function readRss(xml: string) {
  return parseXmlStrictly(xml, { arrays: ['item', 'dc:creator', 'category'] }).rss;
}

describe('buildRss', () => {
  it('writes hostile text so that it reads back as the same text, with no markup of its own', () => {
    const xml = buildRss(hostileFeed());

    const channel = readRss(xml).channel;
    const [item] = channel.item;

    expect(channel.title).toBe(HOSTILE_READ_BACK);
    expect(channel.description).toBe(HOSTILE_READ_BACK);
    expect(item.title).toBe(HOSTILE_READ_BACK);
    expect(item['dc:creator']).toEqual([HOSTILE_READ_BACK, 'Bo Lindqvist']);
    expect(item.category).toEqual([HOSTILE_READ_BACK]);
    expect(xml).not.toMatch(/<script|]]>|<!\[CDATA\[/);
    expect(xml).not.toMatch(FORBIDDEN_IN_XML);
  });

  it('writes the description as HTML whose text is escaped: a reader shows the standfirst and notices as text', () => {
    const item = readRss(buildRss(hostileFeed())).channel.item[0];
    const asHtml = `Tom &amp; &quot;Jerry&quot; &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; ]]&gt; &amp;amp; end\tof\nline 😀`;

    expect(item.description).toBe(`<p>${asHtml}</p><p><strong>Update:</strong> A quote was added.</p><p><strong>Correction:</strong> ${asHtml}</p>`);
  });

  it('has the channel elements RSS 2.0 requires, its language, its own address and the newest publication as lastBuildDate', () => {
    const rss = readRss(buildRss(hostileFeed()));

    expect(rss['@version']).toBe('2.0');
    expect(rss.channel).toMatchObject({
      link: 'https://news.example.com/sections/politics',
      language: 'en',
      lastBuildDate: 'Thu, 02 May 2030 09:30:00 GMT',
      'atom:link': { '@href': 'https://news.example.com/sections/politics/feed.xml', '@rel': 'self', '@type': 'application/rss+xml' },
    });
  });

  it('gives each item its link, a guid that is not a permalink, and the first publication as pubDate', () => {
    const [first, second] = readRss(buildRss(hostileFeed())).channel.item;

    expect(first).toMatchObject({
      link: 'https://news.example.com/articles/minister-resigns',
      guid: { '#text': 'tag:news.example.com,2030-05-01:article:7', '@isPermaLink': 'false' },
      pubDate: 'Wed, 01 May 2030 08:00:00 GMT',
    });
    expect(textOf(second.guid)).toBe('tag:news.example.com,2030-04-30:article:3');
    expect(second.pubDate).toBe('Tue, 30 Apr 2030 06:00:00 GMT');
  });

  it('leaves out dc:creator and description for an item without byline or standfirst', () => {
    const second = readRss(buildRss(hostileFeed())).channel.item[1];

    expect(Object.keys(second).sort()).toEqual(['category', 'guid', 'link', 'pubDate', 'title']);
  });

  it('reads, in a feed reader, as the items in order with their ids, links, dates, authors and sections', () => {
    const feed = parseFeed(buildRss(hostileFeed({ title: 'The Dispatch: Politics', description: 'Politics.' })));

    expect(feed.meta).toEqual({ type: 'rss', version: '2.0' });
    expect(feed.title).toBe('The Dispatch: Politics');
    expect(feed.self).toBe('https://news.example.com/sections/politics/feed.xml');
    expect(feed.updated).toEqual(new Date('2030-05-02T09:30:00.000Z'));
    expect(feed.items.map((item) => item.id)).toEqual(['tag:news.example.com,2030-05-01:article:7', 'tag:news.example.com,2030-04-30:article:3']);
    expect(feed.items[0]!.url).toBe('https://news.example.com/articles/minister-resigns');
    expect(feed.items[0]!.published).toEqual(new Date('2030-05-01T08:00:00.000Z'));
    expect(feed.items[0]!.authors.map((author) => author.name)).toEqual([expect.stringContaining('Tom &'), 'Bo Lindqvist']);
    expect(feed.items[1]!.categories.map((category) => category.label)).toEqual(['Economy']);
  });

  it('writes an empty feed without lastBuildDate or items, still well-formed', () => {
    const channel = readRss(buildRss(hostileFeed({ entries: [], updatedAt: null }))).channel;

    expect(channel.item).toBeUndefined();
    expect(channel.lastBuildDate).toBeUndefined();
    expect(channel.title).toBe(HOSTILE_READ_BACK);
  });

  it('never writes the raw hostile text anywhere', () => {
    expect(buildRss(hostileFeed())).not.toContain(HOSTILE);
  });
});
