import { describe, it, expect } from 'vitest';
import { planRevisions, type RevisionPolicyInput } from './revision-policy';

const ME = 1;
const SOMEONE_ELSE = 2;
const NOW = new Date('2025-05-01T12:00:00.000Z');
const PAUSE = 120;
const CHECKPOINT = 600;

const secondsAgo = (seconds: number) => new Date(NOW.getTime() - seconds * 1000);

/** A quiet autosave by ME: my own recent, already snapshotted edits, a recent revision. */
function input(overrides: Partial<Omit<RevisionPolicyInput, 'workingCopy'>> & {
  workingCopy?: Partial<RevisionPolicyInput['workingCopy']>;
} = {}): RevisionPolicyInput {
  const { workingCopy, ...rest } = overrides;
  return {
    intent: 'autosave',
    actorId: ME,
    now: NOW,
    latestRevisionAt: secondsAgo(10),
    pauseSeconds: PAUSE,
    checkpointSeconds: CHECKPOINT,
    ...rest,
    workingCopy: { version: 5, snapshotVersion: 5, updatedBy: ME, updatedAt: secondsAgo(5), ...workingCopy },
  };
}

describe('planRevisions: after the save', () => {
  it.each(['save', 'submit', 'publish'] as const)('always snapshots after an explicit %s', (intent) => {
    const plan = planRevisions(input({ intent }));

    expect(plan).toEqual({ before: null, after: intent });
  });

  it('snapshots after an explicit save even with no edits since the last revision', () => {
    const plan = planRevisions(input({ intent: 'save', latestRevisionAt: NOW }));

    expect(plan.after).toBe('save');
  });

  it('takes a checkpoint on an autosave when the article has no revision yet', () => {
    const plan = planRevisions(input({ latestRevisionAt: null }));

    expect(plan).toEqual({ before: null, after: 'checkpoint' });
  });

  it('takes a checkpoint on an autosave when the latest revision is older than the checkpoint', () => {
    const plan = planRevisions(input({ latestRevisionAt: secondsAgo(CHECKPOINT + 1) }));

    expect(plan).toEqual({ before: null, after: 'checkpoint' });
  });

  it('takes a checkpoint when the latest revision is exactly the checkpoint interval old', () => {
    const plan = planRevisions(input({ latestRevisionAt: secondsAgo(CHECKPOINT) }));

    expect(plan.after).toBe('checkpoint');
  });

  it('takes no checkpoint one millisecond inside the checkpoint interval', () => {
    const plan = planRevisions(input({ latestRevisionAt: new Date(NOW.getTime() - CHECKPOINT * 1000 + 1) }));

    expect(plan).toEqual({ before: null, after: null });
  });

  it('takes no checkpoint on an autosave well inside the checkpoint interval', () => {
    const plan = planRevisions(input({ latestRevisionAt: secondsAgo(60) }));

    expect(plan).toEqual({ before: null, after: null });
  });
});

describe('planRevisions: before the save', () => {
  it('snapshots the previous editor’s unsnapshotted edits when editing changes hands', () => {
    const plan = planRevisions(input({ workingCopy: { version: 6, snapshotVersion: 5, updatedBy: SOMEONE_ELSE } }));

    expect(plan).toEqual({ before: 'handover', after: null });
  });

  it('reports a handover rather than a pause when both apply', () => {
    const plan = planRevisions(
      input({ workingCopy: { version: 6, snapshotVersion: 5, updatedBy: SOMEONE_ELSE, updatedAt: secondsAgo(PAUSE * 10) } }),
    );

    expect(plan.before).toBe('handover');
  });

  it('snapshots before an explicit save that changes hands, and after it too', () => {
    const plan = planRevisions(
      input({ intent: 'publish', workingCopy: { version: 6, snapshotVersion: 5, updatedBy: SOMEONE_ELSE } }),
    );

    expect(plan).toEqual({ before: 'handover', after: 'publish' });
  });

  it('snapshots my own unsnapshotted edits when I resume after a pause longer than the threshold', () => {
    const plan = planRevisions(input({ workingCopy: { version: 6, snapshotVersion: 5, updatedAt: secondsAgo(PAUSE + 1) } }));

    expect(plan).toEqual({ before: 'pause', after: null });
  });

  it('counts a pause of exactly the threshold as a pause', () => {
    const plan = planRevisions(input({ workingCopy: { version: 6, snapshotVersion: 5, updatedAt: secondsAgo(PAUSE) } }));

    expect(plan.before).toBe('pause');
  });

  it('does not count a pause one millisecond short of the threshold', () => {
    const plan = planRevisions(
      input({ workingCopy: { version: 6, snapshotVersion: 5, updatedAt: new Date(NOW.getTime() - PAUSE * 1000 + 1) } }),
    );

    expect(plan).toEqual({ before: null, after: null });
  });

  it('takes nothing before when I keep editing my own unsnapshotted work without a pause', () => {
    const plan = planRevisions(input({ workingCopy: { version: 9, snapshotVersion: 5, updatedAt: secondsAgo(3) } }));

    expect(plan).toEqual({ before: null, after: null });
  });

  it('takes nothing before when another person edited but everything is snapshotted', () => {
    const plan = planRevisions(input({ workingCopy: { version: 6, snapshotVersion: 6, updatedBy: SOMEONE_ELSE } }));

    expect(plan).toEqual({ before: null, after: null });
  });

  it('takes nothing before after a long pause when everything is snapshotted', () => {
    const plan = planRevisions(input({ workingCopy: { version: 6, snapshotVersion: 6, updatedAt: secondsAgo(PAUSE * 100) } }));

    expect(plan).toEqual({ before: null, after: null });
  });

  it('takes a pause snapshot and a checkpoint together when both are due', () => {
    const plan = planRevisions(
      input({
        latestRevisionAt: secondsAgo(CHECKPOINT),
        workingCopy: { version: 6, snapshotVersion: 5, updatedAt: secondsAgo(PAUSE) },
      }),
    );

    expect(plan).toEqual({ before: 'pause', after: 'checkpoint' });
  });
});
