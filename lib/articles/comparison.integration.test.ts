import { describe, expect, it } from 'vitest';
import { NotFoundError } from '@/lib/errors';
import { useFreshDatabase } from '@/test-support/database';
import { createDraft, createSection, createStaff, paragraphs, saveChanges } from '@/test-support/factories';
import { caught } from '@/test-support/inspect';
import { attributeWorkingCopy, compareVersions } from './comparison';

useFreshDatabase();

const T0 = new Date('2030-09-01T08:00:00Z');
function at(seconds: number): Date {
  return new Date(T0.getTime() + seconds * 1000);
}

const BEFORE = paragraphs(
  'The council approved the budget on Tuesday.',
  'The vote was close.',
  'Critics walked out of the chamber in protest.',
);
const AFTER = paragraphs(
  'The council approved the revised budget on Tuesday.',
  'The vote was close.',
  'Residents may comment on the plan until the end of May.',
);

describe('comparing two versions', () => {
  it('shows the changed fields and the changed blocks between two revisions', async () => {
    const writer = await createStaff('writer');
    const colleague = await createStaff('writer');
    const editor = await createStaff('editor');
    const news = await createSection(`News ${writer.id}`);
    const politics = await createSection(`Politics ${writer.id}`);
    const draft = await createDraft(writer, { headline: 'Council approves budget', body: BEFORE, sectionId: news, now: at(0) });
    await saveChanges(editor, draft.id, { headline: 'Council approves revised budget', sectionId: politics, bylineIds: [writer.id, colleague.id], body: AFTER }, { now: at(10) });

    const comparison = await compareVersions(editor, { articleId: draft.id, from: 1, to: 2 });

    expect(comparison.headline).toBe('Council approves revised budget');
    expect(comparison.from).toBe('Revision 1');
    expect(comparison.to).toBe('Revision 2');
    expect(comparison.metadata).toEqual([
      {
        field: 'headline',
        label: 'Headline',
        before: 'Council approves budget',
        after: 'Council approves revised budget',
        words: [
          { kind: 'equal', text: 'Council approves ' },
          { kind: 'insert', text: 'revised ' },
          { kind: 'equal', text: 'budget' },
        ],
      },
      { field: 'section', label: 'Section', before: `News ${writer.id}`, after: `Politics ${writer.id}` },
      { field: 'bylines', label: 'Bylines', before: writer.name, after: `${writer.name}, ${colleague.name}` },
    ]);
    expect(comparison.blocks.map((change) => [change.kind, 'oldIndex' in change ? change.oldIndex : null, 'newIndex' in change ? change.newIndex : null])).toEqual([
      ['changed', 0, 0],
      ['unchanged', 1, 1],
      ['removed', 2, null],
      ['added', null, 2],
    ]);
    const changed = comparison.blocks[0];
    expect(changed?.kind === 'changed' && changed.words.filter((word) => word.kind !== 'equal')).toEqual([{ kind: 'insert', text: 'revised ' }]);
  });

  it('shows no changes between a revision and itself', async () => {
    const writer = await createStaff('writer');
    const draft = await createDraft(writer, { body: BEFORE });

    const comparison = await compareVersions(writer, { articleId: draft.id, from: 1, to: 1 });

    expect(comparison.metadata).toEqual([]);
    expect(comparison.blocks.map((change) => change.kind)).toEqual(['unchanged', 'unchanged', 'unchanged']);
  });

  it('compares a revision with the current working copy, edits not yet in a revision included', async () => {
    const writer = await createStaff('writer');
    const draft = await createDraft(writer, { headline: 'Council approves budget', body: BEFORE, now: at(0) });
    await saveChanges(writer, draft.id, { intent: 'autosave', body: AFTER }, { now: at(10) });

    const comparison = await compareVersions(writer, { articleId: draft.id, from: 1, to: 'current' });

    expect(comparison.to).toBe('Current working copy');
    expect(comparison.metadata).toEqual([]);
    expect(comparison.blocks.map((change) => change.kind)).toEqual(['changed', 'unchanged', 'removed', 'added']);
  });

  it('answers an unknown revision as not found', async () => {
    const writer = await createStaff('writer');
    const draft = await createDraft(writer);

    const from = await caught(compareVersions(writer, { articleId: draft.id, from: 99, to: 1 }));
    const to = await caught(compareVersions(writer, { articleId: draft.id, from: 1, to: 99 }));

    expect(from).toBeInstanceOf(NotFoundError);
    expect(to).toBeInstanceOf(NotFoundError);
  });

  it('answers a writer comparing versions of another writer’s draft as not found, without showing it', async () => {
    const author = await createStaff('writer');
    const intruder = await createStaff('writer');
    const draft = await createDraft(author, { headline: 'Secret council leak', body: BEFORE });

    const error = await caught(compareVersions(intruder, { articleId: draft.id, from: 1, to: 'current' }));

    expect(error).toBeInstanceOf(NotFoundError);
    expect(JSON.stringify(error)).not.toContain('council');
    expect((error as Error).message).not.toContain('council');
  });
});

describe('who wrote what', () => {
  it('credits each paragraph to whoever last changed it, with that revision', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const admin = await createStaff('admin');
    const draft = await createDraft(writer, { body: paragraphs('Lede by the writer.', 'Middle by the writer.', 'End by the writer.'), now: at(0) }); // 1
    await saveChanges(editor, draft.id, { body: paragraphs('Lede by the writer.', 'Middle fixed by the editor.', 'End by the writer.') }, { now: at(10) }); // 2
    await saveChanges(admin, draft.id, { body: paragraphs('Lede by the writer.', 'Middle fixed by the editor.', 'End fixed by the admin.') }, { now: at(20) }); // 3
    await saveChanges(writer, draft.id, { body: paragraphs('Lede rewritten by the writer.', 'Middle fixed by the editor.', 'End fixed by the admin.') }, { now: at(30) }); // 4

    const attribution = await attributeWorkingCopy(editor, draft.id);

    expect(attribution.body).toEqual(paragraphs('Lede rewritten by the writer.', 'Middle fixed by the editor.', 'End fixed by the admin.'));
    expect(attribution.blocks).toEqual([
      { index: 0, revisionNumber: 4, author: writer.name, createdAt: at(30).toISOString(), isOlder: false },
      { index: 1, revisionNumber: 2, author: editor.name, createdAt: at(10).toISOString(), isOlder: false },
      { index: 2, revisionNumber: 3, author: admin.name, createdAt: at(20).toISOString(), isOlder: false },
    ]);
  });

  it('credits edits not yet in a revision to the working copy’s last editor, as revision 0', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await createDraft(writer, { body: paragraphs('Lede by the writer.', 'End by the writer.'), now: at(0) }); // 1
    await saveChanges(editor, draft.id, { intent: 'autosave', body: paragraphs('Lede by the writer.', 'End, being edited.') }, { now: at(10) });

    const attribution = await attributeWorkingCopy(writer, draft.id);

    expect(attribution.blocks).toEqual([
      { index: 0, revisionNumber: 1, author: writer.name, createdAt: at(0).toISOString(), isOlder: true },
      { index: 1, revisionNumber: 0, author: editor.name, createdAt: at(10).toISOString(), isOlder: false },
    ]);
  });

  it('answers a writer asking who wrote another writer’s draft as not found', async () => {
    const author = await createStaff('writer');
    const intruder = await createStaff('writer');
    const draft = await createDraft(author);

    const error = await caught(attributeWorkingCopy(intruder, draft.id));

    expect(error).toBeInstanceOf(NotFoundError);
  });
});
