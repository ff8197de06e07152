'use client';

import type { SaveState } from './types';

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/** Today's saves by the clock; older ones with their date. */
function formatSavedAt(iso: string): string {
  const date = new Date(iso);
  return date.toDateString() === new Date().toDateString() ? timeFormat.format(date) : dateTimeFormat.format(date);
}

/** The autosave state, in words, announced politely to screen readers. */
export function SaveStatus({ state }: { state: SaveState }) {
  return (
    <p className={`save-status save-${state.kind}`} role="status" data-state={state.kind}>
      {describe(state)}
    </p>
  );
}

function describe(state: SaveState): string {
  switch (state.kind) {
    case 'saved':
      return state.at ? `Saved at ${formatSavedAt(state.at)}` : 'Saved';
    case 'dirty':
      return 'Unsaved changes';
    case 'saving':
      return 'Saving…';
    case 'failed':
      return state.retrying ? `Not saved: ${state.message} Retrying…` : `Not saved: ${state.message}`;
    case 'invalid':
      return `Not saved: ${state.message} See the highlighted fields.`;
    case 'conflict':
      return 'Not saved: a newer version exists';
    case 'locked':
      return 'Not saved: someone else is editing now';
  }
}
