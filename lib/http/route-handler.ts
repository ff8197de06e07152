import 'server-only';
import { ForbiddenError, toErrorBody } from '@/lib/errors';

const NO_STORE = { 'Cache-Control': 'private, no-store' };

/**
 * Wraps a route handler: refuses cross-site mutations, and turns thrown errors into the
 * JSON error shape with the right status (typed errors) or a bare 500 (anything else).
 */
export async function handleRoute(request: Request, run: () => Promise<Response>): Promise<Response> {
  try {
    if (request.method !== 'GET' && request.method !== 'HEAD') assertSameOrigin(request);
    const response = await run();
    for (const [name, value] of Object.entries(NO_STORE)) {
      if (!response.headers.has(name)) response.headers.set(name, value);
    }
    return response;
  } catch (error) {
    const { status, body, headers } = toErrorBody(error);
    return Response.json(body, { status, headers: { ...headers, ...NO_STORE } });
  }
}

/**
 * Browsers send Origin with every cross-site POST/PUT/DELETE; a foreign or "null" one
 * is refused. Non-browser clients (scripts, tests) that send none are let through: they
 * carry no ambient cookies from a victim's browser.
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get('origin');
  if (origin === null) return;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new ForbiddenError('Cross-site requests are not accepted.');
  }
  if (!host || originHost !== host) throw new ForbiddenError('Cross-site requests are not accepted.');
}
