import { z } from 'zod';
import { InvalidCredentials, signIn, SignInRateLimited } from '@/lib/auth/auth';
import { TooManyRequestsError, UnauthorizedError, ValidationError } from '@/lib/errors';
import { MAX_FORM_BYTES, readBodyText } from '@/lib/http/request-body';
import { handleRoute } from '@/lib/http/route-handler';
import { safeRedirectPath } from '@/lib/http/safe-redirect';
import { fieldErrorsOf } from '@/lib/validation';

const signInSchema = z.object({
  email: z.string().trim().min(1, 'Enter your email.').max(254),
  password: z.string().min(1, 'Enter your password.').max(200),
  callbackUrl: z.string().max(2000).optional(),
});

const INVALID = 'Email or password is incorrect.';

/**
 * POST /api/sign-in: email + password (JSON from the login page's script, or a plain
 * form post without JavaScript). 200 / 303 on success with the session cookie set;
 * 401 with one generic message for any wrong credential; 429 with Retry-After when
 * an account or address has failed too often.
 */
export async function POST(request: Request): Promise<Response> {
  const isForm = (request.headers.get('content-type') ?? '').startsWith('application/x-www-form-urlencoded');
  const text = await readBodyText(request, MAX_FORM_BYTES).catch(() => '');
  const input = isForm ? Object.fromEntries(new URLSearchParams(text)) : parseJson(text);
  const callbackUrl = safeRedirectPath((input as { callbackUrl?: unknown } | null)?.callbackUrl);

  const outcome = await handleRoute(request, async () => {
    const parsed = signInSchema.safeParse(input);
    if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error), 'Enter your email and password.');
    try {
      await signIn('credentials', { email: parsed.data.email, password: parsed.data.password, redirect: false });
    } catch (error) {
      if (error instanceof SignInRateLimited) {
        throw new TooManyRequestsError(
          `Too many failed attempts. Try again in ${describeWait(error.retryAfterSeconds)}.`,
          error.retryAfterSeconds,
        );
      }
      if (error instanceof InvalidCredentials) throw new UnauthorizedError(INVALID);
      throw error;
    }
    return Response.json({ ok: true, redirectTo: callbackUrl });
  });

  if (!isForm) return outcome;
  // Without JavaScript: back to the login page with the outcome, or on to the studio.
  if (outcome.ok) return redirect(callbackUrl, outcome);
  const code = outcome.status === 429 ? 'rate_limited' : outcome.status === 401 ? 'invalid' : 'missing';
  return redirect(`/login?error=${code}&callbackUrl=${encodeURIComponent(callbackUrl)}`, outcome);
}

function redirect(location: string, from: Response): Response {
  const headers = new Headers({ Location: location, 'Cache-Control': 'private, no-store' });
  for (const cookie of from.headers.getSetCookie()) headers.append('Set-Cookie', cookie);
  const retryAfter = from.headers.get('Retry-After');
  if (retryAfter) headers.set('Retry-After', retryAfter);
  return new Response(null, { status: 303, headers });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null; // answered as a validation error below
  }
}

function describeWait(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
