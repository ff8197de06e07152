import { randomBytes } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, signInAttempts } from '@/db/schema';
import { TooManyRequestsError } from '@/lib/errors';
import { openConnections, useFreshDatabase } from '@/test-support/database';
import { createStaff, deactivate, TEST_PASSWORD } from '@/test-support/factories';
import { caught } from '@/test-support/inspect';
import { attemptPasswordSignIn } from './sign-in-service';
import type { SignInLimits } from './sign-in-limits';

const { db } = useFreshDatabase();

const limits: SignInLimits = { windowSeconds: 600, maxFailuresPerAccount: 3, maxFailuresPerAddress: 5 };
const START = new Date('2030-01-01T09:00:00Z');

function at(seconds: number): Date {
  return new Date(START.getTime() + seconds * 1000);
}

/** An address of its own per test, so no test sees another's failures. */
function freshAddress(): string {
  const hex = randomBytes(6).toString('hex');
  return `2001:db8::${hex.slice(0, 4)}:${hex.slice(4, 8)}:${hex.slice(8)}`;
}

function signIn({ email, password, address, now }: { email: string; password: string; address: string; now: Date }) {
  return attemptPasswordSignIn({ email, password, address, now, limits });
}

async function attemptsFrom(address: string) {
  return db()
    .select({ email: signInAttempts.email, succeeded: signInAttempts.succeeded, attemptedAt: signInAttempts.attemptedAt })
    .from(signInAttempts)
    .where(eq(signInAttempts.address, address))
    .orderBy(asc(signInAttempts.id));
}

async function auditFrom(address: string) {
  return db()
    .select({ action: auditEvents.action, actorId: auditEvents.actorId, subjectId: auditEvents.subjectId, details: auditEvents.details })
    .from(auditEvents)
    .where(eq(auditEvents.address, address))
    .orderBy(asc(auditEvents.id));
}

describe('password sign-in', () => {
  it('returns the user for the right password and records the success', async () => {
    const writer = await createStaff('writer');
    const address = freshAddress();

    const user = await signIn({ email: writer.email, password: TEST_PASSWORD, address, now: at(0) });

    expect(user).toEqual({ id: writer.id, name: writer.name, email: writer.email, role: 'writer', sessionVersion: 1 });
    expect(await attemptsFrom(address)).toEqual([{ email: writer.email, succeeded: true, attemptedAt: at(0) }]);
    expect(await auditFrom(address)).toEqual([{ action: 'sign_in', actorId: writer.id, subjectId: String(writer.id), details: {} }]);
  });

  it('ignores case and surrounding spaces in the email', async () => {
    const writer = await createStaff('writer');
    const address = freshAddress();

    const user = await signIn({ email: `  ${writer.email.toUpperCase()}  `, password: TEST_PASSWORD, address, now: at(0) });

    expect(user?.id).toBe(writer.id);
    expect((await attemptsFrom(address)).map((row) => row.email)).toEqual([writer.email]);
  });

  it('returns null for a wrong password and records a failed attempt', async () => {
    const writer = await createStaff('writer');
    const address = freshAddress();

    const user = await signIn({ email: writer.email, password: 'wrong password here', address, now: at(0) });

    expect(user).toBeNull();
    expect(await attemptsFrom(address)).toEqual([{ email: writer.email, succeeded: false, attemptedAt: at(0) }]);
    expect(await auditFrom(address)).toEqual([
      { action: 'sign_in.failed', actorId: null, subjectId: String(writer.id), details: { email: writer.email } },
    ]);
  });

  it('returns the same null for an unknown email and records a failed attempt', async () => {
    const address = freshAddress();
    const email = `nobody-${randomBytes(4).toString('hex')}@test.example`;

    const user = await signIn({ email, password: TEST_PASSWORD, address, now: at(0) });

    expect(user).toBeNull();
    expect(await attemptsFrom(address)).toEqual([{ email, succeeded: false, attemptedAt: at(0) }]);
    expect(await auditFrom(address)).toEqual([{ action: 'sign_in.failed', actorId: null, subjectId: null, details: { email } }]);
  });

  it('returns the same null for a deactivated account with the right password and records a failed attempt', async () => {
    const writer = await createStaff('writer');
    await deactivate(writer.id);
    const address = freshAddress();

    const user = await signIn({ email: writer.email, password: TEST_PASSWORD, address, now: at(0) });

    expect(user).toBeNull();
    expect(await attemptsFrom(address)).toEqual([{ email: writer.email, succeeded: false, attemptedAt: at(0) }]);
    expect(await auditFrom(address)).toEqual([
      { action: 'sign_in.failed', actorId: null, subjectId: String(writer.id), details: { email: writer.email } },
    ]);
  });
});

