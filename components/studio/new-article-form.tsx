'use client';

import { useActionState } from 'react';
import type { ActionResult } from '@/lib/http/action-result';
import { FieldError, fieldInvalid, FormFeedback } from './form-feedback';

export function NewArticleForm({
  sections,
  create,
}: {
  sections: Array<{ id: number; name: string }>;
  create: (previous: ActionResult<null> | null, form: FormData) => Promise<ActionResult<null>>;
}) {
  const [result, action, isPending] = useActionState(create, null);
  return (
    <form action={action} className="panel form-stack" noValidate>
      <div className="field">
        <label htmlFor="headline">Headline</label>
        <input
          id="headline"
          name="headline"
          maxLength={200}
          required
          aria-invalid={fieldInvalid(result, 'headline')}
          aria-describedby="headline-error"
        />
        <FieldError id="headline-error" result={result} field="headline" />
      </div>
      <div className="field">
        <label htmlFor="sectionId">Section</label>
        <select id="sectionId" name="sectionId" required aria-invalid={fieldInvalid(result, 'sectionId')} aria-describedby="section-error">
          {sections.map((section) => (
            <option key={section.id} value={section.id}>
              {section.name}
            </option>
          ))}
        </select>
        <FieldError id="section-error" result={result} field="sectionId" />
      </div>
      {result?.ok === false && !result.error.fieldErrors && <FormFeedback result={result} />}
      <div>
        <button type="submit" className="button button-primary" disabled={isPending}>
          {isPending ? 'Creating…' : 'Create draft'}
        </button>
      </div>
    </form>
  );
}
