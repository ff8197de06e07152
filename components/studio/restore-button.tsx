'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { ActionResult } from '@/lib/http/action-result';

/** Restores every field of a revision as a new revision, then opens the editor. */
export function RestoreButton({
  articleId,
  number,
  expectedVersion,
  restore,
}: {
  articleId: number;
  number: number;
  expectedVersion: number;
  restore: (input: unknown) => Promise<ActionResult<unknown>>;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run() {
    setBusy(true);
    setError(null);
    const result = await restore({ articleId, number, expectedVersion });
    setBusy(false);
    if (result.ok) router.push(`/studio/articles/${articleId}`);
    else setError([result.error.message, ...Object.values(result.error.fieldErrors ?? {}).flat()].join(' '));
  }

  return (
    <div className="restore">
      <button type="button" className="button button-primary" onClick={run} disabled={busy}>
        Restore this revision
      </button>
      <p className="hint">Every field comes back as it was here, as a new revision; nothing is deleted.</p>
      <div aria-live="polite">{error && <p className="notice notice-error">{error}</p>}</div>
    </div>
  );
}
