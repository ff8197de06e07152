import type { BodyBlock } from '@/lib/content/body-document';
import { inlineNodes } from '@/lib/citations/numbering';
import { blockMentionIds } from '@/lib/entities/mention-summary';
import type { BlockChange } from './block-diff';

/*
 * What a diff says about tags, in words: "Nayib Bukele tagged in paragraph 3". Pure: it
 * reads the entity ids of the blocks each change touches; the caller names them.
 */

export type TagChange = { entityId: number; paragraph: number; change: 'tagged' | 'untagged' };

export function entityTagChanges(changes: readonly BlockChange[]): TagChange[] {
  const result: TagChange[] = [];
  for (const change of changes) {
    if (change.kind === 'unchanged' || change.kind === 'moved') continue;
    const before = change.kind === 'added' ? [] : tagsOf(change.kind === 'removed' ? change.block : change.before);
    const after = change.kind === 'removed' ? [] : tagsOf(change.kind === 'added' ? change.block : change.after);
    const paragraph = (change.kind === 'removed' ? change.oldIndex : change.newIndex) + 1;
    for (const [entityId, count] of counts(after)) {
      if (count > (counts(before).get(entityId) ?? 0)) result.push({ entityId, paragraph, change: 'tagged' });
    }
    for (const [entityId, count] of counts(before)) {
      if (count > (counts(after).get(entityId) ?? 0)) result.push({ entityId, paragraph, change: 'untagged' });
    }
  }
  return result;
}

export type CitationChange = { sourceId: number; paragraph: number; change: 'added' | 'removed' };

/** Citations added to or removed from each changed paragraph, by source. */
export function citationChanges(changes: readonly BlockChange[]): CitationChange[] {
  const result: CitationChange[] = [];
  for (const change of changes) {
    if (change.kind === 'unchanged' || change.kind === 'moved') continue;
    const before = change.kind === 'added' ? [] : citationsOf(change.kind === 'removed' ? change.block : change.before);
    const after = change.kind === 'removed' ? [] : citationsOf(change.kind === 'added' ? change.block : change.after);
    const paragraph = (change.kind === 'removed' ? change.oldIndex : change.newIndex) + 1;
    const [beforeCounts, afterCounts] = [counts(before), counts(after)];
    for (const [sourceId, count] of afterCounts) if (count > (beforeCounts.get(sourceId) ?? 0)) result.push({ sourceId, paragraph, change: 'added' });
    for (const [sourceId, count] of beforeCounts) if (count > (afterCounts.get(sourceId) ?? 0)) result.push({ sourceId, paragraph, change: 'removed' });
  }
  return result;
}

/** "citation to “Report title” removed from paragraph 3" */
export function describeCitationChange(change: CitationChange, title: string): string {
  return `citation to “${title}” ${change.change === 'added' ? 'added to' : 'removed from'} paragraph ${change.paragraph}`;
}

/** "Nayib Bukele tagged in paragraph 3." */
export function describeTagChange(change: TagChange, name: string): string {
  return `${name} ${change.change} in paragraph ${change.paragraph}`;
}

function tagsOf(block: BodyBlock): number[] {
  return blockMentionIds(block);
}

function citationsOf(block: BodyBlock): number[] {
  return inlineNodes([block]).flatMap((node) => (node.type === 'citation' ? [node.attrs.sourceId] : []));
}

function counts(ids: number[]): Map<number, number> {
  const map = new Map<number, number>();
  for (const id of ids) map.set(id, (map.get(id) ?? 0) + 1);
  return map;
}
