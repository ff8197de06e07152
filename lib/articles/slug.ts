import { z } from 'zod';

export const SLUG_MAX_LENGTH = 100;
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const slugSchema = z
  .string()
  .trim()
  .min(1, 'Enter a slug.')
  .max(SLUG_MAX_LENGTH, `Keep the slug under ${SLUG_MAX_LENGTH} characters.`)
  .regex(SLUG_PATTERN, 'Use lowercase letters, digits and single hyphens (e.g. "bukele-visit").');

// Letters that carry no combining accent, so NFKD alone would drop them ("Łódź" → "odz").
const TRANSLITERATIONS: Record<string, string> = {
  ł: 'l',
  Ł: 'l',
  ß: 'ss',
  ø: 'o',
  Ø: 'o',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  đ: 'd',
  Đ: 'd',
  ð: 'd',
  Ð: 'd',
  þ: 'th',
  Þ: 'th',
  ı: 'i',
};

/** "Trump hosts Bukele: what's next?" → "trump-hosts-bukele-whats-next". Pure. */
export function slugify(text: string): string {
  const base = text
    .replace(/[łŁßøØæÆœŒđĐðÐþÞı]/g, (letter) => TRANSLITERATIONS[letter] ?? letter)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // García → Garcia
    .toLowerCase()
    .replace(/['’‘`]/g, '') // what's → whats
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (base.length <= SLUG_MAX_LENGTH) return base;
  // Cut at a word boundary so the slug does not end mid-word.
  const cut = base.slice(0, SLUG_MAX_LENGTH + 1);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > 20 ? cut.slice(0, lastHyphen) : cut.slice(0, SLUG_MAX_LENGTH)).replace(/-+$/, '');
}
