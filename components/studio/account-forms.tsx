'use client';

import { useActionState } from 'react';
import type { ActionResult } from '@/lib/http/action-result';
import { FieldError, fieldInvalid, FormFeedback } from './form-feedback';

export function ChangePasswordForm({
  action,
}: {
  action: (previous: ActionResult<null> | null, form: FormData) => Promise<ActionResult<null>>;
}) {
  const [result, submit, isPending] = useActionState(action, null);
  const field = (name: string, label: string, autoComplete: string) => (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <input
        id={name}
        name={name}
        type="password"
        autoComplete={autoComplete}
        aria-invalid={fieldInvalid(result, name)}
        aria-describedby={`${name}-error`}
      />
      <FieldError id={`${name}-error`} result={result} field={name} />
    </div>
  );
  return (
    <form action={submit} className="panel form-stack" noValidate>
      <h2 className="panel-title">Change your password</h2>
      {field('currentPassword', 'Current password', 'current-password')}
      {field('newPassword', 'New password', 'new-password')}
      {field('confirmPassword', 'New password again', 'new-password')}
      <p className="field-hint">At least 12 characters. You will sign in again everywhere afterwards.</p>
      <div>
        <button type="submit" className="button button-primary" disabled={isPending}>
          Change password
        </button>
      </div>
      {result?.ok === false && !result.error.fieldErrors && <FormFeedback result={result} />}
    </form>
  );
}
