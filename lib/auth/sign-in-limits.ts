/**
 * Brute-force limits for password sign-in. Pure: given the recent failures for an
 * account and for an address, say whether another attempt may be made and, if not,
 * after how many seconds it may. Failures older than the window no longer count.
 */
export type SignInLimits = { windowSeconds: number; maxFailuresPerAccount: number; maxFailuresPerAddress: number };

export type SignInAllowance = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export function decideSignInAllowance({
  now,
  limits,
  accountFailures,
  addressFailures,
}: {
  now: Date;
  limits: SignInLimits;
  accountFailures: readonly Date[];
  addressFailures: readonly Date[];
}): SignInAllowance {
  const waits = [
    waitFor(accountFailures, limits.maxFailuresPerAccount, limits.windowSeconds, now),
    waitFor(addressFailures, limits.maxFailuresPerAddress, limits.windowSeconds, now),
  ];
  const retryAfterSeconds = Math.max(...waits);
  return retryAfterSeconds > 0 ? { allowed: false, retryAfterSeconds } : { allowed: true };
}

/** Seconds until fewer than `max` failures remain inside the window (0: allowed now). */
function waitFor(failures: readonly Date[], max: number, windowSeconds: number, now: Date): number {
  const windowStart = now.getTime() - windowSeconds * 1000;
  const recent = failures
    .map((failure) => failure.getTime())
    .filter((time) => time > windowStart)
    .sort((a, b) => a - b);
  if (recent.length < max) return 0;
  // The oldest failures must age out until only max - 1 remain.
  const mustExpire = recent[recent.length - max]!;
  return Math.max(1, Math.ceil((mustExpire + windowSeconds * 1000 - now.getTime()) / 1000));
}
