import type { BodyBlock } from '../content/body-document';
import type { BlockChange } from './block-diff';
import type { MetadataChange } from './metadata-diff';

export type BlockEdit = Exclude<BlockChange, { kind: 'unchanged' }>;
export type UnchangedBlock = Extract<BlockChange, { kind: 'unchanged' }>;

export type MetadataRow = { key: string; changeNumber: number; change: MetadataChange };
export type BodyRow =
  | { kind: 'unchanged-run'; key: string; blocks: UnchangedBlock[]; showLabel: string }
  | { kind: 'change'; key: string; changeNumber: number; change: BlockEdit; label: string; note: string | null };
export type DiffRows = { metadata: MetadataRow[]; body: BodyRow[]; changeCount: number };

/**
 * What the comparison shows, in order: each changed field, then the body with every run of
 * unchanged blocks folded into one row. Changes are numbered from 1 across both, for the
 * "Change 3 of 12" navigation.
 */
export function buildDiffRows({ metadata, blocks }: { metadata: MetadataChange[]; blocks: BlockChange[] }): DiffRows {
  let changeNumber = 0;
  const metadataRows = metadata.map((change) => ({ key: `field-${change.field}`, changeNumber: ++changeNumber, change }));
  const body: BodyRow[] = [];
  for (const change of blocks) {
    const last = body[body.length - 1];
    if (change.kind === 'unchanged') {
      if (last?.kind === 'unchanged-run') {
        last.blocks.push(change);
        last.showLabel = unchangedRunLabel(last.blocks.length);
      } else {
        body.push({ kind: 'unchanged-run', key: `unchanged-${change.newIndex}`, blocks: [change], showLabel: unchangedRunLabel(1) });
      }
      continue;
    }
    changeNumber++;
    body.push({ kind: 'change', key: `change-${changeNumber}`, changeNumber, change, label: changeLabel(change), note: changeNote(change) });
  }
  return { metadata: metadataRows, body, changeCount: changeNumber };
}

export function unchangedRunLabel(count: number): string {
  return count === 1 ? 'Show 1 unchanged paragraph' : `Show ${count} unchanged paragraphs`;
}

export function changeLabel(change: BlockEdit): string {
  switch (change.kind) {
    case 'added':
      return 'Added';
    case 'removed':
      return 'Removed';
    case 'moved':
      return `Moved from paragraph ${change.oldIndex + 1}`;
    case 'changed':
      return 'Changed';
  }
}

/** What a changed block's word highlights cannot show: a new kind of block, a new image, formatting. */
export function changeNote(change: BlockEdit): string | null {
  if (change.kind !== 'changed') return null;
  const { before, after } = change;
  const was = describeKind(before);
  const is = describeKind(after);
  if (was !== is) return `Was a ${was}, now a ${is}`;
  if (before.type === 'figure' && after.type === 'figure' && before.attrs.src !== after.attrs.src) return 'Image file replaced';
  if (change.words.every((word) => word.kind === 'equal')) return 'Formatting or links changed';
  return null;
}

/** The live status line of the change navigation. */
export function changeStatus({ current, total }: { current: number | null; total: number }): string {
  if (total === 0) return 'No changes';
  if (current === null) return total === 1 ? '1 change' : `${total} changes`;
  return `Change ${current} of ${total}`;
}

/** The change to go to next (or previous), staying within 1…total; null when there is none. */
export function stepChange({
  current,
  total,
  direction,
}: {
  current: number | null;
  total: number;
  direction: 'next' | 'previous';
}): number | null {
  if (total === 0) return null;
  if (current === null) return direction === 'next' ? 1 : total;
  return Math.min(total, Math.max(1, current + (direction === 'next' ? 1 : -1)));
}

function describeKind(block: BodyBlock): string {
  switch (block.type) {
    case 'heading':
      return `level ${block.attrs.level} heading`;
    case 'bulletList':
      return 'bulleted list';
    case 'orderedList':
      return 'numbered list';
    case 'horizontalRule':
      return 'divider';
    default:
      return block.type;
  }
}
