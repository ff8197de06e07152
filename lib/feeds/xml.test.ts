import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { element, escapeHtml, escapeXml, toXmlText } from './xml';
import { FORBIDDEN_IN_XML, HOSTILE, HOSTILE_READ_BACK, parseXmlStrictly, textOf } from './xml-test-support';

describe('escapeXml', () => {
  it('escapes the five markup characters, so "]]>" and a script tag stay text', () => {
    expect(escapeXml(`a & b < c > d "e" 'f' ]]> <script>`)).toBe('a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos; ]]&gt; &lt;script&gt;');
  });

  it('escapes an ampersand that already starts an entity, so "&amp;" reads back as itself', () => {
    expect(escapeXml('&amp; &#60; &lt;')).toBe('&amp;amp; &amp;#60; &amp;lt;');
  });

  it('drops the control characters XML 1.0 forbids, keeps tab and line feed, and makes a carriage return a line feed', () => {
    const controls = Array.from({ length: 0x20 }, (_, code) => String.fromCharCode(code)).join('');

    expect(escapeXml(`a${controls}b`)).toBe('a\t\n\nb');
  });

  it('turns a carriage return, alone or before a line feed, into one line feed', () => {
    expect(toXmlText('one\r\ntwo\rthree\n')).toBe('one\ntwo\nthree\n');
  });

  it('drops lone surrogates, U+FFFE, U+FFFF and the C1 range, and keeps astral characters whole', () => {
    expect(toXmlText('\uD800a\uDC00b😀c\uFFFEd\uFFFFe\u007Ff\u0085g\u009Fh')).toBe('ab😀cdefgh');
  });

  it('keeps every character XML can carry as it is', () => {
    const text = 'Łódź, São Paulo — “quoted” · 東京 · مرحبا · 😀 \u00A0\uD7FF\uE000\uFFFD';

    expect(toXmlText(text)).toBe(text);
  });
});

describe('escapeHtml', () => {
  it('escapes like escapeXml but writes an apostrophe as &#39;, which HTML 4 readers know', () => {
    expect(escapeHtml(`it's <b>&"`)).toBe('it&#39;s &lt;b&gt;&amp;&quot;');
  });
});

describe('element', () => {
  it('writes escaped text and attributes, and self-closes without text', () => {
    expect(element('title', '<b>', { type: `"x" & 'y'` })).toBe('<title type="&quot;x&quot; &amp; &apos;y&apos;">&lt;b&gt;</title>');
    expect(element('link', undefined, { href: 'https://example.com/?a=1&b=2' })).toBe('<link href="https://example.com/?a=1&amp;b=2"/>');
  });

  it('writes a tab or line break in an attribute as the space every parser would read it as', () => {
    expect(element('category', undefined, { label: 'a\tb\r\nc' })).toBe('<category label="a b c"/>');
  });

  it('reads back hostile text as text, in an element and in an attribute', () => {
    const xml = `<root>${element('title', HOSTILE, { label: HOSTILE })}</root>`;

    const tree = parseXmlStrictly(xml);

    expect(textOf(tree.root.title)).toBe(HOSTILE_READ_BACK);
    expect(tree.root.title['@label']).toBe(HOSTILE_READ_BACK.replace(/[\t\n]/g, ' '));
  });

  it('gives well-formed XML that reads back as the text, for any string at all', () => {
    const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
    const markup = fc.constantFrom('&', '<', '>', '"', "'", ']]>', '&amp;', '<![CDATA[', '\r\n', '😀');
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(anyCodeUnit, markup), maxLength: 60 }), (text) => {
        const xml = `<t>${escapeXml(text)}</t>`;

        expect(FORBIDDEN_IN_XML.test(xml)).toBe(false);
        expect(String(parseXmlStrictly(xml).t)).toBe(toXmlText(text));
      }),
      { numRuns: 500 },
    );
  });
});
