'use client';

import { useState, type FormEvent } from 'react';
import { NOTICE_KINDS, NOTICE_LABELS } from '@/lib/articles/article-input';
import type { FieldErrors } from '@/lib/errors';
import { EditorDialog } from './editor-dialog';
import { Errors } from './meta-fields';

export type PublishChoices = {
  notice?: { kind: (typeof NOTICE_KINDS)[number]; body: string };
  coverageOverride?: string;
};


/**
 * What publishing asks first, when there is something to ask: a reason to go ahead with
 * claims that have no source (kept in the audit log), and, when republishing, an optional
 * notice telling readers what changed.
 */
export function PublishDialog({
  isOpen,
  isRepublish,
  unsourced,
  onPublish,
  onClose,
}: {
  isOpen: boolean;
  isRepublish: boolean;
  unsourced: string[];
  onPublish: (choices: PublishChoices) => Promise<FieldErrors | string | null>;
  onClose: () => void;
}) {
  return (
    <EditorDialog title={isRepublish ? 'Publish changes' : 'Publish'} isOpen={isOpen} onClose={onClose} returnFocus={() => {}}>
      <PublishForm isRepublish={isRepublish} unsourced={unsourced} onPublish={onPublish} onClose={onClose} />
    </EditorDialog>
  );
}

function PublishForm({
  isRepublish,
  unsourced,
  onPublish,
  onClose,
}: {
  isRepublish: boolean;
  unsourced: string[];
  onPublish: (choices: PublishChoices) => Promise<FieldErrors | string | null>;
  onClose: () => void;
}) {
  const [kind, setKind] = useState<'' | (typeof NOTICE_KINDS)[number]>('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The server has the last word: if it finds unsourced claims the studio missed, ask.
  const [needsReason, setNeedsReason] = useState(unsourced.length > 0);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const reason = String(form.get('coverageOverride') ?? '').trim();
    const noticeBody = String(form.get('noticeBody') ?? '').trim();
    const local: FieldErrors = {};
    if (needsReason && !reason) local.coverageOverride = ['Say why this goes out with unsourced claims, or cite them first.'];
    if (kind && !noticeBody) local['notice.body'] = ['Write the notice readers will see.'];
    setErrors(local);
    setMessage(null);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    const problem = await onPublish({
      ...(kind ? { notice: { kind, body: noticeBody } } : {}),
      ...(needsReason ? { coverageOverride: reason } : {}),
    });
    setBusy(false);
    if (typeof problem === 'string') setMessage(problem);
    else if (problem) {
      setErrors(problem);
      if (problem.coverageOverride) setNeedsReason(true);
    }
  }

  return (
    <form onSubmit={submit} className="form-stack publish-form" noValidate>
      {!needsReason && !isRepublish && <p>Readers will see this version now.</p>}
      {needsReason && (
        <div className="unsourced-warning">
          <p>
            <strong>
              {unsourced.length === 1 ? 'One claim has' : `${unsourced.length || 'Some'} claims have`} no source.
            </strong>{' '}
            Cite {unsourced.length === 1 ? 'it' : 'them'} first, or give the reason to publish anyway.
          </p>
          {unsourced.length > 0 && (
            <ul>
              {unsourced.slice(0, 3).map((sentence) => (
                <li key={sentence}>{sentence.length > 160 ? `${sentence.slice(0, 159)}…` : sentence}</li>
              ))}
              {unsourced.length > 3 && <li className="hint">and {unsourced.length - 3} more</li>}
            </ul>
          )}
          <div className="field">
            <label htmlFor="coverage-override">Reason to publish without sources</label>
            <textarea
              id="coverage-override"
              name="coverageOverride"
              rows={3}
              maxLength={1000}
              autoFocus
              aria-invalid={errors.coverageOverride ? true : undefined}
              aria-describedby="coverage-override-hint coverage-override-error"
            />
            <p id="coverage-override-hint" className="hint">
              Kept in the audit log with your name.
            </p>
            <Errors id="coverage-override-error" messages={errors.coverageOverride} />
          </div>
        </div>
      )}
      {isRepublish && (
        <fieldset className="notice-fieldset">
          <legend>Notice for readers</legend>
          <div className="field">
            <label htmlFor="notice-kind">Notice</label>
            <select id="notice-kind" value={kind} onChange={(event) => setKind(event.target.value as typeof kind)} autoFocus={!needsReason}>
              <option value="">No notice</option>
              {NOTICE_KINDS.map((value) => (
                <option key={value} value={value}>
                  {NOTICE_LABELS[value]}
                </option>
              ))}
            </select>
          </div>
          {kind && (
            <div className="field">
              <label htmlFor="notice-body">Notice text</label>
              <textarea
                id="notice-body"
                name="noticeBody"
                rows={4}
                maxLength={2000}
                aria-invalid={errors['notice.body'] ? true : undefined}
                aria-describedby="notice-body-hint notice-body-error"
              />
              <p id="notice-body-hint" className="hint">
                {kind === 'correction' ? 'Shown at the top of the article, with the time.' : 'Shown at the foot of the article, with the time.'}
              </p>
              <Errors id="notice-body-error" messages={errors['notice.body'] ?? errors.notice} />
            </div>
          )}
        </fieldset>
      )}
      <div aria-live="polite">{message && <p className="notice notice-error">{message}</p>}</div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={busy}>
          Publish now
        </button>
      </div>
    </form>
  );
}
