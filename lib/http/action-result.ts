import { unstable_rethrow } from 'next/navigation';
import { toErrorBody, type ErrorBody } from '@/lib/errors';

/** What every server action returns: its data, or the error a person can act on. */
export type ActionResult<Data = null> = { ok: true; data: Data } | { ok: false; error: ErrorBody['error'] };

/**
 * Runs an action's body: expected errors come back as values (for useActionState and
 * callers), redirects and notFound pass through, anything unexpected becomes a generic
 * message without internals.
 */
export async function runAction<Data>(body: () => Promise<Data>): Promise<ActionResult<Data>> {
  try {
    return { ok: true, data: await body() };
  } catch (error) {
    unstable_rethrow(error);
    return { ok: false, error: toErrorBody(error).body.error };
  }
}
