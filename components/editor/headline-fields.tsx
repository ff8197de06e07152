'use client';

import type { FieldErrors } from '@/lib/errors';
import { Errors } from './meta-fields';

/** The headline and standfirst above the body, set in the type readers will see. */
export function HeadlineFields({
  headline,
  standfirst,
  isReadOnly,
  fieldErrors,
  onChange,
}: {
  headline: string;
  standfirst: string;
  isReadOnly: boolean;
  fieldErrors: FieldErrors;
  onChange: (change: { headline?: string; standfirst?: string }) => void;
}) {
  return (
    <>
      <div className="field headline-field">
        <label htmlFor="headline">Headline</label>
        <textarea
          id="headline"
          className="headline-input"
          rows={2}
          value={headline}
          readOnly={isReadOnly}
          maxLength={200}
          onChange={(event) => onChange({ headline: event.target.value.replace(/\n/g, ' ') })}
          aria-invalid={fieldErrors.headline ? true : undefined}
          aria-describedby="headline-error"
        />
        <Errors id="headline-error" messages={fieldErrors.headline} />
      </div>
      <div className="field">
        <label htmlFor="standfirst">Standfirst</label>
        <textarea
          id="standfirst"
          className="standfirst-input"
          rows={2}
          value={standfirst}
          readOnly={isReadOnly}
          maxLength={600}
          onChange={(event) => onChange({ standfirst: event.target.value })}
          aria-invalid={fieldErrors.standfirst ? true : undefined}
          aria-describedby="standfirst-error"
        />
        <Errors id="standfirst-error" messages={fieldErrors.standfirst} />
      </div>
    </>
  );
}
