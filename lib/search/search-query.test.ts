import { describe, expect, it } from 'vitest';
import { hasSearchableWords, normalizeSearchQuery, parseSearchRequest, QUERY_MAX_LENGTH, SEARCH_MAX_PAGE, searchHref } from './search-query';

describe('normalizeSearchQuery', () => {
  it('reads nothing typed as an empty query', () => {
    expect(normalizeSearchQuery(undefined)).toBe('');
    expect(normalizeSearchQuery('')).toBe('');
    expect(normalizeSearchQuery(null)).toBe('');
    expect(normalizeSearchQuery(42)).toBe('');
    expect(normalizeSearchQuery({ toString: () => 'prison' })).toBe('');
  });

  it('reads whitespace only as an empty query', () => {
    expect(normalizeSearchQuery('   \t\n  \u00a0 \u3000 ')).toBe('');
  });

  it('trims the ends and collapses runs of whitespace, newlines included', () => {
    expect(normalizeSearchQuery('  mega   prison\n\n\tdeal  ')).toBe('mega prison deal');
  });

  it('keeps punctuation-only input as typed, with nothing searchable in it', () => {
    const query = normalizeSearchQuery('&|!():*');

    expect(query).toBe('&|!():*');
    expect(hasSearchableWords(query)).toBe(false);
  });

  it('keeps the operators of a web search (quotes, or, minus) for websearch_to_tsquery', () => {
    expect(normalizeSearchQuery('"prison deal" -bukele or noem')).toBe('"prison deal" -bukele or noem');
  });

  it('keeps SQL-like input as plain words, for a parameter, never as SQL', () => {
    expect(normalizeSearchQuery("' OR 1=1 --")).toBe("' OR 1=1 --");
  });

  it('turns control characters (NUL among them, which Postgres text refuses) into spaces', () => {
    expect(normalizeSearchQuery('mega\u0000prison\u0007deal\u001b[31m')).toBe('mega prison deal [31m');
  });

  it('removes invisible format characters, private-use characters and lone surrogates', () => {
    expect(normalizeSearchQuery('pri\u200bson\u202e \ue000deal\ue001 \ud800caf\u00e9')).toBe('prison deal café');
  });

  it('folds compatibility forms (full-width letters, ligatures) to plain ones', () => {
    expect(normalizeSearchQuery('ｐｒｉｓｏｎ ﬁle')).toBe('prison file');
  });

  it('cuts a very long query to the limit, between words', () => {
    const query = normalizeSearchQuery('deportees '.repeat(1_000));

    expect(query.length).toBeLessThanOrEqual(QUERY_MAX_LENGTH);
    expect(query.length).toBeGreaterThan(QUERY_MAX_LENGTH - 'deportees '.length);
    expect(query.endsWith('deportees')).toBe(true);
    expect(query.split(' ').every((word) => word === 'deportees')).toBe(true);
  });

  it('cuts a single unbroken run of 10,000 characters at exactly the limit', () => {
    expect(normalizeSearchQuery('a'.repeat(10_000))).toBe('a'.repeat(QUERY_MAX_LENGTH));
  });

  it('never splits a character outside the basic plane when cutting', () => {
    const query = normalizeSearchQuery('𝒜'.repeat(QUERY_MAX_LENGTH + 5));

    expect(Array.from(query)).toHaveLength(QUERY_MAX_LENGTH);
    expect(query).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it('keeps a query of exactly the limit whole', () => {
    const exact = `${'b'.repeat(QUERY_MAX_LENGTH - ' prison'.length)} prison`;

    expect(normalizeSearchQuery(exact)).toBe(exact);
  });

  it('reads the first of repeated parameters', () => {
    expect(normalizeSearchQuery(['prison', 'deal'])).toBe('prison');
  });
});

describe('hasSearchableWords', () => {
  it('needs a letter or a digit, in any script', () => {
    expect(hasSearchableWords('')).toBe(false);
    expect(hasSearchableWords("' -- ; */")).toBe(false);
    expect(hasSearchableWords('2025')).toBe(true);
    expect(hasSearchableWords('Łódź')).toBe(true);
    expect(hasSearchableWords('東京')).toBe(true);
  });
});

describe('parseSearchRequest', () => {
  it('reads the words, filters and page of a search', () => {
    expect(parseSearchRequest({ q: ' prison ', section: 'immigration', entity: 'nayib-bukele', page: '3' })).toEqual({
      q: 'prison',
      section: 'immigration',
      entity: 'nayib-bukele',
      page: 3,
    });
  });

  it('drops filters that are not slugs and pages out of range, never throwing', () => {
    expect(parseSearchRequest({ q: 'prison', section: "world' OR 1=1", entity: '<script>', page: '-1' })).toEqual({
      q: 'prison',
      section: null,
      entity: null,
      page: 1,
    });
    expect(parseSearchRequest({ page: String(SEARCH_MAX_PAGE + 1) }).page).toBe(1);
    expect(parseSearchRequest({ page: '2.5' }).page).toBe(1);
    expect(parseSearchRequest({ page: 'two' }).page).toBe(1);
    expect(parseSearchRequest({ section: 'x'.repeat(101) }).section).toBeNull();
  });

  it('reads absent and empty parameters as no filter', () => {
    expect(parseSearchRequest({})).toEqual({ q: '', section: null, entity: null, page: 1 });
    expect(parseSearchRequest({ q: '', section: '', entity: '', page: '' })).toEqual({ q: '', section: null, entity: null, page: 1 });
  });
});

describe('searchHref', () => {
  it('keeps the words and the filters, and leaves out page 1', () => {
    expect(searchHref({ q: 'mega prison', section: 'world', entity: 'cecot', page: 2 })).toBe('/search?q=mega+prison&section=world&entity=cecot&page=2');
    expect(searchHref({ q: 'mega prison', page: 1 })).toBe('/search?q=mega+prison');
    expect(searchHref({ q: '' })).toBe('/search');
  });

  it('encodes what the reader typed', () => {
    expect(searchHref({ q: "a&b=c ' #" })).toBe('/search?q=a%26b%3Dc+%27+%23');
  });
});
