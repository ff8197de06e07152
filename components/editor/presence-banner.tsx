'use client';

import type { LeaseStatus } from './use-edit-lease';

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/**
 * Who else is editing, and what this tab may do about it. When someone took over, the
 * text typed here since the last save is offered for copying: nothing is thrown away.
 */
export function PresenceBanner({
  status,
  unsavedText,
  onTakeOver,
  onResume,
}: {
  status: LeaseStatus;
  unsavedText: string | null;
  onTakeOver: () => void;
  onResume: () => void;
}) {
  if (status.kind === 'taken') {
    const { holder } = status;
    const since = timeFormat.format(new Date(holder.since));
    return (
      <section className="presence-banner" aria-labelledby="presence-title">
        <h2 id="presence-title">
          {holder.isYou ? `You are editing this article in another tab (since ${since})` : `${holder.name} is editing this article`}
        </h2>
        <p>
          {holder.isYou
            ? 'This tab is read-only so the two cannot overwrite each other.'
            : `${holder.name} has been editing since ${since}. You can read along, or take over: ${holder.name}'s editor will turn read-only and keep their unsaved text for them.`}
        </p>
        <button type="button" className="button button-primary" onClick={onTakeOver}>
          {holder.isYou ? 'Edit in this tab instead' : 'Take over editing'}
        </button>
      </section>
    );
  }
  if (status.kind === 'lost') {
    return (
      <section className="presence-banner presence-lost" aria-labelledby="presence-title" role="alert">
        <h2 id="presence-title">{status.holder.name} took over editing</h2>
        <p>
          Your editor is read-only now{unsavedText ? '. Your changes since the last save were not saved: copy them from here.' : ', and everything you wrote was saved.'}
        </p>
        {unsavedText && <UnsavedText text={unsavedText} />}
        <button type="button" className="button" onClick={onTakeOver}>
          Take over again
        </button>
      </section>
    );
  }
  if (status.kind === 'handedBack') {
    return (
      <section className="presence-banner" aria-labelledby="presence-title">
        <h2 id="presence-title">Handed back to the writer</h2>
        <p>This tab stopped editing so the writer can work on your notes.</p>
        <button type="button" className="button" onClick={onResume}>
          Edit anyway
        </button>
      </section>
    );
  }
  if (status.kind === 'idle') {
    return (
      <section className="presence-banner" aria-labelledby="presence-title">
        <h2 id="presence-title">Editing paused</h2>
        <p>This tab was in the background or unused for a while, so it let go of the article and others can edit it.</p>
        <button type="button" className="button button-primary" onClick={onResume}>
          Resume editing
        </button>
      </section>
    );
  }
  if (status.kind === 'held' && status.tookOverFrom) {
    return (
      <p className="notice notice-info" role="status">
        You took over editing from {status.tookOverFrom}.
      </p>
    );
  }
  return null;
}

function UnsavedText({ text }: { text: string }) {
  return (
    <div className="unsaved-text">
      <label htmlFor="unsaved-text">Your unsaved text</label>
      <textarea id="unsaved-text" readOnly value={text} rows={6} onFocus={(event) => event.currentTarget.select()} />
      <button type="button" className="button" onClick={() => void navigator.clipboard?.writeText(text)}>
        Copy my text
      </button>
    </div>
  );
}
