import 'server-only';
import { cache } from 'react';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { UnauthorizedError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { findSessionUser } from '@/lib/users/user-service';
import { auth } from './auth';

/**
 * The signed-in user for this request, checked against the database: the session's user
 * must exist, be active and carry the current session version. Cached per request.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const userId = Number(session?.user?.id);
  if (!session || !Number.isInteger(userId) || userId <= 0) return null;
  return findSessionUser(getDb(), { userId, sessionVersion: session.sessionVersion });
});

/** For actions and route handlers: the actor, or an UnauthorizedError (401). */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new UnauthorizedError();
  return actor;
}

/** For studio pages: the actor, or a redirect to the sign-in page that comes back here. */
export async function requireStudioActor(returnTo: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return actor;
}
