'use client';

import { useActionState } from 'react';
import type { ActionResult } from '@/lib/http/action-result';
import type { Role } from '@/lib/permissions';
import { FieldError, fieldInvalid, FormFeedback } from './form-feedback';

type Action = (previous: ActionResult<string> | null, form: FormData) => Promise<ActionResult<string>>;

const ROLE_OPTIONS: Array<{ value: Role; label: string }> = [
  { value: 'writer', label: 'Writer' },
  { value: 'editor', label: 'Editor' },
  { value: 'admin', label: 'Admin' },
];

export function CreateUserForm({ action }: { action: Action }) {
  const [result, submit, isPending] = useActionState(action, null);
  return (
    <form action={submit} className="panel form-grid" noValidate>
      <h2 className="panel-title">Add a member of staff</h2>
      <div className="field">
        <label htmlFor="new-name">Name</label>
        <input id="new-name" name="name" required aria-invalid={fieldInvalid(result, 'name')} aria-describedby="new-name-error" />
        <FieldError id="new-name-error" result={result} field="name" />
      </div>
      <div className="field">
        <label htmlFor="new-email">Email</label>
        <input
          id="new-email"
          name="email"
          type="email"
          required
          aria-invalid={fieldInvalid(result, 'email')}
          aria-describedby="new-email-error"
        />
        <FieldError id="new-email-error" result={result} field="email" />
      </div>
      <div className="field">
        <label htmlFor="new-role">Role</label>
        <select id="new-role" name="role" defaultValue="writer">
          {ROLE_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="new-password">Password</label>
        <input
          id="new-password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={fieldInvalid(result, 'password')}
          aria-describedby="new-password-hint new-password-error"
        />
        <p id="new-password-hint" className="field-hint">
          At least 12 characters. Share it with them privately.
        </p>
        <FieldError id="new-password-error" result={result} field="password" />
      </div>
      <div className="form-grid-actions">
        <button type="submit" className="button button-primary" disabled={isPending}>
          Add user
        </button>
        <FormFeedback result={result} />
      </div>
    </form>
  );
}

export function RoleForm({ action, userId, role, name }: { action: Action; userId: number; role: Role; name: string }) {
  const [result, submit, isPending] = useActionState(action, null);
  return (
    <form action={submit} className="inline-form">
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={`role-${userId}`} className="visually-hidden">
        Role of {name}
      </label>
      <select id={`role-${userId}`} name="role" defaultValue={role}>
        {ROLE_OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <button type="submit" className="button button-small" disabled={isPending}>
        Change role
      </button>
      <FormFeedback result={result} />
    </form>
  );
}

export function ActivationForm({ action, userId, isActive, name }: { action: Action; userId: number; isActive: boolean; name: string }) {
  const [result, submit, isPending] = useActionState(action, null);
  return (
    <form action={submit} className="inline-form">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="active" value={isActive ? 'false' : 'true'} />
      <button
        type="submit"
        className={isActive ? 'button button-small button-danger' : 'button button-small'}
        disabled={isPending}
        aria-label={`${isActive ? 'Deactivate' : 'Reactivate'} ${name}`}
      >
        {isActive ? 'Deactivate' : 'Reactivate'}
      </button>
      <FormFeedback result={result} />
    </form>
  );
}

export function PasswordResetForm({ action, userId, name }: { action: Action; userId: number; name: string }) {
  const [result, submit, isPending] = useActionState(action, null);
  return (
    <form action={submit} className="inline-form">
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={`password-${userId}`} className="visually-hidden">
        New password for {name}
      </label>
      <input id={`password-${userId}`} name="password" type="password" autoComplete="new-password" placeholder="New password" />
      <button type="submit" className="button button-small" disabled={isPending}>
        Set password
      </button>
      <FormFeedback result={result} />
      <FieldError id={`password-${userId}-error`} result={result} field="password" />
    </form>
  );
}
