'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/http/action-result';
import { FormFeedback } from './form-feedback';
import { readSourceFields, SourceFields, type SourceFieldValues } from './source-fields';

type Action = (previous: ActionResult<string> | null, form: FormData) => Promise<ActionResult<string>>;
type Submission = { result: ActionResult<string>; values: SourceFieldValues };

/**
 * Add or edit a source in the library. A refused submission keeps what was typed (React
 * resets a form after its action, to the fields' defaults, so those become what was sent);
 * an address already in the library is answered with a link to the source that has it.
 */
export function SourceForm({
  action,
  source,
  submitLabel,
}: {
  action: Action;
  source?: SourceFieldValues & { id: number };
  submitLabel: string;
}) {
  const [submission, submit, isPending] = useActionState(
    async (previous: Submission | null, form: FormData): Promise<Submission> => ({
      result: await action(previous?.result ?? null, form),
      values: readSourceFields(form),
    }),
    null,
  );
  const result = submission?.result ?? null;
  const refused = result?.ok === false;
  const existingId = existingSourceId(result);

  return (
    <form action={submit} className="panel form-stack" noValidate>
      {source && <input type="hidden" name="sourceId" value={source.id} />}
      <SourceFields idPrefix="source" initial={refused ? submission?.values : source} errors={(refused && result.error.fieldErrors) || {}} />
      <div className="form-grid-actions">
        <button type="submit" className="button button-primary" disabled={isPending}>
          {submitLabel}
        </button>
        <FormFeedback result={result}>
          {existingId !== null && (
            <Link href={`/studio/sources/${existingId}`} className="button">
              Open the existing source
            </Link>
          )}
        </FormFeedback>
      </div>
    </form>
  );
}

/** The id of the source a refused duplicate points to (the conflict carries it). */
function existingSourceId(result: ActionResult<string> | null): number | null {
  if (result?.ok !== false || result.error.code !== 'conflict') return null;
  const current = result.error.current as { id?: unknown } | null | undefined;
  return typeof current?.id === 'number' ? current.id : null;
}
