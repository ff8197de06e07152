import type { BodyBlock } from '@/lib/content/body-document';
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

/** "Nayib Bukele tagged in paragraph 3." */
export function describeTagChange(change: TagChange, name: string): string {
  return `${name} ${change.change} in paragraph ${change.paragraph}`;
}

function tagsOf(block: BodyBlock): number[] {
  return blockMentionIds(block);
}

function counts(ids: number[]): Map<number, number> {
  const map = new Map<number, number>();
  for (const id of ids) map.set(id, (map.get(id) ?? 0) + 1);
  return map;
}
