import type { FieldErrors } from '@/lib/errors';

export type PostError = { status: number; message: string; fieldErrors?: FieldErrors; current?: unknown };

/**
 * POSTs JSON to a studio route and reads its answer: the data, or the error in the shape
 * route handlers send (message, field errors, and for a conflict what exists instead).
 * A network failure is an error too, never a throw.
 */
export async function postJson<Data>(url: string, body: unknown): Promise<{ ok: true; data: Data } | { ok: false; error: PostError }> {
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).catch(() => null);
  if (!response) return { ok: false, error: { status: 0, message: 'The studio could not be reached. Check the connection and try again.' } };
  const answer = (await response.json().catch(() => null)) as { error?: Omit<PostError, 'status'> } | null;
  if (response.ok && answer) return { ok: true, data: answer as Data };
  return { ok: false, error: { status: response.status, message: answer?.error?.message ?? 'That did not work. Try again.', ...answer?.error } };
}
