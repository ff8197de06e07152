import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { FeedDocument } from './feed-document';

/*
 * For the feed and sitemap tests: a strict read of XML (well-formed, nothing XML 1.0
 * forbids), and text that tries every way of breaking out of it.
 */

/** What XML 1.0 forbids outright: C0 controls but tab, LF and CR; lone surrogates; U+FFFE/U+FFFF. */
export const FORBIDDEN_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/u;

/** Markup, a CDATA end, entities, quotes, control characters, a lone surrogate, CRLF, an astral character. */
export const HOSTILE = `Tom & "Jerry" <script>alert('x')</script> ]]> &amp; \u0000\u0008\u000b\u001b\u001f\u007f\uD800end\tof\r\nline 😀\uFFFF`;
/** HOSTILE as it must read back: every character kept but those XML cannot carry; CRLF as LF. */
export const HOSTILE_READ_BACK = `Tom & "Jerry" <script>alert('x')</script> ]]> &amp; end\tof\nline 😀`;

// The parsed tree is whatever the document holds: tests read it the way they read JSON.
export type XmlTree = any;

/** Parses `xml`, failing unless it is well-formed and free of characters XML 1.0 forbids. */
export function parseXmlStrictly(xml: string, { arrays = [] }: { arrays?: string[] } = {}): XmlTree {
  const verdict = XMLValidator.validate(xml);
  if (verdict !== true) throw new Error(`Not well-formed XML: ${verdict.err.msg} (line ${verdict.err.line})`);
  const forbidden = FORBIDDEN_IN_XML.exec(xml);
  if (forbidden) throw new Error(`XML holds U+${forbidden[0].codePointAt(0)!.toString(16).padStart(4, '0')} at ${forbidden.index}.`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    isArray: (name: string) => arrays.includes(name),
  });
  return parser.parse(xml);
}

/** The text of an element that may also carry attributes. */
export function textOf(node: XmlTree): string {
  return typeof node === 'string' ? node : node['#text'];
}

const FIRST = new Date('2030-05-01T08:00:00.000Z');
const CORRECTED = new Date('2030-05-02T09:30:00.250Z');

/** A feed with HOSTILE in every field people write, and a plain second entry without byline or standfirst. */
export function hostileFeed(overrides: Partial<FeedDocument> = {}): FeedDocument {
  return {
    id: 'https://news.example.com/sections/politics',
    title: HOSTILE,
    description: HOSTILE,
    language: 'en',
    htmlUrl: 'https://news.example.com/sections/politics',
    selfUrl: 'https://news.example.com/sections/politics/feed.xml',
    publisher: { name: HOSTILE, url: 'https://news.example.com/' },
    updatedAt: CORRECTED,
    entries: [
      {
        id: 'tag:news.example.com,2030-05-01:article:7',
        title: HOSTILE,
        url: 'https://news.example.com/articles/minister-resigns',
        summary: HOSTILE,
        notices: [
          { label: 'Update', body: 'A quote was added.' },
          { label: 'Correction', body: HOSTILE },
        ],
        authors: [
          { name: HOSTILE, url: 'https://news.example.com/authors/ana-ruiz' },
          { name: 'Bo Lindqvist', url: 'https://news.example.com/authors/bo-lindqvist' },
        ],
        category: { term: 'politics', label: HOSTILE, scheme: 'https://news.example.com/sections/' },
        publishedAt: FIRST,
        updatedAt: CORRECTED,
      },
      {
        id: 'tag:news.example.com,2030-04-30:article:3',
        title: 'Markets open',
        url: 'https://news.example.com/articles/markets-open',
        summary: '',
        notices: [],
        authors: [],
        category: { term: 'economy', label: 'Economy', scheme: 'https://news.example.com/sections/' },
        publishedAt: new Date('2030-04-30T06:00:00.000Z'),
        updatedAt: new Date('2030-04-30T06:00:00.000Z'),
      },
    ],
    ...overrides,
  };
}
