import { describe, expect, it } from 'vitest';
import { diffMetadata, type RevisionMetadata } from './metadata-diff';

const BEFORE: RevisionMetadata = {
  headline: 'Council approves budget after three-hour meeting',
  standfirst: 'Two libraries will close and night buses will stop from April.',
  slug: 'council-approves-budget',
  section: 'Local',
  bylines: ['Ana Ruiz', 'Ben Okafor'],
  status: 'draft',
};

describe('diffMetadata', () => {
  it('lists nothing when no field changed', () => {
    expect(diffMetadata(BEFORE, { ...BEFORE, bylines: ['Ana Ruiz', 'Ben Okafor'] })).toEqual([]);
  });

  it('gives the headline a word diff', () => {
    const changes = diffMetadata(BEFORE, { ...BEFORE, headline: 'Council rejects budget after three-hour meeting' });

    expect(changes).toEqual([
      {
        field: 'headline',
        label: 'Headline',
        before: 'Council approves budget after three-hour meeting',
        after: 'Council rejects budget after three-hour meeting',
        words: [
          { kind: 'equal', text: 'Council ' },
          { kind: 'delete', text: 'approves' },
          { kind: 'insert', text: 'rejects' },
          { kind: 'equal', text: ' budget after three-hour meeting' },
        ],
      },
    ]);
  });

  it('lists every changed field in the order the editor shows them, bylines joined', () => {
    const after: RevisionMetadata = {
      headline: BEFORE.headline,
      standfirst: 'Two libraries will close from April.',
      slug: 'council-budget-vote',
      section: 'Politics',
      bylines: ['Ben Okafor', 'Ana Ruiz'],
      status: 'published',
    };

    const changes = diffMetadata(BEFORE, after);

    expect(changes.map(({ field, label, before, after: now }) => [field, label, before, now])).toEqual([
      ['standfirst', 'Standfirst', BEFORE.standfirst, after.standfirst],
      ['slug', 'Slug', 'council-approves-budget', 'council-budget-vote'],
      ['section', 'Section', 'Local', 'Politics'],
      ['bylines', 'Bylines', 'Ana Ruiz, Ben Okafor', 'Ben Okafor, Ana Ruiz'],
      ['status', 'Status', 'draft', 'published'],
    ]);
    expect(changes.find((change) => change.field === 'standfirst')?.words).toEqual([
      { kind: 'equal', text: 'Two libraries will close ' },
      { kind: 'delete', text: 'and night buses will stop ' },
      { kind: 'equal', text: 'from April.' },
    ]);
    expect(changes.find((change) => change.field === 'slug')).not.toHaveProperty('words');
  });

  it('does not compare the status when one side has none', () => {
    const { status: _, ...withoutStatus } = BEFORE;

    expect(diffMetadata(withoutStatus, { ...BEFORE, status: 'published' })).toEqual([]);
  });
});
