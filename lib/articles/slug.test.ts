import { describe, it, expect } from 'vitest';
import { SLUG_MAX_LENGTH, slugify, slugSchema } from './slug';

describe('slugify', () => {
  it.each([
    ['García', 'garcia'],
    ['Gabriel García Márquez', 'gabriel-garcia-marquez'],
    ['Ça va? Über', 'ca-va-uber'],
    ["Trump hosts Bukele: what's next?", 'trump-hosts-bukele-whats-next'],
    ['what’s ‘new’ `here`', 'whats-new-here'],
    ['Rock & roll', 'rock-and-roll'],
    ['AT&T', 'at-and-t'],
    ['Hello!!!  ...world', 'hello-world'],
    ['one -- two __ three', 'one-two-three'],
    ['  --Leading and trailing--  ', 'leading-and-trailing'],
    ['¿Qué pasó?', 'que-paso'],
    ['Budget 2025: $3.5bn', 'budget-2025-3-5bn'],
    ['ﬁnancial', 'financial'],
  ])('%j → %j', (headline, expected) => {
    expect(slugify(headline)).toBe(expected);
  });

  it.each([
    ['Łódź', 'lodz'],
    ['Lech Wałęsa', 'lech-walesa'],
    ['Straße', 'strasse'],
    ['Øresund', 'oresund'],
    ['Æther', 'aether'],
  ])('transliterates letters that have no combining accent: %j → %j', (headline, expected) => {
    expect(slugify(headline)).toBe(expected);
  });

  it.each(['', '   ', '!!!', '— …'])('gives an empty slug for %j, which has no letters or digits', (text) => {
    expect(slugify(text)).toBe('');
  });

  it('cuts a long headline at a word boundary, within the limit', () => {
    const headline =
      'The quick brown fox jumps over the lazy dog while the newsroom waits for the verdict on the long running case';

    const slug = slugify(headline);

    expect(slug).toBe('the-quick-brown-fox-jumps-over-the-lazy-dog-while-the-newsroom-waits-for-the-verdict-on-the-long');
    expect(slug.length).toBe(96);
  });

  it('keeps a slug of exactly the limit whole', () => {
    const headline = `${'abcd '.repeat(19)}abcde`; // 19 × "abcd-" + "abcde": 100 characters

    const slug = slugify(headline);

    expect(slug).toBe(`${'abcd-'.repeat(19)}abcde`);
    expect(slug.length).toBe(SLUG_MAX_LENGTH);
  });

  it('drops a word that would end past the limit', () => {
    const headline = `${'abcd '.repeat(19)}abcd more`; // 104 characters as a slug

    const slug = slugify(headline);

    expect(slug).toBe(`${'abcd-'.repeat(19)}abcd`);
    expect(slug.length).toBe(99);
  });

  it('cuts a slug of 101 characters back to the previous word', () => {
    const headline = `${'a'.repeat(50)} ${'b'.repeat(50)}`; // 101 characters with the hyphen

    expect(slugify(headline)).toBe('a'.repeat(50));
  });

  it('cuts a single word longer than the limit at the limit', () => {
    expect(slugify('x'.repeat(150))).toBe('x'.repeat(SLUG_MAX_LENGTH));
  });

  it('cuts at the limit rather than leave a slug of 20 characters or fewer', () => {
    const headline = `${'a'.repeat(10)} ${'b'.repeat(140)}`;

    const slug = slugify(headline);

    expect(slug).toBe(`${'a'.repeat(10)}-${'b'.repeat(89)}`);
    expect(slug.length).toBe(SLUG_MAX_LENGTH);
  });

  it.each([
    'García Márquez & Co.: ¿qué pasó?',
    `  ${'word '.repeat(40)}`,
    'x'.repeat(150),
    "Trump hosts Bukele: what's next?",
  ])('gives a slug that slugSchema accepts for %j', (headline) => {
    expect(slugSchema.safeParse(slugify(headline)).success).toBe(true);
  });
});

describe('slugSchema', () => {
  it.each(['bukele-visit', 'a', '2025', 'g20-summit-2025', 'a'.repeat(100)])('accepts %j', (slug) => {
    expect(slugSchema.safeParse(slug)).toEqual({ success: true, data: slug });
  });

  it('trims surrounding spaces before checking', () => {
    expect(slugSchema.safeParse('  bukele-visit  ')).toEqual({ success: true, data: 'bukele-visit' });
  });

  const PATTERN_MESSAGE = 'Use lowercase letters, digits and single hyphens (e.g. "bukele-visit").';

  it.each([
    ['uppercase', 'Bukele-Visit'],
    ['a double hyphen', 'bukele--visit'],
    ['a trailing hyphen', 'bukele-'],
    ['a leading hyphen', '-bukele'],
    ['a space inside', 'bukele visit'],
    ['an accent', 'garcía'],
    ['an underscore', 'bukele_visit'],
    ['a slash', 'politics/bukele'],
  ])('refuses %s (%j) with the pattern message', (_why, slug) => {
    const result = slugSchema.safeParse(slug);

    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([PATTERN_MESSAGE]);
  });

  it('refuses 101 characters with the length message', () => {
    const result = slugSchema.safeParse('a'.repeat(101));

    expect(result.error?.issues.map((issue) => issue.message)).toEqual(['Keep the slug under 100 characters.']);
  });

  it.each(['', '   '])('refuses %j, asking for a slug', (slug) => {
    const result = slugSchema.safeParse(slug);

    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toContain('Enter a slug.');
  });

  it('refuses a value that is not a string', () => {
    expect(slugSchema.safeParse(42).success).toBe(false);
  });
});
