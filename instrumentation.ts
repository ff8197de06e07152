/**
 * Runs once when a Byline server starts (Next.js calls it): starts the scheduler for
 * timed publications. Not during `next build`, and not in the edge runtime.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  if (process.env.BYLINE_SCHEDULER === 'off') return;
  const { startScheduler } = await import('./lib/jobs/scheduler');
  startScheduler();
}
