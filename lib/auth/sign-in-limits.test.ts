import { describe, it, expect } from 'vitest';
import { decideSignInAllowance, type SignInLimits } from './sign-in-limits';

const NOW = new Date('2025-05-01T12:00:00.000Z');
const LIMITS: SignInLimits = { windowSeconds: 900, maxFailuresPerAccount: 5, maxFailuresPerAddress: 20 };

const secondsAgo = (...seconds: number[]) => seconds.map((s) => new Date(NOW.getTime() - s * 1000));
/** `count` failures, the oldest `oldest` seconds ago and each next one a second later. */
const failuresFrom = (oldest: number, count: number) => secondsAgo(...Array.from({ length: count }, (_, i) => oldest - i));

const decide = ({ account = [], address = [] }: { account?: Date[]; address?: Date[] }) =>
  decideSignInAllowance({ now: NOW, limits: LIMITS, accountFailures: account, addressFailures: address });

describe('decideSignInAllowance: per account', () => {
  it('allows a first attempt', () => {
    expect(decide({})).toEqual({ allowed: true });
  });

  it('allows an attempt with one failure fewer than the limit', () => {
    expect(decide({ account: secondsAgo(400, 300, 200, 100) })).toEqual({ allowed: true });
  });

  it('refuses at the limit until the oldest counted failure leaves the window', () => {
    const result = decide({ account: secondsAgo(800, 600, 400, 200, 100) });

    expect(result).toEqual({ allowed: false, retryAfterSeconds: 100 });
  });

  it('over the limit, waits until only limit − 1 failures remain', () => {
    // Six failures: both the one 850 s ago and the one 800 s ago must leave.
    const result = decide({ account: secondsAgo(850, 800, 600, 400, 200, 100) });

    expect(result).toEqual({ allowed: false, retryAfterSeconds: 100 });
  });

  it('rounds a fractional wait up to whole seconds', () => {
    const result = decide({ account: secondsAgo(800.2, 600, 400, 200, 100) });

    expect(result).toEqual({ allowed: false, retryAfterSeconds: 100 });
  });

  it('asks for at least one second even when the oldest failure is about to leave', () => {
    const result = decide({ account: secondsAgo(899.999, 600, 400, 200, 100) });

    expect(result).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('ignores failures older than the window', () => {
    const result = decide({ account: secondsAgo(5000, 2000, 901, 400, 200, 100) });

    expect(result).toEqual({ allowed: true });
  });

  it('ignores a failure exactly as old as the window', () => {
    const result = decide({ account: secondsAgo(900, 600, 400, 200, 100) });

    expect(result).toEqual({ allowed: true });
  });

  it('reads failures given in any order', () => {
    const result = decide({ account: secondsAgo(100, 800, 200, 1000, 600, 400) });

    expect(result).toEqual({ allowed: false, retryAfterSeconds: 100 });
  });
});

describe('decideSignInAllowance: per address', () => {
  it('allows 19 failures from one address across accounts', () => {
    expect(decide({ address: failuresFrom(500, 19) })).toEqual({ allowed: true });
  });

  it('refuses the address at 20 failures, independently of the account', () => {
    const result = decide({ account: [], address: failuresFrom(500, 20) });

    expect(result).toEqual({ allowed: false, retryAfterSeconds: 400 });
  });

  it('does not let an account at the limit borrow the larger address allowance', () => {
    const failures = secondsAgo(800, 600, 400, 200, 100);

    const result = decide({ account: failures, address: failures });

    expect(result).toEqual({ allowed: false, retryAfterSeconds: 100 });
  });

  it('takes the larger wait when both limits are reached (address longer)', () => {
    const result = decide({ account: secondsAgo(800, 600, 400, 200, 100), address: failuresFrom(300, 20) });

    expect(result).toEqual({ allowed: false, retryAfterSeconds: 600 });
  });

  it('takes the larger wait when both limits are reached (account longer)', () => {
    const result = decide({ account: secondsAgo(500, 400, 300, 200, 100), address: failuresFrom(850, 20) });

    expect(result).toEqual({ allowed: false, retryAfterSeconds: 400 });
  });
});
