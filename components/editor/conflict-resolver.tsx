'use client';

import { useMemo, useState } from 'react';
import { DiffView } from '@/components/revisions/diff-view';
import type { BodyBlock, BodyDocument } from '@/lib/content/body-document';
import { blockText, diffBodies } from '@/lib/revisions/block-diff';
import { mergeBodies, mergeField, resolveBodyMerge, type ConflictChoice } from '@/lib/revisions/merge';
import { diffMetadata, type RevisionMetadata } from '@/lib/revisions/metadata-diff';
import type { CurrentWorkingCopy, EditorFields } from './types';

type Draft = EditorFields & { body: BodyDocument };
type Named = Array<{ id: number; name: string }>;

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const FIELDS = ['headline', 'standfirst', 'slug', 'sectionId', 'bylineIds'] as const;
const FIELD_LABELS: Record<(typeof FIELDS)[number], string> = {
  headline: 'Headline',
  standfirst: 'Standfirst',
  slug: 'Slug',
  sectionId: 'Section',
  bylineIds: 'Bylines',
};

/**
 * When a save was refused because the article moved on: shows mine against theirs and
 * offers three ways on. Merge applies both sides' changes where they do not overlap (a
 * three-way merge against the version this tab last saved) and asks about the rest;
 * "take theirs" loads their version; "keep mine" saves mine on top, recorded as such.
 * Until a choice is made, nothing is saved and nothing typed is lost.
 */