describe('brute-force limits', () => {
  it('refuses even the right password after too many failures for the account, with the computed wait', async () => {
    const writer = await createStaff('writer');
    const address = freshAddress();
    for (const second of [0, 10, 20]) {
      await signIn({ email: writer.email, password: 'wrong password here', address, now: at(second) });
    }

    const error = await caught(signIn({ email: writer.email, password: TEST_PASSWORD, address, now: at(30) }));

    expect(error).toBeInstanceOf(TooManyRequestsError);
    // The failure at 0 s must leave the 600 s window: 570 s after the attempt at 30 s.
    expect((error as TooManyRequestsError).retryAfterSeconds).toBe(570);
    const attempts = await attemptsFrom(address);
    expect(attempts).toHaveLength(3);
    expect(attempts.every((attempt) => !attempt.succeeded)).toBe(true);
    const actions = (await auditFrom(address)).map((row) => row.action);
    expect(actions).toEqual(['sign_in.failed', 'sign_in.failed', 'sign_in.failed', 'sign_in.refused']);
  });

  it('still refuses one second before the wait is over', async () => {
    const writer = await createStaff('writer');
    const address = freshAddress();
    for (const second of [0, 10, 20]) {
      await signIn({ email: writer.email, password: 'wrong password here', address, now: at(second) });
    }

    const error = await caught(signIn({ email: writer.email, password: TEST_PASSWORD, address, now: at(599) }));

    expect(error).toBeInstanceOf(TooManyRequestsError);
    expect((error as TooManyRequestsError).retryAfterSeconds).toBe(1);
  });

  it('accepts the right password once the oldest failure has left the window', async () => {
    const writer = await createStaff('writer');
    const address = freshAddress();
    for (const second of [0, 10, 20]) {
      await signIn({ email: writer.email, password: 'wrong password here', address, now: at(second) });
    }

    const user = await signIn({ email: writer.email, password: TEST_PASSWORD, address, now: at(600) });

    expect(user?.id).toBe(writer.id);
    expect((await attemptsFrom(address)).map((row) => row.succeeded)).toEqual([false, false, false, true]);
  });

  it('forgets the failures before a success', async () => {
    const writer = await createStaff('writer');
    const address = freshAddress();
    await signIn({ email: writer.email, password: 'wrong password here', address, now: at(0) });
    await signIn({ email: writer.email, password: 'wrong password here', address, now: at(10) });
    await signIn({ email: writer.email, password: TEST_PASSWORD, address, now: at(20) });
    await signIn({ email: writer.email, password: 'wrong password here', address, now: at(30) });
    await signIn({ email: writer.email, password: 'wrong password here', address, now: at(40) });

    // Four failures in the window, but only two since the success: below the limit of three.
    const user = await signIn({ email: writer.email, password: TEST_PASSWORD, address, now: at(50) });

    expect(user?.id).toBe(writer.id);
  });

  it('limits one address across different emails', async () => {
    const writer = await createStaff('writer');
    const address = freshAddress();
    for (let i = 0; i < limits.maxFailuresPerAddress; i++) {
      await signIn({ email: `guess-${i}-${randomBytes(3).toString('hex')}@test.example`, password: 'x'.repeat(12), address, now: at(i) });
    }

    const error = await caught(signIn({ email: writer.email, password: TEST_PASSWORD, address, now: at(100) }));

    expect(error).toBeInstanceOf(TooManyRequestsError);
    expect((error as TooManyRequestsError).retryAfterSeconds).toBe(500);
    const [success] = await db()
      .select()
      .from(signInAttempts)
      .where(and(eq(signInAttempts.email, writer.email), eq(signInAttempts.succeeded, true)));
    expect(success).toBeUndefined();
  });

  it('does not hold one address\'s failures against another address', async () => {
    const writer = await createStaff('writer');
    const noisy = freshAddress();
    for (let i = 0; i < limits.maxFailuresPerAddress; i++) {
      await signIn({ email: `guess-${i}-${randomBytes(3).toString('hex')}@test.example`, password: 'x'.repeat(12), address: noisy, now: at(i) });
    }
    const quiet = freshAddress();

    const user = await signIn({ email: writer.email, password: TEST_PASSWORD, address: quiet, now: at(100) });

    expect(user?.id).toBe(writer.id);
  });
});

describe('brute-force limits under concurrent attempts', () => {
  it('checks no more wrong passwords than the account limit allows, however many arrive at once', async () => {
    const writer = await createStaff('writer');
    const address = freshAddress();
    await openConnections(db());

    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, () => signIn({ email: writer.email, password: 'wrong password here', address, now: at(0) })),
    );

    const answered = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const refused = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
    expect(answered).toHaveLength(limits.maxFailuresPerAccount);
    expect(refused).toHaveLength(10 - limits.maxFailuresPerAccount);
    expect(refused.every((reason) => reason instanceof TooManyRequestsError)).toBe(true);
    expect(await attemptsFrom(address)).toHaveLength(limits.maxFailuresPerAccount);
  });
});
