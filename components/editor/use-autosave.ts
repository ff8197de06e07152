'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, CurrentWorkingCopy, EditorFields, SaveState } from './types';
import type { BodyDocument } from '@/lib/content/body-document';

type SaveIntent = 'autosave' | 'save' | 'merge' | 'overwrite';

const DEBOUNCE_MS = 1_500;
const MAX_WAIT_MS = 5_000;
const RETRY_DELAYS_MS = [2_000, 4_000, 8_000, 15_000, 30_000];

export type Draft = EditorFields & { body: BodyDocument };

/**
 * The editor's save loop. Every change marks the copy dirty; a save goes out after a
 * short pause in typing, and at least every few seconds while typing goes on. One save
 * is in flight at a time. "Saved" is shown only when the server acknowledged a save that
 * contained every edit made so far. A stale save (409) stops autosaving and hands the
 * current state to the conflict screen; the typed text stays in the editor.
 */
export function useAutosave({
  articleId,
  initialVersion,
  initialSavedAt,
  initialDraft,
  readDraft,
  tabId,
  onLocked,
  enabled,
}: {
  articleId: number;
  initialVersion: number;
  initialSavedAt: string;
  /** What the server holds at load: the common base for a three-way merge. */
  initialDraft: Draft;
  readDraft: () => Draft | null;
  tabId: { current: string };
  onLocked: (holder: { name: string; since: string }) => void;
  enabled: boolean;
}) {
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: initialSavedAt });
  // A refused stale save stays open until the person settles it, whatever saves do meanwhile.
  const [conflict, setConflict] = useState<CurrentWorkingCopy | null>(null);
  const conflictRef = useRef<CurrentWorkingCopy | null>(null);
  const enabledRef = useRef(enabled);
  enabledRef.current = enabled; // sending is allowed only while this tab holds the lease
  const version = useRef(initialVersion);
  const base = useRef<Draft>(initialDraft); // the last version the server acknowledged from us
  const edits = useRef(0);
  const savedEdits = useRef(0);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const firstUnsavedAt = useRef<number | null>(null);
  const failures = useRef(0);
  const stopped = useRef(false); // after a conflict, until it is resolved

  const clearTimer = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };

  const send = useCallback(
    async (intent: SaveIntent): Promise<void> => {
      const draft = readDraft();
      if (!draft || stopped.current || !enabledRef.current) return;
      clearTimer();
      const editsInThisSave = edits.current;
      setState({ kind: 'saving' });
      let response: Response;
      try {
        response = await fetch(`/api/studio/articles/${articleId}/working-copy`, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ ...draft, baseVersion: version.current, intent, tabId: tabId.current || undefined }),
        });
      } catch {
        return scheduleRetry('The connection dropped. Your text is kept here.');
      }
      const answer = (await response.json().catch(() => null)) as
        | { version: number; savedAt: string }
        | { error: ApiError }
        | null;

      if (response.ok && answer && 'version' in answer) {
        version.current = answer.version;
        base.current = draft;
        savedEdits.current = editsInThisSave;
        failures.current = 0;
        if (edits.current === editsInThisSave) {
          firstUnsavedAt.current = null;
          setState({ kind: 'saved', at: answer.savedAt });
        } else {
          setState({ kind: 'dirty' });
          schedule();
        }
        return;
      }
      const error = answer && 'error' in answer ? answer.error : null;
      if (response.status === 409 && error?.current) {
        stopped.current = true;
        clearTimer();
        conflictRef.current = error.current as CurrentWorkingCopy;
        setConflict(conflictRef.current);
        setState({ kind: 'conflict', message: error.message, current: conflictRef.current });
        return;
      }
      if (response.status === 423 && error?.holder) {
        stopped.current = true;
        setState({ kind: 'locked', message: error.message });
        onLocked(error.holder);
        return;
      }
      if (response.status === 422 && error) {
        setState({ kind: 'invalid', message: error.message, fieldErrors: error.fieldErrors ?? {} });
        return;
      }
      if (response.status === 413 || response.status === 403 || response.status === 404) {
        setState({ kind: 'failed', message: error?.message ?? 'This save was refused.', retrying: false });
        return;
      }
      if (response.status === 401) {
        return scheduleRetry('You were signed out. Sign in again in another tab; your text is kept here.');
      }
      return scheduleRetry(error?.message ?? 'The server could not save just now.');
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [articleId, readDraft],
  );

  const run = useCallback(
    (intent: SaveIntent): Promise<void> => {
      const previous = inFlight.current ?? Promise.resolve();
      const next = previous.then(() => send(intent));
      inFlight.current = next.finally(() => {
        if (inFlight.current === next) inFlight.current = null;
      });
      return next;
    },
    [send],
  );

  function schedule() {
    clearTimer();
    const now = Date.now();
    firstUnsavedAt.current ??= now;
    const wait = Math.max(0, Math.min(DEBOUNCE_MS, firstUnsavedAt.current + MAX_WAIT_MS - now));
    timer.current = setTimeout(() => void run('autosave'), wait);
  }

  function scheduleRetry(message: string) {
    const delay = RETRY_DELAYS_MS[Math.min(failures.current, RETRY_DELAYS_MS.length - 1)]!;
    failures.current += 1;
    setState({ kind: 'failed', message, retrying: true });
    clearTimer();
    timer.current = setTimeout(() => void run('autosave'), delay);
  }

  /** Call on every change to the article. */
  const markChanged = useCallback(() => {
    if (!enabled || stopped.current) return;
    edits.current += 1;
    setState((current) => (current.kind === 'saving' ? current : { kind: 'dirty' }));
    schedule();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled]);

  /** Saves now and cuts a revision (the Save button, Ctrl+S). */
  const saveNow = useCallback(() => run('save'), [run]);

  /** Waits until every edit so far is saved; false if that did not happen. */
  const flush = useCallback(async (): Promise<boolean> => {
    if (edits.current !== savedEdits.current) await run('autosave');
    else await inFlight.current;
    return edits.current === savedEdits.current && !stopped.current;
  }, [run]);

  /** After the person resolved a conflict by loading the current version. */
  const adoptVersion = useCallback((current: CurrentWorkingCopy) => {
    conflictRef.current = null;
    setConflict(null);
    stopped.current = false;
    version.current = current.version;
    base.current = current;
    edits.current += 1;
    savedEdits.current = edits.current;
    firstUnsavedAt.current = null;
    setState({ kind: 'saved', at: current.updatedAt });
  }, []);

  /**
   * Settles a conflict by saving what is in the editor now (merged, or mine kept) on top
   * of the current version; the history records it as a merge or as kept over theirs.
   */
  const settleConflict = useCallback(
    (current: CurrentWorkingCopy, intent: 'merge' | 'overwrite') => {
      conflictRef.current = null;
      setConflict(null);
      stopped.current = false;
      version.current = current.version;
      base.current = current;
      return run(intent);
    },
    [run],
  );

  /** After taking the lease back: saving may resume. */
  const resume = useCallback(() => {
    if (conflictRef.current) return; // the open conflict is settled first
    stopped.current = false;
    if (edits.current !== savedEdits.current) schedule();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => clearTimer, []);

  // Leaving with unsaved edits asks first.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (edits.current !== savedEdits.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  const hasUnsavedEdits = () => edits.current !== savedEdits.current;

  return { state, conflict, markChanged, saveNow, flush, adoptVersion, settleConflict, resume, hasUnsavedEdits, version, base };
}
