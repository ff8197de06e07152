'use client';

import { startTransition, useActionState, useState, type FormEvent } from 'react';
import type { ActionResult } from '@/lib/http/action-result';
import { FieldError, FormFeedback } from './form-feedback';

// Server actions accept bodies up to 1 MB (next.config.js); larger texts go through `npm run import`.
const PASTE_LIMIT_BYTES = 1_000_000;
// Problems with the pasted text itself, shown under it.
const TEXT_FIELDS = ['text', 'headline', 'standfirst', 'body'] as const;

export function ImportForm({
  sections,
  importArticle,
}: {
  sections: Array<{ id: number; name: string }>;
  importArticle: (previous: ActionResult<null> | null, form: FormData) => Promise<ActionResult<null>>;
}) {
  const [result, action, isPending] = useActionState(importArticle, null);
  const [tooLarge, setTooLarge] = useState(false);
  const textInvalid = tooLarge || TEXT_FIELDS.some((field) => result?.ok === false && Boolean(result.error.fieldErrors?.[field]?.length));
  const sectionInvalid = result?.ok === false && Boolean(result.error.fieldErrors?.sectionId?.length);
  const formatInvalid = result?.ok === false && Boolean(result.error.fieldErrors?.format?.length);
  const shownFields: readonly string[] = [...TEXT_FIELDS, 'format', 'sectionId'];
  const otherErrors =
    result?.ok === false ? Object.entries(result.error.fieldErrors ?? {}).flatMap(([field, messages]) => (shownFields.includes(field) ? [] : messages)) : [];

  // Submitted by hand rather than through `action`, so a refused import keeps the pasted text
  // (React resets a form after its action runs).
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const isTooLarge = new Blob([String(form.get('text') ?? '')]).size > PASTE_LIMIT_BYTES;
    setTooLarge(isTooLarge);
    if (!isTooLarge) startTransition(() => action(form));
  }

  return (
    <form onSubmit={submit} className="panel form-stack" noValidate>
      <div className="field">
        <label htmlFor="import-text">Paste the article</label>
        <p id="import-text-hint" className="field-hint">
          Plain text, Markdown or HTML. Formatting the body cannot hold (scripts, styles, embeds) is left out.
        </p>
        <textarea
          id="import-text"
          name="text"
          rows={16}
          required
          aria-invalid={textInvalid || undefined}
          aria-describedby={['import-text-hint', ...TEXT_FIELDS.map((field) => `import-${field}-error`), 'import-size-error'].join(' ')}
        />
        {TEXT_FIELDS.map((field) => (
          <FieldError key={field} id={`import-${field}-error`} result={result} field={field} />
        ))}
        {tooLarge && (
          <p id="import-size-error" className="field-error">
            This text is over 1 MB: too large to paste. Import it as a file with npm run import.
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="import-format">Format</label>
        <select id="import-format" name="format" defaultValue="detect" aria-invalid={formatInvalid || undefined} aria-describedby="import-format-error">
          <option value="detect">Detect automatically</option>
          <option value="text">Plain text</option>
          <option value="markdown">Markdown</option>
          <option value="html">HTML</option>
        </select>
        <FieldError id="import-format-error" result={result} field="format" />
      </div>
      <div className="field">
        <label htmlFor="import-section">Section</label>
        <select id="import-section" name="sectionId" required aria-invalid={sectionInvalid || undefined} aria-describedby="import-section-error">
          {sections.map((section) => (
            <option key={section.id} value={section.id}>
              {section.name}
            </option>
          ))}
        </select>
        <FieldError id="import-section-error" result={result} field="sectionId" />
      </div>
      {result?.ok === false && !result.error.fieldErrors && <FormFeedback result={result} />}
      {otherErrors.length > 0 && <p className="notice notice-error">{otherErrors.join(' ')}</p>}
      <div>
        <button type="submit" className="button button-primary" disabled={isPending}>
          {isPending ? 'Creating…' : 'Create draft'}
        </button>
      </div>
    </form>
  );
}
