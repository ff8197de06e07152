'use client';

import { useMemo, useState, type FormEvent } from 'react';
import type { ActionResult } from '@/lib/http/action-result';
import { Errors } from './meta-fields';

export type ScheduleInfo = {
  publishAt: string | null;
  unpublishAt: string | null;
  timeZone: string;
  revisionNumber: number | null;
  hasLaterEdits: boolean;
};

type ScheduleAction = (input: unknown) => Promise<ActionResult<unknown>>;

/**
 * Schedules publication (and optionally unpublication) at a wall-clock time in a chosen
 * time zone, or shows and cancels the current schedule.
 */
export function SchedulePanel({
  articleId,
  status,
  schedule,
  defaultTimeZone,
  getVersion,
  unsourcedCount,
  flush,
  onScheduled,
  scheduleAction,
  cancelAction,
}: {
  articleId: number;
  status: string;
  schedule: ScheduleInfo | null;
  defaultTimeZone: string;
  getVersion: () => number;
  /** Claims without a source: scheduling a publication then asks for the reason, as publishing does. */
  unsourcedCount: number;
  flush: () => Promise<boolean>;
  onScheduled: (message: string) => void;
  scheduleAction: ScheduleAction;
  cancelAction: ScheduleAction;
}) {
  const zones = useMemo(() => ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')], []);
  const [timeZone, setTimeZone] = useState(schedule?.timeZone ?? defaultTimeZone);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const isPublished = status === 'published';

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    setFieldErrors({});
    if (!(await flush())) {
      setError('Your latest changes are not saved yet, so nothing was scheduled.');
      setBusy(false);
      return;
    }
    const publishLocal = String(form.get('publishAt') ?? '');
    const unpublishLocal = String(form.get('unpublishAt') ?? '');
    const result = await scheduleAction({
      articleId,
      expectedVersion: getVersion(),
      publishAt: publishLocal ? { local: publishLocal, timeZone } : undefined,
      unpublishAt: unpublishLocal ? { local: unpublishLocal, timeZone } : undefined,
      coverageOverride: String(form.get('coverageOverride') ?? '') || undefined,
    });
    setBusy(false);
    if (result.ok) onScheduled(publishLocal ? 'Scheduled. It stays off the site until its time.' : 'Unpublication scheduled.');
    else {
      setError(result.error.message);
      setFieldErrors(result.error.fieldErrors ?? {});
    }
  }

  async function cancel() {
    setBusy(true);
    const result = await cancelAction({ articleId, expectedVersion: getVersion() });
    setBusy(false);
    if (result.ok) onScheduled('Schedule cancelled.');
    else setError(result.error.message);
  }

  const format = (iso: string, zone: string) =>
    // dateStyle/timeStyle cannot be combined with timeZoneName, so the fields are spelt out.
    new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: zone,
      timeZoneName: 'short',
    }).format(new Date(iso));

  return (
    <section className="panel" aria-labelledby="schedule-title">
      <h2 id="schedule-title" className="panel-title">
        Schedule
      </h2>
      {schedule && (
        <div className="schedule-current">
          {schedule.publishAt && (
            <p>
              Publishes <strong>{format(schedule.publishAt, schedule.timeZone)}</strong>
              {schedule.revisionNumber && <> (revision {schedule.revisionNumber})</>}
            </p>
          )}
          {schedule.unpublishAt && (
            <p>
              Comes down <strong>{format(schedule.unpublishAt, schedule.timeZone)}</strong>
            </p>
          )}
          {schedule.hasLaterEdits && (
            <p className="hint">Edits made since scheduling are not in the scheduled version: schedule again to include them.</p>
          )}
          <button type="button" className="button button-danger" onClick={cancel} disabled={busy}>
            Cancel schedule
          </button>
        </div>
      )}
      <form onSubmit={submit} className="form-stack" noValidate>
        {!isPublished && (
          <div className="field">
            <label htmlFor="publishAt">Publish at</label>
            <input id="publishAt" name="publishAt" type="datetime-local" aria-describedby="publishAt-error" aria-invalid={fieldErrors.publishAt ? true : undefined} />
            {fieldErrors.publishAt && <p id="publishAt-error" className="field-error">{fieldErrors.publishAt.join(' ')}</p>}
          </div>
        )}
        <div className="field">
          <label htmlFor="unpublishAt">{isPublished ? 'Unpublish at' : 'Unpublish at (optional)'}</label>
          <input id="unpublishAt" name="unpublishAt" type="datetime-local" aria-describedby="unpublishAt-error" aria-invalid={fieldErrors.unpublishAt ? true : undefined} />
          {fieldErrors.unpublishAt && <p id="unpublishAt-error" className="field-error">{fieldErrors.unpublishAt.join(' ')}</p>}
        </div>
        <div className="field">
          <label htmlFor="timeZone">Time zone</label>
          <select id="timeZone" value={timeZone} onChange={(event) => setTimeZone(event.target.value)}>
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
        </div>
        {!isPublished && (unsourcedCount > 0 || fieldErrors.coverageOverride) && (
          <div className="field">
            <label htmlFor="schedule-coverage-override">Reason to publish without sources</label>
            <textarea
              id="schedule-coverage-override"
              name="coverageOverride"
              rows={2}
              maxLength={1000}
              aria-describedby="schedule-coverage-override-hint schedule-coverage-override-error"
              aria-invalid={fieldErrors.coverageOverride ? true : undefined}
            />
            <p id="schedule-coverage-override-hint" className="hint">
              {unsourcedCount === 1 ? 'One claim has' : `${unsourcedCount || 'Some'} claims have`} no source. Needed to schedule the publication;
              kept in the audit log.
            </p>
            <Errors id="schedule-coverage-override-error" messages={fieldErrors.coverageOverride} />
          </div>
        )}
        <div aria-live="polite">{error && <p className="notice notice-error">{error}</p>}</div>
        <div>
          <button type="submit" className="button" disabled={busy}>
            Schedule
          </button>
        </div>
      </form>
    </section>
  );
}
