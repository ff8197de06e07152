'use client';

import { useState, type FormEvent } from 'react';

type FieldErrors = Partial<Record<'email' | 'password', string[]>>;

/**
 * Posts to /api/sign-in. With JavaScript the answer is shown in place; without it the
 * same form posts normally and the server redirects back with the outcome.
 */
export function LoginForm({ callbackUrl, initialError }: { callbackUrl: string; initialError: string | null }) {
  const [error, setError] = useState<string | null>(initialError);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [isPending, setPending] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    setFieldErrors({});
    try {
      const response = await fetch('/api/sign-in', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: form.get('email'), password: form.get('password'), callbackUrl }),
      });
      const answer = (await response.json().catch(() => null)) as
        | { redirectTo?: string; error?: { message: string; fieldErrors?: FieldErrors } }
        | null;
      if (response.ok && answer?.redirectTo) {
        // A full navigation, so every server component sees the new session.
        window.location.assign(answer.redirectTo);
        return;
      }
      setError(answer?.error?.message ?? 'Signing in failed. Please try again.');
      setFieldErrors(answer?.error?.fieldErrors ?? {});
    } catch {
      setError('The server could not be reached. Check your connection and try again.');
    }
    setPending(false);
  }

  return (
    <form className="login-form" method="post" action="/api/sign-in" onSubmit={handleSubmit} noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div className="field">
        <label htmlFor="email">Email</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          aria-invalid={fieldErrors.email ? true : undefined}
          aria-describedby={fieldErrors.email ? 'email-error' : undefined}
        />
        {fieldErrors.email && (
          <p id="email-error" className="field-error">
            {fieldErrors.email.join(' ')}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={fieldErrors.password ? true : undefined}
          aria-describedby={fieldErrors.password ? 'password-error' : undefined}
        />
        {fieldErrors.password && (
          <p id="password-error" className="field-error">
            {fieldErrors.password.join(' ')}
          </p>
        )}
      </div>
      <div aria-live="polite">{error && <p className="notice notice-error">{error}</p>}</div>
      <button type="submit" className="button button-primary button-wide" disabled={isPending}>
        {isPending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
