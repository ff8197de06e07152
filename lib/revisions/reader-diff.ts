import type { BodyDocument } from '@/lib/content/body-document';
import { blockText, diffBodies } from './block-diff';
import { diffWords, type WordChange } from './word-diff';

/*
 * What changed between two published versions, as readers are shown it in an article's
 * change log: the words of the headline, the standfirst and the paragraphs. Pure. No
 * studio metadata (slug, section, bylines), and a paragraph that only moved is not a
 * change of text.
 */

export type ReaderVersion = { headline: string; standfirst: string; body: BodyDocument };

export type ReaderChange =
  | { part: 'headline' | 'standfirst'; words: WordChange[] }
  | { part: 'paragraph'; paragraph: number; change: 'added' | 'removed' | 'changed'; words: WordChange[] };

export function readerDiff(before: ReaderVersion, after: ReaderVersion): ReaderChange[] {
  const changes: ReaderChange[] = [];
  for (const part of ['headline', 'standfirst'] as const) {
    if (before[part] !== after[part]) changes.push({ part, words: diffWords({ before: before[part], after: after[part] }) });
  }
  for (const change of diffBodies(before.body, after.body)) {
    if (change.kind === 'added') {
      const text = blockText(change.block);
      if (text) changes.push({ part: 'paragraph', paragraph: change.newIndex + 1, change: 'added', words: [{ kind: 'insert', text }] });
    } else if (change.kind === 'removed') {
      const text = blockText(change.block);
      if (text) changes.push({ part: 'paragraph', paragraph: change.oldIndex + 1, change: 'removed', words: [{ kind: 'delete', text }] });
    } else if (change.kind === 'changed' && change.words.some((word) => word.kind !== 'equal')) {
      changes.push({ part: 'paragraph', paragraph: change.newIndex + 1, change: 'changed', words: change.words });
    }
  }
  return changes;
}
