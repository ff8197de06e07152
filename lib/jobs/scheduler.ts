import 'server-only';
import { runDueSchedules } from '@/lib/articles/scheduling';

const store = globalThis as typeof globalThis & { __bylineScheduler?: ReturnType<typeof setInterval> };

/**
 * Runs scheduled publications and unpublications every second in this server process.
 * Every app server runs one; the database makes sure each job happens once. Nothing is
 * kept in memory, so a restart loses nothing: what fell due meanwhile runs on the first tick.
 */
export function startScheduler({ intervalMs = 1000 }: { intervalMs?: number } = {}): void {
  if (store.__bylineScheduler) return;
  let isRunning = false;
  const tick = async () => {
    if (isRunning) return; // a slow tick is never run twice at once
    isRunning = true;
    try {
      const { published, unpublished } = await runDueSchedules();
      for (const id of published) console.log(`[byline] scheduled publication of article ${id}`);
      for (const id of unpublished) console.log(`[byline] scheduled unpublication of article ${id}`);
    } catch (error) {
      console.error('[byline] the scheduler could not run:', error instanceof Error ? error.message : error);
    } finally {
      isRunning = false;
    }
  };
  store.__bylineScheduler = setInterval(() => void tick(), intervalMs);
  store.__bylineScheduler.unref?.();
  void tick();
}
