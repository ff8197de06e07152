import { z } from 'zod';
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from '@/lib/articles/slug';

/*
 * What a reader typed into /search, made safe to hand to websearch_to_tsquery: one line of
 * at most QUERY_MAX_LENGTH characters, without control or invisible characters. Pure: the
 * page and the service both parse the URL through here.
 */

export const QUERY_MAX_LENGTH = 200;
export const SEARCH_PAGE_SIZE = 10;
/** Deeper than this, a reader refines the search: only the newest matches are ranked (match-window.ts). */
export const SEARCH_MAX_PAGE = 20;

// Bounds the work done on a pathological input before it is trimmed to QUERY_MAX_LENGTH.
const RAW_INPUT_LIMIT = QUERY_MAX_LENGTH * 8;

/** The reader's words, cleaned: '' when nothing was typed. */
export function normalizeSearchQuery(raw: unknown): string {
  const value = firstValue(raw);
  if (typeof value !== 'string') return '';
  const cleaned = value
    .slice(0, RAW_INPUT_LIMIT)
    .normalize('NFKC')
    // Tabs, newlines and other control characters separate words; invisible format
    // characters (zero-width spaces, direction overrides), private-use characters (the
    // snippet markers among them) and lone surrogates carry none and go.
    .replace(/\p{Cc}/gu, ' ')
    .replace(/[\p{Cf}\p{Co}\p{Cs}]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
  return truncateAtWord(cleaned, QUERY_MAX_LENGTH);
}

/** Whether a cleaned query has anything to look for: at least one letter or digit. */
export function hasSearchableWords(query: string): boolean {
  return /[\p{L}\p{N}]/u.test(query);
}

export type SearchRequest = {
  q: string;
  /** A section's slug, when the reader narrowed to one. */
  section: string | null;
  /** An entity's slug, when the reader narrowed to stories mentioning it. */
  entity: string | null;
  page: number;
};

const slugParam = z
  .string()
  .max(SLUG_MAX_LENGTH)
  .regex(SLUG_PATTERN)
  .nullable()
  .catch(null);
const pageParam = z.coerce.number().int().min(1).max(SEARCH_MAX_PAGE).catch(1);

/** Reads /search's parameters (URL values: a string, several, or none); never throws. */
export function parseSearchRequest(params: { q?: unknown; section?: unknown; entity?: unknown; page?: unknown }): SearchRequest {
  return {
    q: normalizeSearchQuery(params.q),
    section: slugParam.parse(emptyAsNull(firstValue(params.section))),
    entity: slugParam.parse(emptyAsNull(firstValue(params.entity))),
    page: pageParam.parse(firstValue(params.page) ?? 1),
  };
}

/** The address of a search: only the parameters that are set, page 1 left out. */
export function searchHref({ q, section, entity, page = 1 }: { q: string; section?: string | null; entity?: string | null; page?: number }): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (section) params.set('section', section);
  if (entity) params.set('entity', entity);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/search?${query}` : '/search';
}

function firstValue(raw: unknown): unknown {
  return Array.isArray(raw) ? raw[0] : raw;
}

function emptyAsNull(value: unknown): unknown {
  return value === undefined || value === '' ? null : value;
}

/** At most `limit` characters (code points, so no pair is split), cut between words when it can be. */
function truncateAtWord(text: string, limit: number): string {
  const characters = Array.from(text);
  if (characters.length <= limit) return text;
  const cut = characters.slice(0, limit).join('');
  const nextIsSpace = characters[limit] === ' ';
  const lastSpace = cut.lastIndexOf(' ');
  // Keep a whole last word; a single unbroken run is simply cut.
  return (nextIsSpace || lastSpace <= 0 ? cut : cut.slice(0, lastSpace)).trim();
}