export function ConflictResolver({
  current,
  base,
  mine,
  people,
  sections,
  onTakeTheirs,
  onSettle,
}: {
  current: CurrentWorkingCopy;
  base: Draft;
  mine: Draft;
  people: Named;
  sections: Named;
  onTakeTheirs: () => void;
  onSettle: (result: Draft, intent: 'merge' | 'overwrite') => Promise<void>;
}) {
  const [step, setStep] = useState<'choose' | 'merging'>('choose');
  const [choices, setChoices] = useState<Record<string, ConflictChoice>>({});
  const [busy, setBusy] = useState(false);
  const theirs: Draft = current;

  const comparison = useMemo(
    () => ({
      metadata: diffMetadata(describe(theirs, people, sections), describe(mine, people, sections)),
      blocks: diffBodies(theirs.body, mine.body),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [current.version],
  );
  const merge = useMemo(() => {
    const body = mergeBodies({ base: base.body, mine: mine.body, theirs: theirs.body });
    const fields = Object.fromEntries(FIELDS.map((field) => [field, mergeField(base[field], mine[field], theirs[field])])) as {
      [Field in (typeof FIELDS)[number]]: ReturnType<typeof mergeField<Draft[Field]>>;
    };
    return { body, fields };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [current.version]);
  const fieldConflicts = FIELDS.filter((field) => merge.fields[field].conflict !== null);
  const conflictCount = merge.body.conflicts.length + fieldConflicts.length;
  const isComplete = [...merge.body.conflicts.map((conflict) => conflict.id), ...fieldConflicts].every((id) => choices[id]);

  async function settle(result: Draft, intent: 'merge' | 'overwrite') {
    setBusy(true);
    await onSettle(result, intent);
    setBusy(false);
  }

  function applyMerge() {
    const pick = <Field extends (typeof FIELDS)[number]>(field: Field): Draft[Field] => {
      const merged = merge.fields[field];
      if (!merged.conflict) return merged.value as Draft[Field];
      return (choices[field] === 'mine' ? merged.conflict.mine : merged.conflict.theirs) as Draft[Field];
    };
    void settle(
      {
        headline: pick('headline'),
        standfirst: pick('standfirst'),
        slug: pick('slug'),
        sectionId: pick('sectionId'),
        bylineIds: pick('bylineIds'),
        body: resolveBodyMerge(merge.body, choices),
      },
      'merge',
    );
  }

  return (
    <section className="conflict-banner" aria-labelledby="conflict-title">
      <h2 id="conflict-title">This article was changed elsewhere</h2>
      <p>
        {current.updatedBy.name} saved a newer version (version {current.version}) at {timeFormat.format(new Date(current.updatedAt))}.
        Your latest changes are <strong>not saved yet</strong>; they are still here. Autosave waits until you choose how to go on.
      </p>
      {step === 'choose' ? (
        <>
          <div className="conflict-actions">
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={() => (conflictCount === 0 ? applyMerge() : setStep('merging'))}
            >
              {conflictCount === 0 ? 'Merge both versions' : `Merge (${conflictCount} to decide)`}
            </button>
            <button type="button" className="button" disabled={busy} onClick={onTakeTheirs}>
              Take theirs
            </button>
            <button type="button" className="button button-danger" disabled={busy} onClick={() => void settle(mine, 'overwrite')}>
              Keep mine
            </button>
          </div>
          <DiffView
            metadata={comparison.metadata}
            blocks={comparison.blocks}
            beforeLabel={`Theirs (${current.updatedBy.name}, version ${current.version})`}
            afterLabel="Yours (not saved)"
          />
        </>
      ) : (
        <div className="merge-choices">
          <p>
            These parts were changed on both sides. Choose for each; everything else is merged already.
          </p>
          {fieldConflicts.map((field) => {
            const conflict = merge.fields[field].conflict!;
            return (
              <MergeChoice
                key={field}
                id={field}
                legend={FIELD_LABELS[field]}
                mine={fieldText(field, conflict.mine, people, sections)}
                theirs={fieldText(field, conflict.theirs, people, sections)}
                allowBoth={false}
                choice={choices[field]}
                onChoose={(choice) => setChoices({ ...choices, [field]: choice })}
              />
            );
          })}
          {merge.body.conflicts.map((conflict, index) => (
            <MergeChoice
              key={conflict.id}
              id={conflict.id}
              legend={`Passage ${index + 1}`}
              mine={blocksText(conflict.mine)}
              theirs={blocksText(conflict.theirs)}
              allowBoth
              choice={choices[conflict.id]}
              onChoose={(choice) => setChoices({ ...choices, [conflict.id]: choice })}
            />
          ))}
          <div className="conflict-actions">
            <button type="button" className="button button-primary" disabled={!isComplete || busy} onClick={applyMerge}>
              Apply merge
            </button>
            <button type="button" className="button" onClick={() => setStep('choose')}>
              Back
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

function MergeChoice({
  id,
  legend,
  mine,
  theirs,
  allowBoth,
  choice,
  onChoose,
}: {
  id: string;
  legend: string;
  mine: string;
  theirs: string;
  allowBoth: boolean;
  choice: ConflictChoice | undefined;
  onChoose: (choice: ConflictChoice) => void;
}) {
  const options: Array<{ value: ConflictChoice; label: string; text: string }> = [
    { value: 'mine', label: 'Mine', text: mine },
    { value: 'theirs', label: 'Theirs', text: theirs },
    ...(allowBoth ? [{ value: 'both' as const, label: 'Both (mine first)', text: `${mine}\n\n${theirs}` }] : []),
  ];
  return (
    <fieldset className="merge-choice">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="merge-option">
          <input type="radio" name={`merge-${id}`} value={option.value} checked={choice === option.value} onChange={() => onChoose(option.value)} />
          <span className="merge-option-label">{option.label}</span>
          <span className="merge-option-text">{option.text || '(removed)'}</span>
        </label>
      ))}
    </fieldset>
  );
}

function describe(draft: Draft, people: Named, sections: Named): RevisionMetadata {
  return {
    headline: draft.headline,
    standfirst: draft.standfirst,
    slug: draft.slug,
    section: nameOf(sections, draft.sectionId),
    bylines: draft.bylineIds.map((id) => nameOf(people, id)),
  };
}

function fieldText(field: (typeof FIELDS)[number], value: unknown, people: Named, sections: Named): string {
  if (field === 'sectionId') return nameOf(sections, value as number);
  if (field === 'bylineIds') return (value as number[]).map((id) => nameOf(people, id)).join(', ');
  return String(value);
}

function nameOf(list: Named, id: number): string {
  return list.find((item) => item.id === id)?.name ?? `#${id}`;
}

function blocksText(blocks: BodyBlock[]): string {
  return blocks.map(blockText).join('\n\n');
}
