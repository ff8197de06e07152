import { describe, expect, it } from 'vitest';
import { groupIntoSessions, type HistoryEntry } from './history-groups';

const at = (time: string): Date => new Date(`2026-03-02T${time}:00Z`);
const entry = (number: number, author: string, time: string, foldedBefore = 0): HistoryEntry => ({
  number,
  reason: 'save',
  author,
  createdAt: at(time),
  wasPublished: false,
  note: null,
  foldedBefore,
});

describe('groupIntoSessions', () => {
  it('groups consecutive entries by one author into sessions, newest first, with folded counts', () => {
    const entries = [
      entry(9, 'Ben Okafor', '16:10'),
      entry(8, 'Ben Okafor', '15:55', 4),
      entry(7, 'Ana Ruiz', '15:40', 2),
      entry(6, 'Ana Ruiz', '15:20', 3),
      entry(5, 'Ana Ruiz', '15:00'),
    ];

    const sessions = groupIntoSessions(entries);

    expect(sessions).toEqual([
      { author: 'Ben Okafor', startedAt: at('15:55'), endedAt: at('16:10'), entries: entries.slice(0, 2), foldedCount: 4 },
      { author: 'Ana Ruiz', startedAt: at('15:00'), endedAt: at('15:40'), entries: entries.slice(2), foldedCount: 5 },
    ]);
  });

  it('starts a new session after a gap longer than the limit, and keeps one of exactly the limit', () => {
    const entries = [entry(4, 'Ana Ruiz', '12:00'), entry(3, 'Ana Ruiz', '11:30'), entry(2, 'Ana Ruiz', '10:59'), entry(1, 'Ana Ruiz', '10:50')];

    const sessions = groupIntoSessions(entries);

    expect(sessions.map((session) => session.entries.map((item) => item.number))).toEqual([[4, 3], [2, 1]]);
  });

  it('splits one author’s work when someone else edited in between', () => {
    const entries = [entry(3, 'Ana Ruiz', '10:20'), entry(2, 'Ben Okafor', '10:10'), entry(1, 'Ana Ruiz', '10:00')];

    expect(groupIntoSessions(entries).map((session) => session.author)).toEqual(['Ana Ruiz', 'Ben Okafor', 'Ana Ruiz']);
  });

  it('uses the gap it is given', () => {
    const entries = [entry(2, 'Ana Ruiz', '10:20'), entry(1, 'Ana Ruiz', '10:00')];

    expect(groupIntoSessions(entries, { gapMinutes: 10 })).toHaveLength(2);
    expect(groupIntoSessions(entries, { gapMinutes: 20 })).toHaveLength(1);
  });

  it('gives no sessions for an empty history', () => {
    expect(groupIntoSessions([])).toEqual([]);
  });
});
