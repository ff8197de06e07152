import { diffWords, type WordChange } from './word-diff';

export type RevisionMetadata = {
  headline: string;
  standfirst: string;
  slug: string;
  section: string;
  bylines: string[];
  status?: string;
};

export type MetadataChange = {
  field: 'headline' | 'standfirst' | 'slug' | 'section' | 'bylines' | 'status';
  label: string;
  before: string;
  after: string;
  words?: WordChange[];
};

const FIELDS: Array<{ field: MetadataChange['field']; label: string; hasWordDiff: boolean }> = [
  { field: 'headline', label: 'Headline', hasWordDiff: true },
  { field: 'standfirst', label: 'Standfirst', hasWordDiff: true },
  { field: 'slug', label: 'Slug', hasWordDiff: false },
  { field: 'section', label: 'Section', hasWordDiff: false },
  { field: 'bylines', label: 'Bylines', hasWordDiff: false },
  { field: 'status', label: 'Status', hasWordDiff: false },
];

/**
 * The fields that differ between two revisions, in the order the editor shows them. Headline
 * and standfirst carry a word diff; bylines compare as the joined list ("A, B"), so a change
 * of order is a change. A status missing on either side is not compared.
 */
export function diffMetadata(before: RevisionMetadata, after: RevisionMetadata): MetadataChange[] {
  const changes: MetadataChange[] = [];
  for (const { field, label, hasWordDiff } of FIELDS) {
    if (field === 'status' && (before.status === undefined || after.status === undefined)) continue;
    const old = fieldText(before, field);
    const next = fieldText(after, field);
    if (old === next) continue;
    changes.push(
      hasWordDiff
        ? { field, label, before: old, after: next, words: diffWords({ before: old, after: next }) }
        : { field, label, before: old, after: next },
    );
  }
  return changes;
}

function fieldText(metadata: RevisionMetadata, field: MetadataChange['field']): string {
  if (field === 'bylines') return metadata.bylines.join(', ');
  return metadata[field] ?? '';
}
