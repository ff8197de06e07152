import 'server-only';
import { and, desc, eq, gt, sql, type SQL } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/client';
import { signInAttempts, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { getConfig } from '@/lib/config';
import { TooManyRequestsError } from '@/lib/errors';
import type { Role } from '@/lib/permissions';
import { verifyAgainstDummy, verifyPassword } from './passwords';
import { decideSignInAllowance, type SignInLimits } from './sign-in-limits';

export type SignedInUser = { id: number; name: string; email: string; role: Role; sessionVersion: number };

/**
 * One password sign-in attempt, with its brute-force limits: too many recent failures
 * for this account or from this address refuse even a right password until the window
 * passes (TooManyRequestsError carries the wait). Returns null for any wrong credential,
 * unknown email or deactivated account alike, so the answer reveals nothing.
 */
export async function attemptPasswordSignIn({
  email: rawEmail,
  password,
  address,
  now = new Date(),
  limits = getConfig().signIn,
}: {
  email: string;
  password: string;
  address: string;
  now?: Date;
  limits?: SignInLimits;
}): Promise<SignedInUser | null> {
  const db = getDb();
  const email = rawEmail.trim().toLowerCase();

  // Step 1: reserve the attempt. Attempts for one account or from one address take turns
  // here, and each is written down as a failure before its password is checked, so a
  // burst of simultaneous guesses cannot slip past the limit together.
  const reservation = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`sign-in account ${email}`}, 0))`);
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`sign-in address ${address}`}, 0))`);
    const windowStart = new Date(now.getTime() - limits.windowSeconds * 1000);
    const [accountFailures, addressFailures] = [
      await recentAccountFailures(tx, email, windowStart),
      await recentFailures(tx, eq(signInAttempts.address, address), windowStart),
    ];
    const allowance = decideSignInAllowance({ now, limits, accountFailures, addressFailures });
    if (!allowance.allowed) return { kind: 'refused' as const, retryAfterSeconds: allowance.retryAfterSeconds };
    const [attempt] = await tx
      .insert(signInAttempts)
      .values({ email, address, succeeded: false, attemptedAt: now })
      .returning({ id: signInAttempts.id });
    return { kind: 'reserved' as const, attemptId: attempt!.id };
  });
  if (reservation.kind === 'refused') {
    await recordAudit(db, { actorId: null, action: 'sign_in.refused', address, details: { email }, at: now });
    throw new TooManyRequestsError(
      'Too many failed sign-in attempts. Please wait before trying again.',
      reservation.retryAfterSeconds,
    );
  }

  // Step 2: check the password, outside any transaction (argon2 takes a while).
  const [user] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      sessionVersion: users.sessionVersion,
      passwordHash: users.passwordHash,
      isActive: users.isActive,
    })
    .from(users)
    .where(eq(users.email, email));
  const passwordMatches = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
  const succeeded = Boolean(user && passwordMatches && user.isActive);

  // Step 3: settle the reservation.
  await db.transaction(async (tx) => {
    if (succeeded) {
      await tx.update(signInAttempts).set({ succeeded: true }).where(eq(signInAttempts.id, reservation.attemptId));
    }
    await recordAudit(tx, {
      actorId: succeeded ? user!.id : null,
      action: succeeded ? 'sign_in' : 'sign_in.failed',
      subjectType: user ? 'user' : undefined,
      subjectId: user?.id,
      address,
      details: succeeded ? {} : { email },
      at: now,
    });
  });
  if (!succeeded || !user) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion };
}

/** An account's failures since the later of the window start and its last success. */
async function recentAccountFailures(tx: Transaction, email: string, windowStart: Date): Promise<Date[]> {
  const [lastSuccess] = await tx
    .select({ at: signInAttempts.attemptedAt })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.email, email), eq(signInAttempts.succeeded, true), gt(signInAttempts.attemptedAt, windowStart)))
    .orderBy(desc(signInAttempts.attemptedAt))
    .limit(1);
  return recentFailures(tx, eq(signInAttempts.email, email), lastSuccess?.at ?? windowStart);
}

async function recentFailures(tx: Transaction, who: SQL, since: Date): Promise<Date[]> {
  const rows = await tx
    .select({ at: signInAttempts.attemptedAt })
    .from(signInAttempts)
    .where(and(who, eq(signInAttempts.succeeded, false), gt(signInAttempts.attemptedAt, since)))
    .orderBy(desc(signInAttempts.attemptedAt))
    .limit(1000);
  return rows.map((row) => row.at);
}
