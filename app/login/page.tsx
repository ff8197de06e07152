import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { LoginForm } from '@/components/auth/login-form';
import { getActor } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import { safeRedirectPath } from '@/lib/http/safe-redirect';
import '../studio/studio.css';

export const metadata: Metadata = { title: 'Sign in', robots: { index: false } };

const searchSchema = z.object({
  callbackUrl: z.string().optional().catch(undefined),
  error: z.enum(['invalid', 'rate_limited', 'missing']).optional().catch(undefined),
  notice: z.enum(['signed-out', 'password-changed', 'signed-out-everywhere']).optional().catch(undefined),
});

const NOTICES = {
  'signed-out': 'You have signed out.',
  'password-changed': 'Your password was changed. Sign in with the new one.',
  'signed-out-everywhere': 'You have been signed out on every device.',
} as const;

const ERRORS = {
  invalid: 'Email or password is incorrect.',
  rate_limited: 'Too many failed attempts. Please wait a few minutes before trying again.',
  missing: 'Enter your email and password.',
} as const;

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const query = searchSchema.parse(await searchParams);
  const callbackUrl = safeRedirectPath(query.callbackUrl);
  if (await getActor()) redirect(callbackUrl);

  return (
    <main id="main" className="login-page">
      <div className="login-card">
        <p className="login-site">{getConfig().siteName}</p>
        <h1>Sign in to the studio</h1>
        {query.notice && <p className="notice notice-info">{NOTICES[query.notice]}</p>}
        <LoginForm callbackUrl={callbackUrl} initialError={query.error ? ERRORS[query.error] : null} />
      </div>
    </main>
  );
}
