/**
 * When a revision is cut (DESIGN.md "Revision"). Pure: it looks at the working copy and
 * the save at hand and says which snapshots to take, and why.
 *
 * - `before` snapshots the working copy as it stands, credited to whoever last changed
 *   it, before the new change lands: when editing changes hands, or resumes after a pause.
 *   That keeps every revision attributable to the person who wrote it.
 * - `after` snapshots the result: on an explicit save, submit and publish, and as a
 *   periodic checkpoint during long autosaved sessions.
 */
export type SaveIntent = 'autosave' | 'save' | 'submit' | 'publish' | 'schedule' | 'restore' | 'merge' | 'overwrite';
export type BeforeReason = 'handover' | 'pause';
export type AfterReason = Exclude<SaveIntent, 'autosave'> | 'checkpoint';

export type RevisionPolicyInput = {
  intent: SaveIntent;
  actorId: number;
  now: Date;
  workingCopy: { version: number; snapshotVersion: number; updatedBy: number; updatedAt: Date };
  latestRevisionAt: Date | null;
  pauseSeconds: number;
  checkpointSeconds: number;
};

export type RevisionPlan = { before: BeforeReason | null; after: AfterReason | null };

export function planRevisions(input: RevisionPolicyInput): RevisionPlan {
  const { workingCopy, now } = input;
  const hasUnsnapshottedEdits = workingCopy.version > workingCopy.snapshotVersion;

  let before: BeforeReason | null = null;
  if (hasUnsnapshottedEdits && workingCopy.updatedBy !== input.actorId) {
    before = 'handover';
  } else if (hasUnsnapshottedEdits && secondsBetween(workingCopy.updatedAt, now) >= input.pauseSeconds) {
    before = 'pause';
  }

  let after: AfterReason | null = null;
  if (input.intent !== 'autosave') {
    after = input.intent;
  } else if (
    input.latestRevisionAt === null ||
    secondsBetween(input.latestRevisionAt, now) >= input.checkpointSeconds
  ) {
    after = 'checkpoint';
  }
  return { before, after };
}

function secondsBetween(earlier: Date, later: Date): number {
  return (later.getTime() - earlier.getTime()) / 1000;
}
