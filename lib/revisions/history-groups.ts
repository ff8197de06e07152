export type HistoryEntry = {
  number: number;
  reason: string;
  author: string;
  createdAt: Date;
  wasPublished: boolean;
  note: string | null;
  /** Autosave checkpoints hidden between this entry and the next older one. */
  foldedBefore: number;
};

export type HistorySession = {
  author: string;
  startedAt: Date;
  endedAt: Date;
  /** Newest first, as given. */
  entries: HistoryEntry[];
  /** Autosave checkpoints folded away inside this session (the sum of its entries' `foldedBefore`). */
  foldedCount: number;
};

/**
 * Groups a history (newest first) into working sessions: consecutive entries by one author
 * where no two neighbours are more than `gapMinutes` apart. A gap of exactly `gapMinutes`
 * keeps the session going; another author's entry in between always starts a new one.
 */
export function groupIntoSessions(entries: HistoryEntry[], { gapMinutes = 30 }: { gapMinutes?: number } = {}): HistorySession[] {
  const gapMs = gapMinutes * 60_000;
  const sessions: HistorySession[] = [];
  let newer: HistoryEntry | undefined;
  for (const entry of entries) {
    const session = sessions[sessions.length - 1];
    const continues =
      session !== undefined &&
      newer !== undefined &&
      entry.author === session.author &&
      newer.createdAt.getTime() - entry.createdAt.getTime() <= gapMs;
    if (session && continues) {
      session.entries.push(entry);
      session.startedAt = entry.createdAt;
      session.foldedCount += entry.foldedBefore;
    } else {
      sessions.push({
        author: entry.author,
        startedAt: entry.createdAt,
        endedAt: entry.createdAt,
        entries: [entry],
        foldedCount: entry.foldedBefore,
      });
    }
    newer = entry;
  }
  return sessions;
}
