'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

const HEARTBEAT_MS = 3_000;
const IDLE_MS = 5 * 60_000; // no keystroke or click for five minutes
const HIDDEN_MS = 60_000; // the tab in the background for a minute

export type LeaseHolder = { userId: number; name: string; since: string; isYou: boolean };
export type LeaseStatus =
  | { kind: 'pending' }
  | { kind: 'held'; tookOverFrom: string | null }
  | { kind: 'taken'; holder: LeaseHolder } // someone else edits; we read until we take over
  | { kind: 'lost'; holder: LeaseHolder } // we were editing, then someone took over
  | { kind: 'idle' } // we let go after a long pause
  | { kind: 'handedBack' } // we returned the piece to its writer and let go
  | { kind: 'unavailable' }; // read-only for us anyway

type LeaseAnswer = { status: 'held'; tookOverFrom: string | null } | { status: 'taken'; holder: LeaseHolder } | { status: 'free' };

/**
 * Presence for the editor: claims the article's edit lease for this tab, renews it every
 * few seconds, notices at once (on the next heartbeat) when someone takes over, lets go
 * when the tab closes, after a minute in the background or five minutes without input
 * (and the server lets a lease lapse 45 s after its last heartbeat, should all else fail).
 * The tab id survives reloads.
 */
export function useEditLease({ articleId, canEdit }: { articleId: number; canEdit: boolean }) {
  const [status, setStatus] = useState<LeaseStatus>(canEdit ? { kind: 'pending' } : { kind: 'unavailable' });
  const tabId = useRef<string>('');
  const lastInput = useRef(Date.now());
  const hiddenSince = useRef<number | null>(null);
  const statusRef = useRef(status);
  statusRef.current = status;

  const call = useCallback(
    async (action: 'claim' | 'takeover' | 'heartbeat' | 'release'): Promise<LeaseAnswer | null> => {
      try {
        const response = await fetch(`/api/studio/articles/${articleId}/lease`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ tabId: tabId.current, action }),
        });
        return response.ok ? ((await response.json()) as LeaseAnswer) : null;
      } catch {
        return null; // offline for a moment: the next heartbeat tries again
      }
    },
    [articleId],
  );

  const apply = useCallback((answer: LeaseAnswer | null, { wasHolding }: { wasHolding: boolean }) => {
    if (!answer) return;
    // A heartbeat does not repeat whom we took over from; keep saying it.
    if (answer.status === 'held') {
      setStatus((previous) => ({
        kind: 'held',
        tookOverFrom: answer.tookOverFrom ?? (previous.kind === 'held' ? previous.tookOverFrom : null),
      }));
    }
    else if (answer.status === 'taken') setStatus(wasHolding ? { kind: 'lost', holder: answer.holder } : { kind: 'taken', holder: answer.holder });
  }, []);

  const claim = useCallback(
    async (action: 'claim' | 'takeover') => {
      const answer = await call(action);
      apply(answer, { wasHolding: false });
    },
    [apply, call],
  );

  useEffect(() => {
    if (!canEdit) {
      setStatus({ kind: 'unavailable' });
      return;
    }
    const key = `byline-tab-${articleId}`;
    tabId.current = sessionStorage.getItem(key) ?? crypto.randomUUID();
    sessionStorage.setItem(key, tabId.current);
    void claim('claim');

    const onInput = () => (lastInput.current = Date.now());
    const onVisibility = () => (hiddenSince.current = document.visibilityState === 'hidden' ? Date.now() : null);
    document.addEventListener('visibilitychange', onVisibility);
    const events = ['keydown', 'pointerdown', 'wheel'] as const;
    for (const name of events) window.addEventListener(name, onInput, { passive: true });

    const timer = setInterval(async () => {
      const current = statusRef.current;
      if (current.kind !== 'held') return;
      const isAway = hiddenSince.current !== null && Date.now() - hiddenSince.current > HIDDEN_MS;
      if (isAway || Date.now() - lastInput.current > IDLE_MS) {
        await call('release');
        setStatus({ kind: 'idle' });
        return;
      }
      const answer = await call('heartbeat');
      // A lapsed lease (the laptop slept) is simply claimed again, unless someone else has it.
      if (answer?.status === 'free') apply(await call('claim'), { wasHolding: true });
      else apply(answer, { wasHolding: true });
    }, HEARTBEAT_MS);

    const release = () => {
      if (statusRef.current.kind !== 'held') return;
      const body = new Blob([JSON.stringify({ tabId: tabId.current, action: 'release' })], { type: 'text/plain' });
      navigator.sendBeacon(`/api/studio/articles/${articleId}/lease`, body);
    };
    window.addEventListener('pagehide', release);
    return () => {
      clearInterval(timer);
      for (const name of events) window.removeEventListener(name, onInput);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', release);
      release();
    };
  }, [articleId, apply, call, canEdit, claim]);

  /** Called when a save is refused because someone took over. */
  const markLost = useCallback((holder: { name: string; since: string }) => {
    setStatus({ kind: 'lost', holder: { userId: 0, name: holder.name, since: holder.since, isYou: false } });
  }, []);

  return {
    status,
    tabId,
    takeOver: () => claim('takeover'),
    resume: () => {
      lastInput.current = Date.now();
      return claim('claim');
    },
    markLost,
    /** Lets go on purpose: after returning the article to its writer. */
    handBack: async () => {
      await call('release');
      setStatus({ kind: 'handedBack' });
    },
  };
}
