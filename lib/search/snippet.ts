/*
 * Search snippets as data. Postgres's ts_headline marks matched words with the two
 * sentinels below (private-use characters, removed from indexed text and from queries, so
 * a story can never contain one); splitting on them gives text and match parts that the
 * page renders as text and <mark>, never as HTML from the database.
 */

export const MATCH_START = '\uE000';
export const MATCH_STOP = '\uE001';

export type SnippetPart = { text: string; isMatch: boolean };

/** ts_headline's options: marks as sentinels, up to two fragments of about 30 words. */
export const HEADLINE_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_STOP}, MaxFragments=2, MaxWords=30, MinWords=12, ShortWord=3, FragmentDelimiter=" … "`;

const SENTINELS = /[\uE000\uE001]/g;

/** Text as it may be indexed: without the sentinels. */
export function withoutSentinels(text: string): string {
  return text.replace(SENTINELS, '');
}

/** Splits a marked headline into parts; a mark left open or closed twice is read as plain text. */
export function snippetParts(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let rest = marked;
  while (rest.length > 0) {
    const start = rest.indexOf(MATCH_START);
    const stop = start < 0 ? -1 : rest.indexOf(MATCH_STOP, start + 1);
    if (start < 0 || stop < 0) {
      push(parts, withoutSentinels(rest), false);
      break;
    }
    push(parts, withoutSentinels(rest.slice(0, start)), false);
    push(parts, withoutSentinels(rest.slice(start + 1, stop)), true);
    rest = rest.slice(stop + 1);
  }
  return trimEnds(parts);
}

/** Adds a part, joining it to the previous one of the same kind; empty parts are dropped. */
function push(parts: SnippetPart[], text: string, isMatch: boolean): void {
  if (text.length === 0) return;
  const last = parts[parts.length - 1];
  if (last && last.isMatch === isMatch) last.text += text;
  else parts.push({ text, isMatch });
}

/** A snippet is one line: its paragraphs joined by spaces, no space at either end. */
function trimEnds(parts: SnippetPart[]): SnippetPart[] {
  const flattened = parts.map((part) => ({ ...part, text: part.text.replace(/\s+/g, ' ') }));
  const first = flattened[0];
  if (first && !first.isMatch) first.text = first.text.trimStart();
  const last = flattened[flattened.length - 1];
  if (last && !last.isMatch) last.text = last.text.trimEnd();
  return flattened.filter((part) => part.text.length > 0);
}
